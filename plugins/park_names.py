"""Parks the catalogue lacks, found by pattern: [place][descriptor]suffix, the name cut at the nearest verb, function
word, time or amount (推动|绵阳高新区); kinds, plans' regions and a company's own 产业园 are not parks."""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from functools import lru_cache
from typing import Any, NamedTuple

from parkwatch.extract.normalize import is_han
from parkwatch.gazetteer import (
    CITY_PROVINCES,
    Park,
    Parks,
    ends_with_planning_region,
    is_place,
    prefecture_city_short_set,
    regions,
)
from parkwatch.mentions import ArticleText, Mention, stable_id

from .park_words import (
    _ANAPHORA,
    _BARE_TYPES,
    _COMMON_WORD_PLACES,
    _GENERIC,
    _GENERIC_PREFIX,
    _KIND_IN_PLACE,
    _LEVEL_INFIX,
    _NAME_CHAR,
    _NEVER,
    _NOT_STOP_WORDS,
    _STOP_RE,
    kind_in_brackets_after,
)
from .verbs import verbs_in

_BARE = Mention("park", "", 0, 0, "", "")  # marker: a bare zone word, resolved once every named zone is known

_GENERIC_SUFFIXES = {"产业园区", "工业园区", "产业园", "工业园", "新区", "园区", "工业区"}

_REPEATED_OK = {"开发区", "经济开发区", "高新区", "经开区", "工业园区", "产业园区", "科技城", "园区", "产业集聚区"}

_BRACKETED_BEFORE = re.compile(r"\((?!记者|通讯员|摄影|图)(?:[\u4e00-\u9fff]{2,6}|国家|国家级)\)$")  # not (记者姚湜)

# Before a place, still part of a name: 中国(…), Latin letters, province abbreviations of a cross-region zone
# (沪滇临港昆明科技城, 粤港澳…), 中 + a partner country (中德, 中新, 中韩 …).
_NAME_BEFORE_PLACE = re.compile(r"中国|[A-Za-z0-9·]+|[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云藏陕秦甘陇青宁新港澳台]{2,3}"
                                r"|中[德法韩日欧俄新意瑞美英印马泰越老柬缅巴哈乌白]")

# One character before a place that makes a longer place word with it (西|黑山, 渤|龙湖): the name starts there.
_PART_OF_PLACE_WORD = re.compile(r"[东西南北渤]")
# Rivers, lakes, seas and mountains whose names run into a place (长|江口, 长江口创智产业园; 黄|河口): no place starts inside one.
_GEOGRAPHIC_NAME = re.compile(r"长江|黄河|珠江|淮河|汉江|湘江|赣江|闽江|钱塘江|嘉陵江|松花江|黑龙江|太湖|巢湖|洞庭|鄱阳|渤海|黄海|东海|南海|洱海|滇池|秦岭|太行|大别山|武夷")

_BARE_KINDS = {*_BARE_TYPES, "经济开发区"}

_DEFINED_AFTER = re.compile(r"[(（]\s*(?:以下)?(?:简称|下称)")  # 西藏文化旅游创意园区(以下简称“文创园”): a name

_FUNCTIONAL = ("临空", "临港", "空港", "航空港")  # …经济区 named by its function: an airport's or a port's zone

_PROVINCE_WIDE = {"经济区", "新区", "示范区", "合作区"}  # 成渝经济区: a planning region, not a zone

_PROJECT_SUFFIXES = {"产业园", "工业园", "科技园", "物流园", "产业园区", "物流园区", "孵化园", "创新园"}

_NO_PLACE_OK = {"产业园", "工业园", "创新园", "科学城", "科技城", "科技创新城", "生物城", "科创城", "经济开发区", "高新区", "经开区", "工业园区", "产业园区",
                "科技园", "科技园区", "物流园", "物流园区", "工业集中区", "综合保税区", "高新技术产业园区", "工业区"}

