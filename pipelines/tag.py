"""Tag pipeline: runs the tagger plugins on each extracted article → ``item["mentions"]``."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from parkwatch.processing import site_options, tag_item
from parkwatch.tagging import manager_for


class TagPipeline:
    """Disabled with ``PARKWATCH_TAG = False``. The configuration (for the gazetteer and disabled plugins)
    comes from ``PARKWATCH_CONFIG_OBJECT`` when the crawl runner provides it."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.pm: Any = None  # made on first use: with worker processes, they tag and this never runs

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TagPipeline:
        if not crawler.settings.getbool("PARKWATCH_TAG", True):
            raise NotConfigured("PARKWATCH_TAG is off")
        return cls(crawler)

    def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        article = item.get("article")
        if item.get("kind") != "page" or not article or "mentions" in item:  # tagged by a worker already
            return item
        site = getattr(spider or self.crawler.spider, "site", None)
        if self.pm is None:
            self.pm = manager_for(self.crawler.settings.get("PARKWATCH_CONFIG_OBJECT"))
        tag_item(item, site_options(site), self.pm)
        self.stats.inc_value("parkwatch/mentions", len(item["mentions"]))
        return item
