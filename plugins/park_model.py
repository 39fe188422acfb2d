"""A learned second look at park mentions.

The rules find most parks and pass over some (a name without a place, a …园 of its own, a bare zone word read as
a kind); their sure cases are sure, their close calls are not. One logistic model over plain features of a span
(its suffix, the words around it, how often the text says it, which rule found it) decides the close calls:

* each mention the rules found is kept when the model gives it at least ``keep``;
* a longer or shorter span of a mention found (a named part after it, words or a place before it, the zone inside
  it) replaces the kept mentions it nests with when the model gives it at least ``add`` and more than each of them;
* each span the rules passed over (the name a suffix would have, cut at the same stop words) is added when the
  model gives it at least ``add`` and it overlaps nothing kept.

The weights are data (``parkwatch/data/park_model.json``), trained on the labelled dev split only by
``bench/train_park_model.py``; without the file the rules' mentions are returned unchanged.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import repeat
from operator import mul
from typing import Any

from parkwatch.gazetteer import Parks, ends_with_planning_region, parks, regions, shipped_json
from parkwatch.mentions import ArticleText, Mention, stable_id

from .park_names import Taken, _from_place, _name_window, _starts_word, _stops, _without_province
from .park_words import _CAMPUS, _NAME_CHAR, _SUFFIX_RE, fitting_antecedents, plain

# Heads the rules leave alone that labellers take as parks' names (济南新旧动能转换先行区, 青岛中德生态园, 上海虹桥商务区,
# 郑州航空港区|…产业集聚区, 内蒙古留创园, 重庆数创园): a span ending in one is a candidate, which the model decides like any other.
_MORE_HEADS = ("先行区", "示范园", "集中区", "集聚区", "聚集区", "创业园", "科创园", "商务区", "加工区", "贸易区", "创意园", "文创园", "创园",
               "创新港", "创新城", "创新区", "科学园", "生态园", "经济园", "产业城", "发展区", "工贸园", "化工区", "产业港", "智造园")
_MORE_HEADS_RE = re.compile("|".join(sorted(_MORE_HEADS, key=len, reverse=True)))
_SUFFIXES = ("高新技术产业开发区", "经济技术开发区", "综合保税区", "保税港区", "产业园区", "工业园区", "产业新城", "产业园", "工业园",
             "科技园", "物流园", "创新园", "开发区", "高新区", "经开区", "新区", "科技城", "科学城", "片区", "园区", "示范区", "合作区",
             "试验区", "实验区", "经济区", "集聚区", "功能区", "自贸区", "综保区", "保税区", "工业区", "起步区", "园", "城", "区") + _MORE_HEADS
_SUFFIX_END = re.compile("(?:" + "|".join(sorted(_SUFFIXES, key=len, reverse=True)) + ")$")


_NATIONAL_PLACE = re.compile(r"中国[(（]([\u4e00-\u9fff]{2,8})[)）]")


@lru_cache(maxsize=4096)
def _leading_place(name: str) -> tuple[str, int]:
    """The level of the place *name* starts with ('none' without one), and where that place ends."""
    hits = regions().find(name)
    if hits and hits[0][0] == 0:
        return hits[0][3][0].level, hits[0][1]
    national = _NATIONAL_PLACE.match(name)  # 中国(顺德)预制菜综合产业园: the place in brackets places the name
    if national and hits and hits[0][:2] == (national.start(1), national.end(1)):
        return hits[0][3][0].level, national.end()
    return "none", 0


@dataclass(frozen=True)
class ParkModel:
    """Weights of named features, an intercept and the two thresholds."""

    weights: dict[str, float]
    intercept: float
    keep: float
    add: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(map(mul, map(self.weights.get, features, repeat(0.0)), features.values()))
        return 1.0 / (1.0 + math.exp(-z))

    def to_dict(self) -> dict[str, Any]:
        return {"intercept": self.intercept, "keep": self.keep, "add": self.add, "weights": self.weights}


@lru_cache(maxsize=1)
def shipped_model() -> ParkModel | None:
    """The model shipped with parkwatch, or None when the package holds none."""
    data = shipped_json("park_model.json")
    return ParkModel(data["weights"], data["intercept"], data["keep"], data["add"]) if data else None


def candidate_spans(article: ArticleText, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans the rules passed over, outside *taken*: for each suffix, the name cut at its last stop word, the
    same from its first place name, and the bare suffix."""
    simplified, spans = article.simplified, []
    found = Taken(taken)
    suffixes = list(_SUFFIX_RE.finditer(simplified))
    more = [m for m in _MORE_HEADS_RE.finditer(simplified)
            if not any(s.start() < m.end() and m.start() < s.end() for s in suffixes)]  # a rule's suffix holds it
    for match in sorted(suffixes + more, key=lambda m: m.start()):
        if found.holds(match):
            continue  # the suffix starts or ends inside a mention found
        floor = found.floor(match.start())
        start, open_ended = _name_window(simplified, match.start(), floor)
        while open_ended and start > floor and match.start() - start < 18 and _NAME_CHAR.match(simplified[start - 1]):
            start -= 1  # the rules' reach ends inside a word (绿|色农副产品加工及装备制造产业园): a candidate starts at the word
        window = simplified[start : match.start()]
        stops = _stops(window)
        boundary = stops[-1].end() if stops else 0
        while window[boundary : boundary + 1] in ("-", "—", "–", "·"):
            boundary += 1  # ——湄洲湾北岸临港物流园: a dash opens a line, not a name
        if (bracket := _LEADING_BRACKETS.match(window, boundary)) is not None:
            boundary = bracket.end()  # (杨佩佩)太晋…融合发展区: a byline in brackets opens the line, not a name
        from_place = _from_place(window[boundary:], boundary, _starts_word(simplified, start + boundary))[0]
        for span in ((start + from_place, match.end()), (start + boundary, match.end()), (match.start(), match.end())):
            if span[1] - span[0] >= 2 and span not in spans and not _CAMPUS.search(simplified, *span):
                spans.append(span)
    return spans


