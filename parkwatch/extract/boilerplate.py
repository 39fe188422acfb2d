"""Chinese-aware cleaning of extracted body lines.

Removes what generic extractors leave in Chinese pages: breadcrumbs (您现在的位置), related and
recommended blocks (相关新闻, 推荐阅读 …) and everything after them, share/QR/app prompts,
copyright and ICP footers, editor lines, and injected porn/gambling SEO spam.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BREADCRUMB_RE = re.compile(r"^(?:您现在的位置|您當前的位置|您的位置|当前位置|當前位置|现在位置|所在位置)|^首[页頁]\s*[>›»/]")
RELATED_HEADING_RE = re.compile(
    r"^[\[【]?\s*(?:相关新闻|相關新聞|相关阅读|相關閱讀|推荐阅读|推薦閱讀|图片推荐|圖片推薦|相关文章|相關文章|相关链接|相關鏈接|"
    r"延伸阅读|延伸閱讀|热点推荐|熱點推薦|猜你喜欢|猜你喜歡|热门推荐|熱門推薦|更多新闻|更多新聞|往期回顾|往期回顧|"
    r"精彩推荐|精彩推薦|热门文章|熱門文章|最新文章|相关报道|相關報導|热点新闻|熱點新聞|今日推荐|视觉焦点|視覺焦點|独家策划)"
    r"\s*[\]】]?\s*[:：]?\s*$"
)
_PREV_NEXT_RE = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上一頁|下一頁)\s*[:：]")
_PROMPT_RE = re.compile(
    r"扫一扫|掃一掃|扫描二维码|掃描二維碼|扫码|掃碼|下载客户端|下載客戶端|分享到|分享给朋友|分享給朋友|点击右上角|"
    r"請使用瀏覽器分享|请使用浏览器分享|打印本页|打印本頁|关闭窗口|關閉窗口|【打印】|【关闭】|返回顶部|返回頂部|"
    r"阅读原文|閱讀原文|阅读剩余全文|加载更多|加載更多|我要举报|我要舉報|您此时的心情|设为首页|設為首頁|加入收藏|"
    r"^字号[:：]?\s*(?:大|中|小|$)|^字號|^收藏$|^朋友圈$|^微信$|^微博$|^分享$|^\+1$|^登录$|^反馈$|"
    r"微信号|微信/手机|關注公眾號|关注公众号|咨询电话|諮詢電話|联系电话|聯繫電話|招商热线|招商熱線"
)
_FOOTER_RE = re.compile(
    r"版权所有|版權所有|ICP备|ICP證|ICP证|ICP備|公网安备|公網安備|互联网新闻信息服务许可证|增值电信业务经营许可证|"
    r"违法和不良信息举报|違法和不良信息舉報|未经书面授权|未經書面授權|版权声明|版權聲明|Copyright|©|\(c\)\s*\d{4}|"
    r"如需转载|如需轉載|转载请注明|轉載請注明|本文为澎湃号|仅代表该作者|僅代表該作者|網站聲明|网站声明|"
    r"举报电话|舉報電話|举报邮箱|舉報郵箱|服务邮箱|新闻热线|新聞熱線|本文链接|本文鏈接|原文链接|本文地址|"
    r"仅供参考|僅供參考|风险自负|風險自負|免责声明|免責聲明",
    re.I,
)
EDITOR_LINE_RE = re.compile(
    r"^[\[【(（]?\s*(?:[\u4e00-\u9fff]{0,6}?)(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核|审校|監製|监制|终审|終審|初审|初審|复审|複審)"
    r"\s*[:：丨|｜\s]\s*(?P<names>[^\]】)）]{1,40})[\]】)）]?\s*$"
)
_SPAM_STRONG_RE = re.compile(
    r"(?<![a-z])av(?![a-z])|无码|無碼|毛片|熟妇|熟婦|牲交|偷拍|添荫蒂|一区二区|一區二區|百家乐|百家樂|六合彩|时时彩|"
    r"娱乐城|娛樂城|菠菜|老虎机|威尼斯人|葡京|成人影|黄色网站|裸聊",
    re.I,
)
_SPAM_WEAK_RE = re.compile(
    r"亚洲|亞洲|欧美|歐美|日韩|日韓|成人|午夜|在线观看|在線觀看|在线播放|中文字幕|乱码|天堂|澳门|澳門|彩票|博彩|赌场|賭場|"
    r"真人|下注|精品视频|色情|国产|視頻|视频"
)


@dataclass
class CleanResult:
    """Cleaned lines, and what was removed on the way."""

    lines: list[str]
    spam_lines: int = 0
    removed: dict[str, int] = field(default_factory=dict)
    editor_lines: list[str] = field(default_factory=list)

    def count(self, reason: str) -> None:
        self.removed[reason] = self.removed.get(reason, 0) + 1


def is_spam(line: str) -> bool:
    """A line of SEO spam: several porn/gambling terms, or a short line dense with them."""
    strong = len(_SPAM_STRONG_RE.findall(line))
    return strong >= 2 or (strong >= 1 and len(_SPAM_WEAK_RE.findall(line)) >= 2)


def is_related_heading(line: str) -> bool:
    return bool(RELATED_HEADING_RE.match(line) or _PREV_NEXT_RE.match(line))


_PHONE_RE = re.compile(r"(?<!\d)(?:400[- ]?\d{3,4}[- ]?\d{3,4}|1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?!\d)")


_SPACED_HAN_RE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
CREDIT_LINE_RE = re.compile(
    r"^[\u4e00-\u9fff]{0,10}(?:记者|記者|摄影|攝影|通讯员|通訊員)\s*[|丨｜:：]\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*$"
)


def is_chrome(line: str) -> str | None:
    """Why *line* is page chrome rather than article text (``None`` when it is text)."""
    line = _SPACED_HAN_RE.sub("", line)  # "版 权 所 有" → "版权所有"
    if len(line) <= 60 and _PHONE_RE.search(line) and "。" not in line:
        return "contact"
    if len(line) <= 200 and _FOOTER_RE.search(line):
        return "footer"
    if len(line) <= 60 and _PROMPT_RE.search(line):
        return "prompt"
    if len(line) <= 120 and _BREADCRUMB_RE.search(line):
        return "breadcrumb"
    return None


def is_chrome_row(line: str, title: str | None = None) -> bool:
    """A layout-table row (``| 首頁 | 今日頭條 | …``) that holds navigation, breadcrumb, headline or byline."""
    if not (line.startswith("|") and line.endswith("|")):
        return False
    cells = [c.strip() for c in line.strip("|").split("|") if c.strip()]
    if not cells:
        return True
    if any(len(c) >= 60 and _PROSE_PUNCT_RE.search(c) for c in cells):
        return False  # a layout cell holding the article itself
    if len(cells) >= 3 and all(len(c) <= 8 for c in cells):
        return True
    return any(is_chrome(c) or (title and c == title) or _BYLINE_CELL_RE.search(c) for c in cells)


_BYLINE_CELL_RE = re.compile(r"(?:发稿时间|发布时间|發布時間|来源|來源)\s*[:：]")


def clean_lines(lines: list[str], title: str | None = None) -> CleanResult:
    """Remove boilerplate lines; cut at the first related-news heading past the article's start."""
    result = CleanResult(lines=[])
    text_chars = sum(len(line) for line in lines)
    seen_chars = 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if is_related_heading(stripped) and seen_chars >= min(200, text_chars * 0.3):
            result.count("related")
            break
        seen_chars += len(stripped)
        if is_spam(stripped):
            result.spam_lines += 1
            continue
        if len(stripped) <= 50 and CREDIT_LINE_RE.match(stripped):
            result.count("credit")
            continue
        if len(stripped) <= 50 and EDITOR_LINE_RE.match(stripped):
            result.editor_lines.append(stripped)
            result.count("editor")
            continue
        if stripped.startswith("|") and _repeats(stripped, result.lines):
            result.count("layout")
            continue
        reason = is_chrome(stripped) or ("layout" if is_chrome_row(stripped, title) else None)
        if reason:
            result.count(reason)
            continue
        result.lines.append(stripped)
    return result


