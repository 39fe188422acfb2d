"""A learned second look at quoted names the policy rules pass over.

The rules take a quoted name as a campaign when a cue says so (an attached 行动/工程 head, a verb that carries it
out, the shipped programme list). Labellers take many more: “四个一”招商工作机制, “五大战役”招商活动, “双百日会战”.
One logistic model over plain features of each quoted name the rules left (its characters, its shape, the words
either side, how often the text quotes it) adds those it finds at least ``add`` likely.

The weights are data (``parkwatch/data/policy_model.json``), trained on the labelled dev split only by
``bench/train_policy_model.py``; without the file the rules' mentions are returned unchanged.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import Any

from parkwatch.gazetteer import shipped_json
from parkwatch.mentions import ArticleText, Mention, stable_id

QUOTED_RE = re.compile(r"[“\"「‘]([^“”\"「」‘’\n]{1,30})[”\"」’]")
_NUMERAL = frozenset("一二三四五六七八九十两双百千万0123456789")
# Words a few characters before a quoted name that carry it out or call it something (实施…“双百工程”, 誉为“…”), and
# kind words just after it (“…”品牌, “…”活动): features of the wider context.
_CARRYING_OUT = re.compile(r"实施|开展|推进|落实|深化|启动|打造|围绕|按照|聚焦|坚持|践行|推行|开启|吹响|称为|誉为|被评为|荣获|获评|号称|成为|"
                           r"打响|叫响|擦亮")
_KIND_AFTER = re.compile(r"活动|工作|机制|模式|改革|理念|要求|目标|品牌|称号|荣誉|项目|产业|经济|品质|精神|发展|建设|行动|工程|战略|计划|专项|"
                         r"攻坚|之城|之都|名片")


@dataclass(frozen=True)
class PolicyModel:
    """Weights of named features, an intercept and the threshold a quoted name is added at."""

    weights: dict[str, float]
    intercept: float
    add: float

    def probability(self, features: list[str]) -> float:
        z = self.intercept + sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-z))

    def to_dict(self) -> dict[str, Any]:
        return {"intercept": self.intercept, "add": self.add, "weights": self.weights}


@lru_cache(maxsize=1)
def shipped_policy_model() -> PolicyModel | None:
    """The model shipped with parkwatch, or None when the package holds none."""
    data = shipped_json("policy_model.json")
    return PolicyModel(data["weights"], data["intercept"], data["add"]) if data else None


def candidates(article: ArticleText, found: list[Mention]) -> list[tuple[int, int, list[str]]]:
    """Each quoted name that overlaps no mention in *found*, with its features."""
    simplified = article.simplified
    quoted = list(QUOTED_RE.finditer(simplified))
    times = Counter(m.group(1) for m in quoted)
    out = []
    for m in quoted:
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        out.append((m.start(), m.end(), features(simplified, m, times[m.group(1)])))
    return out


def features(simplified: str, match: re.Match[str], times: int) -> list[str]:
    """A quoted name's features: its characters and pairs, length, shape, first and last characters, the three
    characters either side, the carrying-out words up to twelve characters before it and the kind words up to eight
    after it, and how often the text quotes it."""
    name, start, end = match.group(1), match.start(), match.end()
    out = [f"u={c}" for c in name] + [f"b={name[i : i + 2]}" for i in range(len(name) - 1)]
    out += [f"len={min(len(name), 12)}", f"first={name[0]}", f"last={name[-1]}", f"last2={name[-2:]}",
            "numeral_first" if name[0] in _NUMERAL else "word_first",
            "has_numeral" if any(c in _NUMERAL for c in name) else "no_numeral",
            "shape=" + "".join("N" if c in _NUMERAL else "h" for c in name[:4]), f"times={min(times, 3)}"]
    before, after = simplified[max(0, start - 3) : start], simplified[end : end + 3]
    for k in (1, 2, 3):
        out += [f"before{k}={before[-k:]}", f"after{k}={after[:k]}"]
    out += [f"wb={w}" for w in set(_CARRYING_OUT.findall(simplified, max(0, start - 12), start))]
    out += [f"wa={w}" for w in set(_KIND_AFTER.findall(simplified, end, end + 8))]
    return out


def second_look(article: ArticleText, found: list[Mention], model: PolicyModel) -> list[Mention]:
    """*found* and each quoted name the rules passed over that *model* gives at least ``add``, as a campaign."""
    added = []
    for start, end, names in candidates(article, found):
        if model.probability(names) >= model.add:
            canonical = "“" + article.simplified[start + 1 : end - 1] + "”"
            added.append(Mention("policy", article.text[start:end], start, end, canonical, stable_id("L", canonical),
                                 attrs={"type": "campaign", "source": "model"}))
    return sorted(found + added, key=lambda m: m.start) if added else found


__all__ = ["PolicyModel", "candidates", "features", "second_look", "shipped_policy_model"]
