"""The generic spider and the pipelines against a real HTTP server on 127.0.0.1.

List pages with pagination and its limit, RSS feed, sitemap index, allow/deny, robots.txt, dates
next to links, errors recorded per URL, and re-crawls that never duplicate an article.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import run_cli, write_config

from parkwatch.sampleweb.server import LocalWeb


def article_page(n: int) -> bytes:
    body = "".join(f"<p>第{n}篇文章第{i}段:某某经开区项目建设加快推进,园区企业满园,产业发展势头良好。</p>" for i in range(4))
    return (f"<html><head><meta charset='utf-8'><title>测试文章{n}_测试网</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a></div><h1>测试文章{n}</h1>"
            f"<div class='info'>发布时间:2024-09-{n:02d} 08:00 来源:测试日报</div>{body}</body></html>").encode()


def list_page(links: list[tuple[str, str]], next_url: str | None) -> bytes:
    items = "".join(f"<li><a href='{href}'>标题{href}</a><span>{date}</span></li>" for href, date in links)
    nav = f"<a href='{next_url}'>下一页</a>" if next_url else ""
    return f"<html><head><meta charset='utf-8'></head><body><ul>{items}</ul>{nav}</body></html>".encode()


def fixture_site(base: str) -> dict[str, tuple[bytes, str]]:
    html = "text/html; charset=utf-8"
    pages = {f"/a/{n}.html": (article_page(n), html) for n in (1, 2, 3, 4, 5, 6, 7, 8, 9)}
    pages["/a/deny-4.html"] = (article_page(4), html)
    pages["/private/3.html"] = (article_page(3), html)
    pages["/other/x.html"] = (article_page(10), html)
    pages["/robots.txt"] = (b"User-agent: *\nDisallow: /private/\n", "text/plain")
    pages["/list_1.html"] = (list_page([("/a/1.html", "2024-09-01"), ("/a/2.html", "2024-09-02"),
                                        ("/private/3.html", ""), ("/other/x.html", ""), ("/a/deny-4.html", "")],
                                       "/list_2.html"), html)
    pages["/list_2.html"] = (list_page([("/a/5.html", "2024-09-05"), ("/a/6.html", ""), ("/a/broken.html", "")],
                                       "/list_3.html"), html)
    pages["/list_3.html"] = (list_page([("/a/7.html", "")], None), html)
    pages["/feed.xml"] = (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><item><title>八</title>"
        f"<link>{base}/a/8.html</link><pubDate>Sun, 08 Sep 2024 08:00:00 +0800</pubDate></item>"
        f"</channel></rss>".encode(), "application/rss+xml")
    pages["/sitemap.xml"] = (
        f"<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<sitemap><loc>{base}/sitemap-1.xml</loc></sitemap></sitemapindex>".encode(), "application/xml")
    pages["/sitemap-1.xml"] = (
        f"<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<url><loc>{base}/a/9.html</loc><lastmod>2024-09-09</lastmod></url></urlset>".encode(), "application/xml")
    return pages


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One crawl of the fixture site, then a second one; both through the real CLI."""
    tmp = tmp_path_factory.mktemp("crawl")
    with LocalWeb(["news"]) as web:
        base = web.bases["news"]
        web.publish({"news": fixture_site(base)})
        write_config(tmp / "config", [{
            "name": "news", "start_urls": [f"{base}/list_1.html"], "feeds": [f"{base}/feed.xml"],
            "sitemaps": [f"{base}/sitemap.xml"], "allow": ["/a/"], "deny": ["deny"],
            "follow": r"list_\d+\.html$", "max_pages": 2,
        }])
        db = tmp / "p.db"
        first = run_cli("--config", str(tmp / "config"), "crawl", "--db", str(db))
        hits_first = web.hits("news")
        second = run_cli("--config", str(tmp / "config"), "--db", str(db), "crawl")
        hits_second = web.hits("news")[len(hits_first):]
        backfill = run_cli("--config", str(tmp / "config"), "--db", str(db), "crawl", "--backfill", "2")
        hits_backfill = web.hits("news")[len(hits_first) + len(hits_second):]
    return {"first": first, "second": second, "hits": hits_first, "db": db, "hits_second": hits_second,
            "backfill": backfill, "hits_backfill": hits_backfill}


