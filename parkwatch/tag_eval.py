"""Scoring park and policy tagging against hand-labelled texts.

Labelled sets are JSON lines, one text each (``../shared/eval/tagging/GUIDELINE.md``)::

    {"id", "url", "province", "is_park_news", "text",
     "parks": [{"surface", "start", "end", "canonical"}], "policies": [{"surface", "start", "end"}]}

A predicted mention is a true positive when it has exactly the labelled span (``exact``), or, for the
lenient figure, when it overlaps a labelled span not matched yet (``overlap``). Every other predicted
mention is a false positive, every unmatched label a false negative. :func:`score_per_text` counts parks or
policies once per text instead, as a watch sees them (one alert an article). A pinyin-annotation artifact at either end
of a span (``高新區(qū)``) is not counted as part of it, on either side: labellers differ on it, and it carries
no meaning.
"""

from __future__ import annotations

import json
import lzma
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parkwatch.extract.repair import pinyin_artifact_spans
from parkwatch.gazetteer import parks, places_only
from parkwatch.mentions import simplified_same_length

LABEL_KEYS = {"park": "parks", "policy": "policies"}
Span = tuple[int, int]


def read_lines(path: str | Path) -> list[str]:
    """The lines of a JSON-lines file, xz-compressed when its name ends in ``.xz`` (the labelled sets ship so)."""
    path = Path(path)
    if path.suffix == ".xz":
        with lzma.open(path, "rt", encoding="utf-8") as stream:
            return stream.read().splitlines()
    return path.read_text(encoding="utf-8").splitlines()


def load(path: str | Path) -> list[dict[str, Any]]:
    """The records of one JSON-lines file (``.jsonl`` or ``.jsonl.xz``), each label checked against its text."""
    records = []
    for number, line in enumerate(read_lines(path), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        for key in LABEL_KEYS.values():
            for label in record.get(key, []):
                if record["text"][label["start"] : label["end"]] != label["surface"]:
                    raise ValueError(f"{path}:{number}: {key} label {label['surface']!r} is not at "
                                     f"{label['start']}–{label['end']}")
        records.append(record)
    return records


@dataclass
class Score:
    """Counts of one kind over a set, with the mistakes for reading."""

    kind: str
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    negatives_with_parks: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        labelled = self.true_pos + self.false_neg
        return self.true_pos / labelled if labelled else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.true_pos, "fp": self.false_pos, "fn": self.false_neg,
                "negatives_with_parks": self.negatives_with_parks}


def _trimmed(span: Span, artifacts: list[Span]) -> Span:
    start, end = span
    for a_start, a_end in artifacts:
        if a_end == end and a_start > start:
            end = a_start
        if a_start == start and a_end < end:
            start = a_end
    return start, end


def _matches(gold: list[Span], found: list[Span], overlap: bool) -> tuple[set[int], set[int]]:
    """Indices of matched gold spans and of matched found spans (one-to-one)."""
    matched_gold: set[int] = set()
    matched_found: set[int] = set()
    for i, span in enumerate(found):
        for j, label in enumerate(gold):
            if j in matched_gold:
                continue
            if span == label or (overlap and span[0] < label[1] and label[0] < span[1]):
                matched_gold.add(j)
                matched_found.add(i)
                break
    return matched_gold, matched_found


def score(records: Iterable[dict[str, Any]], predict: Callable[[dict[str, Any]], Iterable[tuple[str, int, int]]],
          kind: str, overlap: bool = False) -> Score:
    """Score *predict* (record → ``(kind, start, end)`` mentions) on *records* for one *kind*."""
    result = Score(kind)
    for record in records:
        text = record["text"]
        artifacts = pinyin_artifact_spans(text)
        gold = sorted({_trimmed((label["start"], label["end"]), artifacts) for label in record.get(LABEL_KEYS[kind], [])})
        found = sorted({_trimmed((start, end), artifacts) for k, start, end, *_ in predict(record) if k == kind})
        matched_gold, matched_found = _matches(gold, found, overlap)
        result.true_pos += len(matched_found)
        result.false_pos += len(found) - len(matched_found)
        result.false_neg += len(gold) - len(matched_gold)
        if kind == "park" and not record.get("is_park_news", True) and len(found) > len(matched_found):
            result.negatives_with_parks += 1
        for i, (start, end) in enumerate(found):
            if i not in matched_found:
                result.mistakes.append(f"{record['id']}: wrong {text[start:end]!r} …{text[max(0, start - 8):end + 8]!r}")
        for j, (start, end) in enumerate(gold):
            if j not in matched_gold:
                result.mistakes.append(f"{record['id']}: missed {text[start:end]!r} …{text[max(0, start - 8):end + 8]!r}")
    return result


@dataclass
class PerText:
    """Parks or policies counted once per text: *found* those the tagger names (its mentions grouped by id), *right*
    of them those with a mention overlapping a label; *labelled* those labelled (labels grouped by canonical name, else
    as written), *reached* of them those with a label overlapping a tagged mention."""

    found: int = 0
    right: int = 0
    labelled: int = 0
    reached: int = 0
    negatives_with_parks: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.reached / self.labelled if self.labelled else 1.0

    def as_dict(self) -> dict[str, Any]:
        p, r = self.precision, self.recall
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
                "tp": self.right, "fp": self.found - self.right, "fn": self.labelled - self.reached,
                "negatives_with_parks": self.negatives_with_parks}


