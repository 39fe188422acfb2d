"""Turn page bytes into text: BOM, HTTP header, ``<meta>`` charset and the bytes themselves.

Chinese sites often declare one encoding and serve another (``gbk`` in the meta tag on UTF-8
bytes, or the reverse), so a declaration is only believed when the bytes decode under it.
"""

from __future__ import annotations

import codecs
import re

# Declared names mapped to the superset that decodes what such pages really contain.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
_HEADER_RE = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_:.\-]+)", re.I)


def normalise_encoding(name: str | None) -> str | None:
    """Canonical Python codec name for *name*, widened to its superset; ``None`` if unknown."""
    if not name:
        return None
    name = name.strip().lower()
    name = _SUPERSETS.get(name, name)
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, canonical)


def declared_encodings(body: bytes, content_type: str | None = None) -> list[str]:
    """Encodings the HTTP header and the page's ``<meta>`` tags declare, in that order."""
    found: list[str] = []
    if content_type:
        match = _HEADER_RE.search(content_type)
        if match:
            found.append(match.group(1).decode() if isinstance(match.group(1), bytes) else match.group(1))
    for match in _META_RE.finditer(body[:4096]):
        found.append(match.group(1).decode("ascii", "ignore"))
    return [enc for enc in (normalise_encoding(e) for e in found) if enc]


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _is_utf8_with_multibyte(body: bytes) -> bool:
    return not body.isascii() and _decodes(body, "utf-8")


def _guess(body: bytes) -> str:
    """Pick among the encodings Chinese pages use when nothing declared works."""
    from charset_normalizer import from_bytes

    result = from_bytes(body, cp_isolation=["gb18030", "big5hkscs", "utf_8", "cp1252"]).best()
    return normalise_encoding(result.encoding) if result and result.encoding else "gb18030"


def detect_encoding(body: bytes, content_type: str | None = None, override: str | None = None) -> str:
    """The encoding to decode *body* with.

    Order: a configured *override*; a BOM; bytes that are valid UTF-8 (a GBK or Big5 page
    practically never is); the first declared encoding under which the bytes decode; a guess.
    """
    if override:
        return normalise_encoding(override) or override
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    if _is_utf8_with_multibyte(body):
        return "utf-8"
    declared = declared_encodings(body, content_type)
    for encoding in declared:
        if encoding != "utf-8" and _decodes(body, encoding):
            return encoding
    if body.isascii():
        return "utf-8"
    for encoding in declared:  # a few broken bytes in an otherwise honest declaration
        text = body.decode(encoding, errors="replace")
        if text.count("\ufffd") <= max(2, len(text) // 500):
            return encoding
    return _guess(body)


def decode_html(body: bytes, content_type: str | None = None, override: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns ``(text, encoding)``. Undecodable bytes become U+FFFD.

    Pages that were decoded as Latin-1 and saved again as UTF-8 (``ÒâŽóÀû`` for 意大利) are
    turned back into Chinese; their encoding reads ``utf-8+gb18030``.
    """
    encoding = detect_encoding(body, content_type, override)
    text = body.decode(encoding, errors="replace")
    if not override and (encoding == "utf-8" or body.count(b"\xc3") + body.count(b"\xc2") > len(body) // 50):
        utf8_text = text if encoding == "utf-8" else body.decode("utf-8", errors="replace")
        repaired = undo_latin_mojibake(utf8_text)
        if repaired is not None:
            return repaired, "utf-8+gb18030"
    return text, encoding


def _latin_byte_map() -> dict[str, int]:
    table: dict[str, int] = {}
    for codec in ("latin-1", "cp1252", "iso8859_15"):  # later codecs win for the bytes they remap
        for byte in range(0x80, 0x100):
            try:
                table[bytes([byte]).decode(codec)] = byte
            except UnicodeDecodeError:
                continue
    return table


_LATIN_BYTES = _latin_byte_map()
_NON_ASCII_RE = re.compile("[^\x00-\x7f\ufffd]")
_HAN_RE = re.compile("[\u4e00-\u9fff]")


def undo_latin_mojibake(text: str, depth: int = 0) -> str | None:
    """GBK bytes shown as Latin-1/cp1252/ISO-8859-15 and re-saved as UTF-8: the Chinese text, or ``None``."""
    sample = text[:20000]
    non_ascii = _NON_ASCII_RE.findall(sample)
    if len(non_ascii) < 50 or len(_HAN_RE.findall(sample)) > 0.02 * len(non_ascii):
        return None
    latin = sum(1 for c in non_ascii if c in _LATIN_BYTES)
    if latin < 0.9 * len(non_ascii):
        return None
    out = bytearray()
    for char in text:
        code = ord(char)
        if code < 0x80:
            out.append(code)
        elif char in _LATIN_BYTES:
            out.append(_LATIN_BYTES[char])
        elif char == "\ufffd":
            out.append(0x3F)
        else:
            out += char.encode("utf-8")
    try:  # mojibake of mojibake: the bytes are UTF-8 again, undo one more layer
        again = out.decode("utf-8")
    except UnicodeDecodeError:
        again = None
    if again is not None:
        return undo_latin_mojibake(again, depth + 1) if depth < 2 else None
    repaired = out.decode("gb18030", errors="replace")
    repaired_non_ascii = len(_NON_ASCII_RE.findall(repaired[:20000]))
    if not repaired_non_ascii or len(_HAN_RE.findall(repaired[:20000])) < 0.6 * repaired_non_ascii:
        return None
    return repaired
