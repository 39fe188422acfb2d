"""Extract pipeline: raw page item → ``item["article"]`` and, with worker processes, ``item["mentions"]`` too.

The work itself is :func:`parkwatch.processing.process_page`, a pure function of the page. With ``workers`` > 0
(settings.yaml; one per core by default) it runs in a pool of worker processes and the reactor thread only
fetches; Scrapy's own limit on the bytes of responses being processed keeps the queue to the pool bounded.
With ``workers: 0`` it runs in a thread of this process: sharing the interpreter with the reactor, but never
blocking it.
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


class SharedPool:
    """One pool of worker processes for every site crawled in this process (a crawl of 50 sites starts
    ``workers`` processes, not 50 × ``workers``): opened by the first spider, shut down when the last closes."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.users = 0
        self.started = 0  # pools started in this process (a broken pool is replaced)

    def acquire(self, workers: int, config: Any) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = self._start(workers, config)
        self.users += 1
        return self.pool

    def replace(self, broken: ProcessPoolExecutor, workers: int, config: Any) -> ProcessPoolExecutor:
        """A new pool for one whose worker died; the first caller replaces it, the others get the new one."""
        if self.pool is broken or self.pool is None:
            broken.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start(workers, config)
        return self.pool

    def release(self) -> None:
        self.users -= 1
        if self.users <= 0 and self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool, self.users = None, 0

    def _start(self, workers: int, config: Any) -> ProcessPoolExecutor:
        self.started += 1
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=init_worker, initargs=(config,))


POOL = SharedPool()  # a crawl process's configuration is one, so is its pool


class ExtractPipeline:
    """Runs extraction on page items; a page that yields no article text is marked, not stored.

    Disabled with ``PARKWATCH_EXTRACT = False``; ``PARKWATCH_WORKERS`` sets the worker processes (0: a thread of
    this process).
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
            self.pool = POOL.acquire(self.workers, self.crawler.settings.get("PARKWATCH_CONFIG_OBJECT"))

    async def _in_pool(self, item: dict[str, Any], options: Any) -> dict[str, Any]:
        """The page processed by a worker. A worker that died (killed, out of memory) breaks the pool: a new pool
        takes over and the page is tried once more there, so one lost worker costs no pages."""
        pool = self.pool
        assert pool is not None
        try:
            return await asyncio.wrap_future(pool.submit(process_page, item, options, self.tag_in_workers))
        except BrokenProcessPool:
            self.stats.inc_value("parkwatch/worker_restarts")
            if POOL.pool is pool:
                logger.warning("a worker process died; starting new workers and retrying {}", item["url"])
            self.pool = POOL.replace(pool, self.workers, self.crawler.settings.get("PARKWATCH_CONFIG_OBJECT"))
        return await asyncio.wrap_future(self.pool.submit(process_page, item, options, self.tag_in_workers))

    def close_spider(self, spider: Any = None) -> None:
        if self.pool is not None:
            self.pool = None
            POOL.release()

    async def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        if item.get("kind") != "page":
            return item
        site = getattr(spider or self.crawler.spider, "site", None)
        options = site_options(site)
        try:
            if self.pool is not None:
                item = await self._in_pool(item, options)
            else:  # in a thread: the reactor thread goes on fetching (the tag pipeline tags it there)
                item = await asyncio.to_thread(process_page, item, options, False)
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
