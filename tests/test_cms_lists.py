"""Government CMS list pages whose pagination scripts write: a plain sites.yaml crawls every article.

A local server plays a TRS WCM site (GBK, ``createPageHTML`` pager, no ``<a>`` to page 2) and a Hanweb jpage
column (records in ``<script type="text/xml"><datastore>``, later pages from ``dataproxy.jsp``).
"""

from __future__ import annotations

import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import run_cli, write_config

from parkwatch.listing import hanweb_next_page, hanweb_records, trs_next_page

TRS_PAGES, PER_TRS_PAGE = 5, 10
HANWEB_RECORDS, PER_PROXY_PAGE = 45, 15


def article_html(title: str) -> str:
    body = "".join(f"<p>{title}第{i}段：园区项目建设加快推进，企业满园行动成效明显，产业链招商取得新进展。</p>" for i in range(4))
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div class='TRS_Editor'>{body}</div></body></html>"


def trs_list(page: int) -> str:
    first = page * PER_TRS_PAGE
    items = "".join(f"<li><a href='./202411/t20241120_{n}.html'>园区新闻{n}</a><span>2024-11-20</span></li>"
                    for n in range(first, first + PER_TRS_PAGE))
    pager = (f'<script>createPageHTML({TRS_PAGES}, {page}, "index", "html");</script>' if page % 2 == 0 else
             f'<script language="JavaScript">var countPage = {TRS_PAGES}//共多少页\nvar currentPage = {page};'
             f'//当前页\ncreatePageHTML(countPage, currentPage, "index", "html");</script>')
    nav = "<a href='/trs/'>首页</a><a href='/trs/about.html'>关于我们</a>"
    return f"<html><head><meta charset='gb2312'></head><body>{nav}<ul class='list'>{items}</ul>{pager}</body></html>"


def record(n: int) -> str:
    return (f"<record><![CDATA[<li><a href=\"/art/2024/11/20/art_1234_{n}.html\" target=\"_blank\">园区动态{n}</a>"
            f"<span>2024-11-20</span></li>]]></record>")


def hanweb_column() -> str:
    records = "".join(record(n) for n in range(1, PER_PROXY_PAGE + 1))
    return (
        "<html><head><meta charset='utf-8'><script src='/module/jslib/jquery/jpage/dataproxy.js'></script></head>"
        "<body><div id='1234'><script type='text/xml'><datastore><nextgroup><![CDATA[]]></nextgroup>"
        f"<recordset>{records}</recordset></datastore></script></div>"
        "<script>$(document).ready(function(){ $('#1234').jpage({dataStore: dataStore, perPage: 15, totalRecord: "
        f"{HANWEB_RECORDS}, proxyUrl: '/module/web/jpage/dataproxy.jsp', ajaxParam: {{col: 1, appid: 1, webid: 1, "
        "path: '/', columnid: 1234, sourceContentType: 1, unitid: 5678, webname: '园区', permissiontype: 0}}); });"
        "</script></body></html>")


def hanweb_proxy(start: int, end: int) -> str:
    records = "".join(record(n) for n in range(start, min(end, HANWEB_RECORDS) + 1))
    return (f"<?xml version='1.0' encoding='UTF-8'?><datastore><totalrecord>{HANWEB_RECORDS}</totalrecord>"
            f"<totalpage>{HANWEB_RECORDS // PER_PROXY_PAGE}</totalpage><recordset>{records}</recordset></datastore>")


class CmsSites(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        CmsSites.hits.append(self.path)
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        body, kind, encoding = None, "text/html", "utf-8"
        if path in ("/trs/index.html", "/trs/") or path.startswith("/trs/index_"):
            page = int(path.rsplit("_", 1)[1].split(".")[0]) if "_" in path else 0
            if page < TRS_PAGES:
                body, encoding = trs_list(page), "gbk"
        elif path.startswith("/trs/202411/"):
            body, encoding = article_html("园区新闻" + path.rsplit("_", 1)[1].split(".")[0]), "gbk"
        elif path == "/col/col1234/index.html":
            body = hanweb_column()
        elif path == "/module/web/jpage/dataproxy.jsp":
            if query.get("columnid") == ["1234"] and query.get("unitid") == ["5678"]:
                body, kind = hanweb_proxy(int(query["startrecord"][0]), int(query["endrecord"][0])), "text/xml"
        elif path.startswith("/art/2024/11/20/"):
            body = article_html("园区动态" + path.rsplit("_", 1)[1].split(".")[0])
        data = body.encode(encoding) if body else b"not found"
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", f"{kind}; charset={'gb2312' if encoding == 'gbk' else encoding}")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def cms_crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cms")
    CmsSites.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), CmsSites)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = write_config(tmp / "config", [
        {"name": "trs", "start_urls": [f"{base}/trs/index.html"], "allow": ["/t2024"], "max_pages": 5},
        {"name": "hanweb", "start_urls": [f"{base}/col/col1234/index.html"], "allow": ["/art/"], "max_pages": 3},
    ])
    result = run_cli("--config", str(config), "crawl", "--db", str(tmp / "p.db"), timeout=300)
    server.shutdown()
    rows = sqlite3.connect(tmp / "p.db").execute("select site, count(*) from articles group by site").fetchall()
    return result, dict(rows), list(CmsSites.hits)


def test_every_article_of_a_five_page_trs_list(cms_crawl):
    result, counts, hits = cms_crawl
    assert result.returncode == 0, result.stderr[-2000:]
    assert counts.get("trs") == TRS_PAGES * PER_TRS_PAGE
    assert "/trs/index_4.html" in hits and "/trs/index_5.html" not in hits  # the pager's last page ends it


def test_every_article_of_a_three_page_hanweb_column(cms_crawl):
    result, counts, hits = cms_crawl
    assert counts.get("hanweb") == HANWEB_RECORDS
    proxied = [h for h in hits if "dataproxy.jsp" in h]
    assert len(proxied) == 2 and "startrecord=16" in proxied[0] and "startrecord=31" in proxied[1]


def test_trs_pager_forms():
    url = "http://gov.example/zwgk/index.html"
    assert trs_next_page('createPageHTML(5, 0, "index", "html");', url) == "http://gov.example/zwgk/index_1.html"
    assert trs_next_page('createPageHTML(5, 4, "index", "html");', url) is None
    assert trs_next_page("var countPage = 3\nvar currentPage = 1;\ncreatePageHTML(countPage, currentPage, 'index', "
                         "'shtml');", url) == "http://gov.example/zwgk/index_2.shtml"
    assert trs_next_page("createPageHTML('page_div', 7, 1, 'index', 'html', 70);", url).endswith("/index_1.html")
    assert trs_next_page("<a href='index_1.html'>下一页</a>", url) is None


def test_hanweb_forms():
    column = hanweb_column()
    assert len(hanweb_records(column)) == PER_PROXY_PAGE
    first = hanweb_next_page(column, "http://gov.example/col/col1234/index.html")
    assert first.startswith("http://gov.example/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=30&perpage=15")
    assert "columnid=1234" in first and "unitid=5678" in first
    second = hanweb_next_page(hanweb_proxy(16, 30), first)
    assert "startrecord=31&endrecord=45" in second
    assert hanweb_next_page(hanweb_proxy(31, 45), second) is None
    by_page = "http://gov.example/module/web/jpage/dataproxy.jsp?page=2&webid=1&columnid=9"
    assert hanweb_next_page("<totalpage>3</totalpage>" + record(1), by_page).endswith("page=3&webid=1&columnid=9")
    assert hanweb_next_page("<totalpage>2</totalpage>" + record(1), by_page) is None
