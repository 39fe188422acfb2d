"""The words park names are made of and cut at: zone suffixes, kind words, stop words, and the contexts that make a
bare zone word a kind (国家级经开区, 217家高新区, 开发区、高新区) rather than one zone. Used by the parks plugin."""

from __future__ import annotations

import re
from functools import lru_cache

from parkwatch.extract.repair import remove_pinyin_artifacts
from parkwatch.gazetteer import places_only

_SUFFIXES = ("综合保税区", "高新技术产业开发区", "经济技术开发区", "经济开发区", "高新技术产业园区", "工业集中发展区",
             "经济发展区", "产业园区", "工业园区", "产业新城", "产业园", "工业园", "科技创新城", "科技城", "科学城", "生物城", "科创城",
             "高新区", "经开区", "开发区", "新区", "功能区", "示范区", "合作区", "保税区", "综保区",
             "自由贸易试验区", "自贸试验区", "自贸区", "保税港区", "航空港经济综合实验区", "航空港区", "起步区",
             "农高区", "经济区", "台商投资区", "台商区", "物流园区", "物流园", "航天城", "科技园区", "科技园", "创新园", "孵化园",
             "合作园区", "合作园", "软件园", "边境贸易区", "工业集中区", "工业区", "产业区", "实验区", "工业小区", "园区", "产业集聚区", "临空区",
             "出口加工区", "新片区", "产业转移园区", "产业转移园")

_SUFFIX_RE = re.compile("|".join(sorted(_SUFFIXES, key=len, reverse=True)))

_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·\-—–]")  # 广西-东盟经开区, 天津滨海—中关村科技园

_GENERIC = set(
    "特色 专业 现代 重点 省级 国家级 市级 县级 相关 首批 标准化 各类 其他 这些 一批 多个 一个 首个 城市 新型 智慧 "
    "数字化 标杆 所在 周边 区域 千亿 百亿 本地 当地 全市 全省 各地 同类 其余 跨省 这座 新的 传统 综合 特色专业 "
    "主要 优势 示范 创新 科技 产业 工业 经济 生态 绿色 低碳 物流 文化 农业 现代农业 文旅 数字 智能 高端 未来 合作 国别 "
    "区内 境外 海外 专业化 特色化 市场化 重大 大型 中小 现代化 枢纽 县市区 区县 县区 市县 自由贸易 化学 低碳 零碳 "
    "高质量 老 重 轻 老工业 服务业 现代服务业 开发 创业 整个 飞地 中国 新时代 现行 先进 代表 核心 商务".split()
)

_LEVEL_INFIX = re.compile(r"(?:国家级|自治区级|省级|市级|国家|\(国家级\)|\(国家\))$")

_GENERIC_PREFIX = re.compile(r"(?:世界|国际|全球|一流|领先|高科技|新兴|民营|特色|现代化|国家级|省级|自治区级|市级|县级|县域|线下|"
                             r"线上|云上|[一二三四五六七八九十两]大|[一二三四五六七八九十]类|\d+个|各类|一批|新型|综合性|专业化|标准化|代表性|沿海|沿边|内陆|"
                             r"[\u4e00-\u9fff]{1,3}型)")  # 智慧型, 复合型, 创新型, 生态型 …: a kind

# After a place, words that make the rest a kind of park there (十大…, 县域…), not one park's name.
_KIND_IN_PLACE = re.compile(r"[一二三四五六七八九十两百]+大|[十百千]强|\d+[个家]|县域|各类|一批|首批")  # 河北省十强开发区: an honour

# A school's or a kindergarten's grounds (迁安教育园区, 双江湖科教园区): the guideline's 校园, never a park.
_CAMPUS = re.compile(r"校园|幼儿园|职教园|教育园|科教园|大学园区|教学园区")
_NEVER = re.compile(r"公园|(?<!工业)小区|景区|家园|乐园|庄园|陵园|果园|菜园|花园|植物园|动物园|游乐园|园博园|" + _CAMPUS.pattern)

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
    "保税区": ("保税区",),  # 天津港保税区 … 保税区
    "新片区": ("新片区",),  # 临港新片区 … 新片区
    "台商投资区": ("台商投资区", "台商区"), "台商区": ("台商投资区", "台商区"),  # 泉州台商投资区 … 台商区
    "科技创新城": ("科技创新城",),  # 哈尔滨科技创新城 … 科技创新城 (a bare 出口加工区 is mostly the kind)
}

# Endings that fit a bare word's kind but not the word: a bare 保税区 after a 综合保税区 is left alone (labellers split).
_NOT_ANTECEDENT_ENDINGS = {"保税区": ("综合保税区",)}


