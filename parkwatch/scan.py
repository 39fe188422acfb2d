"""Scans with a regular expression that try it only near an anchor.

A pattern such as ``[\\u4e00-\\u9fff]{0,8}?增长\\d+%`` is tried by ``re`` at every position of a text, and at each one
expands its leading class before it fails: most of a tagger's time on a long article. Every match of it holds an
anchor (``增长\\d``) a bounded distance after its start, so only the positions up to that distance before each anchor
need trying. :class:`AnchoredPattern` does that and yields exactly the matches ``pattern.finditer`` yields.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class AnchoredPattern:
    """*pattern*, whose every match holds a match of *anchor* starting at most *reach* characters after its start.

    The caller states that property; ``tests/test_scan.py`` checks it for each pattern the taggers anchor."""

    pattern: re.Pattern[str]
    anchor: re.Pattern[str]
    reach: int

    def __post_init__(self) -> None:
        if self.reach < 0 or self.pattern.fullmatch("") is not None:
            raise ValueError("an anchored pattern needs a reach of 0 or more and must not match the empty string")

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The matches ``self.pattern.finditer(text, pos)`` yields, in the same order."""
        tried = pos  # every position before this one was tried, or lies inside a match yielded
        while (anchor := self.anchor.search(text, tried)) is not None:
            start = anchor.start()
            for at in range(max(tried, start - self.reach), start + 1):
                match = self.pattern.match(text, at)
                if match is not None:
                    yield match
                    tried = max(match.end(), at + 1)  # an empty match (none of ours) would not stall the scan
                    break
            else:
                tried = start + 1
