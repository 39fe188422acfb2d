"""The generic config-driven spider: list pages (with pagination), feeds and sitemaps → raw pages.

It only fetches. Each article page becomes a raw-page item (a dict)::

    {"kind": "page", "site", "url", "final_url", "status", "headers", "body", "fetched_at",
     "list_date", "link_text", "discovered_from"}

and each failed fetch an error item (``{"kind": "error", "site", "url", "status", "error"}``);
the item pipelines do the rest. Per-site spider plugins subclass :class:`ConfigSpider` and override
:meth:`article_links`, :meth:`next_pages` or :meth:`parse_article`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from lxml import etree
from scrapy.http import Request, Response
from scrapy.selector import Selector
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from parkwatch import listing
from parkwatch.config import Site
from parkwatch.extract.dates import parse_date
from parkwatch.extract.decode import decode_html
from parkwatch.urls import canonical_url

_NEXT_TEXT_RE = re.compile(r"^\s*(?:下一页|下一頁|下页|下頁|后页|後頁|next|›|»|>)\s*$", re.I)
_PAGER_TEXT_RE = re.compile(r"^\s*(?:上一页|上一頁|上页|首页|首頁|尾页|末页|尾頁|末頁|prev|previous|last|first|«|‹|<)\s*$", re.I)
_ARTICLE_URL_RE = re.compile(r"(?:\d{4,}|/20\d{2}[-/]?\d{2}).*|\.(?:s?html?|php|aspx?|jsp)$", re.I)
_LIST_ITEM_TAGS = ("li", "tr", "dd", "dt", "p", "div")
_KEPT_HEADERS = ("content-type", "last-modified", "etag", "date", "content-language")

# Articles before further list pages: a site's pagination must not run ahead of its articles, or a long
# backfill holds a queued request for every article of every list page (memory grows with the site), and
# a crawl that is stopped has fetched lists whose articles it never stored.
ARTICLE_PRIORITY = 10
MAX_ATTACHMENTS = 10  # documents fetched per article


@dataclass
class _Pending:
    """What an article still has to fetch (travels in request meta, never on the spider)."""

    seen: set[str] = field(default_factory=set)
    attachments: list[tuple[str, str]] = field(default_factory=list)


class ConfigSpider(scrapy.Spider):
    """Crawls one configured :class:`~parkwatch.config.Site`.

    ``plugin_name`` is the name sites use in ``spider:``; the Scrapy ``name`` is the site's name.
    """

    plugin_name: ClassVar[str] = "generic"
    name = "generic"

    def __init__(self, site: Site, **kwargs: Any) -> None:
        super().__init__(name=site.name, **kwargs)
        self.site = site
        self.frontier: Frontier | None = None  # what the database already holds (read-only)
        self.allow = [re.compile(p) for p in site.allow]
        self.deny = [re.compile(p) for p in site.deny]
        self.follow = re.compile(site.follow) if site.follow else None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> ConfigSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        db = crawler.settings.get("PARKWATCH_DB")
        if db:
            spider.frontier = Frontier(db, crawler.settings.getint("PARKWATCH_BACKFILL", 0))
        return spider

    # start ----------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        for request in self.start_requests():
            yield request

    def start_requests(self) -> Iterator[Request]:
        for url in self.site.start_urls:
            yield self._request(url, self.parse_list, page=1)
        for url in self.site.feeds:
            yield self._request(url, self.parse_feed)
        for url in self.site.sitemaps:
            yield self._request(url, self.parse_sitemap)

    def _request(self, url: str, callback: Any, **meta: Any) -> Request:
        return Request(url, callback=callback, errback=self.fetch_failed, meta=meta)

    def page_text(self, response: Response) -> str:
        """The page decoded as parkwatch decodes articles (a lying ``<meta charset>`` must not garble link text)."""
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        return decode_html(response.body, content_type, self.site.encoding)[0]

    def selector(self, response: Response) -> Selector:
        return Selector(text=self.page_text(response), type="html")

    def anchors(self, response: Response) -> Iterator[Selector]:
        """The page's links, and those of the records a CMS keeps in scripts or XML (Hanweb ``<datastore>``)."""
        text = self.page_text(response)
        yield from Selector(text=text, type="html").xpath("//a[@href]")
        for fragment in listing.hanweb_records(text):
            yield from Selector(text=fragment, type="html").xpath("//a[@href]")

    # list pages -----------------------------------------------------------------------------------
    def parse_list(self, response: Response) -> Iterator[Any]:
        """Article links of a list page, then its next page while ``max_pages`` allows."""
        if not _is_html(response):
            return
        blocked = list(self.challenged(response))
        if blocked:
            yield from blocked
            return
        links = list(self.article_links(response))
        if not links:  # say so when a page had links and none was taken: usually an allow that matches nothing
            host = urlsplit(response.url).netloc
            others = [a for a in self.anchors(response) if urlsplit(_join(response, a.attrib["href"]) or "").netloc == host]
            if others:
                self.crawler.stats.inc_value("parkwatch/list_pages_unmatched")
                self.crawler.stats.inc_value("parkwatch/list_links_unmatched", len(others))
        requests = list(self.article_requests(links, response.url))
        page = response.meta.get("page", 1)
        yield from requests
        backfill = self.frontier.backfill if self.frontier else 0
        resuming = bool(self.crawler.stats.get_value("parkwatch/resuming"))
        if links and not requests and page >= max(1, backfill) and not resuming:
            self.crawler.stats.inc_value("parkwatch/pagination_stopped")
            return  # every article on this page is stored already: older pages hold nothing new
        if page < max(self.site.max_pages, backfill):
            for url in self.next_pages(response):
                yield self._request(url, self.parse_list, page=page + 1)

    def article_links(self, response: Response) -> Iterator[tuple[str, str, str | None]]:
        """``(url, link text, date written next to the link)`` for each article link on a list page."""
        seen: set[str] = set()
        for anchor in self.anchors(response):
            url = _join(response, anchor.attrib["href"])
            if url is None or url in seen or url.split("#")[0] == response.url.split("#")[0] or not self.is_article_url(url):
                continue
            seen.add(url)
            text = " ".join("".join(anchor.xpath(".//text()").getall()).split())
            if _NEXT_TEXT_RE.match(text) or text.isdigit() or _PAGER_TEXT_RE.match(text):
                continue  # pagination, not an article
            yield url, text, _date_near(anchor.root)

    def is_article_url(self, url: str) -> bool:
        """Allowed by ``allow`` (or, without it, same host and article-looking), not ``deny``, not pagination."""
        if not url.startswith(("http://", "https://")):
            return False
        if any(p.search(url) for p in self.deny) or (self.follow and self.follow.search(url)):
            return False
        if self.allow:
            return any(p.search(url) for p in self.allow)
        hosts = {urlsplit(u).netloc for u in self.site.start_urls}
        return urlsplit(url).netloc in hosts and bool(_ARTICLE_URL_RE.search(urlsplit(url).path))

    def next_pages(self, response: Response) -> Iterator[str]:
        """Pagination links: those matching ``follow``; without it, a 下一页/next link, else the next page a CMS
        pager writes with a script (TRS ``createPageHTML``, Hanweb jpage: :mod:`parkwatch.listing`)."""
        found = False
        for anchor in self.selector(response).xpath("//a[@href]"):
            url = _join(response, anchor.attrib["href"])
            if url is None:
                continue
            if self.follow:
                if self.follow.search(url) and not any(p.search(url) for p in self.deny):
                    yield url
            elif _NEXT_TEXT_RE.match("".join(anchor.xpath(".//text()").getall())):
                found = True
                yield url
        if not self.follow and not found:
            text = self.page_text(response)
            scripted = listing.trs_next_page(text, response.url) or listing.hanweb_next_page(text, response.url)
            if scripted and not any(p.search(scripted) for p in self.deny):
                if getattr(self, "crawler", None) is not None:  # (a dry run has no crawler)
                    self.crawler.stats.inc_value("parkwatch/scripted_pages")
                yield scripted

    # feeds and sitemaps ---------------------------------------------------------------------------
    def parse_feed(self, response: Response) -> Iterator[Request]:
        """RSS 2.0 and Atom entries."""
        try:
            root = etree.fromstring(response.body, parser=etree.XMLParser(recover=True, resolve_entities=False))
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            yield from self._failed_item(response.url, response.status, "feed is not XML")
            return
        links: list[tuple[str, str, str | None]] = []
        for entry in root.iter("{*}item", "{*}entry"):
            link = entry.findtext("{*}link") or ""
            if not link.strip():
                href = entry.find("{*}link[@href]")
                link = href.get("href", "") if href is not None else ""
            if not link.strip():
                continue
            date_text = next((entry.findtext(t) for t in ("{*}pubDate", "{*}published", "{*}updated", "{*}date")
                              if entry.findtext(t)), None)
            url = _join(response, link)
            if url is None:
                continue
            if self.allow and not any(p.search(url) for p in self.allow):
                continue
            if any(p.search(url) for p in self.deny):
                continue
            links.append((url, (entry.findtext("{*}title") or "").strip(), _feed_date(date_text)))
        yield from self.article_requests(links, response.url)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """``urlset`` entries become article requests; a ``sitemapindex`` is followed."""
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body)
        try:
            sitemap = Sitemap(body)
        except Exception:
            yield from self._failed_item(response.url, response.status, "sitemap is not XML")
            return
        links: list[tuple[str, str, str | None]] = []
        for entry in sitemap:
            url = _join(response, entry.get("loc", ""))
            if url is None:
                continue
            if sitemap.type == "sitemapindex":
                yield self._request(url, self.parse_sitemap)
            elif (not self.allow or any(p.search(url) for p in self.allow)) and not any(
                p.search(url) for p in self.deny
            ):
                links.append((url, "", parse_date(entry.get("lastmod", ""))))
        yield from self.article_requests(links, response.url)

    # articles -------------------------------------------------------------------------------------
    def article_requests(self, links: list[tuple[str, str, str | None]], source: str) -> Iterator[Request]:
        """Requests for the links not stored yet; stored ones only when ``recheck`` is due (conditional GET)."""
        known = self.frontier.known([url for url, _, _ in links]) if self.frontier else {}
        for url, link_text, list_date in links:
            stored = known.get(url)
            if stored is None:
                yield self.article_request(url, source, link_text, list_date)
            elif self.site.recheck is not None and stored.due(self.site.recheck):
                yield self.article_request(url, source, link_text, list_date, validators=stored.validators())
            else:
                self.crawler.stats.inc_value("parkwatch/skipped_known")

    def article_request(self, url: str, source: str, link_text: str = "", list_date: str | None = None,
                        validators: dict[str, str] | None = None) -> Request:
        meta: dict[str, Any] = {"list_date": list_date, "link_text": link_text, "discovered_from": source}
        if validators:
            meta["handle_httpstatus_list"] = [304]
        return Request(url, callback=self.parse_article, errback=self.fetch_failed, meta=meta,
                       headers=validators or None, priority=ARTICLE_PRIORITY)

    def parse_article(self, response: Response) -> Iterator[dict[str, Any]]:
        """The raw page, untouched: extraction happens in the pipelines."""
        if response.status == 304:
            yield {"kind": "not_modified", "site": self.site.name,
                   "url": (response.meta.get("redirect_urls") or [response.url])[0],
                   "fetched_at": datetime.now(UTC).isoformat(timespec="seconds")}
            return
        if not _is_html(response):
            yield from self._failed_item(response.request.url, response.status, "not an HTML page")
            return
        blocked = list(self.challenged(response))
        if blocked:
            yield from blocked
            return
        item = {
            "kind": "page",
            "site": self.site.name,
            "url": (response.meta.get("redirect_urls") or [response.url])[0],
            "final_url": response.url,
            "status": response.status,
            "headers": _headers(response),
            "body": response.body,
            "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "list_date": response.meta.get("list_date"),
            "link_text": response.meta.get("link_text") or "",
            "discovered_from": response.meta.get("discovered_from"),
            "more_pages": [],
            "attachments": [],
        }
        yield from self.continue_article(response, item, _Pending())

    # the rest of an article: further pages, then attachments, one request at a time --------------------
    def continue_article(self, response: Response, item: dict[str, Any], pending: _Pending) -> Iterator[Any]:
        """Follow the article's own pager (a page cap), collect its attachment links, then fetch those; the
        item goes to the pipelines once, whole. A killed crawl loses only this unfinished article, which is
        not stored and so is fetched again next time."""
        text = self.page_text(response)
        pending.seen.add(response.url)
        if self.settings.getbool("PARKWATCH_ATTACHMENTS", True):
            hosts = {urlsplit(response.url).netloc} | {urlsplit(u).netloc for u in self.site.start_urls}
            for url, name in listing.attachment_links(text, response.url, hosts):
                if url not in pending.seen and len(pending.attachments) < MAX_ATTACHMENTS:
                    pending.seen.add(url)
                    pending.attachments.append((url, name))
        pages = 1 + len(item["more_pages"])
        following = listing.article_next_page(text, response.url, item["final_url"])
        if following and following not in pending.seen and pages < self.settings.getint("PARKWATCH_ARTICLE_PAGES", 10):
            yield Request(following, callback=self.parse_article_page, errback=self.article_page_failed,
                          meta={"item": item, "pending": pending}, priority=ARTICLE_PRIORITY + 1)
            return
        yield from self.next_attachment(item, pending)

    def parse_article_page(self, response: Response) -> Iterator[Any]:
        item, pending = response.meta["item"], response.meta["pending"]
        if response.status == 200 and _is_html(response) and not list(self.challenged(response)):
            item["more_pages"].append({"url": response.url, "body": response.body,
                                       "content_type": _headers(response).get("content-type")})
            self.crawler.stats.inc_value("parkwatch/article_pages")
        yield from self.continue_article(response, item, pending)

    def article_page_failed(self, failure: Failure) -> Iterator[Any]:
        yield from self.fetch_failed(failure)  # recorded; the article keeps the pages it has
        meta = failure.request.meta
        yield from self.next_attachment(meta["item"], meta["pending"])

    def next_attachment(self, item: dict[str, Any], pending: _Pending) -> Iterator[Any]:
        if not pending.attachments:
            yield item
            return
        url, name = pending.attachments.pop(0)
        maxsize = self.settings.getint("PARKWATCH_MAX_ATTACHMENT_BYTES", 20 * 1024 * 1024)
        yield Request(url, callback=self.parse_attachment, errback=self.attachment_failed, priority=ARTICLE_PRIORITY + 1,
                      meta={"item": item, "pending": pending, "name": name, "download_maxsize": maxsize,
                            "download_warnsize": 0})

    def parse_attachment(self, response: Response) -> Iterator[Any]:
        item, pending = response.meta["item"], response.meta["pending"]
        item["attachments"].append({"url": response.url, "name": response.meta["name"], "status": response.status,
                                    "content_type": _headers(response).get("content-type"), "body": response.body})
        self.crawler.stats.inc_value("parkwatch/attachments_fetched")
        yield from self.next_attachment(item, pending)

    def attachment_failed(self, failure: Failure) -> Iterator[Any]:
        yield from self.fetch_failed(failure)  # an oversized or missing attachment is an error; the article stays
        self.crawler.stats.inc_value("parkwatch/attachment_errors")
        meta = failure.request.meta
        yield from self.next_attachment(meta["item"], meta["pending"])

    def fetch_failed(self, failure: Failure) -> Iterator[dict[str, Any]]:
        """Errback: a failed request becomes an error item, recorded by the store pipeline."""
        request = getattr(failure, "request", None)
        response = getattr(failure.value, "response", None)
        url = request.url if request is not None else "?"
        status = response.status if response is not None else None
        message = f"HTTP {status}" if status else f"{failure.type.__name__}: {failure.getErrorMessage()}"
        reason = blocked_reason(status, response.body) if response is not None else None
        if reason:
            message += self._count_blocked(reason)
        yield from self._failed_item(url, status, message)

    def _count_blocked(self, reason: str) -> str:
        self.crawler.stats.inc_value("parkwatch/blocked")
        self.crawler.stats.inc_value(f"parkwatch/blocked_{reason}")
        return " (blocked: a JavaScript or captcha challenge)" if reason == "challenge" else " (blocked: access denied)"

    def challenged(self, response: Response) -> Iterator[dict[str, Any]]:
        """An error item when a 2xx answer is really a WAF challenge (瑞数 answers 202 with a script); else nothing."""
        if response.status in (200, 202) and blocked_reason(response.status, response.body) == "challenge":
            message = f"HTTP {response.status}" + self._count_blocked("challenge")
            yield from self._failed_item(response.url, response.status, message)

    def _failed_item(self, url: str, status: int | None, error: str) -> Iterable[dict[str, Any]]:
        self.logger.warning("%s: %s (%s)", self.site.name, error, url)
        yield {"kind": "error", "site": self.site.name, "url": url, "status": status, "error": error}


