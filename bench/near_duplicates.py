"""Texts of the labelled set that are one story on two sites, by parkwatch's own reprint test.

    python bench/near_duplicates.py [--set tests/files/tagging/dev.jsonl.xz --set tests/files/tagging/test.jsonl.xz]
                                    [--new ROUND.jsonl]

Each text's Simplified form is shingled and indexed as ``parkwatch.stories`` does for crawled articles; two texts
are one story when ``stories.is_copy`` says so (containment of the shorter at least 0.8, or 0.65 with Jaccard 0.55).
Prints the pairs with the split each text is in, and how many pairs cross the dev/test split: a story in both
halves lets what was tuned on dev be measured again on test. With ``--new``, only pairs in which a text of that
file takes part are printed (a round before it joins: such texts are left out).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parkwatch.mentions import ArticleText  # noqa: E402
from parkwatch.stories import SignatureIndex, is_copy, shingle_hashes, signature  # noqa: E402
from parkwatch.tag_eval import load  # noqa: E402

TAGGING = ROOT / "tests" / "files" / "tagging"


def copies(records: list[tuple[str, str, str]]) -> list[tuple[float, str, str]]:
    """(containment, id, id) of every pair of *records* (id, split, text) the reprint test takes for one story."""
    index, shingles, found = SignatureIndex(), {}, []
    for record_id, _, text in records:
        hashes = shingle_hashes(ArticleText(text).simplified)
        values = signature(hashes)
        for other in index.query(values, limit=50):
            same, share = is_copy(hashes, shingles[other])
            if same:
                found.append((round(share, 2), other, record_id))
        shingles[record_id] = hashes
        index.add(record_id, values)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", help="labelled JSON lines (default: dev and test)")
    parser.add_argument("--new", help="a round not yet in the set: print only the pairs it takes part in")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.set] if args.set else [TAGGING / "dev.jsonl.xz", TAGGING / "test.jsonl.xz"]
    records = [(r["id"], path.name.split(".")[0], r["text"]) for path in paths for r in load(path)]
    new = {r["id"] for r in load(args.new)} if args.new else set()
    records += [(r["id"], "new", r["text"]) for r in load(args.new)] if args.new else []
    split = {record_id: name for record_id, name, _ in records}
    pairs = copies(records)
    kinds = Counter("/".join(sorted((split[a], split[b]))) for _, a, b in pairs)
    for share, a, b in sorted(pairs, reverse=True):
        if not new or a in new or b in new:
            print(f"{share:.2f}  {a} ({split[a]})  {b} ({split[b]})")
    print(f"{len(records)} texts, {len(pairs)} pairs of one story: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
