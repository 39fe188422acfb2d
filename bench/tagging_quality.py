"""Park and policy tagging quality on hand-labelled real news, beside a naive tagger.

    python bench/tagging_quality.py [--set tests/files/tagging/test.jsonl.xz ...] [--mistakes N] [--json FILE]

``bench/tagging_before.json`` holds the figures of the tagger before issue 12 (commit d77ae98) on the same sets,
made by running this script against that commit's package; they are shown beside in bench/RESULTS.md.

Each set is scored as ``parkwatch tag`` sees text (no site region): precision and recall per kind, with exact
spans and with overlapping spans, and the negative texts in which a park was tagged; and parks and policies ``per text``, as a
watch sees them (a park counts once in a text: found when any of its mentions is tagged, right when any of its tagged
mentions is labelled; ``tp`` there counts right parks, ``fn`` labelled parks not found), and ``ids``: of the park
mentions tagged at a labelled span, how many name the labelled park (``tag_eval.same_park``, or ``listed_code``: the
gazetteer lists the label's name, a renamed zone's old name included, under the mention's id), and how many labelled
parks a text's mentions split over two ids or more (a watch sees a park only under its id). The naive tagger is what a
user could write in an afternoon: the 2018 catalogue's names, their 高新区/经开区 short forms and a suffix regular
expression (…产业园, …工业园区, …开发区, …新区, …综合保税区) for parks, 《…》 titles for policies.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import ahocorasick_rs

from parkwatch.gazetteer import shipped_csv
from parkwatch.mentions import ArticleText, simplified_same_length
from parkwatch.tag_eval import load, park_ids, score, score_per_text
from parkwatch.tagging import foreign_plugins, make_manager, tag

BEFORE = Path(__file__).resolve().parent / "tagging_before.json"  # the tagger of the commit before issue 12
SETS = [Path(__file__).resolve().parents[1] / "tests" / "files" / "tagging" / f"{name}.jsonl.xz" for name in ("dev", "test")]
_NAIVE_SUFFIX = re.compile(r"[\u4e00-\u9fff]{2,6}(?:产业园区|工业园区|产业园|工业园|经济技术开发区|经济开发区|高新技术产业开发区|"
                           r"开发区|高新区|经开区|新区|综合保税区)")
_NAIVE_POLICY = re.compile(r"《[^《》\n]{2,80}》")


@lru_cache(maxsize=1)
def _naive_automaton() -> ahocorasick_rs.AhoCorasick:
    names = set()
    for row in shipped_csv("devzones_2018.csv"):
        name = row["开发区名称"]
        names.add(name)
        for long, short in (("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区")):
            if name.endswith(long):
                names.add(name[: -len(long)] + short)
    return ahocorasick_rs.AhoCorasick(sorted(names))


def naive(record: dict) -> list[tuple[str, int, int, str]]:
    simplified = simplified_same_length(record["text"])
    spans = [(start, end) for _, start, end in _naive_automaton().find_matches_as_indexes(simplified, overlapping=True)]
    spans += [m.span() for m in _NAIVE_SUFFIX.finditer(simplified)]
    spans.sort(key=lambda s: (s[0], s[0] - s[1]))
    chosen, last = [], -1
    for start, end in spans:
        if start >= last:
            chosen.append(("park", start, end, simplified[start:end]))
            last = end
    return chosen + [("policy", *m.span(), m.group(0)) for m in _NAIVE_POLICY.finditer(simplified)]


def parkwatch_tagger():
    pm = make_manager(load_entry_points=False)

    def predict(record: dict) -> list[tuple[str, int, int, str]]:
        return [(m.kind, m.start, m.end, m.id or m.canonical, m.canonical)
                for m in tag(ArticleText(record["text"], id=record["id"]), pm)]

    return predict


def evaluate(path: Path, mistakes: int = 0) -> dict:
    records = load(path)
    taggers = {"parkwatch": parkwatch_tagger(), "naive": naive}
    cache = {name: {r["id"]: t(r) for r in records} for name, t in taggers.items()}
    figures: dict = {"set": path.name.removesuffix(".xz"), "texts": len(records),
                     "negatives": sum(1 for r in records if not r.get("is_park_news", True)),
                     "provinces": len({r["province"] for r in records})}
    for name in taggers:
        for kind in ("park", "policy"):
            for mode in ("exact", "overlap"):
                result = score(records, lambda r, name=name: cache[name][r["id"]], kind, overlap=mode == "overlap")
                figures[f"{name}/{kind}/{mode}"] = result.as_dict()
                if mistakes and name == "parkwatch" and mode == "exact":
                    print(f"--- {path.name} {kind}: {len(result.mistakes)} mistakes", *result.mistakes[:mistakes],
                          sep="\n  ", file=sys.stderr)
            figures[f"{name}/{kind}/per text"] = score_per_text(records, lambda r, name=name: cache[name][r["id"]], kind).as_dict()
    ids = park_ids(records, lambda r: cache["parkwatch"][r["id"]])
    figures["parkwatch/park/ids"] = ids.as_dict()
    if mistakes:
        print(f"--- {path.name} park ids: {len(ids.differing)} differ", *ids.differing[:mistakes], sep="\n  ", file=sys.stderr)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", type=Path, help="labelled JSON-lines file (default: dev and test)")
    parser.add_argument("--mistakes", type=int, default=0, help="print up to N mistakes per kind (exact spans)")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--before", type=Path, default=BEFORE,
                        help="figures of an earlier tagger on the same sets, shown beside (default: %(default)s)")
    args = parser.parse_args(argv)
    if (problem := foreign_plugins()) is not None:
        parser.error(problem)  # figures of one checkout's engine with another's rules
    results = [evaluate(path, args.mistakes) for path in args.set or SETS if path.exists()]
    for figures in results:
        print(f"{figures['set']}: {figures['texts']} texts ({figures['negatives']} negatives, "
              f"{figures['provinces']} provinces)")
        for key, value in figures.items():
            if isinstance(value, dict) and "compared" in value:
                print(f"  {key:28} {value['same']} of {value['compared']} exact park mentions name the labelled park"
                      f" ({value['share']:.3f}); {value['split']} of {value['parks']} labelled parks under two ids or more in a text;"
                      f" {value.get('listed_same', 0)} of {value.get('listed', 0)} mentions of listed parks under the park's own id")
            elif isinstance(value, dict):
                print(f"  {key:28} P {value['precision']:.3f}  R {value['recall']:.3f}  F1 {value['f1']:.3f}"
                      f"  (tp {value['tp']}, fp {value['fp']}, fn {value['fn']}; negatives with parks "
                      f"{value['negatives_with_parks']})")
    if args.json:
        before = json.loads(args.before.read_text(encoding="utf-8")) if args.before and args.before.exists() else {}
        Path(args.json).write_text(json.dumps({"sets": results, "before": before.get("sets", []),
                                               "before_commit": before.get("commit")}, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    return 0 if results else 1


if __name__ == "__main__":
    sys.exit(main())