def _discover(article: ArticleText, match: re.Match[str], province: str | None, city: str | None, index: Parks,
              floor: int = 0) -> Mention | None:
    """A park the catalogue lacks: [place][descriptor]suffix, cut at the nearest verb or function word. ``_BARE``
    when the words before the suffix are no name (进一步发挥|高新区): the bare word is resolved later."""
    simplified, suffix = article.simplified, match.group(0)
    if suffix == "新片区":  # 临港新片区 … 新片区: the bare word only; 成都高新片区 and a city's 湘阴新片区 are no new area's
        before = simplified[max(0, match.start() - 6) : match.start()]
        stops = _stops(before)
        alone = not before or not _NAME_CHAR.match(before[-1]) or bool(stops and stops[-1].end() == len(before))
        return _BARE if alone and not before.endswith("高") else None
    start, open_ended = _name_window(simplified, match.start(), floor)
    window = simplified[start : match.start()]
    stops = _stops(window)
    if stops and stops[-1].group(0) == "发展" and stops[-1].end() == len(window) and suffix in _DEVELOPMENT_ZONES:
        stops = stops[:-1]  # 珲春海洋经济发展|示范区: a zone named for a development, not 发展 the verb
    boundary = stops[-1].end() if stops else 0
    if _DESCRIBED.search(window[:boundary]):
        return None  # 湖南首个临空综合保税区, 长沙市的一个新兴经济开发区, 最具投资价值…: a kind, described
    while window[boundary : boundary + 1] in ("-", "—", "–", "·"):
        boundary += 1  # ——国家级经开区: a dash opens a line, not a name; 贵安发展|·光谷智算产业园: a brand's dot
    name_part = window[boundary:]
    if _PLACE_WORD_LEAD.match(name_part) and _THIS_PLACE_BEFORE.search(window[:boundary]) \
            and not any(hit[0] == 0 for hit in regions().find(name_part[:4])):  # not 市中区
        boundary, name_part = boundary + 1, name_part[1:]  # 该县|彭湖湾工业园: the county the text is about, not the name
    if _LEVEL_INFIX.fullmatch(name_part):
        name_part = ""  # 国家高新区, 国家级经开区: a level alone is a kind, read as the bare word below
    if not name_part:
        return _BARE if suffix in _ANAPHORA else None
    boundary, name_part, places, place_end = _from_place(name_part, boundary, _starts_word(simplified, start + boundary))
    descriptor = name_part[place_end:]
    core = _LEVEL_INFIX.sub("", name_part)  # 柳东国家级高新区: a name with its level inside
    levelled = core != name_part and len(core) >= 2 and core not in _GENERIC and not _GENERIC_PREFIX.match(core)
    if place_end == 0:
        if _GENERIC_PREFIX.match(name_part) or (suffix == "工业区" and re.fullmatch(r"[东西南北中]{1,2}部?", name_part)):
            return None  # 世界一流高科技园区, 十大特色产业园区: a kind of park
        reference = _reference_or_kind(suffix, name_part, core, places, levelled)
        if reference is not _NAME:
            return reference
    if suffix == "园区" and _yuanqu_is_no_name(simplified, match, name_part, place_end):
        return None
    if place_end == 0 and not _placeless_name(simplified, suffix, name_part, places, stops, open_ended):
        return None
    if place_end and _places_in_general(simplified, suffix, name_part, place_end, descriptor):
        return None
    if place_end and _LEVEL_INFIX.fullmatch(descriptor) and _city_or_county(name_part[:place_end]):
        return _levelled_zone(article, start + boundary, match.end(), name_part[:place_end], suffix, index)
    if (descriptor in _GENERIC and not _two_cities(name_part[:place_end]) and (simplified.count(name_part + suffix) < 3 or name_part[:place_end].endswith(("市", "省")))) \
            or descriptor.endswith(("沿线", "都市圈")) \
            or re.fullmatch(r"[\d·A-Za-z]*", descriptor) and place_end == 0:
        return None  # 成都现代产业园区: a kind in a place; 亳州芜湖现代产业园区: two cities' joint park, a name
    if place_end and (_KIND_IN_PLACE.search(descriptor) or re.match(r"(?:自治区|省|市|县)?级", descriptor)):
        return None  # 四川省十大特色产业园区, 广西县域工业园区: a kind in a place
    if name_part[:place_end].endswith(("省", "自治区")) and (not descriptor or descriptor in _PROVINCE_S_KINDS) \
            and "自贸" not in suffix and "自由贸易" not in suffix:  # a province has one free trade zone: 陕西省自贸试验区 is it
        return None  # 浙江省|高新技术产业园区, 山西省技术开发区, 贵州省化工园区 (认定办法, 名单): the kind a province designates
    end = match.end()
    extension = re.match(r"新区|新城", simplified[end:])
    if extension and suffix in ("科技城", "科学城", "高新区", "经开区"):  # 绵阳科技城新区: a zone within a zone
        suffix, end = suffix + extension.group(0), end + extension.end()
    name = name_part + suffix
    if _no_park(simplified, match, suffix, name, place_end, end):
        return None
    first = start + boundary
    if simplified[max(0, first - 2) : first] == "中国" and re.match(r"[\u4e00-\u9fff]{1,6}[—–-]", name):
        first, name = first - 2, "中国" + name  # 中国东兴—越南芒街跨境经济合作区: a cross-border zone names both countries
    if not descriptor and suffix == "新区" and (area := _national_new_area(name_part, index)) is not None:
        return _park_mention(article, first, match.end(), area, "catalogue")  # 青岛新区: 青岛西海岸新区
    if not descriptor and suffix in _BARE_TYPES:  # 西安市高新区: the catalogue park of that city
        known = _park_of(regions().find(name_part)[-1][3][0], _BARE_TYPES[suffix], index)
        if known is not None:
            return _park_mention(article, first, match.end(), known, "catalogue")
    if not descriptor and suffix == "开发区" and (known := _one_zone_of_county(name_part, province, index)) is not None:
        return _park_mention(article, first, match.end(), known, known.source)  # 交城县开发区: the county's one zone
    if end == match.end() and (known := _listed_by_name_part(name_part[place_end:], suffix,
                                                              _province_of(name_part[:place_end]) or province, index)) is not None:
        return _park_mention(article, first, end, known, "catalogue")  # (西安)泾河工业园: 陕西高陵泾河工业园区
    return _pattern_mention(article, first, end, name)


