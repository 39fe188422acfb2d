"""Politeness under load, and the CLI reading the database while a crawl writes it."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import env_without_parkwatch, gated_site, wait_for, write_config
from test_resume import local_web

from parkwatch.sampleweb.server import LocalWeb
from parkwatch.store import Store


def test_cli_reads_while_a_crawl_writes(tmp_path):
    """The crawl is let through 100 articles at a time; the CLI's store reads and searches at every step."""
    env = env_without_parkwatch()
    with LocalWeb(["big"]) as web:
        gate, config = gated_site(web, tmp_path / "config", local_web())
        db = tmp_path / "p.db"
        log = tmp_path / "crawl.log"
        with open(log, "wb") as out:  # a file, not a pipe nobody reads while waiting
            crawl = subprocess.Popen([sys.executable, "-m", "parkwatch.cli", "--config", str(config), "--db", str(db),
                                      "crawl"], env=env, stdout=subprocess.DEVNULL, stderr=out)
        counts: list[int] = []
        found: list[int] = []

        def read() -> int:
            if not db.exists():
                return 0
            with Store(db, migrate=False) as store:
                if not store.version:
                    return 0
                counts.append(store.article_count())
                found.append(len(store.search("园区项目建设")))
                return counts[-1]

        try:
            for step in range(1, 6):
                gate.allow(100)
                assert wait_for(lambda step=step: read() >= step * 100 or crawl.poll() is not None)
        finally:
            gate.open()
        assert crawl.wait(timeout=300) == 0, log.read_text(errors="replace")[-2000:]
    assert counts == sorted(counts)  # reads saw the crawl progress, never an error
    assert {100, 200, 300, 400}.issubset({c // 100 * 100 for c in counts if c < 500})  # … at every step
    assert max(found) > 0
    with Store(db) as store:
        assert store.article_count() == 500


class Timed(BaseHTTPRequestHandler):
    active = 0
    peak = 0
    starts: list[float] = []
    lock = threading.Lock()

    def do_GET(self):  # noqa: N802
        with Timed.lock:
            Timed.active += 1
            Timed.peak = max(Timed.peak, Timed.active)
            Timed.starts.append(time.monotonic())
        time.sleep(0.05)
        if self.path == "/list.html":
            body = "".join(f"<a href='/a/{n}.html'>新闻{n}</a>" for n in range(8)).encode()
        else:
            body = ("<html><body><h1>标题</h1>" + "<p>园区项目建设加快推进,企业满园,产业发展势头良好。</p>" * 5
                    + "</body></html>").encode()
        self.send_response(200 if self.path != "/robots.txt" else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        with Timed.lock:
            Timed.active -= 1

    def log_message(self, *args):
        pass


def test_per_site_delay_and_concurrency_hold(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Timed)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = write_config(tmp_path / "config", [{"name": "gov", "start_urls": [f"{base}/list.html"], "allow": ["/a/"],
                                                  "delay": 0.3, "concurrency": 1}], {"concurrency": 8})
    from conftest import run_cli

    result = run_cli("--config", str(config), "crawl", "--db", str(tmp_path / "p.db"))
    server.shutdown()
    assert result.returncode == 0, result.stderr
    assert Timed.peak == 1  # never two requests at once to this site
    gaps = [b - a for a, b in zip(Timed.starts, Timed.starts[1:], strict=False)]
    assert len(gaps) >= 9 and min(gaps) >= 0.14  # RANDOMIZE delay: 0.5–1.5 × 0.3 s between requests
