"""Per-site selectors: XPath (``/…``, ``(…``, or ``xpath:…``) or CSS (``css:…`` or anything else)."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.etree import XPath


@lru_cache(maxsize=256)
def compile_selector(expr: str) -> XPath:
    """Compile *expr* to an XPath callable; raise ``ValueError`` with the reason."""
    expr = expr.strip()
    try:
        if expr.startswith("xpath:"):
            return XPath(expr[6:].strip())
        if expr.startswith(("/", "(", ".")):
            return XPath(expr)
        css = expr[4:].strip() if expr.startswith("css:") else expr
        return CSSSelector(css)
    except (etree.XPathSyntaxError, Exception) as exc:  # cssselect raises its own SelectorSyntaxError
        raise ValueError(f"got {expr!r} ({exc})") from None


def select_text(tree: etree._Element, expr: str, joiner: str = "\n") -> str:
    """Text of the nodes *expr* selects (string results kept as they are), joined by *joiner*."""
    result = compile_selector(expr)(tree)
    if isinstance(result, str):
        return result.strip()
    parts: list[str] = []
    for node in result if isinstance(result, list) else [result]:
        if isinstance(node, str):
            parts.append(node.strip())
        elif isinstance(node, etree._Element):
            from parkwatch.extract.html import block_text

            parts.append(block_text(node))
    return joiner.join(p for p in parts if p)
