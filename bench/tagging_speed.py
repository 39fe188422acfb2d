"""Tagging throughput on 1 MB (or more) of park news, beside the floor of one pass of the park names.

    python bench/tagging_speed.py [--megabytes 1] [--repeat 3] [--texts FILE ...] [--json FILE]

The text is the sample web's articles repeated until the size is reached, tagged article by article
with every built-in plugin, as the crawl pipeline does; with ``--texts``, the texts of labelled JSON-lines files
instead (``tests/files/tagging/dev.jsonl.xz`` …), each once, as stored (pinyin artifacts and all). The floor is one Aho-Corasick pass of the park
gazetteer over the same text: the part no tagger can avoid.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--texts", action="append", type=Path, help="tag these labelled JSON-lines files instead")
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
    if args.json:
        Path(args.json).write_text(json.dumps({"bytes": size, "articles": len(articles), "mentions": mentions,
                                               "tag_seconds": best_tag, "tag_runs": runs, "floor_seconds": best_floor,
                                               "repeat": args.repeat}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
