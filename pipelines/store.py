"""Store pipeline: articles upserted into SQLite by stable id; error items recorded per URL."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from parkwatch.store import Store
from parkwatch.urls import article_id, canonical_url


class StorePipeline:
    """Writes to the database named by ``PARKWATCH_DB`` (not configured without it)."""

    def __init__(self, crawler: Crawler, db_path: str) -> None:
        self.stats = crawler.stats
        self.db_path = db_path
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        db_path = crawler.settings.get("PARKWATCH_DB")
        if not db_path:
            raise NotConfigured("PARKWATCH_DB is not set")
        return cls(crawler, db_path)

    def open_spider(self, spider: Any = None) -> None:
        self.store = Store(self.db_path)

    def close_spider(self, spider: Any = None) -> None:
        if self.store:
            self.store.close()

    def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        assert self.store is not None
        if item.get("kind") == "error":
            self.stats.inc_value("parkwatch/errors")
            self.store.record_error(self.stats.get_value("parkwatch/crawl_id"), item["site"], item["url"],
                                    item["error"], item.get("status"))
            return item
        if item.get("kind") == "not_modified":  # a conditional GET answered 304
            self.store.touch(canonical_url(item["url"]), item["fetched_at"])
            self.stats.inc_value("parkwatch/articles_unchanged")
            return item
        article = item.get("article")
        if item.get("kind") != "page" or not article:
            return item
        record = article_record(item, article)
        attachments = item.get("attachments") or []
        mentions = None
        if "mentions" in item:
            mentions = list(item["mentions"]) + [{**m, "attachment": number} for number, attachment in
                                                 enumerate(attachments) for m in attachment.get("mentions") or []]
        status = self.store.save_article(record, mentions, attachments)
        self.stats.inc_value(f"parkwatch/articles_{status}")
        item["stored"] = status
        item["article_id"] = record["id"]
        return item


def article_record(item: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    """The ``articles`` row for one extracted page."""
    canonical = canonical_url(_own_canonical(item["url"], article.get("canonical_url")))
    headers = item.get("headers") or {}
    return {
        "id": article_id(canonical),
        "etag": headers.get("etag"),
        "last_modified": headers.get("last-modified"),
        "url": item["url"],
        "canonical_url": canonical,
        "final_url": item.get("final_url"),
        "site": item["site"],
        "title": article.get("title"),
        "published_at": article.get("published_at"),
        "text": article.get("text"),
        "text_simplified": article.get("text_simplified"),
        "source": article.get("source"),
        "author": article.get("author") or [],
        "editor": article.get("editor") or [],
        "original_title": article.get("original_title"),
        "summary": article.get("summary"),
        "language": article.get("language"),
        "encoding": article.get("encoding"),
        "quality": article.get("quality") or {},
        "list_date": item.get("list_date"),
        "http_status": item.get("status"),
        "fetched_at": item.get("fetched_at"),
    }


def _own_canonical(url: str, declared: str | None) -> str:
    """The page's rel=canonical when it points to the same host; a reprint's canonical pointing to the
    original publisher must not merge the copy into the original's row."""
    if declared and urlsplit(declared).netloc.lower() == urlsplit(url).netloc.lower():
        return declared
    return url
