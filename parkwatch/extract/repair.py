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
_ARTIFACT_RE = re.compile(rf"(?<={_HAN})(?:[(（]{_SYLLABLE}[)）])+")  # one or a run: 新(xin)(xin)區
_WORD_ARTIFACT_RE = re.compile(rf"(?<={_HAN}{{2}})[(（](?:{_SYLLABLE}){{2,4}}[)）]")  # a word's reading: 西咸(xīxián)新区
_TONE_RE = re.compile(f"[{_TONED}]")
_MOJIBAKE_RE = re.compile(r"(?:\?{2,}|\ufffd+)")
_HAN_NEAR_RE = re.compile(_HAN)
_OPEN_SYLLABLE_RE = re.compile(rf"[(（][a-z{_TONED}]")
_TONELESS_EVIDENCE = 5  # toneless artifacts of two letters or more a text needs before they count without toned ones


def pinyin_artifact_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each ``(pinyin)`` artifact, or run of them, right after a Han character.

    A toned syllable (``qū``) is always an artifact. A toneless one (``men``) counts when the same text has at least
    three toned artifacts, or, in a page annotated without tones (``廈(sha)門(men)``), at least five toneless ones of
    two letters or more; so ``(ai)`` in ordinary prose and figure labels like ``图(a)`` stay. A word's reading in one
    bracket (``西咸(xīxián)``) is one when it has two toned syllables, or one in a text with other artifacts: English
    (``(Chengdu)``) has no tones.
    """
    if not _OPEN_SYLLABLE_RE.search(text):
        return []  # no bracket opens on a lowercase or toned letter: nothing to look at (most texts)
    spans = _syllable_artifact_spans(text)
    least = 1 if spans else 2  # 我们(wǒmen) among other artifacts; alone, two tones (咖啡(café) stays)
    words = [m.span() for m in _WORD_ARTIFACT_RE.finditer(text) if len(_TONE_RE.findall(m.group(0))) >= least]
    return sorted(spans + words) if words else spans


def _syllable_artifact_spans(text: str) -> list[tuple[int, int]]:
    """The artifacts of one syllable each (``區(qū)``, ``新(xin)(xin)``), by the evidence rules above."""
    found = list(_ARTIFACT_RE.finditer(text))
    toned = [m for m in found if _TONE_RE.search(m.group(0))]
    if len(toned) >= 3:
        return _with_spaces_after(text, [m.span() for m in found])
    if toned:
        return [m.span() for m in toned]
    toneless = [m for m in found if len(m.group(0)) >= 4]  # (ji), (xin): two letters and the brackets
    return _with_spaces_after(text, [m.span() for m in toneless]) if len(toneless) >= _TONELESS_EVIDENCE else []


def _with_spaces_after(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A page whose artifacts mostly end in a space before the next Han character (``產(chan) 業(ye) 園``) wrote the
    space with them: it goes with each artifact it follows."""
    spaced = [end for _, end in spans if text[end : end + 1] == " " and _HAN_NEAR_RE.match(text, end + 1)]
    if len(spaced) < _TONELESS_EVIDENCE or 2 * len(spaced) < len(spans):
        return spans
    ends = set(spaced)
    return [(start, end + 1 if end in ends else end) for start, end in spans]


def remove_pinyin_artifacts(text: str) -> tuple[str, int]:
    """Drop ``(pinyin)`` right after a Han character; returns ``(text, removed)``."""
    spans = pinyin_artifact_spans(text)
    if not spans:
        return text, 0
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    return "".join(parts), len(spans)


def without_spans(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """*text* without *spans*, and for each kept character its index in *text* (plus one past the end)."""
    kept: list[int] = []
    last = 0
    for start, end in [*spans, (len(text), len(text))]:
        kept.extend(range(last, start))
        last = end
    return "".join(text[i] for i in kept), [*kept, len(text)]


def count_mojibake(text: str) -> int:
    """Runs of ``??`` or U+FFFD that stand next to Han text (lost characters)."""
    count = 0
    for match in _MOJIBAKE_RE.finditer(text):
        around = text[max(0, match.start() - 3) : match.end() + 3]
        if "\ufffd" in match.group(0) or _HAN_NEAR_RE.search(around):
            count += 1
    return count
