"""Pages as servers send them: content scripts reveal is kept, really hidden content is not; WeChat fields."""

from __future__ import annotations

from parkwatch.extract import extract_article

BODY = "".join(f"<p>绵阳高新区第{n}批项目集中签约，园区企业满园行动持续推进，产业链招商取得新进展。</p>" for n in range(6))


def wechat_page(style: str = "visibility: hidden;") -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>园区观察</title>
<script>var nickname = htmlDecode("绵阳园区观察"); var ct = "1732089600";</script></head><body>
<h1 class="rich_media_title" id="activity-name">绵阳高新区集中签约</h1>
<a id="js_name">绵阳园区观察</a>
<div class="rich_media_content" id="js_content" style="{style}">{BODY}</div>
<div id="js_tpl" style="display:none"><p>模板文字不应出现在正文里，这是一个隐藏的模板区域，很长很长很长。</p></div>
</body></html>""".encode()


def test_wechat_body_hidden_until_scripts_run_is_extracted():
    article = extract_article(wechat_page(), "https://mp.weixin.qq.com/s/abc")
    assert "第5批项目集中签约" in article.text and "模板文字" not in article.text
    assert article.source == "绵阳园区观察"
    assert article.published_at == "2024-11-20T16:00:00+08:00"
    assert article.quality["revealed_by_script"] == 1


def test_content_a_script_reveals_is_visible_and_spam_hidden_by_style_is_not():
    page = f"""<html><body><h1>标题</h1><div id="main" style="opacity:0">{BODY}</div>
<div style="display:none"><a href="http://spam.example/">澳门赌场在线</a>澳门赌场在线澳门赌场在线</div>
<script>document.getElementById("main").style.opacity = 1;</script></body></html>""".encode()
    article = extract_article(page, "https://example.gov.cn/a.html")
    assert "第3批项目集中签约" in article.text and "赌场" not in article.text
