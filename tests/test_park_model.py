"""The learned second look at park mentions (plugins/park_model.py): its mechanics on hand-set weights, and the
shipped model as the parks plugin uses it."""

from __future__ import annotations

from parkwatch.gazetteer import parks_with_gazetteer
from parkwatch.mentions import ArticleText
from plugins.park_model import ParkModel, alternative_spans, candidate_spans, second_look, shipped_model
from plugins.parks import park_mentions


def surfaces(mentions):
    return [m.surface for m in mentions]


def test_a_found_mention_the_model_doubts_is_dropped_and_a_sure_one_kept():
    article = ArticleText("绵阳高新区与三沅环保科技产业园签约。")
    rules = park_mentions(article, model=None)
    assert surfaces(rules) == ["绵阳高新区", "三沅环保科技产业园"]
    model = ParkModel({"src=pattern": -5.0, "src=catalogue": 5.0}, 0.0, keep=0.5, add=0.99)
    assert surfaces(second_look(article, rules, model)) == ["绵阳高新区"]


def test_a_passed_over_name_the_model_is_sure_of_is_added_with_a_pattern_id():
    article = ArticleText("15家企业与城市配送物流园进行入驻集中签约。")
    assert park_mentions(article, model=None) == []  # a logistics park named once, without a place: no rule takes it
    start = article.simplified.index("城市")
    assert (start, start + len("城市配送物流园")) in candidate_spans(article, [])
    model = ParkModel({"d2=配送": 6.0, "suf=物流园": 1.0}, -3.0, keep=0.5, add=0.9)
    added = second_look(article, [], model)
    assert surfaces(added) == ["城市配送物流园"]
    assert added[0].id.startswith("P-") and added[0].attrs["source"] == "model"


def test_a_name_with_a_head_the_rules_leave_alone_is_a_candidate_the_model_decides():
    article = ArticleText("推动淄博新旧动能转换先行区建设,宁波中意生态园签约3个项目。")
    assert park_mentions(article, model=None) == []  # 先行区, 生态园: no rule's suffix
    spans = [article.simplified[s:e] for s, e in candidate_spans(article, [])]
    assert "淄博新旧动能转换先行区" in spans and "宁波中意生态园" in spans
    adds_all, adds_none = ParkModel({}, 5.0, keep=0.5, add=0.5), ParkModel({}, -5.0, keep=0.5, add=0.5)
    assert surfaces(park_mentions(article, model=adds_all)) == ["淄博新旧动能转换先行区", "宁波中意生态园"]
    assert park_mentions(article, model=adds_none) == []
    article = ArticleText("入选的有汶上精细化工区和保山工贸园。")  # a chemical area and a 工贸园: heads labellers take too
    spans = [article.simplified[s:e] for s, e in candidate_spans(article, [])]
    assert "汶上精细化工区" in spans and "保山工贸园" in spans
    article = ArticleText("内蒙古留创园在孵企业40家,重庆数创园揭牌。")  # …创园: a 留学人员创业园, a 数字创意园
    spans = [article.simplified[s:e] for s, e in candidate_spans(article, [])]
    assert "内蒙古留创园" in spans and "重庆数创园" in spans


def test_an_added_bare_zone_word_is_the_park_named_before_it_or_nothing():
    article = ArticleText("宜宾临港经开区今年签约项目31个。经开区将持续优化营商环境。")
    rules = park_mentions(article, model=None)
    model = ParkModel({"bare": 8.0}, -4.0, keep=0.0, add=0.9)
    found = second_look(article, [m for m in rules if m.start == 0], model)
    assert [m.canonical for m in found if m.surface == "经开区"] == [rules[0].canonical]
    alone = ArticleText("经开区将持续优化营商环境。")
    assert second_look(alone, [], model) == []  # no park named before: nothing to refer to


def test_of_overlapping_candidates_the_likeliest_is_added():
    article = ArticleText("长江南溪新材料产业园开工。")
    spans = candidate_spans(article, [])
    assert (0, 10) in spans and (2, 10) in spans  # with the words before the place, and from the place
    model = ParkModel({"placed=county": 4.0, "placed=none": 2.0, "bare": -9.0}, 0.0, keep=0.5, add=0.5)
    assert surfaces(second_look(article, [], model)) == ["南溪新材料产业园"]