def score_per_text(records: Iterable[dict[str, Any]], predict: Callable[[dict[str, Any]], Iterable[tuple[str, int, int, str]]],
                   kind: str = "park") -> PerText:
    """Parks (or policies) per text rather than mentions: a labelled one counts as reached when the tagger marks any
    one of its mentions, a tagged one as right when any one of its mentions is labelled (overlapping spans). A park
    the tagger marks under another park's id still counts as reached: this measures finding, not naming."""
    result = PerText()
    for record in records:
        labelled: dict[str, list[Span]] = defaultdict(list)
        for label in record.get(LABEL_KEYS[kind], []):
            labelled[label.get("canonical") or label["surface"]].append((label["start"], label["end"]))
        found: dict[str, list[Span]] = defaultdict(list)
        for found_kind, start, end, key, *_ in predict(record):
            if found_kind == kind:
                found[key].append((start, end))
        label_spans = [span for spans in labelled.values() for span in spans]
        found_spans = [span for spans in found.values() for span in spans]
        right = sum(_overlaps(spans, label_spans) for spans in found.values())
        result.found += len(found)
        result.right += right
        result.labelled += len(labelled)
        result.reached += sum(_overlaps(spans, found_spans) for spans in labelled.values())
        if kind == "park" and not record.get("is_park_news", True) and right < len(found):
            result.negatives_with_parks += 1
    return result


def _overlaps(spans: list[Span], others: list[Span]) -> bool:
    return any(s < other_end and other_start < e for s, e in spans for other_start, other_end in others)


@dataclass
class ParkIds:
    """Of the park mentions tagged with exactly a labelled span, how many name the labelled park (:func:`same_park`, or
    the mention's id is the code of the gazetteer park the label's name is listed under: :func:`listed_code`)."""

    compared: int = 0
    same: int = 0
    parks: int = 0  # labelled parks (a text's labels grouped by name) with a mention tagged at a labelled span
    split: int = 0  # of them, those tagged under more than one id in their text
    listed: int = 0  # compared mentions whose labelled park the gazetteer lists (:func:`listed_code`)
    listed_same: int = 0  # of them, those tagged with exactly that park's id: what a watch on the park sees
    differing: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"compared": self.compared, "same": self.same, "share": round(self.same / self.compared, 3) if self.compared else 1.0,
                "parks": self.parks, "split": self.split, "listed": self.listed, "listed_same": self.listed_same}


_LONG_FORMS = (("高新技术产业开发区", "高新区"), ("高技术产业开发区", "高新区"), ("经济技术开发区", "经开区"),
               ("经济开发区", "开发区"), ("综合保税区", "综保区"), ("产业园区", "产业园"), ("工业园区", "工业园"))


def _park_name_core(name: str) -> str:
    """A park's name without what labellers and gazetteers write differently: script, dashes and dots, brackets,
    国家级/省级, long or short type words."""
    core = simplified_same_length(name)
    core = re.sub(r"[(（][^()（）]*[)）]", "", re.sub(r"[—–\-－·•・\s]", "", core))
    for word in ("国家级", "省级", "国家"):
        core = core.replace(word, "")
    for long, short in _LONG_FORMS:
        core = core.replace(long, short)
    return core


def same_park(tagged: str, labelled: str) -> bool:
    """Whether a tagged park's canonical name and a label's name the same park, leniently: one core name is the
    other's with places in front (甘肃兰州新区 and 兰州新区) or a part after (兰州新区化工园区). Names of one park that
    share no core, such as a renamed zone's old and new names, count as different."""
    a, b = _park_name_core(tagged), _park_name_core(labelled)
    if not a or not b:
        return False
    for short, long in ((a, b), (b, a)):
        at = long.find(short)
        if at == 0 or (at > 0 and places_only(long[:at])):
            return True
    return False


def listed_code(name: str) -> str | None:
    """The code of the one gazetteer park *name* is a name or alias of (a renamed zone's old name: its new entry's),
    by the tagger's own name index; None for a name the gazetteer lacks or two parks share."""
    name = simplified_same_length(name)
    hits = parks().find(name)
    if len(hits) != 1 or hits[0][:2] != (0, len(name)) or len(hits[0][3]) != 1:
        return None
    return hits[0][3][0].code


def park_ids(records: Iterable[dict[str, Any]],
             predict: Callable[[dict[str, Any]], Iterable[tuple[str, int, int, str, str]]]) -> ParkIds:
    """Name agreement on the park mentions *predict* (``(kind, start, end, id, canonical)``) tags with exactly a
    labelled span, and how many labelled parks a text's mentions split over more than one id: a watch on a park sees
    a mention only under the park's id."""
    result = ParkIds()
    for record in records:
        artifacts = pinyin_artifact_spans(record["text"])
        labelled = {_trimmed((label["start"], label["end"]), artifacts): label.get("canonical") or label["surface"]
                    for label in record.get("parks", [])}
        ids: dict[str, set[str]] = defaultdict(set)
        for kind, start, end, mention_id, canonical in predict(record):
            span = _trimmed((start, end), artifacts)
            if kind == "park" and span in labelled:
                ids[labelled[span]].add(mention_id)
                result.compared += 1
                code = listed_code(labelled[span])
                result.listed += code is not None
                result.listed_same += code is not None and mention_id == code
                if same_park(canonical, labelled[span]) or (mention_id and code == mention_id):
                    result.same += 1
                else:
                    result.differing.append(f"{record['id']}: {record['text'][start:end]!r} tagged {canonical!r}, "
                                            f"labelled {labelled[span]!r}")
        result.parks += len(ids)
        result.split += sum(len(found) > 1 for found in ids.values())
    return result
