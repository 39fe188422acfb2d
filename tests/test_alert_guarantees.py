"""What the alert path promises under concurrency, crashes and history (issue 14), each on real SQLite files.

Senders racing, a sender that dies after claiming, a crawl killed between storing an article and clustering it,
the high-water mark with an article still being clustered, two processes clustering one reprint, and a new watch
on a database with a history.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_alerts import STORY_A, STORY_B, add

from parkwatch.alerts.dispatch import send_pending
from parkwatch.alerts.outbox import claim, record_alerts, start_watches
from parkwatch.alerts.watches import load_watches
from parkwatch.extract.normalize import simplify
from parkwatch.store import Store
from parkwatch.stories import StoryIndex
from parkwatch.urls import article_id


class SlowHook(BaseHTTPRequestHandler):
    """A webhook receiver that takes its time, so senders overlap."""

    calls: list[dict] = []
    lock = threading.Lock()

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        time.sleep(0.2)
        with SlowHook.lock:
            SlowHook.calls.append({"key": self.headers.get("X-Parkwatch-Delivery"), **body})
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def hook():
    SlowHook.calls = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowHook)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def watches_file(folder: Path, port: int, extra: str = "", name: str = "parks") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "watches.yaml").write_text(
        f"channels:\n  hook: {{type: webhook, url: 'http://127.0.0.1:{port}/h'}}\n"
        f"watches:\n  - name: {name}\n    parks: [绵阳高新区]\n    channels: [hook]\n    digest: immediately\n{extra}",
        encoding="utf-8")
    return folder


def stored(db: Path, number: int, text: str = STORY_A) -> str:
    """An article row with mentions but, like one whose crawl was killed before clustering, no story yet."""
    with Store(db) as store:
        url = f"http://a.cn/{number}.html"
        add_without_story(store, url, text)
        return article_id(url)


def add_without_story(store: Store, url: str, text: str) -> None:
    from parkwatch.mentions import ArticleText
    from parkwatch.tagging import make_manager, tag

    mentions = [m.as_dict() for m in tag(ArticleText(text, region="四川省绵阳市"), make_manager(load_entry_points=False))]
    record = {"id": article_id(url), "url": url, "canonical_url": url, "site": "s", "title": f"标题{url}", "text": text,
              "text_simplified": simplify(text), "published_at": "2024-09-13", "fetched_at": "2024-09-14T00:00:00+00:00"}
    store.save_article(record, mentions)


def test_two_senders_at_once_send_each_delivery_once_with_its_key(tmp_path, hook):
    watches = load_watches(watches_file(tmp_path / "c", hook.server_address[1]))
    db = tmp_path / "p.db"
    with Store(db) as store:
        start_watches(store, watches)
        index = StoryIndex(store)
        for n in range(5):
            add(store, index, f"http://a.cn/{n}.html", f"绵阳高新区新闻{n}", f"第{n}篇。" + STORY_A + f"编号{n}。" * 40)
        record_alerts(store, watches)

    reports = []

    def sender():
        with Store(db) as own:  # each thread its own connection, as the daemon's jobs have
            reports.append(send_pending(own, watches))

    threads = [threading.Thread(target=sender) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.sent for r in reports) == sum(len(c["stories"]) for c in SlowHook.calls)
    story_keys = [s["key"] for call in SlowHook.calls for s in call["stories"]]
    assert len(story_keys) == len(set(story_keys)) >= 1  # no story twice, however the senders raced
    assert all(call["key"] and call["key"] == call["key"].strip() for call in SlowHook.calls)


def test_a_sender_that_died_after_claiming_is_replaced_with_the_same_key(tmp_path, hook):
    watches = load_watches(watches_file(tmp_path / "c", hook.server_address[1]))
    with Store(tmp_path / "p.db") as store:
        start_watches(store, watches)
        add(store, StoryIndex(store), "http://a.cn/1.html", "绵阳高新区签约", STORY_A)
        record_alerts(store, watches)
        dead = claim(store)  # claimed, then the process died before (or after) the channel took it
        assert len(dead) == 1 and send_pending(store, watches).sent == 0  # the lease holds
        later = datetime.now(UTC) + timedelta(minutes=11)
        assert send_pending(store, watches, now=later).sent == 1
        assert [c["key"] for c in SlowHook.calls] == [dead[0].batch]  # a receiver can drop a repeat by this key
        assert send_pending(store, watches, now=later + timedelta(hours=1)).sent == 0


def test_an_article_left_without_a_story_gets_one_at_the_next_crawl_and_alerts(tmp_path, hook):
    watches = load_watches(watches_file(tmp_path / "c", hook.server_address[1]))
    db = tmp_path / "p.db"
    with Store(db) as store:
        start_watches(store, watches)
    orphan = stored(db, 1)  # killed between storing and clustering: today it would never alert
    with Store(db) as store:
        assert record_alerts(store, watches) == 0  # not matched while it has no story, and not skipped either
        assert StoryIndex(store).repair() == 1  # what StoryPipeline.open_spider does at the next crawl
        assert store.db.execute("select story_id from articles where id = ?", [orphan]).fetchone()[0] is not None
        assert record_alerts(store, watches) == 1


def test_the_mark_does_not_pass_an_article_another_crawl_is_still_clustering(tmp_path, hook):
    watches = load_watches(watches_file(tmp_path / "c", hook.server_address[1]))
    db = tmp_path / "p.db"
    with Store(db) as store:
        start_watches(store, watches)
    first = stored(db, 1)  # site A's crawl stored it; its story comes later
    with Store(db) as store:
        add(store, StoryIndex(store), "http://b.cn/2.html", "绵阳高新区另一条", STORY_B + "绵阳高新区今年签约。")
        assert record_alerts(store, watches) == 0  # site B's article waits behind A's, it is not lost
        StoryIndex(store).assign(first)
        assert record_alerts(store, watches) == 2


CLUSTER = """
import sys
from parkwatch.store import Store
from parkwatch.stories import StoryIndex
store = Store(sys.argv[1])
index = StoryIndex(store)          # loaded before the other process stored anything
print("ready", flush=True)
sys.stdin.readline()               # go
print(index.assign(sys.argv[2]).story_id, flush=True)
"""


def test_two_processes_clustering_a_reprint_at_once_make_one_story(tmp_path):
    db = tmp_path / "p.db"
    Store(db).close()
    a = stored(db, 1, STORY_A)
    b = stored(db, 2, "来源:四川日报\n" + STORY_A + "\n(责编:王五)")
    children = [subprocess.Popen([sys.executable, "-c", CLUSTER, str(db), article], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True) for article in (a, b)]
    for child in children:
        assert child.stdout.readline().strip() == "ready"  # both indexes loaded while neither article had a story
    for child in children:
        child.stdin.write("\n")
        child.stdin.flush()
    stories = {child.stdout.readline().strip() for child in children}
    for child in children:
        child.wait(timeout=60)
    assert len(stories) == 1


def test_a_new_watch_on_a_full_database_sends_nothing_old_and_since_reaches_back(tmp_path, hook):
    db = tmp_path / "p.db"
    with Store(db) as store:
        for n in range(1000):
            add_without_story(store, f"http://old.cn/{n}.html", f"旧闻{n}:" + STORY_A[:200] + f"编号{n}。")
        store.db.execute("INSERT INTO stories (id) SELECT rowid FROM articles")
        store.db.execute("UPDATE articles SET story_id = rowid")  # a thousand stories, published in 2024
        now = datetime.now(UTC).isoformat(timespec="seconds")
        store.db.execute("UPDATE articles SET published_at = ? WHERE url = 'http://old.cn/999.html'", [now])
    port = hook.server_address[1]
    with Store(db) as store:
        assert record_alerts(store, load_watches(watches_file(tmp_path / "c", port))) == 0  # the history stays quiet
        recent = load_watches(watches_file(tmp_path / "d", port, "    since: 7d\n", name="recent"))
        assert record_alerts(store, recent) == 1  # since: 7d reaches back to what was published this week
        assert send_pending(store, recent).sent == 1
    assert len(SlowHook.calls) == 1 and len(SlowHook.calls[0]["stories"]) == 1
