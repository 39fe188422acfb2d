"""Search syntax: words (all must match), "phrases" (ASCII or Chinese quotes), OR between alternatives, and
NOT or a leading - to exclude. Matching is on the Simplified, width-folded text, so Traditional and full-width
queries find Simplified articles.

    成都高新区 签约          both
    "成都高新区" 签约        a quoted phrase (“成都高新区”, 「成都高新区」 too)
    签约 OR 开工            either
    高新区 -成都            高新区, not 成都   (NOT 成都 as well)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parkwatch.extract.normalize import simplify

_TOKEN_RE = re.compile(r'[-－]?"[^"]+"|[-－]?“[^”]+”|[-－]?「[^」]+」|\S+')


@dataclass
class Query:
    """All of ``groups`` must match (each group: any of its terms), none of ``excluded``."""

    groups: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def plain(self) -> bool:
        """Only words to match all (the ranked full-text path applies)."""
        return not self.excluded and all(len(g) == 1 for g in self.groups)

    def terms(self) -> list[str]:
        return [t for g in self.groups for t in g]


def parse(text: str) -> Query:
    query = Query()
    pending_or = False
    negate_next = False
    for token in _TOKEN_RE.findall(text.strip()):
        if token in ("OR", "|", "或"):
            pending_or = bool(query.groups)
            continue
        if token in ("NOT", "非"):
            negate_next = True
            continue
        negative = negate_next or token[0] in "-－" and len(token) > 1
        negate_next = False
        word = simplify(token.lstrip("-－").strip('"“”「」'))
        if not word:
            continue
        if negative:
            query.excluded.append(word)
        elif pending_or:
            query.groups[-1].append(word)
        else:
            query.groups.append([word])
        pending_or = False
    return query
