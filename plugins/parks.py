"""Parks plugin: the 2018 catalogue, the zones since (``zones.csv``), the user's gazetteer, and parks found by pattern.

* Gazetteer names and generated aliases (高新技术产业开发区 → 高新区, with and without province, 省 and city,
  四川自贸试验区 …) are matched with an Aho-Corasick automaton; the id is the catalogue 代码, ``Z-…`` for a zone
  of ``zones.csv``, ``U-…`` for the user's. A mention starts at the place names written right before it and
  takes in a named part written right after it (南宁高新区武鸣产业园: one mention of the zone, ``attrs["part"]``).
* Parks none of them lists (…产业园, …工业园区, …科技城, 火炬(翔安)产业区 …) are found by pattern, their names
  cut at verbs, function words, times and amounts (推动绵阳高新区 → 绵阳高新区), with a stable ``P-…`` id.
* A bare zone word (高新区, 开发区, 新区, 起步区, 综保区 …) is the zone of that kind the text names before it (else
  after it); a bare 高新区/经开区 with none, the park of the city named in its paragraph or of the site's region.
* Kinds, counts and lists (国家级经开区, 217家高新区, 全省开发区, 开发区、高新区) are not parks, nor are 公园, 校园,
  小区, 景区, 幼儿园, generic 园区 and a company's own 产业园.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from parkwatch.gazetteer import (
    Park,
    Parks,
    is_place,
    parks,
    parks_with_gazetteer,
    planning_regions,
    regions,
    short_type,
)
from parkwatch.hookspecs import hookimpl
from parkwatch.mentions import ArticleText, Mention, stable_id

_SUFFIXES = ("综合保税区", "高新技术产业开发区", "经济技术开发区", "经济开发区", "高新技术产业园区", "工业集中发展区",
             "经济发展区", "产业园区", "工业园区", "产业新城", "产业园", "工业园", "科技城", "科学城", "生物城", "科创城",
             "高新区", "经开区", "开发区", "新区", "功能区", "示范区", "合作区", "保税区", "综保区",
             "自由贸易试验区", "自贸试验区", "自贸区", "保税港区", "航空港经济综合实验区", "航空港区", "起步区",
             "农高区", "经济区", "台商投资区", "物流园区", "物流园", "航天城", "科技园区", "科技园", "创新园", "孵化园",
             "合作园", "工业集中区", "工业区", "产业区", "实验区", "园区", "产业集聚区", "临空区")
_SUFFIX_RE = re.compile("|".join(sorted(_SUFFIXES, key=len, reverse=True)))
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·\-—–]")  # 广西-东盟经开区, 天津滨海—中关村科技园
_GENERIC = set(
    "特色 专业 现代 重点 省级 国家级 市级 县级 相关 首批 标准化 各类 其他 这些 一批 多个 一个 首个 城市 新型 智慧 "
    "数字化 标杆 所在 周边 区域 千亿 百亿 本地 当地 全市 全省 各地 同类 其余 跨省 这座 新的 传统 综合 特色专业 "
    "主要 优势 示范 创新 科技 产业 工业 经济 生态 绿色 低碳 物流 文化 农业 现代农业 文旅 数字 智能 高端 未来 合作 国别 "
    "区内 境外 海外 专业化 特色化 市场化 重大 大型 中小 现代化 枢纽 县市区 区县 县区 市县 自由贸易 化学 低碳 零碳 "
    "高质量 老 重 轻 老工业 服务业 现代服务业 开发 创业 整个 飞地".split()
)
_LEVEL_INFIX = re.compile(r"(?:国家级|自治区级|省级|市级|国家|\(国家级\)|\(国家\))$")
_GENERIC_PREFIX = re.compile(r"(?:世界|国际|全球|一流|领先|高科技|新兴|民营|特色|现代化|国家级|省级|自治区级|市级|县级|县域|线下|"
                             r"线上|云上|[一二三四五六七八九十两]大|[一二三四五六七八九十]类|\d+个|各类|一批|新型|综合性|专业化|标准化|代表性|沿海|沿边|内陆|"
                             r"[\u4e00-\u9fff]{1,3}型)")  # 智慧型, 复合型, 创新型, 生态型 …: a kind
# After a place, words that make the rest a kind of park there (十大…, 县域…), not one park's name.
_KIND_IN_PLACE = re.compile(r"[一二三四五六七八九十两百]+大|\d+[个家]|县域|各类|一批|首批")
_NEVER = re.compile(r"公园|校园|小区|景区|幼儿园|家园|乐园|庄园|陵园|果园|菜园|花园|植物园|动物园|游乐园")
_BARE_TYPES = {"高新区": "高新区", "经开区": "经开区", "高新技术产业开发区": "高新区", "经济技术开发区": "经开区"}
# A bare zone word refers to a zone named elsewhere in the text whose name ends with one of these.
_ANAPHORA = {
    "高新区": ("高新技术产业开发区", "高新区", "高新技术产业园区", "新技术产业开发区", "高新技术开发区"),
    "高新技术产业开发区": ("高新技术产业开发区", "高新区", "新技术产业开发区"),
    "经开区": ("经济技术开发区", "经济开发区", "经开区"), "经济技术开发区": ("经济技术开发区",),
    "经济开发区": ("经济开发区", "经济技术开发区"),
    "开发区": ("开发区", "经开区", "高新区"), "新区": ("新区",), "实验区": ("实验区",), "综保区": ("综合保税区",), "综合保税区": ("综合保税区",),
    "科技城": ("科技城",), "科学城": ("科学城",), "起步区": ("起步区",), "示范区": ("示范区",), "经济区": ("经济区",),
    "自贸区": ("自由贸易试验区", "自贸试验区"), "保税港区": ("保税港区",),  # bare 自贸试验区: mostly the kind
    "航空港区": ("航空港经济综合实验区", "航空港区"), "临空区": ("临空经济区", "临空经济示范区", "临空区"),
}
# Words before a zone word that make it a kind, a count or a list, not one zone: 国家级经开区, 217家高新区, 全省开发区.
_GENERIC_BEFORE = re.compile(
    r"(?:国家级|省级|自治区级|市级|县级|省级以上|国家级以上|国家|全国|全省|全市|全区|全州|全县|各|各类|各级|各地|多个|多家|首批|部分|其他|"
    r"其余|现有|所有|一批|省内|国内|境内|同类|一般|类似|重点|优秀|先进|新一批|这类|此类|每个|哪些|若干|我国|我省|首个|首家|唯一的|"
    r"示范|标杆|典范|一流的?|世界级的?|中国|"
    r"[\d一二两三四五六七八九十百千几多]+(?:家|个|所|批|座|类|大))[“\"「]?$")
_ZONE_WORD = ("产业园区|工业园区|高新区|经开区|开发区|新区|综保区|园区|产业园|工业园|自贸区|保税区|综合保税区|高新技术产业开发区|"
              "经济技术开发区")
_LIST_AFTER = re.compile(rf"^(?:[、和与及]|以及)(?:{_ZONE_WORD})")
_LIST_BEFORE = re.compile(rf"(?:^|[^\u4e00-\u9fff]|[的和与及各在对把将推动])(?:{_ZONE_WORD})(?:[、和与及]|以及)$")
# A named part right after a zone: 南宁高新区武鸣产业园, 西部(重庆)科学城江津园区, 高新区电子科技园.
_SUBPARK = re.compile(r"^·?([\u4e00-\u9fff]{2,8}?(?:园区|分园|分区|创新区|产业园|工业园|科技园|电科园|数谷|示范区|片区)|(?:经济综合)?实验区|"
                      r"高新技术产业开发区|综合保税区|综保区|直管园|拓展区|起步区|[东西南北]区(?![域块])|[\u4e00-\u9fff]{2,3}园(?![区林艺博]))")
# A zone's name used for a street, a square or a station (光谷步行街, 世界光谷) is not the zone.
_PLACE_AFTER = re.compile(r"^(?:步行街|广场|大道|大街|路|街|地铁站|站|大走廊|走廊|号)")
# A nickname (光谷) that names a facility or area after it (光谷科学岛, 光谷国际外国语学校, 光谷文化中心) is not the zone.
_NAMED_AFTER_NICKNAME = re.compile(r"^(?:科学岛|科技创新大走廊|国际|文化|人才|学校|中心|社区|医院|体育|实验室|大学)")


def locality(article: ArticleText) -> tuple[str | None, str | None]:
    """``(province name, city short name)`` the article is about: the site's region, else the most named city."""
    index = regions()
    if article.region:
        found = index.lookup(article.region)
        city = next((index.city_of(r) for r in reversed(found) if index.city_of(r)), None)
        province = next((index.provinces.get(r.province) for r in found), None)
        if city or province:
            return (province.name if province else None), (city.short if city else None)
    counts: Counter[str] = Counter()
    for _, _, key, cands in index.find(article.simplified):
        region = cands[0]
        if region.level == "city" or (region.level == "county" and key == region.name and len(cands) == 1):
            city = index.city_of(region)
            if city:
                counts[city.code] += 1
    if not counts:
        return None, None
    city = index.by_code[counts.most_common(1)[0][0]]
    return index.provinces[city.province].name, city.short


