"""Article extraction: a pure function of page bytes and URL (plus what the HTTP layer said)."""

from __future__ import annotations

import copy
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import trafilatura
from lxml import etree

from parkwatch.extract import dates, fields, scripted
from parkwatch.extract.boilerplate import CleanResult, clean_lines, is_chrome, is_spam, main_span, prose_chars
from parkwatch.extract.decode import decode_html
from parkwatch.extract.html import (
    block_text,
    link_href,
    meta_content,
    parse_html,
    remove_hidden,
    remove_related_blocks,
)
from parkwatch.extract.normalize import script_of, simplify, strip_controls
from parkwatch.extract.repair import count_mojibake, remove_pinyin_artifacts
from parkwatch.extract.selectors import select_text

_DATE_METAS = (
    "article:published_time", "pubdate", "publishdate", "publish_date", "publishtime", "datepublished",
    "og:release_date", "dc.date", "dc.date.issued", "dcterms.created", "firstpublishedtime", "sailthru.date",
    "weibo: article:create_at", "created", "date",
)
_BYLINE_RE = re.compile(r"(?:发稿时间|发布时间|發布時間|发表时间|来源|來源|作者|浏览|瀏覽|点击|點擊|字号|字號)\s*[:：]")


@dataclass
class Article:
    """What parkwatch knows about one page. ``text`` keeps the page's script; ``text_simplified`` is for matching."""

    url: str
    title: str | None = None
    published_at: str | None = None
    text: str = ""
    text_simplified: str = ""
    source: str | None = None
    author: list[str] = field(default_factory=list)
    editor: list[str] = field(default_factory=list)
    original_title: str | None = None
    summary: str | None = None
    canonical_url: str | None = None
    language: str = "und"
    encoding: str | None = None
    quality: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def extract_article(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    encoding: str | None = None,
    selectors: dict[str, str] | None = None,
    fetched_at: datetime | None = None,
    list_date: str | None = None,
) -> Article:
    """Extract title, date, clean text and metadata fields from one page's bytes."""
    html_text, used_encoding = decode_html(body, content_type, encoding)
    html_text, artifacts = remove_pinyin_artifacts(strip_controls(html_text))
    article = Article(url=url, encoding=used_encoding)
    article.quality["pinyin_artifacts"] = artifacts
    tree = parse_html(html_text)
    if tree is None:
        article.quality["empty"] = True
        return article
    article.quality["revealed_by_script"] = scripted.reveal_scripted(tree)
    wechat = scripted.is_wechat(tree, url)
    article.quality["hidden_removed"] = remove_hidden(tree)
    article.quality["related_blocks"] = remove_related_blocks(tree)
    selectors = selectors or {}
    page_lines = block_text(tree.find("body") if tree.find("body") is not None else tree).split("\n")

    title = _title(tree, selectors)
    body = _choose_body(tree, url, title, selectors)
    body_lines, cleaned, span = body.lines, body.cleaned, body.span
    header = _header_lines(page_lines, title, body_lines)
    if len(span) < len(cleaned.lines):
        cleaned.removed["outside_main_span"] = len(cleaned.lines) - len(span)
    text = "\n".join(span)

    article.title = title
    article.text = text
    article.text_simplified = simplify(text)
    article.source = (scripted.wechat_source(tree) if wechat else None) or fields.find_source(header) \
        or fields.find_source(cleaned.lines[-3:])
    article.author = list(dict.fromkeys(fields.find_authors(header, body_lines) + fields.find_authors([], cleaned.lines)))
    article.editor = fields.find_editors(cleaned.editor_lines + page_lines[-80:])
    article.original_title = fields.find_original_title(header + body_lines[:5] + body_lines[-3:])
    article.summary = fields.find_summary(header + cleaned.lines[:3]) or _meta_description(tree)
    article.canonical_url = _canonical(tree, url, page_lines)
    footer = _footer_lines(page_lines, span)
    article.published_at = (scripted.wechat_published(tree) if wechat else None) or _published(
        tree, url, header, footer, page_lines, selectors, fetched_at, list_date)
    article.language = script_of(text or (title or ""))
    article.quality.update(
        mojibake=count_mojibake(text), spam_lines=cleaned.spam_lines, removed=cleaned.removed, body=body.method
    )
    return article


