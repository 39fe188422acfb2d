"""Extract pipeline: raw page item → ``item["article"]`` (see :func:`parkwatch.extract.extract_article`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from loguru import logger
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from parkwatch.extract import extract_article
from parkwatch.extract.attachments import extract_attachment
from parkwatch.extract.normalize import simplify

MIN_TEXT_CHARS = 20


class ExtractPipeline:
    """Runs extraction on page items; a page that yields no article text is marked, not stored.

    Disabled with ``PARKWATCH_EXTRACT = False``.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        if not crawler.settings.getbool("PARKWATCH_EXTRACT", True):
            raise NotConfigured("PARKWATCH_EXTRACT is off")
        return cls(crawler)

    def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        if item.get("kind") != "page":
            return item
        site = getattr(spider or self.crawler.spider, "site", None)
        try:
            article = extract_article(
                item["body"],
                item.get("final_url") or item["url"],
                content_type=item.get("headers", {}).get("content-type"),
                encoding=site.encoding if site else None,
                selectors=site.selectors.as_dict() if site else None,
                fetched_at=datetime.fromisoformat(item["fetched_at"]) if item.get("fetched_at") else None,
                list_date=item.get("list_date"),
            )
        except Exception as exc:  # one broken page must not stop the crawl
            logger.opt(exception=exc).error("extraction failed for {}: {}", item["url"], exc)
            self.stats.inc_value("parkwatch/extract_errors")
            return {"kind": "error", "site": item["site"], "url": item["url"], "status": item.get("status"),
                    "error": f"extraction failed: {exc!r}"}
        self._join_pages(item, article, site)
        if len(article.text) < MIN_TEXT_CHARS:
            self.stats.inc_value("parkwatch/not_articles")
            item["article"] = None
            return item
        self._read_attachments(item)
        if not article.title:
            article.title = item.get("link_text") or None
        for name, present in (("title", article.title), ("date", article.published_at), ("body", article.text)):
            if present:
                self.stats.inc_value(f"parkwatch/field_{name}")
        self.stats.inc_value("parkwatch/extracted")
        item["article"] = article.as_dict()
        return item

    def _join_pages(self, item: dict[str, Any], article: Any, site: Any) -> None:
        """A multi-page article: the text of each further page, in order, after the first page's."""
        pages = item.get("more_pages") or []
        if not pages:
            return
        seen = set(article.text.split("\n"))
        parts = [article.text]
        for page in pages:
            try:
                more = extract_article(page["body"], page["url"], content_type=page.get("content_type"),
                                       encoding=site.encoding if site else None,
                                       selectors=site.selectors.as_dict() if site else None)
            except Exception as exc:
                logger.opt(exception=exc).error("extraction failed for {}: {}", page["url"], exc)
                continue
            lines = [line for line in more.text.split("\n") if line not in seen]  # repeated header lines
            parts.append("\n".join(lines))
        article.text = "\n".join(p for p in parts if p)
        article.text_simplified = simplify(article.text)
        article.quality["pages"] = 1 + len(pages)
        item["more_pages"] = [{"url": p["url"]} for p in pages]  # the bytes are done with

    def _read_attachments(self, item: dict[str, Any]) -> None:
        """Each attachment's text (a broken one is recorded as an error, the article is kept)."""
        for attachment in item.get("attachments") or []:
            body = attachment.pop("body", b"") or b""
            attachment["size"] = len(body)
            attachment.update(extract_attachment(body, attachment["url"], attachment.get("content_type")).as_dict())
            if attachment["error"]:
                self.stats.inc_value("parkwatch/attachment_errors")
                logger.warning("attachment {}: {}", attachment["url"], attachment["error"])
            else:
                self.stats.inc_value("parkwatch/attachments")
