"""Processing throughput on the same pages: lxml parsing alone (the floor), trafilatura alone, and parkwatch's
full processing (decode + extract + normalise + tag + store + story clustering), single process.

    python bench/throughput.py [--eval-dir ../shared/eval] [--pages 300] [--repeat 2] [--json FILE]

Pages come from ../shared/eval/zh (all sets), or the embedded sample web when that is absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import lxml.html
import trafilatura

from parkwatch.evaluate import eval_dir as find_eval_dir
from parkwatch.evaluate import iter_sets, read_case
from parkwatch.extract import extract_article
from parkwatch.mentions import ArticleText
from parkwatch.store import Store
from parkwatch.stories import StoryIndex
from parkwatch.tagging import foreign_plugins, make_manager, tag
from parkwatch.urls import article_id


def load_pages(eval_dir: Path | None, limit: int) -> list[tuple[bytes, str]]:
    pages: list[tuple[bytes, str]] = []
    if eval_dir and eval_dir.is_dir():
        for _, cases in iter_sets(eval_dir, ["daniel_zh", "magic_html", "cwce"]):
            pages += [(read_case(c), c.url or f"http://example.cn/{c.id}.html") for c in cases]
    else:
        from parkwatch.sampleweb import SITES, build_pages

        built = build_pages({k: f"http://{k}.example.cn" for k in SITES})
        pages = [(body, f"http://{site}.example.cn{path}") for site, table in built.items()
                 for path, (body, kind, *_) in table.items() if "html" in kind]
    return (pages * (limit // max(1, len(pages)) + 1))[:limit]


def lxml_only(pages: list[tuple[bytes, str]]) -> None:
    for body, _ in pages:
        lxml.html.document_fromstring(body)


def trafilatura_only(pages: list[tuple[bytes, str]]) -> None:
    for body, url in pages:
        trafilatura.bare_extraction(body, url=url, with_metadata=True)


def parkwatch_full(pages: list[tuple[bytes, str]]) -> None:
    pm = make_manager(load_entry_points=False)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        index = StoryIndex(store)
        for number, (body, url) in enumerate(pages):
            url = f"{url}#{number}" if "#" not in url else url
            article = extract_article(body, url)
            record = {"id": article_id(url + str(number)), "url": url, "canonical_url": url, "site": "bench",
                      "title": article.title, "text": article.text, "text_simplified": article.text_simplified,
                      "published_at": article.published_at, "fetched_at": "2024-01-01T00:00:00+00:00"}
            store.upsert_article(record)
            mentions = tag(ArticleText(article.text, title=article.title or ""), pm)
            store.replace_mentions(record["id"], [m.as_dict() for m in mentions])
            index.assign(record["id"])
        store.close()


def timed(function, pages, repeat: int) -> float:
    function(pages[:3])  # warm-up: imports, gazetteers
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(pages)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir")
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if (problem := foreign_plugins()) is not None:
        parser.error(problem)  # figures of one checkout's engine with another's rules
    eval_dir = find_eval_dir(args.eval_dir)
    pages = load_pages(eval_dir, args.pages)
    size = sum(len(b) for b, _ in pages) / 1e6
    source = "eval/zh" if eval_dir.is_dir() else "sample web"
    print(f"{len(pages)} pages, {size:.1f} MB "
          f"({source}), best of {args.repeat}, one process")
    results = {}
    for name, function in (("lxml parse only (floor)", lxml_only), ("trafilatura alone", trafilatura_only),
                           ("parkwatch full processing", parkwatch_full)):
        seconds = timed(function, pages, args.repeat)
        results[name] = len(pages) / seconds
        print(f"{name:28} {results[name]:8.1f} pages/s", flush=True)
    full, traf, floor = (results["parkwatch full processing"], results["trafilatura alone"],
                         results["lxml parse only (floor)"])
    print(f"ratios: parkwatch/trafilatura {full / traf:.2f}; parkwatch/lxml floor {full / floor:.3f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps({"pages": len(pages), "megabytes": size, "source": source,
                                               "repeat": args.repeat, "pages_per_second": results, "rss_mb": rss}),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
