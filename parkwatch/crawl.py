"""Run one crawl pass over configured sites with Scrapy, and report per site.

Twisted's reactor cannot be restarted, so :func:`run_crawl` runs once per process; the scheduler
runs each crawl in its own process.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loguru import logger
from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.exceptions import NotConfigured

from parkwatch.config import CRAWLS_AT_ONCE_ENV, Config, Settings, Site
from parkwatch.spider_registry import available_spiders, check_spiders
from parkwatch.store import Store

PIPELINES = {
    "parkwatch.pipelines.extract.ExtractPipeline": 300,
    "parkwatch.pipelines.tag.TagPipeline": 500,
    "parkwatch.pipelines.store.StorePipeline": 800,
    "parkwatch.pipelines.stories.StoryPipeline": 850,
}


@dataclass
class SiteResult:
    """What one site's crawl did."""

    site: str
    pages: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    not_articles: int = 0
    errors: int = 0
    skipped: int = 0
    attachments: int = 0
    unmatched_pages: int = 0  # list pages whose links were all left out (allow matched none)
    unmatched_links: int = 0
    reason: str = ""

    @property
    def failed(self) -> bool:
        """Nothing but errors: a dead site, or every page refused."""
        return self.reason.startswith("failed") or bool(self.errors) and not (
            self.new or self.updated or self.unchanged or self.skipped)

    def line(self) -> str:
        if self.reason.startswith("failed"):
            return f"{self.site}: {self.reason}"
        line = (f"{self.site}: {self.pages} pages, {self.new} new, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.skipped} skipped as known, {self.errors} errors")
        read = f", {self.attachments} attachment{'s' if self.attachments != 1 else ''} read" if self.attachments else ""
        if self.unmatched_pages and not (self.new or self.updated or self.unchanged or self.skipped):
            read += (f"; {self.unmatched_pages} list page(s) had {self.unmatched_links} links and none matched allow "
                     f"(parkwatch sites check {self.site})")
        if self.reason == "closespider_timeout":
            read += "; stopped at the site timeout (the rest next time)"
        return line + read


@dataclass
class CrawlSummary:
    sites: list[SiteResult] = field(default_factory=list)

    @property
    def totals(self) -> SiteResult:
        total = SiteResult("total")
        for r in self.sites:
            for key in ("pages", "new", "updated", "unchanged", "not_articles", "errors", "skipped", "attachments"):
                setattr(total, key, getattr(total, key) + getattr(r, key))
        return total


def scrapy_settings(settings: Settings, db: Path, verbose: bool = False) -> dict[str, Any]:
    """Scrapy settings for a parkwatch crawl: polite by default, parkwatch components enabled."""
    return {
        "USER_AGENT": settings.user_agent,
        "ROBOTSTXT_OBEY": settings.obey_robots,
        "DOWNLOAD_DELAY": settings.delay,
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.concurrency,
        "DOWNLOAD_TIMEOUT": settings.timeout,
        "DOWNLOAD_MAXSIZE": settings.max_page_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": 2,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": max(settings.delay, 0.01),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(settings.concurrency),
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "DEBUG" if verbose else "WARNING",
        "LOG_INSTALL_ROOT_HANDLER": False,
        "ITEM_PIPELINES": dict(PIPELINES),
        "EXTENSIONS": {"parkwatch.crawl.CrawlRecorder": 500},
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "PARKWATCH_DB": str(db),
        "PARKWATCH_ATTACHMENTS": settings.attachments,
        "PARKWATCH_MAX_ATTACHMENT_BYTES": settings.max_attachment_bytes,
        "PARKWATCH_ARTICLE_PAGES": settings.article_pages,
        "PARKWATCH_WORKERS": worker_count(settings.workers),
        **settings.scrapy,
    }


