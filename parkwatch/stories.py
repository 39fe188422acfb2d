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
from datasketch import MinHash

from parkwatch.store import Store, utc_now

NUM_PERM = 128
SHINGLE = 5
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
# Bands × values per band: what datasketch's MinHashLSH chooses for a Jaccard threshold of 0.3 with 128
# permutations. A low threshold: it only proposes candidates; the containment check decides.
BANDS, ROWS = 37, 3
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations  # made once, shared by every signature


def signature(shingle_set: set[str]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_PERMUTATIONS)
    minhash.update_batch([s.encode("utf-8") for s in shingle_set])
    return minhash


class SignatureIndex:
    """Locality-sensitive index of the indexed articles' MinHash values, about 2 KB an article.

    The values are rows of one uint32 matrix; each of ``BANDS`` bands of ``ROWS`` values is hashed to one
    key (the band number in the top bits). Keys are kept in one sorted array (every band looked up by one
    vectorised binary search), plus a short tail of recent rows that is merged in when it grows. Two
    articles are candidates when any band agrees: the banding datasketch's MinHashLSH does, at a sixth of
    its memory (it keeps Python objects per band and article, 13 KB an article). Candidates come back
    ranked by estimated Jaccard similarity, computed in one vectorised step.
    """

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.rows: dict[str, int] = {}
        self.matrix = np.empty((1024, NUM_PERM), dtype=np.uint32)
        self.sorted_keys = np.empty(0, dtype=np.uint64)
        self.sorted_rows = np.empty(0, dtype=np.int32)
        self.tail_hashes = np.empty((BANDS, 1024), dtype=np.uint64)
        self.tail = 0  # the last ``tail`` rows are not merged into the sorted arrays yet

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.rows

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, article_id: str, hashvalues: np.ndarray) -> None:
        row = len(self.ids)
        if row == len(self.matrix):
            self.matrix = np.concatenate([self.matrix, np.empty_like(self.matrix)])
        if self.tail == self.tail_hashes.shape[1]:
            self.tail_hashes = np.concatenate([self.tail_hashes, np.empty_like(self.tail_hashes)], axis=1)
        self.matrix[row] = hashvalues
        self.tail_hashes[:, self.tail] = band_hashes(self.matrix[row : row + 1])[:, 0]
        self.tail += 1
        self.rows[article_id] = row
        self.ids.append(article_id)
        if self.tail >= max(512, (row - self.tail) // 32):  # amortised: merging stays a small share of the cost
            self._merge()

    def _merge(self) -> None:
        first = len(self.ids) - self.tail
        keys = np.concatenate([self.sorted_keys, self.tail_hashes[:, : self.tail].ravel()])
        rows = np.concatenate([self.sorted_rows, np.tile(np.arange(first, len(self.ids), dtype=np.int32), BANDS)])
        order = np.argsort(keys, kind="stable")
        self.sorted_keys, self.sorted_rows = keys[order], rows[order]
        self.tail = 0

    def query(self, hashvalues: np.ndarray, limit: int, exclude: str | None = None) -> list[str]:
        """Up to *limit* indexed articles sharing a band with *hashvalues*, likeliest copies first."""
        values = np.asarray(hashvalues, dtype=np.uint32)
        wanted = band_hashes(values[None, :])[:, 0]
        lefts = np.searchsorted(self.sorted_keys, wanted, "left")
        rights = np.searchsorted(self.sorted_keys, wanted, "right")
        found = [self.sorted_rows[left:right] for left, right in zip(lefts, rights, strict=True) if right > left]
        if self.tail:
            hits = np.flatnonzero((self.tail_hashes[:, : self.tail] == wanted[:, None]).any(axis=0))
            found.append((len(self.ids) - self.tail + hits).astype(np.int32))
        rows = np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int32)
        if exclude in self.rows:
            rows = rows[rows != self.rows[exclude]]
        if len(rows) > 1:
            similarity = (self.matrix[rows] == values).sum(axis=1)
            rows = rows[np.argsort(-similarity, kind="stable")[:limit]]
        return [self.ids[row] for row in rows]


