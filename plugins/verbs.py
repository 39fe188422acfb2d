"""The shipped verb lexicon (``name_ending_verbs.csv``, built by ``bench/name_ending_verbs.py`` from jieba's
dictionary): verbs that end a name written before them (走访|长江工业园) or the words before a document's issuer
(通知|开管〔2021〕9号)."""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from parkwatch.gazetteer import shipped_csv


@lru_cache(maxsize=1)
def name_ending_verbs() -> dict[str, tuple[str, ...]]:
    """Each verb with the characters after it that make it part of a longer word (承包|商)."""
    return {row["verb"]: tuple(a for a in row["not_before"].split("|") if a) for row in shipped_csv("name_ending_verbs.csv")}


def verbs_in(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The lexicon's verbs in *text* as ``(start, end)``, leftmost and longest first, overlapping no span *taken*
    and not the start of a longer word."""
    verbs, found, at = name_ending_verbs(), [], 0
    while at < len(text) - 1:
        for length in (3, 2):
            word = text[at : at + length]
            if len(word) == length and word in verbs and not text.startswith(verbs[word], at + length) \
                    and not any(s < at + length and at < e for s, e in taken):
                found.append((at, at + length))
                at += length - 1
                break
        at += 1
    return found
