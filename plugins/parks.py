"""Parks plugin: the 2018 catalogue, the zones since (``zones.csv``), the user's gazetteer, and parks found by pattern.

* Gazetteer names and generated aliases (高新技术产业开发区 → 高新区, with and without province, 省 and city,
  四川自贸试验区 …) are matched with an Aho-Corasick automaton; the id is the catalogue 代码, ``Z-…`` for a zone
  of ``zones.csv``, ``U-…`` for the user's. A mention starts at the place names written right before it and
  takes in a named part written right after it (南宁高新区武鸣产业园: one mention of the zone, ``attrs["part"]``).
* Parks none of them lists (…产业园, …工业园区, …科技城, 火炬(翔安)产业区 …) are found by pattern, their names
  cut at verbs, function words, times and amounts (推动绵阳高新区 → 绵阳高新区), with a stable ``P-…`` id.
* A bare zone word (高新区, 开发区, 新区, 起步区, 综保区 …) is the zone of that kind the text names before it (else
  after it); a bare 高新区/经开区 with none, the park of the county or city named in its paragraph, of the county
  the text names most or of the site's region; a bare 开发区 with none, the 经开区 of the county the text names most.
* Kinds, counts and lists (国家级经开区, 217家高新区, 全省开发区, 开发区、高新区) are not parks, nor are 公园, 校园,
  小区, 景区, 幼儿园, generic 园区 and a company's own 产业园.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Any

from parkwatch.gazetteer import (
    CITY_PROVINCES,
    Park,
    Parks,
    Region,
    is_place,
    parks,
    parks_with_gazetteer,
    places_only,
    regions,
    short_type,
)
from parkwatch.hookspecs import hookimpl
from parkwatch.mentions import UNLISTED_SOURCES, ArticleText, Mention, stable_id
from parkwatch.scan import AnchoredPattern

from .park_brackets import bracketed_other_names
from .park_model import ParkModel, second_look, shipped_model
from .park_names import (
    _BARE,
    _DEVELOPMENT_ZONES,
    Taken,
    _discover,
    _leading_places,
    _national_new_area,
    _park_of,
    _stops,
    _without_province,
)
from .park_parts import parts_named_alone
from .park_words import (
    _ANAPHORA,
    _BARE_TYPES,
    _COMMON_WORD_COUNTIES,
    _GENERIC,
    _NAME_CHAR,
    _NEVER,
    _STOP_RE,
    _SUFFIX_RE,
    _is_generic,
    fitting_antecedents,
    grows_after,
    kind_in_brackets_after,
    plain,
)

# A named part right after a zone: 南宁高新区武鸣产业园, 西部(重庆)科学城江津园区, 高新区电子科技园, 长沙片区雨花区块, 临空经济区首开区,
# 东兴产业园区启动区.
_SUBPARK = re.compile(r"^·?([(（][\u4e00-\u9fff]{0,4}(?:片区|[东西南北]区)[)）]|"  # 云南自贸区(昆明片区), 成都高新区(西区)
                      r"[\u4e00-\u9fff]{2,8}?(?:园区|分园|分区|创新区|产业园|工业园|科技园|电科园|数谷|示范区|片区|发展区|孵化园|创业园|示范园|生态园|化工园|物流园|科学园|创新园|经济园|"
                      r"加工区|加工园|工业区|拓展区|起步区|启动区|功能区|集中区|区块|(?<!企业)组团)|[\u4e00-\u9fff]{2,4}?(?:科学城|科技城|综合保税区|科学园)|[东西南北中主]片区|(?:经济综合)?实验区|"
                      r"高新技术产业开发区|综合保税区|综保区|直管园|拓展区|起步区|启动区|首开区|先导区|片区|[东西南北]区(?![域块])|[\u4e00-\u9fff]{2,3}园(?![区林艺博])|"
                      r"(?:(?!期)[\u4e00-\u9fff]){0,4}[A-Z]区(?![块域]))")  # 拉萨经开区C区, 银川高新区马家滩C区
# A kind word alone after a zone names no part of it.
_PART_PARK_HEADS = ("产业园", "工业园", "科技园", "电科园", "分园", "直管园", "孵化园", "创业园", "示范园", "生态园", "化工园", "物流园",
                    "科学园", "创新园", "经济园", "加工园")
_KIND_ALONE = {"产业园", "工业园", "园区", "产业园区", "工业园区"}
# The kinds a one-character form of a city names (哈经开区, 哈高新区): the press's short names of a city's zones.
_ONE_CHARACTER_KINDS = {"经开区", "高新区", "开发区"}
# A division of the 新疆生产建设兵团 written before its zone: 第一师阿拉尔经济技术开发区, 农八师石河子…
_DIVISION_BEFORE = re.compile(r"(?:第|农)[一二三四五六七八九十]{1,3}师$")
# A zone's name used for a street, a square or a station (光谷步行街, 世界光谷) is not the zone.
_PLACE_AFTER = re.compile(r"^(?:步行街|广场|大道|大街|路|街|地铁站|站|大走廊|走廊|号)")
# A nickname (光谷) that names a facility or area after it (光谷科学岛, 光谷国际外国语学校, 光谷文化中心) is not the zone.
_NAMED_AFTER_NICKNAME = re.compile(r"^(?:科学岛|科技创新大走廊|科创大走廊|科创走廊|国际|文化|人才|学校|中心|社区|医院|体育|实验室|大学|大悦城|总部|写字楼|广场|商城)")


@lru_cache(maxsize=64)
def _named_places(simplified: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """How often a text names each city (a county by its full name counting for its city), each province and each
    county by its full name (吴桥县, 古县), by region code; cached, so callers read them and never change them."""
    index = regions()
    cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    counties: Counter[str] = Counter()
    for _, end, key, cands in index.find(simplified):
        region = cands[0]
        if len(key) == 2 and simplified[end : end + 1] in ("域", "级"):
            continue  # 建成|县域: no county 成县
        if region.level == "province" and "+" not in region.code:  # 云南省, not 长三角 (four provinces)
            provinces[region.province] += 1
        county = region.level == "county" and key == region.name and len(cands) == 1
        if county:
            counties[region.code] += 1
        if region.level == "city" or county:
            city = index.city_of(region)
            if city:
                cities[city.code] += 1
    return cities, provinces, counties


def locality(article: ArticleText) -> tuple[str | None, str | None]:
    """``(province name, city short name)`` the article is about: the site's region, else the most named city."""
    index = regions()
    if article.region:
        found = index.lookup(article.region)
        city = next((index.city_of(r) for r in reversed(found) if index.city_of(r)), None)
        province = next((index.provinces.get(r.province) for r in found), None)
        if city or province:
            return (province.name if province else None), (city.short if city else None)
    counts, provinces, _ = _named_places(article.simplified)
    if not counts:
        return None, None
    # The most named city; of cities named as often, the one in the province the text names most, else the first.
    code = max(counts, key=lambda c: (counts[c], provinces[index.by_code[c].province]))
    city = index.by_code[code]
    return index.provinces[city.province].name, city.short


