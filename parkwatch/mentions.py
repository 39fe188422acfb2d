"""What taggers read (:class:`ArticleText`) and what they return (:class:`Mention`)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from parkwatch.extract.normalize import fold_width, to_simplified

KINDS = ("park", "policy", "region", "figure", "topic")
# Sources of park mentions no gazetteer lists: their ids come from their names (``stable_id``).
UNLISTED_SOURCES = ("pattern", "model", "list")


def simplified_same_length(text: str) -> str:
    """Simplified, width-folded *text* with exactly its length, so offsets carry over.

    OpenCC converts character for character almost always; where a phrase rule changes the length,
    characters are converted one at a time instead.
    """
    converted = fold_width(to_simplified(text))
    if len(converted) == len(text):
        return converted
    return "".join(fold_width(to_simplified(c)) if len(to_simplified(c)) == 1 else c for c in text)


@dataclass
class ArticleText:
    """One article as taggers see it."""

    text: str
    title: str = ""
    region: str | None = None
    id: str | None = None
    simplified: str = field(default="")
    park: str | None = None  # the park whose own site the article is from (a committee's news): its bare 开发区

    def __post_init__(self) -> None:
        if not self.simplified:
            self.simplified = simplified_same_length(self.text)

    def context(self, start: int, end: int, width: int = 20) -> str:
        return self.text[max(0, start - width) : min(len(self.text), end + width)].replace("\n", " ")


@dataclass
class Mention:
    """A span of the article text that names a park, policy, region, figure or topic."""

    kind: str
    surface: str
    start: int
    end: int
    canonical: str
    id: str
    plugin: str = ""
    context: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if not data["attrs"]:
            data.pop("attrs")
        return data


def stable_id(prefix: str, name: str) -> str:
    """A stable id for an entity that has no official code (``P-…`` for discovered parks)."""
    return f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:10]}"
