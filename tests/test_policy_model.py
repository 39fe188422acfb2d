"""The learned second look at quoted names (plugins/policy_model.py): its mechanics on hand-set weights, and the
shipped model as the policies plugin uses it."""

from __future__ import annotations

from parkwatch.mentions import ArticleText
from parkwatch.tagging import make_manager, tag
from plugins.policies import policy_mentions
from plugins.policy_model import PolicyModel, candidates, second_look, shipped_policy_model


def surfaces(mentions):
    return [m.surface for m in mentions]


def test_a_quoted_name_the_model_is_sure_of_is_added_as_a_campaign_and_a_doubtful_one_is_not():
    article = ArticleText("区里策划了“五大战役”招商活动,他说“我们很高兴”。")
    assert policy_mentions(article) == []  # no head, no verb of carrying out, not on the programme list
    model = PolicyModel({"b=战役": 6.0, "u=我": -2.0}, -3.0, add=0.5)
    added = second_look(article, [], model)
    assert surfaces(added) == ["“五大战役”"]
    assert added[0].canonical == "“五大战役”" and added[0].id.startswith("L-") and added[0].attrs["source"] == "model"


def test_quoted_names_inside_mentions_the_rules_found_are_no_candidates():
    article = ArticleText("印发《关于实施“强园”行动的通知》,推进“强园”行动。")
    found = policy_mentions(article)
    assert surfaces(found) == ["《关于实施“强园”行动的通知》", "“强园”行动"]
    assert candidates(article, found) == []
    assert second_look(article, found, PolicyModel({}, 10.0, add=0.5)) == found


def test_straight_quotes_and_traditional_script_give_the_curly_simplified_canonical_name():
    article = ArticleText('開展"雙百日會戰"活動。')
    added = second_look(article, [], PolicyModel({"b=会战": 6.0}, -3.0, add=0.5))
    assert [(m.surface, m.canonical) for m in added] == [('"雙百日會戰"', "“双百日会战”")]


def test_a_carrying_out_verb_a_few_words_before_and_a_kind_word_after_are_read():
    article = ArticleText("全区深入实施园区提质增效“双百工程”,被誉为“工业强区”品牌。")
    by_name = {article.simplified[s + 1 : e - 1]: names for s, e, names in candidates(article, [])}
    assert "wb=实施" in by_name["双百工程"] and "wb=誉为" in by_name["工业强区"] and "wa=品牌" in by_name["工业强区"]
    model = PolicyModel({"wb=实施": 4.0, "wa=品牌": -4.0}, -2.0, add=0.5)  # the verb six characters off, not beside it
    assert surfaces(second_look(article, [], model)) == ["“双百工程”"]


def test_the_shipped_model_loads_and_the_policies_plugin_uses_it():
    model = shipped_policy_model()
    assert model is not None and 0 < model.add < 1 and len(model.weights) > 1000
    pm = make_manager(load_entry_points=False)
    found = [m for m in tag(ArticleText("区里策划了“五大战役”招商活动,力求在招商上取得突破。"), pm) if m.kind == "policy"]
    assert [(m.surface, m.attrs.get("source")) for m in found] == [("“五大战役”", "model")]
    said = [m for m in tag(ArticleText("企业家表示“非常满意”。"), pm) if m.kind == "policy"]
    assert said == []  # a remark in quotes is no campaign
