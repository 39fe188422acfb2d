"""The shipped gazetteer data: each zone row is well formed and its references resolve; the index that finds names."""

from __future__ import annotations

from parkwatch.gazetteer import NameIndex, parks, shipped_csv

TYPES_OF_LEVEL = {"national", "provincial", "municipal"}


def test_zone_rows_are_unique_resolve_their_parents_and_catalogue_codes():
    rows = shipped_csv("zones.csv")
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    catalogue = shipped_csv("devzones_2018.csv")
    codes = {row["代码"] for row in catalogue}
    parents = set(names) | {row["开发区名称"].replace("（", "(").replace("）", ")") for row in catalogue}  # a part of a listed zone
    for row in rows:
        assert row["level"] in TYPES_OF_LEVEL, row["name"]
        assert not row["parent"] or row["parent"] in parents, (row["name"], row["parent"])
        assert not row["catalogue_code"] or row["catalogue_code"] in codes, row["name"]
        assert row["source"] and None not in row, row["name"]  # no unquoted comma spilling into extra fields


def test_a_zone_after_2018_is_found_by_name_and_alias():
    index = parks()
    for name in ("中日(大连)地方发展合作示范区", "中韩(烟台)产业园", "太忻一体化经济区", "双龙航空港经济区", "哈大齐国家自主创新示范区",
                 "中德生态园", "临港松江科技城", "衢州智造新城", "中国—东盟跨境产业融合发展合作区", "成都高新西区"):
        assert [key for _, _, key, _ in index.find(f"位于{name}的项目")] == [name], name


def test_zhongguancun_parks_and_a_named_alias():
    index = parks()
    found = {key for _, _, key, _ in index.find("中关村平谷园和中关村顺义园获得授牌;转型综改示范区")}
    assert found == {"中关村平谷园", "中关村顺义园", "转型综改示范区"}


def test_a_name_with_a_place_in_brackets_is_found_without_them():
    index = parks()
    found = [(key, cands[0].name) for _, _, key, cands in index.find("中国天津自由贸易试验区天津机场片区")]
    assert found == [("中国天津自由贸易试验区天津机场片区", "中国(天津)自由贸易试验区天津机场片区")]


def test_a_catalogue_zone_s_press_short_form_is_an_alias():
    index = parks()
    found = [(key, cands[0].name) for _, _, key, cands in index.find("长春汽开区举行招商大会;汽开区党工委")]
    assert found == [("长春汽开区", "长春汽车经济技术开发区"), ("汽开区", "长春汽车经济技术开发区")]
    found = [(key, cands[0].name) for _, _, key, cands in index.find("哈经开区、漕河泾开发区、黄渤海新区和渤海新区")]
    assert found == [("哈经开区", "哈尔滨经济技术开发区"), ("漕河泾开发区", "漕河泾新兴技术开发区"), ("黄渤海新区", "烟台黄渤海新区"),
                     ("渤海新区", "沧州渤海新区")]
    found = [(key, cands[0].name) for _, _, key, cands in index.find("珲春边合区")]
    assert found == [("珲春边合区", "珲春边境经济合作区")]  # 边合区: every 边境经济合作区's short form
    assert [key for _, _, key, _ in index.find("光谷和光谷生物城")] == ["光谷", "光谷生物城"]


def test_a_provincial_economic_development_zone_is_found_as_its_place_and_kaifaqu():
    found = [(key, cands[0].name) for _, _, key, cands in parks().find("无锡蠡园开发区和扬州广陵开发区")]
    assert found == [("无锡蠡园开发区", "江苏无锡蠡园经济开发区"), ("扬州广陵开发区", "江苏扬州广陵经济开发区")]


def test_a_name_with_a_dash_is_found_with_each_dash_the_press_uses():
    index = parks()
    for text in ("中国-东盟产业合作区", "中国—东盟产业合作区", "中国–东盟产业合作区"):
        assert [key for _, _, key, _ in index.find(f"围绕{text}建设")] == [text]


