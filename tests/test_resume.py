"""A crawl killed with SIGKILL five times and started again stores every article exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ResponseGate, env_without_parkwatch, gated_site, wait_for, write_config

from parkwatch.sampleweb.server import LocalWeb

ARTICLES = 500
PER_PAGE = 50
ALLOWANCE = 90  # article responses let through per run
KILL_AFTER = 40  # new stored articles that trigger the kill (the rest of the allowance is still in flight)


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


def count_articles(db) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0


def test_five_sigkills_lose_and_duplicate_nothing(tmp_path):
    """Each kill lands on progress, not on the clock: after new articles were stored, while the gate holds the rest."""
    env = env_without_parkwatch()
    with LocalWeb(["big"]) as web:
        gate, config = gated_site(web, tmp_path / "config", local_web())
        db = tmp_path / "p.db"
        command = [sys.executable, "-m", "parkwatch.cli", "--config", str(config), "--db", str(db), "crawl"]
        stored = [0]
        for _ in range(5):
            gate.allow(ALLOWANCE)  # a few of these may go to requests of the killed crawl, left waiting
            child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            grew = wait_for(lambda child=child: count_articles(db) >= stored[-1] + KILL_AFTER or child.poll() is not None)
            child.send_signal(signal.SIGKILL)
            child.wait()
            assert grew and child.returncode == -signal.SIGKILL, "the crawl stopped before it stored a new batch"
            stored.append(count_articles(db))
        gate.open()
        final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr[-2000:]
    steps = list(zip(stored, stored[1:], strict=False))
    assert all(after >= before + KILL_AFTER for before, after in steps), stored  # each run stored a new batch …
    assert stored[-1] <= 5 * ALLOWANCE < ARTICLES  # … and was killed mid-crawl: the gate held the rest back
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*), count(distinct url), count(distinct id) from articles").fetchone() == (
        ARTICLES, ARTICLES, ARTICLES)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def worker_pids(parent: int) -> list[int]:
    """The crawl's worker processes (spawned multiprocessing children of *parent*), from /proc."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == parent and b"spawn_main" in cmdline:
            pids.append(int(stat.parent.name))
    return pids


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers through /proc")
def test_a_killed_worker_costs_no_pages(tmp_path):
    """A worker process killed mid-crawl (as the OOM killer would): new workers take over, every article is stored."""
    with LocalWeb(["big"]) as web:
        gate, config = gated_site(web, tmp_path / "config", local_web(), {"workers": 2})
        db = tmp_path / "p.db"
        gate.allow(ALLOWANCE)
        crawl = subprocess.Popen([sys.executable, "-m", "parkwatch.cli", "--config", str(config), "--db", str(db),
                                  "crawl"], env=env_without_parkwatch(), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        assert wait_for(lambda: count_articles(db) >= KILL_AFTER or crawl.poll() is not None)
        workers = worker_pids(crawl.pid)
        assert len(workers) == 2 and crawl.poll() is None
        os.kill(workers[0], signal.SIGKILL)
        gate.open()
        _, stderr = crawl.communicate(timeout=600)
    assert crawl.returncode == 0, stderr[-2000:]
    assert "a worker process died; starting new workers" in stderr
    assert count_articles(db) == ARTICLES


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers through /proc")
def test_sites_crawled_in_one_process_share_one_pool_of_workers(tmp_path):
    """Three sites in one crawl process with ``workers: 2``: two worker processes in all, not two per site."""
    names = ["big", "second", "third"]
    with LocalWeb(names) as web:
        gates = {name: ResponseGate("/a/") for name in names}
        web.publish({name: local_web() for name in names})
        for name in names:
            web.set_gate(name, gates[name])
            gates[name].allow(ALLOWANCE)
        config = write_config(tmp_path / "config", [
            {"name": name, "start_urls": [f"{web.bases[name]}/list_1.html"], "allow": ["/a/"], "max_pages": 20}
            for name in names], {"concurrency": 8, "workers": 2})
        db = tmp_path / "p.db"
        crawl = subprocess.Popen([sys.executable, "-m", "parkwatch.cli", "--config", str(config), "--db", str(db),
                                  "crawl"], env=env_without_parkwatch(), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        def under_way() -> bool:  # every site's spider is open and pages are being processed
            if crawl.poll() is not None or count_articles(db) < KILL_AFTER:
                return False
            with sqlite3.connect(db) as conn:
                return conn.execute("select count(distinct site) from crawls").fetchone()[0] == 3

        assert wait_for(under_way)
        workers = worker_pids(crawl.pid)
        for gate in gates.values():
            gate.open()
        _, stderr = crawl.communicate(timeout=600)
    assert crawl.returncode == 0, stderr[-2000:]
    assert len(workers) == 2, workers
    assert count_articles(db) == 3 * ARTICLES


def test_a_site_past_its_timeout_is_closed_with_what_it_stored(tmp_path):
    """``crawl --site-timeout``: a site still crawling is closed (requests in flight end at ``timeout``), what it
    fetched is stored, and the summary says the rest comes next time."""
    with LocalWeb(["big"]) as web:
        gate, config = gated_site(web, tmp_path / "config", local_web(), {"timeout": 2, "workers": 0})
        gate.allow(30)  # the rest is held: the site cannot finish on its own
        db = tmp_path / "p.db"
        result = subprocess.run([sys.executable, "-m", "parkwatch.cli", "--config", str(config), "--db", str(db),
                                 "crawl", "--site-timeout", "2"], env=env_without_parkwatch(), capture_output=True,
                                text=True, timeout=300)
        served = gate.served
        gate.open()
    assert result.returncode == 0, result.stderr[-2000:]
    assert "stopped at the site timeout (the rest next time)" in result.stdout
    assert count_articles(db) == served <= 30  # every article it was sent is stored
