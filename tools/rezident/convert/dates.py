"""Dates as transcripts write them, read into ISO 8601."""

from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"

DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}}) {_MONTH},? (?P<year>\d{{4}}|\d{{2}})\b")
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH} (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})\b")
NUMERIC = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\b")


def _iso(year: str, month: str, day: str) -> str | None:
    y = int(year) + (1900 if len(year) == 2 else 0)
    m = MONTHS[month.lower()] if not month.isdigit() else int(month)
    d = int(day)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_date(text: str) -> tuple[re.Match[str], str] | None:
    """The last date written out in ``text`` (``23 November 1938``, ``May 21, 1937``, ``3/11/1952``).

    Two-digit years (``7 April 46``) are read as 19xx: the sources are of the twentieth century.
    """
    best: tuple[re.Match[str], str] | None = None
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC):
        for match in pattern.finditer(text):
            iso = _iso(match.group("year"), match.group("month"), match.group("day"))
            if iso and (best is None or match.start() > best[0].start()):
                best = (match, iso)
    return best


def is_only_date(text: str) -> bool:
    found = find_date(text)
    return found is not None and not text.replace(found[0].group(), "").strip(" .,\u00a0\t\n")
