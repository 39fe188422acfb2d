"""``parkwatch run`` as a real process: crawls on schedule, immediate digests, clean SIGTERM, exactly-once restarts."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from conftest import env_without_parkwatch, wait_for, write_config

from parkwatch.sampleweb.server import LocalWeb


class Hook(BaseHTTPRequestHandler):
    calls: list = []

    def do_POST(self):  # noqa: N802
        Hook.calls.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


SAMPLES = {"m1": "mianyang-parks-linkage", "c1": "chengdu-hitech-ranking", "m2": "mianyang-layout"}


def page(key: str) -> bytes:
    from parkwatch.extract.repair import remove_pinyin_artifacts
    from parkwatch.sampleweb import load_articles

    article = next(a for a in load_articles() if a["key"] == SAMPLES[key])
    body = "".join(f"<p>{remove_pinyin_artifacts(p)[0]}</p>" for p in article["paragraphs"])
    title = remove_pinyin_artifacts(article["title"])[0]
    return f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>".encode()


def site_pages(keys: list[str]) -> dict[str, tuple[bytes, str]]:
    pages = {f"/a/{key}.html": (page(key), "text/html; charset=utf-8") for key in keys}
    links = "".join(f"<li><a href='/a/{key}.html'>新闻</a></li>" for key in keys)
    pages["/list.html"] = (f"<html><body><ul>{links}</ul></body></html>".encode(), "text/html; charset=utf-8")
    return pages


M1 = "多措并举 绵阳助力园区提质增效"
M2 = "綿陽聚焦產業定位優化空間布局:把新引進項目布局到最合適的園區"


def crawls_started(db) -> int:
    """Crawl rows in the database. The daemon runs a site's next crawl only after the previous one's alerts
    were matched and sent, so N + 2 rows mean crawl N + 1 and everything after it has finished."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("select count(*) from crawls").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.fixture
def hook():
    Hook.calls = []
    server = HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def start(config, db) -> subprocess.Popen:
    """``parkwatch run`` with its output in ``run.log`` beside the database (a pipe could fill and block it)."""
    env = env_without_parkwatch()
    with open(db.parent / "run.log", "ab") as log:
        return subprocess.Popen([sys.executable, "-m", "parkwatch.cli", "--config", str(config), "--db", str(db),
                                 "run"], stdout=log, stderr=subprocess.STDOUT, env=env)


def test_daemon_crawls_alerts_once_per_story_and_stops_on_sigterm(tmp_path, hook):
    with LocalWeb(["news"]) as web:
        base = web.bases["news"]
        web.publish({"news": site_pages(["m1", "c1"])})
        config = write_config(tmp_path / "config", [{"name": "news", "start_urls": [f"{base}/list.html"],
                                                      "allow": ["/a/"], "schedule": "2s", "region": "四川省"}])
        (config / "watches.yaml").write_text(
            f"channels:\n  hook: {{type: webhook, url: 'http://127.0.0.1:{hook.server_address[1]}/h'}}\n"
            "watches:\n  - name: mianyang\n    parks: [绵阳高新区]\n    digest: immediately\n    channels: [hook]\n",
            encoding="utf-8")
        db = tmp_path / "p.db"
        daemon = start(config, db)
        try:
            assert wait_for(lambda: len(Hook.calls) >= 1)
            assert [s["title"] for s in Hook.calls[0]["stories"]] == [M1]
            web.publish({"news": site_pages(["m1", "c1", "m2"])})
            assert wait_for(lambda: len(Hook.calls) >= 2)
            seen = crawls_started(db)
            assert wait_for(lambda: crawls_started(db) >= seen + 3)  # two more crawls ran, matched and sent
            assert [s["title"] for s in Hook.calls[1]["stories"]] == [M2]
            assert len(Hook.calls) == 2
        finally:
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(timeout=60)
            output = (db.parent / "run.log").read_text(encoding="utf-8", errors="replace")
        assert daemon.returncode == 0, output
        assert "stopped" in output


