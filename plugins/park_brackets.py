"""A park's other name in brackets right after it (炎陵工业集中区(九龙工业园)): the same park."""

from __future__ import annotations

from dataclasses import replace

from parkwatch.gazetteer import Parks
from parkwatch.mentions import ArticleText, Mention

_OPEN, _CLOSE = ("(", "（"), (")", "）")


def bracketed_other_names(article: ArticleText, mentions: list[Mention], index: Parks) -> list[Mention]:
    """*mentions* with a park written in brackets right after a listed park taken as that park's other name, when the
    bracketed name is no listed park (东升工业园区 after 广东梅州经济开发区) or a listed park of another province
    (九龙工业园, a 重庆 zone's alias, after 炎陵工业集中区); every mention of the bracketed name in the text follows it."""
    text, ordered = article.text, sorted(mentions, key=lambda m: m.start)
    moved: dict[str, Mention] = {}
    for first, second in zip(ordered, ordered[1:], strict=False):
        if text[first.end : second.start] not in _OPEN or text[second.end : second.end + 1] not in _CLOSE:
            continue
        listed = index.by_code.get(first.id)
        if listed is None or second.id == first.id or second.canonical in moved:
            continue
        other = index.by_code.get(second.id)
        if other is None or (other.province and listed.province and other.province != listed.province and other.parent != listed.name):
            moved[second.canonical] = first
    if not moved:
        return mentions
    return [replace(m, canonical=moved[m.canonical].canonical, id=moved[m.canonical].id,
                    attrs={**m.attrs, "source": moved[m.canonical].attrs.get("source"), "other_name_of": moved[m.canonical].id})
            if m.canonical in moved else m for m in mentions]
