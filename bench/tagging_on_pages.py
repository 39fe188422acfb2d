"""Tags on raw pages: what a watch would see from each page as a server sends it, against the page's reference text.

    python bench/tagging_on_pages.py [--eval-dir ../shared/eval] [--sets daniel_zh,magic_html,cwce] [--limit N]
                                     [--json FILE]

For each page of ``../shared/eval/zh`` (original bytes, with a hand-made reference text), the parks, policies and
places the tagger finds in (a) the reference text, (b) parkwatch's extraction of the raw page and (c) trafilatura's
(``bare_extraction``, as a user runs it), each as a set of ids per page, as a watch sees them. (a) is the truth
here: a tag found only in (b) or (c) is an alert the page's navigation, related links or other chrome set off (or a
tag the reference text spells differently); a tag only in (a) is one a watch misses because extraction dropped its
text. Precision and recall per kind, summed over pages, and the pages with a park or policy tag the reference text
lacks. Where a set's references include the headline (daniel_zh), each extraction is tagged with its headline.
This measures extraction's effect on tags, not the tagger (the labelled sets of ``bench/tagging_quality.py`` do).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from parkwatch.evaluate import eval_dir as find_eval_dir
from parkwatch.evaluate import iter_sets, read_case
from parkwatch.mentions import ArticleText
from parkwatch.tagging import foreign_plugins, make_manager, tag

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_quality import HEADLINE_SETS, run_parkwatch, run_trafilatura  # noqa: E402

SETS = ["daniel_zh", "magic_html", "cwce"]
KINDS = ("park", "policy", "region")
EXTRACTORS = {"parkwatch": run_parkwatch, "trafilatura": run_trafilatura}


def tag_ids(text: str, manager) -> set[tuple[str, str]]:
    """The (kind, id) of every park, policy and place tagged in *text*."""
    return {(m.kind, m.id or m.canonical) for m in tag(ArticleText(text or ""), manager) if m.kind in KINDS}


def score(eval_dir: Path, sets: list[str], limit: int) -> dict:
    manager = make_manager(load_entry_points=False)
    counts: Counter[tuple[str, str, str]] = Counter()
    pages = 0
    for set_name, cases in iter_sets(eval_dir, sets):
        for case in cases[:limit] if limit else cases:
            pages += 1
            truth = tag_ids(case.ref_text, manager)
            data = read_case(case)
            for name, extract in EXTRACTORS.items():
                try:
                    text, _, title = extract(data, case.url)
                except Exception as exc:  # a crash finds nothing, and is reported
                    print(f"  {name} failed on {case.id}: {exc!r}", file=sys.stderr)
                    text, title = "", None
                found = tag_ids(f"{title or ''}\n{text}" if set_name in HEADLINE_SETS else text, manager)
                for kind in KINDS:
                    expected = {t for t in truth if t[0] == kind}
                    got = {t for t in found if t[0] == kind}
                    counts[name, kind, "tp"] += len(expected & got)
                    counts[name, kind, "fp"] += len(got - expected)
                    counts[name, kind, "fn"] += len(expected - got)
                counts[name, "pages", "spurious"] += any(t[0] in ("park", "policy") for t in found - truth)
        print(f"{set_name}: done", file=sys.stderr, flush=True)
    figures: dict = {"pages": pages, "sets": sets, "limit": limit}
    for name in EXTRACTORS:
        for kind in KINDS:
            tp, fp, fn = (counts[name, kind, k] for k in ("tp", "fp", "fn"))
            figures[f"{name}/{kind}"] = {"tp": tp, "fp": fp, "fn": fn, "precision": tp / max(1, tp + fp),
                                         "recall": tp / max(1, tp + fn)}
        figures[f"{name}/pages_with_spurious"] = counts[name, "pages", "spurious"]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", help="the eval folder (default: ../shared/eval or $PARKWATCH_SHARED/eval)")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set (0: all)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if (problem := foreign_plugins()) is not None:
        parser.error(problem)  # figures of one checkout's engine with another's rules
    eval_dir = find_eval_dir(args.eval_dir)
    if not eval_dir.is_dir():
        print(f"skipped: no evaluation data at {eval_dir} (pass --eval-dir)")
        return 0
    figures = score(eval_dir, args.sets.split(","), args.limit)
    print(f"{figures['pages']} pages ({', '.join(figures['sets'])}); tags of each extraction against the reference text's")
    for name in EXTRACTORS:
        for kind in KINDS:
            f = figures[f"{name}/{kind}"]
            print(f"  {name:12} {kind:7} P {f['precision']:.3f}  R {f['recall']:.3f}  (tp {f['tp']}, fp {f['fp']}, fn {f['fn']})")
        print(f"  {name:12} pages with a park or policy tag the reference lacks: {figures[f'{name}/pages_with_spurious']}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
