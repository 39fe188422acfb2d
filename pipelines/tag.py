"""Tag pipeline: runs the tagger plugins on each extracted article → ``item["mentions"]``."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from parkwatch.processing import _tag, site_options
from parkwatch.tagging import manager_for


class TagPipeline:
    """Disabled with ``PARKWATCH_TAG = False``. The configuration (for the gazetteer and disabled plugins)
    comes from ``PARKWATCH_CONFIG_OBJECT`` when the crawl runner provides it."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.pm = manager_for(crawler.settings.get("PARKWATCH_CONFIG_OBJECT"))

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
        _tag(item, site_options(site), self.pm)
        self.stats.inc_value("parkwatch/mentions", len(item["mentions"]))
        return item