def fitting_antecedents(simplified: str, word: str, mentions: list) -> list:
    """The parks among *mentions* (in text order) a bare zone *word* can refer to: those whose name, canonical or
    as written, ends like a zone of its kind (a bare 开发区 also fits any name holding 开发区)."""
    if word not in _ANAPHORA:
        return []
    return [m for m in mentions if _fits(word, m.canonical) or _fits(word, simplified[m.start : m.end])]


@lru_cache(maxsize=65536)
def _fits(word: str, name: str) -> bool:
    """The park *name* ends like a zone a bare *word* can refer to."""
    endings = _ANAPHORA[word]
    unfitting = _NOT_ANTECEDENT_ENDINGS.get(word, ())
    return bool(endings) and ((name.endswith(endings) and not (unfitting and name.endswith(unfitting)))
                              or (word == "开发区" and "开发区" in name))

# Words before a zone word that make it a kind, a count or a list, not one zone: 国家级经开区, 217家高新区, 全省开发区.
_GENERIC_BEFORE = re.compile(
    r"(?:国家级|省级|自治区级|市级|县级|省级以上|国家级以上|国家|全国|全省|全市|全区|全州|全县|各|各大|各类|各级|各地|多个|多家|首批|部分|其他|"
    r"其余|现有|所有|一批|省内|国内|境内|同类|一般|类似|重点|优秀|先进|新一批|这类|此类|每个|哪些|若干|我国|我省|首个|首家|唯一的|"
    r"示范|标杆|典范|一流的?|世界级的?|中国|各[省市县区](?:[、\s]?[省市县区])+|"  # 各市、县开发区: every level's
    r"[\d一二两三四五六七八九十百千几多]+\s?(?:家|个|所|批|座|类|大|省市|省区)|等)的?[“\"「]?\s?$")  # 全国 154 个综合保税区, 两个国家级的…

# A level and a trade before a zone word: the kind's compound name (国家级边境经济|合作区, 省级经济|开发区).
_LEVELLED_KIND_BEFORE = re.compile(r"(?:国家级|省级|自治区级)(?:边境|跨境|境外)?(?:经济|经贸)$")

_ZONE_WORD = ("产业园区|工业园区|高新区|经开区|开发区|新区|综保区|园区|产业园|工业园|自贸区|保税区|综合保税区|高新技术产业开发区|"
              "经济技术开发区|自贸试验区|自由贸易试验区|出口加工区|保税港区|保税物流中心|临空经济区|口岸")

_LIST_AFTER = re.compile(rf"^(?:[、和与及]|以及)(?:{_ZONE_WORD})")

_LIST_BEFORE = re.compile(rf"(?:^|[^\u4e00-\u9fff]|[的和与及各在对把将推动])(?:{_ZONE_WORD})(?:[、和与及]|以及)$")

_COMMON_WORD_COUNTIES = {"南部", "资源", "东区", "西区", "南区", "北区", "城区", "新区", "郊区", "矿区", "市中", "永久"}

_COMMON_WORD_PLACES = _COMMON_WORD_COUNTIES | {"新兴", "通道", "长安", "和平", "城中", "天等"}  # 台商|新兴产业园区 is no place

# After a bare zone word, what makes it the kind: 开发区管理体制改革, 开发区模式, 开发区和行政区, 经开区序列.
_KIND_AFTER = re.compile(r"(?:管理体制|体制|模式|升级版|优化整合|整合优化|序列|[和与]行政区|考核评价|发展规律|设立审核|审核公告|类别|快讯|新闻|频道|栏目|"
                         r"名称|设立条件|四至|改革创新|改革和创新|全覆盖|"
                         r"(?:建设)?工作领导小组|振兴三年|"
                         r"管理处|处(?=处长|长|[、，,)）/\s]))")  # 商务厅开发区处(处长): a department's division for such zones

# A count after the word (开发区552家, 高新技术产业开发区1家), plural demonstratives before it (这些开发区, 上述新区),
# administrative units listed before it (各县(市)区、开发区), a kind described before it (以制造业为主的开发区).
_COUNT_AFTER = re.compile(r"^\s*(?:\d+\s*[家个所座](?!项目|重点|重大|企业|工业|产业)|[一二两三四五六七八九十百千几多]+[家所座]|"
                          r"共(?:\d+|[一二两三四五六七八九十]+)[家个所座](?![\u4e00-\u9fff]))")  # 县管理的开发区共7个