def stored(db) -> dict[str, tuple]:
    conn = sqlite3.connect(db)
    rows = conn.execute("select url, title, published_at, list_date, site from articles").fetchall()
    return {r[0].rsplit("/", 1)[1]: r for r in rows}


def test_discovers_from_lists_feed_and_sitemap(crawled):
    assert crawled["first"].returncode == 0, crawled["first"].stderr
    assert sorted(stored(crawled["db"])) == ["1.html", "2.html", "5.html", "6.html", "8.html", "9.html"]


def test_pagination_stops_at_max_pages(crawled):
    assert "/list_2.html" in crawled["hits"]
    assert "/list_3.html" not in crawled["hits"] and "/a/7.html" not in crawled["hits"]


def test_allow_deny_and_robots(crawled):
    hits = crawled["hits"]
    assert "/robots.txt" in hits
    assert "/private/3.html" not in hits  # robots.txt
    assert "/a/deny-4.html" not in hits  # deny
    assert "/other/x.html" not in hits  # not allowed


def test_fields_and_list_dates_stored(crawled):
    rows = stored(crawled["db"])
    url, title, published, list_date, site = rows["1.html"]
    assert (title, published, list_date, site) == ("测试文章1", "2024-09-01T08:00:00+08:00", "2024-09-01", "news")
    assert rows["8.html"][3] == "2024-09-08T08:00:00+08:00"  # RSS pubDate
    assert rows["9.html"][3] == "2024-09-09"  # sitemap lastmod


def test_errors_recorded_per_url_and_summarised(crawled):
    conn = sqlite3.connect(crawled["db"])
    errors = conn.execute("select url, status, error from fetch_errors where crawl_id = 1").fetchall()
    assert [(e[0].rsplit("/", 1)[1], e[1]) for e in errors] == [("broken.html", 404)]
    out = crawled["first"].stdout
    assert "news: " in out and "6 new" in out and "1 errors" in out
    assert "done:" in out


def test_second_crawl_fetches_only_first_list_pages_and_feeds(crawled):
    assert crawled["second"].returncode == 0, crawled["second"].stderr
    assert "0 new" in crawled["second"].stdout and "4 skipped as known" in crawled["second"].stdout
    assert sorted(set(crawled["hits_second"])) == ["/feed.xml", "/list_1.html", "/robots.txt", "/sitemap-1.xml",
                                                   "/sitemap.xml"]
    conn = sqlite3.connect(crawled["db"])
    assert conn.execute("select count(*), count(distinct url) from articles").fetchone() == (6, 6)
    crawls = conn.execute("select site, status, articles_new, errors from crawls").fetchall()
    assert crawls[:2] == [("news", "finished", 6, 1), ("news", "finished", 0, 0)]
    stats = json.loads(conn.execute("select stats from crawls where id = 2").fetchone()[0])
    assert stats["parkwatch/skipped_known"] == 4 and stats["parkwatch/pagination_stopped"] == 1


def test_backfill_follows_pages_of_known_articles(crawled):
    assert crawled["backfill"].returncode == 0, crawled["backfill"].stderr
    assert "/list_2.html" in crawled["hits_backfill"] and "/a/broken.html" in crawled["hits_backfill"]
    assert "/list_3.html" not in crawled["hits_backfill"]  # max_pages is 2 and so is the backfill
    assert "/a/5.html" not in crawled["hits_backfill"]  # known articles are still not fetched again


