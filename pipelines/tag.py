"""Tag pipeline: runs the tagger plugins on each extracted article → ``item["mentions"]``."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from parkwatch.mentions import ArticleText
from parkwatch.tagging import manager_for, tag


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
        if item.get("kind") != "page" or not article:
            return item
        site = getattr(spider or self.crawler.spider, "site", None)
        text = ArticleText(text=article["text"], title=article.get("title") or "", region=site.region if site else None,
                           id=item["url"])
        mentions = tag(text, self.pm)
        item["mentions"] = [m.as_dict() for m in mentions]
        self.stats.inc_value("parkwatch/mentions", len(mentions))
        for attachment in item.get("attachments") or []:  # policies live in attachments
            if attachment.get("text"):
                found = tag(ArticleText(text=attachment["text"], title=attachment.get("name") or "",
                                        region=site.region if site else None, id=attachment["url"]), self.pm)
                attachment["mentions"] = [m.as_dict() for m in found]
                self.stats.inc_value("parkwatch/mentions", len(found))
        return item
