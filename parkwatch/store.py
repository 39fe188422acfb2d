"""The SQLite store: schema, migrations, and the queries the CLI and pipelines need.

The schema is versioned with ``PRAGMA user_version``; pending migrations run in one go and the version is written
last, so later releases add tables and columns without losing data and readers never see a half-made schema. See the
README for the schema.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from parkwatch.extract.normalize import simplify

RANK_WINDOW = 5000  # ranked search scores at most this many of the newest matches (bounded cost at any size)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migration_1(db: sqlite_utils.Database) -> None:
    """articles, their full-text index, crawls and fetch errors (idempotent: FTS setup commits midway)."""
    db["articles"].create(
        {
            "id": str, "url": str, "canonical_url": str, "final_url": str, "site": str, "title": str,
            "published_at": str, "text": str, "text_simplified": str, "title_simplified": str, "source": str,
            "author": str, "editor": str, "original_title": str, "summary": str, "language": str,
            "encoding": str, "quality": str, "content_hash": str, "list_date": str, "http_status": int,
            "fetched_at": str, "first_seen_at": str, "updated_at": str,
        },
        pk="id",
        not_null={"url", "site", "fetched_at", "first_seen_at"},
        if_not_exists=True,
    )
    db["articles"].create_index(["site", "published_at"], if_not_exists=True)
    db["articles"].create_index(["published_at"], if_not_exists=True)
    db["articles"].create_index(["first_seen_at"], if_not_exists=True)
    db["articles"].enable_fts(["title_simplified", "text_simplified"], tokenize="trigram", create_triggers=True, replace=True)
    db["crawls"].create(
        {
            "id": int, "site": str, "started_at": str, "finished_at": str, "status": str, "pages": int,
            "articles_new": int, "articles_updated": int, "articles_unchanged": int, "not_articles": int,
            "errors": int, "stats": str,
        },
        pk="id",
        if_not_exists=True,
    )
    db["crawls"].create_index(["site", "started_at"], if_not_exists=True)
    db["fetch_errors"].create(
        {"id": int, "crawl_id": int, "site": str, "url": str, "status": int, "error": str, "at": str}, pk="id", if_not_exists=True
    )
    db["fetch_errors"].create_index(["site", "at"], if_not_exists=True)


def _migration_2(db: sqlite_utils.Database) -> None:
    """mentions: what the tagger plugins found in each article."""
    db["mentions"].create(
        {"id": int, "article_id": str, "kind": str, "entity_id": str, "canonical": str, "surface": str,
         "start": int, "end": int, "plugin": str, "context": str, "attrs": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )
    db["mentions"].create_index(["entity_id", "article_id"], if_not_exists=True)
    db["mentions"].create_index(["kind", "canonical"], if_not_exists=True)
    db["mentions"].create_index(["article_id"], if_not_exists=True)


def _migration_3(db: sqlite_utils.Database) -> None:
    """stories (reprint clusters), their MinHash signatures, and validators for conditional GET."""
    db["stories"].create(
        {"id": int, "title": str, "published_at": str, "representative_id": str, "copies": int,
         "created_at": str, "updated_at": str},
        pk="id", if_not_exists=True,
    )
    db["stories"].create_index(["published_at"], if_not_exists=True)
    columns = db["articles"].columns_dict
    for name, kind in (("story_id", int), ("etag", str), ("last_modified", str)):
        if name not in columns:
            db["articles"].add_column(name, kind)
    db["articles"].create_index(["story_id"], if_not_exists=True)
    db["articles"].create_index(["canonical_url"], if_not_exists=True)
    db["story_signatures"].create({"article_id": str, "minhash": bytes, "indexed_at": str}, pk="article_id",
                                  if_not_exists=True)
    db["story_signatures"].create_index(["indexed_at"], if_not_exists=True)


def _migration_4(db: sqlite_utils.Database) -> None:
    """The alert outbox: one alert per (watch, story), one delivery per channel, and each watch's high-water mark."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS alerts (id INTEGER PRIMARY KEY, watch TEXT NOT NULL, story_id INTEGER NOT NULL, "
        "article_id TEXT, terms TEXT, created_at TEXT, UNIQUE (watch, story_id))"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS deliveries (id INTEGER PRIMARY KEY, alert_id INTEGER NOT NULL REFERENCES alerts(id), "
        "channel TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, "
        "next_attempt_at TEXT, sent_at TEXT, UNIQUE (alert_id, channel))"
    )
    db.execute("CREATE INDEX IF NOT EXISTS deliveries_status ON deliveries (status, channel)")
    db.execute("CREATE TABLE IF NOT EXISTS watch_state (watch TEXT PRIMARY KEY, last_rowid INTEGER NOT NULL)")


