"""Adding a site in minutes: propose its ``sites.yaml`` entry from one list page, and check a configured site.

:func:`propose` fetches a list page (robots.txt respected), finds the site's feeds and sitemaps, and groups the
page's links by URL shape (the path with digit runs as ``\\d+``) and by where they sit (navigation, header, footer
and related boxes count against a group). The group of many long-titled links in the page body becomes ``allow``.
:func:`check` is a dry run of a configured site through the real spider's own link rules, without storing.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import urllib.robotparser
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from parkwatch.config import DEFAULT_USER_AGENT, Site
from parkwatch.extract import extract_article
from parkwatch.extract.decode import decode_html

_CHROME_RE = re.compile(r"nav|menu|header|footer|foot|top|bottom|banner|breadcrumb|crumb|related|xgxw|xgwz|tuijian|"
                        r"recommend|hot|rank|friend|link|copyright|sidebar|side|share|login|search|lanmu|channel|column",
                        re.I)
_CHROME_TAGS = {"nav", "header", "footer", "aside"}
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


@dataclass
class Fetched:
    url: str
    status: int
    body: bytes
    content_type: str = ""
    error: str = ""

    @property
    def text(self) -> str:
        return decode_html(self.body, self.content_type)[0] if self.body else ""


def fetch(url: str, user_agent: str = DEFAULT_USER_AGENT, timeout: float = 20, robots: bool = True) -> Fetched:
    """One polite GET (robots.txt respected): never raises, a failure is in ``error``."""
    if robots and not allowed_by_robots(url, user_agent):
        return Fetched(url, 0, b"", error="disallowed by robots.txt")
    request = urllib.request.Request(url, headers={"User-Agent": user_agent})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (user-given site)
            return Fetched(response.url, response.status, response.read(10 * 1024 * 1024),
                           response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as exc:
        return Fetched(url, exc.code, exc.read(200_000) if exc.fp else b"", exc.headers.get("Content-Type", ""),
                       f"HTTP {exc.code}")
    except (OSError, ValueError) as exc:
        return Fetched(url, 0, b"", error=f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}")


def allowed_by_robots(url: str, user_agent: str = DEFAULT_USER_AGENT) -> bool:
    parts = urlsplit(url)
    robots = urllib.robotparser.RobotFileParser(f"{parts.scheme}://{parts.netloc}/robots.txt")
    try:
        robots.read()
    except (OSError, ValueError):
        return True
    return robots.can_fetch(user_agent, url)


def sitemaps_of(url: str, user_agent: str = DEFAULT_USER_AGENT) -> list[str]:
    """Sitemaps robots.txt names, else ``/sitemap.xml`` when it answers with XML."""
    parts = urlsplit(url)
    root = f"{parts.scheme}://{parts.netloc}"
    robots = fetch(root + "/robots.txt", user_agent, robots=False)
    found = re.findall(r"(?im)^\s*sitemap:\s*(\S+)", robots.text) if robots.status == 200 else []
    if found:
        return found
    guess = fetch(root + "/sitemap.xml", user_agent, robots=False)
    return [root + "/sitemap.xml"] if guess.status == 200 and b"<urlset" in guess.body[:2000] + guess.body[-2000:] \
        or guess.status == 200 and b"<sitemapindex" in guess.body[:2000] else []


def shape(url: str) -> str:
    """A link's URL shape: its path as a regular expression, digit runs generalised (``/a/\\d+\\.html$``)."""
    path = urlsplit(url).path or "/"
    parts = re.split(r"(\d+)", path)
    return "".join(r"\d+" if part.isdigit() else re.escape(part) for part in parts) + "$"


@dataclass
class Candidate:
    """One group of same-shaped links and how article-like it looks."""

    pattern: str
    links: list[tuple[str, str]] = field(default_factory=list)  # (url, text)
    chrome: int = 0  # links of the group inside navigation, header, footer or related boxes

    @property
    def score(self) -> float:
        body = len(self.links) - self.chrome
        if body <= 0:
            return 0.0
        mean_text = sum(min(len(t), 40) for _, t in self.links) / len(self.links)
        digits = 1.5 if r"\d+" in self.pattern else 0.5
        return body * mean_text * digits