def test_programme_rows_are_unique_typed_sourced_and_bare_names():
    rows = shipped_csv("programmes.csv")
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    for row in rows:
        assert row["kind"] in {"strategy", "reform", "campaign", "programme", "initiative"}, row["name"]
        assert row["source"] and row["scope"] and None not in row, row["name"]
        assert not any(c in row["name"] for c in "“”\"「」‘’《》"), row["name"]  # quotes are the text's, not the name's


def test_a_name_without_its_place_is_no_alias_when_the_rest_is_a_kind():
    index = parks()
    for kind in ("保税物流园区", "出口加工区", "新区综合保税区", "高新综保区", "经开综保区"):
        assert [key for _, _, key, _ in index.find(f"从{kind}起步")] == [], kind  # 天津|保税物流园区, 成都|高新综保区
    assert [key for _, _, key, _ in index.find("天津保税物流园区")] == ["天津保税物流园区"]


def test_the_name_index_finds_the_longest_name_at_the_leftmost_start_without_overlaps():
    index = NameIndex({"绵阳": "city", "绵阳高新区": "park", "高新区": "kind", "阳高": "never"})
    assert index.find("推动绵阳高新区和高新区") == [(2, 7, "绵阳高新区", "park"), (8, 11, "高新区", "kind")]
    assert [hit[2] for hit in index.find("阳高绵阳")] == ["阳高", "绵阳"]


def test_the_name_index_gives_str_offsets_past_characters_outside_the_basic_plane():
    index = NameIndex({"成都高新区": 1})
    text = "𠀀😀成都高新区"  # two characters of four bytes in UTF-8 and two code units in UTF-16
    ((start, end, name, _),) = index.find(text)
    assert text[start:end] == name == "成都高新区"


def test_an_empty_name_index_finds_nothing():
    assert NameIndex({}).find("成都高新区") == [] and len(NameIndex({})) == 0


def test_a_province_s_name_that_begins_an_institution_s_is_kept_in_its_short_forms():
    index = parks()
    assert index.find("第八批国家大学科技园名单公布。") == []  # not 河南省国家大学科技园 without its province
    assert index.find("入选大学国家大学科技园。") == []  # not 浙江大学国家大学科技园 without 浙江
    found = index.find("浙江大学国家大学科技园入选。")
    assert [(s, e, [p.name for p in ps]) for s, e, _, ps in found] == [(0, 11, ["浙江大学国家大学科技园"])]


def test_a_zone_s_upgrade_and_press_names_are_that_zone_s_own_row():
    index = parks()
    found = {key: cands[0].code for _, _, key, cands in index.find("合肥蜀山经济开发区、合肥蜀山经济技术开发区")}
    assert found == {"合肥蜀山经济开发区": "S347003", "合肥蜀山经济技术开发区": "S347003"}  # the 2021 upgrade, one zone
    found = [(key, cands[0].name) for _, _, key, cands in index.find("广佛肇经济合作区、商水高新技术产业开发区、衡水创新港")]
    assert found == [("广佛肇经济合作区", "广佛肇怀集经济合作区"), ("商水高新技术产业开发区", "商水经济技术开发区"),
                     ("衡水创新港", "衡水创新港")]


def test_a_provincial_zone_converted_into_a_high_tech_zone_keeps_one_row():
    index = parks()
    found = [(key, cands[0].name) for _, _, key, cands in index.find("宁强高新区、宁夏贺兰工业园区、中新广州知识城综合保税区")]
    assert found == [("宁强高新区", "宁强县循环经济产业园区"), ("宁夏贺兰工业园区", "宁夏贺兰工业园区"),
                     ("中新广州知识城综合保税区", "广州知识城综合保税区")]


def test_a_renamed_henan_zone_is_found_by_its_catalogue_name():
    index = parks()
    found = {key: cands[0].name for _, _, key, cands in index.find("舞阳县产业集聚区、河南周口经济开发区")}
    assert found == {"舞阳县产业集聚区": "舞阳经济技术开发区", "河南周口经济开发区": "周口临港开发区"}