def park_mentions(article: ArticleText, index: Parks | None = None) -> list[Mention]:
    """The park mentions of *article*, against *index* (the catalogue and zones.csv when not given)."""
    index = index or parks()
    text, simplified = article.text, article.simplified
    province, city = locality(article)
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for start, end, key, cands in index.find(simplified):
        if key in _ANAPHORA or _PLACE_AFTER.match(simplified[end : end + 4]) or simplified[max(0, start - 2) : start] == "世界" \
                or _KIND_IN_BRACKETS.match(_ARTIFACT.sub("", simplified[end : end + 24])) \
                or (len(key) <= 2 and _NAMED_AFTER_NICKNAME.match(simplified[end : end + 8])):
            continue  # bare zone words are resolved below, against the zones the text names
        start = _with_place_before(simplified, start)
        if key.endswith("园") and simplified.startswith("区", end):
            end += 1  # 张江高新区闵行园|区: the name goes on
        park = _resolve(cands, province, city, key)
        if park is None:
            continue
        mention = Mention("park", text[start:end], start, end, park.name, park.code,
                          attrs={"level": park.level, "source": park.source})
        mention = _with_subpark(article, mention, park)
        mentions.append(mention)
        taken.append((mention.start, mention.end))
    bare: list[re.Match[str]] = []
    for match in _SUFFIX_RE.finditer(simplified):
        if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
            continue
        floor = max((e for s_, e in taken if e <= match.start()), default=0)
        mention = _discover(article, match, province, city, index, floor)
        if mention is _BARE:
            bare.append(match)
        elif mention is not None:
            mention = _with_subpark(article, mention, None)
            mentions.append(mention)
            taken.append((mention.start, mention.end))
    named = sorted(mentions, key=lambda m: m.start)
    for match in bare:
        mention = _bare(article, match, province, city, named, index)
        if mention is not None:
            mention = _with_subpark(article, mention, None)  # 高新区奉化园, 开发区西区
        if mention is not None and not any(s < mention.end and mention.start < e for s, e in taken):
            mentions.append(mention)
            taken.append((mention.start, mention.end))
    mentions.extend(_defined_short_names(article, mentions, taken))
    mentions.extend(_place_parts(article, mentions, taken))
    mentions.extend(_listed_parks(article, taken))
    return mentions