# Words in brackets where a candidate would start ((杨佩佩)…): a byline or a note, never the start of a name.
_LEADING_BRACKETS = re.compile(r"[(（][^()（）]{1,12}[)）]")

# Parts a zone's name goes on with (岳阳临空经济区首开区, 赣江新区永修组团, 丰台科技园东三期): where a longer name may end.
_PART_END_RE = re.compile("(?:" + "|".join(sorted(_SUFFIXES, key=len, reverse=True)) + r"|首开区|启动区|核心区|组团|区域|地区|[一二三四五六七八九十]期)"
                          r"|[(（][\u4e00-\u9fff]{2,4}[)）]")
_NAME_PART = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]*")


def alternative_spans(article: ArticleText, mentions: list[Mention]) -> list[tuple[int, int, str, int]]:
    """Other spans for each mention the rules found, as (start, end, how, the mention's index): longer to the
    left (海南自由贸易港|海口江东新区, 钛及|新材料产业园), longer to the right over a part or a park named next to it
    (长春新区|北湖未来科学城, 万州经开区|高峰园, …临空经济区|(廊坊)), and shorter (石家庄高新区|生物医药产业园区,
    天津滨海新区|东疆保税港区). The model decides whether one names the park better than the mention."""
    simplified, out = article.simplified, []
    taken = Taken([(m.start, m.end) for m in mentions])
    seen = {(m.start, m.end) for m in mentions}

    def add(start: int, end: int, how: str, index: int) -> None:
        if end - start >= 2 and (start, end) not in seen:
            seen.add((start, end))
            out.append((start, end, how, index))

    for index, m in enumerate(mentions):
        name = simplified[m.start : m.end]
        window_start, _ = _name_window(simplified, m.start, taken.floor(m.start))
        window = simplified[window_start : m.start]
        for cut in {0, *(stop.end() for stop in _stops(window)), *(hit[0] for hit in regions().find(window))}:
            if cut < len(window):
                add(window_start + cut, m.end, "left", index)
        run = _NAME_PART.match(simplified, m.end, m.end + 12)
        ends = [part.end() for part in _PART_END_RE.finditer(simplified, m.end, min(len(simplified), run.end() + 6))
                if part.start() <= run.end() and not _stops(simplified[m.end : part.start()])]
        for end in ends[:2]:
            add(m.start, end, "right", index)
        for hit in regions().find(name):
            if hit[0] > 0:
                add(m.start + hit[0], m.end, "shorter", index)
        for stop in _stops(name):
            add(m.start + stop.end(), m.end, "shorter", index)
        for part in _SUFFIX_RE.finditer(name):
            if 2 <= part.end() < len(name) and _NAME_CHAR.match(name[part.end()]):
                add(m.start, m.start + part.end(), "shorter", index)
    return out