@dataclass(frozen=True)
class StoredPage:
    fetched_at: str
    etag: str | None
    last_modified: str | None

    def due(self, recheck: timedelta) -> bool:
        try:
            fetched = datetime.fromisoformat(self.fetched_at)
        except ValueError:
            return True
        return datetime.now(UTC) - fetched >= recheck

    def validators(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class Frontier:
    """Read-only view of what the database holds, so a crawl fetches only what is new."""

    def __init__(self, db_path: str, backfill: int = 0) -> None:
        self.db_path = db_path
        self.backfill = backfill

    def known(self, urls: list[str]) -> dict[str, StoredPage]:
        if not urls or not Path(self.db_path).exists():
            return {}
        by_canonical = {canonical_url(u): u for u in urls}
        marks = ",".join("?" * len(by_canonical))
        with closing(sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=30)) as conn:
            try:
                rows = conn.execute(
                    f"SELECT canonical_url, url, fetched_at, etag, last_modified FROM articles "
                    f"WHERE canonical_url IN ({marks}) OR url IN ({marks})",
                    [*by_canonical, *urls],
                ).fetchall()
            except sqlite3.OperationalError:  # an empty or older database: nothing is known
                return {}
        found: dict[str, StoredPage] = {}
        for canonical, url, fetched_at, etag, last_modified in rows:
            page = StoredPage(fetched_at, etag, last_modified)
            for key in (by_canonical.get(canonical), url if url in urls else None):
                if key:
                    found[key] = page
        return found