# The kinds a listed zone is named by with its name part alone (花桥|经济开发区, 德力戈尔|工业园), by its gazetteer kind.
_NAMED_BY_PART = {"经济开发区": "经开区", "经济技术开发区": "经开区", "经开区": "经开区", "开发区": "经开区", "高新区": "高新区",
                  "高新技术产业开发区": "高新区", "工业园区": "工业园区", "工业园": "工业园区"}


def _listed_by_name_part(name_part: str, suffix: str, province: str | None, index: Parks) -> Park | None:
    """The one listed zone of *suffix*'s kind whose name part (after its place) is *name_part*, in the text's
    *province* when that is known; None for a place (its zones have aliases) or an industry (新材料工业园区)."""
    kind = _NAMED_BY_PART.get(suffix)
    if kind is None or len(name_part) < 2 or is_place(name_part) or name_part in _GENERIC or _INDUSTRY.search(name_part):
        return None
    cands = [p for p in index.by_place_type.get((name_part, kind), []) if province is None or p.province == province]
    return cands[0] if len(cands) == 1 else None


_ZONE_KINDS = ("经开区", "高新区", "工业园区", "产业园区")  # the kinds a county's 开发区 may be


def _one_zone_of_county(place: str, province: str | None, index: Parks) -> Park | None:
    """The one listed development zone, of any kind, of the county *place* names last (交城县, 崇明) in the text's
    *province*, if there is exactly one: the press calls any of them the county's 开发区. None for a city (昆明市开发区:
    its zones of every kind), for a county named by its city's short name (承德县) and for a county of another province
    (潍坊 news on its 滨海开发区 is not on 江苏's 滨海县)."""
    hits = regions().find(place)
    region = hits[-1][3][0] if hits and hits[-1][1] == len(place) and len(hits[-1][3]) == 1 else None
    if region is None or region.level != "county":
        return None
    own = regions().provinces.get(region.province)
    if own is None or own.name != province:
        return None
    names = {region.name} | ({region.short} if region.short and region.short not in prefecture_city_short_set() else set())
    cands = {p.code: p for name in names for kind in _ZONE_KINDS for p in index.by_place_type.get((name, kind), [])
             if p.province == province}
    return next(iter(cands.values())) if len(cands) == 1 else None