def _trafilatura(tree: etree._Element, url: str, precision: bool = True) -> str:
    """trafilatura's main text (on a copy: it prunes the tree it gets)."""
    try:
        doc = trafilatura.bare_extraction(
            copy.deepcopy(tree), url=url, with_metadata=False, include_comments=False, include_tables=True,
            include_images=False, deduplicate=False, favor_precision=precision,
        )
    except Exception:  # trafilatura failing on one odd page must not lose the page
        return ""
    return (_doc_field(doc, "text") or "") if doc is not None else ""


@dataclass
class _Body:
    method: str
    lines: list[str]
    cleaned: CleanResult
    span: list[str]

    @property
    def prose(self) -> int:
        return prose_chars(self.span)


ENOUGH_PROSE = 100
LITTLE_PROSE = 40


def _choose_body(tree: etree._Element, url: str, title: str | None, selectors: dict[str, str]) -> _Body:
    """Configured selector, else trafilatura (precision mode); when that finds little prose, the better of
    trafilatura's recall mode and the densest text block."""
    if selectors.get("body"):
        text = select_text(tree, selectors["body"])
        if text:
            return _body("selector", text.split("\n"), title)
    best = _body("trafilatura", _split(_trafilatura(tree, url)), title, tree)
    if best.prose >= ENOUGH_PROSE:
        return best
    recall = _body("trafilatura-recall", _split(_trafilatura(tree, url, precision=False)), title, tree)
    if recall.prose > max(1.5 * best.prose, best.prose + 100):
        best = recall
    if best.prose < LITTLE_PROSE:  # both found next to nothing: the densest block of text
        densest = _body("densest-block", _densest_block(tree), title)
        if densest.prose > best.prose:
            best = densest
    return best


def _split(text: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]


def _within_article_element(tree: etree._Element, lines: list[str]) -> list[str]:
    """Keep only lines inside the page's one ``<article>`` (or ``itemprop=articleBody``) element when it holds
    a real article: teasers of other stories in the page's stream stay out."""
    candidates = tree.xpath("//article")
    if len(candidates) != 1 or not lines:
        return lines
    text = re.sub(r"\s+", "", block_text(candidates[0]))

    def inside(line: str) -> bool:
        key = re.sub(r"[\s|]+", "", line.lstrip("-*#>· "))[:12]
        return not key or key in text

    kept = [line for line in lines if inside(line)]
    if prose_chars(kept) >= max(150, 0.1 * prose_chars(lines)):
        return kept
    return lines


def _body(method: str, lines: list[str], title: str | None, tree: etree._Element | None = None) -> _Body:
    if tree is not None:
        lines = _within_article_element(tree, lines)
    cleaned = clean_lines(_drop_leading_meta(lines, title), title)
    span, _ = main_span(cleaned.lines)
    return _Body(method, lines, cleaned, span)


def _doc_field(doc: Any, name: str) -> Any:
    if doc is None:
        return None
    return doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)


def _title(tree: etree._Element, selectors: dict[str, str]) -> str | None:
    if selectors.get("title"):
        chosen = select_text(tree, selectors["title"], " ")
        if chosen:
            return chosen
    raw = _without_spam(tree.findtext(".//title"))
    headings = [h for h in (" ".join(block_text(h).split()) for h in tree.iter("h1", "h2")) if not is_spam(h)][:6]
    og = meta_content(tree, "og:title", "twitter:title", "articletitle", "headline")
    if raw:
        normal = " ".join(raw.split())
        for heading in headings:
            if len(heading) >= 4 and heading in normal:
                return heading
    if og and not raw:
        return fields.clean_title(og)
    return fields.clean_title(raw or og, headings[0] if headings else None)


def _without_spam(title: str | None) -> str | None:
    """Drop spam segments that hacked pages prepend to ``<title>``."""
    if not title:
        return title
    parts = re.split(r"(\s+[-_|]\s+|[-_|])", title)
    kept = [p for p in parts if not is_spam(p)]
    return "".join(kept).strip(" -_|") or None


def _densest_block(tree: etree._Element) -> list[str]:
    """Fallback body: the container whose paragraphs hold the most non-link text."""
    best, best_score = None, 0
    for element in tree.iter("div", "td", "article", "section", "main", "font"):
        score = 0
        for child in element:
            if not isinstance(child.tag, str) or child.tag not in ("p", "br", "span", "font", "div"):
                continue
            text_len = len("".join(child.itertext()).strip())
            link_len = sum(len("".join(a.itertext())) for a in child.iter("a"))
            score += max(0, text_len - 2 * link_len)
        score += len((element.text or "").strip())
        if score > best_score:
            best, best_score = element, score
    if best is None or best_score < 40:
        return []
    return [line for line in block_text(best).split("\n") if not is_chrome(line)]


