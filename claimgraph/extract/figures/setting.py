"""As of when a figure holds: its as-of date (its place is `places`).

`as_of` reads the date expression nearest to a figure and resolves it against
the publication date ("on Monday" -> the latest Monday on or before publication,
"December 14 and 15" -> the 15th, "last week" through dateparser). Following the conflict-figures
guide, a month, a season or a year alone gives no as-of day (None). This module
must not decide whether a number is a figure.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Span

from claimgraph.extract.nlp import text_of

__all__ = ["as_of", "resolve_date"]

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_JOIN = r"(?:\s*(?:-|–|and|to|&)\s*(\d{1,2})(?!\d))?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?{_JOIN}(?:,?\s+(\d{{4}}))?", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?{_JOIN}\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_TODAY = re.compile(r"\b(today|tonight|overnight|this morning|this afternoon|this evening|"
                    r"during the night|last night)\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)
_WEEKEND = re.compile(r"\bweekend\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(ago|last week|earlier|later|before|after)\b", re.IGNORECASE)
_VAGUE = re.compile(r"\b(early|mid|late|end of|beginning of|spring|summer|autumn|fall|winter)\b", re.IGNORECASE)


def _dated(year: int, month: int, day: int, published: date | None) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if published is not None and found > published and found.year == published.year:
        try:
            return date(year - 1, month, day)  # "December 23" in a January report
        except ValueError:
            return None
    return found


def resolve_date(expression: str, published: date | None) -> date | None:
    """The day `expression` names, resolved against `published`; None for months, seasons, years."""
    base_year = published.year if published else None
    match = _MONTH_DAY.search(expression)
    if match:
        month, day = _MONTHS[match.group(1).lower().rstrip(".")], int(match.group(3) or match.group(2))
        year = int(match.group(4)) if match.group(4) else base_year
        return _dated(year, month, day, None if match.group(4) else published) if year else None
    match = _DAY_MONTH.search(expression)
    if match:
        day, month = int(match.group(2) or match.group(1)), _MONTHS[match.group(3).lower().rstrip(".")]
        year = int(match.group(4)) if match.group(4) else base_year
        return _dated(year, month, day, None if match.group(4) else published) if year else None
    if published is None:
        return None
    match = _WEEKDAY.search(expression)
    if match:
        back = (published.weekday() - _WEEKDAYS.index(match.group(1).lower())) % 7
        return published - timedelta(days=back)
    if _WEEKEND.search(expression) and not _RELATIVE.search(expression):
        return published - timedelta(days=(published.weekday() - 6) % 7)
    if _YESTERDAY.search(expression):
        return published - timedelta(days=1)
    if _TODAY.search(expression):
        return published
    if _VAGUE.search(expression) or not _RELATIVE.search(expression):
        return None
    import dateparser  # type: ignore[import-untyped]  # imported late: slow, and only relative phrases need it

    parsed = dateparser.parse(expression, settings={
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past", "STRICT_PARSING": False})
    return parsed.date() if parsed is not None else None


def _sentence(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def as_of(doc: Doc, start: int, end: int, published: date | None) -> date | None:
    """The day the figure at [start, end) is said to hold, from the nearest date in its sentence."""
    sentence = _sentence(doc, start, end)
    if sentence is None:
        return None
    candidates = [e for e in doc.ents if e.label_ in {"DATE", "TIME"}
                  and sentence.start <= e.start and e.end <= sentence.end]
    text = text_of(doc)
    for pattern in (_TODAY,):
        for match in pattern.finditer(text, sentence.start_char, sentence.end_char):
            candidate = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if candidate is not None:
                candidates.append(candidate)
    candidates.sort(key=lambda e: min(abs(e.start_char - end), abs(start - e.end_char)))
    for entity in candidates:
        if entity.start_char <= start < entity.end_char:
            continue  # the figure itself, mis-tagged as a date
        resolved = resolve_date(entity.text, published)
        if resolved is not None:
            return resolved
    return None
