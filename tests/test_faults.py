"""A fault-injecting local web: every fault is recorded per URL, the rest of the crawl finishes, caps hold."""

from __future__ import annotations

import gzip
import socket
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import run_cli, write_config

GOOD = "".join(f"<p>第{i}段:绵阳高新区项目建设加快推进,园区企业满园,产业发展势头良好。</p>" for i in range(6))
FAULTS = ["500", "429", "slow", "reset", "truncated", "loop", "bomb", "huge", "png", "malformed"]


class Faulty(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: list[str] = []

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        path = self.path
        Faulty.hits.append(path)
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path.startswith("/list"):
            page = int(path.split("_")[1].split(".")[0]) if "_" in path else 1
            links = "".join(f"<a href='/a/{f}.html'>新闻{f}</a>" for f in FAULTS + ["good1", "good2"]) if page == 1 else ""
            links += "<a href='/private/x.html'>secret</a>"
            return self.send(200, f"<html><body>{links}<a href='/list_{page + 1}.html'>下一页</a></body></html>".encode())
        name = path.rsplit("/", 1)[-1].split(".")[0]
        article = f"<html><head><title>{name}</title></head><body><h1>{name}</h1>{GOOD}</body></html>".encode()
        if name.startswith("good"):
            return self.send(200, article)
        if name == "500":
            return self.send(500, b"oops")
        if name == "429":
            return self.send(429, b"slow down", Retry_After="1")
        if name == "slow":  # drips one byte a second, longer than the timeout
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            for _ in range(20):
                time.sleep(1)
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
            return
        if name == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
            return
        if name == "truncated":
            self.send_response(200)
            self.send_header("Content-Length", str(len(article) * 2))
            self.end_headers()
            self.wfile.write(article)
            self.connection.close()
            return
        if name == "loop":  # an endless chain of redirects
            hop = int(path.split("hop=")[1]) + 1 if "hop=" in path else 1
            return self.send(302, b"", Location=f"/a/loop.html?hop={hop}")
        if name == "bomb":  # 1 KB on the wire, 50 MB unpacked
            bomb = gzip.compress(b"<p>" + b"a" * 50_000_000, compresslevel=9)
            return self.send(200, bomb, Content_Encoding="gzip")
        if name == "huge":
            return self.send(200, b"<html><body>" + b"<p>huge</p>" * 300_000 + b"</body></html>")
        if name == "png":
            return self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 1000, "image/png")
        if name == "malformed":
            return self.send(200, b"<html><body><div><p>" + GOOD.encode()[:600] + b"<table><tr><td></p></div></span>")
        return self.send(404, b"not found")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    Faulty.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Faulty)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = write_config(tmp / "config", [{"name": "faulty", "start_urls": [f"{base}/list_1.html"], "allow": ["/a/", "/private/"],
                                            "max_pages": 5}],
                          {"timeout": 3, "max_page_bytes": 2_000_000, "scrapy": {"RETRY_TIMES": 1}})
    result = run_cli("--config", str(config), "crawl", "--db", str(tmp / "p.db"), timeout=300)
    server.shutdown()
    conn = sqlite3.connect(tmp / "p.db")
    errors = {url.rsplit("/", 1)[-1].split("?")[0]: (status, error) for url, status, error in
              conn.execute("select url, status, error from fetch_errors")}
    titles = sorted(r[0] for r in conn.execute("select title from articles"))
    return result, errors, titles, list(Faulty.hits)


def test_the_good_articles_are_stored(faulty_crawl):
    result, errors, titles, hits = faulty_crawl
    assert result.returncode == 0, result.stderr[-2000:]
    assert {"good1", "good2", "新闻malformed"} <= set(titles)  # the broken page: title from its link


@pytest.mark.parametrize(("name", "expected"), [
    ("500.html", "HTTP 500"), ("429.html", "HTTP 429"), ("slow.html", "took longer than 3.0 seconds"),
    ("loop.html", "max redirections"), ("png.html", "not an HTML page"), ("huge.html", "max size"),
    ("bomb.html", "exceeded DOWNLOAD_MAXSIZE"),
])
def test_each_fault_is_recorded_for_its_url(faulty_crawl, name, expected):
    errors = faulty_crawl[1]
    assert name in errors, errors
    assert expected.lower() in str(errors[name]).lower(), errors[name]


def test_connection_faults_are_recorded(faulty_crawl):
    errors = faulty_crawl[1]
    assert "reset.html" in errors and "truncated.html" in errors


def test_politeness_and_caps(faulty_crawl):
    hits = faulty_crawl[3]
    assert "/robots.txt" in hits and "/private/x.html" not in hits
    assert sum(1 for h in hits if h.startswith("/list")) == 5  # the pagination trap stops at max_pages
