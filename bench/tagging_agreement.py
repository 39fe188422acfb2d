"""How far two people labelling the same texts agree, beside the tagger, on the same texts.

    python bench/tagging_agreement.py [--first tests/files/tagging/dev.jsonl.xz] [--second tests/files/tagging/dev_second.jsonl.xz]

``--second`` holds texts labelled a second time, independently, by the guideline (``tests/files/tagging/README.md``
says how); ``--first`` is the set they were taken from (only the texts in both are scored). Scoring is
``bench/tagging_quality.py``'s (exact spans, pinyin artifacts at the ends ignored), each way round: the second
labeller against the first, the tagger against the first and against the second. Precision of the second labeller
against the first is recall the other way round, so one pair of figures says how far the labellers agree, the
ceiling any tagger can be measured to on such labels. The texts the first labelling marks not park news are counted
with a park span the reference labelling lacks, each way: how often a careful second person puts a park in a negative
text that its first labels leave without one, beside how often the tagger does (the held-out gate's negatives target).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from parkwatch.mentions import ArticleText
from parkwatch.tag_eval import LABEL_KEYS, load, score
from parkwatch.tagging import foreign_plugins, make_manager, tag

HERE = Path(__file__).resolve().parents[1] / "tests" / "files" / "tagging"


def labels_of(records: list[dict]) -> dict:
    """A predictor that answers each text with its labels in *records*."""
    by_id = {r["id"]: r for r in records}
    return lambda record: [(kind, label["start"], label["end"]) for kind, key in LABEL_KEYS.items()
                           for label in by_id[record["id"]].get(key, [])]


def agreement(first: list[dict], second: list[dict]) -> dict:
    """Figures per kind: the second labeller and the tagger against the first, the tagger against the second."""
    ids = {r["id"] for r in second}
    first = [r for r in first if r["id"] in ids]
    pm = make_manager(load_entry_points=False)
    found = {r["id"]: [(m.kind, m.start, m.end) for m in tag(ArticleText(r["text"], id=r["id"]), pm)] for r in first}
    tagger = lambda record: found[record["id"]]  # noqa: E731
    by_id = {r["id"]: r for r in second}
    second = [by_id[r["id"]] | {"is_park_news": r.get("is_park_news", True)} for r in first]  # negatives: the first's
    figures: dict = {"texts": len(first), "negatives": sum(not r.get("is_park_news", True) for r in first)}
    for kind in LABEL_KEYS:
        figures[f"second vs first/{kind}"] = score(first, labels_of(second), kind).as_dict()
        figures[f"tagger vs first/{kind}"] = score(first, tagger, kind).as_dict()
        figures[f"tagger vs second/{kind}"] = score(second, tagger, kind).as_dict()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--first", type=Path, default=HERE / "dev.jsonl.xz", help="the labelled set (default: %(default)s)")
    parser.add_argument("--second", type=Path, default=HERE / "dev_second.jsonl.xz",
                        help="some of its texts labelled again (default: %(default)s)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if (problem := foreign_plugins()) is not None:
        parser.error(problem)  # figures of one checkout's engine with another's rules
    if not args.second.exists():
        print(f"no second labelling at {args.second}", file=sys.stderr)
        return 1
    figures = agreement(load(args.first), load(args.second))
    print(f"{figures['texts']} texts labelled twice")
    for key, value in figures.items():
        if isinstance(value, dict):
            print(f"  {key:24} P {value['precision']:.3f}  R {value['recall']:.3f}  F1 {value['f1']:.3f}"
                  f"  (tp {value['tp']}, fp {value['fp']}, fn {value['fn']})")
    print(f"  texts the first labelling marks not park news: {figures['negatives']}; those with a park span the"
          " reference does not hold:")
    print("  " + ", ".join(f"{key.split('/')[0]} {figures[key]['negatives_with_parks']}"
                           for key in figures if key.endswith("/park")))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