def _province_of(place: str) -> str | None:
    """The province *place* (西安, 昆山市) lies in, by its last region name; None when it names none."""
    hits = regions().find(place) if place else []
    region = regions().provinces.get(hits[-1][3][0].province) if hits else None
    return region.name if region is not None else None


_INDUSTRY = re.compile(r"材料|汽车|医药|化工|石化|装备|制造|电子|食品|纺织|物流|能源|科技|智能|数字|生物|机械|冶金|建材|轻工|陶瓷|循环")


def _park_mention(article: ArticleText, start: int, end: int, park: Park, source: str) -> Mention:
    return Mention("park", article.text[start:end], start, end, park.name, park.code,
                   attrs={"level": park.level, "source": source})


def _pattern_mention(article: ArticleText, start: int, end: int, name: str) -> Mention:
    """A park none of the gazetteers lists, under its name without a province or city in front."""
    canonical = _without_province(name)
    return Mention("park", article.text[start:end], start, end, canonical, stable_id("P", canonical),
                   attrs={"source": "pattern"})


_DEVELOPMENT_ZONES = ("示范区", "试验区", "合作区", "实验区")

_NAME = object()  # marker: the words before the suffix make a name; go on checking it
_DESCRIBED = re.compile(r"(?:首个|首家|首只|首支|首座|唯一的?|首批|一个|一家|一座|又一|\d+个|于一体的?|第[一二三四五六七八九十\d]+届|最[\u4e00-\u9fff]{0,4}|\d+(?:\.\d+)+版)$")


