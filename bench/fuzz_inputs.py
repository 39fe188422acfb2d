"""Hostile input at volume: mutated saved pages and random bytes through decoding, extraction and tagging.

    python bench/fuzz_inputs.py [--count 10000] [--seed 1] [--json FILE]

Reports exceptions (there should be none) and the slowest input. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from pathlib import Path

from parkwatch.extract import extract_article
from parkwatch.mentions import ArticleText
from parkwatch.tagging import make_manager, tag

FILES = Path(__file__).resolve().parents[1] / "tests" / "files"
JUNK = [b"<", b">", b"</div>", b"<script>", b"\x00", b"\xff\xfe", b"\xe5\x9b", b"&#", b"<!--", b"]]>", b"\x1b",
        "區(qū)".encode(), "發(fā)".encode(), b"<meta charset='big5'>", b"<title>", "〔2024〕".encode()]


def mutate(page: bytes, rng: random.Random) -> bytes:
    data = bytearray(page[: rng.randint(0, len(page))] if rng.random() < 0.3 else page)
    for _ in range(rng.randint(1, 12)):
        position = rng.randint(0, len(data))
        choice = rng.random()
        if choice < 0.4:
            data[position:position] = rng.choice(JUNK)
        elif choice < 0.7 and data:
            del data[position : position + rng.randint(1, 200)]
        else:
            data[position:position] = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 64)))
    return bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pages = [p.read_bytes() for p in sorted(FILES.glob("*.html"))]
    pm = make_manager(load_entry_points=False)
    failures, slowest, started = 0, (0.0, -1), time.perf_counter()
    for number in range(args.count):
        data = mutate(rng.choice(pages), rng) if rng.random() < 0.9 else bytes(rng.getrandbits(8) for _ in range(2000))
        begin = time.perf_counter()
        try:
            article = extract_article(data, f"http://fuzz.example.cn/t20240913_{number}.html")
            tag(ArticleText(article.text or "", region="四川省绵阳市"), pm)
        except Exception:
            failures += 1
            print(f"input {number}: {traceback.format_exc(limit=3)}", file=sys.stderr)
        slowest = max(slowest, (time.perf_counter() - begin, number))
        if (number + 1) % 1000 == 0:
            print(f"{number + 1} inputs, {failures} exceptions", flush=True)
    total = time.perf_counter() - started
    print(f"{args.count} inputs in {total:.1f} s: {failures} exceptions; slowest {slowest[0] * 1000:.0f} ms (input {slowest[1]})")
    if args.json:
        Path(args.json).write_text(json.dumps({"count": args.count, "seed": args.seed, "seconds": total,
                                               "exceptions": failures, "slowest_ms": slowest[0] * 1000}),
                                   encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