def _is_county(name: str) -> bool:
    """*name* is exactly a county's name or short name, and not also a common word (南部, 资源)."""
    return name not in _COMMON_WORD_COUNTIES and any(
        start == 0 and end == len(name) and cands[0].level == "county" for start, end, _, cands in regions().find(name))


_COMMON_WORD_COUNTIES = {"南部", "资源", "东区", "西区", "南区", "北区", "城区", "新区", "郊区", "矿区", "市中", "永久"}
_COMMON_WORD_PLACES = _COMMON_WORD_COUNTIES | {"新兴", "通道", "长安", "和平", "城中"}  # 台商|新兴产业园区 is no place


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
    for part in re.finditer(r"园区|园(?![区林艺博场])", simplified):  # 安宁园区; 海淀园, 昌平园 of 中关村
        found_at, end = part.start(), part.end()
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
_LEISURE = re.compile(r"休闲|度假|体验|观光|养生|采摘|游览|娱乐|民俗")
_PARK_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,10}?园[、,，和及与]){2,}[\u4e00-\u9fff]{2,10}?园(?![区林艺博场])")


def _listed_parks(article: ArticleText, taken: list[tuple[int, int]]) -> list[Mention]:
    """The items of a list of three or more …园 names, each cut at a verb or function word before it."""
    found, simplified = [], article.simplified
    for listed in _PARK_LIST.finditer(simplified):
        items = list(re.finditer(r"[\u4e00-\u9fff]+?园", listed.group(0)))
        if any(_NEVER.search(i.group(0)) or _LEISURE.search(i.group(0)) for i in items):
            continue  # a list of parks in the city, or of a scenic area's leisure zones
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
_DEFINITION = re.compile(r"^[(（]\s*(?:以下)?(?:简称|下称|称)[为:：]?\s*[“\"「]?([\u4e00-\u9fffA-Za-z]{2,12}?)[”\"」]?\s*[)）,，、]")


