"""The watch and digest paths not covered elsewhere: each matching criterion, triggers, quiet hours, back-off,
an IM robot's error answer, and the CLI's digest --dry-run, alerts, stories --since and search --site."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from conftest import run_cli
from test_alerts import STORY_A, STORY_B, add

from parkwatch.alerts.dispatch import send_pending
from parkwatch.alerts.outbox import match_article, record_alerts, start_watches
from parkwatch.alerts.watches import Watch, in_quiet_hours, load_watches
from parkwatch.extract.normalize import simplify
from parkwatch.scheduler import digest_trigger
from parkwatch.store import Store
from parkwatch.stories import StoryIndex

ARTICLE = {"site": "mianyang", "title_simplified": "绵阳高新区签约", "text_simplified": simplify(STORY_A)}
MENTIONS = [{"kind": "park", "entity_id": "G512046", "canonical": "绵阳高新技术产业开发区", "surface": "绵阳高新区"},
            {"kind": "region", "entity_id": "510700", "canonical": "绵阳市", "surface": "绵阳"},
            {"kind": "policy", "entity_id": "L-x", "canonical": "《关于推动开发区高质量发展的若干政策措施》", "surface": "…"}]


@pytest.mark.parametrize(("watch", "expected"), [
    (Watch("p", parks=("绵阳高新区",)), ["绵阳高新区"]),
    (Watch("p", parks=("G512046",)), ["G512046"]),
    (Watch("p", parks=("成都高新区",)), []),
    (Watch("r", regions=("四川",)), ["四川"]),  # a city inside the province counts
    (Watch("r", regions=("拉萨",)), []),
    (Watch("l", policies=("若干政策措施",)), ["若干政策措施"]),
    (Watch("s", sites=("mianyang",)), ["mianyang"]),
    (Watch("s", sites=("cdht",)), []),
    (Watch("k", keywords=("簽約",)), ["簽約"]),  # Traditional keyword, Simplified text
    (Watch("x", keywords=("签约",), exclude=("总投资",)), []),
    (Watch("a", parks=("绵阳高新区",), sites=("cdht",), match="any"), ["绵阳高新区"]),
    (Watch("a", parks=("绵阳高新区",), sites=("cdht",), match="all"), []),
    (Watch("a", parks=("绵阳高新区",), sites=("mianyang",), match="all"), ["绵阳高新区", "mianyang"]),
])
def test_each_criterion_matches(watch, expected):
    assert [t["term"] for t in match_article(watch, ARTICLE, MENTIONS)] == expected


def test_digest_triggers_and_quiet_hours():
    assert digest_trigger("immediately") is None
    assert str(digest_trigger("hourly").fields[6]) == "0"  # minute 0
    daily = digest_trigger("daily 08:30")
    assert (str(daily.fields[5]), str(daily.fields[6])) == ("8", "30")
    weekly = digest_trigger("weekly fri 17:05")
    assert (str(weekly.fields[4]), str(weekly.fields[5]), str(weekly.fields[6])) == ("fri", "17", "5")
    night = Watch("q", keywords=("x",), quiet_hours=(time(22, 0), time(7, 0)))
    assert in_quiet_hours(night, time(23, 30)) and in_quiet_hours(night, time(6, 59))
    assert not in_quiet_hours(night, time(7, 0)) and not in_quiet_hours(night, time(12, 0))


class Robot(BaseHTTPRequestHandler):
    answer = b'{"errcode": 0}'
    calls: list = []

    def do_POST(self):  # noqa: N802
        Robot.calls.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(200)
        self.send_header("Content-Length", str(len(Robot.answer)))
        self.end_headers()
        self.wfile.write(Robot.answer)

    def log_message(self, *args):
        pass


def test_an_im_error_answer_backs_off_and_quiet_hours_hold_then_it_goes_out(tmp_path):
    Robot.calls, Robot.answer = [], b'{"errcode": 310000, "errmsg": "keywords not in content"}'
    server = HTTPServer(("127.0.0.1", 0), Robot)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    (tmp_path / "watches.yaml").write_text(
        f"channels:\n  ding: {{type: dingtalk, url: 'http://127.0.0.1:{server.server_address[1]}/robot/send'}}\n"
        "watches:\n  - name: w\n    parks: [绵阳高新区]\n    channels: [ding]\n    quiet_hours: '00:00-00:01'\n",
        encoding="utf-8")
    watches = load_watches(tmp_path)
    with Store(tmp_path / "p.db") as store:
        start_watches(store, watches)
        add(store, StoryIndex(store), "http://a.cn/1.html", "绵阳高新区签约", STORY_A)
        record_alerts(store, watches)
        noon = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)  # 12:00 in Beijing
        first = send_pending(store, watches, now=noon)
        assert first.failed == 1 and first.sent == 0  # 200 with an error code is a failure
        row = store.db.execute("select status, attempts, last_error, next_attempt_at from deliveries").fetchone()
        assert row[:2] == ("pending", 1) and "errcode=310000" in row[2]
        assert row[3] == (noon + timedelta(minutes=1)).isoformat(timespec="seconds")  # back-off: 1 minute
        Robot.answer = b'{"errcode": 0}'
        assert send_pending(store, watches, now=noon + timedelta(seconds=30)).sent == 0  # still backing off
        midnight = datetime(2026, 12, 1, 16, 0, 30, tzinfo=UTC)  # 00:00:30 in Beijing: quiet
        assert send_pending(store, watches, now=midnight).quiet == 1
        assert store.db.execute("select status from deliveries").fetchone()[0] == "pending"  # given back, not lost
        assert send_pending(store, watches, now=midnight + timedelta(minutes=1)).sent == 1
    server.shutdown()
    assert len(Robot.calls) == 2 and "(parkwatch pw-" in Robot.calls[-1]["markdown"]["text"]


def test_cli_dry_run_alerts_stories_since_and_search_site(tmp_path):
    from conftest import write_config

    config = write_config(tmp_path / "c", [{"name": "mianyang", "start_urls": ["http://127.0.0.1:9/"]},
                                            {"name": "cdht", "start_urls": ["http://127.0.0.1:9/"]}])
    (config / "watches.yaml").write_text("channels:\n  hook: {type: webhook, url: 'http://127.0.0.1:9/h'}\n"
                                         "watches:\n  - name: w\n    parks: [绵阳高新区]\n    channels: [hook]\n",
                                         encoding="utf-8")
    db = tmp_path / "p.db"
    with Store(db) as store:
        start_watches(store, load_watches(config))
        index = StoryIndex(store)
        add(store, index, "http://a.cn/1.html", "绵阳高新区签约31个项目", STORY_A, site="mianyang")
        add(store, index, "http://b.cn/1.html", "成都高新区排名", STORY_B, site="cdht", region="四川省成都市")
    dry = run_cli("--config", str(config), "--db", str(db), "digest", "--dry-run")
    assert dry.returncode == 0 and "绵阳高新区签约31个项目" in dry.stdout
    assert "the outbox is empty" in run_cli("--config", str(config), "--db", str(db), "alerts").stdout  # no side effect
    assert run_cli("--config", str(config), "--db", str(db), "digest", "--output", str(tmp_path / "d.txt")).returncode == 2
    sent = run_cli("--config", str(config), "--db", str(db), "digest")  # the hook is down: kept pending
    assert sent.returncode == 1 and "1 new alerts; 0 sent, 1 failed" in sent.stdout
    outbox = run_cli("--config", str(config), "--db", str(db), "alerts")
    assert "w" in outbox.stdout and "hook" in outbox.stdout and "pending" in outbox.stdout
    dropped = run_cli("--config", str(config), "--db", str(db), "alerts", "--drop", "--watch", "w")
    assert "dropped 1 pending deliveries of w" in dropped.stdout
    assert "dropped" in run_cli("--config", str(config), "--db", str(db), "alerts").stdout
    stories = [json.loads(line) for line in run_cli("--db", str(db), "stories", "--since", "2024-09-01", "--json")
               .stdout.splitlines()]
    assert len(stories) == 2
    assert run_cli("--db", str(db), "stories", "--since", "2025-01-01", "--json").stdout.strip() == ""
    mine = run_cli("--db", str(db), "search", "高新区", "--site", "cdht", "--json").stdout.splitlines()
    assert mine and all(json.loads(line)["site"] == "cdht" for line in mine)


def test_alerts_of_a_removed_watch_are_dropped_with_a_note(tmp_path):
    (tmp_path / "watches.yaml").write_text("channels:\n  hook: {type: webhook, url: 'http://127.0.0.1:9/h'}\n"
                                           "watches:\n  - name: old\n    parks: [绵阳高新区]\n    channels: [hook]\n",
                                           encoding="utf-8")
    with Store(tmp_path / "p.db") as store:
        watches = load_watches(tmp_path)
        start_watches(store, watches)
        add(store, StoryIndex(store), "http://a.cn/1.html", "绵阳高新区签约", STORY_A)
        assert record_alerts(store, watches) == 1
        (tmp_path / "watches.yaml").write_text("channels:\n  hook: {type: webhook, url: 'http://127.0.0.1:9/h'}\n"
                                               "watches: []\n", encoding="utf-8")
        assert send_pending(store, load_watches(tmp_path)).sent == 0
        assert store.db.execute("select status, last_error from deliveries").fetchone() == (
            "dropped", "the watch was removed from watches.yaml")


def test_digest_groups_follow_the_watch_and_stories_are_newest_first(tmp_path):
    from parkwatch.alerts.digest import render

    (tmp_path / "watches.yaml").write_text("watches:\n  - name: w\n    parks: [成都高新区, 绵阳高新区]\n", encoding="utf-8")
    watches = load_watches(tmp_path)
    with Store(tmp_path / "p.db") as store:
        start_watches(store, watches)
        index = StoryIndex(store)
        add(store, index, "http://a.cn/1.html", "绵阳高新区旧闻", STORY_A)
        import random

        from test_stories import distinct_article

        add(store, index, "http://a.cn/2.html", "绵阳高新区新闻", "今年绵阳高新区新签约项目四十个。" +
            distinct_article(random.Random(5)))
        add(store, index, "http://b.cn/1.html", "成都高新区排名", STORY_B, region="四川省成都市")
        store.db.execute("UPDATE articles SET published_at = '2024-12-01' WHERE url = 'http://a.cn/2.html'")
        record_alerts(store, watches)
        alerts = store.rows("SELECT id AS alert_id, story_id, article_id, terms FROM alerts ORDER BY id", [])
        body = render(store, "w", alerts, "text").body
    assert body.index("【成都高新区】") < body.index("【绵阳高新区】")  # the watch's order, not the order of arrival
    assert body.index("绵阳高新区新闻") < body.index("绵阳高新区旧闻")  # newest first


def test_a_watch_on_a_zone_sees_news_of_its_listed_parts_and_not_the_reverse():
    from parkwatch.gazetteer import parks

    part = parks().find("中关村科技园区海淀园")[0][3][0]
    assert part.parent == "G112001"  # 中关村科技园区
    article = {"site": "x", "title_simplified": "海淀园新政", "text_simplified": "海淀园发布新政。"}
    on_part = [{"kind": "park", "entity_id": part.code, "canonical": part.name, "surface": "海淀园"}]
    assert [t["term"] for t in match_article(Watch("z", parks=("中关村科技园区",)), article, on_part)] == ["中关村科技园区"]
    on_zone = [{"kind": "park", "entity_id": "G112001", "canonical": "中关村科技园区", "surface": "中关村"}]
    assert match_article(Watch("p", parks=("中关村海淀园",)), article, on_zone) == []