def test_a_kind_of_zone_without_a_place_is_never_added():
    model = ParkModel({"suf=合作区": 9.0}, 0.0, keep=0.5, add=0.5)
    kind = ArticleText("跨境经济合作区建设迎来新机遇。")
    assert second_look(kind, [], model) == []
    named = ArticleText("中国东兴—越南芒街跨境经济合作区,东兴边境经济合作区建设迎来新机遇。")
    assert "东兴边境经济合作区" in surfaces(second_look(named, [], model))


def test_a_new_area_named_for_industry_is_a_candidate_a_city_s_new_area_is_not():
    model = ParkModel({}, 5.0, keep=0.5, add=0.5)  # adds every candidate
    article = ArticleText("1992年,龙门工业新区成立;台州头门港新区集聚企业178家。")
    assert surfaces(second_look(article, [], model)) == ["龙门工业新区", "台州头门港新区"]
    assert second_look(ArticleText("城东新区的道路已完工,滨江新区公园开放。"), [], model) == []  # districts of a city


def test_a_park_named_as_an_industry_port_or_a_smart_manufacturing_park_is_a_candidate():
    model = ParkModel({}, 5.0, keep=0.5, add=0.5)  # adds every candidate
    article = ArticleText("近日,机器人产业港三期开工;义兴滨河双创智造园签约企业12家。")
    assert surfaces(second_look(article, [], model)) == ["机器人产业港", "义兴滨河双创智造园"]


def test_a_regional_plans_region_is_never_added():
    model = ParkModel({"suf=经济区": 9.0}, 0.0, keep=0.5, add=0.5)
    assert second_look(ArticleText("推动川南经济区一体化发展,攀西经济区转型升级。"), [], model) == []


def test_the_shipped_model_loads_and_the_plugin_uses_it():
    model = shipped_model()
    assert model is not None and 0 < model.keep < 1 and 0 < model.add < 1 and len(model.weights) > 1000
    text = "绵阳高新区今年新签约项目31个,总投资达到286亿元。"
    assert surfaces(park_mentions(ArticleText(text))) == ["绵阳高新区"]


def test_a_bare_zone_word_read_as_a_park_the_model_drops_is_read_again_against_the_parks_kept():
    article = ArticleText("擦亮高新区高质量发展的金字招牌。高新区今年新开工项目30个。潍坊高新区发布新政。")
    rules = park_mentions(article, model=None)
    assert [(m.surface, m.canonical) for m in rules if m.attrs.get("source") == "anaphora"] == [("高新区", "擦亮高新区")]
    model = ParkModel({"src=pattern": -5.0, "src=catalogue": 5.0, "src=anaphora": 5.0}, 0.0, keep=0.5, add=0.99)
    kept = second_look(article, rules, model)
    assert [(m.surface, m.canonical) for m in kept] == [("高新区", "潍坊高新技术产业开发区"),
                                                        ("潍坊高新区", "潍坊高新技术产业开发区")]
    assert kept[0].id == kept[1].id and kept[0].attrs["source"] == "anaphora"


def test_a_bare_zone_word_after_a_park_only_the_model_found_names_that_park():
    text = ("临夏县全力加快绿色清真产业经济开发区建设\n近年来,临夏县按照州上把开发区建成助推全州经济发展的主要增长极的总体要求,"
            "进一步完善基础设施、加大招商引资力度,全力加快绿色清真产业经济开发区建设。去年开发区完成政府性投资2.3亿元。")
    article = ArticleText(text)
    assert [m.surface for m in park_mentions(article, model=None)] == []  # the rules find neither the name nor its bare word
    adds_the_name = ParkModel({"suf=开发区": 10.0}, -5.0, keep=0.5, add=0.5)  # adds the names it passes over that end in 开发区
    found = park_mentions(article, model=adds_the_name)
    names = [m for m in found if m.attrs["source"] == "model"]
    bare = [m for m in found if m.attrs["source"] == "anaphora"]
    assert names and {m.surface for m in names} == {"绿色清真产业经济开发区"}
    assert bare and all(m.surface == "开发区" and m.id == names[0].id and m.start > names[0].start for m in bare)


