"""Story signatures and the in-memory signature index, beside datasketch's own per-shingle path.

    python bench/story_index.py [--articles 100000] [--texts 2000] [--eval-dir DIR] [--json FILE]

* Signature speed on ``--texts`` generated articles (runs of real news sentences from ../shared/eval, as in
  ``crawl_speed.py``): parkwatch's vectorised shingle hashing + blocked MinHash, against datasketch's
  documented use (``MinHash.update_batch`` of the UTF-8 shingles, SHA-1 per shingle) on the same texts.
* Index memory: ``--articles`` signatures added to :class:`SignatureIndex` (traced allocations at the end and
  at the peak, per article), and one query's time at that size.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crawl_speed import PARKS, paragraphs, sentence_pool  # noqa: E402

from parkwatch.stories import (  # noqa: E402
    _NOISE_RE,
    _PERMUTATIONS,
    MAX_CANDIDATES,
    NUM_PERM,
    SCHEME,
    SignatureIndex,
    shingle_hashes,
    signature,
)


def datasketch_signature(text: str) -> np.ndarray:
    from datasketch import MinHash

    compact = _NOISE_RE.sub("", text)
    grams = {compact[i : i + 5] for i in range(max(0, len(compact) - 4))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_PERMUTATIONS)
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return minhash.hashvalues


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000, help="signatures in the index")
    parser.add_argument("--texts", type=int, default=2000, help="texts signed for the speed figures")
    parser.add_argument("--eval-dir", help="where the sentences come from (default: ../shared/eval)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    eval_dir = Path(args.eval_dir) if args.eval_dir else Path(__file__).resolve().parents[2] / "shared" / "eval"
    pool, rng = sentence_pool(eval_dir), random.Random(3)
    texts = ["\n".join(paragraphs(k, PARKS[k % len(PARKS)], pool, rng)) for k in range(args.texts)]
    chars = sum(len(t) for t in texts)
    figures: dict[str, float] = {"texts": len(texts), "mean_chars": chars / len(texts)}
    for name, sign in (("datasketch", datasketch_signature), ("parkwatch", lambda t: signature(shingle_hashes(t)))):
        started = time.perf_counter()
        for text in texts:
            sign(text)
        figures[f"{name}_ms_per_text"] = (time.perf_counter() - started) * 1000 / len(texts)
        print(f"{name:>10}: {figures[f'{name}_ms_per_text']:.3f} ms a text ({chars / len(texts):.0f} characters)")
    print(f"     ratio: {figures['datasketch_ms_per_text'] / figures['parkwatch_ms_per_text']:.1f}× faster")

    values = np.random.default_rng(5).integers(0, 2**32 - 1, (args.articles, NUM_PERM), dtype=np.uint32)
    ids = [f"{n:016x}" for n in range(args.articles)]
    tracemalloc.start()
    index = SignatureIndex()
    started = time.perf_counter()
    for number in range(args.articles):
        index.add(ids[number], values[number])
        if number and number % 20_000 == 0:
            print(f"  indexed {number:,}", file=sys.stderr)
    added = time.perf_counter() - started
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    started = time.perf_counter()
    for number in range(0, min(args.articles, 1000)):
        index.query(values[number], MAX_CANDIDATES)
    query_ms = (time.perf_counter() - started) * 1000 / min(args.articles, 1000)
    figures.update(index_articles=args.articles, index_bytes_per_article=current / args.articles,
                   index_peak_bytes_per_article=peak / args.articles, index_add_us=added * 1e6 / args.articles,
                   query_ms=query_ms)
    print(f"index of {args.articles:,}: {current / 2**20:.1f} MB ({current / args.articles:.0f} B an article), "
          f"peak {peak / 2**20:.1f} MB; add {figures['index_add_us']:.1f} µs, query {query_ms:.2f} ms")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
