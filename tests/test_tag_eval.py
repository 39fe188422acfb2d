"""Scoring tags against labels (parkwatch/tag_eval.py): mentions by span, and parks once per text."""

from __future__ import annotations

import json
import lzma

from parkwatch.tag_eval import listed_code, load, park_ids, same_park, score, score_per_text

TEXT = "绵阳高新区签约。高新区还与游仙经开区合作。某公司产业园开工。"
RECORD = {"id": "t-1", "text": TEXT, "is_park_news": True,
          "parks": [{"surface": "绵阳高新区", "start": 0, "end": 5, "canonical": "绵阳高新技术产业开发区"},
                    {"surface": "高新区", "start": 8, "end": 11, "canonical": "绵阳高新技术产业开发区"},
                    {"surface": "游仙经开区", "start": 13, "end": 18, "canonical": "绵阳游仙经济开发区"}],
          "policies": []}


def found(record):
    return [("park", 8, 11, "G510001"),  # the labelled park, at its second mention only
            ("park", 22, 27, "P-xyz")]  # 公司产业园: not labelled


def test_mentions_are_scored_by_span():
    result = score([RECORD], found, "park")
    assert (result.true_pos, result.false_pos, result.false_neg) == (1, 1, 2)


def test_parks_are_counted_once_per_text():
    result = score_per_text([RECORD], found)
    assert (result.found, result.right, result.labelled, result.reached) == (2, 1, 2, 1)
    assert (result.precision, result.recall) == (0.5, 0.5)  # the missed first mention costs nothing: 高新区 was found
    assert result.negatives_with_parks == 0
    negative = {**RECORD, "is_park_news": False}
    assert score_per_text([negative], found).negatives_with_parks == 1


def test_policies_are_counted_once_per_text_by_what_is_written():
    text = "落实“双招双引”。“双招双引”成效明显。"
    record = {"id": "t-2", "text": text, "is_park_news": True, "parks": [],
              "policies": [{"surface": "“双招双引”", "start": 2, "end": 8}, {"surface": "“双招双引”", "start": 9, "end": 15}]}
    result = score_per_text([record], lambda r: [("policy", 9, 15, "“双招双引”")], "policy")
    assert (result.found, result.right, result.labelled, result.reached) == (1, 1, 1, 1)


def test_a_park_named_as_labellers_or_gazetteers_write_it_is_the_same_park():
    assert same_park("甘肃兰州新区", "兰州新区")  # a province in front
    assert same_park("中国-马来西亚钦州产业园区", "中国—马来西亚钦州产业园区")  # dashes
    assert same_park("绵阳高新区", "绵阳高新技术产业开发区")  # short and long type words
    assert same_park("宜宾三江新区", "四川宜宾三江新区")
    assert not same_park("南京江北新区", "哈尔滨新区")
    assert not same_park("天津滨海新区", "锦州市滨海新区") and not same_park("绵阳高新区", "绵阳经开区")


def test_park_ids_compare_the_parks_named_at_labelled_spans_only():
    def named(record):
        return [("park", 0, 5, "G1", "绵阳高新技术产业开发区"), ("park", 8, 11, "G2", "游仙经济开发区"),
                ("park", 22, 27, "P-xyz", "某公司产业园")]  # the bare 高新区 under another park; 22–27 unlabelled

    result = park_ids([RECORD], named)
    assert (result.compared, result.same) == (2, 1)
    assert (result.parks, result.split) == (1, 1)  # 绵阳高新区 under G1 and G2
    assert result.differing == ["t-1: '高新区' tagged '游仙经济开发区', labelled '绵阳高新技术产业开发区'"]


def test_a_label_under_a_renamed_zone_s_old_name_is_the_park_the_gazetteer_lists_it_under():
    text = "天津东疆综合保税区开放。"
    record = {"id": "t-3", "text": text, "is_park_news": True, "policies": [],
              "parks": [{"surface": "天津东疆综合保税区", "start": 0, "end": 9, "canonical": "天津东疆保税港区"}]}
    code = listed_code("天津东疆综合保税区")
    assert code is not None and listed_code("天津东疆保税港区") == code  # the 2020 rename keeps the old name as an alias
    assert not same_park("天津东疆综合保税区", "天津东疆保税港区")  # the names alone share no core
    assert park_ids([record], lambda r: [("park", 0, 9, code, "天津东疆综合保税区")]).same == 1
    assert park_ids([record], lambda r: [("park", 0, 9, "P-other", "天津东疆综合保税区")]).same == 0
    assert listed_code("高新区") is None  # a kind, no park's name
    own, other = (park_ids([record], lambda r, i=i: [("park", 0, 9, i, "天津东疆综合保税区")]) for i in (code, "P-other"))
    assert (own.listed, own.listed_same) == (1, 1) and (other.listed, other.listed_same) == (1, 0)  # what a watch sees


def test_a_labelled_set_loads_the_same_xz_compressed_as_plain(tmp_path):
    line = json.dumps(RECORD, ensure_ascii=False) + "\n"
    plain, packed = tmp_path / "set.jsonl", tmp_path / "set.jsonl.xz"
    plain.write_text(line, encoding="utf-8")
    packed.write_bytes(lzma.compress(line.encode("utf-8")))
    assert load(packed) == load(plain) == [RECORD]


def test_a_mention_without_an_id_never_names_an_unlisted_label_s_park():
    record = {"id": "t-4", "text": "某某新材料产业园开工。", "is_park_news": True, "policies": [],
              "parks": [{"surface": "某某新材料产业园", "start": 0, "end": 8, "canonical": "某某新材料产业园区"}]}
    assert park_ids([record], lambda r: [("park", 0, 8, None, "另一个园")]).same == 0