_CHALLENGE_RE = re.compile(
    rb"captcha|cf-chl|challenge-platform|Attention Required|jsl_clearance|__jsluid|\$_ts\s*=|\$_ts\.|"
    rb"\xe5\xae\x89\xe5\x85\xa8\xe9\xaa\x8c\xe8\xaf\x81|\xe4\xba\xba\xe6\x9c\xba\xe9\xaa\x8c\xe8\xaf\x81",
    re.I,
)  # the last two: 安全验证, 人机验证; $_ts: 瑞数-style WAFs answering 202/412 with a script that sets a cookie
_DENIED_RE = re.compile(rb"Access Denied|\xe8\xae\xbf\xe9\x97\xae\xe8\xa2\xab\xe6\x8b\x92\xe7\xbb\x9d", re.I)  # 访问被拒绝


def blocked_reason(status: int | None, body: bytes) -> str | None:
    """``"challenge"`` for a WAF's JavaScript or captcha challenge (瑞数 202/412, 加速乐 521, Cloudflare …),
    ``"denied"`` for an access-denied answer, else ``None``. A challenge page is short and names its script."""
    head = body[:20000]
    if status in (202, 403, 412, 429, 503, 521) and _CHALLENGE_RE.search(head):
        return "challenge"
    if status == 200 and len(body) < 20000 and re.search(rb"\$_ts\s*=|jsl_clearance|challenge-platform", head):
        return "challenge"
    if status == 403 or (status in (429, 503) and _DENIED_RE.search(head)):
        return "denied"
    return None