def band_hashes(matrix: np.ndarray) -> np.ndarray:
    """One uint64 key per band and row of *matrix* (rows × NUM_PERM uint32): shape (BANDS, rows).

    A polynomial hash of the band's values in the low 58 bits, the band number in the top 6.
    """
    values = matrix[:, : BANDS * ROWS].astype(np.uint64).reshape(len(matrix), BANDS, ROWS)
    combined = np.zeros((len(matrix), BANDS), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for position in range(ROWS):
            combined = combined * np.uint64(0x9E3779B97F4A7C15) + values[:, :, position] + np.uint64(position + 1)
    band = np.arange(BANDS, dtype=np.uint64) << np.uint64(58)
    return ((combined & np.uint64((1 << 58) - 1)) | band).T.copy()


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
        self.signatures = SignatureIndex()
        self._load()

    def _load(self) -> None:
        since = (datetime.now(UTC) - timedelta(days=self.window_days)).isoformat()
        self._last_rowid = self.store.db.execute("SELECT coalesce(max(rowid), 0) FROM story_signatures").fetchone()[0]
        rows = self.store.db.execute(
            "SELECT article_id, minhash FROM story_signatures WHERE indexed_at >= ? AND rowid <= ?",
            [since, self._last_rowid],
        ).fetchall()
        for article_id, blob in rows:
            if article_id not in self.signatures:
                self.signatures.add(article_id, np.frombuffer(blob, dtype=np.uint32))

    def _catch_up(self) -> None:
        """Index the signatures other processes stored since (two sites crawled at once see each other's copies)."""
        rows = self.store.db.execute(
            "SELECT rowid, article_id, minhash FROM story_signatures WHERE rowid > ? ORDER BY rowid", [self._last_rowid]
        ).fetchall()
        for rowid, article_id, blob in rows:
            self._last_rowid = max(self._last_rowid, rowid)
            if article_id not in self.signatures:
                self.signatures.add(article_id, np.frombuffer(blob, dtype=np.uint32))

    def assign(self, article_id: str, text_simplified: str | None = None) -> Assignment | None:
        """Put a stored article into a story (its earlier copy's, or a new one); ``None`` if it is gone.

        The candidates are looked up and the story written in one write transaction, after catching up with
        the signatures other processes stored: assignments are serialised across processes, so a reprint
        crawled on two sites at once joins one story."""
        if text_simplified is None:  # the pipeline passes the text it has; others read it back
            row = self.store.db.execute("SELECT text_simplified FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                return None
            text_simplified = row[0]
        own = shingles(text_simplified)
        minhash = signature(own)
        with self.store.db.conn:
            self.store.db.execute("BEGIN IMMEDIATE")
            self._catch_up()
            current = self.store.db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
            if current is None:
                return None
            best_id, best_score = None, 0.0
            if len(own) >= MIN_SHINGLES:
                # check the likeliest copies only: the cost of a new article stays flat as the index grows
                for candidate in self.signatures.query(minhash.hashvalues, MAX_CANDIDATES, exclude=article_id):
                    other = self.store.db.execute(
                        "SELECT text_simplified, story_id FROM articles WHERE id = ?", [candidate]
                    ).fetchone()
                    if other is None or other[1] is None:
                        continue
                    copy, score = is_copy(own, shingles(other[0]))
                    if copy and score > best_score:
                        best_id, best_score = other[1], score
            if best_id is not None:
                story_id, new = best_id, False
            elif current[0] is not None:
                story_id, new = current[0], False
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
            self.signatures.add(article_id, minhash.hashvalues)
        return Assignment(story_id, new, best_score)

    def repair(self) -> int:
        """Give a story to every article left without one (a crawl killed between storing it and clustering it)."""
        orphans = [r[0] for r in self.store.db.execute("SELECT id FROM articles WHERE story_id IS NULL ORDER BY rowid")]
        for article_id in orphans:
            self.assign(article_id)
        return len(orphans)


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