def _in_chrome(element: Any) -> bool:
    node = element
    while node is not None:
        if node.tag in _CHROME_TAGS or _CHROME_RE.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
        node = node.getparent()
    return False


def candidates(page_text: str, page_url: str) -> list[Candidate]:
    """Same-host links grouped by shape, most article-like first."""
    from parkwatch.listing import hanweb_records

    host = urlsplit(page_url).netloc
    groups: dict[str, Candidate] = {}
    seen: set[str] = set()
    fragments = [page_text, *hanweb_records(page_text)]
    for number, fragment in enumerate(fragments):
        try:
            tree = lxml_html.fromstring(fragment)
        except (ValueError, lxml_html.etree.ParserError):
            continue
        for anchor in tree.iter("a"):
            href = (anchor.get("href") or "").strip()
            if not href or href.startswith(("javascript:", "#", "mailto:")):
                continue
            url = urljoin(page_url, href).split("#")[0]
            if urlsplit(url).netloc != host or url in seen or url.rstrip("/") == page_url.rstrip("/"):
                continue
            seen.add(url)
            text = " ".join(anchor.text_content().split())
            group = groups.setdefault(shape(url), Candidate(shape(url)))
            group.links.append((url, text))
            if number == 0 and _in_chrome(anchor):
                group.chrome += 1
    ranked = sorted(groups.values(), key=lambda c: c.score, reverse=True)
    return [c for c in ranked if c.score > 0 and len(c.links) >= 2]


@dataclass
class Proposal:
    name: str
    url: str
    entry: dict[str, Any]
    candidates: list[Candidate]
    feeds: list[str]
    sitemaps: list[str]
    list_kind: str
    samples: list[dict[str, Any]]
    problems: list[str]
    page: bytes = b""  # the list page's original bytes (for a plugin's saved-page test)


def propose(url: str, name: str, region: str | None = None, user_agent: str = DEFAULT_USER_AGENT,
            samples: int = 3, park: str | None = None, manager: Any = None) -> Proposal:
    """A ``sites.yaml`` entry for the list page at *url*, with sample extractions of its first articles; its ``park``
    as given, else the one listed park a committee's page title names (成都高新区管委会), found by *manager*'s taggers."""
    from parkwatch.listing import hanweb_records, trs_next_page

    page = fetch(url, user_agent)
    problems = [f"{url}: {page.error}"] if page.error else []
    text = page.text
    tree = lxml_html.fromstring(text) if text.strip() else None
    feeds = []
    if tree is not None:
        feeds = [urljoin(page.url, link.get("href")) for link in tree.iter("link")
                 if (link.get("rel") or "").lower() == "alternate" and (link.get("type") or "").lower() in _FEED_TYPES
                 and link.get("href")]
    sitemaps = sitemaps_of(page.url, user_agent) if not page.error else []
    kind = ("TRS pager (createPageHTML)" if trs_next_page(text, page.url) else
            "Hanweb jpage (datastore)" if hanweb_records(text) else
            "links reading 下一页/next" if re.search(r">\s*(?:下一页|下一頁|next)\s*<", text, re.I) else "plain links")
    groups = candidates(text, page.url) if text else []
    entry: dict[str, Any] = {"name": name, "start_urls": [page.url]}
    if tree is not None and tree.findtext(".//title"):
        entry["title"] = re.split(r"[-_|·—]", tree.findtext(".//title").strip())[-1].strip() or name
    if groups:
        entry["allow"] = [groups[0].pattern]
        entry["max_pages"] = 3
    elif feeds:
        entry = {"name": name, "feeds": feeds[:1]}
    else:
        problems.append("no group of article-like links on this page: is it a list page?")
    if region:
        entry["region"] = region
    park = park or (committee_park(tree.findtext(".//title") or "", manager) if tree is not None and manager else None)
    if park:
        entry["park"] = park
    previews = []
    for article_url, link_text in (groups[0].links[:samples] if groups else []):
        got = fetch(article_url, user_agent)
        if got.error:
            previews.append({"url": article_url, "error": got.error})
            continue
        article = extract_article(got.body, got.url, content_type=got.content_type)
        previews.append({"url": article_url, "title": article.title or link_text, "date": article.published_at,
                         "source": article.source, "text": " ".join(article.text.split())[:60]})
    return Proposal(name, page.url, entry, groups, feeds, sitemaps, kind, previews, problems, page.body)