def test_a_place_s_zones_in_general_the_model_took_for_a_park_are_no_antecedent_for_bare_words():
    adds_everything = ParkModel({}, 5.0, keep=0.5, add=0.5)
    text = "湖南省开发区整合提升方案\n为深入贯彻全会精神,整合开发区空间布局,推动开发区转型。"
    assert [(m.surface, m.attrs["source"]) for m in park_mentions(ArticleText(text), model=adds_everything)] == [
        ("湖南省开发区", "model")]  # the bare 开发区 after it are the kind, as the rules read them
    text = "近年来,临夏县全力加快绿色清真产业经济开发区建设。去年开发区完成政府性投资2.3亿元。"
    assert [m.surface for m in park_mentions(ArticleText(text), model=adds_everything)] == ["绿色清真产业经济开发区", "开发区"]


def test_a_dash_that_opens_a_line_is_no_part_of_a_candidate_name():
    article = ArticleText("制造业基地。\n——湄洲湾北岸临港物流园。规划范围包括罗屿港区")
    start = article.simplified.index("湄洲湾")
    assert (start, start + len("湄洲湾北岸临港物流园")) in candidate_spans(article, [])
    assert all(article.simplified[s] != "—" for s, _ in candidate_spans(article, []))


def alternatives_of(text: str) -> tuple[ArticleText, list, dict[str, str]]:
    article = ArticleText(text)
    rules = park_mentions(article, model=None)
    return article, rules, {article.simplified[s:e]: how for s, e, how, _ in alternative_spans(article, rules)}


def test_a_found_mention_has_longer_and_shorter_alternatives():
    _, rules, spans = alternatives_of("位于长春新区北湖未来科学城的项目开工。")
    assert surfaces(rules) == ["长春新区", "北湖未来科学城"]
    assert spans["长春新区北湖未来科学城"] == "right"  # a zone and its named part, found as two
    assert alternatives_of("岳阳临空经济区核心区正式扬帆起航。")[2]["岳阳临空经济区核心区"] == "right"  # 首开区: a rule's part
    assert alternatives_of("北京大兴国际机场临空经济区(大兴)获批。")[2]["北京大兴国际机场临空经济区(大兴)"] == "right"
    assert alternatives_of("海南自由贸易港海口江东新区举行签约。")[2]["海南自由贸易港海口江东新区"] == "left"
    assert alternatives_of("石家庄高新区生物医药产业园区排名跃居全国第7位。")[2]["石家庄高新区"] == "shorter"


def test_an_alternative_the_model_finds_likelier_replaces_the_mentions_it_nests_with():
    article, rules, _ = alternatives_of("位于长春新区北湖未来科学城的项目开工。")
    prefers_parts = ParkModel({"src=alt_right": 5.0}, 0.0, keep=0.5, add=0.5)
    merged = second_look(article, rules, prefers_parts)
    assert surfaces(merged) == ["长春新区北湖未来科学城"]
    zone = rules[0]  # 长春新区, a listed zone: the zone with its named part, as the rules give one (a watch on it fires)
    assert (merged[0].id, merged[0].canonical, merged[0].attrs["part"]) == (zone.id, zone.canonical, "北湖未来科学城")
    undecided = ParkModel({}, 0.0, keep=0.5, add=0.5)  # as likely as the mentions: they stay
    assert surfaces(second_look(article, rules, undecided)) == ["长春新区", "北湖未来科学城"]


def test_a_listed_park_with_a_place_added_in_front_keeps_its_id():
    article, rules, _ = alternatives_of("海南自由贸易港海口江东新区举行签约。")
    longer = second_look(article, rules, ParkModel({"src=alt_left": 5.0}, 0.0, keep=0.5, add=0.5))
    assert surfaces(longer) == ["海南自由贸易港海口江东新区"]
    assert (longer[0].canonical, longer[0].id) == (rules[0].canonical, rules[0].id)


def test_a_candidate_keeps_a_first_character_that_starts_a_word_with_the_place_as_the_rules_do():
    article = ArticleText("今天,开花山数字产业集聚区签约。")  # 开花山, not 开|花山
    assert park_mentions(article, model=None) == []
    spans = [article.simplified[s:e] for s, e in candidate_spans(article, [])]
    assert "开花山数字产业集聚区" in spans and "花山数字产业集聚区" not in spans
    cut = ArticleText("今天去花山数字产业集聚区签约。")  # 去 is a word of its own
    assert "花山数字产业集聚区" in [cut.simplified[s:e] for s, e in candidate_spans(cut, [])]


