"""The web view on a large database: time to answer the home page, a park page, a story and a search.

    python bench/serve_speed.py [--db PATH | --articles N] [--repeat 5] [--json FILE]

*PATH* is a database made by ``bench/scale.py --db PATH``; without it, one of *N* articles (default 1,000,000)
is made the same way in a temporary folder and removed afterwards. Its synthetic articles
have no mentions or stories yet: one park mention and one story per article are added in bulk (once), as the
tagger and the clustering would have. Pages are fetched through Datasette's own ASGI client in this process
(no network), each ``--repeat`` times; the median and the worst are reported.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

from parkwatch.store import Store


def prepare(db: Path) -> str:
    """Add a park mention and a story per article where missing; returns the busiest park's id."""
    with Store(db) as store:
        if not store.db.execute("SELECT 1 FROM mentions LIMIT 1").fetchone():
            with store.db.conn:
                store.db.execute(
                    "INSERT INTO mentions (article_id, kind, entity_id, canonical, surface, start, \"end\", plugin) "
                    "SELECT id, 'park', substr(title, 1, instr(title, '新闻') - 1), substr(title, 1, instr(title, '新闻') - 1), "
                    "substr(title, 1, instr(title, '新闻') - 1), 0, 5, 'parks' FROM articles")
                store.db.execute("INSERT OR IGNORE INTO stories (id, title, published_at, representative_id, copies) "
                                 "SELECT story_id, title, published_at, id, 1 FROM articles")
        return store.db.execute("SELECT entity_id FROM mentions GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1"
                                ).fetchone()[0]


async def measure(db: Path, paths: dict[str, str], repeat: int) -> dict[str, dict[str, float]]:
    from parkwatch.web.server import build

    datasette = build(db)
    out = {}
    for name, path in paths.items():
        times = []
        for _ in range(repeat):
            begin = time.perf_counter()
            response = await datasette.client.get(path)
            times.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        out[name] = {"median_ms": statistics.median(times), "max_ms": max(times), "path": path}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="a database made by bench/scale.py --db PATH")
    parser.add_argument("--articles", type=int, default=1_000_000, help="without --db: articles to generate")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    folder = None
    if args.db:
        db = Path(args.db)
    else:
        import shutil
        import tempfile

        import scale  # bench/scale.py: the same synthetic articles

        folder = Path(tempfile.mkdtemp(prefix="parkwatch-serve-"))
        db = folder / "serve.db"
        scale.main(["--articles", str(args.articles), "--db", str(db), "--queries", "1"])
    park = prepare(db)
    with Store(db) as store:
        articles = store.article_count()
        story = store.db.execute("SELECT max(id) FROM stories").fetchone()[0]
    from urllib.parse import quote

    paths = {"home": "/", "park page": f"/parks/{quote(park)}", "story page": f"/stories/{story}",
             "search (one row per story)": "/search?q=" + quote("宁德时代")}
    figures = asyncio.run(measure(db, paths, args.repeat))
    print(f"{articles:,} articles in {db}")
    for name, f in figures.items():
        print(f"  {name:28} median {f['median_ms']:8.1f} ms   worst {f['max_ms']:8.1f} ms   ({f['path']})")
    if args.json:
        Path(args.json).write_text(json.dumps({"articles": articles, "pages": figures}, ensure_ascii=False),
                                   encoding="utf-8")
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
