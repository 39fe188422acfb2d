"""What a committee site's ``park`` (sites.yaml) reaches, on the labelled dev split.

    python bench/tagging_site_park.py [--set tests/files/tagging/dev.jsonl.xz]

The texts whose labelled bare zone words (开发区, 高新区 …) all name one listed zone that the text never names in full are
what a zone committee's own site publishes. Each is tagged twice: as ``parkwatch tag`` sees it, and as if it came from
that zone's site (``ArticleText(park=…)``). Printed: the bare mentions tagged as the zone each way, and the site's
mentions the labellers left unlabelled. The setting is given the right answer, so this measures how far the mechanism
reaches (the kinds it fits, the generic uses it leaves alone), not how often users configure it. The held-out split is
never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parkwatch.extract.normalize import simplify  # noqa: E402
from parkwatch.gazetteer import parks  # noqa: E402
from parkwatch.mentions import ArticleText  # noqa: E402
from parkwatch.tag_eval import load  # noqa: E402
from parkwatch.tagging import make_manager, tag  # noqa: E402
from plugins.park_words import _ANAPHORA  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default=str(ROOT / "tests/files/tagging/dev.jsonl.xz"), help="labelled dev split")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    index, manager = parks(), make_manager(load_entry_points=False)
    texts = total = unlabelled = 0
    found = {"without": 0, "with the site's park": 0}
    for record in load(args.set):
        labels = record.get("parks", [])
        named = {label["canonical"] for label in labels if simplify(label["surface"]) not in _ANAPHORA}
        bare = [label for label in labels if simplify(label["surface"]) in _ANAPHORA and label["canonical"] not in named]
        zones = {label["canonical"] for label in bare}
        if len(zones) != 1 or len(listed := index.named(simplify(next(iter(zones))))) != 1:
            continue
        texts, total = texts + 1, total + len(bare)
        spans = {(label["start"], label["end"]) for label in labels}
        for way, park in (("without", None), ("with the site's park", listed[0].name)):
            mentions = [m for m in tag(ArticleText(record["text"], park=park), manager) if m.kind == "park"]
            by_span = {(m.start, m.end): m for m in mentions}
            found[way] += sum(1 for label in bare if getattr(by_span.get((label["start"], label["end"])), "id", None)
                              == listed[0].code)
            if park:
                unlabelled += sum(1 for m in mentions if m.attrs.get("source") == "site" and (m.start, m.end) not in spans)
    print(f"{texts} texts whose {total} labelled bare zone words name one listed zone the text never names in full")
    for way, count in found.items():
        print(f"  {way:22} {count} of {total} tagged as that zone")
    print(f"  the site's mentions the labellers left unlabelled: {unlabelled}")
    if args.json:
        figures = {"texts": texts, "bare": total, "found_without": found["without"],
                   "found_with_site_park": found["with the site's park"], "site_unlabelled": unlabelled}
        Path(args.json).write_text(json.dumps(figures), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
