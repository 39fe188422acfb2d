"""Watches, the outbox, digests and channels, against a real SMTP server (aiosmtpd) and a local webhook receiver."""

from __future__ import annotations

import json
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from parkwatch.alerts.digest import render
from parkwatch.alerts.dispatch import send_pending
from parkwatch.alerts.outbox import outbox, pending, record_alerts, start_watches
from parkwatch.alerts.watches import load_watches
from parkwatch.config import ConfigError
from parkwatch.extract.normalize import simplify
from parkwatch.mentions import ArticleText
from parkwatch.store import Store
from parkwatch.stories import StoryIndex
from parkwatch.tagging import make_manager, tag
from parkwatch.urls import article_id

PM = make_manager(load_entry_points=False)


class Mailbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


class Receiver(BaseHTTPRequestHandler):
    calls: list = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.calls.append((dict(self.headers), json.loads(body)))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, mailbox
    controller.stop()


@pytest.fixture
def webhook():
    Receiver.calls = []
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, Receiver.calls
    server.shutdown()


def write_watches(folder: Path, smtp_port: int, hook_port: int) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "watches.yaml").write_text(f"""
channels:
  mail: {{type: email, to: [zhang@example.cn], host: 127.0.0.1, port: {smtp_port}}}
  hook: {{type: webhook, url: "http://127.0.0.1:{hook_port}/hook", secret_env: PW_TEST_SECRET}}
watches:
  - name: mianyang
    parks: [绵阳高新区]
    channels: [mail, hook]
  - name: signings
    keywords: [签约]
    exclude: [招聘]
    channels: [mail]
""", encoding="utf-8")
    return folder


def add(store: Store, index: StoryIndex, url: str, title: str, text: str, site: str = "s",
        region: str = "四川省绵阳市") -> None:
    mentions = tag(ArticleText(text, title=title, region=region), PM)
    record = {"id": article_id(url), "url": url, "canonical_url": url, "site": site, "title": title, "text": text,
              "text_simplified": simplify(text), "published_at": "2024-09-13", "fetched_at": "2024-09-14T00:00:00+00:00"}
    store.upsert_article(record)
    store.replace_mentions(record["id"], [m.as_dict() for m in mentions])
    index.assign(record["id"])


def _sample(key: str) -> str:
    from parkwatch.sampleweb import load_articles

    return "\n".join(next(a for a in load_articles() if a["key"] == key)["paragraphs"])


STORY_A = "绵阳高新区今年新签约重大项目31个,总投资超过318亿元。\n" + _sample("mianyang-parks-linkage")
STORY_B = _sample("chengdu-hitech-ranking")
STORY_C = "<script>alert(1)</script>绵阳高新区举行企业家座谈会,听取企业意见建议。\n" + _sample("anzhou-new-materials")


def test_new_articles_between_two_crawls_alert_exactly_once(tmp_path, smtp, webhook, monkeypatch):
    monkeypatch.setenv("PW_TEST_SECRET", "s3cret")
    controller, mailbox = smtp
    server, calls = webhook
    watches = load_watches(write_watches(tmp_path, controller.port, server.server_address[1]))
    store = Store(tmp_path / "p.db")
    start_watches(store, watches)  # configured before the crawl: what it stores counts
    index = StoryIndex(store)
    add(store, index, "http://a.cn/1.html", "绵阳高新区签约31个项目", STORY_A)
    add(store, index, "http://b.cn/1.html", "成都高新区发布新政策", STORY_B, region="四川省成都市")
    record_alerts(store, watches)
    assert send_pending(store, watches).sent == 3  # mianyang: mail + hook; signings: mail
    assert len(mailbox.messages) == 2 and len(calls) == 1
    # a reprint of story A and one new story arrive with the next crawl
    add(store, index, "http://c.cn/9.html", "【转载】绵阳高新区签约31个项目", "来源:四川日报\n" + STORY_A, site="c")
    add(store, index, "http://a.cn/2.html", "<script>座谈会</script>", STORY_C)
    record_alerts(store, watches)
    report = send_pending(store, watches)
    assert report.sent == 3  # only the new story: mianyang by mail and webhook, signings by mail
    assert len(mailbox.messages) == 4 and len(calls) == 2
    headers, payload = calls[-1]
    assert [s["title"] for s in payload["stories"]] == ["<script>座谈会</script>"]
    assert headers["X-Parkwatch-Signature"].startswith("sha256=")
    html = mailbox.messages[-1].get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert record_alerts(store, watches) == 0 and send_pending(store, watches).sent == 0  # nothing twice