_PLURAL_BEFORE = re.compile(r"(?:这些|那些|上述|以上|前述|诸多|众多|大量|许多|不少)(?!年)(?:[^，。；,;、\n]{0,6}的)?$")  # 这些获批的经开区, not 这些年来的
_PLURAL_AFTER = re.compile(r"也?(?:各有(?!关)|各具|各自)")  # 涉农的经开区也各有特点: several zones, each its own

# Administrative units listed before a zone word (各县区、开发区) or with it in brackets (各乡镇(开发区), 县区(开发区)): every
# unit of those kinds, not one zone.
_UNITS_BEFORE = re.compile(r"(?:县|[县市区][)）]|[县市][)）]?区|乡镇|街道|部门|单位|、镇)、$|(?:[县市]区|县市区|乡镇|街道|[乡镇县])[(（]$|"
                           r"各[县市区]+[和与及]$")  # 所辖各区和开发区: every district and zone

_KIND_DESCRIBED = re.compile(r"为主的$|意义的$|性质的$|类型的$|调控的$|千亿的$|百亿的$|规划的$|发布$")

# A keyword or tag list: the word alone between line breaks or semicolons (区;新疆;新区;高新技术产业开发区).
_ALONE = re.compile(r"[\n;；|]")


_KIND_IN_BRACKETS = re.compile(r"^[(（]园区[)）]")  # 开发区(园区): the kind, as in 全市开发区(园区)


def plain(text: str) -> str:
    """*text* without its pinyin artifacts (產(chǎn) → 產), unchanged when it has none."""
    return remove_pinyin_artifacts(text)[0] if "(" in text else text


def text_before(simplified: str, start: int, length: int) -> str:
    """The *length* characters before *start*, pinyin-annotation artifacts dropped (申報(bào)設(shè)立 reads 申報設立)."""
    return plain(simplified[max(0, start - 3 * length) : start])[-length:]


def text_after(simplified: str, end: int, length: int) -> str:
    """The *length* characters after *end*, pinyin-annotation artifacts dropped (开(kāi)发(fā)区(qū)(园区) reads
    开发区(园区)); the character before *end* is read too, so that an artifact right at *end* is recognised."""
    start = max(0, end - 1)
    return remove_pinyin_artifacts(simplified[start : end + 24])[0][end - start :][:length]


def kind_in_brackets_after(simplified: str, end: int) -> bool:
    """A zone word followed by (园区): the kind (开发区(园区)), or a city's zones in general (宁波开发区(园区))."""
    return bool(_KIND_IN_BRACKETS.match(text_after(simplified, end, 8)))

# The kind's full name, written bare, is the kind when described, set up, converted to or defined (a short form, 综保区
# or 经开区, is mostly the zone the text is about).
_FULL_KIND_WORDS = {"综合保税区", "经济开发区", "经济技术开发区", "高新技术产业开发区", "自由贸易试验区"}
_KIND_VERBS = r"升级为|晋升为|类别为|申报|申建|批设|设立|争取设立"  # what a place becomes or applies for: the kind
_KIND_NAMED_BEFORE = re.compile(rf"(?:{_KIND_VERBS})$")
_PREDICATE_BEFORE = re.compile(r"(?:是|为|作为|成为|属于|主导的)$")  # 临港区是|经济技术开发区, 作为|高新技术产业开发区,: what a place is
_KIND_MADE_BEFORE = re.compile(rf"(?:(?:首个|首家|唯一|第一个)[^，。；,;\n]{{0,16}}的|设立的|建设的|转型为|转为|向|到|对|{_KIND_VERBS})$")


# What a visit to a place does there (到|经济开发区|调研): a zone visited, not the kind a place turns to (升级到|综合保税区).
_VISITED_AFTER = re.compile(r"(?:调研|考察|视察|检查|走访|参观|督导|指导|慰问|看望|现场|实地)")

# How a zone grows (推动开发区高质量发展): the kind in a text that names no zone of that kind before, else that zone.
_GROWTH_AFTER = re.compile(r"高质量发展|高水平开放")


def grows_after(simplified: str, end: int) -> bool:
    """The zone word ending at *end* is followed by how a zone grows (开发区|高质量发展)."""
    return bool(_GROWTH_AFTER.match(text_after(simplified, end, 8)))