def _defined_short_names(article: ArticleText, mentions: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """Each occurrence of a short name defined right after a zone's mention, from the definition on, as that zone."""
    simplified, found = article.simplified, []
    for mention in sorted(mentions, key=lambda m: m.start):
        match = _DEFINITION.match(simplified[mention.end : mention.end + 24])
        if not match or _NEVER.search(match.group(1)) or (_SUFFIX_RE.fullmatch(match.group(1))
                                                          and match.group(1) not in _ANAPHORA):
            continue  # a kind word the guideline does not count as a bare name (合作区)
        short, start = match.group(1), mention.end + match.start(1)
        while (start := simplified.find(short, start)) >= 0:
            end = start + len(short)
            if not any(s < end and start < e for s, e in taken):
                found.append(Mention("park", article.text[start:end], start, end, mention.canonical, mention.id,
                                     attrs={**mention.attrs, "source": "definition"}))
                taken.append((start, end))
            start = end
    return found


_BARE = Mention("park", "", 0, 0, "", "")  # marker: a bare zone word, resolved once every named zone is known


# After a bare zone word, what makes it the kind: 开发区管理体制改革, 开发区模式, 开发区和行政区, 经开区序列.
_KIND_AFTER = re.compile(r"(?:管理体制|体制|模式|升级版|优化整合|整合优化|序列|[和与]行政区|考核评价|发展规律|设立审核|审核公告|类别|快讯|"
                         r"(?:建设)?工作领导小组|振兴三年)")
# A count after the word (开发区552家, 高新技术产业开发区1家), plural demonstratives before it (这些开发区, 上述新区),
# administrative units listed before it (各县(市)区、开发区), a kind described before it (以制造业为主的开发区).
_COUNT_AFTER = re.compile(r"^\s*(?:\d+\s*[家个所座]|[一二两三四五六七八九十百千几多]+[家所座])")
_PLURAL_BEFORE = re.compile(r"(?:这些|那些|上述|以上|前述|诸多|众多|大量|许多|不少)$")
_UNITS_BEFORE = re.compile(r"(?:县|[县市区][)）]|[县市][)）]?区|乡镇|街道|部门|单位)、$")
_KIND_DESCRIBED = re.compile(r"为主的$|意义的$|性质的$|类型的$")
# A keyword or tag list: the word alone between line breaks or semicolons (区;新疆;新区;高新技术产业开发区).
_ALONE = re.compile(r"[\n;；|]")


_ARTIFACT = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")
_KIND_IN_BRACKETS = re.compile(r"^[(（]园区[)）]")  # 开发区(园区): the kind, as in 全市开发区(园区)


def _is_generic(simplified: str, start: int, end: int) -> bool:
    """A zone word used for a kind, a count or a list of kinds (国家级经开区, 3个高新区, 开发区、高新区等), or
    not a zone word at all (创新区 holds 新区)."""
    before, after = simplified[max(0, start - 8) : start], _ARTIFACT.sub("", simplified[end : end + 24])[:8]
    if _KIND_IN_BRACKETS.match(after):
        return True
    if simplified[start : start + 2] == "新区" and before.endswith("创"):
        return True
    return bool(_GENERIC_BEFORE.search(before) or _LIST_BEFORE.search(before) or _LIST_AFTER.match(after)
                or "最" in before[-6:] or after.startswith("之一")  # 功能最齐全的保税港区, 影响力的开发区之一
                or _KIND_AFTER.match(after) or _COUNT_AFTER.match(after) or _PLURAL_BEFORE.search(before)
                or _UNITS_BEFORE.search(before) or _KIND_DESCRIBED.search(before)
                or (re.match(r"[\n;；|\s]", simplified[start - 1 : start] or "\n") and _ALONE.match(after[:1] or "\n")))


def _with_place_before(simplified: str, start: int) -> int:
    """Start a zone's mention at the place names written right before it (鄂尔多斯|蒙苏经济开发区)."""
    while start > 0:
        hits = [h for h in regions().find(simplified[max(0, start - 8) : start]) if h[1] == min(8, start)]
        if not hits:
            return start
        start -= hits[-1][1] - hits[-1][0]
    return start


def _with_subpark(article: ArticleText, mention: Mention, park: Park | None, again: bool = True) -> Mention:
    """Extend a zone's mention over a named part right after it (南宁高新区武鸣产业园): the longest span, still
    the zone's entity (a watch on the zone sees its parts); the part's name is kept in ``attrs["part"]``."""
    following = _SUBPARK.match(article.simplified[mention.end : mention.end + 12])
    if following is None or _NEVER.search(following.group(1)) or _STOP_RE.search(following.group(1)[:-2]):
        return mention
    part = following.group(1).lstrip("·")
    if part.endswith("园") and not part.endswith(("产业园", "工业园", "科技园", "电科园", "分园")) and not is_place(part[:-1]):
        return mention  # 奉化园: a place's part of the zone; 科学园 or 花园 are not
    end = mention.end + following.end()
    if part.endswith("园") and article.simplified[end : end + 1] == "区":
        end += 1  # 装备制造产业园区: the shortest part ends at 产业园, the name at 园区
    extended = Mention("park", article.text[mention.start : end], mention.start, end, mention.canonical, mention.id,
                       attrs={**mention.attrs, "part": following.group(1).lstrip("·")})
    if not again or not part.endswith(("园区", "片区")):
        return extended
    further = _with_subpark(article, extended, park, again=False)  # 兰州新区|绿色化工园区|专精特新产业园: a part's part
    return further if further.end > end else extended


def _resolve(cands: list[Park], province: str | None, city: str | None, key: str = "") -> Park | None:
    """The park an alias names here: unique, or the one in the article's province and city. An alias without
    the park's place (临港经开区) names a park elsewhere only when the article's province is unknown."""
    if province:
        cands = [p for p in cands if p.province == province or (p.place and p.place in key)] or (
            [] if all(p.place and p.place not in key for p in cands) else cands)
    if len(cands) == 1:
        return cands[0]
    if not cands:
        return None
    local = [p for p in cands if province and p.province == province] or cands
    if city and len(local) > 1:
        local = [p for p in local if p.place.startswith(city) or city in p.name] or local
    return local[0] if len(local) == 1 else None


# Words that end a name when written before its suffix: verbs, function words, time words (推动|绵阳高新区).
_STOP_WORDS = (
    "推动 推进 加快 加速 位于 落户 落地 入驻 入园 建设 建成 打造 共建 支持 围绕 依托 "
    "联合 邀请 包括 其中 来自 前往 走进 成为 作为 设立 成立 组建 规划 新建 引进 签约 "
    "推介 参加 发布 获批 创建 申报 聚焦 服务 助力 对接 考察 调研 携手 牵手 融入 实施 "
    "开展 举办 召开 深化 完善 提升 培育 发展 壮大 带动 辐射 覆盖 涉及 做强 做大 做优 "
    "打好 确保 要求 明确 增强 通过 除了 全市 全省 全国 全区 部分 各 本 该 这 其 在 于 "
    "的 和 与 及 等 将 把 对 为 以 向 从 至 到 是 有 了 由 让 使 并 也 还 即 或 "
    "同 给 被 所 含 包含 此次 进一步 发挥 涵盖 丰富 标志着 着 但 我市 我区 我县 我省 "
    "我国 本市 很多 后来 简称 破解 促进 充分 优化 升级 晋升 全面 提高 极大地 极大 之 "
    "属于 进入 地处 完成 比照 这种 进驻 驻 突出 对标 去年 今年 明年 近日 日前 目前 "
    "近年来 此前 当前 截至 年底 上半年 下半年 如今 期间 支撑 布局 外围 暨 加强 放眼 实现 "
    "报道 全年 区内 园内 城内 首家 首个 唯一 争创 汇聚 集聚 聚集 拥有 坐拥 设有 建有 "
    "离不开 形成 解决 实行 强化 举行 年产 首次 启动 开启 推出 抓好 下称 筹划 做好 勉励 根据 按照 赋予 希望 "
    "探索 赋能 投资 已经 修建 建立 调动 享受 瞄准 衡量 执行 保持 洽谈 该区 本区 年来 说起 说到 提起 跻身 纳入 列入 迈入 申请 承建 承接 争取 "
).split()
_STOP_PATTERNS = (r"(?<=[\d一二三四五六七八九十两几多百千万每这那各该此余])(?:个|家|座|批|种)",  # a count's measure word
                  r"第[一二三四五六七八九十\d]+届",  # 第六届|中国工业园区…论坛: an event's edition
                  r"\d{4}\s*年度?", r"\d{1,2}月", r"\d{1,2}日", r"\d+(?:\.\d+)?(?:万|亿)?(?:元|亩|平方米|平方公里|吨|个|家|项)")
# Longest words first: at one position 对标 wins over 对, 本市 over 本 (an alternation takes the first that fits).
_STOP_RE = re.compile("|".join([*sorted(set(_STOP_WORDS), key=lambda w: (-len(w), w)), *_STOP_PATTERNS]))
_NOT_STOP_WORDS = re.compile(r"自由|理由|经由|缘由|以色列|对俄|对台|对日|对韩|对欧")
_GENERIC_SUFFIXES = {"产业园区", "工业园区", "产业园", "工业园", "新区", "园区"}
_REPEATED_OK = {"开发区", "经济开发区", "高新区", "经开区", "工业园区", "产业园区", "科技城", "园区", "产业集聚区"}
_BRACKETED_BEFORE = re.compile(r"\((?!记者|通讯员|摄影|图)(?:[\u4e00-\u9fff]{2,6}|国家|国家级)\)$")  # not (记者姚湜)
# Before a place, still part of a name: 中国(…), Latin letters, province abbreviations of a cross-region zone
# (沪滇临港昆明科技城, 粤港澳…), 中 + a partner country (中德, 中新, 中韩 …).
_NAME_BEFORE_PLACE = re.compile(r"中国|[A-Za-z0-9·]+|[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云藏陕秦甘陇青宁新港澳台]{2,3}"
                                r"|中[德法韩日欧俄新意瑞美英印马泰越老柬缅巴哈乌白]")
_PROVINCE_WIDE = {"经济区", "新区", "示范区", "合作区"}  # 成渝经济区: a planning region, not a zone
_PROJECT_SUFFIXES = {"产业园", "工业园", "科技园", "物流园", "产业园区", "物流园区", "孵化园", "创新园"}
_NO_PLACE_OK = {"产业园", "工业园", "科学城", "科技城", "生物城", "科创城", "经济开发区", "高新区", "经开区", "工业园区", "产业园区",
                "科技园", "科技园区", "物流园", "物流园区", "工业集中区", "综合保税区", "高新技术产业园区", "工业区"}


def _discover(article: ArticleText, match: re.Match[str], province: str | None, city: str | None, index: Parks,
              floor: int = 0) -> Mention | None:
    """A park the catalogue lacks: [place][descriptor]suffix, cut at the nearest verb or function word."""
    simplified, suffix = article.simplified, match.group(0)
    start = match.start()
    while start > floor and match.start() - start < 12:
        if _NAME_CHAR.match(simplified[start - 1]):
            start -= 1
            continue
        bracket = _BRACKETED_BEFORE.search(simplified, max(floor, start - 10), start)
        if bracket is None or bracket.start() == floor:
            break
        start = bracket.start()  # 火炬(翔安)产业区, 西部(重庆)科学城: a place in brackets inside the name
    window = simplified[start : match.start()]
    open_ended = match.start() - start >= 12  # no natural boundary within reach
    in_places = [(h[0], h[1]) for h in regions().find(window)]
    in_places += [(w.start(), w.end()) for w in _NOT_STOP_WORDS.finditer(window)]  # 自由贸易: 由 is no stop there
    stops = [m for m in _STOP_RE.finditer(window)  # 于都县, 和县, 石家庄: a stop word inside a place name is none
             if not any(ps <= m.start() and m.end() <= pe and pe - ps > m.end() - m.start() for ps, pe in in_places)]
    if stops and stops[-1].group(0) == "及" and len(stops) >= 1:  # 汽车及零部件产业园: one name, two trades
        earlier = stops[-2].end() if len(stops) >= 2 else 0
        if 2 <= stops[-1].start() - earlier <= 8 and not regions().find(window[earlier : stops[-1].start()]):
            stops = stops[:-1]
    boundary = stops[-1].end() if stops else 0
    if re.search(r"(?:首个|首家|唯一的?|首批|一个|一家|一座|又一|于一体的?|第[一二三四五六七八九十\d]+届|最[\u4e00-\u9fff]{0,4})$", window[:boundary]):
        return None  # 湖南首个临空综合保税区, 长沙市的一个新兴经济开发区, 最具投资价值…: a kind, described
    while window[boundary:boundary + 1] in ("-", "—", "–"):
        boundary += 1  # ——国家级经开区: a dash opens a line, not a name
    name_part = window[boundary:]
    if _LEVEL_INFIX.fullmatch(name_part):
        name_part = ""  # 国家高新区, 国家级经开区: a level alone is a kind, read as the bare word below
    if not name_part:
        return _BARE if suffix in _ANAPHORA else None
    places = regions().find(name_part)
    if places and places[0][0] > 0 and _STOP_RE.search(name_part[: places[0][0]]) is None \
            and name_part[places[0][0] : places[0][1]] not in _COMMON_WORD_PLACES \
            and not _NAME_BEFORE_PLACE.match(name_part[: places[0][0]]) and not name_part[: places[0][0]].endswith(("(", "·")):
        boundary += places[0][0]  # 帮助安州高新区 → 安州高新区
        name_part = name_part[places[0][0] :]
        places = regions().find(name_part)
    place_end = 0
    for p_start, p_end, _key, _c in places:  # a run of place names from the start (绵阳安州)
        if p_start != place_end:
            break
        place_end = p_end
    later = [h for h in places if h[0] > place_end and h[3][0].level in ("province", "city")
             and not name_part[: h[0]].endswith("(")]  # 深圳(潮州)产业转移工业园: a partner in brackets
    if place_end and later:  # 呼兰区举行黑龙江呼兰经济开发区: the name starts at the later place
        boundary += later[0][0]
        name_part = name_part[later[0][0] :]
        places = regions().find(name_part)
        place_end = 0
        for p_start, p_end, _key, _c in places:
            if p_start != place_end:
                break
            place_end = p_end
    descriptor = name_part[place_end:]
    core = _LEVEL_INFIX.sub("", name_part)  # 柳东国家级高新区: a name with its level inside
    levelled = core != name_part and len(core) >= 2 and core not in _GENERIC and not _GENERIC_PREFIX.match(core)
    if place_end == 0 and (_GENERIC_PREFIX.match(name_part)
                           or (suffix == "工业区" and re.fullmatch(r"[东西南北中]{1,2}部?", name_part))):
        return None  # 世界一流高科技园区, 十大特色产业园区: a kind of park
    if place_end == 0 and suffix in _ANAPHORA and (len(name_part) < 2 or (len(core) > 4 and not places) or name_part in _GENERIC) \
            and not levelled and not (len(core) > 4 and _NAME_BEFORE_PLACE.match(name_part)):  # 京津中关村科技城: a name
        if suffix == "示范区" and len(core) > 4 and not places and name_part not in _GENERIC:
            return None  # 国家自主创新示范区, 城乡融合示范区: a long descriptor makes a kind of 示范区, not a reference
        if name_part in _GENERIC and len(name_part) >= 2 and suffix in ("新区", "开发区", "示范区"):
            return None  # 经济新区, 产业新区, 创新新区: a kind
        return _BARE  # 进一步发挥高新区: the words before are not a name
    if suffix == "园区" and (place_end or name_part.startswith(("化工", "飞地")) or name_part.endswith("部")
                             or simplified.count(name_part + suffix) < 3
                             or re.match(r"[\u4e00-\u9fff]{1,8}?(?:产业园|工业园|科技园)", simplified[match.end() :])):
        return None  # 安宁园区: a county's part of the zone (_place_parts); 化工/飞地园区: a kind; 白马园区新材料产业园: one name
    if place_end == 0:
        named = bool(places) and (_NAME_BEFORE_PLACE.match(name_part) or "(" in name_part  # 沪滇临港昆明科技城, 火炬(翔安)产业区
                                  or "·" in name_part)  # 苏科高新·绵阳智能制造产业园: a brand, then the place
        longest = 12 if "(" in name_part or "·" in name_part else 8  # 中韩(长春)国际合作示范区
        repeated = (suffix in _REPEATED_OK and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name_part) is not None
                    and simplified.count(name_part + suffix) >= 2)  # 柳东新区 … 柳东新区: a name, used as one
        functional = suffix == "经济区" and name_part in ("临空", "临港", "空港", "航空港")  # 临空经济区: the local one
        if ((suffix not in _NO_PLACE_OK and not named and not repeated and not functional) or not (2 <= len(name_part) <= longest)
                or name_part in _GENERIC
                or (open_ended and not stops) or re.search(r"千亿|百亿|万亿|加速|助推|一流|世界级|最", name_part)):
            return None
    else:
        leading = regions().find(name_part[:place_end])
        top_level = leading[-1][3][0].level if leading else "county"
        if not descriptor and suffix in _GENERIC_SUFFIXES and top_level in ("province", "city") \
                and (simplified.count(name_part + suffix) < 2 or top_level == "province" or name_part.endswith(("市", "省"))
                     or suffix == "产业园区"):
            return None  # 成都产业园区: a city's parks in general, not one park (深圳工业园 … 深圳工业园: a name)
        if not descriptor and suffix == "开发区" and (top_level == "province" or name_part.endswith(("市", "省"))):
            return None  # 临沂市开发区, 甘肃省开发区: the zones of a city or province (天津开发区 is one zone)
        if not descriptor and suffix in _PROVINCE_WIDE and top_level == "province":
            return None
        if suffix in ("自贸区", "自贸试验区", "自由贸易试验区") and "+" in leading[0][3][0].code:
            return None  # 长三角自贸区: the free-trade zones of a region, not one
    if descriptor in _GENERIC or re.fullmatch(r"[\d·A-Za-z]*", descriptor) and place_end == 0:
        return None
    if place_end and (_KIND_IN_PLACE.search(descriptor) or descriptor.startswith("级")):
        return None  # 四川省十大特色产业园区, 广西县域工业园区: a kind in a place
    end = match.end()
    extension = re.match(r"新区|新城", simplified[end:])
    if extension and suffix in ("科技城", "科学城", "高新区", "经开区"):  # 绵阳科技城新区: a zone within a zone
        suffix, end = suffix + extension.group(0), end + extension.end()
    name = name_part + suffix
    if simplified[max(0, match.start() - 12) : end].endswith(planning_regions()):
        return None  # 中原经济区, 鄱阳湖生态经济区: a regional plan's region (planning_regions.csv)
    if suffix in ("物流园", "物流园区") and place_end == 0 and simplified.count(name) < 2:
        return None  # 城市配送物流园, 航空物流园: a logistics project or facility, unless named again
    if suffix == "新区" and not name.endswith(("高新区", "创新区")):
        return None  # a new area the gazetteer lacks is an urban district (城南新区, 政务文化新区), not a park
    if _KIND_IN_BRACKETS.match(_ARTIFACT.sub("", simplified[end : end + 24])):
        return None  # 宁波开发区(园区): a city's zones in general
    if _NEVER.search(name) or re.search(r"公司|集团|有限|大学|学院|研究院|医院", name) or (
            suffix in _PROJECT_SUFFIXES and simplified.startswith("项目", end)):
        return None  # a company's own park (兰石集团高端装备产业园, …产业园项目) is a project, not a zone
    if not descriptor and suffix in _BARE_TYPES:  # 西安市高新区: the catalogue park of that city
        known = _park_of(regions().find(name_part)[-1][3][0], _BARE_TYPES[suffix], index)
        if known is not None:
            first = start + boundary
            return Mention("park", article.text[first : match.end()], first, match.end(), known.name, known.code,
                           attrs={"level": known.level, "source": "catalogue"})
    first = start + boundary
    canonical = _without_province(name)
    return Mention("park", article.text[first:end], first, end, canonical, stable_id("P", canonical),
                   attrs={"source": "pattern"})