def test_smtp_down_keeps_the_digest_pending_until_it_is_back(tmp_path, webhook):
    server, _ = webhook
    mailbox = Mailbox()
    port = free_port()  # nothing listens there: the mail server is down
    watches = load_watches(write_watches(tmp_path, port, server.server_address[1]))
    store = Store(tmp_path / "p.db")
    start_watches(store, watches)
    index = StoryIndex(store)
    add(store, index, "http://a.cn/1.html", "绵阳高新区签约31个项目", STORY_A)
    record_alerts(store, watches)
    report = send_pending(store, watches)
    assert report.failed == 2 and report.sent == 1  # both mail digests wait; the webhook went out
    assert {r["status"] for r in outbox(store) if r["channel"] == "mail"} == {"pending"}
    assert pending(store) == []  # backing off
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        from datetime import UTC, datetime, timedelta

        later = datetime.now(UTC) + timedelta(minutes=5)
        assert send_pending(store, watches, now=later).sent == 2
        assert len(mailbox.messages) == 2
    finally:
        controller.stop()


def test_digest_formats_escape_scraped_text_and_fit_limits(tmp_path):
    store = Store(tmp_path / "p.db")
    index = StoryIndex(store)
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "watches.yaml").write_text("watches:\n  - name: all\n    keywords: [高新区]\n", encoding="utf-8")
    watches = load_watches(folder)
    start_watches(store, watches)
    import random

    from test_stories import distinct_article

    rng = random.Random(7)
    for n in range(30):
        add(store, index, f"http://a.cn/{n}.html", f"<b>标题{n}</b>", "<i>高新区</i>" + distinct_article(rng))
    record_alerts(store, watches)
    alerts = store.rows("SELECT id AS alert_id, story_id, article_id, terms FROM alerts", [])
    html = render(store, "all", alerts, "html").body
    assert "<b>标题" not in html and "&lt;b&gt;标题" in html and "<mark>高新区</mark>" in html
    md = render(store, "all", alerts, "md", limit=2000)
    assert len(md.body.encode()) <= 2000 and md.left_out > 0 and f"另有 {md.left_out} 条未列出" in md.body
    assert "\\<b\\>" in md.body


