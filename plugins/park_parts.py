"""Parts of a zone named alone after the zone (中关村科技园区 … 海淀园, 雄安新区 … 起步区): the listed part."""

from __future__ import annotations

import re
from dataclasses import replace

from parkwatch.gazetteer import Park, Parks
from parkwatch.mentions import ArticleText, Mention

from .park_words import plain

# A part's own name: a word or a place and 园 (海淀园, 大兴-亦庄园, 德令哈工业园), short of a zone's full name, or a
# zone's first area (雄安新区 … 起步区).
_PART = re.compile(r"[\u4e00-\u9fff\-—–]{1,6}园|起步区|启动区|核心区")


def parts_named_alone(article: ArticleText, mentions: list[Mention], index: Parks) -> list[Mention]:
    """*mentions* with each short part name (a 园, an 起步区) that completes the name of a listed zone named before it
    into a listed park's name (中关村科技园区 + 海淀园, 柴达木循环经济试验区 + 德令哈工业园) tagged as that park, the
    zone's part (``part_of``: the zone's code)."""
    simplified, out = article.simplified, []
    for m in mentions:
        name = plain(simplified[m.start : m.end])
        found = _part_of_zone_before(name, [z for z in mentions if z.end <= m.start], index) if _PART.fullmatch(name) else None
        if found is None or found[0].code == m.id:
            out.append(m)
        else:
            part, zone = found
            out.append(replace(m, canonical=part.name, id=part.code, attrs={**m.attrs, "part_of": zone.code}))
    return out


def _part_of_zone_before(name: str, before: list[Mention], index: Parks) -> tuple[Park, Park] | None:
    """The listed park named by a form of the last listed zone of *before* and *name*, with that zone, if any."""
    seen: set[str] = set()
    for zone_mention in reversed(before):
        zone = index.by_code.get(zone_mention.id)
        if zone is None or zone.code in seen:
            continue
        seen.add(zone.code)
        for form in (zone.name, *(a for a in zone.aliases if not a.startswith("~"))):
            named = index.named(form + name)
            if len(named) == 1 and named[0].code != zone.code:
                return named[0], zone
    return None