_SHIPPED: Any = object()  # marker: the model shipped with parkwatch


def park_mentions(article: ArticleText, index: Parks | None = None, model: ParkModel | None = _SHIPPED) -> list[Mention]:
    """The park mentions of *article*, against *index* (the catalogue and zones.csv when not given), with the
    learned second look of *model* (the shipped one when not given; None: the rules' mentions alone)."""
    index = index or parks()
    where = locality(article)  # read once: the rules, the model's bare words and the common names all need it
    rules = _rule_mentions(article, index, where)
    model = shipped_model() if model is _SHIPPED else model
    found = _with_name_before_dot(article, second_look(article, rules, model, index) if model is not None else rules, index)
    found = _bare_of_model_parks(article, _aliases_of_model_parks(article, found), index, where)
    found = bracketed_other_names(article, parts_named_alone(article, found, index), index)
    return _one_id_per_park(article, _without_bare_words_in_general(article, _same_names_elsewhere(article, found, index, where)),
                            index)


# Name parts many cities give their zones (江北新区, 空港工业园区, 中德产业园, 未来科学城): a listed zone's name made of one
# and a kind, without its place, names that zone only in a text about its own province.
_COMMON_NAME_PARTS = ("江北", "江南", "江东", "河西", "河东", "城东", "城西", "城南", "城北", "东部", "西部", "南部", "北部", "滨海",
                      "滨江", "临港", "临空", "空港", "中心", "未来", "中德", "中韩", "中日", "中法", "中欧", "金桥")


def _same_names_elsewhere(article: ArticleText, mentions: list[Mention], index: Parks,
                          where: tuple[str | None, str | None]) -> list[Mention]:
    """A listed zone named by a name part many cities use, in a text about another province that names neither the
    zone's province nor its place (芜湖 news on its 江北新区, not 南京江北新区): that place's own zone, named by the
    text's city, with an id of its own; its bare mentions follow it. *where*: the text's ``locality``."""
    simplified, moved = article.simplified, {}
    common = [m for m in mentions if m.attrs.get("source") in ("catalogue", "zones")
              and plain(simplified[m.start : m.end]).startswith(_COMMON_NAME_PARTS)]
    province, city = where
    if not common or province is None:
        return mentions
    for m in sorted(common, key=lambda m: m.end - m.start):  # the shortest name: 江北新区, not 江北新区大龙湾片区
        park = index.by_code.get(m.id)
        name = plain(simplified[m.start : m.end])
        if park is None or park.province == province or m.id in moved:
            continue
        places = {key for _, _, key, _ in regions().find(park.name)} | {park.province[:2]}
        if not any(place in simplified for place in places):
            moved[m.id] = (city or "").removesuffix("市") + name
    if not moved:
        return mentions
    return [replace(m, canonical=moved[m.id], id=stable_id("P", moved[m.id]), attrs={"source": "pattern"}) if m.id in moved else m
            for m in mentions]


def _without_bare_words_in_general(article: ArticleText, mentions: list[Mention]) -> list[Mention]:
    """A text that uses a zone word for the kind at least three times (全省开发区, 开发区建设, 各开发区 …) and names the
    zone a bare use would refer to once at most is about such zones in general: its bare uses of that word are the
    kind too, not that zone."""
    simplified = article.simplified
    bare = [m for m in mentions if simplified[m.start : m.end] in _ANAPHORA]
    if not bare:
        return mentions
    spans = [(m.start, m.end) for m in mentions]
    named = Counter(m.id for m in mentions if simplified[m.start : m.end] not in _ANAPHORA)
    general = set()
    for word in {simplified[m.start : m.end] for m in bare if simplified.count(simplified[m.start : m.end]) > 4}:
        uses = [match.start() for match in re.finditer(re.escape(word), simplified)
                if not any(start <= match.start() and match.end() <= end and end - start > len(word) for start, end in spans)]
        if sum(_is_generic(simplified, start, start + len(word)) or grows_after(simplified, start + len(word)) for start in uses) >= 3:
            general.add(word)
    if not general:
        return mentions
    return [m for m in mentions if simplified[m.start : m.end] not in general or named[m.id] > 1]


def _aliases_of_model_parks(article: ArticleText, found: list[Mention]) -> list[Mention]:
    """Short names a text defines, and zone words in brackets, right after a park only the learned second look found
    (周口港口物流产业集聚区(以下简称港区) … 港区): read as the rules read them after their own parks."""
    added = [m for m in found if m.attrs.get("source") == "model"]
    if not added:
        return found
    more = _aliases(article, added, [(m.start, m.end) for m in found])
    return sorted(found + more, key=lambda m: m.start) if more else found


def _bare_of_model_parks(article: ArticleText, found: list[Mention], index: Parks,
                         where: tuple[str | None, str | None]) -> list[Mention]:
    """Bare zone words whose zone only the learned second look found (绿色清真产业经济开发区 … 开发区): read against
    the parks found once the model has looked, as the rules read them against their own; only those that name a park
    the model added are added."""
    added = {m.id for m in found if m.attrs.get("source") == "model" and not _place_and_kind(article.simplified[m.start : m.end])}
    if not added:
        return found
    province, city = where
    named = sorted(found, key=lambda m: m.start)
    taken = Taken([(m.start, m.end) for m in found])
    out = list(found)
    for match in _SUFFIX_RE.finditer(article.simplified):
        if match.group(0) not in _ANAPHORA or taken.holds(match) \
                or _discover(article, match, province, city, index, taken.floor(match.start())) is not _BARE:
            continue
        before = [m for m in fitting_antecedents(article.simplified, match.group(0), named) if m.end <= match.start()]
        if not before or before[-1].id not in added:
            continue  # the zone named last before it is not one only the model found
        mention = _bare(article, match, province, city, named, index)
        if mention is not None and mention.id in added:
            out.append(mention)
            taken.add(mention.start, mention.end)
    return sorted(out, key=lambda m: m.start) if len(out) > len(found) else found


