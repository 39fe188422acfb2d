"""Spider plugins: discovery (modules in spiders/, entry points) and the zblog plugin on a saved page."""

from __future__ import annotations

from conftest import saved_page
from parkwatch.spiders.generic import ConfigSpider
from parkwatch.spiders.zblog import ZBlogSpider
from scrapy.http import HtmlResponse, Request

from parkwatch.config import Site
from parkwatch.spider_registry import available_spiders


def test_builtin_plugins_are_discovered():
    spiders = available_spiders()
    assert spiders["generic"].cls is ConfigSpider
    assert spiders["zblog"].cls is ZBlogSpider and spiders["zblog"].origin == "built-in"


def test_zblog_reads_posts_and_dates_from_a_saved_list_page():
    url = "http://xian-cf.example.cn/index.php/category-1.html"
    response = HtmlResponse(url, body=saved_page("xian_cf_list.html"), request=Request(url))
    spider = ZBlogSpider(site=Site(name="xian-cf", start_urls=(url,), spider="zblog"))
    links = list(spider.article_links(response))
    assert [link[0] for link in links] == [
        "http://xian-cf.example.cn/index.php/post/1941.html",
        "http://xian-cf.example.cn/index.php/post/1942.html",
        "http://xian-cf.example.cn/index.php/post/1940.html",
    ]
    assert links[2][1] == "多措并举绵阳助力园区提质增效" and links[2][2] == "2024-09-26"


def test_zblog_follows_numbered_pagination():
    url = "http://x.cn/index.php/category-3.html"
    body = ("<div class='post-item'><h2><a href='/index.php/post/1.html'>一</a></h2></div>"
            "<a href='/index.php/category-3_2.html'>2</a><a href='/index.php/category-3_9.html'>9</a>").encode()
    response = HtmlResponse(url, body=body, request=Request(url), encoding="utf-8")
    spider = ZBlogSpider(site=Site(name="x", start_urls=(url,), spider="zblog"))
    assert list(spider.next_pages(response)) == ["http://x.cn/index.php/category-3_2.html"]


def test_generic_spider_reads_link_dates_despite_a_lying_charset():
    url = "http://x.cn/list.html"
    body = ('<html><head><meta charset="gb2312"></head><body><table><tr><td><a href="/content/1.html">綿陽園區</a>'
            '</td><td>2024-02-02</td></tr></table><a href="/list_2.html">下一頁</a></body></html>').encode()
    response = HtmlResponse(url, body=body, request=Request(url))
    spider = ConfigSpider(site=Site(name="x", start_urls=(url,)))
    assert list(spider.article_links(response)) == [("http://x.cn/content/1.html", "綿陽園區", "2024-02-02")]
    assert list(spider.next_pages(response)) == ["http://x.cn/list_2.html"]


def test_installed_package_plugin_via_entry_point(tmp_path):
    """A distribution on the path exposing a spider through ``parkwatch.spiders`` serves sites."""
    from conftest import run_cli, write_config

    packages = tmp_path / "site-packages"
    (packages / "myspiders-0.1.dist-info").mkdir(parents=True)
    (packages / "myspiders-0.1.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: myspiders\nVersion: 0.1\n")
    (packages / "myspiders-0.1.dist-info" / "entry_points.txt").write_text(
        "[parkwatch.spiders]\nmysite = myspiders:MySiteSpider\n")
    (packages / "myspiders.py").write_text(
        "from parkwatch.spiders.generic import ConfigSpider\n\n"
        "class MySiteSpider(ConfigSpider):\n    plugin_name = 'mysite'\n")
    write_config(tmp_path / "config", [{"name": "custom", "start_urls": ["http://x.cn/"], "spider": "mysite"}])
    result = run_cli("--config", str(tmp_path / "config"), "sites", env={"PYTHONPATH": str(packages)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split()[:2] == ["custom", "mysite"]
    without = run_cli("--config", str(tmp_path / "config"), "sites")
    assert "mysite (missing!)" in without.stdout


def test_a_malformed_link_does_not_cost_the_rest_of_the_page():
    url = "http://x.cn/list.html"
    body = "<a href='http://[bad/1.html'>坏链接</a><a href='/content/2.html'>好链接</a>".encode()
    response = HtmlResponse(url, body=body, request=Request(url), encoding="utf-8")
    spider = ConfigSpider(site=Site(name="x", start_urls=(url,)))
    assert [link[0] for link in spider.article_links(response)] == ["http://x.cn/content/2.html"]