_COMMITTEE = re.compile(r"管委会|管理委员会|党工委|工作委员会")


def committee_park(title: str, manager: Any) -> str | None:
    """The listed park a committee's page *title* names (成都高新区管委会 → 成都高新技术产业开发区), if it names one."""
    from parkwatch.mentions import UNLISTED_SOURCES, ArticleText
    from parkwatch.tagging import tag

    if not _COMMITTEE.search(title):
        return None
    found = {(m.id, m.canonical) for m in tag(ArticleText(title), manager)
             if m.kind == "park" and m.attrs.get("source") not in UNLISTED_SOURCES}
    return next(iter(found))[1] if len(found) == 1 else None


def yaml_entry(entry: dict[str, Any]) -> str:
    """The entry as a ``sites.yaml`` list item (appended to the file as text: its comments stay)."""
    import yaml

    dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)
    return dumped


# ---------------------------------------------------------------------------------------------- check
@dataclass
class CheckReport:
    site: str
    lists: list[str] = field(default_factory=list)
    taken: list[tuple[str, str]] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    samples: list[dict[str, Any]] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        if not self.taken:
            return False
        extracted = [s for s in self.samples if not s.get("error")]
        weak = [s for s in extracted if not s.get("date") or len(s.get("text") or "") < 100]
        return bool(extracted) and len(weak) * 2 <= len(extracted)

    def verdict(self) -> str:
        if not self.taken:
            allow = "the allow patterns match none of them" if any(r == "not allowed" for _, r in self.left_out) else ""
            return f"FAIL: no article links found on {len(self.lists)} list page(s){'; ' + allow if allow else ''}"
        if not self.ok:
            return "FAIL: most sample articles lack a date or text: check selectors"
        return f"ok: {len(self.taken)} article links on {len(self.lists)} list page(s)"


def check(site: Site, pages: int = 2, samples: int = 3, user_agent: str = DEFAULT_USER_AGENT) -> CheckReport:
    """A dry run of *site* through the generic spider's own link rules (nothing is stored)."""
    from scrapy.http import HtmlResponse

    from parkwatch.spider_registry import available_spiders
    from parkwatch.spiders.generic import blocked_reason

    spiders = available_spiders()
    spider = spiders[site.spider].cls(site)
    report = CheckReport(site.name)
    queue = list(site.start_urls)[:pages]
    seen: set[str] = set()
    taken: dict[str, str] = {}
    while queue and len(report.lists) < pages:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        got = fetch(url, user_agent)
        if got.error and not got.body:
            report.findings.append(f"{url}: {got.error}")
            continue
        blocked = blocked_reason(got.status, got.body)
        if blocked:
            report.findings.append(f"{url}: blocked ({'a JavaScript or captcha challenge' if blocked == 'challenge' else 'access denied'})")
            continue
        report.lists.append(url)
        encoding = decode_html(got.body, got.content_type, site.encoding)[1]
        report.findings.append(f"{url}: HTTP {got.status}, decoded as {encoding}")
        response = HtmlResponse(got.url, status=got.status, body=got.body,
                                headers={"Content-Type": got.content_type or "text/html"})
        for link, text, _date in spider.article_links(response):
            taken.setdefault(link, text)
        listed = {link for link in taken}
        following = list(spider.next_pages(response))
        queue += following
        host = urlsplit(got.url).netloc
        for anchor in spider.anchors(response):
            link = urljoin(got.url, anchor.attrib.get("href", "").strip()).split("#")[0]
            if not link.startswith("http") or link in listed or link in following or link == got.url:
                continue
            if urlsplit(link).netloc != host:
                reason = "off-site"
            elif any(p.search(link) for p in spider.deny):
                reason = "deny"
            elif spider.follow and spider.follow.search(link):
                reason = "pagination"
            else:
                reason = "not allowed"
            report.left_out.append((link, reason))
        report.left_out += [(f, "pagination") for f in following]
    for source, parse in [(u, spider.parse_feed) for u in site.feeds] + [(u, spider.parse_sitemap) for u in site.sitemaps]:
        got = fetch(source, user_agent)
        if got.error and not got.body:
            report.findings.append(f"{source}: {got.error}")
            continue
        report.lists.append(source)
        response = HtmlResponse(got.url, status=got.status, body=got.body, headers={"Content-Type": got.content_type})
        for request in parse(response):
            if getattr(request, "callback", None) == spider.parse_article:
                taken.setdefault(request.url, request.meta.get("link_text") or "")
    report.taken = list(taken.items())
    for url, text in report.taken[:samples]:
        got = fetch(url, user_agent)
        if got.error:
            report.samples.append({"url": url, "error": got.error})
            continue
        article = extract_article(got.body, got.url, content_type=got.content_type, encoding=site.encoding,
                                  selectors=site.selectors.as_dict())
        sample = {"url": url, "title": article.title or text, "date": article.published_at, "source": article.source,
                  "text": article.text, "missing": [f for f, v in (("title", article.title), ("date", article.published_at))
                                                    if not v] + (["text"] if len(article.text) < 100 else [])}
        report.samples.append(sample)
    return report