def worker_count(workers: int) -> int:
    """Worker processes for one crawl: the setting, or by default the cores this crawl has to itself.

    A lone ``parkwatch crawl`` gets one per core; under ``parkwatch run``, where ``parallel_crawls`` crawls already
    share the cores, each gets its share and at least one (the batch's sites then share that worker, and the
    reactor thread only fetches).
    """
    if workers >= 0:
        return workers
    sharing = max(1, int(os.environ.get(CRAWLS_AT_ONCE_ENV) or 1))
    return max(1, (os.cpu_count() or 1) // sharing)


def spider_class_for(site: Site, spiders: dict[str, Any]) -> type:
    """The site's spider class, subclassed with the site's own delay and concurrency."""
    base = spiders[site.spider].cls
    custom = dict(getattr(base, "custom_settings", None) or {})
    if site.delay is not None:
        custom["DOWNLOAD_DELAY"] = site.delay
        custom["AUTOTHROTTLE_START_DELAY"] = max(site.delay, 0.01)
    if site.concurrency is not None:
        custom["CONCURRENT_REQUESTS_PER_DOMAIN"] = site.concurrency
    return type(f"{base.__name__}_{site.name.replace('-', '_')}", (base,), {"custom_settings": custom})


class CrawlRecorder:
    """Scrapy extension: a ``crawls`` row per site crawl, with its counts when it ends."""

    def __init__(self, crawler: Crawler, db: str) -> None:
        self.crawler = crawler
        self.db = db
        self.crawl_id: int | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlRecorder:
        db = crawler.settings.get("PARKWATCH_DB")
        if not db:
            raise NotConfigured("PARKWATCH_DB is not set")
        return cls(crawler, db)

    def spider_opened(self, spider: Any) -> None:
        with Store(self.db) as store:
            previous = store.db.execute("SELECT finished_at FROM crawls WHERE site = ? ORDER BY id DESC LIMIT 1",
                                        [spider.name]).fetchone()
            if previous is not None and previous[0] is None:  # the last crawl was killed: resume, do not stop early
                self.crawler.stats.set_value("parkwatch/resuming", True)
                logger.info("{}: the previous crawl did not finish; resuming through all list pages", spider.name)
            self.crawl_id = store.start_crawl(spider.name)
        self.crawler.stats.set_value("parkwatch/crawl_id", self.crawl_id)

    def spider_closed(self, spider: Any, reason: str) -> None:
        result = site_result(spider.name, self.crawler.stats.get_stats(), reason)
        counts = {"pages": result.pages, "articles_new": result.new, "articles_updated": result.updated,
                  "articles_unchanged": result.unchanged, "not_articles": result.not_articles,
                  "errors": result.errors}
        if self.crawl_id is not None:
            with Store(self.db) as store:
                store.finish_crawl(self.crawl_id, counts, reason, self.crawler.stats.get_stats())


def site_result(site: str, stats: dict[str, Any], reason: str = "") -> SiteResult:
    return SiteResult(
        site=site,
        pages=stats.get("downloader/response_count", 0),
        new=stats.get("parkwatch/articles_new", 0),
        updated=stats.get("parkwatch/articles_updated", 0),
        unchanged=stats.get("parkwatch/articles_unchanged", 0),
        not_articles=stats.get("parkwatch/not_articles", 0),
        errors=stats.get("parkwatch/errors", 0),
        skipped=stats.get("parkwatch/skipped_known", 0),
        attachments=stats.get("parkwatch/attachments", 0),
        unmatched_pages=stats.get("parkwatch/list_pages_unmatched", 0),
        unmatched_links=stats.get("parkwatch/list_links_unmatched", 0),
        reason=reason,
    )


def _start_watches(config: Config, db: Path) -> None:
    """A watch added to watches.yaml starts from this crawl: what it stores can alert, the history cannot."""
    from parkwatch.alerts.outbox import start_watches
    from parkwatch.alerts.watches import load_watches
    from parkwatch.config import ConfigError

    try:
        watches = load_watches(config.directory)
    except ConfigError as exc:
        logger.warning("watches not started: {}", exc)
        return
    with Store(db) as store:
        if watches.watches:
            start_watches(store, watches)
        _note_taggers(store, config)


def _note_taggers(store: Store, config: Config) -> None:
    """Stored tags follow the taggers they were made with: say when those changed (new rules, aliases, zones)."""
    from parkwatch.retag import record_version, stored_version, tagging_version

    current, stored = tagging_version(config), stored_version(store)
    if stored is None:
        record_version(store, current, only_if_unset=True)
    elif stored != current and store.article_count():
        logger.warning("the taggers changed since the stored articles were tagged (parks.yaml, programmes.yaml, a site's park, "
                       "a new parkwatch, or a tagger plugin installed, upgraded or disabled): run `parkwatch retag` so searches "
                       "and watches see the new tags")


def run_crawl(
    config: Config,
    db: Path,
    site_names: list[str] | None = None,
    *,
    on_site_done: Callable[[SiteResult], None] | None = None,
    verbose: bool = False,
    extra_settings: dict[str, Any] | None = None,
    backfill: int = 0,
) -> CrawlSummary:
    """Crawl the chosen (default: all enabled) sites once, in this process; blocks until done."""
    _start_watches(config, db)
    spiders = available_spiders()
    check_spiders(config, spiders)
    sites = [config.site(n) for n in site_names] if site_names else [s for s in config.sites if s.enabled]
    Store(db).close()  # create or migrate before any crawler opens it
    summary = CrawlSummary()
    if not sites:
        return summary
    route_std_logging(verbose)
    process = CrawlerProcess({**scrapy_settings(config.settings, db, verbose), "PARKWATCH_CONFIG_OBJECT": config,
                              "PARKWATCH_BACKFILL": backfill,
                              **(extra_settings or {})})
    handlers = []  # Scrapy's signal dispatcher holds receivers weakly: keep them alive for the run
    for site in sites:
        crawler = process.create_crawler(spider_class_for(site, spiders))

        def closed(spider: Any, reason: str, crawler: Crawler = crawler) -> None:
            result = site_result(spider.name, crawler.stats.get_stats(), reason)
            summary.sites.append(result)
            if on_site_done:
                on_site_done(result)

        handlers.append(closed)
        crawler.signals.connect(closed, signal=signals.spider_closed)
        process.crawl(crawler, site=site)
    process.start()
    done = {r.site for r in summary.sites}
    for site in sites:  # a crawler that could not start (a broken component) never reports: say so
        if site.name not in done:
            result = SiteResult(site.name, errors=1, reason="failed to start (see the log)")
            logger.error("crawl of {} failed to start; see the errors above", site.name)
            summary.sites.append(result)
            if on_site_done:
                on_site_done(result)
    return summary


class _InterceptHandler(logging.Handler):
    """Send standard-library logging (Scrapy, Twisted) through loguru; tracebacks only with ``-v``."""

    def __init__(self, verbose: bool = False) -> None:
        # The level is the handler's own: Scrapy sets its loggers to DEBUG when a crawler process starts,
        # and formatting each scraped item's debug line only to drop it costs a crawl dearly.
        super().__init__(level=logging.DEBUG if verbose else logging.WARNING)
        self.verbose = verbose

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level: str | int = logger.level(record.levelname).name
        except ValueError:
            level = record.levelno
        exc_info = record.exc_info if self.verbose else None
        logger.opt(depth=6, exception=exc_info).log(level, "{}", record.getMessage())


def route_std_logging(verbose: bool = False) -> None:
    logging.basicConfig(handlers=[_InterceptHandler(verbose)], level=logging.DEBUG if verbose else logging.WARNING,
                        force=True)
    for name in ("scrapy", "twisted", "py.warnings"):
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.WARNING)