class Taken:
    """The spans of the mentions found so far, looked up by position: whether a suffix lies inside one, and where
    the last one before a point ends (a name found later cannot reach back into it)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.covered = {p for s, e in spans for p in range(s, e)}
        self.ends = sorted(e for _, e in spans)

    def holds(self, match: re.Match[str]) -> bool:
        """The match starts or ends inside a span taken."""
        return match.start() in self.covered or match.end() - 1 in self.covered

    def floor(self, position: int) -> int:
        """The end of the last span taken that ends by *position* (0 with none)."""
        before = bisect_right(self.ends, position)
        return self.ends[before - 1] if before else 0

    def add(self, start: int, end: int) -> None:
        self.covered.update(range(start, end))
        insort(self.ends, end)


def _name_window(simplified: str, end: int, floor: int) -> tuple[int, bool]:
    """Where a name ending at *end* (a suffix's start) can start (up to 12 name characters back, over a place in
    brackets), and whether no natural boundary was met within reach."""
    start = end
    while start > floor and end - start < 12:
        if _NAME_CHAR.match(simplified[start - 1]) or _DECIMAL_POINT.match(simplified, start - 2):
            start -= 1  # 4.0版|工业园区: a decimal point stays inside its number
            continue
        bracket = _BRACKETED_BEFORE.search(simplified, max(floor, start - 10), start)
        if bracket is None or bracket.start() == floor:
            break
        start = bracket.start()  # 火炬(翔安)产业区, 西部(重庆)科学城: a place in brackets inside the name
    if end - start >= 12 and start > floor:  # the reach ends inside a place (株|洲市南洲…产业园): take it whole
        offset = max(floor, start - 6)
        start = next((offset + s for s, e, _, _ in regions().find(simplified[offset : start + 6])
                      if offset + s < start < offset + e and e - s >= 3), start)  # a full name (株洲市), not 中方|园区
    bound = _BOUNDARY_RE.match(simplified, start)
    if bound is not None and _BOUNDARY_RE.search(simplified, max(0, start - 40), start):
        start = bound.end()  # 北至…,东至|创智天地产业园, 北至…,东至|起步区: a site's bounds listed, not the county 东至
    return start, end - start >= 12


_BOUNDARY_RE = re.compile(r"[东西南北四]至")
_DECIMAL_POINT = re.compile(r"\d\.\d")


class _Stop(NamedTuple):
    """A stop word the verb lexicon found, read like the ``re.Match`` of the others (``start()``, ``end()``,
    ``group()``)."""

    at: int
    to: int
    word: str

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to

    def group(self, _index: int = 0) -> str:
        return self.word


@lru_cache(maxsize=16384)
def _stops(window: str) -> tuple[re.Match[str] | _Stop, ...]:
    """The stop words (verbs, function words, times, amounts) in *window* that end a name before them; one
    inside a place name is none (于都县, 和县, 石家庄), nor is 及 joining two trades (汽车及零部件产业园). Verbs of
    the shipped lexicon (视察, 走访 …) count too, unless one overlaps a stop word or starts a longer word (承包|商)."""
    in_places = [(h[0], h[1]) for h in regions().find(window)]
    in_places += [(w.start(), w.end()) for w in _NOT_STOP_WORDS.finditer(window)]  # 自由贸易: 由 is no stop there
    stops = [m for m in _STOP_RE.finditer(window)
             if not any(ps <= m.start() and m.end() <= pe and pe - ps > m.end() - m.start() for ps, pe in in_places)]
    verbs = [_Stop(a, b, window[a:b]) for a, b in verbs_in(window, [(m.start(), m.end()) for m in stops])]
    stops = sorted([*stops, *verbs], key=lambda m: m.end())
    if stops and stops[-1].group(0) == "及":
        earlier = stops[-2].end() if len(stops) >= 2 else 0
        joined = window[earlier : stops[-1].start()]
        if 2 <= len(joined) <= 8 and not regions().find(joined) and not joined.endswith(("区", "县", "市", "省", "园")) \
                and joined not in _GENERIC:  # 推进产业及产业园区建设: industries and parks in general, no name
            stops = stops[:-1]
    return tuple(stops)


def _leading_places(name_part: str) -> tuple[list, int]:
    """The place names in *name_part*, and where the run of them from its start ends (绵阳安州|…)."""
    places = regions().find(name_part)
    place_end = 0
    for p_start, p_end, _key, _c in places:
        if p_start != place_end:
            break
        place_end = p_end
    return places, place_end


# After 该/本/我/全, a leading 县 or 市 is the place the text is about (该县|彭湖湾工业园), not part of a name.
_THIS_PLACE_BEFORE = re.compile(r"[该本我全]$")
_PLACE_WORD_LEAD = re.compile(r"[县市][\u4e00-\u9fff]{2}")

# One character before a place that is a word of its own (去|绵阳高新区, 原|北京天竺空港工业区), not the start of a name
# whose first characters make a place (开|花山工业园, 关|东光电子产业园).
_ONE_CHARACTER_WORDS = set("去来进入访抵往临设落搬迁回返出为与和及在到赴驻至距近邻靠离从向对把被让给原受除次指著着经由")


def _starts_word(simplified: str, position: int) -> bool:
    """*position* follows no Chinese character (a line, a punctuation mark or a space before it): a word starts there."""
    return position == 0 or not is_han(simplified[position - 1])


def _from_place(name_part: str, boundary: int, word_start: bool = False) -> tuple[int, str, list, int]:
    """Start the name at its place when words before it are no part of it (帮助|安州高新区), unless one character
    starts a word there and the name with it (开|花山工业园, when *word_start*), or at a later
    province or city (呼兰区举行|黑龙江呼兰经济开发区); returns the new boundary, name, its places and place end."""
    places = regions().find(name_part)
    if places and places[0][0] > 0 and _STOP_RE.search(name_part[: places[0][0]]) is None \
            and name_part[places[0][0] : places[0][1]] not in _COMMON_WORD_PLACES \
            and not _NAME_BEFORE_PLACE.match(name_part[: places[0][0]]) and not name_part[: places[0][0]].endswith(("(", "·")) \
            and not _PART_OF_PLACE_WORD.fullmatch(name_part[: places[0][0]]) \
            and not any(g.start() < places[0][0] < g.end() for g in _GEOGRAPHIC_NAME.finditer(name_part)) \
            and not (word_start and places[0][0] == 1 and name_part[0] not in _ONE_CHARACTER_WORDS):
        boundary += places[0][0]
        name_part = name_part[places[0][0] :]
    places, place_end = _leading_places(name_part)
    later = [h for h in places if h[0] > place_end and h[3][0].level in ("province", "city")
             and not name_part[: h[0]].endswith(("(", "·", "—", "-", "–"))]  # 深圳(潮州)…, 黔南·广州产业园, 百色—文山…: a partner
    if place_end and later:
        boundary += later[0][0]
        name_part = name_part[later[0][0] :]
        places, place_end = _leading_places(name_part)
    return boundary, name_part, places, place_end


def _city_or_county(places: str) -> bool:
    """The last of *places* is a city or county (哈尔滨, 包头市), not a province."""
    hits = regions().find(places)
    return bool(hits) and hits[-1][3][0].level in ("city", "county")


def _levelled_zone(article: ArticleText, start: int, end: int, place: str, suffix: str, index: Parks) -> Mention:
    """A city's zone written with its level inside (哈尔滨国家级新区, 包头市国家级经济开发区): the gazetteer's zone of
    that name without the level when there is exactly one, else a park of that name."""
    plain = place + suffix
    cands = index.named(plain)
    if suffix in _BARE_TYPES and len(cands) != 1:  # 南宁市国家级高新区: the city's one catalogue 高新区
        known = _park_of(regions().find(place)[-1][3][0], _BARE_TYPES[suffix], index)
        cands = [known] if known is not None else cands
    if len(cands) == 1:
        return _park_mention(article, start, end, cands[0], cands[0].source)
    return _pattern_mention(article, start, end, plain)


def _two_cities(places: str) -> bool:
    """*places* is two cities written one after the other (亳州芜湖, 阜阳合肥): the partners of a joint park."""
    hits = regions().find(places)
    return len(hits) == 2 and hits[0][1] == hits[1][0] and all(h[3][0].level == "city" for h in hits)


def _reference_or_kind(suffix: str, name_part: str, core: str, places: list, levelled: bool) -> Any:
    """For a place-less name: ``_BARE`` when the words before a bare zone word are no name (进一步发挥|高新区),
    None when they make a kind (国家自主创新示范区, 经济新区), ``_NAME`` when they may be a name."""
    if suffix not in _ANAPHORA or levelled or not (len(name_part) < 2 or (len(core) > 4 and not places) or name_part in _GENERIC):
        return _NAME
    if suffix == "经济区" and name_part.endswith(_FUNCTIONAL):
        return _NAME  # 首都国际机场临空经济区: an airport's or port's zone, named by its function
    if len(core) > 4 and _NAME_BEFORE_PLACE.match(name_part):
        return _NAME  # 京津中关村科技城: a name
    if suffix == "示范区" and len(core) > 4 and not places and name_part not in _GENERIC:
        return None  # 国家自主创新示范区, 城乡融合示范区: a long descriptor makes a kind of 示范区, not a reference
    if name_part in _GENERIC and len(name_part) >= 2 and suffix in ("新区", "开发区", "示范区"):
        return None  # 经济新区, 产业新区, 创新新区: a kind
    return _BARE


# Descriptors that with a zone word make a kind of zone (高新技术|产业园区, 经济技术|开发区), no name of one.
_TECHNOLOGY_KINDS = {"高新技术", "高新技术产业", "高技术", "高技术产业", "经济技术", "技术", "高新"}

# Descriptors that after a province's name make the kind of zone it designates (浙江省|高新技术|产业园区, 贵州省|化工|园区
# 认定办法), not one zone (吉林化工园区 is one).
_PROVINCE_S_KINDS = _TECHNOLOGY_KINDS | {"化工", "飞地"}


def _yuanqu_is_no_name(simplified: str, match: re.Match[str], name_part: str, place_end: int) -> bool:
    """…园区 that is no park's name: a county's part of the zone (安宁园区, found by ``_place_parts``), a kind
    (化工园区, 飞地园区), a name said fewer than three times, or the start of a longer one (白马园区新材料产业园).
    A place with words of its own (吉林化工园区, 西藏文化旅游创意园区) said three times, or given a short name, is a name."""
    return bool((place_end and len(name_part) <= place_end + 1) or name_part.removeprefix("中国").startswith(("化工", "飞地"))
                or name_part.endswith("部")
                or (simplified.count(name_part + "园区") < 3 and not _DEFINED_AFTER.match(simplified[match.end() :]))
                or re.match(r"[\u4e00-\u9fff]{1,8}?(?:产业园|工业园|科技园)", simplified[match.end() :]))


def _placeless_name(simplified: str, suffix: str, name_part: str, places: list, stops: list, open_ended: bool) -> bool:
    """A name without a place in front is a park's name when the suffix allows one (…产业园, …科技城), or a brand or
    partner comes first (沪滇临港昆明科技城, 苏科高新·绵阳智能制造产业园), or it is said twice (柳东新区 … 柳东新区)."""
    named = bool(places) and (_NAME_BEFORE_PLACE.match(name_part) or "(" in name_part or "·" in name_part)
    longest = 12 if "(" in name_part or "·" in name_part else 8  # 中韩(长春)国际合作示范区
    repeated = (suffix in _REPEATED_OK and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name_part) is not None
                and simplified.count(name_part + suffix) >= 2)
    functional = suffix == "经济区" and name_part.endswith(_FUNCTIONAL)  # 临空经济区, 首都国际机场临空经济区
    return not ((suffix not in _NO_PLACE_OK and not named and not repeated and not functional)
                or not (2 <= len(name_part) <= longest) or name_part in _GENERIC or (open_ended and not stops)
                or re.search(r"千亿|百亿|万亿|加速|助推|一流|世界级|最", name_part))


def _places_in_general(simplified: str, suffix: str, name_part: str, place_end: int, descriptor: str) -> bool:
    """A province's or city's zones in general, not one zone: 成都产业园区, 临沂市开发区, 甘肃省开发区, a province's
    新区, 长三角自贸区 (深圳工业园 said twice and 天津开发区 are names)."""
    leading = regions().find(name_part[:place_end])
    top_level = leading[-1][3][0].level if leading else "county"
    if top_level == "province" and leading[-1][3][0].name in CITY_PROVINCES and suffix in _BARE_TYPES:
        top_level = "city"  # 天津高新区: the city's one 高新区, as 西安高新区 is
    if not descriptor and suffix in _GENERIC_SUFFIXES and top_level in ("province", "city") and suffix != "新区" \
            and (simplified.count(name_part + suffix) < 2 or top_level == "province" or name_part.endswith(("市", "省"))
                 or suffix == "产业园区"):
        return True
    if not descriptor and suffix == "开发区" and (top_level == "province" or name_part.endswith(("市", "省"))):
        return True
    if not descriptor and top_level == "province" and suffix in _BARE_KINDS:
        return True  # 西藏自治区经济开发区, 浙江经济开发区: a province's zones (its catalogue zones matched before this)
    if not descriptor and suffix in _PROVINCE_WIDE and top_level == "province":
        return True
    return suffix in ("自贸区", "自贸试验区", "自由贸易试验区") and "+" in leading[0][3][0].code


def _city_new_area(simplified: str, start: int, name: str, place_end: int) -> bool:
    """A city's own new area named by the city alone (开封新区, 呼和浩特新区): a zone, as labellers read it; not in
    brackets inside a longer name (平谦国际(肇庆新区)现代产业园)."""
    hits = regions().find(name[:place_end])
    return place_end == len(name) - 2 and len(hits) == 1 and hits[0][:2] == (0, place_end) \
        and hits[0][3][0].level == "city" and simplified[start - 1 : start] not in ("(", "（")


def _national_new_area(place: str, index: Parks) -> Park | None:
    """The one 国家级新区 named after the city *place* names (青岛 → 青岛西海岸新区), if there is one."""
    hits = regions().find(place)
    region = hits[-1][3][0] if hits else None
    city = region if region is None or region.level == "city" else regions().city_of(region)
    areas = [p for p in index.by_code.values() if p.type == "国家级新区" and city and city.short and p.name.startswith(city.short)]
    return areas[0] if len(areas) == 1 else None


def _no_park(simplified: str, match: re.Match[str], suffix: str, name: str, place_end: int, end: int) -> bool:
    """A name that is no park: a regional plan's region (中原经济区), a logistics project named once, an urban new
    area, a city's zones with (园区) after, a company's own park or a …产业园项目."""
    if ends_with_planning_region(simplified[max(0, match.start() - 12) : end]):
        return True  # 中原经济区, 鄱阳湖生态经济区: a regional plan's region (planning_regions.csv)
    if suffix in ("物流园", "物流园区") and place_end == 0 and simplified.count(name) < 2:
        return True  # 城市配送物流园, 航空物流园: a logistics project or facility, unless named again
    if suffix == "新区" and not name.endswith(("高新区", "创新区")) and not _city_new_area(simplified, match.start() - place_end, name, place_end):
        return True  # a new area the gazetteer lacks is an urban district (城南新区, 政务文化新区), not a park
    if kind_in_brackets_after(simplified, end):
        return True  # 宁波开发区(园区): a city's zones in general
    brand = re.match(r"[A-Za-z]+", name)  # TCL科技产业园, ABB…产业园: a company's; LED封装检测产业园: a trade's
    if re.search(r"[厅局委办]$", name[: len(name) - len(suffix)]) or re.match(r"处(?!于|在|理|置)", simplified[end : end + 2]):
        return True  # 工业和信息化厅|工业园区处: a government department's division, not a park
    return bool(_NEVER.search(name) or re.search(r"公司|集团|有限|大学(?!科技园)|学院|研究院|医院|政府|人民|共和国|委员会|部门", name)
                or (suffix in _PROJECT_SUFFIXES and simplified.startswith("项目", end))
                or (place_end == 0 and brand is not None and brand.group(0).upper() not in _TRADE_ACRONYMS))


_TRADE_ACRONYMS = {"AI", "LED", "OLED", "IC", "IT", "ICT", "VR", "AR", "XR", "EDA", "IOT", "BIO", "MEMS", "LCD", "PCB", "SMT",
                   "CBD", "DNA", "GIS", "IDC", "NEV"}


def _without_province(name: str) -> str:
    """One canonical name whether or not the press adds the province or city in front of a county's park."""
    hits = regions().find(name)
    while len(hits) >= 2 and hits[0][0] == 0 and hits[0][3][0].level in ("province", "city") and hits[1][0] == hits[0][1] \
            and not _two_cities(name[: hits[1][1]]):  # 亳州芜湖现代产业园区: two partner cities stay
        name = name[hits[0][1] :]  # 四川宜宾三江新区 → 宜宾三江新区; 绵阳安州高新区 → 安州高新区
        hits = regions().find(name)
    return name

def _park_of(region: Any, kind: str, index: Parks) -> Park | None:
    """The one catalogue park of *kind* (高新区/经开区) in a city or county region, if there is exactly one."""
    province = regions().provinces.get(region.province)
    for place in {region.short, region.name}:
        cands = [p for p in index.by_place_type.get((place, kind), []) if not province or p.province == province.name]
        if len(cands) == 1:
            return cands[0]
    return None