def _is_generic(simplified: str, start: int, end: int) -> bool:
    """A zone word used for a kind, a count or a list of kinds (国家级经开区, 3个高新区, 开发区、高新区等), or
    not a zone word at all (创新区 holds 新区); a word followed by how a zone grows (``grows_after``) is left to
    the caller, who knows whether a zone of its kind is named before it."""
    before, after = text_before(simplified, start, 8), text_after(simplified, end, 8)
    if _KIND_IN_BRACKETS.match(after):
        return True
    if (simplified[start : start + 2] == "新区" and before.endswith("创")) or (simplified[start : start + 3] == "高新区" and before.endswith("提")):
        return True  # 创新区, 提高新区的效益: no zone word
    if simplified[start:end] in _FULL_KIND_WORDS and _full_kind_word_is_the_kind(simplified, start, before, after):
        return True
    if _KIND_NAMED_BEFORE.search(before):
        return True  # 升级为经开区, 类别为开发区, 设立国家开放口岸和综合保税区: the kind a place becomes or applies for
    listed = ((_LIST_BEFORE.search(before) or _LIST_AFTER.match(after) or _kind_listed_after_stop(simplified, start))
              and not _among_named_places(simplified, start, end))
    return bool(_GENERIC_BEFORE.search(before) or listed or _LEVELLED_KIND_BEFORE.search(before)
                or "最" in before[-6:] or after.startswith("之一")  # 功能最齐全的保税港区, 影响力的开发区之一
                or _KIND_AFTER.match(after) or _COUNT_AFTER.match(after) or _PLURAL_BEFORE.search(before) or _PLURAL_AFTER.match(after)
                or _UNITS_BEFORE.search(before) or _KIND_DESCRIBED.search(before)
                or (re.match(r"[\n;；|\s]", simplified[start - 1 : start] or "\n") and _ALONE.match(after[:1] or "\n")))


def _full_kind_word_is_the_kind(simplified: str, start: int, before: str, after: str) -> bool:
    """A full kind word (经济开发区, 综合保税区 …) at *start* said as the kind itself: made or designated (首个…建设的|
    综合保税区, 设立|经济开发区, 升级到|经济开发区, but not one visited: 到|经济开发区|调研), defined (经济开发区|是…), or what a
    place is (临港区是|经济技术开发区,)."""
    visited = before.endswith(("到", "向", "对")) and _VISITED_AFTER.match(after)
    made = _KIND_MADE_BEFORE.search(text_before(simplified, start, 24)) and not visited
    defined = re.match(r"\s*是", after)
    predicate = _PREDICATE_BEFORE.search(before) and re.match(r"[，,。；;]", after)
    return bool(made or defined or predicate)


# Words that end a name when written before its suffix: verbs, function words, time words (推动|绵阳高新区).
_STOP_WORDS = (
    "推动 推进 加快 加速 位于 落户 落地 入驻 入园 建设 建成 打造 共建 支持 围绕 依托 "
    "联合 邀请 包括 其中 来自 前往 走进 成为 作为 设立 成立 组建 规划 新建 引进 签约 "
    "推介 参加 发布 获批 创建 申报 聚焦 服务 助力 对接 考察 调研 携手 牵手 融入 实施 "
    "开展 举办 召开 深化 完善 提升 培育 发展 壮大 带动 辐射 覆盖 涉及 做强 做大 做优 "
    "打好 确保 要求 明确 增强 通过 除了 全市 全省 全国 全区 部分 各 本 该 这 其 在 于 "
    "的 和 与 及 等 将 把 对 为 以 向 从 至 到 是 有 了 由 让 使 并 也 还 即 或 "
    "同 给 被 所 含 包含 此次 进一步 发挥 涵盖 丰富 标志着 着 但 我市 我区 我县 我省 我们 咱们 关心 关注 重视 途经 进行 修筑 对照 走出 改善 不像 一条 首批 其他 毗邻 紧邻 展现出 展现 呈现 整合 一片 "
    "我国 本市 很多 后来 简称 破解 促进 充分 优化 升级 晋升 全面 提高 极大地 极大 之 "
    "属于 进入 地处 完成 比照 这种 进驻 驻 突出 对标 去年 今年 明年 近日 日前 目前 "
    "近年来 此前 当前 截至 年底 上半年 下半年 如今 期间 支撑 布局 外围 暨 加强 放眼 实现 "
    "报道 全年 区内 园内 城内 首家 首个 首只 首支 首座 唯一 争创 汇聚 集聚 聚集 拥有 坐拥 设有 建有 "
    "离不开 形成 解决 实行 强化 举行 年产 首次 启动 开启 推出 抓好 下称 筹划 做好 紧盯 盯紧 动员 扎根 反哺 关乎 检查 交流 勉励 根据 按照 赋予 希望 "
    "如果 随着 随 探索 赋能 投资 已经 修建 建立 调动 享受 瞄准 衡量 执行 保持 洽谈 该区 本区 年来 说起 说到 提起 跻身 纳入 列入 迈入 申请 承建 承接 争取 介绍 宣传 出台 把握 加大 划归 激发 体现 展示 居 规范 "
    "再次 入围 入选 获评 荣获 位列 上榜 荣登 任 担任 出任 结合 代表 落实 策划 探讨 探究 听取 分别 俯瞰 鸟瞰 航拍 远眺 眺望 紧扣 立足 锚定 争当 争做 当好 勇当 致力 着力 奋力 "
    "扩大 巩固 凝聚起 凝聚 鼓励 下设 距离 据悉 原名 更名为 更名 赴 莅临 表示 加挂 同意 编制 打通 符合 全盟 全州 全县 全旗 "
    "感谢 印发 交出 制定 境外 率 率队 带队 局长 主任 书记 继 公布 筹建 谋划 促成 承担 现阶段 下一步 掀起 贯穿 遍布 助推 盘点 拉长 借助 总结 反映出 落位 汇报 做大 贡献 拓展 掩映 直辖 再加上 设置 抓住 抢抓 确立 "
).split()

