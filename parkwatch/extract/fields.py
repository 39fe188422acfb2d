"""Metadata Chinese news pages write in their text: 来源, 记者, 编辑, 原标题, 摘要, 本文链接, and clean titles."""

from __future__ import annotations

import re

from parkwatch.extract.boilerplate import EDITOR_LINE_RE

_NAME = r"[\u4e00-\u9fff·]{2,4}"
_NAMES = rf"{_NAME}(?:[ 　、，,和]+{_NAME})*"
_SOURCE_RE = re.compile(r"(?:来源|來源|稿源|出处|出處)\s*[:：|丨｜]\s*(?P<src>[^\s|丨｜:：]{2,30})")
_SOURCE_STOP_RE = re.compile(
    r"(?:(?:19|20)\d{2}[-/.年]|作者|记者|記者|编辑|編輯|责编|責編|(?:发布|發布|发稿|發稿|更新)(?:时间|時間|日期)|时间|時間|日期|"
    r"浏览|瀏覽|点击|點擊|字号|字號|【|\[|（|\().*$"
)
# A name list ends at a delimiter: "记者 祖明远)" is a name, "记者从四川省获悉" is not.
_NAME_END = r"(?=$|[\s)）|丨｜,，。、;；]|报道|報道|摄|攝|通讯员|通訊員)"
_NOT_NAME_START = "从從在日近获獲了对對今昨于於向就据據到来來说說表也还還"
_REPORTER_RE = re.compile(
    rf"(?:记者|記者|通讯员|通訊員|作者|文/|文／|撰文)\s*[:：|丨｜]?\s*(?P<names>(?![{_NOT_NAME_START}]){_NAMES}){_NAME_END}"
)
_CREDIT_TAIL_RE = re.compile(rf"[(（](?:[^()（）]{{0,16}}?(?:记者|記者)\s*)?(?P<names>{_NAMES})[)）]\s*$")
_ORIGINAL_TITLE_RE = re.compile(r"^(?:原标题|原標題)\s*[:：]\s*(?P<title>.+)$")
_SUMMARY_RE = re.compile(r"^(?:【?\s*(?:摘要|內容提要|内容提要|导读|導讀)\s*】?)\s*[:：]?\s*(?P<summary>.{8,})$")
_PERMALINK_RE = re.compile(r"(?:本文链接|本文鏈接|原文链接|原文鏈接|本文地址)\s*[:：]\s*(?P<url>https?://\S+)")
_TITLE_SEP_RE = re.compile(r"\s*(?:[|_｜]|--?|—+|–|::)\s*")
_NOT_NAMES = {"本报", "本報", "通讯", "新华", "新華", "图片", "圖片", "摄影", "攝影", "综合", "綜合", "报道", "報道", "编辑", "編輯"}


def _names(text: str) -> list[str]:
    names = [n for n in re.split(r"[ 　、，,和]+", text) if n]
    return [n for n in names if n not in _NOT_NAMES and not n.startswith(("本报", "本報"))]


def find_source(lines: list[str]) -> str | None:
    """The outlet named by 来源 (``来源:成都发布2024-10-25 11:19`` → ``成都发布``)."""
    for line in lines:
        match = _SOURCE_RE.search(line)
        if match:
            source = _SOURCE_STOP_RE.sub("", match["src"]).strip(" ·,，。:：")
            if len(source) >= 2:
                return source
    return None


def find_authors(header: list[str], body: list[str]) -> list[str]:
    """Reporters: ``记者 祖明远``, ``成都日报记者|张家华 李长乐``, or a trailing ``(郭文丹 祖明远)``."""
    authors: list[str] = []
    candidates = header + body[:2] + body[-4:]
    for line in candidates:
        for match in _REPORTER_RE.finditer(line):
            authors.extend(_names(match["names"]))
    for line in body[-3:]:
        match = _CREDIT_TAIL_RE.search(line)
        if match:
            authors.extend(_names(match["names"]))
    return list(dict.fromkeys(a for a in authors if a))


def find_editors(lines: list[str]) -> list[str]:
    """Editors from lines such as ``编辑:郭成``, ``[ 责编:王宏泽 ]``, ``成都发布编辑丨黎孟 杜颖``."""
    editors: list[str] = []
    for line in lines:
        match = EDITOR_LINE_RE.match(line.strip())
        if match:
            editors.extend(_names(re.sub(r"[^\u4e00-\u9fff·、，, ]", " ", match["names"]).strip()))
    return list(dict.fromkeys(editors))


def find_original_title(lines: list[str]) -> str | None:
    for line in lines:
        match = _ORIGINAL_TITLE_RE.match(line.strip())
        if match:
            title = match["title"].strip()
            if title.startswith(("《", "“")) and title.endswith(("》", "”")):
                title = title[1:-1]
            return title.strip() or None
    return None


def find_summary(lines: list[str]) -> str | None:
    for line in lines:
        match = _SUMMARY_RE.match(line.strip())
        if match:
            return match["summary"].strip()
    return None


def find_permalink(lines: list[str]) -> str | None:
    for line in lines:
        match = _PERMALINK_RE.search(line)
        if match:
            return match["url"].rstrip("。,，")
    return None


def clean_title(raw: str | None, heading: str | None = None, site_names: tuple[str, ...] = ()) -> str | None:
    """Strip site suffixes (``…-綿陽新聞網``, ``…_光明网``) from a ``<title>``.

    When the page's own heading is part of the ``<title>``, that part wins; otherwise the longest
    separator-delimited part that is not a known site name.
    """
    if not raw:
        return heading
    raw = " ".join(raw.split())
    if heading:
        heading = " ".join(heading.split())
        if heading and heading in raw and len(heading) >= 4:
            return heading
    parts = [p for p in _TITLE_SEP_RE.split(raw) if p]
    if len(parts) <= 1:
        return raw
    parts = [p for p in parts if p not in site_names and not _looks_like_site_name(p)] or parts
    return max(parts, key=len)


def _looks_like_site_name(part: str) -> bool:
    return len(part) <= 12 and bool(
        re.search(r"(?:网|網|频道|頻道|新闻|新聞|日报|日報|晚报|晚報|门户|門戶|官网|官網|人民政府|首页|首頁|在线|在線|论坛|論壇)$", part)
        or re.search(r"(?i)\.(?:com|cn|net|org)$", part)
    )
