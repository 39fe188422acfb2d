"""Decoding, repair, dates, fields and boilerplate rules, one function at a time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from parkwatch.extract import extract_article
from parkwatch.extract.boilerplate import clean_lines, is_spam
from parkwatch.extract.dates import date_from_url, find_dates, not_after, parse_date
from parkwatch.extract.decode import decode_html, detect_encoding
from parkwatch.extract.fields import clean_title, find_authors, find_editors, find_source
from parkwatch.extract.normalize import fold_width, script_of, simplify
from parkwatch.extract.repair import count_mojibake, remove_pinyin_artifacts

TEXT = "绵阳高新区产业发展势头强劲，园区企业满园。" * 20


def page(body: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>園區</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("data", "content_type", "expected"),
    [
        (page(TEXT, '<meta charset="gbk">').encode("gbk"), None, "gb18030"),
        (page(TEXT, '<meta charset="gb2312">').encode("gb18030"), None, "gb18030"),
        (page(TEXT, '<meta charset="gbk">').encode("utf-8"), None, "utf-8"),  # meta lies
        (page(TEXT, '<meta charset="utf-8">').encode("gbk"), None, "gb18030"),  # the reverse lie
        (page(TEXT).encode("gbk"), None, "gb18030"),  # nothing declared
        (page(TEXT).encode("gbk"), "text/html; charset=GBK", "gb18030"),
        (page("綿陽高新區產業發展。" * 30, '<meta charset="big5">').encode("big5"), None, "big5hkscs"),
        (b"\xef\xbb\xbf" + page(TEXT).encode("utf-8"), None, "utf-8-sig"),
    ],
)
def test_detect_encoding(data, content_type, expected):
    assert detect_encoding(data, content_type) == expected
    text, _ = decode_html(data, content_type)
    assert "\ufffd" not in text


def test_configured_encoding_wins():
    assert detect_encoding(page(TEXT).encode("utf-8"), None, override="gbk") == "gb18030"


def test_pinyin_artifacts_removed_but_real_parentheses_kept():
    text, removed = remove_pinyin_artifacts("綿陽高新區(qū)(科技城直管區(qū))產(chǎn)業(yè)發(fā)展(劉軍 攝)")
    assert text == "綿陽高新區(科技城直管區)產業發展(劉軍 攝)"
    assert removed == 5
    assert remove_pinyin_artifacts("他说(ai)很好")[0] == "他说(ai)很好"  # toneless, no toned evidence
    assert remove_pinyin_artifacts("成都(Chengdu)高新区")[0] == "成都(Chengdu)高新区"


def test_toneless_and_repeated_pinyin_artifacts_of_a_page_annotated_without_tones():
    text = "廈(sha)門(men)火(huo)炬(ju)高新(xin)(xin)區(qu)位于廈門"
    assert remove_pinyin_artifacts(text) == ("廈門火炬高新區位于廈門", 6)
    assert remove_pinyin_artifacts("新(xīn)(xīn)區(qū)按照规划")[0] == "新區按照规划"  # a run is one artifact
    figures = "如图(a)所示,图(a)、图(e)和图(a)图(a)图(a)"
    assert remove_pinyin_artifacts(figures)[0] == figures  # one letter is no evidence


def test_a_word_s_reading_in_one_bracket_is_an_artifact_when_toned():
    assert remove_pinyin_artifacts("西咸(xīxián)新区建设提速")[0] == "西咸新区建设提速"  # two toned syllables
    assert remove_pinyin_artifacts("我们(wǒmen)看(kàn)到")[0] == "我们看到"  # one, beside another artifact
    assert remove_pinyin_artifacts("一杯咖啡(café)")[0] == "一杯咖啡(café)"  # one alone: a word of a language with accents
    assert remove_pinyin_artifacts("成都(Chengdu)高新区")[0] == "成都(Chengdu)高新区"


def test_a_page_that_writes_a_space_after_each_artifact_loses_the_spaces_with_them():
    text = "中馬欽州產(chan) 業(ye) 園(簡稱“中馬欽州產(chan) 業(ye) 園”),在欽(qin) 州。"
    assert remove_pinyin_artifacts(text)[0] == "中馬欽州產業園(簡稱“中馬欽州產業園”),在欽州。"
    spaced_once = "園區(qū) 介紹:產(chǎn)業(yè)園(yuán)區(qū)建設。"  # one space after an artifact: the page's own
    assert remove_pinyin_artifacts(spaced_once)[0] == "園區 介紹:產業園區建設。"


def test_mojibake_counted():
    assert count_mojibake("总投资100亿元的??松新能源项目") == 1
    assert count_mojibake("what?? no han here") == 0
    assert count_mojibake("正常文本") == 0


def test_simplified_form_folds_script_and_width():
    assert simplify("綿陽高新區ＧＤＰ增長９．４％") == "绵阳高新区GDP增长9.4%"
    assert simplify("陜西寶雞高新區") == "陕西宝鸡高新区"  # a variant t2s leaves alone
    assert fold_width("（１）") == "(1)"
    assert script_of("綿陽高新區產業發展勢頭強勁" * 3) == "zh-Hant"
    assert script_of("绵阳高新区产业发展势头强劲" * 3) == "zh-Hans"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发稿时间:2024-02-02 10:11", "2024-02-02T10:11:00+08:00"),
        ("2024年2月2日", "2024-02-02"),
        ("2024年02月02日10:11 | 来源：人民网", "2024-02-02T10:11:00+08:00"),
        ("来源:成都发布2024-10-25 11:19", "2024-10-25T11:19:00+08:00"),
        ("admin1年前 (2024-09-26)西安产业信息92", "2024-09-26"),
        ("2024/9/13", "2024-09-13"),
        ("2024-02-30", None),
        ("2024-09-13T10:00:00Z", "2024-09-13T10:00:00+00:00"),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_labelled_dates_are_marked():
    found = find_dates("相关新闻 2025-03-06\n发布时间：2024-09-13")
    assert [(f.value, f.labelled) for f in found] == [("2025-03-06", False), ("2024-09-13", True)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://x.cn/2024/0913/c1-2.html", "2024-09-13"),
        ("http://x.gov.cn/zwgk/202409/t20240913_123.html", "2024-09-13"),
        ("http://x.cn/2024-09/13/content_1.htm", "2024-09-13"),
        ("http://x.cn/news/20240913/1.html", "2024-09-13"),
        ("http://x.cn/news/12345.html", None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_not_after_fetch():
    fetched = datetime(2024, 9, 13, 4, 0, tzinfo=UTC)  # 12:00 in China
    assert not_after("2024-09-13T11:00:00+08:00", fetched)
    assert not not_after("2024-09-13T15:00:00+08:00", fetched)
    assert not not_after("2024-09-14", fetched)


def test_fields_from_lines():
    assert find_source(["来源:成都发布2024-10-25 11:19"]) == "成都发布"
    assert find_source(["发稿时间:2024-02-02 10:11   来源: 綿陽日報"]) == "綿陽日報"
    assert find_source(["2024年06月03日08:52 | 来源：四川日报"]) == "四川日报"
    assert find_authors([], ["……不断完善。(四川日报全媒体记者 祖明远)"]) == ["祖明远"]
    assert find_authors([], ["记者从四川省经济和信息化厅获悉,四川出台政策"]) == []
    assert find_authors(["成都日报记者|张家华 李长乐"], []) == ["张家华", "李长乐"]
    assert find_editors(["编辑:郭成", "[ 责编:王宏泽 ]", "成都发布编辑丨黎孟 杜颖"]) == ["郭成", "王宏泽", "黎孟", "杜颖"]


def test_title_suffixes_removed():
    assert clean_title("綿陽首個產值規模千億元園區誕生-綿陽新聞網") == "綿陽首個產值規模千億元園區誕生"
    assert clean_title("成都市产业园区高质量发展大会召开_光明网") == "成都市产业园区高质量发展大会召开"
    assert clean_title("标题 - 四川频道 - 人民网", heading="标题") == "标题"


def test_boilerplate_lines():
    lines = ["您现在的位置: 首页 > 新闻", "正文第一段，" * 20, "扫一扫关注公众号", "编辑:郭成",
             "沪ICP备14003370号", "相关新闻", "另一篇新闻的标题"]
    result = clean_lines(lines)
    assert result.lines == ["正文第一段，" * 20]
    assert result.removed["related"] == 1
    assert result.editor_lines == ["编辑:郭成"]


def test_spam_lines_detected_but_not_news_about_macau_or_asia():
    assert is_spam("国产av毛片成年动作片,国产午夜精品一区二区三区")
    assert not is_spam("澳门与亚洲多国签署合作协议,成人教育和彩票公益金用于园区建设")


def test_fallback_when_trafilatura_finds_nothing():
    from parkwatch.extract.article import _densest_block
    from parkwatch.extract.html import parse_html

    html = ("<html><body><div id='nav'><a href='/'>首页</a> <a href='/n'>新闻</a></div><div class='con'>"
            + "".join(f"<span>第{i}段,园区项目建设加快推进,企业满园。</span><br>" for i in range(8))
            + "</div><div class='foot'>版权所有</div></body></html>")
    lines = _densest_block(parse_html(html))
    assert lines[0] == "第0段,园区项目建设加快推进,企业满园。" and len(lines) == 8


def test_double_encoded_page_is_repaired():
    from parkwatch.extract.decode import decode_html

    original = "<html><head><meta charset='gbk'></head><body><p>" + "意大利游轮运营商公司首席执行官认定船长失误。" * 10 + "</p></body></html>"
    mojibake = original.encode("gbk").decode("iso8859_15").encode("utf-8")  # shown as Latin-9, saved as UTF-8
    text, encoding = decode_html(mojibake)
    assert "意大利游轮运营商" in text and encoding == "utf-8+gb18030"
    twice = original.encode("gbk").decode("latin-1").encode("utf-8").decode("latin-1").encode("utf-8")
    assert "意大利游轮运营商" in decode_html(twice)[0]


def test_per_site_selectors_win():
    html = ("<html><head><title>错误标题</title></head><body><h1>页面大标题</h1>"
            "<div class='meta'>2023-01-01</div><div class='x'><p>正确的正文在这里,园区发展。</p><p>第二段正文内容。</p></div>"
            "<div class='y'><p>" + "很长的干扰内容," * 50 + "</p></div></body></html>")
    article = extract_article(html.encode(), "http://x.cn/a.html",
                              selectors={"title": "h1", "date": "//div[@class='meta']", "body": "css:div.x p"})
    assert article.title == "页面大标题"
    assert article.published_at == "2023-01-01"
    assert article.text == "正确的正文在这里,园区发展。\n第二段正文内容。"


def test_broken_and_empty_input_gives_no_article_text():
    for data in (b"", b"\x00\x01\x02", b"<html><body></body></html>", b"<<<>>>\xff\xfe", b"<p>" * 5000):
        article = extract_article(data, "http://x.cn/a.html")
        assert len(article.text) < 20, data[:20]


def test_related_block_with_comments_is_removed():
    html = ("<html><body><div class='a'>" + "<p>园区项目建设加快推进,企业满园。</p>" * 12 + "</div>"
            "<div class='r'><!-- related --><h3>相关新闻</h3><!-- x --><ul><li><a href='/1'>另一篇园区新闻标题很长</a>"
            "<span>2025-03-06</span></li></ul></div></body></html>")
    article = extract_article(html.encode(), "http://x.cn/a.html")
    assert "另一篇" not in article.text and article.quality["related_blocks"] == 1


def test_malformed_canonical_link_found_by_fuzzing():
    html = "<html><head><link rel='canonical' href='http://[bad'></head><body>" + "<p>园区新闻正文内容。</p>" * 20
    assert extract_article(html.encode(), "http://x.cn/a.html").canonical_url is None
