"""The Simplified, width-folded form of a text, used for matching and search (never for display)."""

from __future__ import annotations

import re
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


# Variant forms OpenCC's t2s leaves as they are (陜西 for 陕西 on Hong Kong and Taiwan pages).
_VARIANTS = str.maketrans({"陜": "陕", "堿": "碱", "衞": "卫"})


def to_simplified(text: str) -> str:
    """OpenCC Traditional→Simplified conversion (character-for-character, lengths preserved), variants folded."""
    return _t2s().convert(text).translate(_VARIANTS) if text else text


def simplify(text: str) -> str:
    """Simplified and width-folded form of *text*, for matching and search."""
    return fold_width(to_simplified(text))


def is_han(char: str) -> bool:
    cp = ord(char)
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_LATIN_RE = re.compile("[A-Za-z]")


def script_of(text: str) -> str:
    """``zh-Hant``, ``zh-Hans`` or ``und``/``en`` from the characters of *text*."""
    sample = text[:20000]
    han_text = "".join(_HAN_RE.findall(sample))
    letters = len(_LATIN_RE.findall(sample))
    if len(han_text) < 20 or len(han_text) < letters / 4:
        return "en" if letters > 200 else "und"
    changed = sum(1 for a, b in zip(han_text, to_simplified(han_text), strict=False) if a != b)
    return "zh-Hant" if changed / len(han_text) > 0.05 else "zh-Hans"


_CONTROLS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2060\ufeff\ufff9-\ufffb]")


def strip_controls(text: str) -> str:
    """Remove control characters (newlines, tabs and carriage returns stay) and zero-width marks."""
    return _CONTROLS_RE.sub("", text)
