"""A government article as such sites publish it: three pages (TRS pager), and the policy itself in attachments.

The local site serves GBK pages like a TRS WCM site; the article links a PDF and a DOCX on the same host, a PDF on
another host (not fetched), a broken PDF and one over the size cap. A plain sites.yaml crawls it.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import run_cli, write_config

from parkwatch.sampleweb.documents import cjk_pdf, docx
from parkwatch.sampleweb.server import LocalWeb

PAGE_SENTENCES = ["园区提质增效行动取得阶段性成果，首批企业完成技改。", "第二页写明了标准厂房建设的进度和融资安排。",
                  "第三页说明专项资金将按季度拨付到位，接受审计监督。"]
PDF_ONLY = "对新入驻园区的先进制造业企业按设备投资额的百分之十给予补助"
DOCX_ONLY = "申报材料由园区管委会经发局统一受理并于十个工作日内办结"
GBK = "text/html; charset=gb2312"


def article_page(page: int) -> bytes:
    pager = f'<script>createPageHTML(3, {page}, "t20241120_1001", "html");</script>'
    filler = "".join(f"<p>{PAGE_SENTENCES[page]}这是第{page + 1}页第{i}段的补充说明文字。</p>" for i in range(3))
    links = ""
    if page == 0:
        links = ("<div class='fj'><a href='./P020241120_1.pdf'>附件1：绵阳高新区产业园区扶持政策实施细则.pdf</a>"
                 "<a href='./P020241120_2.docx'>附件2：申报指南.docx</a>"
                 "<a href='{other}/P02024_elsewhere.pdf'>附件3：外站文件.pdf</a>"
                 "<a href='./P020241120_3.pdf'>附件4：损坏的文件.pdf</a>"
                 "<a href='./P020241120_4.pdf'>附件5：很大的文件.pdf</a></div>")
    title = "关于印发绵阳高新区产业园区扶持政策的通知"
    html = (f"<html><head><meta charset='gb2312'><title>{title}</title></head><body><h1>{title}</h1>"
            f"<div class='info'>发布时间：2024-11-20 09:30 来源：绵阳高新区管委会</div>"
            f"<div class='TRS_Editor'>{filler}</div>{pager}{links}</body></html>")
    return html.encode("gbk")


def policy_pdf() -> bytes:
    return cjk_pdf(["第一条 为促进绵阳高新区产业园区高质量发展，根据《绵阳市促进园区发展若干政策》，制定本实施细则。",
                    f"第二条 {PDF_ONLY}，最高不超过五百万元。"])


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("attachments")
    with LocalWeb(["gov", "other"]) as web:
        base, other = web.bases["gov"], web.bases["other"]
        first = article_page(0).decode("gbk").replace("{other}", other).encode("gbk")
        web.publish({
            "gov": {
                "/zwgk/index.html": ("<html><body><ul><li><a href='./202411/t20241120_1001.html'>关于印发扶持政策的通知</a>"
                                     "</li></ul></body></html>".encode("gbk"), GBK),
                "/zwgk/202411/t20241120_1001.html": (first, GBK),
                "/zwgk/202411/t20241120_1001_1.html": (article_page(1), GBK),
                "/zwgk/202411/t20241120_1001_2.html": (article_page(2), GBK),
                "/zwgk/202411/P020241120_1.pdf": (policy_pdf(), "application/pdf"),
                "/zwgk/202411/P020241120_2.docx": (docx(["申报指南", DOCX_ONLY + "。"]),
                                                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                "/zwgk/202411/P020241120_3.pdf": (b"%PDF-1.4 this file was cut off", "application/pdf"),
                "/zwgk/202411/P020241120_4.pdf": (b"%PDF-1.4" + b"0" * 300_000, "application/pdf"),
            },
            "other": {"/P02024_elsewhere.pdf": (policy_pdf(), "application/pdf")},
        })
        config = write_config(tmp / "config", [{"name": "gov", "start_urls": [f"{base}/zwgk/index.html"],
                                                "allow": ["/t2024"], "max_pages": 1}],
                              {"max_attachment_bytes": 100_000})
        db = str(tmp / "p.db")
        result = run_cli("--config", str(config), "crawl", "--db", db)
        searches = {term: run_cli("--config", str(config), "--db", db, "search", term, "--json")
                    for term in (PDF_ONLY[2:14], DOCX_ONLY[4:16], PAGE_SENTENCES[2][:12])}
        other_hits = web.hits("other")
    return result, sqlite3.connect(db), searches, other_hits


def test_a_three_page_article_is_one_row_with_every_page(crawled):
    result, conn, _, _ = crawled
    assert result.returncode == 0, result.stderr[-2000:]
    rows = conn.execute("select url, text, quality from articles").fetchall()
    assert len(rows) == 1 and rows[0][0].endswith("/t20241120_1001.html")
    assert all(sentence in rows[0][1] for sentence in PAGE_SENTENCES)
    assert rows[0][1].index(PAGE_SENTENCES[0]) < rows[0][1].index(PAGE_SENTENCES[1]) < rows[0][1].index(PAGE_SENTENCES[2])
    assert json.loads(rows[0][2])["pages"] == 3


def test_attachments_are_read_stored_and_searchable(crawled):
    result, conn, searches, other_hits = crawled
    stored = {name: (kind, error, text) for name, kind, error, text in
              conn.execute("select name, kind, error, text from attachments")}
    assert PDF_ONLY in stored["附件1：绵阳高新区产业园区扶持政策实施细则.pdf"][2]  # lines the PDF broke are joined again
    assert DOCX_ONLY in stored["附件2：申报指南.docx"][2]
    assert stored["附件4：损坏的文件.pdf"][1].startswith("unreadable pdf")  # recorded, article kept
    assert "附件5：很大的文件.pdf" not in stored and "附件3：外站文件.pdf" not in stored and not other_hits
    errors = [e for (e,) in conn.execute("select error from fetch_errors")]
    assert any("P020241120_4.pdf" in e or "maxsize" in e.lower() or "max size" in e.lower() for e in errors), errors
    assert "2 attachments read" in result.stdout
    for term, found in searches.items():
        assert found.returncode == 0 and json.loads(found.stdout.splitlines()[0])["url"].endswith("t20241120_1001.html"), term


def test_policies_in_attachments_are_tagged_for_their_article(crawled):
    _, conn, _, _ = crawled
    in_pdf = conn.execute("select m.surface from mentions m join attachments t on t.id = m.attachment_id "
                          "where m.kind = 'policy'").fetchall()
    assert ("《绵阳市促进园区发展若干政策》",) in in_pdf
