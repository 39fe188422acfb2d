"""``parkwatch serve`` as a real process on a free port, queried over HTTP: pages, feeds, search, facets, the SQL
and token rules, escaping, and screenshots by headless Chromium (skipped where Chromium is absent)."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import feedparser
import pytest
from conftest import env_without_parkwatch, run_cli, wait_for

from parkwatch.store import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def serve(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    full_env = env_without_parkwatch() | (env or {})
    child = subprocess.Popen([sys.executable, "-m", "parkwatch.cli", "serve", "--db", str(db), "--port", str(port),
                              *args], env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"

    def up() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            return child.poll() is not None

    assert wait_for(up, timeout=60) and child.poll() is None, child.stderr.read().decode() if child.poll() else ""
    return child, base


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "demo.db"
    result = run_cli("demo", "--db", str(db), timeout=600)
    assert result.returncode == 0, result.stderr
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    child, base = serve(db)
    yield db, base
    child.terminate()
    child.wait(timeout=30)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest  # served read-only: the file did not change


def test_home_links_a_feed_per_watch_that_a_feed_reader_reads(demo):
    _, base = demo
    status, page = get(base + "/")
    assert status == 200 and "最新报道" in page and "本周园区" in page and "站点状态" in page
    feeds = [line for line in page.splitlines() if 'type="application/atom+xml"' in line]
    park_watch = "/feeds/watch/" + urllib.parse.quote("绵阳园区") + ".atom"  # the demo's park watch
    assert any(park_watch in line for line in feeds) and len(feeds) >= 2
    parsed = feedparser.parse(get(base + park_watch)[1])
    assert not parsed.bozo and len(parsed.entries) >= 1
    first = parsed.entries[0]
    assert first.title and first.link.startswith("http://127.0.0.1") and first.published.endswith("+08:00")
    assert "匹配" in first.summary


def test_story_park_policy_pages_and_chinese_search(demo):
    db, base = demo
    with Store(db) as store:
        reprint = store.db.execute("select id from stories where copies > 1").fetchone()[0]
    status, page = get(f"{base}/stories/{reprint}")
    assert status == 200 and "people-sc" in page and "xian-cf" in page and 'class="tag tag-park"' in page
    status, page = get(base + "/parks/G512045")
    assert status == 200 and "成都高新技术产业开发区" in page and "<svg" in page
    assert feedparser.parse(get(base + "/feeds/park/G512045.atom")[1]).entries
    for query in ("綿陽高新區", "绵阳高新区"):  # Traditional or Simplified, one row per story
        status, page = get(base + "/search?q=" + urllib.parse.quote(query))
        assert status == 200 and "多措并举 绵阳助力园区提质增效" in page and page.count("多措并举 绵阳助力园区提质增效") == 1
    assert feedparser.parse(get(base + "/feeds/search.atom?q=" + urllib.parse.quote("综合保税区"))[1]).entries
    assert get(base + "/stories/99999")[0] == 404


def test_facets_json_and_no_sql(demo):
    db, base = demo
    status, body = get(f"{base}/{db.stem}/article_index.json?_facet=site&_facet_array=parks&_shape=objects")
    data = json.loads(body)
    assert status == 200 and {"site", "parks"} <= set(data["facet_results"])
    assert any(v["value"] == "成都高新技术产业开发区" for v in data["facet_results"]["parks"]["results"])
    assert get(f"{base}/{db.stem}.json?sql=select+1")[0] == 403  # arbitrary SQL is off without --allow-sql
    assert get(f"{base}/{db.stem}/articles.csv?_size=5")[0] == 200  # exports as Datasette gives them


def test_scraped_html_is_escaped(tmp_path):
    from test_alerts import STORY_A, add

    from parkwatch.stories import StoryIndex

    db = tmp_path / "x.db"
    with Store(db) as store:
        add(store, StoryIndex(store), "http://a.cn/1.html", "<script>alert('x')</script>绵阳高新区", STORY_A)
    child, base = serve(db)
    try:
        page = get(base + "/stories/1")[1] + get(base + "/")[1]
    finally:
        child.terminate()
        child.wait(timeout=30)
    assert "<script>alert('x')</script>" not in page and "&lt;script&gt;" in page


def test_a_public_address_needs_a_token_and_the_token_is_checked(tmp_path):
    db = tmp_path / "x.db"
    Store(db).close()
    refused = run_cli("serve", "--db", str(db), "--host", "0.0.0.0", "--port", str(free_port()))
    assert refused.returncode == 2 and "set a token" in refused.stderr
    child, base = serve(db, "--token-env", "PW_TOKEN", env={"PW_TOKEN": "s3cret-token"})
    try:
        assert get(base + "/")[0] == 401
        assert get(base + "/", {"Authorization": "Bearer wrong"})[0] == 401
        assert get(base + "/", {"Authorization": "Bearer s3cret-token"})[0] == 200
        assert get(base + "/feeds/search.atom?q=x&token=s3cret-token")[0] == 200  # feed readers: the token in the URL
    finally:
        child.terminate()
        child.wait(timeout=30)


def test_feed_command_writes_the_same_feed(demo, tmp_path):
    db, _ = demo
    out = tmp_path / "w.atom"
    result = run_cli("--db", str(db), "feed", "绵阳园区", "--output", str(out))
    assert result.returncode == 0 and feedparser.parse(out.read_text(encoding="utf-8")).entries
    missing = run_cli("--db", str(db), "feed", "nosuchwatch")
    assert missing.returncode == 2 and "no alerts for a watch named 'nosuchwatch'" in missing.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium: .ci/run installs Debian's chromium package")
@pytest.mark.parametrize("path", ["/", "/stories/1", "/parks/G512045"])
def test_pages_render_in_a_browser(demo, tmp_path, path):
    _, base = demo
    shot = tmp_path / "page.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,1400", f"--screenshot={shot}",
                    base + path], check=True, capture_output=True, timeout=120)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a rendered page, not a blank one
