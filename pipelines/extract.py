"""Extract pipeline: raw page item → ``item["article"]`` and, with worker processes, ``item["mentions"]`` too.

The work itself is :func:`parkwatch.processing.process_page`, a pure function of the page. With ``workers`` > 0
(settings.yaml; one per core by default) it runs in a pool of worker processes and the reactor thread only
fetches; Scrapy's own limit on the bytes of responses being processed keeps the queue to the pool bounded.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from loguru import logger
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from parkwatch.processing import init_worker, process_page, site_options


class ExtractPipeline:
    """Runs extraction on page items; a page that yields no article text is marked, not stored.

    Disabled with ``PARKWATCH_EXTRACT = False``; ``PARKWATCH_WORKERS`` sets the worker processes (0: in-process).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.workers = crawler.settings.getint("PARKWATCH_WORKERS", 0)
        self.tag_in_workers = crawler.settings.getbool("PARKWATCH_TAG", True)  # PARKWATCH_TAG off: nobody tags
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        if not crawler.settings.getbool("PARKWATCH_EXTRACT", True):
            raise NotConfigured("PARKWATCH_EXTRACT is off")
        return cls(crawler)

    def open_spider(self, spider: Any = None) -> None:
        if self.workers > 0:
            self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        config = self.crawler.settings.get("PARKWATCH_CONFIG_OBJECT")
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=init_worker, initargs=(config,))

    async def _in_pool(self, item: dict[str, Any], options: Any) -> dict[str, Any]:
        """The page processed by a worker. A worker that died (killed, out of memory) breaks the pool: a new pool
        takes over and the page is tried once more there, so one lost worker costs no pages."""
        pool = self.pool
        assert pool is not None
        try:
            return await asyncio.wrap_future(pool.submit(process_page, item, options, self.tag_in_workers))
        except BrokenProcessPool:
            self.stats.inc_value("parkwatch/worker_restarts")
            if self.pool is pool:  # the first page to notice replaces the pool; the others use the new one
                logger.warning("a worker process died; starting new workers and retrying {}", item["url"])
                pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self._new_pool()
        return await asyncio.wrap_future(self.pool.submit(process_page, item, options, self.tag_in_workers))

    def close_spider(self, spider: Any = None) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    async def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        if item.get("kind") != "page":
            return item
        site = getattr(spider or self.crawler.spider, "site", None)
        options = site_options(site)
        try:
            if self.pool is not None:
                item = await self._in_pool(item, options)
            else:
                item = process_page(item, options, tag_it=False)  # the tag pipeline tags it here
        except Exception as exc:  # one broken page must not stop the crawl
            logger.opt(exception=exc).error("extraction failed for {}: {}", item["url"], exc)
            self.stats.inc_value("parkwatch/extract_errors")
            return {"kind": "error", "site": item["site"], "url": item["url"], "status": item.get("status"),
                    "error": f"extraction failed: {exc!r}"}
        article = item.get("article")
        if not article:
            self.stats.inc_value("parkwatch/not_articles")
            return item
        for attachment in item.get("attachments") or []:
            if attachment.get("error"):
                self.stats.inc_value("parkwatch/attachment_errors")
                logger.warning("attachment {}: {}", attachment["url"], attachment["error"])
            else:
                self.stats.inc_value("parkwatch/attachments")
        for name, present in (("title", article.get("title")), ("date", article.get("published_at")),
                              ("body", article.get("text"))):
            if present:
                self.stats.inc_value(f"parkwatch/field_{name}")
        if "mentions" in item:
            self.stats.inc_value("parkwatch/mentions", len(item["mentions"]))
        self.stats.inc_value("parkwatch/extracted")
        return item