_STOP_PATTERNS = (r"(?<![金附下隶专归家亲所从])属(?!于)",  # 属省级…: belongs to (not 金属, 附属)
                  r"(?<![成造])就(?![业近地])",  # 就|电子信息产业园发展模式开展考察: concerning (not 就业创业园, 成就)
                  r"(?<![数证占依根])据(?!点)",  # 据|苏银产业园开发建设公司介绍: according to (not 大数据)
                  r"(?<=[\d一二三四五六七八九十两几多百千万每这那各该此余])(?:个|家|座|批|种)|(?<=\d)大",  # a count's measure word (4大功能区)
                  r"第[一二三四五六七八九十\d]+届",  # 第六届|中国工业园区…论坛: an event's edition
                  r"(?<=[东西南北])(?:依|倚|靠|邻|临(?![港空沂海汾夏川湘洮泽江])|接(?!合)|起(?!步)|至)",  # 东依|工业园区, 北起|高新区…, 东至|…产业园: where a place borders or a road starts
                  r"如(?!意)",  # 如|宁波杭州湾新区: for example (not 如意工业园)
                  r"(?<=[县市镇省])内(?![陆蒙])",  # 县内|农化工业园区: within the county (not 内陆港, 内蒙古)
                  r"\d+(?:\.\d+)+版",  # 4.0版|工业园区: a version of a kind, not a name
                  r"\d{4}\s*年度?", r"\d{1,2}月", r"\d{1,2}日", r"\d+(?:\.\d+)?余?(?:万|亿)?(?:元|亩|平方米|平方公里|吨|个|家|项|人|名)")

# Longest words first: at one position 对标 wins over 对, 本市 over 本 (an alternation takes the first that fits).
_STOP_RE = re.compile("|".join([*sorted(set(_STOP_WORDS), key=lambda w: (-len(w), w)), *_STOP_PATTERNS]))

_NOT_STOP_WORDS = re.compile(r"共同|协同|同城|自由|理由|经由|缘由|以色列|对俄|对台|对日|对韩|对欧|有色|有机")


# A zone word listed right after another that follows a verb or function word (建设|高新区、经开区等): a list of kinds.
_KIND_LISTED_BEFORE = re.compile(rf"(?:{_ZONE_WORD})(?:[、和与及]|以及)$")
_ENDS_WITH_STOP = re.compile(rf"(?:{_STOP_RE.pattern})$")


def _kind_listed_after_stop(simplified: str, start: int) -> bool:
    """The zone word at *start* follows a bare zone word and a list joiner, with a stop word before that one."""
    before = text_before(simplified, start, 16)
    listed = _KIND_LISTED_BEFORE.search(before)
    return bool(listed and _ENDS_WITH_STOP.search(before[: listed.start()]))


_LIST_SEGMENT_END = re.compile(r"[。；;！？!?，,:：\n]")


def _among_named_places(simplified: str, start: int, end: int) -> bool:
    """A zone word listed among named districts or after a named place's 的 (芝罘区、莱山区、开发区、高新区; 潍坊的开发区、
    高新区): the place's own zones, not kinds."""
    left = max((m.end() for m in _LIST_SEGMENT_END.finditer(simplified, max(0, start - 40), start)), default=max(0, start - 40))
    right = _LIST_SEGMENT_END.search(simplified, end, end + 40)
    segment = simplified[left : right.start() if right else end + 40]
    items = [item.strip() for item in segment.split("、")]
    if any(len(item) >= 2 and item[-1] in "区县市旗" and places_only(item) and not item.startswith(("各", "全")) for item in items):
        return True
    return bool(re.match(r"[\u4e00-\u9fff]{2,6}的", items[0]) and places_only(items[0][: items[0].index("的")]))
