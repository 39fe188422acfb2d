"""Publication dates in the forms Chinese pages write them.

``2024-02-02 10:11``, ``2024年2月2日 10:11``, ``2024/02/02``, ``发稿时间:…``, ``来源:成都发布2024-10-25 11:19``,
``1年前 (2024-09-26)``, URL paths such as ``/2024/0913/`` or ``/t20240913_``. Results are ISO 8601:
``2024-02-02T10:11:00+08:00`` when a time is given (China Standard Time unless the page says
otherwise), ``2024-02-02`` when only the day is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))

_DATE_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:[\sT]*(?P<H>[0-2]?\d)\s*[:：时]\s*(?P<M>[0-5]\d)(?:\s*[:：分]\s*(?P<S>[0-5]\d))?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_LABEL_RE = re.compile(
    r"(?:发稿时间|發稿時間|发布时间|發佈時間|發布時間|发表时间|發表時間|发布日期|發布日期|时间|時間|日期|更新时间|来源|來源|"
    r"发表于|發表於|发布于|發佈於|发表日期|刊登日期|posted(?: on)?|published(?: on)?)\s*[:：]?\s*",
    re.I,
)
# Month/day/year, believed only right after a label (发布日期： 9/17/2004 5:54:13 AM).
_US_DATE_RE = re.compile(
    r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"\s*(?P<ampm>[AaPp][Mm])?)?"
)
_URL_DATE_RES = (
    re.compile(r"/(?P<y>20\d{2})[-/_]?(?P<m>[01]\d)[-/_]?(?P<d>[0-3]\d)/"),
    re.compile(r"/(?P<y>20\d{2})/(?P<m>[01]\d)(?P<d>[0-3]\d)/"),
    re.compile(r"/t(?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)_"),
    re.compile(r"[/_-](?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)[/_.-]"),
)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text, with where it was and whether a label such as 发布时间 preceded it."""

    value: str
    start: int
    labelled: bool
    has_time: bool


def _build(y: str, m: str, d: str, hh: str | None = None, mm: str | None = None, ss: str | None = None,
           tz: str | None = None) -> str | None:
    try:
        day = date(int(y), int(m), int(d))
    except ValueError:
        return None
    if hh is None or mm is None:
        return day.isoformat()
    try:
        zone = CST
        if tz and tz != "Z":
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            zone = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        elif tz == "Z":
            zone = UTC
        moment = datetime(day.year, day.month, day.day, int(hh), int(mm), int(ss or 0), tzinfo=zone)
    except ValueError:
        return day.isoformat()
    return moment.isoformat()


def parse_date(text: str) -> str | None:
    """The first date in *text* as ISO 8601, or ``None``."""
    match = _DATE_RE.search(text)
    if not match:
        return None
    return _build(match["y"], match["m"], match["d"], match["H"], match["M"], match["S"], match["tz"])


def _labelled(text: str, start: int) -> bool:
    before = text[max(0, start - 24) : start]
    labels = list(_LABEL_RE.finditer(before))
    return bool(labels) and not re.search(r"[。！？\n]", before[labels[-1].end():])


def find_dates(text: str) -> list[FoundDate]:
    """Every date in *text*, noting whether a 发布时间-style label stands right before it."""
    found = []
    for match in _DATE_RE.finditer(text):
        value = _build(match["y"], match["m"], match["d"], match["H"], match["M"], match["S"], match["tz"])
        if value:
            found.append(FoundDate(value, match.start(), _labelled(text, match.start()), "T" in value))
    for match in _US_DATE_RE.finditer(text):
        if not _labelled(text, match.start()):
            continue
        hour = match["H"]
        if hour and match["ampm"]:
            hour = str(int(hour) % 12 + (12 if match["ampm"].lower() == "pm" else 0))
        value = _build(match["y"], match["m"], match["d"], hour, match["M"], match["S"])
        if value:
            found.append(FoundDate(value, match.start(), True, "T" in value))
    found.sort(key=lambda f: f.start)
    return found


def date_from_url(url: str) -> str | None:
    """A date written in the URL path (``/2024/0913/``, ``/t20240913_``, ``/2024-09-13/``)."""
    path = url.split("?", 1)[0]
    for pattern in _URL_DATE_RES:
        match = pattern.search(path)
        if match:
            value = _build(match["y"], match["m"], match["d"])
            if value:
                return value
    return None


def day_of(value: str | None) -> str | None:
    """``YYYY-MM-DD`` part of an ISO date or datetime."""
    return value[:10] if value else None


def not_after(value: str | None, limit: datetime | None) -> bool:
    """True when *value* is no later than *limit* (the fetch time) — a future date is not a publication date."""
    if not value or limit is None:
        return bool(value)
    if "T" in value:
        try:
            return datetime.fromisoformat(value) <= limit + timedelta(minutes=5)
        except ValueError:
            return False
    return value <= limit.astimezone(CST).date().isoformat()