def test_restart_after_sigkill_sends_recorded_alerts_exactly_once(tmp_path, hook):
    from parkwatch.alerts.outbox import record_alerts
    from parkwatch.alerts.watches import load_watches
    from parkwatch.store import Store

    with LocalWeb(["news"]) as web:
        base = web.bases["news"]
        web.publish({"news": site_pages(["m1"])})
        config = write_config(tmp_path / "config", [{"name": "news", "start_urls": [f"{base}/list.html"],
                                                      "allow": ["/a/"], "schedule": "2s", "region": "四川省"}])
        (config / "watches.yaml").write_text(
            f"channels:\n  hook: {{type: webhook, url: 'http://127.0.0.1:{hook.server_address[1]}/h'}}\n"
            "watches:\n  - name: mianyang\n    parks: [绵阳高新区]\n    digest: immediately\n    channels: [hook]\n",
            encoding="utf-8")
        db = tmp_path / "p.db"
        first = start(config, db)
        assert wait_for(lambda: len(Hook.calls) == 1)
        first.kill()  # SIGKILL
        first.wait()
        # an alert recorded, then the daemon killed before sending it
        web.publish({"news": site_pages(["m1", "m2"])})
        subprocess.run([sys.executable, "-m", "parkwatch.cli", "--config", str(config), "--db", str(db), "crawl"],
                       check=True, capture_output=True)
        with Store(db) as store:
            assert record_alerts(store, load_watches(config)) == 1
        for _ in range(2):  # restart twice: the pending alert goes out once
            seen = crawls_started(db)
            daemon = start(config, db)
            # the first crawl after the restart, with its matching and sending, has finished
            assert wait_for(lambda seen=seen: crawls_started(db) >= seen + 2)
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(timeout=60)
        assert [s["title"] for call in Hook.calls for s in call["stories"]] == [M1, M2]


class Drip(BaseHTTPRequestHandler):
    """A site that never finishes answering its list page (a hung crawl, as far as the daemon can tell)."""

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(600):
                self.wfile.write(b" ")
                self.wfile.flush()
                threading.Event().wait(0.5)
        except OSError:
            return

    def log_message(self, *args):
        pass


def test_a_hung_crawl_is_stopped_at_crawl_timeout_and_the_site_crawled_again(tmp_path):
    from http.server import ThreadingHTTPServer

    server = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    config = write_config(tmp_path / "config", [{"name": "hung", "start_urls": [
        f"http://127.0.0.1:{server.server_address[1]}/list.html"], "schedule": "2s"}],
        {"timeout": 600, "crawl_timeout": "3s", "obey_robots": False})
    db = tmp_path / "p.db"
    daemon = start(config, db)
    try:
        assert wait_for(lambda: crawls_started(db) >= 2)  # the first crawl was stopped, the next one started
        log = (tmp_path / "run.log").read_text(encoding="utf-8", errors="replace")
        assert "crawl hung: still running 3 s after crawl_timeout (3 s); stopping it" in log, log[-3000:]
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=120)
        server.shutdown()
    assert daemon.returncode == 0


def test_first_crawls_are_spread_and_a_failing_health_channel_does_not_stop_the_digest(tmp_path, hook):
    from datetime import timedelta

    from parkwatch.config import load_config
    from parkwatch.scheduler import Daemon, stagger
    from parkwatch.store import Store

    config = write_config(tmp_path / "config", [{"name": f"s{n}", "start_urls": ["http://127.0.0.1:9/"],
                                                  "schedule": "1h"} for n in range(3)])
    sites = load_config(config).sites
    assert [stagger(n, 3, site) for n, site in enumerate(sites)] == [timedelta(0), timedelta(seconds=200),
                                                                     timedelta(seconds=400)]
    (config / "watches.yaml").write_text(
        f"channels:\n  hook: {{type: webhook, url: 'http://127.0.0.1:{hook.server_address[1]}/h'}}\n"
        "  dead: {type: webhook, url: 'http://127.0.0.1:9/h'}\n"
        "health: {channels: [dead, hook]}\n"
        "watches:\n  - name: w\n    keywords: [园区]\n    digest: immediately\n    channels: [hook]\n", encoding="utf-8")
    db = tmp_path / "p.db"
    daemon = Daemon(load_config(config), db)  # notes the watch: what is stored from now on counts
    with Store(db) as store:
        crawl = store.start_crawl("s0")
        store.finish_crawl(crawl, {"pages": 1, "errors": 1}, "finished", {"parkwatch/blocked": 1,
                                                                          "parkwatch/blocked_challenge": 1})
        from test_alerts import STORY_A, add

        from parkwatch.stories import StoryIndex

        add(store, StoryIndex(store), "http://a.cn/1.html", "园区新闻", STORY_A)
    daemon.after_crawl("s0")
    health = [c for c in Hook.calls if "health" in c]
    digests = [c for c in Hook.calls if "stories" in c]
    assert len(health) == 1 and "blocked by a challenge" in health[0]["text"]  # the live channel still got it
    assert len(digests) == 1  # and the digest went out after the failed health channel
    with Store(db) as store:
        assert store.db.execute("select sent_at from health_alerts").fetchone()[0] is None  # retried later


