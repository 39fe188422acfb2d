"""Anchored scans yield exactly what the plain scan yields, for every pattern the taggers anchor."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parkwatch.scan import AnchoredPattern
from parkwatch.tag_eval import read_lines

TAGGER_MODULES = ("plugins.figures", "plugins.parks", "plugins.park_names", "plugins.park_words", "plugins.park_model",
                  "plugins.policies", "plugins.regions")
DEV = Path(__file__).parent / "files" / "tagging" / "dev.jsonl.xz"
# Pieces the anchored patterns are made of, and text around them.
PIECES = ["增长", "增速", "下降", "提升", "同比", "了", "达", "12", "3.5", "%", "个百分点", "国发", "川府发", "〔", "〕", "(", "（",
          ")", "2024", "1998", "号", "年第", "公告", "人民政府", "政府令第", "办公厅", "委员会", "关于", "印发", "的通知",
          "实施方案", "发展规划", "规划纲要", "三年行动", "行动计划", "提升行动", "园", "产业园", "、", "，", "和", "及", "。",
          "区", "产业", "科技", "四川省", "绵阳市", "高新", "正式", "出台", "\n", " ", "的", "农业", "文旅", "A"]


def anchored_patterns() -> list[tuple[str, AnchoredPattern]]:
    found = []
    for module_name in TAGGER_MODULES:
        module = importlib.import_module(module_name)
        found += [(f"{module_name}.{name}", value) for name, value in vars(module).items() if isinstance(value, AnchoredPattern)]
    return found


PATTERNS = anchored_patterns()


def spans(matches) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def test_the_taggers_anchor_their_slowest_scans():
    names = {name.rsplit(".", 1)[1] for name, _ in PATTERNS}
    assert {"_GROWTH_RE", "_DOC_NUMBER_RE", "_ISSUED_TITLE_RE", "_NAMED_PLAN_RE", "_PLACED_ACTION_RE", "_PARK_LIST"} <= names


@pytest.mark.parametrize(("name", "anchored"), PATTERNS, ids=[name for name, _ in PATTERNS])
@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), max_size=40).map("".join), pos=st.integers(0, 20))
def test_an_anchored_scan_matches_the_plain_scan_on_generated_text(name, anchored, text, pos):
    assert spans(anchored.finditer(text, pos)) == spans(anchored.pattern.finditer(text, pos))


@pytest.mark.parametrize(("name", "anchored"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_an_anchored_scan_matches_the_plain_scan_on_real_news(name, anchored):
    texts = [json.loads(line)["text"] for line in read_lines(DEV)]
    plain = [spans(anchored.pattern.finditer(text)) for text in texts]
    assert sum(map(len, plain)) > 0, "no real text exercises this pattern"
    assert [spans(anchored.finditer(text)) for text in texts] == plain


FILLER = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒"  # characters that are no word of any pattern
# For each anchored pattern, a text whose one match starts as far before its anchor as the pattern allows.
LONGEST_REACH = {
    "_GROWTH_RE": "，" + FILLER[:8] + "同比增长12%",
    "_DOC_NUMBER_RE": "，" + FILLER[:14] + "公告2024年第5号",
    "_ISSUED_TITLE_RE": "，" + FILLER[:14] + "人民政府办公厅关于加快园区发展的通知",
    "_NAMED_PLAN_RE": FILLER[:30] + "发展规划正式出台",
    "_PLACED_ACTION_RE": "，" + FILLER[:24] + "三年行动",
    "_HEADED_ACTION_RE": "，" + FILLER[:24] + "专项行动",
    "_PARK_LIST": "，" + FILLER[:10] + "园、信息园、生物园",
}


@pytest.mark.parametrize(("name", "anchored"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_each_reach_is_long_enough_for_its_longest_match_and_no_longer(name, anchored):
    text = LONGEST_REACH[name.rsplit(".", 1)[1]]
    (longest,) = [m.group(0) for m in anchored.pattern.finditer(text)]
    assert text.startswith(longest, text.index(FILLER[0]))  # it starts with the filler, its longest reach
    assert [m.group(0) for m in anchored.finditer(text)] == [longest]
    shorter = AnchoredPattern(anchored.pattern, anchored.anchor, anchored.reach - 1)
    assert [m.group(0) for m in shorter.finditer(text)] != [longest]  # the reach is no longer than it must be


def test_a_reach_too_short_for_the_pattern_loses_its_leftmost_matches():
    """The reach is the caller's promise; broken, the scan starts too late: what the checks above would catch."""
    pattern = re.compile(r"[a-z]{0,6}增长\d")
    assert [m.group(0) for m in AnchoredPattern(pattern, re.compile("增长"), reach=6).finditer("abcdef增长5")] == ["abcdef增长5"]
    assert [m.group(0) for m in AnchoredPattern(pattern, re.compile("增长"), reach=2).finditer("abcdef增长5")] == ["ef增长5"]


def test_a_pattern_that_matches_empty_text_is_refused():
    with pytest.raises(ValueError, match="empty"):
        AnchoredPattern(re.compile(r"\d*"), re.compile(r"\d"), reach=0)
