"""The CPU work on one fetched page, as a pure function of the raw-page item: decode and extract (with the
article's further pages), read its attachments, tag the text and the attachments.

The extract pipeline runs it in a pool of worker processes (``workers`` in settings.yaml, one per core by
default), so Scrapy's reactor thread only fetches; with ``workers: 0`` it runs in the crawl's own process.
Workers get the configuration once (the user's gazetteer, disabled plugins) through :func:`init_worker`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from loguru import logger

from parkwatch.extract import extract_article
from parkwatch.extract.attachments import extract_attachment
from parkwatch.extract.normalize import simplify
from parkwatch.stories import story_signature

MIN_TEXT_CHARS = 20
_MANAGER: Any = None  # the tagger plugins of this worker process


class SiteOptions(dict):
    """What extraction and tagging need of a site: ``encoding``, ``selectors``, ``region``, ``park`` (picklable)."""


def site_options(site: Any) -> SiteOptions:
    if site is None:
        return SiteOptions()
    return SiteOptions(encoding=site.encoding, selectors=site.selectors.as_dict(), region=site.region, park=site.park)


def init_worker(config: Any) -> None:
    """Set up the tagger plugins of a worker process once, for the crawl's configuration (its gazetteer, its
    disabled plugins); the worker exits when its crawl process dies."""
    global _MANAGER
    from parkwatch.tagging import manager_for

    _exit_with_parent()
    _MANAGER = manager_for(config)


def _exit_with_parent() -> None:
    """A worker whose crawl was killed (SIGKILL, a hung-crawl timeout) exits too, instead of lingering."""
    import os
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parkwatch-parent-watch", daemon=True).start()


def process_page(item: dict[str, Any], options: SiteOptions, tag_it: bool = True, manager: Any = None) -> dict[str, Any]:
    """The item with ``article`` (``None`` when the page holds no article), attachments read, ``mentions``."""
    article = extract_article(
        item["body"], item.get("final_url") or item["url"],
        content_type=(item.get("headers") or {}).get("content-type"), encoding=options.get("encoding"),
        selectors=options.get("selectors"),
        fetched_at=datetime.fromisoformat(item["fetched_at"]) if item.get("fetched_at") else None,
        list_date=item.get("list_date"),
    )
    _join_pages(item, article, options)
    item["body"] = b""  # done with: the writer and the queues carry records, not pages
    if len(article.text) < MIN_TEXT_CHARS:
        item["article"] = None
        return item
    if not article.title:
        article.title = item.get("link_text") or None
    _read_attachments(item)
    item["article"] = article.as_dict()
    item["story_signature"] = story_signature(item["article"]["text_simplified"])
    if tag_it:
        tag_item(item, options, manager or _MANAGER)
    return item


def _join_pages(item: dict[str, Any], article: Any, options: SiteOptions) -> None:
    """A multi-page article: the text of each further page, in order, after the first page's."""
    pages = item.get("more_pages") or []
    if not pages or "body" not in pages[0]:
        return
    seen = set(article.text.split("\n"))
    parts = [article.text]
    for page in pages:
        try:
            more = extract_article(page["body"], page["url"], content_type=page.get("content_type"),
                                   encoding=options.get("encoding"), selectors=options.get("selectors"))
        except Exception as exc:
            logger.opt(exception=exc).error("extraction failed for {}: {}", page["url"], exc)
            continue
        parts.append("\n".join(line for line in more.text.split("\n") if line not in seen))  # repeated headers
    article.text = "\n".join(p for p in parts if p)
    article.text_simplified = simplify(article.text)
    article.quality["pages"] = 1 + len(pages)
    item["more_pages"] = [{"url": p["url"]} for p in pages]


def _read_attachments(item: dict[str, Any]) -> None:
    for attachment in item.get("attachments") or []:
        body = attachment.pop("body", b"") or b""
        attachment["size"] = len(body)
        attachment.update(extract_attachment(body, attachment["url"], attachment.get("content_type")).as_dict())


def tag_item(item: dict[str, Any], options: SiteOptions, manager: Any) -> None:
    """``item["mentions"]`` of its article, and of each attachment's text."""
    from parkwatch.mentions import ArticleText
    from parkwatch.tagging import tag

    article = item["article"]
    text = ArticleText(text=article["text"], title=article.get("title") or "", region=options.get("region"),
                       id=item["url"], park=options.get("park"))
    item["mentions"] = [m.as_dict() for m in tag(text, manager)]
    for attachment in item.get("attachments") or []:  # policies live in attachments
        if attachment.get("text"):
            found = tag(ArticleText(text=attachment["text"], title=attachment.get("name") or "",
                                    region=options.get("region"), id=attachment["url"], park=options.get("park")), manager)
            attachment["mentions"] = [m.as_dict() for m in found]
