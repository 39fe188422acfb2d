"""``parkwatch sites new`` proposes a site from a list page; ``parkwatch sites check`` dry-runs a configured one."""

from __future__ import annotations

import sqlite3

import yaml
from conftest import run_cli, write_config

from parkwatch.sampleweb.server import LocalWeb

HTML = "text/html; charset=utf-8"


def chrome() -> str:
    nav = "".join(f"<a href='/channel/{n}/index.html'>频道{n}</a>" for n in range(1, 9))
    return (f"<div class='top'><a href='/'>首页</a><a href='/about.html'>关于我们</a></div><div class='nav'>{nav}</div>")


def footer() -> str:
    return ("<div class='footer'><a href='/contact.html'>联系我们</a><a href='/sitemap.html'>网站地图</a>"
            "<a href='/copyright.html'>版权声明</a><a href='/channel/9/index.html'>专题</a></div>")


def article_url(n: int) -> str:
    return f"/news/2024/11/{n % 28 + 1:02d}/{30000 + n}.html"


def portal() -> dict[str, tuple[bytes, str]]:
    pages = {}
    for page in range(1, 4):
        items = "".join(f"<li><a href='{article_url(n)}'>园区新闻第{n}篇：高新区项目建设加快推进</a><span>2024-11-{n % 28 + 1:02d}</span></li>"
                        for n in range((page - 1) * 20, page * 20))
        related = "".join(f"<a href='/channel/{n}/index.html'>热门栏目{n}</a>" for n in range(1, 5))
        more = f"<a href='/list_{page + 1}.html'>下一页</a>" if page < 3 else ""
        pages[f"/list_{page}.html"] = (f"<html><head><title>园区动态_园区网</title></head><body>{chrome()}"
                                       f"<div class='main'><ul class='list'>{items}</ul><div class='page'>{more}</div></div>"
                                       f"<div class='related'><h3>相关栏目</h3>{related}</div>{footer()}</body></html>"
                                       .encode(), HTML)
    body = "".join(f"<p>第{i}段：园区项目建设加快推进，企业满园行动成效明显，产业链招商取得新进展。</p>" for i in range(5))
    for n in range(60):
        pages[article_url(n)] = (f"<html><body>{chrome()}<h1>园区新闻第{n}篇</h1><div class='info'>发布时间：2024-11-"
                                 f"{n % 28 + 1:02d} 09:00 来源：园区网</div><div class='content'>{body}</div>{footer()}"
                                 "</body></html>".encode(), HTML)
    for path in ["/about.html", "/contact.html", "/sitemap.html", "/copyright.html",
                 *[f"/channel/{n}/index.html" for n in range(1, 10)]]:
        pages[path] = (f"<html><body>{chrome()}<h1>栏目</h1><p>{'这是一个栏目页面，不是文章。' * 30}</p>{footer()}</body></html>"
                       .encode(), HTML)
    return pages


def test_new_site_from_a_list_page_crawls_exactly_the_articles(tmp_path):
    config = write_config(tmp_path / "config", [])
    with LocalWeb(["portal"]) as web:
        web.publish({"portal": portal()})
        base = web.bases["portal"]
        new = run_cli("--config", str(config), "sites", "new", f"{base}/list_1.html", "--name", "portal",
                      "--region", "四川省成都市", "--yes")
        assert new.returncode == 0, new.stdout + new.stderr
        assert "sample: 园区新闻第0篇 | 2024-11-01T09:00:00+08:00 | 园区网" in new.stdout
        entry = yaml.safe_load((config / "sites.yaml").read_text(encoding="utf-8"))[0]
        assert entry["name"] == "portal" and entry["region"] == "四川省成都市" and len(entry["allow"]) == 1
        db = tmp_path / "p.db"
        crawl = run_cli("--config", str(config), "crawl", "--site", "portal", "--backfill", "3", "--db", str(db))
        assert crawl.returncode == 0, crawl.stderr
        check = run_cli("--config", str(config), "sites", "check", "portal")
    urls = [u for (u,) in sqlite3.connect(db).execute("select url from articles")]
    assert len(urls) == 60 and all("/news/2024/" in u for u in urls)  # every article, no channel, nav or footer page
    assert check.returncode == 0, check.stdout
    assert "article links taken: 40" in check.stdout  # two list pages
    assert "left out, not allowed:" in check.stdout and "channel" in check.stdout