def _repeats(row: str, kept: list[str]) -> bool:
    """A layout-table row that repeats text already kept (extractors sometimes emit both)."""
    cells = [c.strip() for c in row.strip("|").split("|") if len(c.strip()) >= 12]
    if not cells:
        return False
    seen = "\n".join(kept)
    return all(c[:20] in seen for c in cells[:3])


_PROSE_PUNCT_RE = re.compile(r"[，。！？；、：,.;:!?]")
_SENTENCE_END_RE = re.compile(r"[。！？；.!?;”」』\"')）]\s*$")
_LIST_ITEM_RE = re.compile(r"^(?:[-·•●◆■▪*]\s|[\[【]\S{1,6}[\]】])")
_TRAILING_STAMP_RE = re.compile(
    r"(?:(?:19|20)\d{2}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?|\d{1,2}[-/]\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*\)?\]?$"
    r"|评论\s*\d+\s*条?$|[\d,]{3,}$"
)


def line_score(line: str) -> float:
    """How much *line* looks like article prose (positive) or like lists, menus and teasers (negative)."""
    length = len(line)
    teaser = bool(_TRAILING_STAMP_RE.search(line)) and not _SENTENCE_END_RE.search(line[:-10] + "")
    if teaser and length < 80:
        return -(length + 10)
    if _LIST_ITEM_RE.match(line) and not _PROSE_PUNCT_RE.search(line[2:]):
        return -(length * 0.3 + 2)
    if _PROSE_PUNCT_RE.search(line) and (length >= 20 or _SENTENCE_END_RE.search(line)):
        return float(length)
    if length >= 80:
        return float(length)
    return MENU_PENALTY if length <= 6 else SHORT_PENALTY


