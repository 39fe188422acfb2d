"""Parsing and text helpers over lxml trees."""

from __future__ import annotations

import re

from lxml import etree, html

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul center title".split()
)
SKIP_TAGS = frozenset("script style noscript template iframe svg select option textarea button head".split())


def parse_html(text: str) -> etree._Element | None:
    """Parse decoded HTML into an lxml tree; ``None`` when there is nothing to parse."""
    if not text or not text.strip():
        return None
    text = text.lstrip("\ufeff")
    if text.lstrip().startswith("<?xml"):  # lxml refuses str input with an encoding declaration
        text = text.split("?>", 1)[-1]
    try:
        return html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def block_text(element: etree._Element) -> str:
    """Visible text of *element*, one line per block element, blank lines dropped."""
    parts: list[str] = []
    skip = 0
    for event, el in etree.iterwalk(element, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None:
                continue
            if tag in SKIP_TAGS:
                skip += 1
            elif not skip:
                if tag in BLOCK_TAGS:
                    parts.append("\n")
                if el.text:
                    parts.append(el.text)
            continue
        if tag in SKIP_TAGS:
            skip -= 1
        elif tag in BLOCK_TAGS and not skip:
            parts.append("\n")
        if el is not element and el.tail and not skip:
            parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def meta_content(tree: etree._Element, *names: str) -> str | None:
    """Content of the first ``<meta name|property|itemprop=…>`` among *names* (case-insensitive)."""
    wanted = {n.lower() for n in names}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or meta.get("http-equiv") or "")
        if key.lower() in wanted:
            content = (meta.get("content") or "").strip()
            if content:
                return content
    return None


def link_href(tree: etree._Element, rel: str) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == rel and link.get("href"):
            return link.get("href").strip()
    return None


_HIDDEN_STYLE_RE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?:top|left)\s*:\s*-\d{3,}px|text-indent\s*:\s*-\d{3,}px", re.I
)


# XPath selects in C: Python sees only the few elements a pass is about, not every node of the page.
_STYLED_OR_HIDDEN = etree.XPath("//*[@style or @hidden]")


def remove_hidden(tree: etree._Element) -> int:
    """Remove elements hidden with inline styles or ``hidden`` (where injected SEO spam hides); returns the count."""
    doomed = [el for el in _STYLED_OR_HIDDEN(tree) if el.tag not in ("html", "body")
              and (el.get("hidden") is not None or _HIDDEN_STYLE_RE.search(el.get("style") or ""))]
    for el in doomed:
        _drop(el)
    return len(doomed)


_HEADING_TAGS = "h1 h2 h3 h4 h5 h6 div span p strong b em dt li td th".split()
# Heading candidates: at most one child and a short text (a related-news heading is a few words; the length
# bound is loose so that padding with non-ASCII spaces, which normalize-space keeps, still passes).
_SHORT_HEADINGS = etree.XPath(
    "//*[" + " or ".join(f"self::{tag}" for tag in _HEADING_TAGS) + "][count(*) <= 1]"
    "[string-length(normalize-space(.)) <= 80]"
)


def remove_related_blocks(tree: etree._Element) -> int:
    """Remove related/recommended-news blocks (相关新闻, 推荐阅读 …) found by their heading; returns the count.

    A heading that opens its container takes the container with it; a heading that follows article
    text in the same container takes itself and everything after it.
    """
    from parkwatch.extract.boilerplate import RELATED_HEADING_RE

    body = tree.find("body")
    total = text_length(body) if body is not None else 0
    headings = [el for el in _SHORT_HEADINGS(tree)
                if RELATED_HEADING_RE.match(" ".join("".join(el.itertext()).split()))]
    removed = 0
    for heading in headings:
        parent = heading.getparent()
        if parent is None or not _attached(heading, tree):
            continue  # already removed with an earlier block
        before = sum(text_length(sib) for sib in heading.itersiblings(preceding=True))
        parent_text = text_length(parent)
        if before < 50 and parent.tag not in ("body", "html") and parent_text < 0.6 * total:
            grand = parent.getparent()
            if grand is not None:
                _drop(parent)
                removed += 1
                continue
        for sibling in list(heading.itersiblings()):
            _drop(sibling)
        _drop(heading)
        removed += 1
    return removed


def _drop(el: etree._Element) -> None:
    """Remove *el* but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _attached(el: etree._Element, root: etree._Element) -> bool:
    while el is not None:
        if el is root:
            return True
        el = el.getparent()
    return False


def text_length(el: etree._Element) -> int:
    """Characters of text inside *el* (0 for comments and processing instructions)."""
    if not isinstance(el.tag, str):
        return 0
    return len(etree.tostring(el, method="text", encoding="unicode", with_tail=False))
