"""Datasette metadata for a parkwatch database: titles, documented columns, facets, and SQL off by default."""

from __future__ import annotations

from typing import Any

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "id": "stable id: SHA-1 of the canonical URL (16 hex)", "url": "the URL as discovered",
        "canonical_url": "one percent-encoded form of the URL", "final_url": "where redirects ended",
        "site": "the sites.yaml name", "title": "headline, in the page's script",
        "published_at": "ISO 8601; China time unless the page said otherwise", "text": "article text, paragraphs by line",
        "text_simplified": "Simplified, width-folded text for matching and search", "source": "the outlet named by 来源",
        "author": "JSON list of reporters", "editor": "JSON list of editors", "original_title": "原标题",
        "summary": "摘要", "language": "zh-Hans, zh-Hant, en or und", "encoding": "encoding the page was decoded with",
        "quality": "JSON: repairs and removals made while extracting", "content_hash": "hash of title, date, text, source",
        "story_id": "the story (reprint cluster) it belongs to", "list_date": "date the list, feed or sitemap gave",
        "http_status": "HTTP status", "fetched_at": "last fetch (UTC)", "first_seen_at": "first stored (UTC)",
        "updated_at": "last change (UTC)"},
    "mentions": {
        "article_id": "→ articles.id", "kind": "park, policy, region, figure or topic",
        "entity_id": "catalogue 代码 (G…/S…), Z-… zones since 2018, U-… gazetteer, P-… pattern, L-… policy, "
                     "statistical code for regions",
        "canonical": "the entity's name", "surface": "as written", "start": "offset into the text",
        "end": "offset into the text (exclusive)", "plugin": "the tagger plugin", "attachment_id": "→ attachments.id "
        "when found in an attachment (offsets then index its text)"},
    "stories": {"title": "the representative copy's title", "published_at": "the earliest copy's date",
                "representative_id": "→ articles.id of the earliest copy", "copies": "number of copies"},
    "attachments": {"article_id": "→ articles.id", "name": "as linked (附件1：…)", "kind": "pdf, docx, xlsx, xls …",
                    "text": "the document's text", "error": "why it could not be read"},
    "alerts": {"watch": "watches.yaml name", "story_id": "→ stories.id", "terms": "JSON: what matched"},
    "deliveries": {"status": "pending, sending or sent", "batch": "idempotency key of the digest it went in",
                   "lease_until": "end of a sender's claim", "attempts": "sending attempts"},
    "crawls": {"status": "Scrapy's close reason", "stats": "JSON: the crawl's counters"},
    "article_index": {"month": "YYYY-MM", "parks": "JSON array of park names", "policies": "JSON array of policies",
                      "regions": "JSON array of places"},
}


def metadata(database: str, allow_sql: bool = False) -> dict[str, Any]:
    tables = {name: {"columns": columns} for name, columns in COLUMNS.items()}
    tables["article_index"].update(
        facets=["site", "month", {"array": "parks"}, {"array": "policies"}, {"array": "regions"}],
        sort_desc="published_at", description="One row per article: filter by site, month, park, policy or place.")
    for hidden in ("story_signatures", "watch_state", "health_alerts"):
        tables[hidden] = {"hidden": True}
    return {
        "title": "parkwatch · 园区动态",
        "description": "Park and policy news stored by parkwatch. Read-only.",
        "allow_sql": allow_sql,
        "databases": {database: {"tables": tables}},
    }