SHORT_PENALTY = -1.0  # a subheading between paragraphs costs little
MENU_PENALTY = -1.0  # a run of 2–6 character items is a menu


def _mark_link_lists(lines: list[str], scores: list[float]) -> None:
    """Runs of three or more short list items without a sentence end are link lists: strongly negative."""
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if line and _LIST_ITEM_RE.match(line) and len(line) < 60 and not _SENTENCE_END_RE.search(line):
            run.append(index)
            continue
        if len(run) >= 3:
            for i in run:
                scores[i] = -(len(lines[i]) + 10)
        run = []


def prose_chars(lines: list[str]) -> int:
    """Characters in lines that read as prose, link lists discounted."""
    scores = [line_score(line) for line in lines]
    _mark_link_lists(lines, scores)
    return sum(len(line) for line, score in zip(lines, scores, strict=True) if score > 0)


def main_span(lines: list[str]) -> tuple[list[str], int]:
    """The contiguous run of lines with the most prose (maximum-sum span); returns ``(lines, dropped)``.

    Menus and link lists before the article and teaser lists after it score negative, so they fall
    outside the span; a short subheading between paragraphs stays inside it.
    """
    if len(lines) < 3:
        return lines, 0
    scores = [line_score(line) for line in lines]
    _mark_link_lists(lines, scores)
    if all(s <= 0 for s in scores):
        return lines, 0
    best_sum, best = float("-inf"), (0, len(lines))
    running, start = 0.0, 0
    for index, score in enumerate(scores):
        if running <= 0:
            running, start = 0.0, index
        running += score
        if running > best_sum:
            best_sum, best = running, (start, index + 1)
    span = lines[best[0] : best[1]]
    if sum(map(len, span)) < 0.1 * sum(map(len, lines)):
        return lines, 0  # a page of short lines (a blog, a poem): no span stands out, keep it whole
    return span, len(lines) - len(span)
