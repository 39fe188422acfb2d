"""Gazetteers shipped with parkwatch: administrative divisions (2023) and the 2018 development-zone catalogue.

Both are loaded once per process and matched over Simplified text by one leftmost-longest Aho-Corasick pass each
(:class:`NameIndex`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick_rs

from parkwatch.mentions import stable_id


class NameIndex:
    """Names and their values, found in a text leftmost-longest and without overlaps (绵阳高新区, not 绵阳, where both
    start): one pass of the ``aho-corasick`` crate (ahocorasick-rs). Offsets are ``str`` indices."""

    def __init__(self, entries: dict[str, Any]) -> None:
        self.names = list(entries)
        self.values = list(entries.values())
        self._automaton = ahocorasick_rs.AhoCorasick(self.names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) \
            if self.names else None

    def __len__(self) -> int:
        return len(self.names)

    def find(self, text: str) -> list[tuple[int, int, str, Any]]:
        """``(start, end, name, value)`` for each name found in *text*, in order."""
        if self._automaton is None:
            return []
        names, values = self.names, self.values
        return [(start, end, names[i], values[i]) for i, start, end in self._automaton.find_matches_as_indexes(text)]


def shipped_csv(name: str) -> list[dict[str, str]]:
    """The rows of the CSV file *name* shipped in ``parkwatch/data``."""
    text = resources.files("parkwatch").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def shipped_json(name: str) -> dict[str, Any] | None:
    """The JSON file *name* shipped in ``parkwatch/data`` (a learned model's weights), or None when the package
    holds none."""
    path = resources.files("parkwatch").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


# ---------------------------------------------------------------------------------------------- regions
_ETHNIC_GROUPS = ("朝鲜 土家 苗 布依 侗 彝 藏 羌 傣 景颇 哈尼 白 傈僳 壮 蒙古 回 哈萨克 柯尔克孜 瑶 黎 畲 满 达斡尔 鄂温克 鄂伦春 "
                  "锡伯 塔吉克 仡佬 水 毛南 仫佬 土 撒拉 保安 东乡 裕固 纳西 普米 独龙 怒 拉祜 佤 基诺 德昂 布朗 阿昌 维吾尔").split()
_ETHNIC = "|".join(sorted(_ETHNIC_GROUPS, key=len, reverse=True))
# 延边朝鲜族自治州 → 延边, 黔南布依族苗族自治州 → 黔南, 伊犁哈萨克自治州 → 伊犁, 海西蒙古族藏族自治州 → 海西.
_ETHNIC_SUFFIX = re.compile(rf"(?:(?:{_ETHNIC})族?)+自治(?:州|县|旗)$|(?:蒙古|回族|维吾尔|壮族)?自治(?:区|州|县|旗)$")
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
# District short forms that are everyday words (和平, 城东 …) are not matched on their own.
_COMMON_SHORTS = set(
    "和平 新华 城中 城东 城西 城南 城北 市中 东区 西区 南区 北区 中区 郊区 矿区 新城 高新 开发 江北 江南 河东 河西 "
    "江东 青山 南山 中山 平安 永安 长安 红旗 铁西 铁东 白云 海港 城关 城区 新区 向阳 胜利 前进 利民 幸福 东方 "
    "和田 文化 工农 建设 光明 友谊 民主 团结 金山 宝山 龙华 普陀 鼓楼 朝阳 通州 西湖 东湖 太平 永和 长寿 合作 "
    "建平 大方 安全 和县 都安 开放 开阳 东海 平和 新建 发展 将乐 永新 安福".split()
)


# Prefectures the press abbreviates to their first character (克州阿图什工业园区); not 巴州, a county of 巴中 (巴州区).
_PREFECTURE_ABBREVIATIONS = {"克孜勒苏柯尔克孜自治州": "克州", "博尔塔拉蒙古自治州": "博州"}


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str  # province, city, county
    province: str  # province code
    city: str | None = None  # city code, for counties
    short: str | None = None


def _short(name: str, level: str) -> str | None:
    if level == "province":
        short = _PROVINCE_SUFFIX.sub("", name)
    else:
        short = _ETHNIC_SUFFIX.sub("", name)
        if short == name:
            short = re.sub(r"(?:市|地区|盟|县|区|旗|林区|特区)$", "", name)
    if len(short) < 2 or short == name:
        return None
    if level == "county" and (short in _COMMON_SHORTS or name.endswith("区") and len(short) < 2):
        return None
    return short


@dataclass
class Regions:
    by_code: dict[str, Region]
    names: NameIndex
    provinces: dict[str, Region] = field(default_factory=dict)

    def city_of(self, region: Region) -> Region | None:
        if region.level == "city":
            return region
        if region.level == "county" and region.city:
            return self.by_code.get(region.city)
        return None

    def __post_init__(self) -> None:
        # A whole article is searched by more than one plugin (the regions and the parks' locality): the last few
        # long texts' results are kept (thread-safe), a copy handed out each time.
        # Rules ask again and again about the same short windows (a name, the words before it): about two in three
        # of these lookups repeat one made before, so the last few thousand are kept too.
        self._recent = lru_cache(maxsize=4)(self._find)
        self._short = lru_cache(maxsize=8192)(self._find)

    def find(self, text: str) -> list[tuple[int, int, str, list[Region]]]:
        """Leftmost-longest region names in Simplified *text*: ``(start, end, surface, candidates)``."""
        return list(self._recent(text) if len(text) > 200 else self._short(text))

    def _find(self, text: str) -> tuple[tuple[int, int, str, list[Region]], ...]:
        return tuple(self.names.find(text))

    def lookup(self, place: str) -> list[Region]:
        """Regions a written place (``四川省绵阳市``, ``绵阳``) names, most specific last."""
        found = [cands for _, _, _, cands in self.find(place)]
        return [c[0] for c in found if len(c) == 1]


_REGION_COMBOS = {"川渝": ("51", "50"), "成渝": ("51", "50"), "京津冀": ("11", "12", "13"), "长三角": ("31", "32", "33", "34"),
                  "粤港澳": ("44", "81", "82"), "珠三角": ("44",), "闽台": ("35", "71"), "陕甘": ("61", "62")}
_SKIP_CITY = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@lru_cache(maxsize=1)
def regions() -> Regions:
    by_code: dict[str, Region] = {}
    for row in shipped_csv("provinces.csv"):
        by_code[row["code"]] = Region(row["code"], row["name"], "province", row["code"], short=_short(row["name"], "province"))
    for row in shipped_csv("cities.csv"):
        if row["name"] in _SKIP_CITY:
            continue
        by_code[row["code"]] = Region(row["code"], row["name"], "city", row["provinceCode"], short=_short(row["name"], "city"))
    for row in shipped_csv("areas.csv"):
        name = row["name"]
        if re.search(r"开发区|园区|示范区|管理区|管委会|实验区|合作区|试验区", name) or name in ("市辖区",):
            continue
        by_code[row["code"]] = Region(row["code"], name, "county", row["provinceCode"], row["cityCode"],
                                      short=_short(name, "county"))
    keys: dict[str, list[Region]] = defaultdict(list)
    for combo, codes in _REGION_COMBOS.items():  # 川渝高竹新区: cross-province names start with a place too
        keys[combo].append(Region("+".join(codes), combo, "province", codes[0], short=None))
    for region in by_code.values():
        keys[region.name].append(region)
        if region.short:
            keys[region.short].append(region)
            if region.name.endswith("自治州"):
                keys[region.short + "州"].append(region)  # 黔南州, 延边州: the press's form of a prefecture
        if region.name in _PREFECTURE_ABBREVIATIONS:
            keys[_PREFECTURE_ABBREVIATIONS[region.name]].append(region)
    order = {"province": 0, "city": 1, "county": 2}
    names = NameIndex({key: sorted(cands, key=lambda r: order[r.level]) for key, cands in keys.items()})
    return Regions(by_code, names, {r.code: r for r in by_code.values() if r.level == "province"})


# ---------------------------------------------------------------------------------------------- parks
_TYPE_ALIASES = [
    ("高新技术产业开发区", ["高新技术产业开发区", "高新区", "高新技术开发区", "高新开发区"]),
    ("高新技术产业园区", ["高新技术产业园区", "高新区", "高新园区"]),
    ("高技术产业开发区", ["高技术产业开发区", "高新区", "高新技术产业开发区"]),  # 厦门火炬高技术产业开发区: 火炬高新区
    ("经济技术开发区", ["经济技术开发区", "经开区", "经济开发区", "开发区"]),
    ("新技术产业开发区", ["新技术产业开发区", "高新区"]),
    ("新技术开发区", ["新技术开发区", "高新区"]),
    ("科技园区", ["科技园区", "科技园"]),
    ("经济开发区", ["经济开发区", "经开区", "开发区"]),
    ("工业园区", ["工业园区", "工业园"]),
    ("综合保税区", ["综合保税区", "综保区"]),
    ("工业集中发展区", ["工业集中发展区", "工业集中区"]),
    ("产业园区", ["产业园区", "产业园"]),
    ("边境经济合作区", ["边境经济合作区", "边合区"]),
    ("台商投资区", ["台商投资区", "台商区"]),
]
_SPECIFIC_TYPES = {"高新技术产业开发区", "高技术产业开发区", "经济技术开发区", "综合保税区"}
# What is left of a name without its place that names a kind, not the zone: no alias of its own.
_KIND_CORES = {"保税物流园区", "出口加工区", "保税区", "保税港区", "新区", "高新", "高新区", "经开", "经开区", "工业园", "示范区",
               "港", "临空经济示范区", "临空经济区", "空港经济区"}  # 重庆|临空经济示范区: the rest is the kind every such zone is named by
_WEAK_ALIASES = {("经济开发区", "经开区"), ("经济开发区", "开发区"), ("经济技术开发区", "经济开发区"), ("经济技术开发区", "开发区")}  # used only when unambiguous


@dataclass(frozen=True)
class Park:
    code: str
    name: str
    province: str  # 四川省
    level: str  # national / provincial
    type: str
    place: str = ""  # the place part of the name (绵阳, 游仙)
    aliases: tuple[str, ...] = ()
    parent: str = ""  # the code of the zone a 片区/园区 belongs to
    source: str = "catalogue"  # catalogue, zones (shipped since-2018 data), gazetteer (the user's)


@lru_cache(maxsize=1)
def planning_regions() -> tuple[str, ...]:
    """Names of regional plans and cooperation regions that end like a zone (中原经济区): regions, not parks."""
    return tuple(row["name"] for row in shipped_csv("planning_regions.csv"))


_DASHES = re.compile(r"[-—–－]+")


def ends_with_planning_region(text: str) -> bool:
    """*text* ends with a regional plan's region, however its dash is written (关中——天水经济区, 关中-天水经济区)."""
    return _DASHES.sub("-", text).endswith(planning_regions())


@lru_cache(maxsize=1)
def programme_names() -> frozenset[str]:
    """Short names of well-known campaigns, programmes, strategies and reforms (放管服, 腾笼换鸟), Simplified and
    without quotes or head: a quoted one is a policy mention wherever it stands."""
    return frozenset(row["name"] for row in shipped_csv("programmes.csv"))


def places_only(text: str) -> bool:
    """Whether *text* is place names alone (甘肃, 四川宜宾)."""
    covered = 0
    for start, end, _, _ in regions().find(text):
        if start != covered:
            return False
        covered = end
    return covered == len(text)


def is_place(text: str) -> bool:
    """True when *text* starts with a region name."""
    hits = regions().find(text)
    return bool(hits) and hits[0][0] == 0


_NATIONAL_FORMS = {"高新区", "经开区", "高新技术产业开发区", "经济技术开发区"}


# A province's name that begins an institution's (浙江大学国家大学科技园, 河南省国家大学科技园) stays: without it the
# rest is the kind (国家大学科技园) or another school's name (大学国家大学科技园).
_INSTITUTION_AFTER_PROVINCE = re.compile(r"(?:国家|[\u4e00-\u9fff]{0,4}(?:大学|学院))")


def _named_without_level(place: str) -> bool:
    """Whether *place* (蓟州区, 宜宾市) is a county's or city's full name that its short name alone also names: not
    承德县, whose short name is its city's."""
    hits = regions().find(place[:-1])
    if place[-1] not in "县区市旗" or len(hits) != 1 or hits[0][:2] != (0, len(place) - 1):
        return False
    regions_named = [r for r in hits[0][3] if r.short == place[:-1]]
    return any(r.name == place for r in regions_named) and (place[-1] == "市" or all(r.level == "county" for r in regions_named))


def _leading_place(place: str) -> list[int]:
    """The length of a county's or city's short name *place* starts with and goes on after (镇原|金龙), if any."""
    hits = regions().find(place)
    return [hits[0][1]] if hits and hits[0][0] == 0 and 2 <= hits[0][1] < len(place) else []


def _level_words(place: str) -> set[str]:
    """The level words the press writes between *place*, the whole short name of a county or city, and a zone's kind:
    the region's own (新沂|市, 五常|市), and 县 for a district that was a county (罗江区, once 罗江县)."""
    hits = regions().find(place)
    if len(hits) != 1 or hits[0][:2] != (0, len(place)):
        return set()
    words = {r.name[len(place) :][-1:] for r in hits[0][3] if r.short == place and r.level in ("county", "city")}
    words = {w for w in words if w in ("县", "市", "区", "旗")}  # 焉耆回族自治县: 焉耆县
    return words | ({"县"} if "区" in words else set())


def _park_aliases(name: str, province: str, cities: list[str], national: bool = False) -> tuple[str, tuple[str, ...]]:
    """Aliases of a catalogue name: with and without province (and 省) and city prefixes, short type forms, and with
    or without its county's or city's level word (罗江县经济开发区, 蓟州经济开发区)."""
    province_short = _PROVINCE_SUFFIX.sub("", province)
    core = name
    for prefix in (province, province_short):
        rest = name[len(prefix) :]
        type_length = next((len(t) for t, _ in _TYPE_ALIASES if rest.endswith(t)), 0)
        if name.startswith(prefix) and len(rest) > 3 and len(rest) - type_length >= 2 \
                and not any(rest == t for t, _ in _TYPE_ALIASES) \
                and not _INSTITUTION_AFTER_PROVINCE.match(rest):  # 上海|市北工业园区, not 上海市|北工业园区
            core = rest
            break
    type_part, forms = next(((t, f) for t, f in _TYPE_ALIASES if core.endswith(t)), ("", []))
    place = core[: len(core) - len(type_part)] if type_part else ""
    if place in _KIND_CORES or core in _KIND_CORES:  # 天津|保税物流园区, 兰州|新区综合保税区: the rest is a kind
        core, place = name, ""
    places = [place] if place else []
    if place[:1] in "—–-·" and len(place) >= 3:
        places.append(place[1:])  # 广西|—东盟|经济技术开发区: 东盟经开区
    for city in cities:  # 绵阳游仙 → also 游仙; 宜宾临港 → 临港 for the specific zone types
        rest = place[len(city) :]
        if rest.startswith("市") and len(rest) >= 3 and place.startswith(city):
            rest = rest[1:]  # 铁岭市|调兵山: 调兵山经济开发区
        if place.startswith(city) and len(rest) >= 2 and rest not in _KIND_CORES \
                and (is_place(rest) or type_part in _SPECIFIC_TYPES):
            places.append(rest)
    aliases = {name, core, province_short + core, province + core}
    if len(place) >= 3 and _named_without_level(place):
        places.append(place[:-1])  # 天津蓟州区经济开发区, 宜宾市高新技术产业园区: also 蓟州经济开发区, 宜宾高新…
    levelled = {p + level for p in places for level in _level_words(p)}  # 罗江县|经济开发区
    levelled |= {p[:n] + level + p[n:] for p in places for n in _leading_place(p) for level in _level_words(p[:n])}
    for p in [*places, *levelled]:
        for form in forms:
            if p in levelled and form == "开发区":
                continue  # 昆明市开发区: the city's zones, all kinds
            strong = (type_part, form) not in _WEAK_ALIASES
            if len(p) >= 2:
                aliases.add(p + form if strong else f"~{p}{form}")
                if strong:
                    aliases.add(province_short + p + form)
                if national and strong and form in _NATIONAL_FORMS and p not in levelled:  # 海口国家高新区, 西宁(国家级)经开区
                    aliases.update(before + p + infix + form for infix in ("国家", "国家级", "(国家级)", "(国家)")
                                   for before in ("", province_short))  # 安徽芜湖市国家高新技术产业开发区
    return place, tuple(sorted(a for a in aliases if len(a.lstrip("~")) >= 4))


@dataclass
class Parks:
    by_code: dict[str, Park]
    names: NameIndex
    by_place_type: dict[tuple[str, str], list[Park]]

    def find(self, text: str) -> list[tuple[int, int, str, list[Any]]]:
        return self.names.find(text)

    def named(self, name: str) -> list[Park]:
        """The parks *name*, as a whole, is a name or alias of (none when it only holds one)."""
        hits = self.find(name)
        return list(hits[0][3]) if len(hits) == 1 and hits[0][:2] == (0, len(name)) else []

    def named_by(self, term: str) -> list[Park]:
        """The parks a user's *term* names: the park of that 代码, else those its whole name or alias names."""
        from parkwatch.extract.normalize import simplify

        return [self.by_code[term]] if term in self.by_code else self.named(simplify(term))


def short_type(park_type: str) -> str:
    return {"高新技术产业开发区": "高新区", "高技术产业开发区": "高新区", "经济技术开发区": "经开区",
            "经济开发区": "经开区"}.get(park_type, park_type)


@lru_cache(maxsize=1)
def parks() -> Parks:
    region_index = regions()
    city_shorts = sorted({r.short for r in region_index.by_code.values()
                          if r.short and (r.level == "city" or r.name.endswith("市"))}, key=len, reverse=True)
    by_code: dict[str, Park] = {}
    for row in shipped_csv("devzones_2018.csv"):
        code = row["代码"]
        if code in by_code:  # the catalogue uses one code twice; keep both zones apart
            code = f"{code}-{row['序号']}"
        national = row["批准级别"] == "国务院"
        place, aliases = _park_aliases(row["开发区名称"], row["省份"], city_shorts, national)
        aliases = tuple(sorted({*aliases, *_corps_aliases(aliases), *_shanghai_aliases(row["开发区名称"], place)}))
        by_code[code] = Park(code, row["开发区名称"], row["省份"], "national" if national else "provincial",
                             row["开发区类型"], place, aliases)
    _add_zones(by_code, city_shorts)
    return _build_parks(by_code)


def _shanghai_aliases(name: str, place: str) -> set[str]:
    """上海's town-level 工业园区 as the city's press names them, 工业区 (上海莘庄工业园区: 莘庄工业区, 上海莘庄工业区)."""
    if not (name.startswith("上海") and name.endswith("工业园区")) or len(place) < 2:
        return set()
    return {place + "工业区", "上海" + place + "工业区", "上海市" + place + "工业区"}


_CORPS = ("新疆生产建设兵团", "新疆兵团", "生产建设兵团", "兵团")


def _corps_aliases(aliases: tuple[str, ...]) -> set[str]:
    """A Xinjiang Production and Construction Corps park under each way the press names the corps in front
    (兵团乌鲁木齐工业园区, 新疆生产建设兵团乌鲁木齐工业园区, 新疆兵团…)."""
    out = set()
    for alias in aliases:
        corps = next((c for c in _CORPS if alias.startswith(c)), None)
        if corps is not None and len(alias) - len(corps) >= 4:
            out |= {c + alias[len(corps) :] for c in _CORPS}
    return out


_FTZ_RE = re.compile(r"^中国\((.+?)\)自由贸易试验区")


def _zone_aliases(row: dict[str, str], parent: Park | None) -> set[str]:
    """Short forms of a zone of ``zones.csv`` beyond its listed aliases: 四川自贸试验区 for 中国(四川)自由贸易试验区;
    for a 片区, its parent's forms + the 片区 name, the 片区 name alone and 黑河自贸片区."""
    name = row["name"]
    listed = {a.strip() for a in row["aliases"].split("|") if len(a.strip()) >= 2}  # 光谷: listed, so kept
    found: set[str] = set()
    ftz = _FTZ_RE.match(name)
    if ftz and not parent:
        place = ftz.group(1)
        found |= {f"{place}{form}" for form in ("自由贸易试验区", "自贸试验区", "自贸区")} | {f"中国({place})自贸试验区"}
    if parent is not None and name.startswith(parent.name):
        part = name[len(parent.name) :]
        found |= {form + part for form in (parent.name, *parent.aliases) if not form.startswith("~")}
        if part.endswith("片区") and len(part) >= 4:
            found |= {part, part[:-2] + "自贸片区", "自贸试验区" + part, "自贸区" + part}
    return {a for a in found if len(a) >= 4} | listed


def _add_zones(by_code: dict[str, Park], city_shorts: list[str]) -> None:
    """Zones since the 2018 catalogue (``zones.csv``: new areas, free-trade zones and their 片区, national lists of
    today …). A row naming a catalogue 代码 upgrades or renames that zone; the old name stays an alias."""
    by_name = {p.name: p for p in by_code.values()}
    for row in sorted(shipped_csv("zones.csv"), key=lambda row: bool(row["parent"])):  # a part after its zone's row
        old = by_code.get(row["catalogue_code"]) if row["catalogue_code"] else None
        parent = by_name.get(row["parent"]) if row["parent"] else None
        national = row["level"] == "national"
        place, generated = _park_aliases(row["name"], row["province"], city_shorts, national)
        aliases = set(generated) | _zone_aliases(row, parent)
        level = row["level"]
        if old is not None:
            aliases |= set(old.aliases) | {old.name}
            code, place = old.code, old.place or place
            level = "national" if old.level == "national" else level
        else:
            code = stable_id("Z", row["name"])
        park = Park(code, row["name"], row["province"], level, row["type"], place, tuple(sorted(aliases)),
                    parent.code if parent else "", "zones")
        by_code[code] = park
        by_name[park.name] = park


CITY_PROVINCES = {"北京市": "北京", "天津市": "天津", "上海市": "上海", "重庆市": "重庆"}


def _by_city_province(all_parks: Iterable[Park]) -> dict[tuple[str, str], list[Park]]:
    """The parks of the four cities that are provinces, by the city's name and the park's kind (天津 → 天津滨海高新区,
    whose place is 滨海)."""
    by_city: dict[tuple[str, str], list[Park]] = defaultdict(list)
    for park in all_parks:
        if park.province in CITY_PROVINCES:
            by_city[(CITY_PROVINCES[park.province], short_type(park.type))].append(park)
    return by_city


@lru_cache(maxsize=1)
def prefecture_city_shorts() -> tuple[str, ...]:
    """The short names of the prefecture-level cities (包头, 厦门), longest first."""
    return tuple(sorted({r.short for r in regions().by_code.values() if r.level == "city" and r.short}, key=len, reverse=True))


@lru_cache(maxsize=1)
def prefecture_city_short_set() -> frozenset[str]:
    """The short names of the prefecture-level cities as a set, for membership tests."""
    return frozenset(prefecture_city_shorts())


def _national_high_tech_by_city(all_parks: Iterable[Park]) -> dict[tuple[str, str], list[Park]]:
    """National 高新区 whose place is their city and a word (厦门火炬, 包头稀土), by the city: the press's 厦门高新区."""
    cities = prefecture_city_shorts()
    by_city: dict[tuple[str, str], list[Park]] = defaultdict(list)
    for park in all_parks:
        city = next((c for c in cities if park.place.startswith(c) and len(park.place) > len(c)), None)
        if park.level == "national" and short_type(park.type) == "高新区" and city is not None:
            by_city[(city, "高新区")].append(park)
    return by_city


def _build_parks(by_code: dict[str, Park], extra: dict[str, list[Park]] | None = None) -> Parks:
    strong: dict[str, list[Park]] = defaultdict(list)
    weak: dict[str, list[Park]] = defaultdict(list)
    by_place_type: dict[tuple[str, str], list[Park]] = defaultdict(list)
    for park in by_code.values():
        for alias in park.aliases:
            (weak[alias[1:]] if alias.startswith("~") else strong[alias]).append(park)
        for place in {park.place, *(a for a in [park.place[2:]] if len(a) >= 2)}:
            if place:
                by_place_type[(place, short_type(park.type))].append(park)
    for key, cands in [*_by_city_province(by_code.values()).items(), *_national_high_tech_by_city(by_code.values()).items()]:
        if key not in by_place_type and len(cands) == 1:  # 天津高新区: the city's one park of the kind, named for a part of it
            by_place_type[key] = cands
    for alias, cands in (extra or {}).items():
        strong[alias] = list(dict.fromkeys([*cands, *strong.get(alias, [])]))
    forms: dict[str, list[Park]] = {}  # a form written twice keeps its last candidates
    for alias, cands in strong.items():
        for form in _written_forms(alias):
            forms[form] = cands
    for alias, cands in weak.items():
        if alias not in strong and len(cands) == 1:
            for form in _written_forms(alias):
                forms[form] = cands
    return Parks(by_code, NameIndex(forms), by_place_type)


def _written_forms(alias: str) -> list[str]:
    """*alias* as written with each dash the press uses (中国-东盟, 中国—东盟, 中国–东盟), 中国(天津)… without its
    brackets, and a long name's 试验区 as 实验区, which the press often writes (柴达木循环经济实验区)."""
    dash = next((d for d in "-—–" if d in alias), None)
    forms = [alias] if dash is None else list(dict.fromkeys([alias, *(alias.replace(dash, d) for d in "-—–")]))
    if bracketed := re.match(r"中国\(([\u4e00-\u9fff]{2,3})\)(?=[\u4e00-\u9fff]{4})", alias):
        forms += [form.replace(bracketed.group(0), "中国" + bracketed.group(1), 1) for form in forms]  # 中国天津自由贸易试验区
    if alias.endswith("试验区") and len(alias) >= 8:
        forms += [form[:-3] + "实验区" for form in forms]
    return forms


def parks_with_gazetteer(entries: list[dict[str, Any]]) -> Parks:
    """The catalogue plus a user gazetteer (``config/parks.yaml``): new parks and extra aliases.

    Each entry: ``name`` (a catalogue name, or a new park), optional ``aliases``, ``province``, ``code``.
    """
    base = parks()
    by_code = dict(base.by_code)
    by_name = {p.name: p for p in by_code.values()}
    extra: dict[str, list[Park]] = defaultdict(list)
    for entry in entries:
        park = by_name.get(entry["name"])
        if park is None:
            code = entry.get("code") or stable_id("U", entry["name"])
            province = entry.get("province", "")
            place, aliases = _park_aliases(entry["name"], province, [])
            park = Park(code, entry["name"], province, "user", entry.get("type", "园区"), place, aliases,
                        source="gazetteer")
            by_code[code] = park
        for alias in [park.name, *entry.get("aliases", [])]:
            extra[alias].append(park)
    return _build_parks(by_code, extra)


def unknown_park(term: str, gazetteer: list[dict[str, Any]], index: Parks | None = None) -> str | None:
    """Why *term* names no park (with the closest names), or ``None`` when a gazetteer knows it (*index*: the
    gazetteers with *gazetteer* already built, when the caller has it)."""
    import difflib

    from parkwatch.extract.normalize import simplify

    index = index or (parks_with_gazetteer(gazetteer) if gazetteer else parks())
    if index.named_by(term):
        return None
    key = simplify(term)
    names = sorted({a.lstrip("~") for p in index.by_code.values() for a in (p.name, *p.aliases)})
    close = difflib.get_close_matches(key, names, n=3, cutoff=0.6)
    hint = f"; closest: {', '.join(close)}" if close else ""
    return f"{term!r} is no park, alias or 代码 the gazetteers know (add it to parks.yaml){hint}"