def _without_province(name: str) -> str:
    """One canonical name whether or not the press adds the province or city in front of a county's park."""
    hits = regions().find(name)
    while len(hits) >= 2 and hits[0][0] == 0 and hits[0][3][0].level in ("province", "city") and hits[1][0] == hits[0][1]:
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


def _bare(article: ArticleText, match: re.Match[str], province: str | None, city: str | None,
          named: list[Mention], index: Parks) -> Mention | None:
    """A bare zone word (高新区, 开发区, 新区, 起步区 …): the zone of that kind the text names before it (else after
    it); a bare 高新区/经开区 with none, the park of the city named earlier in its paragraph or of the article's
    locality. Kinds, counts and lists (国家级经开区, 各新区, 开发区、高新区) are not parks."""
    word, simplified = match.group(0), article.simplified
    if word not in _ANAPHORA or _is_generic(simplified, match.start(), match.end()):
        return None
    endings = _ANAPHORA[word]
    fits = [m for m in named if any(name.endswith(endings) or (word == "开发区" and "开发区" in name)
                                    for name in (m.canonical, simplified[m.start : m.end]))]
    before = [m for m in fits if m.end <= match.start()]
    antecedent = before[-1] if before else None
    if antecedent is None and fits and not (article.region and word in _BARE_TYPES):
        antecedent = fits[0]  # named only later (a headline's 高新区), unless the site's region says which
    if antecedent is None and word == "起步区" and named:
        antecedent = named[0]  # the start-up area of the zone the text is about
    if antecedent is not None:
        return Mention("park", article.text[match.start() : match.end()], match.start(), match.end(),
                       antecedent.canonical, antecedent.id, attrs={**antecedent.attrs, "source": "anaphora"})
    kind = _BARE_TYPES.get(word)
    if word in ("综保区", "综合保税区") and city:  # the city's one 综合保税区
        bonded = [p for p in index.by_code.values() if p.name.endswith("综合保税区") and city in p.name
                  and (not province or p.province == province)]
        if len(bonded) == 1:
            park = bonded[0]
            return Mention("park", article.text[match.start() : match.end()], match.start(), match.end(), park.name,
                           park.code, attrs={"level": park.level, "source": "locality"})
    if not kind:
        return None
    line_start = simplified.rfind("\n", 0, match.start()) + 1
    nearby = [c for _, _, key, cands in regions().find(simplified[line_start : match.start()])
              for c in cands[:1] if c.level == "city" or (c.level == "county" and key == c.name)]
    if nearby:
        park = _park_of(regions().city_of(nearby[-1]) or nearby[-1], kind, index)
    else:
        if not city:
            return None
        cands = [p for p in index.by_place_type.get((city, kind), []) if not province or p.province == province]
        park = cands[0] if len(cands) == 1 else None
    if park is None:
        return None
    return Mention("park", article.text[match.start() : match.end()], match.start(), match.end(), park.name, park.code,
                   attrs={"level": park.level, "source": "locality"})



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
