"""The Simplified, width-folded form of a text, used for matching and search (never for display)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc

_HAN_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))
# NFKC would also rewrite ① ㎡ ℃ and the like; fold only the full-width ASCII block and the ideographic space.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold_width(text: str) -> str:
    """Full-width ASCII letters, digits and punctuation to half-width (Ａ１（ → A1()."""
    return text.translate(_WIDTH)


def to_simplified(text: str) -> str:
    """OpenCC Traditional→Simplified conversion (character-for-character, lengths preserved)."""
    return _t2s().convert(text) if text else text


def simplify(text: str) -> str:
    """Simplified and width-folded form of *text*, for matching and search."""
    return fold_width(to_simplified(text))


def is_han(char: str) -> bool:
    cp = ord(char)
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


def script_of(text: str) -> str:
    """``zh-Hant``, ``zh-Hans`` or ``und``/``en`` from the characters of *text*."""
    sample = text[:20000]
    han = [c for c in sample if is_han(c)]
    letters = sum(1 for c in sample if c.isascii() and c.isalpha())
    if len(han) < 20 or len(han) < letters / 4:
        return "en" if letters > 200 else "und"
    han_text = "".join(han)
    changed = sum(1 for a, b in zip(han_text, to_simplified(han_text), strict=False) if a != b)
    return "zh-Hant" if changed / len(han) > 0.05 else "zh-Hans"


def strip_controls(text: str) -> str:
    """Remove control and format characters except newlines and tabs."""
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
