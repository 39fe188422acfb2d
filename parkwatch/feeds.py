"""Atom feeds of stories: every watch's matches, a park's news, a search — for feed readers and RSS bots.

Builders take rows already read (by :class:`~parkwatch.store.Store` or by Datasette's read-only connection):
each story with its representative copy and the other copies. Entries are newest first; each has the story's
title, a link to the original copy, its published time with an offset (China time where the page gave none),
the matched terms and the other copies.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape, quoteattr

FEED_LIMIT = 50

# Stories a watch matched (all history, not only what is unsent), newest first.
WATCH_STORIES = (
    "SELECT s.id AS story, s.title, s.published_at, s.representative_id, al.terms FROM alerts al "
    "JOIN stories s ON s.id = al.story_id WHERE al.watch = :key "
    "ORDER BY coalesce(s.published_at, '') DESC, s.id DESC LIMIT :limit")
# Stories whose copies mention a park (by catalogue id, gazetteer id or canonical name).
PARK_STORIES = (
    "SELECT s.id AS story, s.title, s.published_at, s.representative_id, NULL AS terms FROM stories s "
    "WHERE s.id IN (SELECT a.story_id FROM mentions m JOIN articles a ON a.id = m.article_id "
    "WHERE m.entity_id = :key AND +m.kind = 'park') ORDER BY s.published_at DESC LIMIT :limit")
COPIES = ("SELECT story_id, url, site, source, published_at FROM articles WHERE story_id IN ({marks}) "
          "ORDER BY coalesce(published_at, first_seen_at)")


def with_offset(value: str | None) -> str:
    """An RFC 3339 time: ``2024-09-13`` → ``2024-09-13T00:00:00+08:00``; a time without offset is China time."""
    if not value:
        return datetime.now(UTC).isoformat(timespec="seconds")
    if len(value) == 10:
        return f"{value}T00:00:00+08:00"
    if value.endswith("Z") or value[-6] in "+-":
        return value
    return value + "+08:00"


def entries(stories: list[dict[str, Any]], copies: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Feed entries from story rows and their copies (the original first)."""
    by_story: dict[int, list[dict[str, Any]]] = {}
    for copy in copies:
        by_story.setdefault(copy["story_id"], []).append(copy)
    out = []
    for story in stories:
        own = by_story.get(story["story"], [])
        if not own:
            continue
        terms = [t["term"] if isinstance(t, dict) else t for t in json.loads(story.get("terms") or "[]")]
        out.append({"story": story["story"], "title": story["title"] or own[0]["url"], "url": own[0]["url"],
                    "source": own[0]["source"] or own[0]["site"], "published": with_offset(story["published_at"]),
                    "terms": terms, "also": own[1:]})
    return out


def atom(title: str, feed_id: str, self_url: str, items: list[dict[str, Any]], site_url: str = "") -> str:
    """The Atom 1.0 document; every text is escaped (scraped titles are hostile input)."""
    updated = max((i["published"] for i in items), default=datetime.now(UTC).isoformat(timespec="seconds"))
    parts = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>{escape(title)}</title>", f"<id>{escape(feed_id)}</id>", f"<updated>{updated}</updated>",
             f"<link rel=\"self\" href={quoteattr(self_url)}/>", "<generator>parkwatch</generator>"]
    if site_url:
        parts.append(f"<link rel=\"alternate\" href={quoteattr(site_url)}/>")
    for item in items:
        lines = []
        if item["terms"]:
            lines.append("匹配：" + "、".join(item["terms"]))
        lines.append("来源：" + (item["source"] or ""))
        lines += [f"另见：{c['site']} {c['url']}" for c in item["also"]]
        parts += ["<entry>", f"<title>{escape(item['title'])}</title>",
                  f"<id>{escape(feed_id)}:story:{item['story']}</id>",
                  f"<link rel=\"alternate\" href={quoteattr(item['url'])}/>",
                  f"<published>{item['published']}</published>", f"<updated>{item['published']}</updated>",
                  f"<author><name>{escape(item['source'] or 'parkwatch')}</name></author>",
                  f"<summary>{escape(chr(10).join(lines))}</summary>"]
        parts += [f"<link rel=\"related\" href={quoteattr(c['url'])} title={quoteattr(c['site'])}/>" for c in item["also"]]
        parts.append("</entry>")
    parts.append("</feed>")
    return "\n".join(parts) + "\n"


def watch_feed(store: Any, watch: str, base_url: str = "http://localhost") -> str:
    """The Atom feed of one watch, from a :class:`~parkwatch.store.Store` (``parkwatch feed``)."""
    stories = store.rows(WATCH_STORIES, {"key": watch, "limit": FEED_LIMIT})
    ids = [s["story"] for s in stories]
    copies = store.rows(COPIES.format(marks=",".join("?" * len(ids))), ids) if ids else []
    return atom(f"parkwatch · {watch}", f"tag:parkwatch,2026:watch:{watch}", f"{base_url}/feeds/watch/{watch}.atom",
                entries(stories, copies), base_url)