def _place_and_kind(name: str) -> bool:
    """A name that is places and a zone word alone (江西省开发区): a place's zones in general, no park for bare words to
    refer to."""
    return bool(_SUFFIX_RE.fullmatch(name[_leading_places(name)[1] :]))


# Type words written long or short (经开区, 经济开发区, 经济技术开发区): one form when names are compared in a text.
_TYPE_FORMS = (("高新技术产业开发区", "高新区"), ("高新技术开发区", "高新区"), ("经济技术开发区", "经开区"), ("经济开发区", "经开区"),
               ("综合保税区", "综保区"), ("产业园区", "产业园"), ("工业园区", "工业园"), ("科技园区", "科技园"))


def _name_key(name: str) -> str:
    for long, short in _TYPE_FORMS:
        if name.endswith(long):
            return name[: -len(long)] + short
    return name[:-3] + "经开区" if name.endswith("开发区") else name  # 沧州开发区: the press's short form of 沧州经济开发区


def _one_id_per_park(article: ArticleText, mentions: list[Mention], index: Parks) -> list[Mention]:
    """A park no gazetteer lists, named in a text both with and without its place or in a long and a short type form
    (三亚深海科技城 … 深海科技城, 潼关经济技术开发区 … 潼关经开区), is one park: each shorter or bare-placed name takes
    the id of the fullest name it is part of, a listed park's first."""
    if not any(m.attrs.get("source") in UNLISTED_SOURCES for m in mentions):
        return mentions  # every park listed: its id is its gazetteer's
    simplified = article.simplified
    keys = {m.canonical: _name_key(_without_province(simplified[m.start : m.end])) for m in mentions}
    named = {m.canonical: m for m in sorted(mentions, key=lambda m: (m.attrs.get("source") in UNLISTED_SOURCES, -len(keys[m.canonical])))}
    target: dict[str, Mention] = {}
    listed = list({(_name_key(_without_province(simplified[m.start : m.end])), m.id): (m, park)  # each name of a listed
                   for m in mentions  # park written in the text, once
                   if m.attrs.get("source") in ("zones", "catalogue") and (park := index.by_code.get(m.id))}.items())
    for m in mentions:
        if m.attrs.get("source") not in UNLISTED_SOURCES or m.canonical in target:
            continue
        key = _name_key(simplified[m.start : m.end])
        for other in named.values():
            full = keys[other.canonical]
            longer = other.attrs.get("source") not in UNLISTED_SOURCES or len(other.canonical) > len(m.canonical)
            at = full.rfind(key) if len(full) > len(key) else (0 if full == key and longer else -1)
            if other.canonical != m.canonical and at >= 0 and at + len(key) == len(full) and (at == 0 or places_only(full[:at])):
                target[m.canonical] = other
                break
        else:  # 绵阳游仙经济技术开发区 … 游仙经开区 (a listed park's alias): the fuller name is that listed park
            fuller_of = _listed_written_shorter(key, listed)
            if fuller_of is not None:
                target[m.canonical] = fuller_of
    out = []
    for m in mentions:
        seen, to = {m.canonical}, target.get(m.canonical)
        while to is not None and to.canonical in target and to.canonical not in seen:  # 深海科技城 → 三亚深海科技城 → …
            seen.add(to.canonical)
            to = target[to.canonical]
        out.append(replace(m, canonical=to.canonical, id=to.id) if to is not None else m)
    return out


def _listed_written_shorter(key: str, listed: list[tuple[tuple[str, str], tuple[Mention, Park]]]) -> Mention | None:
    """The listed park that one of the *listed* names ((name key, id), (a mention, its park): a park's own name or alias
    written in the text, not a bare word) names with the words *key* ends with, after places only that can be where
    that park is (游仙经开区 in 绵阳游仙经开区), if one park is so named."""
    found = {m.id: m for (short, _), (m, park) in listed if len(short) < len(key) and key.endswith(short)
             and places_only(key[: -len(short)]) and _written_place_fits(key[: -len(short)], park)}
    return next(iter(found.values())) if len(found) == 1 else None


def _written_place_fits(written: str, park: Park) -> bool:
    """The last place in *written* can be where *park* is: in its province, and, when the park's name or place words
    name places, one of them or its city (绵阳 for 游仙经开区, place 绵阳游仙; not 平阳县, 温州's, for 绍兴滨海新区)."""
    index = regions()
    hits = index.find(written)
    if not hits:
        return False
    own = park.name + park.place
    named = bool(index.find(own))
    for region in hits[-1][3]:
        province = index.provinces.get(region.province)
        if province is None or province.name != park.province:
            continue
        city = index.city_of(region)
        words = (region.name, region.short, *((city.name, city.short) if city is not None else ()))
        if not named or region.level == "province" or any(w and w in own for w in words):
            return True
    return False


_DOTS = ("·", "・", "•")
_DOT_PREFIX = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,8})[·・•]$")


def _with_name_before_dot(article: ArticleText, mentions: list[Mention], index: Parks) -> list[Mention]:
    """A park's name written after a place, 中国 or a developer's brand and a middle dot is one name with it
    (南宁·中关村科技园, 中国·柳州…产业园, 秦创原·秦汉大健康产业园); not a bare zone word, not a name that starts with a
    place of its own after words of another kind (盐湖化工及金属新材料·青海柴达木循环经济试验区). A listed park's
    name after a place in another province is a park of its own (南宁·中关村科技园 is not Beijing's)."""
    simplified, out = article.simplified, []
    for m in mentions:
        prefix = _DOT_PREFIX.search(simplified, max(0, m.start - 9), m.start) if simplified[m.start - 1 : m.start] in _DOTS else None
        if prefix and m.attrs.get("source") != "anaphora" and not _SUFFIX_RE.fullmatch(simplified, m.start, m.end) \
                and not any(o.start < prefix.end() and prefix.start() < o.end for o in mentions if o is not m):
            start = _dot_prefix_start(simplified, prefix, named_from_place=is_place(simplified[m.start : m.end]))
            if start is not None:
                m = replace(m, surface=article.text[start : m.end], start=start)
                park = index.by_code.get(m.id)
                if park is not None and not _in_written_place(simplified[start : prefix.end()], [park]):
                    name = simplified[start : m.end]
                    m = replace(m, canonical=name, id=stable_id("P", name), attrs={"source": "pattern"})
        out.append(m)
    return out


