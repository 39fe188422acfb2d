"""Text of the documents articles link to (policy attachments): PDF, DOCX, XLSX and XLS; a pure function of bytes.

Government sites publish the full text of a policy as an attachment (``附件1：…实施细则.pdf``). PDF text comes from
pdfminer.six (CJK fonts through their CMaps), DOCX from its XML, XLSX from openpyxl, XLS from xlrd. Lines a PDF broke
mid-sentence are joined again. Old binary formats no kept library reads (DOC, WPS, ET) are reported as unreadable.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from statistics import median
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from parkwatch.extract.normalize import simplify

ATTACHMENT_EXTENSIONS = ("pdf", "docx", "doc", "xlsx", "xls", "wps", "et")
READABLE = {"pdf", "docx", "xlsx", "xls"}
_EXTENSION_RE = re.compile(r"\.(" + "|".join(ATTACHMENT_EXTENSIONS) + r")(?:$|[?#])", re.I)
_PARAGRAPH_START_RE = re.compile(r"^\s*(?:第[一二三四五六七八九十百零\d]+[条章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|"
                                 r"\d+[.、．]|附件|[•·●■◆-])")
_SENTENCE_END = "。！？；：…”」』）)"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class AttachmentText:
    """What was read from one attachment."""

    kind: str  # pdf, docx, xlsx, xls, or the extension of an unreadable format
    text: str = ""
    pages: int | None = None
    sha256: str = ""
    error: str | None = None
    text_simplified: str = field(default="")

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "text_simplified": self.text_simplified, "pages": self.pages,
                "sha256": self.sha256, "error": self.error}


def attachment_kind(url: str, content_type: str | None = None) -> str | None:
    """The document kind a link or a response names (by extension, else by content type), or ``None``."""
    found = _EXTENSION_RE.search(unquote(urlsplit(url).path + ("?" + urlsplit(url).query if urlsplit(url).query else "")))
    if found:
        return found.group(1).lower()
    content_type = (content_type or "").lower()
    for needle, kind in (("pdf", "pdf"), ("wordprocessingml", "docx"), ("spreadsheetml", "xlsx"), ("msword", "doc"),
                         ("ms-excel", "xls")):
        if needle in content_type:
            return kind
    return None


def extract_attachment(body: bytes, url: str, content_type: str | None = None) -> AttachmentText:
    """The text of one attachment; a broken or unreadable file gives ``error`` and no text, never an exception."""
    kind = _sniff(body) or attachment_kind(url, content_type) or "unknown"
    result = AttachmentText(kind, sha256=hashlib.sha256(body).hexdigest())
    if kind not in READABLE:
        result.error = f"format not readable: {kind}"
        return result
    try:
        if kind == "pdf":
            result.text, result.pages = _pdf(body)
        elif kind == "docx":
            result.text = _docx(body)
        elif kind == "xlsx":
            result.text, result.pages = _xlsx(body)
        else:
            result.text, result.pages = _xls(body)
    except Exception as exc:  # a broken file is one error, recorded; the article is kept
        result.error = f"unreadable {kind}: {type(exc).__name__}: {exc}"[:300]
        result.text = ""
    result.text_simplified = simplify(result.text)
    return result


def _sniff(body: bytes) -> str | None:
    if body[:5] == b"%PDF-":
        return "pdf"
    if body[:4] == b"PK\x03\x04":
        try:
            names = set(zipfile.ZipFile(io.BytesIO(body)).namelist())
        except zipfile.BadZipFile:
            return None
        return "docx" if "word/document.xml" in names else "xlsx" if "xl/workbook.xml" in names else None
    return None


def _pdf(body: bytes) -> tuple[str, int]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    pages = sum(1 for _ in PDFPage.get_pages(io.BytesIO(body)))
    return join_broken_lines(extract_text(io.BytesIO(body))), pages


def join_broken_lines(text: str) -> str:
    """Join lines a typeset page broke mid-sentence: a line as long as the page's lines that does not end a
    sentence continues on the next one, unless that one opens a paragraph (第二条, 一、, （三）…)."""
    lines = [line.strip() for line in text.replace("\x0c", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    full = median(sorted(len(line) for line in lines)[len(lines) // 2 :])  # the length of a full line
    out = [lines[0]]
    for line in lines[1:]:
        previous = out[-1]
        if len(previous.split("\n")[-1]) >= 0.8 * full and previous[-1] not in _SENTENCE_END \
                and not _PARAGRAPH_START_RE.match(line):
            out[-1] = previous + line
        else:
            out.append(line)
    return "\n".join(out)


def _docx(body: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"), parser=etree.XMLParser(resolve_entities=False))
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{_W}t")).strip() for p in root.iter(f"{_W}p")]
    return "\n".join(p for p in paragraphs if p)


def _xlsx(body: bytes) -> tuple[str, int]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    rows = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells = [str(c).strip() for c in row if c is not None and str(c).strip()]
            if cells:
                rows.append("\t".join(cells))
    return "\n".join(rows), len(book.worksheets)


def _xls(body: bytes) -> tuple[str, int]:
    import xlrd

    book = xlrd.open_workbook(file_contents=body)
    rows = []
    for sheet in book.sheets():
        for index in range(sheet.nrows):
            cells = [str(c).strip() for c in sheet.row_values(index) if str(c).strip()]
            if cells:
                rows.append("\t".join(cells))
    return "\n".join(rows), book.nsheets