def _migration_5(db: sqlite_utils.Database) -> None:
    """Site-health alerts: one per crawl that showed problems, sent once."""
    db.execute("CREATE TABLE IF NOT EXISTS health_alerts (crawl_id INTEGER PRIMARY KEY, site TEXT NOT NULL, "
               "problems TEXT NOT NULL, created_at TEXT, sent_at TEXT)")


def _migration_6(db: sqlite_utils.Database) -> None:
    """Attachments (policy documents an article links to) with their text, full-text index, and mentions in them."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS attachments (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), "
        "url TEXT NOT NULL, name TEXT, kind TEXT, content_type TEXT, size INTEGER, sha256 TEXT, pages INTEGER, text TEXT, "
        "text_simplified TEXT, error TEXT, fetched_at TEXT, UNIQUE (article_id, url))"
    )
    db["attachments"].enable_fts(["name", "text_simplified"], tokenize="trigram", create_triggers=True, replace=True)
    if "attachment_id" not in db["mentions"].columns_dict:
        db["mentions"].add_column("attachment_id", int)


def _migration_7(db: sqlite_utils.Database) -> None:
    """Deliveries are claimed before sending: a batch key (the idempotency key receivers dedupe on) and a lease."""
    columns = db["deliveries"].columns_dict
    for name in ("batch", "lease_until"):
        if name not in columns:
            db["deliveries"].add_column(name, str)
    db.execute("CREATE INDEX IF NOT EXISTS deliveries_batch ON deliveries (batch)")


def _migration_8(db: sqlite_utils.Database) -> None:
    """A watch's start: articles published before ``since`` are not matched (a new watch's ``since: 7d``)."""
    if "since" not in db["watch_state"].columns_dict:
        db["watch_state"].add_column("since", str)


def _migration_9(db: sqlite_utils.Database) -> None:
    """Canonical URLs in one percent-encoded form (stored rows written with raw non-ASCII paths are rewritten)."""
    from parkwatch.urls import canonical_url

    rows = db.execute("SELECT id, canonical_url FROM articles WHERE canonical_url GLOB '*[^ -~]*'").fetchall()
    for article_id, canonical in rows:
        db.execute("UPDATE articles SET canonical_url = ? WHERE id = ?", [canonical_url(canonical), article_id])


def _migration_10(db: sqlite_utils.Database) -> None:
    """``article_index``: one row per article with its parks, policies and regions as JSON arrays and its month,
    for faceted browsing (``parkwatch serve``)."""
    db.execute("DROP VIEW IF EXISTS article_index")
    db.execute(
        "CREATE VIEW article_index AS SELECT a.id, a.title, a.site, a.source, a.published_at, "
        "substr(coalesce(a.published_at, a.first_seen_at), 1, 7) AS month, a.story_id, a.url, "
        "(SELECT json_group_array(DISTINCT m.canonical) FROM mentions m WHERE m.article_id = a.id AND m.kind = 'park') AS parks, "
        "(SELECT json_group_array(DISTINCT m.canonical) FROM mentions m WHERE m.article_id = a.id AND m.kind = 'policy') "
        "AS policies, "
        "(SELECT json_group_array(DISTINCT m.canonical) FROM mentions m WHERE m.article_id = a.id AND m.kind = 'region') "
        "AS regions FROM articles a"
    )


def _migration_11(db: sqlite_utils.Database) -> None:
    """``meta``: facts about the database as a whole (the gazetteer version its tags were made with)."""
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")


def _migration_12(db: sqlite_utils.Database) -> None:
    """The version of the taggers the stored tags were made with is kept under ``tagging_version`` (it was stored
    as ``gazetteer_version``, though it covers the rules, data, model and tagger plugins)."""
    db.execute("UPDATE OR IGNORE meta SET key = 'tagging_version' WHERE key = 'gazetteer_version'")
    db.execute("DELETE FROM meta WHERE key = 'gazetteer_version'")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _migration_1, _migration_2, _migration_3, _migration_4, _migration_5, _migration_6, _migration_7, _migration_8,
    _migration_9, _migration_10, _migration_11, _migration_12,
]
SCHEMA_VERSION = len(MIGRATIONS)


class Store:
    """A parkwatch database file."""

    def __init__(self, path: str | Path, *, migrate: bool = True) -> None:
        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        if migrate:
            self.migrate()

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # schema ---------------------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version.

        The version is written once, after the last pending migration, so a reader that opens the file meanwhile
        sees the old version (or none) and never a version whose tables are not there yet. Migrations are
        idempotent: sqlite-utils commits part way when it creates full-text triggers, and a crash or a second
        process before the version is written redoes them harmlessly."""
        current = self.version
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path}: database schema v{current} is newer than this parkwatch (v{SCHEMA_VERSION}); upgrade"
            )
        if current == SCHEMA_VERSION:
            return current
        with self.db.conn:
            self.db.execute("BEGIN IMMEDIATE")  # one process migrates; another waits, then finds the work done
            for migration in MIGRATIONS[self.version :]:
                migration(self.db)
            if not self.db.conn.in_transaction:
                self.db.execute("BEGIN IMMEDIATE")
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return self.version

    # articles -------------------------------------------------------------------------------------
    def upsert_article(self, record: dict[str, Any]) -> str:
        """Insert or update one article by id; returns ``new``, ``updated`` or ``unchanged``."""
        with self.db.conn:
            self.db.execute("BEGIN IMMEDIATE")
            return self._upsert(record)

    def save_article(self, record: dict[str, Any], mentions: list[dict[str, Any]] | None,
                     attachments: list[dict[str, Any]] | None = None) -> str:
        """The article row, its attachments and its mentions in **one** transaction: a crawl killed at any point
        leaves the article whole or absent. Mentions of attachment *i* carry ``attachment`` = *i*; *mentions*
        ``None`` keeps the stored ones (tagging off). Returns ``new``, ``updated`` or ``unchanged``."""
        attachments = attachments or []
        with self.db.conn:
            self.db.execute("BEGIN IMMEDIATE")
            status = self._upsert(record)
            if status != "unchanged" or attachments:
                ids = self._replace_attachments(record["id"], attachments, record.get("fetched_at"))
                if mentions is not None:
                    found = [m for m in mentions if m.get("attachment") is None]
                    found += [{**m, "attachment_id": ids[m["attachment"]]} for m in mentions
                              if m.get("attachment") is not None]
                    self._replace_mentions(record["id"], found)
            return status

    def _upsert(self, record: dict[str, Any]) -> str:
        now = record.get("fetched_at") or utc_now()
        row = dict(record)
        for key in ("author", "editor", "quality"):
            if not isinstance(row.get(key), str | type(None)):
                row[key] = json.dumps(row[key], ensure_ascii=False)
        row["title_simplified"] = simplify(row.get("title") or "")
        row["content_hash"] = content_hash(row)
        existing = self.db.execute(
            "SELECT content_hash, first_seen_at FROM articles WHERE id = ?", [row["id"]]
        ).fetchone()
        if existing is None:
            row.update(first_seen_at=now, updated_at=now)
            self.db["articles"].insert(row)
            return "new"
        if existing[0] == row["content_hash"]:
            self.db.execute("UPDATE articles SET fetched_at = ? WHERE id = ?", [now, row["id"]])
            return "unchanged"
        row.update(first_seen_at=existing[1], updated_at=now)
        self.db["articles"].update(row["id"], row)
        return "updated"

    def touch(self, canonical: str, fetched_at: str) -> None:
        """Record a re-fetch that found the article unchanged."""
        with self.db.conn:
            self.db.execute("UPDATE articles SET fetched_at = ? WHERE canonical_url = ?", [fetched_at, canonical])

    def replace_attachments(self, article_id: str, attachments: list[dict[str, Any]], fetched_at: str | None = None
                            ) -> list[int]:
        """Store *attachments* (``url``, ``name``, ``kind``, ``text`` …) as the article's; returns their ids in order."""
        with self.db.conn:
            self.db.execute("BEGIN IMMEDIATE")
            return self._replace_attachments(article_id, attachments, fetched_at)

    def _replace_attachments(self, article_id: str, attachments: list[dict[str, Any]], fetched_at: str | None
                             ) -> list[int]:
        columns = ("url", "name", "kind", "content_type", "size", "sha256", "pages", "text", "text_simplified", "error")
        ids = []
        self.db.execute("DELETE FROM attachments WHERE article_id = ?", [article_id])
        for attachment in attachments:
            row = {k: attachment.get(k) for k in columns}
            row.update(article_id=article_id, fetched_at=fetched_at or utc_now())
            ids.append(self.db["attachments"].insert(row).last_pk)
        return ids

    def attachments_of(self, article_id: str) -> list[dict[str, Any]]:
        return self.rows("SELECT id, url, name, kind, pages, size, error FROM attachments WHERE article_id = ? ORDER BY id",
                         [article_id])

    def replace_mentions(self, article_id: str, mentions: list[dict[str, Any]]) -> None:
        """Store *mentions* as the article's mentions (the old ones go). A mention with ``attachment_id`` was found
        in that attachment's text (its offsets index that text)."""
        with self.db.conn:
            self.db.execute("BEGIN IMMEDIATE")
            self._replace_mentions(article_id, mentions)

    def _replace_mentions(self, article_id: str, mentions: list[dict[str, Any]]) -> None:
        rows = [{"article_id": article_id, "kind": m["kind"], "entity_id": m["id"], "canonical": m["canonical"],
                 "surface": m["surface"], "start": m["start"], "end": m["end"], "plugin": m.get("plugin", ""),
                 "context": m.get("context", ""), "attrs": json.dumps(m.get("attrs") or {}, ensure_ascii=False),
                 "attachment_id": m.get("attachment_id")}
                for m in mentions]
        self.db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
        if rows:
            self.db["mentions"].insert_all(rows)

    def articles_mentioning(self, entity: str, since: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Articles that mention an entity (id such as G512046, or canonical name), newest first."""
        return self.rows(
            "SELECT DISTINCT a.id, a.site, a.title, a.published_at, a.url FROM mentions m "
            "JOIN articles a ON a.id = m.article_id WHERE (m.entity_id = ? OR m.canonical = ?) "
            "AND coalesce(a.published_at, a.first_seen_at) >= ? ORDER BY a.published_at DESC LIMIT ?",
            [entity, entity, since or "", limit],
        )

    def top_entities(self, kind: str, limit: int = 10) -> list[dict[str, Any]]:
        """Entities of *kind* by the number of articles mentioning them."""
        return self.rows(
            "SELECT canonical, entity_id, count(DISTINCT article_id) AS articles FROM mentions WHERE kind = ? "
            "GROUP BY entity_id ORDER BY articles DESC, canonical LIMIT ?",
            [kind, limit],
        )

    def known_urls(self, urls: list[str]) -> set[str]:
        """Which of *urls* (canonical) are stored already."""
        if not urls:
            return set()
        marks = ",".join("?" * len(urls))
        return {r[0] for r in self.db.execute(f"SELECT canonical_url FROM articles WHERE canonical_url IN ({marks})", urls)}

    def article_count(self, site: str | None = None) -> int:
        if site:
            return self.db.execute("SELECT count(*) FROM articles WHERE site = ?", [site]).fetchone()[0]
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def counts_by_site(self) -> dict[str, int]:
        rows = self.db.execute("SELECT site, count(*) FROM articles GROUP BY site ORDER BY site")
        return dict(rows.fetchall())

    def newest(self, limit: int = 10) -> list[dict[str, Any]]:
        return self.rows(
            "SELECT id, site, title, published_at, url, source FROM articles "
            "ORDER BY coalesce(published_at, '') DESC, first_seen_at DESC LIMIT ?",
            [limit],
        )

    def search(self, query: str, limit: int = 20, site: str | None = None, recent: bool = False) -> list[dict[str, Any]]:
        """Full-text search in Simplified form (Traditional, full-width and Simplified queries all match).

        Uses the trigram index for terms of 3+ characters; shorter terms fall back to a scan. Results are
        ranked by relevance (bm25) among the newest ``RANK_WINDOW`` matches — every match on all but the largest
        databases, and a bounded cost on a million articles — or with *recent* the most recently stored first.
        """
        from parkwatch.query import parse

        parsed = parse(query)
        if not parsed.groups:
            return []
        if not parsed.plain:
            return self._search_boolean(parsed, limit, site)
        terms = parsed.terms()
        where, params = [], []
        fts_terms = [t for t in terms if len(t) >= 3]
        for term in terms:
            if len(term) < 3:
                where.append("(a.title_simplified LIKE ? OR a.text_simplified LIKE ?)")
                params += [f"%{term}%", f"%{term}%"]
        if site:
            where.append("a.site = ?")
            params.append(site)
        snippet_term = terms[0]
        select = (
            "SELECT a.id, a.site, a.title, a.published_at, a.url, "
            "substr(a.text_simplified, max(1, instr(a.text_simplified, ?) - 30), 90) AS snippet "
        )
        if fts_terms:
            match = " AND ".join('"' + t.replace('"', '""') + '"' for t in fts_terms)
            if recent:
                sql = (select + "FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?"
                       + "".join(" AND " + w for w in where) + " ORDER BY f.rowid DESC LIMIT ?")
            else:  # bm25 over the newest RANK_WINDOW matches: the whole ranking on all but the largest databases
                sql = (select + "FROM (SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC "
                       f"LIMIT {RANK_WINDOW}) f JOIN articles a ON a.rowid = f.rowid"
                       + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY f.rank LIMIT ?")
            found = self.rows(sql, [snippet_term, match, *params, limit])
        else:
            sql = (select + "FROM articles a WHERE " + " AND ".join(where)
                   + " ORDER BY coalesce(a.published_at, '') DESC LIMIT ?")
            found = self.rows(sql, [snippet_term, *params, limit])
        if len(found) < limit:  # then the articles whose attachments hold the terms
            seen = {r["id"] for r in found}
            found += [r for r in self._search_attachments(terms, fts_terms, site, limit) if r["id"] not in seen]
        return found[:limit]

    def _search_boolean(self, parsed: Any, limit: int, site: str | None) -> list[dict[str, Any]]:
        """OR, NOT and phrases: each term through the trigram index (3+ characters) or a scan; newest first."""
        def condition(term: str) -> tuple[str, list[str]]:
            if len(term) >= 3:
                return ("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
                        ['"' + term.replace('"', '""') + '"'])
            return "(a.title_simplified LIKE ? OR a.text_simplified LIKE ?)", [f"%{term}%", f"%{term}%"]

        where, params = [], []
        for group in parsed.groups:
            parts = [condition(t) for t in group]
            where.append("(" + " OR ".join(p[0] for p in parts) + ")")
            params += [v for p in parts for v in p[1]]
        for term in parsed.excluded:
            sql, values = condition(term)
            where.append(f"NOT {sql}")
            params += values
        if site:
            where.append("a.site = ?")
            params.append(site)
        first = parsed.groups[0][0]
        return self.rows(
            "SELECT a.id, a.site, a.title, a.published_at, a.url, "
            "substr(a.text_simplified, max(1, instr(a.text_simplified, ?) - 30), 90) AS snippet FROM articles a WHERE "
            + " AND ".join(where) + " ORDER BY coalesce(a.published_at, '') DESC LIMIT ?", [first, *params, limit])

    def _search_attachments(self, terms: list[str], fts_terms: list[str], site: str | None, limit: int
                            ) -> list[dict[str, Any]]:
        where, params = [], []
        for term in terms:
            if len(term) < 3:
                where.append("t.text_simplified LIKE ?")
                params.append(f"%{term}%")
        if site:
            where.append("a.site = ?")
            params.append(site)
        select = ("SELECT a.id, a.site, a.title, a.published_at, a.url, t.name AS attachment, "
                  "substr(t.text_simplified, max(1, instr(t.text_simplified, ?) - 30), 90) AS snippet ")
        if fts_terms:
            match = " AND ".join('"' + t.replace('"', '""') + '"' for t in fts_terms)
            sql = (select + "FROM attachments_fts f JOIN attachments t ON t.rowid = f.rowid JOIN articles a "
                   "ON a.id = t.article_id WHERE attachments_fts MATCH ?" + "".join(" AND " + w for w in where)
                   + " ORDER BY f.rank LIMIT ?")
            return self.rows(sql, [terms[0], match, *params, limit])
        sql = (select + "FROM attachments t JOIN articles a ON a.id = t.article_id WHERE " + " AND ".join(where)
               + " ORDER BY coalesce(a.published_at, '') DESC LIMIT ?")
        return self.rows(sql, [terms[0], *params, limit])

    # crawls ---------------------------------------------------------------------------------------
    def start_crawl(self, site: str) -> int:
        with self.db.conn:
            return self.db["crawls"].insert({"site": site, "started_at": utc_now(), "status": "running"}).last_pk

    def finish_crawl(self, crawl_id: int, counts: dict[str, int], status: str, stats: dict[str, Any]) -> None:
        with self.db.conn:
            self.db["crawls"].update(
                crawl_id,
                {"finished_at": utc_now(), "status": status, "stats": json.dumps(stats, default=str), **counts},
            )

    def record_error(self, crawl_id: int | None, site: str, url: str, error: str, status: int | None = None) -> None:
        with self.db.conn:
            self.db["fetch_errors"].insert(
                {"crawl_id": crawl_id, "site": site, "url": url, "status": status, "error": error[:500], "at": utc_now()}
            )

    def crawls(self, limit: int = 20) -> list[dict[str, Any]]:
        return self.rows("SELECT * FROM crawls ORDER BY id DESC LIMIT ?", [limit])

    # helpers --------------------------------------------------------------------------------------
    def rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        yield from self.db["articles"].rows


def content_hash(row: dict[str, Any]) -> str:
    """Hash of what a reader sees; a re-fetch with the same hash is ``unchanged``."""
    key = "\x1f".join(str(row.get(k) or "") for k in ("title", "published_at", "text", "source"))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()