@dataclass(frozen=True)
class Found:
    """What the rules found in one text, as the features look it up."""

    mentions: tuple[Mention, ...]
    distinct: int
    surfaces: dict[str, int]
    ends: frozenset[int]
    antecedents: dict[str, list[Mention]] = field(default_factory=dict)  # a bare word's fitting mentions, once a text

    def fitting(self, simplified: str, word: str, before: int) -> set[str]:
        """The canonical names of the mentions ending by *before* that a bare zone *word* can refer to."""
        if word not in self.antecedents:
            self.antecedents[word] = fitting_antecedents(simplified, word, list(self.mentions))
        return {m.canonical for m in self.antecedents[word] if m.end <= before}

    @classmethod
    def of(cls, article: ArticleText, mentions: list[Mention]) -> Found:
        surfaces: dict[str, int] = {}
        for m in mentions:
            surface = article.simplified[m.start : m.end]
            surfaces[surface] = surfaces.get(surface, 0) + 1
        return cls(tuple(mentions), len({m.canonical for m in mentions}), surfaces, frozenset(m.end for m in mentions))


_COMPANY = re.compile(r"公司|集团|有限")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def features(article: ArticleText, start: int, end: int, source: str, found: bool, rules: Found) -> dict[str, float]:
    """Plain features of the span *start*–*end*: found by rule *source* or passed over, in a text where the rules
    found *rules*."""
    simplified = article.simplified
    distinct = rules.distinct
    name = plain(simplified[start:end])
    suffix, length, placed, desclen, bare, descriptor_keys, latin = _name_features(name)
    before = plain(simplified[max(0, start - 6) : start])
    after = plain(simplified[end : end + 6])
    f = {f"src={source}": 1.0, f"suf={suffix}": 1.0, f"src_suf={source}_{suffix}": 1.0, length: 1.0,
         f"cnt={min(simplified.count(simplified[start:end]), 4)}": 1.0,
         placed: 1.0, desclen: 1.0,
         f"b1={before[-1:]}": 1.0, f"b2={before[-2:]}": 1.0, f"a1={after[:1]}": 1.0, f"a2={after[:2]}": 1.0,
         f"distinct={min(distinct, 6)}": 1.0, f"pos={min(int(10 * start / max(1, len(simplified))), 9)}": 1.0,
         "found": 1.0 if found else 0.0, "bare": bare}
    f.update(descriptor_keys)
    if _COMPANY.search(simplified, max(0, start - 15), end + 15):
        f["company_near"] = 1.0
    if after.startswith("项目"):
        f["project_after"] = 1.0
    if rules.surfaces.get(simplified[start:end], 0) > (1 if found else 0):
        f["named_elsewhere"] = 1.0  # the same name found by a rule elsewhere in the text
    if before.endswith(("“", "\"", "「")):
        f["quoted"] = 1.0
    if before.endswith(("、", "和", "及")) and (start - 1 in rules.ends or start in rules.ends):
        f["listed_after_park"] = 1.0  # 南宁高新区、武鸣产业园: one of a list of parks
    if bare:
        fitting = rules.fitting(simplified, name, start)
        f[f"antecedents={min(len(fitting), 2)}"] = 1.0
    if latin:
        f["latin_or_digit"] = 1.0
    return f


@lru_cache(maxsize=65536)
def _name_features(name: str) -> tuple[str, str, str, str, float, dict[str, float], bool]:
    """The features of a span that its name alone decides (names recur across texts): its suffix, the length, place
    and descriptor keys, whether it is a bare zone word, the descriptor's characters and pairs (in the order the model
    was trained with; never changed by callers) and whether the descriptor holds Latin letters or digits."""
    suffix_match = _SUFFIX_END.search(name)
    suffix = suffix_match.group(0) if suffix_match else "other"
    level, place_end = _leading_place(name)
    core = name[place_end:]
    descriptor = core[: len(core) - len(suffix)] if suffix != "other" else core
    keys = dict.fromkeys([f"d2={descriptor[i : i + 2]}" for i in range(len(descriptor) - 1)]
                         + [f"d1={char}" for char in descriptor], 1.0)
    return (suffix, f"len={min(len(name), 14)}", f"placed={level}", f"desclen={min(len(descriptor), 8)}",
            1.0 if _SUFFIX_RE.fullmatch(name) else 0.0, keys, bool(_LATIN_OR_DIGIT.search(descriptor)))


