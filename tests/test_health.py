"""``parkwatch health`` flags a site whose markup changed, one that fell silent, and one that blocks us."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from conftest import run_cli, write_config

from parkwatch.sampleweb.server import LocalWeb


def article(n: int, dated: bool) -> bytes:
    date = f"<div class='info'>发布时间:2024-09-{n:02d} 08:00</div>" if dated else ""
    body = "".join(f"<p>第{n}篇第{i}段:园区项目建设加快推进,企业满园,产业发展势头良好。</p>" for i in range(5))
    return f"<html><body><h1>园区新闻{n}</h1>{date}<div>{body}</div></body></html>".encode()


def pages(numbers: list[int], dated: bool) -> dict[str, tuple[bytes, str]]:
    html = "text/html; charset=utf-8"
    out = {f"/a/{n}.html": (article(n, dated), html) for n in numbers}
    out["/list.html"] = ("".join(f"<a href='/a/{n}.html'>新闻{n}</a>" for n in numbers).encode(), html)
    return out


RUISHU = (b"<html><head><meta id='9DhefwqGPrzGxEp9hPaoag' content='x' r='m'><script>$_ts=window['$_ts'];"
          b"if(!$_ts)$_ts={};$_ts.nsd=12345;</script><script src='/abc.js' r='m'></script></head><body></body></html>")


def test_health_flags_markup_change_silence_and_blocking(tmp_path):
    with LocalWeb(["changed", "silent", "blocked", "ruishu412", "ruishu202", "denied"]) as web:
        b = web.bases
        config = write_config(tmp_path / "config", [
            {"name": name, "start_urls": [f"{b[name]}/list.html"], "allow": ["/a/"]} for name in b])
        db = str(tmp_path / "p.db")
        web.publish({name: pages([1, 2], True) for name in b} | {"changed": pages([1, 2, 3], True)})
        assert run_cli("--config", str(config), "crawl", "--db", db).returncode == 0
        healthy = run_cli("--config", str(config), "--db", db, "health")
        assert healthy.returncode == 0, healthy.stdout
        challenge = (b"<html><title>Attention Required! | Cloudflare</title><body>captcha</body></html>",
                     "text/html", 403)
        web.publish({"changed": pages([1, 2, 3, 4, 5, 6], False),  # redesign: no dates any more
                     "silent": {"/list.html": (b"<html><body>nothing</body></html>", "text/html")},
                     "blocked": {"/list.html": challenge},
                     "ruishu412": {"/list.html": (RUISHU, "text/html", 412)},  # 瑞数-style WAFs: 412 or 202 + script
                     "ruishu202": {"/list.html": (RUISHU, "text/html", 202)},
                     "denied": {"/list.html": (b"<html><body>Forbidden</body></html>", "text/html", 403)}})
        run_cli("--config", str(config), "crawl", "--db", db)
    report = run_cli("--config", str(config), "--db", db, "health")
    assert report.returncode == 1
    assert "changed: lost field 'date': 0% of pages (was 100%); markup changed?" in report.stdout
    assert "silent: fell silent: no articles found" in report.stdout
    for name in ("blocked", "ruishu412", "ruishu202"):
        assert f"{name}: blocked by a challenge (JavaScript or captcha, as WAFs send) on 1 page" in report.stdout
    assert "denied: blocked: access denied on 1 page" in report.stdout
    rows = {json.loads(line)["site"]: json.loads(line)
            for line in run_cli("--config", str(config), "--db", db, "health", "--json").stdout.splitlines()}
    assert rows["changed"]["ok"] is False and rows["changed"]["coverage"]["title"] == 1.0


def webhook_receiver() -> tuple[HTTPServer, list[tuple[str | None, bytes]]]:
    """A real webhook receiver on 127.0.0.1: each POST's signature header and body, in order."""
    received: list[tuple[str | None, bytes]] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            received.append((self.headers.get("X-Parkwatch-Signature"), self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, received


def test_health_problems_reach_the_health_channels_once(tmp_path):
    from parkwatch.alerts.watches import load_watches
    from parkwatch.health import alert_on_health
    from parkwatch.store import Store

    server, received = webhook_receiver()
    (tmp_path / "watches.yaml").write_text(
        f"channels:\n  ops: {{type: webhook, url: 'http://127.0.0.1:{server.server_address[1]}/'}}\n"
        "health:\n  channels: [ops]\n", encoding="utf-8")
    watches = load_watches(tmp_path)
    store = Store(tmp_path / "p.db")
    for found in (5, 6, 0):  # two good crawls, then silence
        crawl = store.start_crawl("gov")
        store.finish_crawl(crawl, {"pages": 1}, "finished", {"parkwatch/articles_new": found})
    try:
        assert alert_on_health(store, watches, "gov") == 1
        assert alert_on_health(store, watches, "gov") == 0  # once per crawl
    finally:
        server.shutdown()
    alert = json.loads(received[0][1])
    assert alert["health"] == "parkwatch: site gov needs attention"
    assert "fell silent" in alert["text"]


def test_a_wrong_allow_is_said_in_the_summary_and_by_health(tmp_path):
    with LocalWeb(["news"]) as web:
        web.publish({"news": pages([1, 2, 3], True)})
        config = write_config(tmp_path / "config", [{"name": "news", "start_urls": [f"{web.bases['news']}/list.html"],
                                                      "allow": ["/articles/"]}])
        db = str(tmp_path / "p.db")
        crawl = run_cli("--config", str(config), "crawl", "--db", db)
    assert "news: 2 pages, 0 new" in crawl.stdout
    assert "1 list page(s) had 3 links and none matched allow (parkwatch sites check news)" in crawl.stdout
    report = run_cli("--config", str(config), "--db", db, "health")
    assert report.returncode == 1 and "list pages had 3 links and none matched allow" in report.stdout


def site_that_matches_nothing(tmp_path, web: LocalWeb, server: HTTPServer, channel_options: str = "") -> Path:
    """A site whose allow pattern matches none of its links (a health problem), health alerts to a webhook."""
    web.publish({"news": pages([1, 2], True)})
    config = write_config(tmp_path / "config", [{"name": "news", "start_urls": [f"{web.bases['news']}/list.html"],
                                                  "allow": ["/articles/"]}])
    options = f", {channel_options}" if channel_options else ""
    (config / "watches.yaml").write_text(
        f"channels:\n  ops: {{type: webhook, url: 'http://127.0.0.1:{server.server_address[1]}/'{options}}}\n"
        "health:\n  channels: [ops]\n", encoding="utf-8")
    return config


def test_health_alerts_follow_any_crawl_signed_like_digests(tmp_path):
    import hashlib
    import hmac

    server, received = webhook_receiver()
    with LocalWeb(["news"]) as web:
        config = site_that_matches_nothing(tmp_path, web, server, "secret_env: PW_OPS_SECRET")
        crawl = run_cli("--config", str(config), "crawl", "--db", str(tmp_path / "p.db"), env={"PW_OPS_SECRET": "k3y"})
    server.shutdown()
    assert crawl.returncode == 0, crawl.stderr
    assert len(received) == 1  # plain `parkwatch crawl`, no daemon
    signature, body = received[0]
    assert signature == "sha256=" + hmac.new(b"k3y", body, hashlib.sha256).hexdigest()
    assert "none matched allow" in json.loads(body)["text"]
    assert "site news: health alert sent" in crawl.stderr


def test_crawl_leaves_health_alerts_to_the_daemon_when_told(tmp_path):
    """`parkwatch run` passes --no-health-alerts to its crawl processes and sends them itself after the process
    ends (also after a kill), so a site's health is judged once per crawl, not twice."""
    server, received = webhook_receiver()
    with LocalWeb(["news"]) as web:
        config = site_that_matches_nothing(tmp_path, web, server)
        quiet = run_cli("--config", str(config), "crawl", "--db", str(tmp_path / "p.db"), "--no-health-alerts")
        assert quiet.returncode == 0, quiet.stderr
        assert received == [] and "health alert" not in quiet.stderr
        loud = run_cli("--config", str(config), "crawl", "--db", str(tmp_path / "p.db"))
    server.shutdown()
    assert loud.returncode == 0, loud.stderr
    assert len(received) == 1 and "none matched allow" in json.loads(received[0][1])["text"]
