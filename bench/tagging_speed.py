"""Tagging throughput on 1 MB (or more) of park news, beside the floor of one pass of the park names.

    python bench/tagging_speed.py [--megabytes 1] [--repeat 3] [--texts FILE ...] [--workers N] [--json FILE]

The text is the sample web's articles repeated until the size is reached, tagged article by article
with every built-in plugin, as the crawl pipeline does; with ``--workers N``, also by N worker processes at once, as a
crawl's worker pool does (``PARKWATCH_WORKERS``, by default one per core): the wall time of the whole text, the
articles' pickling to and from the workers included; with ``--texts``, the texts of labelled JSON-lines files
instead (``tests/files/tagging/dev.jsonl.xz`` …), each once, as stored (pinyin artifacts and all). The floor is one Aho-Corasick pass of the park
gazetteer over the same text: the part no tagger can avoid.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from parkwatch.extract.repair import remove_pinyin_artifacts
from parkwatch.gazetteer import parks
from parkwatch.mentions import ArticleText
from parkwatch.sampleweb import SITES, load_articles
from parkwatch.tag_eval import read_lines
from parkwatch.tagging import foreign_plugins, make_manager, tag


def corpus(megabytes: float) -> list[ArticleText]:
    base = []
    for article in load_articles():
        if "paragraphs" not in article:  # a reprint: its text is another article's
            continue
        text, _ = remove_pinyin_artifacts("\n".join(article["paragraphs"]))
        base.append((text, SITES[article["site"]].config.get("region")))
    out, size, index = [], 0, 0
    while size < megabytes * 1_000_000:
        text, region = base[index % len(base)]
        out.append(ArticleText(text, region=region))
        size += len(text.encode("utf-8"))
        index += 1
    return out


def labelled_texts(paths: list[Path]) -> list[ArticleText]:
    """The ``text`` of every record of *paths*, once each."""
    return [ArticleText(json.loads(line)["text"]) for path in paths for line in read_lines(path) if line.strip()]


_MANAGER: Any = None  # a worker process's plugin manager


def _start_worker() -> None:
    """Load the plugins and gazetteers once per worker process, as a crawl's worker does."""
    global _MANAGER
    _MANAGER = make_manager(load_entry_points=False)
    tag(ArticleText("成都高新区"), _MANAGER)


def _tag_batch(articles: list[ArticleText]) -> int:
    return sum(len(tag(a, _MANAGER)) for a in articles)


def pool_runs(articles: list[ArticleText], workers: int, repeat: int, batch: int = 8) -> tuple[list[float], int]:
    """Wall seconds to tag *articles* with *workers* processes, *repeat* times, in batches of *batch* articles, and
    the mentions found (the same as in one process)."""
    batches = [articles[i : i + batch] for i in range(0, len(articles), batch)]
    runs, mentions = [], 0
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker) as pool:
        list(pool.map(_tag_batch, [articles[:1]] * (4 * workers)))  # every worker started and warm
        for _ in range(repeat):
            start = time.perf_counter()
            mentions = sum(pool.map(_tag_batch, batches))
            runs.append(time.perf_counter() - start)
    return runs, mentions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--texts", action="append", type=Path, help="tag these labelled JSON-lines files instead")
    parser.add_argument("--workers", type=int, default=0, help="also tag with this many worker processes at once")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if (problem := foreign_plugins()) is not None:
        parser.error(problem)  # figures of one checkout's engine with another's rules
    pm = make_manager(load_entry_points=False)
    articles = labelled_texts(args.texts) if args.texts else corpus(args.megabytes)
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    names = parks().names
    tag(articles[0], pm)  # warm up: gazetteers load once per process
    best_floor = float("inf")
    runs: list[float] = []
    mentions = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        mentions = sum(len(tag(a, pm)) for a in articles)
        runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        for a in articles:
            names.find(a.simplified)
        best_floor = min(best_floor, time.perf_counter() - start)
    best_tag = min(runs)
    print(f"text: {size / 1e6:.2f} MB in {len(articles)} articles, {mentions} mentions")
    print(f"tagging (all plugins): {best_tag:.3f} s  ({size / 1e6 / best_tag:.2f} MB/s; the best of "
          f"{', '.join(f'{run:.3f}' for run in runs)} s)")
    print(f"floor (one pass of the park names): {best_floor:.3f} s  ({size / 1e6 / best_floor:.2f} MB/s)")
    print(f"ratio: tagging takes {best_tag / best_floor:.1f}x the floor")
    figures = {"bytes": size, "articles": len(articles), "mentions": mentions, "tag_seconds": best_tag, "tag_runs": runs,
               "floor_seconds": best_floor, "repeat": args.repeat}
    if args.workers > 0:
        pooled, pool_mentions = pool_runs(articles, args.workers, args.repeat)
        print(f"tagging with {args.workers} worker processes: {min(pooled):.3f} s wall  ({size / 1e6 / min(pooled):.2f} MB/s; "
              f"the best of {', '.join(f'{run:.3f}' for run in pooled)} s)")
        figures.update(workers=args.workers, pool_seconds=min(pooled), pool_runs=pooled, pool_mentions=pool_mentions)
    if args.json:
        Path(args.json).write_text(json.dumps(figures), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