def candidates(article: ArticleText, mentions: list[Mention],
               rules: Found | None = None) -> list[tuple[int, int, dict[str, float]]]:
    """The spans the rules passed over that could be added, with their features (a bare zone word only when a
    park of its kind is named before it: else it could refer to nothing; no …新区 the gazetteer lacks but one named
    for industry (工业新区, 临港新区); no regional plan's region)."""
    out, rules = [], rules or Found.of(article, mentions)
    for start, end in candidate_spans(article, [(m.start, m.end) for m in mentions]):
        if _SUFFIX_RE.fullmatch(article.simplified, start, end) and _antecedent(article, start, end, mentions) is None:
            continue
        if article.simplified.endswith("新区", start, end) and not _INDUSTRIAL_NEW_AREA.search(article.simplified, start, end):
            continue  # a new area the gazetteer lacks is a district, not a park; one named by its city alone the rules find
        if ends_with_planning_region(article.simplified[max(0, start - 12) : end]):
            continue  # 杭州湾经济区, 中原经济区: a regional plan's region
        if _is_kind(plain(article.simplified[start:end])):
            continue  # 跨境经济合作区: a kind of zone, no place to make it one
        out.append((start, end, features(article, start, end, "candidate", False, rules)))
    return out


def alternatives(article: ArticleText, mentions: list[Mention],
                 rules: Found | None = None) -> list[tuple[int, int, dict[str, float], int]]:
    """The other spans of the mentions the rules found (``alternative_spans``), with their features and the index
    of the mention each is an alternative of; none from a regional plan's region."""
    out, rules = [], rules or Found.of(article, mentions)
    for start, end, how, index in alternative_spans(article, mentions):
        if ends_with_planning_region(article.simplified[max(0, start - 12) : end]):
            continue
        base = mentions[index]
        f = features(article, start, end, f"alt_{how}", False, rules)
        f[f"alt_of={base.attrs.get('source')}"] = 1.0
        f[f"alt_{how}_delta={min(abs((end - start) - (base.end - base.start)), 6)}"] = 1.0
        extra = article.simplified[start : base.start] if start < base.start else article.simplified[base.end : end]
        if extra:
            f[f"alt_{how}_edge={extra[0] if how == 'left' else extra[-1]}"] = 1.0
            places = regions().find(extra)
            if places and places[0][1] == len(extra):
                f[f"alt_{how}_place"] = 1.0
        out.append((start, end, f, index))
    return out


# New areas named for industry (威海工业新区, 台州头门港新区, 眉山经开新区): zones, where a city's 新区 is a district.
_INDUSTRIAL_NEW_AREA = re.compile(r"(?:高|工业|经济|产业|科技|经开|临港|临空|港)新区$")

_KIND_ONLY = {"跨境经济", "边境经济", "跨境", "边境"}  # with a place a zone's name (东兴边境经济合作区), without one its kind


def _is_kind(name: str) -> bool:
    """A name without a place that is a kind of zone (跨境经济合作区); placeless names such as 未来科技城 or 零碳产业园
    are left to the model, which labellers' names of sub-parks teach."""
    suffix = _SUFFIX_RE.search(name)
    if suffix is None or suffix.end() != len(name) or suffix.start() == 0 or _leading_place(name)[1]:
        return False
    descriptor = name[: suffix.start()]
    return descriptor in _KIND_ONLY


def _antecedent(article: ArticleText, start: int, end: int, kept: list[Mention]) -> Mention | None:
    """For a bare zone word, the last park before it whose name ends like one of its kind."""
    word = plain(article.simplified[start:end])
    fits = fitting_antecedents(article.simplified, word, [m for m in kept if m.end <= start])
    return fits[-1] if fits else None


def second_look(article: ArticleText, mentions: list[Mention], model: ParkModel, index: Parks | None = None) -> list[Mention]:
    """*mentions* the model keeps, better spans it finds for them (named against *index*, the shipped gazetteer when
    not given), and the spans the rules passed over that it adds (see the module's doc)."""
    rules = Found.of(article, mentions)
    probability = {(m.start, m.end): model.probability(features(article, m.start, m.end, str(m.attrs.get("source")), True, rules))
                   for m in mentions}
    kept = [m for m in mentions if probability[(m.start, m.end)] >= model.keep or m.attrs.get("source") == "site"]  # the user said so
    scored = []
    for start, end, candidate in candidates(article, mentions, rules):
        p = model.probability(candidate)
        if p >= model.add:
            scored.append((p, start, end))
    kept = _with_better_spans(article, mentions, kept, model, rules, probability, index or parks())
    taken = [(m.start, m.end) for m in kept]
    added = []
    for p, start, end in sorted(scored, key=lambda x: (-x[0], x[1])):
        if any(s < end and start < e for s, e in taken):
            continue
        name = plain(article.simplified[start:end])
        if _SUFFIX_RE.fullmatch(name):
            antecedent = _antecedent(article, start, end, sorted(kept + added, key=lambda m: m.start))
            if antecedent is None:
                continue
            canonical, mention_id = antecedent.canonical, antecedent.id
        else:
            canonical = _without_province(name)
            mention_id = stable_id("P", canonical)
        added.append(Mention("park", article.text[start:end], start, end, canonical, mention_id,
                             attrs={"source": "model", "probability": round(p, 3)}))
        taken.append((start, end))
    return _without_dropped_antecedents(article, sorted(kept + added, key=lambda m: m.start), mentions)


