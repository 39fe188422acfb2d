"""Policies plugin: policy documents, document numbers, named campaigns and numbered policy systems.

* 《…》 titles ending in a policy word (意见, 办法, 通知, 方案, 规划, 条例, 措施, 政策, 细则, 纲要 …);
* document numbers such as 川府发〔2024〕12号;
* campaigns in quotes followed by 行动/工程/计划/战略 (“园区提质、企业满园”行动);
* numbered policy systems (“1+1+N”政策措施).
"""

from __future__ import annotations

import re

from parkwatch.hookspecs import hookimpl
from parkwatch.mentions import ArticleText, Mention, stable_id

_POLICY_WORDS = (r"意见|办法|通知|方案|规划|条例|措施|政策|细则|纲要|决定|规定|实施意见|行动计划|计划|指引|指南|"
                 r"规则|标准|公告|通告|若干政策|若干措施|政策措施|工作要点|清单|目录|战略")
_TITLE_RE = re.compile(rf"《([^《》\n]{{2,80}}?(?:{_POLICY_WORDS})(?:[(（][^()（）]{{1,20}}[)）])?)》")
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s*\d{1,4}\s*号")
_ISSUER_LEAD = re.compile(r"^(?:[\u4e00-\u9fff]*?(?:落实|根据|按照|依据|印发|贯彻|执行|参照|见|即|和|与|及|的|以|经))+")
_CAMPAIGN_RE = re.compile(r"[“\"]([^“”\"\n]{2,30})[”\"]\s*((?:三年|专项|攻坚|提升|百日)?(?:行动|工程|计划|战略))")
_SYSTEM_RE = re.compile(r"[“\"]?(\d+\s*(?:\+\s*(?:\d+|[A-Za-z]))+)[”\"]?\s*(政策措施|政策体系|政策|园区发展体系|发展体系|体系|工作机制)")


def policy_mentions(article: ArticleText) -> list[Mention]:
    s, text = article.simplified, article.text
    found: list[Mention] = []

    def add(start: int, end: int, canonical: str, kind: str) -> None:
        found.append(Mention("policy", text[start:end], start, end, canonical, stable_id("L", canonical),
                             attrs={"type": kind}))

    for m in _TITLE_RE.finditer(s):
        add(m.start(), m.end(), f"《{m.group(1)}》", "document")
    for m in _DOC_NUMBER_RE.finditer(s):
        lead = len(_ISSUER_LEAD.match(m.group(0)).group(0)) if _ISSUER_LEAD.match(m.group(0)) else 0
        number = m.group(0)[lead:]
        if re.match(r"[\u4e00-\u9fff]", number):
            add(m.start() + lead, m.end(), re.sub(r"[\[［(（]", "〔", re.sub(r"[\]］)）]", "〕", number)).replace(" ", ""),
                "number")
    for m in _CAMPAIGN_RE.finditer(s):
        add(m.start(), m.end(), f"“{m.group(1)}”{m.group(2)}", "campaign")
    for m in _SYSTEM_RE.finditer(s):
        add(m.start(), m.end(), f"“{m.group(1).replace(' ', '')}”{m.group(2)}", "system")
    return found


@hookimpl
def tag_article(article: ArticleText) -> list[Mention]:
    return policy_mentions(article)


@hookimpl
def plugin_info() -> dict[str, str]:
    return {"name": "policies", "description": "《policy documents》, 川府发〔2024〕12号, “…”行动 campaigns, “1+1+N” systems"}
