"""Normalize date expressions to ISO strings against a document's publication date.

The output keeps the precision the text gives, so a reader never sees a day
the source did not state:

* a day ("on January 18", "Monday", "yesterday")  -> "2025-01-18"
* a week ("last week")                              -> ISO week "2025-W03"
* a month ("since October 2024", "mid-March")       -> "2024-10"
* a year ("in 2024", "last year")                   -> "2024"

Relative expressions are resolved with dateparser against the publication date
(RELATIVE_BASE = published, PREFER_DATES_FROM = past). Two news conventions
override dateparser: a bare weekday means the most recent such day on or before
publication ("said on Monday" in a Monday paper is that day), and a day or
month written without a year takes the year that puts it nearest the
publication date, counting future distances three times (so "January 18" in a
paper of January 20 is two days back, while "by 1 November" in a paper of
October 18 is two weeks ahead, not a year back). Durations ("three months"),
ages and vague spans ("the days ahead") get no normalized value.

Without a publication date only expressions that carry their own year are
normalized. This module knows nothing of spaCy or of Mention records.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEADING = re.compile(
    r"^(?:(?:on|since|by|in|from|until|till|through|during|as\s+of|of|at|before|after|"
    r"earlier|later|late|early|mid|the|starting|beginning|end\s+of|start\s+of|"
    r"the\s+(?:end|start|middle|beginning)\s+of)[\s-]+)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"(?:\s*(?:'s|’s|,|\.))+$")
_RANGE_SPLIT = re.compile(r"\s*(?:\band\b|\bor\b|\bto\b|–|—|-(?=\s*\d))\s*", re.IGNORECASE)
_DURATION = re.compile(
    r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|"
    r"a\s+few|many|some|\d+(?:\.\d+)?)\s+(?:more\s+)?(?:days?|weeks?|months?|years?|decades?|hours?|nights?)"
    r"(?:\s+(?:of\s+\w+|long))?$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"^(?:(last|this|past)\s+)?(" + "|".join(_WEEKDAYS) + r")(?:\s+(?:night|morning|evening|afternoon))?$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_RELATIVE_WORD = re.compile(
    r"\b(?:ago|last|this|next|past|yesterday|today|tomorrow|tonight|previous|coming)\b", re.IGNORECASE)
_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_PART = r"(?:,?\s+(?P<year>(?:1[89]|20)\d{2}))?"
# The common absolute forms, read without dateparser (which is slow on first use).
_ABSOLUTE = (
    (re.compile(rf"^{_MONTH}\s+{_DAY}{_YEAR_PART}$", re.IGNORECASE), "day"),
    (re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR_PART}$", re.IGNORECASE), "day"),
    (re.compile(rf"^{_MONTH}{_YEAR_PART}$", re.IGNORECASE), "month"),
    (re.compile(r"^(?P<year>(?:1[89]|20)\d{2})$"), "year"),
    (re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"), "day"),
)
_VAGUE = re.compile(r"\b(?:ahead|same|period|recent|recently|coming|these|those|that)\b", re.IGNORECASE)


def normalize_date(text: str, published: date | None) -> str | None:
    """ISO form of the date expression `text` read against `published`, or None."""
    return _normalize(re.sub(r"\s+", " ", text.strip()), published)


@lru_cache(maxsize=4096)
def _normalize(text: str, published: date | None) -> str | None:
    if not text or _DURATION.match(text) or _VAGUE.search(text):
        return None
    core = _TRAILING.sub("", _LEADING.sub("", text)).strip()
    if not core:
        return None
    has_year = bool(_YEAR.search(core))
    if published is None and not has_year:
        return None
    if re.fullmatch(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?", core, re.IGNORECASE):
        return None  # "the 8th": a day without its month
    weekday = _WEEKDAY.match(core)
    if weekday and published is not None:
        return _weekday(published, weekday.group(1), weekday.group(2)).isoformat()
    first = _RANGE_SPLIT.split(core, maxsplit=1)[0] if not has_year else core
    if has_year and _RANGE_SPLIT.search(core) and not _parse(core, published):
        first = _RANGE_SPLIT.split(core, maxsplit=1)[0]
        if not _YEAR.search(first):  # "December 14 and 15, 2024": carry the year over
            year = _YEAR.search(core)
            first = f"{first} {year.group(0)}" if year else first
    parsed = _absolute(first, published) or _parse(first, published)
    if parsed is None:
        return None
    when, period = parsed
    if published is not None and not has_year and not _RELATIVE_WORD.search(core) and period in ("day", "month"):
        when = _nearest_year(when, published)
    return _format(when, period)


def _absolute(text: str, published: date | None) -> tuple[date, str] | None:
    """Read "January 18", "18 January 2025", "Oct. 2024", "2024", "2024-10-08" directly."""
    for pattern, period in _ABSOLUTE:
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        month_text = groups.get("month")
        month = 1 if month_text is None else (
            int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()])
        day = int(groups["day"]) if groups.get("day") else 1
        if groups.get("year"):
            year = int(groups["year"])
        elif published is not None:
            year = published.year  # moved to the nearest year by the caller
        else:
            return None
        try:
            return date(year, month, day), period
        except ValueError:  # "February 30"
            return None
    return None


def _parse(text: str, published: date | None) -> tuple[date, str] | None:
    parser = _parser(published)
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError):  # dateparser raises these on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=64)
def _parser(published: date | None):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser  # imported late: dateparser loads slowly

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                                   "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)


def _weekday(published: date, qualifier: str | None, name: str) -> date:
    wanted = _WEEKDAYS.index(name.lower())
    back = (published.weekday() - wanted) % 7
    if qualifier and qualifier.lower() in ("last", "past") and back == 0:
        back = 7
    return published - timedelta(days=back)


def _nearest_year(when: date, published: date) -> date:
    best = when
    best_cost: float | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = when.replace(year=year)
        except ValueError:  # February 29
            continue
        distance = (candidate - published).days
        cost = distance * 3 if distance > 0 else -distance
        if best_cost is None or cost < best_cost:
            best, best_cost = candidate, cost
    return best


def _format(when: date, period: str) -> str:
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        iso = when.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return when.isoformat()