def group_reasons(left_out: list[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for url, reason in left_out:
        grouped[reason].append(url)
    return grouped


PLUGIN_TEMPLATE = '''"""Spider plugin for {title} ({url}), started by `parkwatch sites new --plugin`.

The city-scrapers shape: a few declarative lines; override article_links, next_pages or parse_article when the
site needs more (see parkwatch/spiders/generic.py and spiders/zblog.py).
"""

from __future__ import annotations

import re

from parkwatch.spiders.generic import ConfigSpider


class {cls}(ConfigSpider):
    plugin_name = "{name}"
    ARTICLE = re.compile(r"{pattern}")

    def is_article_url(self, url: str) -> bool:
        return bool(self.ARTICLE.search(url)) and super().is_article_url(url)
'''

TEST_TEMPLATE = '''"""The {name} spider plugin on its saved list page (original bytes, as the site sent them)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from scrapy.http import HtmlResponse, Request

from parkwatch.config import Site

HERE = Path(__file__).parent
URL = {url!r}
EXPECTED = {links!r}


def plugin():
    spec = importlib.util.spec_from_file_location("{module}", HERE.parent / "spiders" / "{module}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.{cls}


def test_article_links_of_the_saved_list_page():
    body = (HERE / "files" / "{module}_list.html").read_bytes()
    response = HtmlResponse(URL, body=body, request=Request(URL), headers={{"Content-Type": {content_type!r}}})
    spider = plugin()(site=Site(name="{name}", start_urls=(URL,), spider="{name}"))
    assert [link[0] for link in spider.article_links(response)] == EXPECTED
'''


def write_plugin(proposal: Proposal, spiders_dir: Any, tests_dir: Any, content_type: str = "text/html") -> list[Any]:
    """A spider plugin module and its saved-page test (the list page's original bytes as the fixture)."""
    from pathlib import Path

    module = proposal.name.replace("-", "_")
    cls = "".join(part.capitalize() for part in module.split("_")) + "Spider"
    pattern = proposal.candidates[0].pattern if proposal.candidates else r"\\.html?$"
    links = [url for url, _ in proposal.candidates[0].links] if proposal.candidates else []
    spiders_dir, tests_dir = Path(spiders_dir), Path(tests_dir)
    (tests_dir / "files").mkdir(parents=True, exist_ok=True)
    spiders_dir.mkdir(parents=True, exist_ok=True)
    written = [spiders_dir / f"{module}.py", tests_dir / f"test_spider_{module}.py", tests_dir / "files" / f"{module}_list.html"]
    written[0].write_text(PLUGIN_TEMPLATE.format(title=proposal.entry.get("title", proposal.name), url=proposal.url,
                                                 cls=cls, name=proposal.name, pattern=pattern), encoding="utf-8")
    written[1].write_text(TEST_TEMPLATE.format(name=proposal.name, url=proposal.url, links=links, module=module, cls=cls,
                                               content_type=content_type), encoding="utf-8")
    written[2].write_bytes(proposal.page)
    proposal.entry["spider"] = proposal.name
    return written