def _header_lines(page_lines: list[str], title: str | None, body_lines: list[str]) -> list[str]:
    """Lines around the headline, before the body: where 来源, 发布时间 and 记者 stand."""
    first_body = body_lines[0][:20] if body_lines else None
    body_at = next((i for i, line in enumerate(page_lines) if first_body and first_body in line), None)
    title_at = None
    if title:
        key = title[:20]
        limit = body_at if body_at is not None else len(page_lines)
        hits = [i for i, line in enumerate(page_lines[:limit + 1]) if key in line]
        title_at = hits[-1] if hits else None
    if title_at is not None:
        end = body_at if body_at is not None and body_at > title_at else title_at + 6
        return page_lines[title_at : min(end + 1, title_at + 12)]
    if body_at is not None:
        return page_lines[max(0, body_at - 8) : body_at + 1]
    return page_lines[:12]


def _footer_lines(page_lines: list[str], body: list[str]) -> list[str]:
    """The few lines right after the body, where blogs and forums write 发表于 …"""
    if not body:
        return []
    key = body[-1][-20:]
    end = next((i for i, line in enumerate(page_lines) if key and key in line), None)
    return page_lines[end + 1 : end + 6] if end is not None else []


def _drop_leading_meta(lines: list[str], title: str | None) -> list[str]:
    """Drop a repeated headline and byline (发布时间/来源 …) at the top of the body."""
    out = list(lines)
    for _ in range(3):
        if not out:
            break
        first = out[0]
        if title and (first == title or (len(first) < len(title) + 8 and title in first)) or len(first) < 100 and _BYLINE_RE.search(first) and dates.parse_date(first):
            out.pop(0)
        else:
            break
    return out


def _published(
    tree: etree._Element, url: str, header: list[str], footer: list[str], page_lines: list[str],
    selectors: dict[str, str],
    fetched_at: datetime | None, list_date: str | None,
) -> str | None:
    candidates: list[str | None] = []
    if selectors.get("date"):
        candidates.append(dates.parse_date(select_text(tree, selectors["date"], " ")))
    found = dates.find_dates("\n".join(header))
    candidates += [d.value for d in found if d.labelled]
    meta = meta_content(tree, *_DATE_METAS)
    candidates.append(dates.parse_date(meta) if meta else None)
    candidates += [d.value for d in found if not d.labelled]
    candidates.append(dates.date_from_url(url))
    candidates += [d.value for d in dates.find_dates("\n".join(footer)) if d.labelled]  # 发表于… under a post
    candidates += [d.value for d in dates.find_dates("\n".join(page_lines)) if d.labelled][:1]
    candidates.append(dates.parse_date(list_date) if list_date else None)
    valid = [c for c in candidates if c and dates.not_after(c, fetched_at)]
    if not valid:
        valid = [c for c in [_htmldate(tree)] if c and dates.not_after(c, fetched_at)]
    if not valid:
        return None
    chosen = valid[0]
    if "T" not in chosen:  # a time given elsewhere for the same day makes it more precise
        chosen = next((c for c in valid if "T" in c and c[:10] == chosen), chosen)
    return chosen


def _htmldate(tree: etree._Element) -> str | None:
    """Last resort: htmldate's quick search (meta tags, structured data, common markup)."""
    from htmldate import find_date

    try:
        found = find_date(copy.deepcopy(tree), extensive_search=False, original_date=True)
    except Exception:
        return None
    return dates.parse_date(found) if found else None


def _canonical(tree: etree._Element, url: str, page_lines: list[str]) -> str | None:
    href = link_href(tree, "canonical") or meta_content(tree, "og:url") or fields.find_permalink(page_lines[-60:])
    if not href:
        return None
    try:
        return urljoin(url, href)
    except ValueError:  # a malformed href ("http://[bad") is no canonical URL
        return None


def _meta_description(tree: etree._Element) -> str | None:
    description = meta_content(tree, "description", "og:description")
    return description if description and len(description) >= 20 else None