def test_a_longer_span_of_a_bare_zone_word_names_its_own_park_not_the_antecedent():
    article, rules, spans = alternatives_of("天津滨海新区起步区建设提速。于家堡金融区起步区14个项目加快建设。")
    bare = [m for m in rules if m.surface == "起步区" and m.start > 10]
    assert bare and bare[0].canonical == "天津滨海新区"  # the rules read the bare word as the zone named before
    assert spans["于家堡金融区起步区"] == "left"
    longer = second_look(article, rules, ParkModel({"src=alt_left": 5.0}, 0.0, keep=0.5, add=0.5))
    named = [m for m in longer if m.surface == "于家堡金融区起步区"]
    assert named and named[0].canonical == "于家堡金融区起步区" and named[0].id.startswith("P-")


def test_an_alternative_whose_whole_name_is_a_listed_park_is_named_as_that_park():
    article, rules, spans = alternatives_of("秦创原·沣东智造产业园西区开工。")
    assert rules[0].id.startswith("P-") and spans["秦创原·沣东智造产业园"] == "shorter"
    index = parks_with_gazetteer([{"name": "秦创原沣东智造产业园", "aliases": ["秦创原·沣东智造产业园"], "code": "U-fengdong"}])
    shorter = second_look(article, rules, ParkModel({"src=alt_shorter": 5.0, "len=2": -9.0}, 0.0, keep=0.5, add=0.5), index)
    assert [(m.surface, m.canonical, m.id) for m in shorter] == [("秦创原·沣东智造产业园", "秦创原沣东智造产业园", "U-fengdong")]


def test_a_long_candidate_name_starts_at_its_word_not_where_the_rules_reach_ends():
    article = ArticleText("聚焦“一区三园”(煤电产业园、化工产业园、绿色农副产品加工及装备制造产业园)规划定位。")
    found = [(m.start, m.end) for m in park_mentions(article, model=None)]
    spans = [article.simplified[s:e] for s, e in candidate_spans(article, found)]
    assert "绿色农副产品加工及装备制造产业园" in spans and "色农副产品加工及装备制造产业园" not in spans


def test_a_name_that_starts_with_china_and_a_place_in_brackets_is_placed_by_that_place():
    from plugins.park_model import _leading_place

    assert _leading_place("中国(顺德)预制菜综合产业园") == ("county", 6)
    assert _leading_place("中国(东盟)产业园") == ("none", 0)  # a bracketed word that is no place
    assert _leading_place("顺德预制菜综合产业园") == ("county", 2)


def test_a_candidate_never_starts_with_a_byline_in_brackets():
    article = ArticleText("中新网晋中4月19日电 (杨佩佩)太晋一体化平头融合发展区高质量发展大会18日举行。")
    spans = [article.simplified[s:e] for s, e in candidate_spans(article, [])]
    assert "太晋一体化平头融合发展区" in spans and not any(span.startswith("(") for span in spans)


def test_a_short_name_defined_after_a_park_only_the_model_found_names_that_park():
    article = ArticleText("淮滨港口物流产业集聚区(以下简称港区)揭牌。如今的港区涌动着建设的热潮。")
    assert park_mentions(article, model=None) == []  # 集聚区: no rule's suffix
    found = park_mentions(article, model=ParkModel({}, 5.0, keep=0.5, add=0.5))
    assert surfaces(found) == ["淮滨港口物流产业集聚区", "港区", "港区"]
    assert len({m.id for m in found}) == 1 and found[1].attrs["source"] == "definition"


def test_a_school_s_grounds_are_never_a_candidate():
    article = ArticleText("也有遵化循环经济产业园、迁安教育园区等项目。义乌市双江湖科教园区项目建设现场机械轰鸣。")
    spans = [article.simplified[s:e] for s, e in candidate_spans(article, [])]
    assert "遵化循环经济产业园" in spans
    assert not [s for s in spans if "教育园" in s or "科教园" in s]


def test_the_model_keeps_what_a_committee_site_s_park_answers():
    keeps_none = ParkModel({}, -5.0, keep=0.5, add=0.5)
    article = ArticleText("近日,开发区党工委副书记赴上海招商。", park="库尔勒经开区")
    assert [(m.surface, m.canonical) for m in park_mentions(article, model=keeps_none)] == [("开发区", "库尔勒经济技术开发区")]
    assert park_mentions(ArticleText(article.text), model=keeps_none) == []