def _with_better_spans(article: ArticleText, mentions: list[Mention], kept: list[Mention], model: ParkModel,
                       rules: Found, probability: dict[tuple[int, int], float], index: Parks) -> list[Mention]:
    """*kept* with a mention replaced by an alternative span the model finds likelier (at least ``add``) than every
    kept mention it overlaps, each of which it holds or lies in (*probability*: of each mention found)."""
    probability = dict(probability)
    chosen = {(m.start, m.end): m for m in kept}
    scored = [(model.probability(f), start, end, base) for start, end, f, base in alternatives(article, mentions, rules)]
    for p, start, end, base in sorted(scored, key=lambda x: (-x[0], x[1])):
        overlapped = [span for span in chosen if span[0] < end and start < span[1]]
        if p < model.add or any(not (start <= s and e <= end) and not (s <= start and end <= e) for s, e in overlapped) \
                or any(probability[span] >= p for span in overlapped):
            continue
        mention = _alternative_mention(article, start, end, mentions[base], sorted(chosen.values(), key=lambda m: m.start), index)
        if mention is None:
            continue
        zone = next((chosen[span] for span in overlapped if span[0] == start and span[1] < end and _listed(chosen[span])), None)
        if zone is not None and mention.id.startswith("P-"):  # a listed zone and its named part: the zone's entity, as the
            mention = replace(mention, canonical=zone.canonical, id=zone.id,  # rules give it (a watch on the zone sees it)
                              attrs={**zone.attrs, "source": "model", "part": article.text[zone.end : end]})
        for span in overlapped:
            del chosen[span]
        chosen[(start, end)] = replace(mention, attrs={**mention.attrs, "probability": round(p, 3)})
        probability[(start, end)] = p
    return sorted(chosen.values(), key=lambda m: m.start)


def _listed(mention: Mention) -> bool:
    """A mention naming a listed park itself (not a bare word read as one, not a name the gazetteers lack)."""
    return not mention.id.startswith("P-") and mention.attrs.get("source") != "anaphora"


def _alternative_mention(article: ArticleText, start: int, end: int, base: Mention, kept: list[Mention],
                         index: Parks) -> Mention | None:
    """The mention of an alternative span of *base*: the listed park its whole name is, when one; else the same park
    as *base* when it ends where *base* ends and *base* names a listed one (a place added or taken off in front); else
    the park its name makes. A bare word needs a park before it."""
    name = plain(article.simplified[start:end])
    attrs = {"source": "model"}
    if _SUFFIX_RE.fullmatch(name):
        antecedent = _antecedent(article, start, end, kept)
        if antecedent is None:
            return None
        return Mention("park", article.text[start:end], start, end, antecedent.canonical, antecedent.id, attrs=attrs)
    listed = index.named(name)
    if len(listed) == 1:
        park = listed[0]
        return Mention("park", article.text[start:end], start, end, park.name, park.code, attrs={"level": park.level, **attrs})
    if end == base.end and _listed(base):
        return Mention("park", article.text[start:end], start, end, base.canonical, base.id, attrs={**base.attrs, **attrs})
    canonical = _without_province(name)
    return Mention("park", article.text[start:end], start, end, canonical, stable_id("P", canonical), attrs=attrs)


def _without_dropped_antecedents(article: ArticleText, kept: list[Mention], found: list[Mention]) -> list[Mention]:
    """Bare zone words the rules read as a park the model then dropped (擦亮高新区 … 高新区): read again against the
    parks kept, the last fitting one before (else the first after); left as they are when none fits."""
    named = {m.canonical for m in kept if m.attrs.get("source") != "anaphora"}
    dropped = {m.canonical for m in found if m.attrs.get("source") != "anaphora"} - named
    if not dropped:
        return kept
    parks = [m for m in kept if m.attrs.get("source") != "anaphora"]
    out = []
    for m in kept:
        if m.attrs.get("source") == "anaphora" and m.canonical in dropped:
            fits = fitting_antecedents(article.simplified, plain(article.simplified[m.start : m.end]), parks)
            before = [f for f in fits if f.end <= m.start]
            antecedent = before[-1] if before else (fits[0] if fits else None)
            if antecedent is not None:
                m = replace(m, canonical=antecedent.canonical, id=antecedent.id,
                            attrs={**antecedent.attrs, "source": "anaphora"})
        out.append(m)
    return out