def _dot_prefix_start(simplified: str, prefix: re.Match[str], named_from_place: bool) -> int | None:
    """Where the name before a middle dot starts: at the place it ends with (通报|南宁·), at 中国, or, before a name
    without a place, at a word of its own (a brand after punctuation or a line start); else None."""
    words = prefix.group(1)
    if words.endswith("中国"):
        return prefix.end(1) - 2
    places = regions().find(words)
    if places and places[-1][1] == len(words):
        return prefix.start() + places[-1][0]
    starts_alone = prefix.start() == 0 or not re.match(r"[\u4e00-\u9fffA-Za-z0-9]", simplified[prefix.start() - 1])
    return prefix.start() if starts_alone and not named_from_place and not _stops(words) else None


_DAY_BEFORE = set("今明昨当每前后")  # 今天, 当天 …: a name starting with 天 after one of these starts inside the day word


def _starts_inside_a_place(simplified: str, start: int) -> bool:
    """A listed name that starts inside a longer place written before it (高|唐县经济开发区 is 高唐县's zone, not 唐县's):
    a place found across *start* ends where the name's own leading place ends, or later."""
    window_start = max(0, start - 3)
    places = regions().find(simplified[window_start : start + 6])
    own = [p_end for p_start, p_end, _key, _c in places if window_start + p_start == start]
    return any(window_start + p_start < start and p_end >= max(own, default=start - window_start + 2)
               for p_start, p_end, _key, _c in places)


def _rule_mentions(article: ArticleText, index: Parks, where: tuple[str | None, str | None]) -> list[Mention]:
    text, simplified = article.text, article.simplified
    province, city = where
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for start, end, key, cands in index.find(simplified):
        if key in _ANAPHORA or _PLACE_AFTER.match(simplified[end : end + 4]) or simplified[max(0, start - 2) : start] in ("世界", "中电") \
                or kind_in_brackets_after(simplified, end) \
                or (len(key) <= 2 and _NAMED_AFTER_NICKNAME.match(simplified[end : end + 8])) \
                or (key.startswith("天") and simplified[start - 1 : start] in _DAY_BEFORE) \
                or _starts_inside_a_place(simplified, start):
            continue  # bare zone words are resolved below, against the zones the text names; 今|天开园 is 今天 开园
        alias_start, start = start, _with_place_before(simplified, start)
        if division := _DIVISION_BEFORE.search(simplified, max(0, start - 6), start):
            start = division.start()  # 第一师|阿拉尔经济技术开发区: a 兵团 division's zone, named with its division
        if key.endswith("园") and simplified.startswith("区", end):
            end += 1  # 张江高新区闵行园|区: the name goes on
        placed = _in_written_place(simplified[start:alias_start], cands)
        if not placed:  # 锦州市|滨海新区: the alias of a park elsewhere, after a place of its own
            mention = _placed_elsewhere(article, start, alias_start, end, cands, index)
            mentions.append(_with_subpark(article, mention, None))
            taken.append((mentions[-1].start, mentions[-1].end))
            continue
        park = _resolve(placed, province, city, key, index)
        if park is None:  # 北京未来科技城 … 未来科技城: an alias of several parks, one of them named before
            park = next((c for m in reversed(mentions) for c in placed if c.name == m.canonical), None)
        if park is None:
            continue
        if mentions and mentions[-1].start <= start and end <= mentions[-1].end:  # 云南自贸区(昆明片区): inside a name found
            if park.parent == mentions[-1].id:  # the zone's own 片区, in brackets: the mention names the part
                mentions[-1] = replace(mentions[-1], canonical=park.name, id=park.code,
                                       attrs={**mentions[-1].attrs, "level": park.level})
            continue
        mention = Mention("park", text[start:end], start, end, park.name, park.code,
                          attrs={"level": park.level, "source": park.source})
        mention = _with_subpark(article, mention, park)
        mentions.append(mention)
        taken.append((mention.start, mention.end))
    bare: list[re.Match[str]] = []
    found = Taken(taken)
    for match in _SUFFIX_RE.finditer(simplified):
        if found.holds(match):
            continue  # the suffix starts or ends inside a mention found
        mention = _discover(article, match, province, city, index, found.floor(match.start()))
        if mention is _BARE:
            bare.append(match)
        elif mention is not None:
            mention = _with_subpark(article, mention, None)
            mentions.append(mention)
            taken.append((mention.start, mention.end))
            found.add(mention.start, mention.end)
    named = sorted(mentions, key=lambda m: m.start)
    for match in bare:
        mention = _bare(article, match, province, city, named, index)
        if mention is not None:
            mention = _with_subpark(article, mention, None)  # 高新区奉化园, 开发区西区
        if mention is not None and not any(s < mention.end and mention.start < e for s, e in taken):
            mentions.append(mention)
            taken.append((mention.start, mention.end))
    mentions.extend(_aliases(article, mentions, taken))
    mentions.extend(_place_parts(article, mentions, taken))
    mentions.extend(_listed_parks(article, taken))
    return _with_brand_projects(article, mentions)


# A named project of a park operator's brand (the guideline's 联东U谷 projects): 联东U谷·天津滨海新区国际企业港,
# 中南高科马鞍山创智科技园.
_BRAND = re.compile(r"(?:联东[UＵ]谷|中南高科)[·・\-—–]?")
_BRAND_PROJECT_END = re.compile(r"企业港|创新港|科技谷|产业园区|产业园|科技园|智造园|智造港|产业港|中心|谷|港|园区|园")


def _with_brand_projects(article: ArticleText, mentions: list[Mention]) -> list[Mention]:
    """Each named project of an operator brand (联东U谷, 中南高科) is one park, holding any zone named inside it
    (longest span wins): its name ends at the first project word not inside that zone's name. The brand alone (as a
    platform) is none."""
    simplified = article.simplified
    for brand in _BRAND.finditer(simplified):
        start = brand.start()
        name_end = brand.end() + len(re.match(r"(?:(?![暨和与及])[\u4e00-\u9fff]){0,14}", simplified[brand.end() :]).group(0))
        words = [e.end() for e in _BRAND_PROJECT_END.finditer(simplified, brand.end(), name_end)]
        ends = [e for e in words if not any(m.start < e <= m.end for m in mentions)]  # a zone named inside goes on
        if not ends:  # …unless the name ends with it: 联东U谷·石家庄高新区产业园
            ends = [e for e in words if any(m.start >= brand.end() and e == m.end for m in mentions)][-1:]
        if not ends or any(m.start < start < m.end for m in mentions):
            continue
        end = ends[0]
        name = simplified[start:end]
        mentions = [m for m in mentions if not (start <= m.start and m.end <= end)]
        mentions.append(Mention("park", article.text[start:end], start, end, name, stable_id("P", name),
                                attrs={"source": "pattern"}))
    return mentions


