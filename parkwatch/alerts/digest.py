"""Digest rendering: pending alerts grouped by park or policy, as plain text, Markdown or HTML.

Scraped text is hostile input: HTML is rendered with Jinja2 autoescaping, Markdown with its control
characters escaped. A digest that would exceed a channel's limit is cut, with a count of what was left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from parkwatch.extract.normalize import simplify
from parkwatch.store import Store

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-!|<>])")


@dataclass
class Digest:
    watch: str
    format: str
    body: str
    stories: int
    left_out: int


def _env() -> Environment:
    return Environment(loader=PackageLoader("parkwatch.alerts", "templates"),
                       autoescape=select_autoescape(enabled_extensions=("html",), default=False),
                       trim_blocks=True, lstrip_blocks=True)


def story_entries(store: Store, alerts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per alerted story: its representative copy, the matched terms, a snippet, and the other copies."""
    entries = []
    for alert in alerts:
        copies = store.rows(
            "SELECT id, url, site, source, title, published_at, text FROM articles WHERE story_id = ? "
            "ORDER BY coalesce(published_at, first_seen_at)", [alert["story_id"]])
        if not copies:
            continue
        first = copies[0]
        matched = [t if isinstance(t, dict) else {"kind": "keyword", "term": t}
                   for t in json.loads(alert.get("terms") or "[]")]
        terms = [t["term"] for t in matched]
        ranks = {t["term"]: t.get("rank", 1000) for t in matched}
        snippet = _snippet(first["text"] or "", terms)
        entries.append({
            "title": first["title"] or first["url"], "url": first["url"], "site": first["site"],
            "source": first["source"], "date": (first["published_at"] or "")[:10], "terms": terms,
            "snippet": snippet, "snippet_html": _highlight_html(snippet, terms),
            "snippet_md": _highlight_md(snippet, terms), "title_md": _md(first["title"] or first["url"]),
            "snippet_slack": _highlight_slack(snippet, terms), "title_slack": _slack(first["title"] or first["url"]),
            "also": [{"site": c["site"], "url": c["url"]} for c in copies[1:]],
            "attachments": [{"name": a["name"], "name_md": _md(a["name"] or a["url"]), "url": a["url"]}
                            for a in store.attachments_of(first["id"]) if not a["error"]],
            "group": _group_of(store, first["id"], matched), "ranks": ranks,
        })
    return entries


def _group_of(store: Store, article_id: str, matched: list[dict[str, str]]) -> str:
    """Digest section: the park or policy the watch matched, else the article's first park, else 其他."""
    for item in matched:
        if item["kind"] in ("park", "policy"):
            return item["term"]
    row = store.db.execute("SELECT canonical FROM mentions WHERE article_id = ? AND kind = 'park' "
                           "ORDER BY start LIMIT 1", [article_id]).fetchone()
    return row[0] if row else "其他"


def _snippet(text: str, terms: list[str], width: int = 110) -> str:
    plain = " ".join(text.split())
    simple = simplify(plain)
    positions = [simple.find(simplify(t)) for t in terms if simplify(t) in simple]
    start = max(0, min(positions) - 30) if positions else 0
    return ("…" if start else "") + plain[start : start + width] + ("…" if len(plain) > start + width else "")


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    simple = simplify(text)
    spans = []
    for term in terms:
        key = simplify(term)
        start = simple.find(key)
        while key and start >= 0:
            spans.append((start, start + len(key)))
            start = simple.find(key, start + len(key))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _highlight(text: str, terms: list[str], esc: Callable[[str], str], before: str, after: str) -> str:
    """*text* escaped by *esc*, each matched term wrapped in *before* … *after* (already in the target syntax)."""
    out, last = [], 0
    for s, e in _spans(text, terms):
        out.append(esc(text[last:s]) + before + esc(text[s:e]) + after)
        last = e
    return "".join(out) + esc(text[last:])


def _highlight_html(text: str, terms: list[str]) -> Markup:
    return Markup(_highlight(text, terms, lambda t: str(escape(t)), "<mark>", "</mark>"))


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _highlight_md(text: str, terms: list[str]) -> str:
    return _highlight(text, terms, _md, "**", "**")


def _slack(text: str) -> str:
    """Slack mrkdwn escapes only &, < and >; its markers stay literal inside words."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _highlight_slack(text: str, terms: list[str]) -> str:
    return _highlight(text, terms, _slack, " *", "* ")


def _in_order(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups in the watch's own order (its parks as listed, then policies …: the order terms match in), the
    stories of a group newest first; 其他 last."""
    rank: dict[str, int] = {}
    for entry in entries:
        position = entry["ranks"].get(entry["group"], 1000) if entry["group"] != "其他" else 10**6
        rank[entry["group"]] = min(rank.get(entry["group"], 10**6), position)
    newest_first = sorted(entries, key=lambda e: e["date"] or "", reverse=True)
    return sorted(newest_first, key=lambda e: rank[e["group"]])


def render(store: Store, watch: str, alerts: list[dict[str, Any]], fmt: str = "text",
           limit: int | None = None) -> Digest:
    """Render a digest; with *limit* (characters, or bytes for channels that count bytes) stories are left out
    from the end until it fits, and the count of those left out is printed."""
    entries = _in_order(story_entries(store, alerts))
    template = _env().get_template({"text": "digest.txt", "md": "digest.md", "html": "digest.html", "slack": "digest.slack"}[fmt])
    keep = len(entries)
    while True:
        shown = entries[:keep]
        groups: dict[str, list[dict[str, Any]]] = {}
        for entry in shown:
            groups.setdefault(entry["group"], []).append(entry)
        body = template.render(watch=watch, total=len(entries), left_out=len(entries) - keep,
                               groups=[{"name": k, "stories": v} for k, v in groups.items()])
        if fmt != "html" and len(entries) > keep:
            body += f"\n另有 {len(entries) - keep} 条未列出。\n"
        if limit is None or len(body.encode("utf-8")) <= limit or keep == 0:
            return Digest(watch, fmt, body, keep, len(entries) - keep)
        keep -= 1
