"""Pages as servers send them, before scripts run: content that scripts reveal, and WeChat's own fields.

* A WeChat public-account article (``mp.weixin.qq.com``) is served with its body in
  ``<div id="js_content" style="visibility: hidden">``; the page's scripts make it visible. Such an element,
  and any element whose id a page script names beside ``visibility``/``opacity``/``display``/``show``, is
  treated as visible; really hidden elements (templates, ``display:none`` widgets no script touches) stay hidden.
* WeChat gives the account name (``var nickname = "…"``, ``#js_name``) and the publish time as a Unix time
  (``var ct = "1732089600"``) in its scripts: they become ``source`` and ``published_at``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from lxml import etree

_REVEALED_STYLE_RE = re.compile(r"(?:visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?(?![.\d])|display\s*:\s*none)\s*;?",
                                re.I)
_WECHAT_BODY_IDS = {"js_content", "img-content"}
_WECHAT_BODY_CLASSES = {"rich_media_content"}
_SCRIPT_REVEAL_RE = re.compile(r"""getElementById\(\s*['"]([\w-]+)['"]\s*\)[^;]{0,80}?(?:visibility|opacity|display)|"""
                               r"""\$\(\s*['"]#([\w-]+)['"]\s*\)\s*\.\s*(?:show|fadeIn|css\(\s*['"](?:visibility|opacity|display))""")
_NICKNAME_RE = re.compile(r"""var\s+nickname\s*=\s*(?:htmlDecode\()?\s*["']([^"'\n]{1,40})["']""")
_CT_RE = re.compile(r"""var\s+ct\s*=\s*["']?(\d{10})["']?""")
CHINA = timezone(timedelta(hours=8))
_STYLED = etree.XPath("//*[@style]")


def is_wechat(tree: etree._Element, url: str) -> bool:
    return "mp.weixin.qq.com" in url or bool(tree.xpath("//*[@id='js_content']"))


def reveal_scripted(tree: etree._Element) -> int:
    """Drop hiding styles that the page's scripts undo (WeChat's body, elements scripts show); returns the count."""
    script_ids: set[str] = set()
    for script in tree.iter("script"):
        for match in _SCRIPT_REVEAL_RE.finditer(script.text or ""):
            script_ids.add(match.group(1) or match.group(2))
    revealed = 0
    for element in _STYLED(tree):
        if not element.get("style"):
            continue
        classes = set((element.get("class") or "").split())
        ident = element.get("id") or ""
        if ident in _WECHAT_BODY_IDS or classes & _WECHAT_BODY_CLASSES or ident in script_ids:
            style = element.get("style") or ""
            kept = _REVEALED_STYLE_RE.sub("", style)
            if kept != style:
                element.set("style", kept)
                revealed += 1
    return revealed


def wechat_source(tree: etree._Element) -> str | None:
    """The public account's name."""
    for script in tree.iter("script"):
        found = _NICKNAME_RE.search(script.text or "")
        if found and found.group(1).strip():
            return found.group(1).strip()
    for path in ("//*[@id='js_name']", "//*[contains(@class, 'profile_nickname')]"):
        for node in tree.xpath(path):
            text = " ".join("".join(node.itertext()).split())
            if 2 <= len(text) <= 40:
                return text
    return None


def wechat_published(tree: etree._Element) -> str | None:
    """The publish time the page's script carries (``var ct``), in China time."""
    for script in tree.iter("script"):
        found = _CT_RE.search(script.text or "")
        if found:
            moment = datetime.fromtimestamp(int(found.group(1)), UTC).astimezone(CHINA)
            return moment.isoformat(timespec="seconds")
    return None
