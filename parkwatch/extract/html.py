"""Parsing and text helpers over lxml trees."""

from __future__ import annotations

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