def test_watch_config_errors(tmp_path):
    (tmp_path / "watches.yaml").write_text(
        "channels:\n  m: {type: email, to: a@b.cn}\nwatches:\n  - name: w\n    parks: [x]\n    channels: [nope]\n",
        encoding="utf-8")
    with pytest.raises(ConfigError, match=r"watches.yaml: watch 'w' \(#1\): field 'channels': 'nope' is not defined"):
        load_watches(tmp_path)
    (tmp_path / "watches.yaml").write_text("watches:\n  - name: w\n    parks: [x]\n    digest: sometimes\n",
                                           encoding="utf-8")
    with pytest.raises(ConfigError, match="field 'digest': expected immediately, hourly"):
        load_watches(tmp_path)
    (tmp_path / "watches.yaml").write_text("channels:\n  x: {type: pigeon}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="channel 'x': field 'type': expected one of dingtalk, email"):
        load_watches(tmp_path)
    # a typo must not pass silently: starrtls ignored would send credentials over plain SMTP
    (tmp_path / "watches.yaml").write_text("channels:\n  m: {type: email, to: a@b.cn, starrtls: true}\n",
                                           encoding="utf-8")
    with pytest.raises(ConfigError, match="channel 'm': field 'starrtls': not a email channel field "
                                          r"\(did you mean 'starttls'\?\)"):
        load_watches(tmp_path)
    (tmp_path / "watches.yaml").write_text("channels:\n  m: {type: email, to: a@b.cn, starttls: yes please}\n",
                                           encoding="utf-8")
    with pytest.raises(ConfigError, match="field 'starttls': expected true or false"):
        load_watches(tmp_path)
    (tmp_path / "watches.yaml").write_text("watches:\n  - name: w\n    parks: [x]\n    digest: daily 25:61\n",
                                           encoding="utf-8")
    with pytest.raises(ConfigError, match=r"watch 'w' \(#1\): field 'digest': .*HH 00–23"):
        load_watches(tmp_path)
    (tmp_path / "watches.yaml").write_text("watches:\n  - name: w\n    parks: [x]\n    since: lately\n",
                                           encoding="utf-8")
    with pytest.raises(ConfigError, match="field 'since'"):
        load_watches(tmp_path)


def test_check_validates_the_whole_folder_without_crawling(tmp_path):
    from conftest import run_cli, write_config

    config = write_config(tmp_path / "c", [{"name": "news", "start_urls": ["http://127.0.0.1:9/list.html"]}])
    (config / "watches.yaml").write_text("channels:\n  m: {type: email, to: a@b.cn}\nwatches:\n  - name: w\n"
                                         "    parks: [绵阳高新区]\n    channels: [m]\n", encoding="utf-8")
    good = run_cli("--config", str(config), "--db", str(tmp_path / "p.db"), "check")
    assert good.returncode == 0 and "ok — 1 sites (1 enabled), 0 gazetteer entries, 1 watches, 1 channels" in good.stdout
    assert not (tmp_path / "p.db").exists()  # nothing crawled, nothing created
    assert "no channels" not in good.stdout
    (config / "watches.yaml").write_text("watches:\n  - name: feed-only\n    parks: [绵阳高新区]\n", encoding="utf-8")
    quiet = run_cli("--config", str(config), "--db", str(tmp_path / "p.db"), "check")
    assert quiet.returncode == 0 and "note: watch 'feed-only' has no channels" in quiet.stdout
    (config / "watches.yaml").write_text("watches:\n  - name: w\n    parks: [x]\n    digest: weekly mon 7:99\n",
                                         encoding="utf-8")
    bad = run_cli("--config", str(config), "check")
    assert bad.returncode == 2 and "watches.yaml: watch 'w' (#1): field 'digest'" in bad.stderr
    assert "Traceback" not in bad.stderr


class ApiReceiver(BaseHTTPRequestHandler):
    calls: list = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        ApiReceiver.calls.append((self.path, json.loads(body)))
        answer = b'{"ok": true}' if "/bot" in self.path else b'{"errcode": 0, "code": 0}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


def test_im_channels_send_their_own_formats(tmp_path, monkeypatch):
    monkeypatch.setenv("PW_DING", "ding-secret")
    monkeypatch.setenv("PW_FEISHU", "feishu-secret")
    monkeypatch.setenv("PW_TG", "123:abc")
    ApiReceiver.calls = []
    server = HTTPServer(("127.0.0.1", 0), ApiReceiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (tmp_path / "watches.yaml").write_text(f"""
channels:
  wecom: {{type: wecom, url: "{base}/wecom"}}
  ding: {{type: dingtalk, url: "{base}/ding?access_token=t", secret_env: PW_DING}}
  feishu: {{type: feishu, url: "{base}/feishu", secret_env: PW_FEISHU}}
  slack: {{type: slack, url: "{base}/slack"}}
  tg: {{type: telegram, chat_id: "42", token_env: PW_TG, api_base: "{base}"}}
watches:
  - name: w
    parks: [绵阳高新区]
    channels: [wecom, ding, feishu, slack, tg]
""", encoding="utf-8")
    watches = load_watches(tmp_path)
    store = Store(tmp_path / "p.db")
    start_watches(store, watches)
    add(store, StoryIndex(store), "http://a.cn/1.html", "绵阳高新区签约31个项目", STORY_A)
    record_alerts(store, watches)
    try:
        assert send_pending(store, watches).sent == 5
    finally:
        server.shutdown()
    calls = dict((path.split("?")[0], (path, body)) for path, body in ApiReceiver.calls)
    assert calls["/wecom"][1]["msgtype"] == "markdown" and "绵阳高新区" in calls["/wecom"][1]["markdown"]["content"]
    ding_path, ding = calls["/ding"]
    assert "timestamp=" in ding_path and "sign=" in ding_path and ding["msgtype"] == "markdown"
    assert calls["/feishu"][1]["msg_type"] == "text" and calls["/feishu"][1]["sign"]
    assert "绵阳高新区" in calls["/slack"][1]["text"]
    assert calls["/bot123:abc/sendMessage"][1]["chat_id"] == "42"


def test_watch_terms_that_match_nothing_are_errors_with_the_closest_names(tmp_path):
    from conftest import write_config

    write_config(tmp_path, [{"name": "mianyang", "start_urls": ["http://127.0.0.1:9/"]}])

    def fails(body: str, message: str) -> None:
        (tmp_path / "watches.yaml").write_text("watches:\n  - name: w\n" + body, encoding="utf-8")
        with pytest.raises(ConfigError, match=message):
            load_watches(tmp_path)

    fails("    parks: [成都高薪区]\n", r"field 'parks': '成都高薪区' is no park.*closest: 成都高新区")
    fails("    parks: [G999999]\n", "field 'parks': 'G999999' is no park")
    fails("    regions: [火星]\n", "field 'regions': no province, city or county is called '火星'")
    fails("    sites: [nosuchsite]\n", r"field 'sites': 'nosuchsite' is not in .*sites.yaml \(sites: mianyang\)")
    (tmp_path / "parks.yaml").write_text("- name: 东城智谷产业园\n  province: 四川省\n", encoding="utf-8")
    (tmp_path / "watches.yaml").write_text("watches:\n  - name: w\n    parks: [东城智谷产业园, 绵阳高新区, G512046]\n"
                                           "    sites: [mianyang]\n    regions: [绵阳]\n", encoding="utf-8")
    assert load_watches(tmp_path).watches[0].parks == ("东城智谷产业园", "绵阳高新区", "G512046")
