"""Repair text damage that scraped Chinese pages carry.

* Pinyin-annotation artifacts: some CMS export Traditional text with the reading of each converted
  character in parentheses (``區(qū)``, ``產(chǎn)業(yè)``). They are removed; ordinary parentheses
  such as ``(劉軍 攝)`` or ``(科技城直管區)`` stay.
* Lossy mojibake (runs of ``?`` or U+FFFD where Han characters were) cannot be repaired; it is
  counted so that the article's ``quality`` field tells the user.
"""

from __future__ import annotations

import re

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_VOWELS = "aeiouüv" + _TONED
# One pinyin syllable: optional initial, a vowel cluster, optional final nasal/er.
_SYLLABLE = rf"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[{_VOWELS}]{{1,4}}(?:ng|n|r)?"
_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
_ARTIFACT_RE = re.compile(rf"(?<={_HAN})[(（]({_SYLLABLE})[)）]")
_TONE_RE = re.compile(f"[{_TONED}]")
_MOJIBAKE_RE = re.compile(r"(?:\?{2,}|\ufffd+)")
_HAN_NEAR_RE = re.compile(_HAN)


def remove_pinyin_artifacts(text: str) -> tuple[str, int]:
    """Drop ``(pinyin)`` right after a Han character; returns ``(text, removed)``.

    A toned syllable (``qū``) is always an artifact. A toneless one (``men``) is removed only
    when the same text has at least three toned artifacts, so ``(ai)`` in ordinary prose stays.
    """
    if not _TONE_RE.search(text):
        return text, 0
    toned = [m for m in _ARTIFACT_RE.finditer(text) if _TONE_RE.search(m.group(1))]
    if not toned:
        return text, 0
    allow_toneless = len(toned) >= 3
    removed = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal removed
        if _TONE_RE.search(match.group(1)) or allow_toneless:
            removed += 1
            return ""
        return match.group(0)

    return _ARTIFACT_RE.sub(replace, text), removed


def count_mojibake(text: str) -> int:
    """Runs of ``??`` or U+FFFD that stand next to Han text (lost characters)."""
    count = 0
    for match in _MOJIBAKE_RE.finditer(text):
        around = text[max(0, match.start() - 3) : match.end() + 3]
        if "\ufffd" in match.group(0) or _HAN_NEAR_RE.search(around):
            count += 1
    return count
