"""Figures and topics plugin.

Figures: investment amounts, output values and growth rates, with what they measure
(总投资100亿元 → ``{"measure": "总投资", "value": 1e10, "unit": "元"}``). Topics: 签约, 开工, 投产,
评比/排名, 政策发布 — one mention per topic, at its first cue.
"""

from __future__ import annotations

import re

from parkwatch.hookspecs import hookimpl
from parkwatch.mentions import ArticleText, Mention
from parkwatch.scan import AnchoredPattern

_MEASURES = (r"总投资|协议投资额|协议投资|计划投资|投资总额|投资额|投资|总产值|产值|营业收入|营收|收入|进出口总值|进出口额|"
             r"地区生产总值|GDP|增加值|销售额|利润|税收|规模|融资")
_AMOUNT_RE = re.compile(
    rf"(?P<measure>{_MEASURES})(?:规模)?(?:约|超过|超|达到|达|突破|逾|近|为|实现|完成|共|合计|累计|全年)*"
    r"(?P<number>\d+(?:\.\d+)?)\s*(?P<scale>万亿|亿|千万|百万|万)?(?P<unit>元|美元|欧元|港元)"
)
_GROWTH_RE = AnchoredPattern(re.compile(
    r"(?P<measure>[\u4e00-\u9fffA-Z]{0,8}?)(?:同比|环比)?(?P<dir>增长|增速|下降|提高|提升|减少)(?:了|达|为)?"
    r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>%|个百分点)"
), re.compile(r"(?:增长|增速|下降|提高|提升|减少)(?:了|达|为)?\d"), reach=10)  # the direction: 8 + 2 characters in at most
_SCALES = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, None: 1.0}
TOPICS = {
    "签约": r"签约|签署.{0,12}协议|签订.{0,12}(?:协议|合同)",
    "开工": r"开工|奠基|破土动工",
    "投产": r"投产|竣工投用|达产|量产",
    "评比排名": r"排名|位列|位居|综合评价|百强|考核评价|评比|第[一二三四五六七八九十\d]+位",
    "政策发布": r"印发|出台|发布.{0,20}(?:政策|意见|办法|措施|方案)",
}
_TOPIC_RES = {name: re.compile(pattern) for name, pattern in TOPICS.items()}


def figure_mentions(article: ArticleText) -> list[Mention]:
    s, text = article.simplified, article.text
    found: list[Mention] = []
    for m in _AMOUNT_RE.finditer(s):
        value = float(m["number"]) * _SCALES[m["scale"]]
        canonical = f"{m['measure']} {m['number']}{m['scale'] or ''}{m['unit']}"
        found.append(Mention("figure", text[m.start():m.end()], m.start(), m.end(), canonical,
                             f"amount:{m['measure']}", attrs={"measure": m["measure"], "value": value, "unit": m["unit"]}))
    for m in _GROWTH_RE.finditer(s):
        measure = m["measure"] or ""
        start = m.start("measure") if measure else m.start("dir")
        sign = -1 if m["dir"] in ("下降", "减少") else 1
        found.append(Mention("figure", text[start:m.end()], start, m.end(), f"{measure}{m['dir']}{m['number']}{m['unit']}",
                             f"rate:{measure or m['dir']}",
                             attrs={"measure": measure, "value": sign * float(m["number"]), "unit": m["unit"]}))
    for name, pattern in _TOPIC_RES.items():
        m = pattern.search(s)
        if m:
            found.append(Mention("topic", text[m.start():m.end()], m.start(), m.end(), name, f"topic:{name}"))
    return found


@hookimpl
def tag_article(article: ArticleText) -> list[Mention]:
    return figure_mentions(article)


@hookimpl
def plugin_info() -> dict[str, str]:
    return {"name": "figures", "description": "investment amounts, output values, growth rates; topics 签约/开工/投产/排名/政策发布"}