def test_a_committee_s_site_is_proposed_with_the_park_its_page_title_names(tmp_path):
    config = write_config(tmp_path / "config", [])
    pages = {path: (body.replace("园区动态_园区网".encode(), "工作动态_成都高新区管委会".encode()), kind)
             for path, (body, kind) in portal().items()}
    with LocalWeb(["cdht", "portal"]) as web:
        web.publish({"cdht": pages, "portal": portal()})
        new = run_cli("--config", str(config), "sites", "new", f"{web.bases['cdht']}/list_1.html", "--name", "cdht", "--yes")
        plain = run_cli("--config", str(config), "sites", "new", f"{web.bases['portal']}/list_1.html", "--name", "portal",
                        "--print")
        wrong = run_cli("--config", str(config), "sites", "new", f"{web.bases['portal']}/list_1.html", "--name", "other",
                        "--park", "成都高薪区", "--print")
    assert new.returncode == 0, new.stdout + new.stderr
    entry = yaml.safe_load((config / "sites.yaml").read_text(encoding="utf-8"))[0]
    assert entry["park"] == "成都高新技术产业开发区"
    assert plain.returncode == 0 and "park:" not in plain.stdout  # no committee's title, no park
    assert wrong.returncode == 2 and "--park: '成都高薪区' is no park" in wrong.stderr


def test_check_each_demo_site_and_a_site_whose_allow_matches_nothing(tmp_path):
    from parkwatch.sampleweb import sites_config
    from parkwatch.sampleweb.server import serve_sample_web

    web = serve_sample_web()
    try:
        sites = sites_config(web.bases)
        wrong = dict(next(s for s in sites if s["name"] == "mianyang"), name="wrong", allow=[r"/nothing/\d+\.html$"])
        config = write_config(tmp_path / "config", [*sites, wrong])
        results = {s["name"]: run_cli("--config", str(config), "sites", "check", s["name"]) for s in [*sites, wrong]}
    finally:
        web.stop()
    for name, result in results.items():
        if name == "wrong":
            assert result.returncode == 1
            assert "FAIL: no article links found" in result.stdout and "the allow patterns match none" in result.stdout
        else:
            assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"
            assert "ok: " in result.stdout


def test_new_site_as_a_plugin_starts_from_a_passing_saved_page_test(tmp_path):
    import subprocess
    import sys

    config = write_config(tmp_path / "config", [])
    with LocalWeb(["portal"]) as web:
        web.publish({"portal": portal()})
        new = run_cli("--config", str(config), "sites", "new", f"{web.bases['portal']}/list_1.html", "--name", "yq-park",
                      "--yes", "--plugin", "--plugin-dir", str(tmp_path / "spiders"), "--tests-dir", str(tmp_path / "tests"))
    assert new.returncode == 0, new.stdout + new.stderr
    fixture = tmp_path / "tests" / "files" / "yq_park_list.html"
    assert fixture.read_bytes() == portal()["/list_1.html"][0]  # the original bytes
    assert "class YqParkSpider(ConfigSpider)" in (tmp_path / "spiders" / "yq_park.py").read_text(encoding="utf-8")
    assert yaml.safe_load((config / "sites.yaml").read_text(encoding="utf-8"))[0]["spider"] == "yq-park"
    generated = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                str(tmp_path / "tests" / "test_spider_yq_park.py")], capture_output=True, text=True)
    assert generated.returncode == 0 and "1 passed" in generated.stdout, generated.stdout + generated.stderr
