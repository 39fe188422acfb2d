"""Extraction on saved pages (original bytes): text, fields, dates, script, spam, two-article pages."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import saved_page

from parkwatch.extract import extract_article

FETCHED = datetime(2026, 11, 1, tzinfo=UTC)


def extract(name: str, url: str = "http://site.example.cn/a.html"):
    return extract_article(saved_page(name), url, fetched_at=FETCHED)


def test_traditional_page_keeps_script_and_loses_pinyin_artifacts():
    a = extract("mianyang_thousand_billion.html", "http://mianyang.example.cn/content/2024-02/02/content_100.html")
    assert "綿陽高新區(科技城直管區)" in a.text  # legitimate parentheses stay
    assert "(qū)" not in a.text and "(chǎn)" not in a.text
    assert a.quality["pinyin_artifacts"] > 100
    assert a.language == "zh-Hant"
    assert "绵阳高新区(科技城直管区)" in a.text_simplified
    assert a.title == "【科技城新區】綿陽首個產值規模千億元園區誕生"


def test_traditional_page_metadata_fields():
    a = extract("mianyang_thousand_billion.html")
    assert a.published_at == "2024-02-02T10:11:00+08:00"
    assert a.source == "綿陽日報"
    assert a.editor == ["郭成"]
    assert a.author == ["郭文丹", "祖明遠"]
    assert a.original_title.startswith("2023年,綿陽高新區(科技城直管區)實現GDP增長9.4%")
    assert a.summary.startswith("“綿陽高新區作為科技城直管區")


def test_injected_spam_is_removed_and_counted():
    a = extract("mianyang_thousand_billion.html")
    assert "无码" not in a.text and "熟妇" not in a.text
    assert "图片推荐" not in a.text and "相关新闻" not in a.text
    assert "版權所有" not in a.text and "ICP" not in a.text


def test_spam_title_does_not_replace_the_headline():
    a = extract("mianyang_spam_title.html")
    assert a.title == "綿陽聚焦產業定位優化空間布局:把新引進項目布局到最合適的園區"
    assert "男人的天堂" not in a.text
    assert a.published_at == "2022-07-11T08:30:00+08:00"


def test_page_with_a_second_article_keeps_only_the_first():
    a = extract("mianyang_two_articles.html")
    assert a.text.startswith("5月18日,綿陽市第三屆全民健身運動會")
    assert "綠道" not in a.text and "绿道" not in a.text_simplified
    assert "熱點排行" not in a.text and "首頁" not in a.text
    assert a.author == ["張明"]


def test_gbk_government_page():
    a = extract("cdht_policy_gbk.html", "http://cdht.example.cn/zwgk/tzgg/202409/t20240913_500.html")
    assert a.encoding == "gb18030"
    assert a.title == "成都高新区发布促进新经济高质量发展若干政策"
    assert "《成都高新区促进新经济高质量发展若干政策》(成高管发〔2024〕8号)" in a.text
    assert a.published_at == "2024-09-13T10:00:00+08:00"  # PubDate meta carries the time
    assert a.source == "成都高新区管委会"
    for chrome in ("打印本页", "上一篇", "浏览次数", "当前位置", "ICP"):
        assert chrome not in a.text


def test_source_before_date_and_credit_lines():
    a = extract("gmw_chengdu_conference.html")
    assert a.source == "成都发布"
    assert a.published_at == "2024-10-25T11:19:00+08:00"
    assert a.author == ["张家华", "李长乐"]
    assert {"黎孟", "杜颖", "王宏泽"} <= set(a.editor)
    assert a.title.startswith("成都市产业园区高质量发展大会召开")
    # related and recommended blocks (with later dates) never leak into text or date
    assert "2025-03-06" not in a.text and "粮食" not in a.text
    assert "点击右上角" not in a.text and "责编" not in a.text


def test_reprint_page_date_from_relative_form_and_footer_cleanup():
    a = extract("xian_cf_reprint.html")
    assert a.published_at == "2024-09-26"
    assert a.title == "多措并举绵阳助力园区提质增效"
    assert a.canonical_url == "http://xian-cf.example.cn/index.php/post/1940.html"
    assert a.text.endswith("(四川日报全媒体记者 祖明远)")
    for chrome in ("版 权 所 有", "扫一扫", "微信号", "本文链接", "400 0123 021"):
        assert chrome not in a.text
    assert a.author == ["祖明远"]


def test_people_page_canonical_and_date():
    a = extract("people_sc_original.html")
    assert a.title == "多措并举 绵阳助力园区提质增效"
    assert a.published_at == "2024-06-03T08:52:00+08:00"
    assert a.source == "四川日报"
    assert a.canonical_url == "http://people-sc.example.cn/n2/2024/0603/c345600-20000.html"
    assert "人民网股份有限公司" not in a.text.replace(" ", "")


def test_thepaper_original_title_and_outlet():
    a = extract("thepaper_neijiang.html")
    assert a.source == "澎湃新闻·澎湃号·媒体"
    assert a.original_title == "聚焦|内江高新区打好这“五张牌” 融入“经济圈”——"
    assert a.published_at == "2021-01-24T14:07:00+08:00"
    assert "沪ICP备" not in a.text and "下载客户端" not in a.text


def test_date_never_after_fetch():
    a = extract_article(saved_page("gmw_chengdu_conference.html"), "http://x.cn/a.html",
                        fetched_at=datetime(2024, 10, 25, 2, 0, tzinfo=UTC))
    assert a.published_at is None or a.published_at <= "2024-10-25T10:00:00+08:00"