class KeyedHook(BaseHTTPRequestHandler):
    calls: list = []

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        KeyedHook.calls.append((self.headers.get("X-Parkwatch-Delivery"), body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_two_sites_carrying_each_others_reprints_alert_each_story_once_with_keys(tmp_path):
    """``parkwatch run`` crawls both sites at once (their own processes); the same two stories are on both."""
    KeyedHook.calls = []
    server = HTTPServer(("127.0.0.1", 0), KeyedHook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with LocalWeb(["a", "b"]) as web:
        web.publish({"a": site_pages(["m1", "c1"]), "b": site_pages(["c1", "m1"])})
        config = write_config(tmp_path / "config", [
            {"name": name, "start_urls": [f"{web.bases[name]}/list.html"], "allow": ["/a/"], "schedule": "2s",
             "region": "四川省"} for name in ("a", "b")], {"parallel_crawls": 2})
        (config / "watches.yaml").write_text(
            f"channels:\n  hook: {{type: webhook, url: 'http://127.0.0.1:{server.server_address[1]}/h'}}\n"
            "watches:\n  - name: sichuan\n    regions: [四川]\n    digest: immediately\n    channels: [hook]\n",
            encoding="utf-8")
        db = tmp_path / "p.db"
        daemon = start(config, db)
        try:
            assert wait_for(lambda: crawls_started(db) >= 6)  # both sites crawled at least twice, after_crawl done
        finally:
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(timeout=120)
    server.shutdown()
    stories = [s["key"] for _, body in KeyedHook.calls for s in body["stories"]]
    assert sorted(stories) == sorted(set(stories)) and len(stories) == 2  # two stories, each once
    assert all(key and key == body["key"] for key, body in KeyedHook.calls)  # every delivery carries its key
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 4  # four copies …
        assert conn.execute("select count(distinct story_id) from articles").fetchone()[0] == 2  # … two stories


def test_due_sites_wait_and_are_crawled_together_in_one_process(tmp_path):
    """With one crawl process at a time, sites falling due while it runs wait, then go together into the next
    process (``sites_per_crawl``); a site already waiting is not queued twice."""
    from conftest import ResponseGate

    from parkwatch.config import load_config
    from parkwatch.scheduler import Daemon

    names = [f"s{n}" for n in range(6)]
    with LocalWeb(names) as web:
        web.publish({name: site_pages(["m1"]) for name in names})
        gate = ResponseGate("/a/")
        web.set_gate("s0", gate)  # the first crawl cannot end before the others are due
        config = write_config(tmp_path / "config", [
            {"name": name, "start_urls": [f"{web.bases[name]}/list.html"], "allow": ["/a/"], "region": "四川省"}
            for name in names], {"parallel_crawls": 1, "sites_per_crawl": 4})
        db = tmp_path / "p.db"
        daemon = Daemon(load_config(config), db)
        daemon.due("s0")
        assert wait_for(lambda: gate.waiting > 0)  # s0's crawl process is fetching its article
        for name in names[1:] + ["s1"]:
            daemon.due(name)
        assert daemon.pending == names[1:]  # s1 once
        gate.open()
        assert wait_for(daemon.idle, timeout=300)  # one read under the lock: the last batch may be leaving the queue
    assert daemon.batch_number == 3  # [s0], [s1 … s4], [s5]
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("select site from crawls")) == names  # each site crawled once
        assert conn.execute("select count(*) from articles").fetchone()[0] == 6


def test_a_stop_signal_while_the_main_thread_holds_a_lock_the_stop_needs_still_stops_the_daemon(tmp_path):
    """A signal handler runs in the main thread between two of its bytecodes, maybe while it holds a lock the stop
    needs (``parkwatch run`` hung for good when SIGTERM came while the scheduler loop held its executor's lock to
    submit a job): the handler only wakes the stop's own thread, which stops once the lock is free."""
    from parkwatch.config import load_config
    from parkwatch.scheduler import Daemon

    config = write_config(tmp_path / "config", [{"name": "s", "start_urls": ["http://127.0.0.1:9/list.html"],
                                                 "region": "四川省"}])
    daemon = Daemon(load_config(config), tmp_path / "p.db")
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM)}

    def hung(*_):
        raise TimeoutError("the SIGTERM handler did not return while the main thread held the daemon's lock")

    signal.signal(signal.SIGALRM, hung)
    try:
        daemon.handle_signals()
        with daemon.lock:  # held by the thread the signal interrupts, as the scheduler loop holds its executor's
            signal.setitimer(signal.ITIMER_REAL, 10)
            os.kill(os.getpid(), signal.SIGTERM)  # the handler runs in this thread, before the next line
            signal.setitimer(signal.ITIMER_REAL, 0)
            assert not daemon.stopping
        assert wait_for(lambda: daemon.stopping)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