def test_recheck_uses_conditional_get(tmp_path):
    with LocalWeb(["news"]) as web:
        base = web.bases["news"]
        web.publish({"news": fixture_site(base)})
        site = {"name": "news", "feeds": [f"{base}/feed.xml"], "allow": ["/a/"], "recheck": "1s"}
        write_config(tmp_path / "config", [site])
        db = str(tmp_path / "p.db")
        assert run_cli("--config", str(tmp_path / "config"), "crawl", "--db", db).returncode == 0
        import time

        time.sleep(1.5)
        again = run_cli("--config", str(tmp_path / "config"), "crawl", "--db", db)
    assert "0 new, 0 updated, 1 unchanged, 0 skipped as known" in again.stdout, again.stdout + again.stderr
    assert sqlite3.connect(db).execute("select count(*) from articles where etag is not null").fetchone() == (1,)


def test_dead_site_is_counted_and_the_others_still_crawl(tmp_path):
    with LocalWeb(["news"]) as web:
        base = web.bases["news"]
        web.publish({"news": fixture_site(base)})
        write_config(tmp_path / "config", [
            {"name": "dead", "start_urls": ["http://127.0.0.1:9/list.html"]},
            {"name": "news", "feeds": [f"{base}/feed.xml"], "allow": ["/a/"]},
        ], {"timeout": 3})
        result = run_cli("--config", str(tmp_path / "config"), "crawl", "--db", str(tmp_path / "p.db"))
    assert result.returncode == 1 and "failed: dead" in result.stderr  # the same exit code as the dead site alone
    assert "dead: 0 pages, 0 new" in result.stdout and "1 errors" in result.stdout
    assert "news: " in result.stdout and "1 new" in result.stdout


def test_site_settings_reach_the_pipelines(tmp_path):
    """Per-site selectors and encoding drive extraction; the site's region localises a bare 高新区."""
    page = ("<html><head><title>错误的标题</title></head><body><h2 class='t'>园区新闻标题</h2>"
            "<div class='body'><p>服务好高新区的企业，是今年园区工作的重点。园区企业满园。</p></div>"
            "<div class='noise'><p>" + "这是一段很长的干扰文字，" * 40 + "</p></div></body></html>").encode("gbk")
    with LocalWeb(["sel"]) as web:
        base = web.bases["sel"]
        web.publish({"sel": {"/list.html": (f"<a href='{base}/a/1.html'>一</a>".encode(), "text/html"),
                             "/a/1.html": (page, "text/html")}})
        write_config(tmp_path / "config", [{
            "name": "sel", "start_urls": [f"{base}/list.html"], "allow": ["/a/"], "encoding": "gbk",
            "region": "四川省绵阳市", "selectors": {"title": "h2.t", "body": "css:div.body p"},
        }])
        result = run_cli("--config", str(tmp_path / "config"), "crawl", "--db", str(tmp_path / "p.db"))
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(tmp_path / "p.db")
    title, text = conn.execute("select title, text from articles").fetchone()
    assert title == "园区新闻标题" and text.startswith("服务好高新区的企业") and "干扰" not in text
    parks = conn.execute("select surface, entity_id from mentions where kind = 'park'").fetchall()
    assert parks == [("高新区", "G512046")]


def test_a_committee_site_s_park_answers_its_bare_kaifaqu_when_crawled_and_when_retagged(tmp_path):
    """A site's ``park`` reaches the tagger through the crawl's pipelines (both sites) and through ``retag`` after it is
    added to a site crawled without one."""
    page = ("<html><body><h1>开发区招商工作组赴上海考察</h1><div><p>近日,开发区党工委副书记带队赴上海开展招商引资工作,"
            "走访企业十余家,了解企业发展需求。</p></div></body></html>").encode()
    with LocalWeb(["kfq", "other"]) as web:
        web.publish({name: {"/list.html": (f"<a href='{web.bases[name]}/a/1.html'>一</a>".encode(), "text/html; charset=utf-8"),
                            "/a/1.html": (page, "text/html; charset=utf-8")} for name in ("kfq", "other")})
        sites = [{"name": name, "start_urls": [f"{web.bases[name]}/list.html"], "allow": ["/a/"]} for name in ("kfq", "other")]
        sites[0]["park"] = "库尔勒经济技术开发区"
        config = write_config(tmp_path / "config", sites)
        db = str(tmp_path / "p.db")
        assert run_cli("--config", str(config), "crawl", "--db", db).returncode == 0

        def parks_of(site: str) -> list[tuple[str, str]]:
            return sqlite3.connect(db).execute("select m.surface, m.entity_id from mentions m join articles a on a.id = "
                                               "m.article_id where m.kind = 'park' and a.site = ?", [site]).fetchall()

        assert parks_of("kfq") == [("开发区", "G651215")] and parks_of("other") == []
        sites[1]["park"] = "库尔勒经开区"
        write_config(config, sites)
        assert "a site's park" in run_cli("--config", str(config), "crawl", "--db", db).stderr
    retagged = run_cli("--config", str(config), "--db", db, "retag")
    assert retagged.returncode == 0, retagged.stderr
    assert parks_of("other") == [("开发区", "G651215")]