def _join(response: Response, href: str) -> str | None:
    """An absolute URL for *href*, or ``None`` for a malformed one (it must not cost the rest of the page)."""
    try:
        url = response.urljoin(href.strip())
        _ = urlsplit(url).port  # an invalid port (http://host:99999/) is malformed too: skipped alone
        return url
    except ValueError:
        return None


def _is_html(response: Response) -> bool:
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
    return not content_type or "html" in content_type or "xml" in content_type or "text/plain" in content_type


def _headers(response: Response) -> dict[str, str]:
    out = {}
    for key in _KEPT_HEADERS:
        value = response.headers.get(key)
        if value:
            out[key] = value.decode("latin-1")
    return out


def _date_near(anchor: etree._Element) -> str | None:
    """The date written beside a list link (in its list item, table row or the link itself)."""
    node = anchor
    for _ in range(3):
        node = node.getparent()
        if node is None:
            break
        if node.tag in _LIST_ITEM_TAGS:
            text = " ".join("".join(node.itertext()).split())
            if len(text) <= 300:
                return parse_date(text)
    return parse_date(" ".join("".join(anchor.itertext()).split()))


def _feed_date(text: str | None) -> str | None:
    if not text:
        return None
    found = parse_date(text)
    if found:
        return found
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError):
        return None
