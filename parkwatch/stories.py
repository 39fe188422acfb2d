"""Reprint clustering: one story per piece of news, however many sites carry it.

Each article's Simplified text is cut into character shingles and summarised by a MinHash; an LSH index
proposes earlier articles that may be copies, and a containment check on the real shingles decides
(a copy may add boilerplate, change the headline, or cut paragraphs). Signatures live in the database, so the
index is rebuilt quickly after a restart; only articles of the last ``window_days`` are indexed, so memory
stays bounded as the database grows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from parkwatch.store import Store, utc_now

NUM_PERM = 128
SHINGLE = 5
LSH_THRESHOLD = 0.3  # candidates only; the containment check decides
STRONG_CONTAINMENT = 0.8
MIN_CONTAINMENT = 0.65
MIN_JACCARD = 0.55
MIN_SHINGLES = 30
MAX_CANDIDATES = 12  # shorter texts (a caption, a notice) stay stories of their own
_NOISE_RE = re.compile(r"[\s\W_]+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Character k-grams of *text* with whitespace and punctuation removed."""
    compact = _NOISE_RE.sub("", text or "")
    return {compact[i : i + k] for i in range(max(0, len(compact) - k + 1))}


SCHEME = "affine32"  # stored signatures say which hash scheme made them
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations  # made once, shared by every signature


def signature(shingle_set: set[str]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_PERMUTATIONS)
    minhash.update_batch([s.encode("utf-8") for s in shingle_set])
    return minhash


def stored_signature(blob: bytes) -> MinHash:
    """A signature as ``story_signatures.minhash`` holds it (little-endian uint32 values)."""
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(blob, dtype=np.uint32), scheme=SCHEME,
                   permutations=_PERMUTATIONS)


class SignatureTable:
    """Indexed articles' hash values as rows of one uint32 matrix (512 bytes an article).

    Ranks LSH candidates by estimated Jaccard in one vectorised step, so a burst of look-alike articles
    (same-template notices) costs a comparison of arrays, not a Python call per candidate.
    """

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        self.matrix = np.empty((1024, NUM_PERM), dtype=np.uint32)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.rows

    def __len__(self) -> int:
        return len(self.rows)

    def add(self, article_id: str, hashvalues: np.ndarray) -> None:
        if len(self.rows) == len(self.matrix):
            self.matrix = np.concatenate([self.matrix, np.empty_like(self.matrix)])
        self.rows[article_id] = len(self.rows)
        self.matrix[self.rows[article_id]] = hashvalues

    def likeliest(self, hashvalues: np.ndarray, candidates: list[str], limit: int) -> list[str]:
        """The *limit* candidates with the highest estimated Jaccard similarity, best first."""
        known = [c for c in candidates if c in self.rows]
        if len(known) <= 1:
            return known[:limit]
        rows = np.fromiter((self.rows[c] for c in known), dtype=np.intp, count=len(known))
        similarity = (self.matrix[rows] == hashvalues.astype(np.uint32)).sum(axis=1)
        order = np.argsort(-similarity, kind="stable")[:limit]
        return [known[i] for i in order]


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger: a cut or padded copy still scores high."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def is_copy(a: set[str], b: set[str]) -> tuple[bool, float]:
    """Whether two shingle sets are copies of one text, and the containment.

    Nearly all of the shorter text inside the longer (≥ 0.8) makes a copy even with other boilerplate or
    cut paragraphs; moderate containment (≥ 0.65) needs the texts to overlap as wholes too (Jaccard ≥ 0.55),
    since articles on the same park written from the same templates share many sentences.
    """
    c = containment(a, b)
    return (c >= STRONG_CONTAINMENT or (c >= MIN_CONTAINMENT and jaccard(a, b) >= MIN_JACCARD)), c


@dataclass
class Assignment:
    story_id: int
    new_story: bool
    similarity: float


