"""Hostile input: mutated and random pages never raise out of extraction."""

from __future__ import annotations

from conftest import saved_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parkwatch.extract import extract_article

PAGES = [saved_page(n) for n in ("mianyang_thousand_billion.html", "cdht_policy_gbk.html", "gmw_chengdu_conference.html")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=st.sampled_from(PAGES), cut=st.integers(0, 30000), junk=st.binary(max_size=300), at=st.integers(0, 30000))
def test_truncated_and_corrupted_pages(page, cut, junk, at):
    data = page[: cut % (len(page) + 1)]
    position = at % (len(data) + 1)
    article = extract_article(data[:position] + junk + data[position:], "http://x.cn/t20240913_1.html")
    assert isinstance(article.text, str) and isinstance(article.quality, dict)


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=2000))
def test_arbitrary_text_as_html(text):
    for encoding in ("utf-8", "gb18030"):
        article = extract_article(text.encode(encoding, errors="replace"), "http://x.cn/a.html")
        assert article.text_simplified is not None


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("绵阳高新区經開區产业园《》“”〔〕0123456789+亿元%()（）发号签约\n 公园校园")),
                    max_size=400), region=st.sampled_from([None, "四川省绵阳市", "上海市", "不存在的地方"]))
def test_tagging_arbitrary_text(text, region):
    from parkwatch.mentions import ArticleText
    from parkwatch.tagging import make_manager, tag

    for mention in tag(ArticleText(text, region=region), make_manager(load_entry_points=False)):
        assert text[mention.start : mention.end] == mention.surface
