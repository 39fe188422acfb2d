"""The embedded sample web: six park-news sites built from the seed texts, served on 127.0.0.1.

Each site has its own markup and quirks, as users meet them: a Traditional-Chinese newspaper whose
CMS leaves pinyin artifacts (``區(qū)``) and whose meta tag lies about the charset, injected spam,
a GBK government site in the TRS style (``/t20240913_`` URLs, list pages paged by a
``createPageHTML`` script, a three-page article with its policy as a PDF attachment) and a robots.txt, an RSS feed, a sitemap,
paginated lists, related-news blocks with later dates, and one story reprinted on another site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

import yaml
from jinja2 import Environment, PackageLoader, select_autoescape

from parkwatch.extract.dates import CST
from parkwatch.sampleweb.documents import cjk_pdf

# Characters the 绵阳新闻网 CMS annotates with pinyin when it converts to Traditional (seen in the seeds).
_PINYIN = {"區": "qū", "業": "yè", "發": "fā", "創": "chuàng", "產": "chǎn", "現": "xiàn", "優": "yōu",
           "規": "guī", "數": "shù", "質": "zhì", "環": "huán", "聯": "lián", "統": "tǒng", "態": "tài"}
_SPAM = ("国产av毛片成年动作片,国产午夜精品一区二区三区,中文字幕乱码一区二区三区免费,av无码中文字幕不卡一二三区 "
         "日韩精品视频一区导航 日本熟妇牲交视频在线观看,国产在线播放99,国产一级无码视频")
_OUTSIDE_RELATED = [
    {"title": "“十五五”规划纲要草案明确粮食综合生产能力目标", "url": "#", "date": "2025-03-06 09:35",
     "blurb": "粮食安全,是“国之大者”。"},
    {"title": "我国科技成果大量涌现 开源大模型领跑全球", "url": "#", "date": "2025-03-06 09:31",
     "blurb": "人形机器人大放异彩,芯片攻关取得新突破。"},
]


@dataclass
class SiteSpec:
    """How one sample site is laid out and what its ``sites.yaml`` entry says."""

    name: str
    title: str
    content_type: str
    encoding: str = "utf-8"
    traditional: bool = False
    per_page: int = 2
    config: dict[str, Any] = field(default_factory=dict)
    robots: str = "User-agent: *\nDisallow:\n"


SITES: dict[str, SiteSpec] = {
    "mianyang": SiteSpec(
        "mianyang", "绵阳新闻网", "text/html", traditional=True,
        config={"start_urls": ["{base}/list_1.html"], "allow": [r"/content/\d{4}-\d{2}/\d{2}/content_\d+\.html"],
                "max_pages": 3, "region": "四川省绵阳市", "schedule": "30m"},
    ),
    "people-sc": SiteSpec(
        "people-sc", "人民网四川频道", "text/html; charset=utf-8",
        config={"feeds": ["{base}/rss/sc.xml"], "region": "四川省", "schedule": "1h"},
    ),
    "gmw-sc": SiteSpec(
        "gmw-sc", "光明网地方频道-四川", "text/html; charset=utf-8",
        config={"start_urls": ["{base}/sc/node_list_1.htm"], "follow": r"/sc/node_list_\d+\.htm$",
                "allow": [r"/content_\d+\.htm$"], "max_pages": 5, "region": "四川省", "schedule": "2h"},
    ),
    "thepaper": SiteSpec(
        "thepaper", "澎湃新闻", "text/html; charset=utf-8",
        config={"sitemaps": ["{base}/sitemap.xml"], "allow": [r"/newsDetail_forward_\d+"], "schedule": "0 */3 * * *"},
    ),
    "cdht": SiteSpec(
        "cdht", "成都高新区管委会", "text/html", encoding="gbk",
        config={"start_urls": ["{base}/zwgk/tzgg/index.html"], "allow": [r"/t\d{8}_\d+\.html$"], "max_pages": 3,
                "region": "四川省成都市", "park": "成都高新区", "schedule": "0 8 * * *"},
        robots="User-agent: *\nDisallow: /admin/\n",
    ),
    "xian-cf": SiteSpec(
        "xian-cf", "西安厂房网", "text/html; charset=utf-8",
        config={"start_urls": ["{base}/index.php/category-1.html"], "spider": "zblog",
                "region": "陕西省西安市", "schedule": "6h"},
    ),
}


@lru_cache(maxsize=1)
def load_articles() -> list[dict[str, Any]]:
    """The sample articles (``articles.yaml`` beside this module)."""
    text = resources.files(__package__).joinpath("articles.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _env() -> Environment:
    return Environment(loader=PackageLoader(__package__, "templates"), autoescape=select_autoescape(["html"]))


def to_mianyang_traditional(text: str) -> str:
    """Traditional characters with the pinyin annotations that CMS leaves behind."""
    import opencc

    converted = opencc.OpenCC("s2t").convert(text)
    return "".join(ch + (f"({_PINYIN[ch]})" if ch in _PINYIN else "") for ch in converted)


def _when(article: dict[str, Any]) -> datetime:
    value = article["published"]
    fmt = "%Y-%m-%d %H:%M" if len(value) > 10 else "%Y-%m-%d"
    return datetime.strptime(value, fmt).replace(tzinfo=CST)


def _article_path(site: str, article: dict[str, Any], number: int) -> str:
    when = _when(article)
    return {
        "mianyang": f"/content/{when:%Y-%m}/{when:%d}/content_{100 + number}.html",
        "people-sc": f"/n2/{when:%Y}/{when:%m%d}/c3456{number:02d}-{20000 + number}.html",
        "gmw-sc": f"/{when:%Y-%m}/{when:%d}/content_{37000 + number}.htm",
        "thepaper": f"/newsDetail_forward_{1080000 + number}",
        "cdht": f"/zwgk/tzgg/{when:%Y%m}/t{when:%Y%m%d}_{500 + number}.html",
        "xian-cf": f"/index.php/post/{1940 + number}.html",
    }[site]


def _prepare(article: dict[str, Any], spec: SiteSpec) -> dict[str, Any]:
    a = dict(article)
    if spec.traditional and not a.get("as_is"):
        for key in ("title", "source", "editor"):
            if a.get(key):
                a[key] = to_mianyang_traditional(a[key])
        a["paragraphs"] = [to_mianyang_traditional(p) for p in a["paragraphs"]]
        if a.get("author"):
            a["author"] = to_mianyang_traditional(a["author"])
        if a.get("second_article"):
            second = a["second_article"]
            a["second_article"] = {"title": to_mianyang_traditional(second["title"]),
                                   "paragraphs": [to_mianyang_traditional(p) for p in second["paragraphs"]]}
    author = a.get("author") or ""
    last = a["paragraphs"][-1] if a["paragraphs"] else ""
    credit_names = author.split("|")[-1].split()[-1] if author else ""
    a["credit"] = f"({author})" if author and credit_names not in last and spec.name not in ("gmw-sc",) else ""
    return a


def build_pages(bases: dict[str, str]) -> dict[str, dict[str, tuple[bytes, str]]]:
    """Every page of every site: ``{site: {path: (body bytes, content type)}}``.

    *bases* maps site names to their ``http://127.0.0.1:PORT`` base URLs (used in absolute links).
    """
    env = _env()
    articles = load_articles()
    originals = {a["key"]: a for a in articles}
    pages: dict[str, dict[str, tuple[bytes, str]]] = {}
    for name, spec in SITES.items():
        base = bases[name]
        own = []
        for number, article in enumerate(a for a in articles if a["site"] == name):
            source = dict(originals[article["reprint_of"]], **{k: v for k, v in article.items() if k != "reprint_of"}) \
                if article.get("reprint_of") else article
            prepared = _prepare(source, spec)
            prepared["path"] = _article_path(name, prepared, number)
            own.append(prepared)
        own.sort(key=_when, reverse=True)
        site_pages: dict[str, tuple[bytes, str]] = {}
        template = env.get_template(f"{name}_article.html")
        for article in own:
            related = [{"title": o["title"], "url": o["path"], "date": o["published"], "blurb": o["paragraphs"][0][:60]}
                       for o in own if o is not article][:4] + _OUTSIDE_RELATED
            for path, page in _article_pages(article):
                html = template.render(
                    a=page, related=related, spam=_SPAM, canonical=base + article["path"],
                    people_date=_when(article).strftime("%Y年%m月%d日%H:%M"), ago="1年前",
                )
                site_pages[path] = (html.encode(spec.encoding), spec.content_type)
            folder = article["path"].rsplit("/", 1)[0]
            for attachment in article.get("attachments") or []:
                site_pages[f"{folder}/{attachment['file']}"] = (cjk_pdf(attachment["paragraphs"]), "application/pdf")
        site_pages.update(_list_pages(env, spec, own))
        site_pages.update(_feeds(spec, own, base))
        site_pages["/robots.txt"] = (spec.robots.encode(), "text/plain")
        if name == "cdht":
            site_pages["/admin/t20241030_999.html"] = ("<html><body>内部预览</body></html>".encode("gbk"), "text/html")
        pages[name] = site_pages
    return pages


def _article_pages(article: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """``(path, article as that page shows it)``: one page, or a TRS-style multi-page article (``pages: N``:
    page *i* ≥ 1 at ``<stem>_i.html``, paragraphs shared out in order, attachments linked from the first page)."""
    count = article.get("pages") or 1
    if count == 1:
        return [(article["path"], article)]
    folder, name = article["path"].rsplit("/", 1)
    stem = name.rsplit(".", 1)[0]
    paragraphs = article["paragraphs"]
    size = -(-len(paragraphs) // count)
    out = []
    for index in range(count):
        page = dict(article, paragraphs=paragraphs[index * size : (index + 1) * size], page_count=count,
                    page_index=index, stem=stem, attachments=article.get("attachments") if index == 0 else None)
        out.append((article["path"] if index == 0 else f"{folder}/{stem}_{index}.html", page))
    return out


def _list_pages(env: Environment, spec: SiteSpec, own: list[dict[str, Any]]) -> dict[str, tuple[bytes, str]]:
    if not spec.config.get("start_urls"):
        return {}
    first = spec.config["start_urls"][0].replace("{base}", "")
    per_page = spec.per_page if spec.config.get("max_pages", 1) > 1 else len(own)
    chunks = [own[i : i + per_page] for i in range(0, len(own), per_page)] or [[]]
    template = env.get_template(f"{spec.name}_list.html")

    def path_of(page: int) -> str:
        if page == 1:
            return first
        if spec.name == "mianyang":
            return f"/list_{page}.html"
        if spec.name == "gmw-sc":
            return f"/sc/node_list_{page}.htm"
        return re.sub(r"index\.html$", f"index_{page - 1}.html", first)

    out = {}
    for page, chunk in enumerate(chunks, start=1):
        items = [{"title": a["title"], "url": a["path"], "date": a["published"][:10]} for a in chunk]
        html = template.render(items=items, page=page, pages=len(chunks), prev_url=path_of(page - 1) if page > 1 else "",
                               next_url=path_of(page + 1))
        out[path_of(page)] = (html.encode(spec.encoding), spec.content_type)
    return out


def _feeds(spec: SiteSpec, own: list[dict[str, Any]], base: str) -> dict[str, tuple[bytes, str]]:
    out = {}
    if spec.config.get("feeds"):
        items = "".join(
            f"<item><title>{escape(a['title'])}</title><link>{base}{a['path']}</link>"
            f"<pubDate>{format_datetime(_when(a))}</pubDate><description>{escape(a['paragraphs'][0][:80])}</description></item>"
            for a in own
        )
        rss = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(spec.title)}</title>'
               f"<link>{base}/</link>{items}</channel></rss>")
        out["/rss/sc.xml"] = (rss.encode("utf-8"), "application/rss+xml; charset=utf-8")
    if spec.config.get("sitemaps"):
        urls = "".join(f"<url><loc>{base}{a['path']}</loc><lastmod>{_when(a).date().isoformat()}</lastmod></url>"
                       for a in own)
        xml = ('<?xml version="1.0" encoding="UTF-8"?>'
               f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
        out["/sitemap.xml"] = (xml.encode("utf-8"), "application/xml")
    return out


def sites_config(bases: dict[str, str]) -> list[dict[str, Any]]:
    """The ``sites.yaml`` entries that crawl the sample web at *bases*."""
    entries = []
    for name, spec in SITES.items():
        entry: dict[str, Any] = {"name": name, "title": spec.title}
        for key, value in spec.config.items():
            if isinstance(value, list):
                value = [v.replace("{base}", bases[name]) for v in value]
            entry[key] = value
        entries.append(entry)
    return entries