def _is_county(name: str) -> bool:
    """*name* is exactly a county's name or short name, and not also a common word (南部, 资源)."""
    return name not in _COMMON_WORD_COUNTIES and any(
        start == 0 and end == len(name) and cands[0].level == "county" for start, end, _, cands in regions().find(name))


def _place_parts(article: ArticleText, mentions: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """In a text about a zone, a county's name + 园区 or 园 (香坊园区, 安宁园区, 中关村's 海淀园) is that zone's part
    there: a mention of the nearest zone named before it (else the first)."""
    zones = sorted((m for m in mentions if m.attrs.get("source") not in ("anaphora", "locality", "definition")
                    and m.canonical.endswith(("开发区", "高新区", "经开区", "新区", "实验区", "示范区", "科技园区"))),
                   key=lambda m: m.start)
    if not zones:
        return []
    found = []
    simplified = article.simplified
    expo = _EXPO.search(simplified) is not None
    for part in re.finditer(r"园区|园(?![区林艺博场])", simplified):  # 安宁园区; 海淀园, 昌平园 of 中关村
        found_at, end = part.start(), part.end()
        if expo and part.group(0) == "园":
            continue  # 园博园's 定州园, 辛集园: a city's garden at a horticultural expo
        start = next((found_at - n for n in (3, 2) if found_at >= n and _is_county(simplified[found_at - n : found_at])), -1)
        if start < 0 or any(s < end and start < e for s, e in taken):
            continue
        if start > 0 and _NAME_CHAR.match(simplified[start - 1]) and not _STOP_RE.search(simplified[max(0, start - 2) : start]):
            continue  # inside a longer name
        before = [m for m in zones if m.end <= start]
        zone = before[-1] if before else zones[0]
        found.append(Mention("park", article.text[start:end], start, end, zone.canonical, zone.id,
                             attrs={**zone.attrs, "part": article.text[start:end], "source": "part"}))
        taken.append((start, end))
    return found


# Three or more short park names listed together (布局空天园、信息园、生物技术园、新材料园): each is a park.
_LEISURE = re.compile(r"休闲|度假|体验|观光|养生|采摘|游览|娱乐|民俗|风情|园林|动物|植物|花卉|盆景|熊|狼|虎|狮|猴|鸟|儿童|亲子")  # a zoo's, a garden's
_EXPO = re.compile(r"园博|世园|花博|园艺博览|博览园")  # 园博会: its cities' gardens (北京园、上海园、伊朗园) are no parks
_PARK_LIST = AnchoredPattern(re.compile(r"(?:[\u4e00-\u9fff]{2,10}?园[、,，和及与]){2,}[\u4e00-\u9fff]{2,10}?园(?![区林艺博场])"),
                             re.compile("园[、,，和及与]"), reach=10)  # the first item's end: 10 characters in at most


def _listed_parks(article: ArticleText, taken: list[tuple[int, int]]) -> list[Mention]:
    """The items of a list of three or more …园 names, each cut at a verb or function word before it."""
    found, simplified = [], article.simplified
    for listed in _PARK_LIST.finditer(simplified):
        items = [i for i in re.finditer(r"[^、,，和及与]+", listed.group(0))  # 大连园博园: one item, not 大连园 + 博园
                 if i.group(0).endswith("园")]  # 婴童产业|及金融孵化产业园: a part of a name, not an item
        if any(_NEVER.search(i.group(0)) or _LEISURE.search(i.group(0)) for i in items) \
                or _EXPO.search(simplified, max(0, listed.start() - 300), listed.end() + 300):
            continue  # a list of parks in the city, of a scenic area's leisure zones, or of an expo's gardens
        for item in items:
            start, end = listed.start() + item.start(), listed.start() + item.end()
            stops = list(_STOP_RE.finditer(simplified, start, end - 1))
            start = stops[-1].end() if stops else start
            name = simplified[start:end]
            if len(name) < 3 or _NEVER.search(name) or name[:-1] in _GENERIC or any(s < end and start < e for s, e in taken):
                continue
            canonical = _without_province(name)
            found.append(Mention("park", article.text[start:end], start, end, canonical, stable_id("P", canonical),
                                 attrs={"source": "list"}))
            taken.append((start, end))
    return found


# A short name the text defines for a zone: 山西转型综合改革示范区(以下简称“综改区”), 长沙经开区(简称“长经开”).
_DEFINITION = re.compile(r"^[(（]\s*(?:以下|后文|下文|后)?(?:简称|下称|称)[为:：]?\s*[“\"「]?([\u4e00-\u9fffA-Za-z]{2,12}?)[”\"」]?\s*[)）,，、]")


def _aliases(article: ArticleText, parks: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """The other names of *parks* right after them: a zone word in brackets, then a short name the text defines (for
    a park or its bracketed name); each is added to *taken*."""
    bracketed = _bracketed_aliases(article, parks, taken)
    return bracketed + _defined_short_names(article, parks + bracketed, taken)


_BRACKETED_KIND = re.compile(r"[(（](开发区|经开区|经济开发区|高新区|工业园区|产业园区|工业园|产业园|综保区|新区|工业集中区)[)）]")


def _bracketed_aliases(article: ArticleText, mentions: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """A zone word in brackets right after a park's name is the park under another name (阿克苏纺织工业城(开发区),
    开阳经开区(工业园区)): a mention of its own, as the guideline labels it."""
    found = []
    for mention in mentions:
        match = _BRACKETED_KIND.match(article.simplified, mention.end)
        if match is None or mention.attrs.get("source") in ("anaphora", "locality") \
                or any(s < match.end(1) and match.start(1) < e for s, e in taken):
            continue
        start, end = match.start(1), match.end(1)
        found.append(Mention("park", article.text[start:end], start, end, mention.canonical, mention.id,
                             attrs={**mention.attrs, "source": "alias"}))
        taken.append((start, end))
    return found


# Kind words a text may define as one zone's short name: the guideline's bare forms, and the zones a text names
# for one area (中国(湖北)自由贸易试验区(以下简称自贸试验区), 天津港保税区(以下简称“保税区”)).
_DEFINABLE_KINDS = frozenset(_ANAPHORA) | {"自贸试验区", "保税区"}


def _is_kind_word(word: str) -> bool:
    """A park suffix alone, or a development zone's kind (试验区, which is no suffix: 自贸试验区 ends in it)."""
    return bool(_SUFFIX_RE.fullmatch(word)) or word in _DEVELOPMENT_ZONES


def _defined_short_names(article: ArticleText, mentions: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """Each occurrence of a short name defined right after a zone's mention, from the definition on, as that zone."""
    simplified, found = article.simplified, []
    for mention in sorted(mentions, key=lambda m: m.start):
        match = _DEFINITION.match(simplified[mention.end : mention.end + 24])
        if not match or _NEVER.search(match.group(1)) or (_is_kind_word(match.group(1))
                                                          and match.group(1) not in _DEFINABLE_KINDS):
            continue  # a kind word the guideline does not count as a bare name (合作区, 园区, 试验区)
        short, start = match.group(1), mention.end + match.start(1)
        if re.match(r"[两双三四五六七八九十多]区", short):
            continue  # (以下简称“两区”): several zones together, not this one
        if not re.search(r"[区园城港谷]", short):
            continue  # (下称“前海”): the place the zone is named after, a nickname the guideline does not count
        while (start := simplified.find(short, start)) >= 0:
            end = start + len(short)
            if not any(s < end and start < e for s, e in taken):
                found.append(Mention("park", article.text[start:end], start, end, mention.canonical, mention.id,
                                     attrs={**mention.attrs, "source": "definition"}))
                taken.append((start, end))
            start = end
    return found


_RANK = {"province": 0, "city": 1, "county": 2}


def _with_place_before(simplified: str, start: int) -> int:
    """Start a zone's mention at the place names written right before it (鄂尔多斯|蒙苏经济开发区), each no smaller
    than the one after it (浙江省宁波市|…, not 南岸区|重庆经开区: a district of the city, written before it)."""
    first = next((h for h in regions().find(simplified[start : start + 8]) if h[0] == 0), None)
    rank = min((_RANK.get(c.level, 2) for c in first[3]), default=2) if first else 2
    level = re.search(r"(?:国家级|自治区级|省级|国家)$", simplified[max(0, start - 5) : start])
    if level:  # 包头|国家级|稀土高新技术开发区: a level between the place and the zone's name
        at = start - len(level.group(0))
        if any(h[1] == min(8, at) for h in regions().find(simplified[max(0, at - 8) : at])):
            start = at
    while start > 0:
        hits = [h for h in regions().find(simplified[max(0, start - 8) : start]) if h[1] == min(8, start)]
        if not hits and simplified[start - 1] == "县":  # 济阳县|济北开发区: a district's name as a county, before 撤县设区
            hits = [(h[0], h[1] + 1, h[2], h[3]) for h in regions().find(simplified[max(0, start - 9) : start - 1])
                    if h[1] == min(8, start - 1) and h[3][0].level == "county" and h[3][0].name.endswith("区")]
        if not hits:
            return start
        before = min((_RANK.get(c.level, 2) for c in hits[-1][3]), default=2)
        if before > rank:
            return start
        start, rank = start - (hits[-1][1] - hits[-1][0]), before
    return start


def _in_written_place(written: str, cands: list[Park]) -> list[Park]:
    """The parks among *cands* that a place *written* right before their alias leaves possible: those in a province
    the place can be in (all of them when nothing is written, or the province is not known)."""
    index = regions()
    provinces = {index.provinces[r.province].name for hit in index.find(written) for r in hit[3] if r.province in index.provinces}
    if not provinces:
        return cands
    return [p for p in cands if not p.province or p.province in provinces]


def _placed_elsewhere(article: ArticleText, start: int, alias_start: int, end: int, cands: list[Park],
                      index: Parks) -> Mention:
    """A park's alias after a place in no province of the parks it names (锦州市|滨海新区, 乌兰察布|中关村科技园):
    a park of its own under the name as written, never the park elsewhere; a 国家级新区's alias, the written city's
    new area (哈尔滨|江北新区: 哈尔滨新区, each such city has one)."""
    simplified = article.simplified
    if all(p.type == "国家级新区" for p in cands) and (area := _national_new_area(simplified[start:alias_start], index)):
        return Mention("park", article.text[start:end], start, end, area.name, area.code,
                       attrs={"level": area.level, "source": area.source})
    name = simplified[start:end]
    return Mention("park", article.text[start:end], start, end, name, stable_id("P", name), attrs={"source": "pattern"})


def _with_subpark(article: ArticleText, mention: Mention, park: Park | None, again: bool = True) -> Mention:
    """Extend a zone's mention over a named part right after it (南宁高新区武鸣产业园): the longest span, still
    the zone's entity (a watch on the zone sees its parts); the part's name is kept in ``attrs["part"]``."""
    following = _SUBPARK.match(article.simplified[mention.end : mention.end + 12])
    if following is None or _NEVER.search(following.group(1)) or _stops(following.group(1)[:-2]):
        return mention
    part = following.group(1).lstrip("·")
    if part[0] in "(（" and len(part) >= 5 and not part[1:-1].endswith("片区") and places_only(part[1:-1]):
        return mention  # 武汉开发区(汉南区): the district it shares its government with, not a part
    if part in _KIND_ALONE:
        return mention  # 铜仁高新区|产业园: the zone's parks in general, no named part
    if part.endswith(("科学城", "科技城")) and is_place(part):
        return mention  # 天府新区|成都科学城: two zones side by side, the second with a place of its own
    if re.search(r"[一二三四五六七八九十两几多\d]+[大个座家级]|[千百万]亿|一流|世界级", part) or part.startswith(("内", "第")):
        return mention  # 光热产业园|两大园区, 兰州新区|二级园区, 中关村科技园区|第八园, 产业园|内辟建五大功能区, 高新区|千亿级世界一流高科技园区: a count, a rank, what is inside, a goal
    if part.startswith(("智慧", "飞地")) and len(part) <= 4:
        return mention  # 化工产业园|智慧园区指挥中心, 经开区|飞地园区: a kind of park the zone runs, no name
    if re.search(r"街道|社区|[镇乡]|区域", part[:-2]):
        return mention  # 成都高新区|石羊街道大源片区, 钟祥经济开发区|一体化区域南湖片区: a street office's, a town's or an area's, no part
    if part.endswith("园") and not part.endswith(_PART_PARK_HEADS) and not is_place(part[:-1]) and len(part) != 3:
        return mention  # 奉化园: a place's part of the zone; 科学园 or 花园 are not
    end = mention.end + following.end()
    if part.endswith("园") and article.simplified[end : end + 1] == "区":
        end += 1  # 装备制造产业园区: the shortest part ends at 产业园, the name at 园区
    extended = Mention("park", article.text[mention.start : end], mention.start, end, mention.canonical, mention.id,
                       attrs={**mention.attrs, "part": following.group(1).lstrip("·")})
    if not again or not article.simplified[mention.end : end].endswith(("园区", "片区")):
        return extended
    further = _with_subpark(article, extended, park, again=False)  # 兰州新区|绿色化工园区|专精特新产业园: a part's part
    return further if further.end > end else extended


def _resolve(cands: list[Park], province: str | None, city: str | None, key: str = "",
             index: Parks | None = None) -> Park | None:
    """The park an alias names here: unique, or the one in the article's province and city. An alias without
    the park's place (临港经开区) names a park elsewhere only when the article's province is unknown, or when no park
    of the article's province ends with it (滨海新区 in a text about 绍兴: 绍兴滨海新区, not 天津滨海新区)."""
    if province:
        cands = [p for p in cands if p.province == province or _carries_place(p, key)] or (
            [] if all(p.place and not _carries_place(p, key) for p in cands) else cands)
        if cands and index is not None and not key.startswith(("国家", "省级", "中国")) \
                and all(p.province != province and not _names_its_place(p, key) for p in cands):  # not a kind (国家自主创新示范区)
            here = [p for p in index.by_code.values() if p.province == province and p.name.endswith(key)]
            if len(here) == 1:
                return here[0]
    if len(cands) == 1:
        return cands[0]
    if not cands:
        return None
    local = [p for p in cands if province and p.province == province] or cands
    if city and len(local) > 1:
        local = [p for p in local if p.place.startswith(city) or city in p.name] or local
    national = [p for p in local if p.level == "national"]
    if len(local) > 1 and len(national) == 1 and key.endswith(("高新区", "经开区")) \
            and all((p.place, short_type(p.type)) == (national[0].place, short_type(national[0].type)) for p in local):
        return national[0]  # 福州高新区 (a short form): the national zone, not a provincial park of the same place and kind
    return local[0] if len(local) == 1 else None


def _carries_place(park: Park, key: str) -> bool:
    """Whether an alias holds the park's place, or starts with its city-province (上海化工区: 上海化学工业经开区), or is the
    press's one-character form of its city and kind (哈经开区: 哈尔滨经济技术开发区)."""
    return bool(park.place and (park.place in key or (key[1:] in _ONE_CHARACTER_KINDS and key[0] == park.place[0]))) \
        or (park.province in CITY_PROVINCES and key.startswith(CITY_PROVINCES[park.province]))


def _names_its_place(park: Park, key: str) -> bool:
    """Whether an alias carries the park's place (天津滨海新区, 宁波杭州湾开发区), not only its kind and descriptor."""
    if _carries_place(park, key):
        return True
    hits = regions().find(key)  # a place in front of more (天津|滨海新区), not a district's own name (滨海新区)
    return bool(hits) and hits[0][0] == 0 and hits[0][1] < len(key) and bool(_in_written_place(key[: hits[0][1]], [park]))


# How provinces name their own 开发区 (江西's 工业园区, 河南's 产业集聚区): a bare 开发区 may refer back to one.
_PROVINCIAL_ZONE_ENDINGS = ("工业园区", "产业园区", "工业园", "工业集中区", "产业集聚区")


def _the_one_industrial_park_before(named: list[Mention], at: int) -> list[Mention]:
    """For a bare 开发区 at *at* that no 开发区 fits: the park named before it when it is the only park named before and
    a province's kind of 开发区 (奉新工业园区 … 该开发区), listed or named twice; else none."""
    before = [m for m in named if m.end <= at]
    if len({m.canonical for m in before}) != 1 or not before[0].canonical.endswith(_PROVINCIAL_ZONE_ENDINGS):
        return []
    return before if before[0].attrs.get("source") != "pattern" or len(before) > 1 else []


# 县经开区, 、市高新区, 在盟开发区: the county's, city's or league's own zone, written with its level word as its place
# (副县长、县经开区).
_OWN_PLACE_WORD = re.compile(r"(?:^|[\s，,。；;：:和与及的在是]|(?<![省市县区州])、)[县市盟]$")  # on the two characters before the word; 各市、县|开发区 is a kind


def site_park(article: ArticleText, index: Parks) -> Park | None:
    """The park whose own site *article* is from (``sites.yaml``'s ``park``: a name, an alias or a code), if it
    names one park."""
    named = index.named_by(article.park) if article.park else []
    return named[0] if len(named) == 1 else None


def _bare(article: ArticleText, match: re.Match[str], province: str | None, city: str | None,
          named: list[Mention], index: Parks) -> Mention | None:
    """A bare zone word (高新区, 开发区, 新区, 起步区 …): the zone of that kind the text names before it (else after
    it); with none, the zone where the text is, as ``_BARE_READINGS`` says for that word (a bare 高新区: its line's
    county or city, the county the text names most, the article's city). Kinds, counts and lists (国家级经开区, 各新区,
    开发区、高新区) are not parks."""
    word, simplified = match.group(0), article.simplified
    if word not in _ANAPHORA or _is_generic(simplified, match.start(), match.end()):
        return None
    begin = match.start() - 1 if _OWN_PLACE_WORD.match(simplified, max(0, match.start() - 2), match.start()) else match.start()
    fits = fitting_antecedents(simplified, word, named)
    if not fits and word == "开发区":
        fits = _the_one_industrial_park_before(named, match.start())
    before = [m for m in fits if m.end <= match.start()]
    if not before and (site := site_park(article, index)) is not None \
            and fitting_antecedents(simplified, word, [Mention("park", site.name, 0, 0, site.name, site.code)]):
        return Mention("park", article.text[begin : match.end()], begin, match.end(), site.name, site.code,
                       attrs={"level": site.level, "source": "site"})  # a committee's own site: its 开发区 is the zone
    if not before and grows_after(simplified, match.end()):
        return None  # 推动开发区高质量发展 with no zone of its kind named before: the kind, not a zone
    listed = [m for m in before if m.attrs.get("source") != "pattern"]
    once = before and before[-1].attrs.get("source") == "pattern" and sum(m.canonical == before[-1].canonical for m in named) == 1
    antecedent = (listed[-1] if once and listed else before[-1]) if before else None  # 潍坊高新区 … 擦亮高新区 … 高新区
    if antecedent is None and fits and not (article.region and word in _BARE_TYPES):
        antecedent = fits[0]  # named only later (a headline's 高新区), unless the site's region says which
    if antecedent is None and word == "起步区" and named:
        antecedent = named[0]  # the start-up area of the zone the text is about
    if antecedent is not None and simplified[antecedent.start - 1 : antecedent.start] in ("(", "（"):
        outer = next((m for m in named if m.end == antecedent.start - 1), None)
        antecedent = outer or antecedent  # 西宁经开区(青海国家高新区)…开发区: the zone named before the brackets
    if antecedent is not None:
        return Mention("park", article.text[begin : match.end()], begin, match.end(),
                       antecedent.canonical, antecedent.id, attrs={**antecedent.attrs, "source": "anaphora"})
    reading = (_CITY_S_OWN.get(word) if simplified[begin] in "市盟" else None) or _BARE_READINGS.get(word)
    if reading is None or (word in _READ_ONLY_ALONE and not _ALONE_AFTER.search(simplified[max(0, begin - 2) : begin])):
        return None
    kind, places = reading
    for place in places:
        decided, park = _READERS[place](article, match.start(), kind, province, city, index)
        if decided:
            return _located(article, begin, match.end(), park)
    return None


# A bare word with its city's level word (市开发区, 盟开发区): the one zone of that kind of the city named in its line, else
# of the article's city.
_CITY_S_OWN = {"开发区": ("经开区", ("line", "site"))}

# Bare words read by where the text is only when they stand alone: after punctuation or a function word (该县|经济开发区,
# 以|经济开发区), not after words that may name it (绿色清真产业|经济开发区, 县|经济开发区 left to the model).
_READ_ONLY_ALONE = {"经济开发区"}
_ALONE_AFTER = re.compile(r"(?:^|[\s，,。；;：:、“”\"/]|[的以在和与及到为向对从于由是了]|该[县市区旗盟])$")  # not after a bracket: 和平(苟江)|经济开发区


def _by_line(article: ArticleText, at: int, kind: str, province: str | None, city: str | None,
             index: Parks) -> tuple[bool, Park | None]:
    """The zone of *kind* of the county or city named last in the line before *at* (连云港市海州区…高新区: 连云港's; 吴桥县
    …经开区: the county's own, else its city's); with no such place named, undecided."""
    simplified = article.simplified
    line_start = simplified.rfind("\n", 0, at) + 1
    hits = regions().find(simplified[line_start:at])
    cities = {c.code for _, _, _, cands in hits for c in cands[:1] if c.level == "city"}
    nearby = [next((c for c in cands if c.city in cities), cands[0]) for _, _, key, cands in hits
              if cands[0].level == "city" or (cands[0].level == "county" and key == cands[0].name)]
    if not nearby and not city:  # 重庆…经开区: a city of province rank, where the text names no city of its own
        nearby = [cands[0] for _, _, _, cands in hits if cands[0].name in CITY_PROVINCES]
    if not nearby:
        return False, None
    return True, (_park_of(nearby[-1], kind, index) if nearby[-1].level == "county" else None) \
        or _park_of(regions().city_of(nearby[-1]) or nearby[-1], kind, index)


def _by_county(article: ArticleText, at: int, kind: str, province: str | None, city: str | None,
               index: Parks) -> tuple[bool, Park | None]:
    """The zone of *kind* of the county the text names most, unless the site's region says where the text is."""
    county = None if article.region else _county_of_text(article.simplified)
    park = _park_of(county, kind, index) if county is not None else None
    return park is not None, park


def _by_site(article: ArticleText, at: int, kind: str, province: str | None, city: str | None,
             index: Parks) -> tuple[bool, Park | None]:
    """The one zone of *kind* of the article's city."""
    cands = [p for p in index.by_place_type.get((city, kind), []) if not province or p.province == province] if city else []
    return True, cands[0] if len(cands) == 1 else None


def _by_bonded(article: ArticleText, at: int, kind: str, province: str | None, city: str | None,
               index: Parks) -> tuple[bool, Park | None]:
    """The one 综合保税区 of the article's city, else of the county the text names most (满洲里, a county's city)."""
    bonded = _zones_named_for(index, kind, city, province) if city else []
    county = None if bonded or article.region else _county_of_text(article.simplified)
    if county is not None and county.short:  # a short name of two characters or more (沛县's 沛 is none)
        bonded = _zones_named_for(index, kind, county.short, None)
    return True, bonded[0] if len(bonded) == 1 else None


def _zones_named_for(index: Parks, kind: str, place: str, province: str | None) -> list[Park]:
    """The zones of *kind* whose name holds *place* (满洲里综合保税区), in *province* when it is given."""
    return [p for p in index.by_code.values() if p.name.endswith(kind) and place in p.name
            and (not province or p.province == province)]


# How a bare zone word no zone of the text names is read from where the text is: the catalogue kind it names, and the
# places asked in turn until one decides: a county or city named before it in its line, the county the text names
# most, the article's city. A bare 开发区 is read only as its county's one 经开区 (a city has several kinds of 开发区).
_READERS = {"line": _by_line, "county": _by_county, "site": _by_site, "bonded": _by_bonded}
_BARE_READINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    **{word: (kind, ("line", "county", "site")) for word, kind in _BARE_TYPES.items()},
    "开发区": ("经开区", ("county",)),
    "经济开发区": ("经开区", ("line", "county")),
    "综保区": ("综合保税区", ("bonded",)),
    "综合保税区": ("综合保税区", ("bonded",)),
}


def _located(article: ArticleText, start: int, end: int, park: Park | None) -> Mention | None:
    """A bare zone word read by where the text is as *park* (None: no mention)."""
    return None if park is None else Mention("park", article.text[start:end], start, end, park.name, park.code,
                                             attrs={"level": park.level, "source": "locality"})


def _county_of_text(simplified: str) -> Region | None:
    """The county a text names most by its full name (吴桥县, 古县), when it names one at least twice and more than any
    other; None otherwise."""
    ranked = _named_places(simplified)[2].most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    index = regions()
    county = index.by_code[ranked[0][0]]
    city = index.city_of(county)
    return None if city is not None and city.short == county.short else county  # 临夏县: 临夏 is also its prefecture's name


class Plugin:
    """The parks plugin; each plugin manager registers an instance of its own, holding the gazetteer its
    ``configure`` hook was given (so differently configured managers never share one)."""

    def __init__(self) -> None:
        self.index: Parks | None = None  # None: the catalogue and zones.csv alone

    @hookimpl
    def configure(self, config: Any) -> None:
        entries = list(getattr(config, "parks", ()) or ())
        self.index = parks_with_gazetteer(entries) if entries else None

    @hookimpl
    def tag_article(self, article: ArticleText) -> list[Mention]:
        return park_mentions(article, self.index)

    @hookimpl
    def plugin_info(self) -> dict[str, str]:
        return {"name": "parks",
                "description": "development zones (2018 catalogue + gazetteer + pattern), bare 高新区 by locality"}


__all__ = ["Plugin", "locality", "park_mentions", "short_type"]
