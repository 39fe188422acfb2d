"""Matching stored articles against watches, and the outbox that makes every alert go out exactly once.

An alert is recorded per (watch, story) — a story that gains copies later does not alert again — together
with one delivery row per channel, in one transaction, before anything is sent. A delivery is marked sent only
after its channel accepted the digest; a failure keeps it pending with a back-off.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from parkwatch.alerts.watches import Watch, Watches
from parkwatch.extract.dates import CST
from parkwatch.extract.normalize import simplify
from parkwatch.store import Store, utc_now


@lru_cache(maxsize=1024)
def _park_keys(term: str) -> frozenset[str]:
    """Ids and names a park term stands for (绵阳高新区 → G512046 and its canonical name)."""
    from parkwatch.mentions import ArticleText
    from parkwatch.tagging import default_manager, tag

    keys = {term, simplify(term)}
    for mention in tag(ArticleText(term), default_manager()):
        if mention.kind == "park":
            keys |= {mention.id, mention.canonical} | _parts().get(mention.id, frozenset())
    return frozenset(keys)


@lru_cache(maxsize=1)
def _parts() -> dict[str, frozenset[str]]:
    """The codes of each listed zone's parts (片区, 园) and of their parts: a watch on a zone sees news of any of them
    (中国(四川)自由贸易试验区 → its 天府新区片区; 中关村科技园区 → 海淀园)."""
    from parkwatch.gazetteer import parks

    children: dict[str, set[str]] = defaultdict(set)
    for park in parks().by_code.values():
        if park.parent:
            children[park.parent].add(park.code)

    def below(code: str, seen: frozenset[str]) -> set[str]:
        return {c for child in children.get(code, ()) if child not in seen for c in {child, *below(child, seen | {code})}}

    return {code: frozenset(below(code, frozenset())) for code in children}


@lru_cache(maxsize=1024)
def _region_codes(term: str) -> frozenset[str]:
    from parkwatch.gazetteer import regions

    return frozenset(r.code for r in regions().lookup(simplify(term)))


def match_article(watch: Watch, article: dict[str, Any], mentions: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The watch's terms this article matches, each ``{"kind", "term"}`` (empty: no match)."""
    text = f"{article.get('title_simplified') or ''}\n{article.get('text_simplified') or ''}"
    if any(simplify(word) in text for word in watch.exclude):
        return []
    groups: list[list[str]] = []
    kinds: dict[str, str] = {}
    for kind, terms in (("park", watch.parks), ("policy", watch.policies), ("region", watch.regions),
                        ("keyword", watch.keywords), ("site", watch.sites)):
        for term in terms:
            kinds.setdefault(term, kind)
    if watch.parks:
        found = {m["entity_id"] for m in mentions if m["kind"] == "park"} | {
            m["canonical"] for m in mentions if m["kind"] == "park"} | {
            simplify(m["surface"]) for m in mentions if m["kind"] == "park"}
        groups.append([t for t in watch.parks if _park_keys(t) & found])
    if watch.policies:
        policies = [simplify(m["canonical"]) for m in mentions if m["kind"] == "policy"]
        groups.append([t for t in watch.policies if any(simplify(t) in p for p in policies) or simplify(t) in text])
    if watch.regions:
        codes = [m["entity_id"] for m in mentions if m["kind"] == "region"]
        groups.append([t for t in watch.regions
                       if any(code.startswith(c) for code in codes for c in _region_codes(t)) or simplify(t) in text])
    if watch.keywords:
        groups.append([t for t in watch.keywords if simplify(t) in text])
    if watch.sites:
        groups.append([t for t in watch.sites if t == article.get("site")])
    if watch.match == "all" and not all(groups):
        return []
    order = {term: number for number, term in enumerate(kinds)}  # the watch's own order of its terms
    return [{"kind": kinds[term], "term": term, "rank": order[term]} for group in groups for term in group]


BATCH = 500  # articles matched per transaction: memory and lock time stay flat whatever the history


def start_watch(store: Store, watch: Watch, now: datetime | None = None) -> int:
    """Where a watch seen for the first time starts: after the articles stored so far, or, with ``since``, at the
    beginning but only for articles published since then. Returns its high-water mark."""
    mark = store.db.execute("SELECT last_rowid FROM watch_state WHERE watch = ?", [watch.name]).fetchone()
    if mark is not None:
        return mark[0]
    if watch.since is not None:
        cutoff = ((now or datetime.now(UTC)) - watch.since).astimezone(CST).isoformat(timespec="seconds")
        last, since = 0, cutoff
    else:
        last, since = store.db.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0], None
    with store.db.conn:
        store.db.execute("BEGIN IMMEDIATE")
        store.db.execute("INSERT OR IGNORE INTO watch_state (watch, last_rowid, since) VALUES (?, ?, ?)",
                         [watch.name, last, since])
    return store.db.execute("SELECT last_rowid FROM watch_state WHERE watch = ?", [watch.name]).fetchone()[0]


