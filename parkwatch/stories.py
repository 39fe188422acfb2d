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
from loguru import logger

from parkwatch.store import Store, utc_now

NUM_PERM = 128
SHINGLE = 5
STRONG_CONTAINMENT = 0.8
MIN_CONTAINMENT = 0.65
MIN_JACCARD = 0.55
MIN_SHINGLES = 30
MAX_CANDIDATES = 12  # shorter texts (a caption, a notice) stay stories of their own
_NOISE_RE = re.compile(r"[\s\W_]+", re.UNICODE)


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    """The character k-grams of *text* (whitespace and punctuation removed) as sorted unique 32-bit hashes.

    One vectorised pass: a polynomial over the code points of each k-gram, mixed by a multiply-shift; two
    distinct k-grams of one article share a hash about once in 400,000 articles of 10,000 characters.
    """
    compact = _NOISE_RE.sub("", text or "")
    if len(compact) < k:
        return np.empty(0, dtype=np.uint32)
    codes = np.frombuffer(compact.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(codes) - k + 1
    hashed = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(k):
            hashed = hashed * np.uint64(0x100000001B3) + codes[offset : offset + count]
        hashed = (hashed * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(32)
    return np.unique(hashed.astype(np.uint32))


SCHEME = "affine32"  # datasketch's permutation scheme the signatures use
SIGNATURES = "poly5-fmix32-affine32-v2"  # recorded in ``meta``: signatures made otherwise are re-made on start
# Bands × values per band: what datasketch's MinHashLSH chooses for a Jaccard threshold of 0.3 with 128
# permutations. A low threshold: it only proposes candidates; the containment check decides.
BANDS, ROWS = 37, 3
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations  # made once, shared by every signature
_CHUNK = 2048  # hashes per step: the (chunk × NUM_PERM) block stays in the CPU cache


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, as datasketch applies it before its affine32 permutations."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash values (NUM_PERM uint32) of a set of 32-bit shingle hashes: what datasketch's
    ``MinHash(scheme="affine32", hashfunc=int).update_batch(hashes)`` gives, computed in cache-sized blocks."""
    a, b = _PERMUTATIONS
    values = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    with np.errstate(over="ignore"):
        mixed = _fmix32(np.asarray(hashes, dtype=np.uint32))[:, None]
        for start in range(0, len(mixed), _CHUNK):
            np.minimum(values, (mixed[start : start + _CHUNK] * a + b).min(axis=0), out=values)
    return values


def story_signature(text_simplified: str) -> tuple[int, bytes]:
    """What :meth:`StoryIndex.assign` needs of a text, made where the CPU work runs: (shingles, MinHash bytes)."""
    hashes = shingle_hashes(text_simplified)
    return len(hashes), signature(hashes).tobytes()


class SignatureIndex:
    """Locality-sensitive index of the indexed articles' MinHash values, about 0.6 KB an article.

    Each of ``BANDS`` bands of ``ROWS`` values is hashed to one key (the band number in the top bits); only the
    keys are kept, in one sorted array (every band looked up by one vectorised binary search), plus a short
    tail of recent keys that is merged in when it grows. Two articles are candidates when any band agrees:
    the banding datasketch's MinHashLSH does, at a twentieth of its memory (it keeps Python objects per band
    and article, 13 KB an article). Candidates come back ranked by the number of bands they share, which
    grows with their Jaccard similarity.
    """

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.rows: dict[str, int] = {}
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
        if self.tail == self.tail_hashes.shape[1]:
            self.tail_hashes = np.concatenate([self.tail_hashes, np.empty_like(self.tail_hashes)], axis=1)
        self.tail_hashes[:, self.tail] = band_hashes(np.asarray(hashvalues, dtype=np.uint32)[None, :])[:, 0]
        self.tail += 1
        self.rows[article_id] = row
        self.ids.append(article_id)
        if self.tail >= max(512, (row - self.tail) // 32):  # amortised: merging stays a small share of the cost
            self._merge()

    def _merge(self) -> None:
        """Insert the tail into the sorted arrays: the tail is sorted, the rest is only copied once."""
        first = len(self.ids) - self.tail
        keys = self.tail_hashes[:, : self.tail].ravel()
        rows = np.tile(np.arange(first, len(self.ids), dtype=np.int32), BANDS)
        order = np.argsort(keys, kind="stable")
        keys, rows = keys[order], rows[order]
        at = np.searchsorted(self.sorted_keys, keys, "right")
        self.sorted_keys = np.insert(self.sorted_keys, at, keys)
        self.sorted_rows = np.insert(self.sorted_rows, at, rows)
        self.tail = 0
        if self.tail_hashes.shape[1] > 1024:
            self.tail_hashes = np.empty((BANDS, 1024), dtype=np.uint64)

    def query(self, hashvalues: np.ndarray, limit: int, exclude: str | None = None) -> list[str]:
        """Up to *limit* indexed articles sharing a band with *hashvalues*, those sharing most bands first."""
        wanted = band_hashes(np.asarray(hashvalues, dtype=np.uint32)[None, :])[:, 0]
        lefts = np.searchsorted(self.sorted_keys, wanted, "left")
        rights = np.searchsorted(self.sorted_keys, wanted, "right")
        found = [self.sorted_rows[left:right] for left, right in zip(lefts, rights, strict=True) if right > left]
        if self.tail:
            _, hits = np.nonzero(self.tail_hashes[:, : self.tail] == wanted[:, None])
            found.append((len(self.ids) - self.tail + hits).astype(np.int32))
        if not found:
            return []
        rows, shared = np.unique(np.concatenate(found), return_counts=True)
        if exclude in self.rows:
            keep = rows != self.rows[exclude]
            rows, shared = rows[keep], shared[keep]
        rows = rows[np.argsort(-shared, kind="stable")[:limit]]
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


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller set found in the larger (sorted unique hash arrays): a cut or padded copy still
    scores high."""
    if not len(a) or not len(b):
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / min(len(a), len(b))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    common = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - common
    return common / union if union else 0.0


def is_copy(a: np.ndarray, b: np.ndarray) -> tuple[bool, float]:
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
        self._resign(since)
        self._last_rowid = self.store.db.execute("SELECT coalesce(max(rowid), 0) FROM story_signatures").fetchone()[0]
        rows = self.store.db.execute(
            "SELECT article_id, minhash FROM story_signatures WHERE indexed_at >= ? AND rowid <= ?",
            [since, self._last_rowid],
        ).fetchall()
        for article_id, blob in rows:
            if article_id not in self.signatures:
                self.signatures.add(article_id, np.frombuffer(blob, dtype=np.uint32))

    def _resign(self, since: str) -> None:
        """Re-make the window's stored signatures when an earlier version made them another way (hashes of
        different schemes never agree, so old copies would go unseen); older ones are dropped."""
        row = self.store.db.execute("SELECT value FROM meta WHERE key = 'story_signatures'").fetchone()
        if row is not None and row[0] == SIGNATURES:
            return
        with self.store.db.conn:
            self.store.db.execute("BEGIN IMMEDIATE")
            stale = self.store.db.execute(
                "SELECT s.article_id, a.text_simplified FROM story_signatures s JOIN articles a ON a.id = s.article_id "
                "WHERE s.indexed_at >= ?", [since]).fetchall()
            if stale:
                logger.info("Re-making {} story signatures (a new signature scheme)", len(stale))
            self.store.db.execute("DELETE FROM story_signatures WHERE indexed_at < ?", [since])
            for article_id, text in stale:
                self.store.db.execute("UPDATE story_signatures SET minhash = ? WHERE article_id = ?",
                                      [signature(shingle_hashes(text)).tobytes(), article_id])
            self.store.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('story_signatures', ?)",
                                  [SIGNATURES])

    def _catch_up(self) -> None:
        """Index the signatures other processes stored since (two sites crawled at once see each other's copies)."""
        rows = self.store.db.execute(
            "SELECT rowid, article_id, minhash FROM story_signatures WHERE rowid > ? ORDER BY rowid", [self._last_rowid]
        ).fetchall()
        for rowid, article_id, blob in rows:
            self._last_rowid = max(self._last_rowid, rowid)
            if article_id not in self.signatures:
                self.signatures.add(article_id, np.frombuffer(blob, dtype=np.uint32))

    def assign(self, article_id: str, text_simplified: str | None = None,
               signed: tuple[int, bytes] | None = None) -> Assignment | None:
        """Put a stored article into a story (its earlier copy's, or a new one); ``None`` if it is gone.

        *signed* is the text's ``story_signature`` when a worker process made it already.

        The candidates are looked up and the story written in one write transaction, after catching up with
        the signatures other processes stored: assignments are serialised across processes, so a reprint
        crawled on two sites at once joins one story."""
        if text_simplified is None:  # the pipeline passes the text it has; others read it back
            row = self.store.db.execute("SELECT text_simplified FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                return None
            text_simplified = row[0]
        own = shingle_hashes(text_simplified) if signed is None else None
        count, values = (len(own), signature(own)) if own is not None else (signed[0], np.frombuffer(signed[1], np.uint32))
        with self.store.db.conn:
            self.store.db.execute("BEGIN IMMEDIATE")
            self._catch_up()
            current = self.store.db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
            if current is None:
                return None
            best_id, best_score = None, 0.0
            if count >= MIN_SHINGLES:
                # check the likeliest copies only: the cost of a new article stays flat as the index grows
                for candidate in self.signatures.query(values, MAX_CANDIDATES, exclude=article_id):
                    other = self.store.db.execute(
                        "SELECT text_simplified, story_id FROM articles WHERE id = ?", [candidate]
                    ).fetchone()
                    if other is None or other[1] is None:
                        continue
                    own = shingle_hashes(text_simplified) if own is None else own
                    copy, score = is_copy(own, shingle_hashes(other[0]))
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
                [article_id, values.tobytes(), utc_now()],
            )
            refresh_story(self.store, story_id)
        if count >= MIN_SHINGLES and article_id not in self.signatures:
            self.signatures.add(article_id, values)
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