class StoryIndex:
    """Assigns articles to stories; backed by the ``stories`` and ``story_signatures`` tables."""

    def __init__(self, store: Store, window_days: int = 180) -> None:
        self.store = store
        self.window_days = window_days
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.signatures = SignatureTable()
        self._load()

    def _load(self) -> None:
        since = (datetime.now(UTC) - timedelta(days=self.window_days)).isoformat()
        rows = self.store.db.execute(
            "SELECT article_id, minhash FROM story_signatures WHERE indexed_at >= ?", [since]
        ).fetchall()
        for article_id, blob in rows:
            if article_id not in self.signatures:
                self._remember(article_id, stored_signature(blob))

    def _remember(self, article_id: str, minhash: MinHash) -> None:
        self.lsh.insert(article_id, minhash)
        self.signatures.add(article_id, minhash.hashvalues)

    def assign(self, article_id: str) -> Assignment | None:
        """Put a stored article into a story (its earlier copy's, or a new one); ``None`` if it is gone."""
        row = self.store.db.execute(
            "SELECT text_simplified, story_id FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            return None
        text, current = row
        own = shingles(text)
        best_id, best_score = None, 0.0
        minhash = signature(own)
        if len(own) >= MIN_SHINGLES:
            candidates = [c for c in self.lsh.query(minhash) if c != article_id]
            # check the likeliest copies only: the cost of a new article stays flat as the index grows
            for candidate in self.signatures.likeliest(minhash.hashvalues, candidates, MAX_CANDIDATES):
                other = self.store.db.execute(
                    "SELECT text_simplified, story_id FROM articles WHERE id = ?", [candidate]
                ).fetchone()
                if other is None or other[1] is None:
                    continue
                copy, score = is_copy(own, shingles(other[0]))
                if copy and score > best_score:
                    best_id, best_score = other[1], score
        with self.store.db.conn:
            self.store.db.execute("BEGIN IMMEDIATE")
            if best_id is not None:
                story_id, new = best_id, False
            elif current is not None:
                story_id, new = current, False
            else:
                story_id = self.store.db.execute(
                    "INSERT INTO stories (created_at) VALUES (?)", [utc_now()]
                ).lastrowid
                new = True
            self.store.db.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story_id, article_id])
            self.store.db.execute(
                "INSERT OR REPLACE INTO story_signatures (article_id, minhash, indexed_at) VALUES (?, ?, ?)",
                [article_id, minhash.hashvalues.astype(np.uint32).tobytes(), utc_now()],
            )
            refresh_story(self.store, story_id)
        if len(own) >= MIN_SHINGLES and article_id not in self.signatures:
            self._remember(article_id, minhash)
        return Assignment(story_id, new, best_score)


def refresh_story(store: Store, story_id: int) -> None:
    """Recompute a story's representative (earliest published copy) and summary fields."""
    copies = store.db.execute(
        "SELECT id, title, published_at, first_seen_at FROM articles WHERE story_id = ? "
        "ORDER BY coalesce(published_at, first_seen_at), first_seen_at",
        [story_id],
    ).fetchall()
    if not copies:
        return
    first = copies[0]
    store.db.execute(
        "UPDATE stories SET representative_id = ?, title = ?, published_at = ?, copies = ?, updated_at = ? WHERE id = ?",
        [first[0], first[1], first[2] or first[3], len(copies), utc_now(), story_id],
    )


def list_stories(store: Store, since: str | None = None, park: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Stories with their copies, newest first; *park* filters by a park's id or name (canonical or surface)."""
    params: list[Any] = [since or ""]
    where = "coalesce(s.published_at, '') >= ?"
    if park:
        where += (" AND s.id IN (SELECT a.story_id FROM mentions m JOIN articles a ON a.id = m.article_id "
                  "WHERE m.kind = 'park' AND (m.entity_id = ? OR m.canonical = ? OR m.surface = ?))")
        params += [park, park, park]
    stories = store.rows(
        f"SELECT s.id AS story, s.title, s.published_at, s.copies FROM stories s WHERE {where} "
        "ORDER BY s.published_at DESC LIMIT ?",
        [*params, limit],
    )
    for story in stories:
        story["copies"] = store.rows(
            "SELECT url, site, source, published_at FROM articles WHERE story_id = ? "
            "ORDER BY coalesce(published_at, first_seen_at)",
            [story["story"]],
        )
    return stories