def test_quiet_crawls_do_not_format_scrapy_debug_lines():
    """Scrapy sets its loggers to DEBUG when a crawler process starts; without -v, its per-item debug lines
    (a whole item each) must be dropped before they are formatted."""
    import logging

    from scrapy.crawler import CrawlerProcess

    from parkwatch.crawl import route_std_logging

    formatted = []

    class Item:
        def __str__(self) -> str:
            formatted.append(1)
            return "item"

    route_std_logging(verbose=False)
    CrawlerProcess({"LOG_INSTALL_ROOT_HANDLER": False, "LOG_LEVEL": "WARNING"})
    assert logging.getLogger("scrapy.core.scraper").isEnabledFor(logging.DEBUG)  # what Scrapy does
    logging.getLogger("scrapy.core.scraper").debug("Scraped from %s", Item())
    logging.getLogger("scrapy.core.scraper").warning("kept: %s", Item())
    assert formatted == [1]
    route_std_logging(verbose=True)
    logging.getLogger("scrapy.core.scraper").debug("Scraped from %s", Item())
    assert formatted == [1, 1]
    route_std_logging(verbose=False)


def test_articles_of_a_list_page_come_before_further_list_pages(tmp_path):
    """Pagination must not run ahead of the articles (queued requests would grow with the site)."""
    html = "text/html; charset=utf-8"
    pages = {"/robots.txt": (b"User-agent: *\nDisallow:\n", "text/plain")}
    for page in range(1, 5):
        links = [(f"/a/{page * 100 + n}.html", "") for n in range(1, 31)]
        pages[f"/list_{page}.html"] = (list_page(links, f"/list_{page + 1}.html" if page < 4 else None), html)
        pages.update({href: (article_page(int(href[3:-5]) % 28 + 1), html) for href, _ in links})
    with LocalWeb(["deep"]) as web:
        web.publish({"deep": pages})
        write_config(tmp_path / "config", [{"name": "deep", "start_urls": [f"{web.bases['deep']}/list_1.html"],
                                             "allow": ["/a/"], "max_pages": 4}], {"concurrency": 8})
        result = run_cli("--config", str(tmp_path / "config"), "crawl", "--db", str(tmp_path / "p.db"))
        hits = web.hits("deep")
    assert result.returncode == 0, result.stderr
    assert len([h for h in hits if h.startswith("/a/")]) == 120
    third = hits.index("/list_3.html")
    assert {f"/a/{100 + n}.html" for n in range(1, 31)} <= set(hits[:third])  # all of page 1 before page 3
    assert len([h for h in hits[:hits.index("/list_4.html")] if h.startswith("/a/2")]) >= 30 - 8