def start_watches(store: Store, watches: Watches) -> None:
    """Note every configured watch that is new (before a crawl stores anything, so its articles count)."""
    for watch in watches.watches:
        start_watch(store, watch)


def record_alerts(store: Store, watches: Watches) -> int:
    """Match articles stored since each watch last looked; record new (watch, story) alerts. Returns the count.

    Articles are read in rowid order, a batch per transaction; the mark never moves past an article that has no
    story yet (another process is still clustering it): it is matched on a later call."""
    created = 0
    for watch in watches.watches:
        last = start_watch(store, watch)
        since = store.db.execute("SELECT since FROM watch_state WHERE watch = ?", [watch.name]).fetchone()[0]
        for batch in _batches(store, last, since):
            with store.db.conn:
                store.db.execute("BEGIN IMMEDIATE")
                for article, terms in _matches(store, watch, batch.articles):
                    created += _record(store, watch, article, terms)
                store.db.execute("UPDATE watch_state SET last_rowid = ? WHERE watch = ?", [batch.mark, watch.name])
    return created


def preview_alerts(store: Store, watches: Watches, watch_name: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """What a digest would hold now — pending alerts and new matches — without recording anything (dry runs)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for group in pending(store, watch_name, include_waiting=True):
        alerts = out.setdefault(group.watch, [])
        alerts += [a for a in group.alerts if a["alert_id"] not in {x["alert_id"] for x in alerts}]
    for watch in watches.watches:
        if watch_name and watch.name != watch_name:
            continue
        state = store.db.execute("SELECT last_rowid, since FROM watch_state WHERE watch = ?", [watch.name]).fetchone()
        if state is None:
            continue  # not started yet: it would begin with the next crawl
        alerted = {r[0] for r in store.db.execute("SELECT story_id FROM alerts WHERE watch = ?", [watch.name])}
        for batch in _batches(store, state[0], state[1]):
            for article, terms in _matches(store, watch, batch.articles):
                if article["story_id"] not in alerted:
                    alerted.add(article["story_id"])
                    out.setdefault(watch.name, []).append(
                        {"alert_id": None, "story_id": article["story_id"], "article_id": article["id"],
                         "terms": json.dumps(terms, ensure_ascii=False)})
    return out


@dataclass
class _Batch:
    articles: list[dict[str, Any]]
    mark: int


def _batches(store: Store, last: int, since: str | None) -> Iterator[_Batch]:
    """Articles after *last* in rowid order, a batch at a time, stopping before one that has no story yet."""
    while True:
        rows = store.rows(
            "SELECT rowid AS rowid_, id, site, title, title_simplified, text_simplified, story_id, "
            "coalesce(published_at, first_seen_at) AS published FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
            [last, BATCH],
        )
        waiting = next((i for i, r in enumerate(rows) if r["story_id"] is None), None)
        ready = rows if waiting is None else rows[:waiting]
        if ready:
            last = ready[-1]["rowid_"]
            yield _Batch([r for r in ready if not since or (r["published"] or "") >= since], last)
        if waiting is not None or len(rows) < BATCH:
            return


def _matches(store: Store, watch: Watch, articles: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], list]]:
    for article in articles:
        mentions = store.rows("SELECT kind, entity_id, canonical, surface FROM mentions WHERE article_id = ?",
                              [article["id"]])
        terms = match_article(watch, article, mentions)
        if terms:
            yield article, terms


def _record(store: Store, watch: Watch, article: dict[str, Any], terms: list[dict[str, str]]) -> int:
    cursor = store.db.execute(
        "INSERT OR IGNORE INTO alerts (watch, story_id, article_id, terms, created_at) VALUES (?, ?, ?, ?, ?)",
        [watch.name, article["story_id"], article["id"], json.dumps(terms, ensure_ascii=False), utc_now()],
    )
    if not cursor.rowcount:
        return 0
    for channel in watch.channels:
        store.db.execute("INSERT OR IGNORE INTO deliveries (alert_id, channel, status, attempts) VALUES (?, ?, 'pending', 0)",
                         [cursor.lastrowid, channel])
    return 1


def drop_pending(store: Store, watch: str | None = None, reason: str = "dropped by the user") -> int:
    """Discard pending deliveries (of one watch, or all): they are kept as ``dropped`` with the reason."""
    with store.db.conn:
        store.db.execute("BEGIN IMMEDIATE")
        return store.db.execute(
            "UPDATE deliveries SET status = 'dropped', last_error = ?, lease_until = NULL WHERE status IN ('pending', "
            "'sending') AND alert_id IN (SELECT id FROM alerts WHERE ? IS NULL OR watch = ?)", [reason, watch, watch]
        ).rowcount


LEASE = timedelta(minutes=10)  # a claimed delivery whose sender died goes out again after this


@dataclass
class PendingDigest:
    watch: str
    channel: str
    delivery_ids: list[int]
    alerts: list[dict[str, Any]]
    batch: str = ""  # the idempotency key: the same for every attempt at this digest


_DUE = ("(d.status = 'pending' AND coalesce(d.next_attempt_at, '') <= :now) "
        "OR (d.status = 'sending' AND coalesce(d.lease_until, '') <= :now)")


def _rows(store: Store, condition: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return store.rows(
        "SELECT d.id AS delivery_id, d.channel, d.batch, d.attempts, a.id AS alert_id, a.watch, a.story_id, "
        "a.article_id, a.terms FROM deliveries d JOIN alerts a ON a.id = d.alert_id "
        f"WHERE ({condition}) AND (:watch IS NULL OR a.watch = :watch) ORDER BY a.id", params)


def _group(rows: list[dict[str, Any]]) -> list[PendingDigest]:
    groups: dict[tuple[str, str, str], PendingDigest] = {}
    for row in rows:
        key = (row["watch"], row["channel"], row["batch"] or "")
        group = groups.setdefault(key, PendingDigest(row["watch"], row["channel"], [], [], row["batch"] or ""))
        group.delivery_ids.append(row["delivery_id"])
        group.alerts.append(row)
    return list(groups.values())


def pending(store: Store, watch: str | None = None, now: datetime | None = None,
            include_waiting: bool = False, only_retries: bool = False) -> list[PendingDigest]:
    """Pending deliveries grouped by (watch, channel, batch), without claiming them (for showing); those backing
    off are left out unless *include_waiting*; with *only_retries*, only deliveries that failed before."""
    now_text = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    condition = "d.status = 'pending'" if include_waiting else _DUE
    rows = _rows(store, condition, {"now": now_text, "watch": watch})
    return _group([r for r in rows if not only_retries or r["attempts"] > 0])


def claim(store: Store, watch: str | None = None, now: datetime | None = None, only_retries: bool = False,
          lease: timedelta = LEASE) -> list[PendingDigest]:
    """Take the due deliveries for sending, atomically: two senders (threads or processes) never take the same
    one. Due: pending and past its back-off, or claimed by a sender whose lease ran out (it died, or hangs).
    Each group keeps its batch key across attempts, so a receiver can drop a digest it already has."""
    now = now or datetime.now(UTC)
    params = {"now": now.isoformat(timespec="seconds"), "watch": watch}
    with store.db.conn:
        store.db.execute("BEGIN IMMEDIATE")
        rows = [r for r in _rows(store, _DUE, params) if not only_retries or r["attempts"] > 0 or r["batch"]]
        groups = _group(rows)
        until = (now + lease).isoformat(timespec="seconds")
        for group in groups:
            group.batch = group.batch or f"pw-{uuid.uuid4().hex[:20]}"
            marks = ",".join("?" * len(group.delivery_ids))
            store.db.execute(f"UPDATE deliveries SET status = 'sending', lease_until = ?, batch = ? WHERE id IN ({marks})",
                             [until, group.batch, *group.delivery_ids])
    return groups


def release(store: Store, batch: str) -> None:
    """Give claimed deliveries back untouched (quiet hours, a channel no longer configured)."""
    with store.db.conn:
        store.db.execute("BEGIN IMMEDIATE")
        store.db.execute("UPDATE deliveries SET status = 'pending', lease_until = NULL WHERE batch = ? "
                         "AND status = 'sending'", [batch])


def mark_sent(store: Store, batch: str) -> int:
    """The channel accepted the batch; returns how many deliveries that marks sent."""
    with store.db.conn:
        store.db.execute("BEGIN IMMEDIATE")
        return store.db.execute("UPDATE deliveries SET status = 'sent', sent_at = ?, attempts = attempts + 1, "
                                "lease_until = NULL WHERE batch = ? AND status = 'sending'", [utc_now(), batch]).rowcount


def mark_failed(store: Store, batch: str, error: str, now: datetime | None = None) -> None:
    """Keep the batch pending and back off: 1, 2, 4 … minutes, at most an hour; its key stays the same."""
    now = now or datetime.now(UTC)
    with store.db.conn:
        store.db.execute("BEGIN IMMEDIATE")
        rows = store.db.execute("SELECT id, attempts FROM deliveries WHERE batch = ? AND status = 'sending'",
                                [batch]).fetchall()
        for delivery_id, attempts in rows:
            wait = timedelta(minutes=min(60, 2 ** attempts))
            store.db.execute("UPDATE deliveries SET status = 'pending', attempts = attempts + 1, last_error = ?, "
                             "next_attempt_at = ?, lease_until = NULL WHERE id = ?",
                             [error[:500], (now + wait).isoformat(timespec="seconds"), delivery_id])


def outbox(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    return store.rows(
        "SELECT a.id, a.watch, d.channel, d.status, d.attempts, d.last_error, d.sent_at, s.title "
        "FROM alerts a JOIN deliveries d ON d.alert_id = a.id LEFT JOIN stories s ON s.id = a.story_id "
        "ORDER BY a.id DESC, d.channel LIMIT ?",
        [limit],
    )
