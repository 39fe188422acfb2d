"""Build ``parkwatch/data/name_ending_verbs.csv``: verbs that end a park's name when written before it (视察|长江工业园),
from jieba's dictionary, beyond the hand-written stop words of ``plugins/park_words.py``.

    pip download jieba==0.42.1 --no-deps && tar xzf jieba-0.42.1.tar.gz
    python bench/name_ending_verbs.py --jieba-dict jieba-0.42.1/jieba/dict.txt

Kept: words jieba tags ``v`` (verb), two or three Chinese characters, used at least ``--min-frequency`` times in
jieba's counts, that are no place name and occur in no park name the gazetteers list (with their aliases) nor in any
park labelled in the dev split (开发, 创新, 示范, 孵化, 制造 … make names, so they stay out). Each verb keeps the
characters after it that make a word jieba tags otherwise (负责|人: 负责人 is a noun, so 负责人及经开区 keeps no
verb). The held-out test split is never read.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parkwatch.extract.normalize import simplify  # noqa: E402
from parkwatch.gazetteer import parks, regions  # noqa: E402
from parkwatch.tag_eval import load  # noqa: E402
from plugins.park_words import _STOP_WORDS  # noqa: E402

_HAN = re.compile(r"[\u4e00-\u9fff]{2,3}")


def read_dictionary(path: Path) -> dict[str, tuple[int, str]]:
    """jieba's ``dict.txt``: word → (frequency, part of speech)."""
    words = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, frequency, pos = line.split()
        words[word] = (int(frequency), pos)
    return words


def park_names(labelled: Path) -> str:
    """Every park name and alias the gazetteers list and every park surface labelled in *labelled*, one a line."""
    names = {alias.lstrip("~") for park in parks().by_code.values() for alias in (park.name, *park.aliases)}
    names |= {simplify(p["surface"]) for record in load(labelled) for p in record["parks"]}
    return "\n".join(sorted(names))


def name_ending_verbs(words: dict[str, tuple[int, str]], names: str, min_frequency: int) -> dict[str, list[str]]:
    """The verbs kept (see the module's doc), each with the continuations that make it part of a longer word."""
    stop_words = set(_STOP_WORDS)
    index = regions()
    verbs = {w for w, (f, pos) in words.items()
             if pos == "v" and f >= min_frequency and _HAN.fullmatch(w) and w not in stop_words and w not in names
             and not any(h[:2] == (0, len(w)) for h in index.find(w))}
    continuations: dict[str, set[str]] = defaultdict(set)
    for word, (frequency, pos) in words.items():
        if pos == "v" or frequency < 20:
            continue
        for cut in (1, 2):
            if len(word) > cut and word[:-cut] in verbs:
                continuations[word[:-cut]].add(word[-cut:])
    return {v: sorted(continuations.get(v, ())) for v in sorted(verbs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jieba-dict", type=Path, required=True, help="dict.txt of the jieba 0.42.1 source package")
    parser.add_argument("--labelled", type=Path, default=ROOT / "tests/files/tagging/dev.jsonl.xz")
    parser.add_argument("--min-frequency", type=int, default=300)
    parser.add_argument("--out", type=Path, default=ROOT / "parkwatch/data/name_ending_verbs.csv")
    args = parser.parse_args()
    verbs = name_ending_verbs(read_dictionary(args.jieba_dict), park_names(args.labelled), args.min_frequency)
    with args.out.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["verb", "not_before"])
        writer.writerows([verb, "|".join(after)] for verb, after in verbs.items())
    print(f"{len(verbs)} verbs, {sum(1 for a in verbs.values() if a)} with continuations → {args.out}")


if __name__ == "__main__":
    main()