def test_non_ascii_links_are_known_once_stored_and_a_bad_port_costs_only_itself(tmp_path):
    """Links written with raw Chinese paths compare equal to the percent-encoded URLs stored; a link with an
    invalid port is skipped alone (it used to empty the whole list page)."""
    body = "".join(f"<p>园区项目建设第{i}段:加快推进,企业满园,产业发展势头良好,投资持续增长。</p>" for i in range(4))
    pages = {
        "/list.html": ("<html><body><a href='/新闻/1.html'>新闻一</a><a href='http://127.0.0.1:99999/新闻/9.html'>坏链接</a>"
                       "<a href='/新闻/2.html'>新闻二</a></body></html>".encode(), "text/html; charset=utf-8"),
        "/%E6%96%B0%E9%97%BB/1.html": (f"<html><body><h1>新闻一</h1>{body}</body></html>".encode(), "text/html"),
        "/%E6%96%B0%E9%97%BB/2.html": (f"<html><body><h1>新闻二</h1>{body}第二篇</body></html>".encode(), "text/html"),
    }
    with LocalWeb(["news"]) as web:
        web.publish({"news": pages})
        write_config(tmp_path / "config", [{"name": "news", "start_urls": [f"{web.bases['news']}/list.html"],
                                            "allow": ["/新闻/", "/%E6%96%B0"]}])
        db = str(tmp_path / "p.db")
        first = run_cli("--config", str(tmp_path / "config"), "crawl", "--db", db)
        again = run_cli("--config", str(tmp_path / "config"), "crawl", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "2 new" in first.stdout, first.stdout
    assert "0 new, 0 updated, 0 unchanged, 2 skipped as known" in again.stdout, again.stdout


def test_worker_processes_store_what_the_crawl_process_would(tmp_path):
    """``workers: 2`` (extraction and tagging in a process pool) and ``workers: 0`` store the same records."""
    results = {}
    with LocalWeb(["news"]) as web:
        base = web.bases["news"]
        web.publish({"news": fixture_site(base)})
        for workers in (0, 2):
            write_config(tmp_path / f"config{workers}", [{
                "name": "news", "start_urls": [f"{base}/list_1.html"], "allow": ["/a/"], "region": "四川省绵阳市",
            }], {"workers": workers})
            db = tmp_path / f"w{workers}.db"
            result = run_cli("--config", str(tmp_path / f"config{workers}"), "crawl", "--db", str(db))
            assert result.returncode == 0, result.stderr
            conn = sqlite3.connect(db)
            results[workers] = (
                conn.execute("select url, title, text, published_at from articles order by url").fetchall(),
                conn.execute("select a.url, m.kind, m.surface, m.entity_id, m.start from mentions m "
                             "join articles a on a.id = m.article_id order by 1, 5").fetchall())
    assert len(results[0][0]) == 6 and results[0][1]  # list-page articles stored, mentions tagged
    assert results[2] == results[0]


def test_default_workers_share_the_cores_with_parallel_crawls(monkeypatch):
    import os

    from parkwatch.crawl import worker_count

    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.delenv("PARKWATCH_CRAWLS_AT_ONCE", raising=False)
    assert (worker_count(-1), worker_count(0), worker_count(3)) == (8, 0, 3)  # a lone crawl: one per core
    monkeypatch.setenv("PARKWATCH_CRAWLS_AT_ONCE", "4")  # under `parkwatch run` with parallel_crawls: 4
    assert (worker_count(-1), worker_count(3)) == (2, 3)
    monkeypatch.setenv("PARKWATCH_CRAWLS_AT_ONCE", "16")
    assert worker_count(-1) == 1  # more crawls than cores: still one, so that the reactor thread only fetches


@pytest.mark.parametrize("workers", [0, 2])
def test_tagging_switched_off_stores_articles_without_mentions(tmp_path, workers):
    with LocalWeb(["news"]) as web:
        base = web.bases["news"]
        web.publish({"news": fixture_site(base)})
        write_config(tmp_path / "config", [{"name": "news", "start_urls": [f"{base}/list_1.html"], "allow": ["/a/"]}],
                     {"workers": workers, "scrapy": {"PARKWATCH_TAG": False}})
        result = run_cli("--config", str(tmp_path / "config"), "crawl", "--db", str(tmp_path / "p.db"))
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(tmp_path / "p.db")
    assert conn.execute("select count(*) from articles").fetchone()[0] == 6
    assert conn.execute("select count(*) from mentions").fetchone()[0] == 0
