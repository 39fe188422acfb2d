"""A crawl killed with SIGKILL five times and started again stores every article exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import write_config

from parkwatch.sampleweb.server import LocalWeb

ARTICLES = 500
PER_PAGE = 50


def local_web() -> dict[str, tuple[bytes, str]]:
    html = "text/html; charset=utf-8"
    pages = {}
    for n in range(ARTICLES):
        body = "".join(f"<p>第{n}篇第{i}段:园区项目建设加快推进,企业满园,产业发展势头良好。编号{n * 7 + i}。</p>" for i in range(4))
        pages[f"/a/{n}.html"] = (f"<html><body><h1>园区新闻{n}</h1>{body}</body></html>".encode(), html)
    for page in range(ARTICLES // PER_PAGE):
        links = "".join(f"<li><a href='/a/{n}.html'>新闻{n}</a></li>" for n in range(page * PER_PAGE, (page + 1) * PER_PAGE))
        nav = f"<a href='/list_{page + 2}.html'>下一页</a>" if page + 1 < ARTICLES // PER_PAGE else ""
        pages[f"/list_{page + 1}.html"] = (f"<html><body><ul>{links}</ul>{nav}</body></html>".encode(), html)
    return pages


def test_five_sigkills_lose_and_duplicate_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARKWATCH_")}
    with LocalWeb(["big"]) as web:
        web.publish({"big": local_web()})
        config = write_config(tmp_path / "config", [{"name": "big", "start_urls": [f"{web.bases['big']}/list_1.html"],
                                                      "allow": ["/a/"], "max_pages": 20}], {"concurrency": 8})
        db = tmp_path / "p.db"
        command = [sys.executable, "-m", "parkwatch.cli", "--config", str(config), "--db", str(db), "crawl"]
        stored = []
        for _ in range(5):
            child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(3.5)
            child.send_signal(signal.SIGKILL)
            child.wait()
            if db.exists():
                stored.append(sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0])
        final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr[-2000:]
    assert stored == sorted(stored) and stored[-1] < ARTICLES  # the kills landed mid-crawl, progress was kept
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*), count(distinct url), count(distinct id) from articles").fetchone() == (
        ARTICLES, ARTICLES, ARTICLES)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
