"""Policy mention rules, each on a short real-style sentence: what the rule finds, and what it must leave alone."""

from __future__ import annotations

from parkwatch.mentions import ArticleText
from plugins.policies import policy_mentions


def surfaces(text: str) -> list[str]:
    return [m.surface for m in sorted(policy_mentions(ArticleText(text)), key=lambda m: m.start)]


def test_an_unquoted_named_programme_without_its_batch_word():
    assert surfaces("会上还启动了首批上海全球招商合作伙伴计划,4个个人、6家机构获聘。") == ["上海全球招商合作伙伴计划"]
    assert surfaces("全面实施制造业倍增行动。") == ["制造业倍增行动"]


def test_quoted_campaigns_with_or_without_a_head_but_not_layouts_or_nicknames():
    assert surfaces("深入推进“双招双引”,实施“园区提质、企业满园”行动。") == ["“双招双引”", "“园区提质、企业满园”行动"]
    assert surfaces("构建“一区三园”格局,被誉为“湾顶明珠”。") == []
