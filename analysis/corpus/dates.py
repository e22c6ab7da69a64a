"""Publication dates as news pages print them: "Oct 25 2020", "25 October 2020", "2020-10-25".

>>> parse_date("Oct 25 2020")
(datetime.date(2020, 10, 25), 'day')
>>> parse_date("Published: Monday, 23 November 2021 10:30 GMT")
(datetime.date(2021, 11, 23), 'day')
>>> parse_date("December 2020")
(datetime.date(2020, 12, 1), 'month')
"""
from __future__ import annotations

import datetime as _dt
import re

__all__ = ["parse_date", "is_date_line", "MONTHS"]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?,?\s+)?"
_PREFIX = r"(?:(?:published|posted|updated|date|last updated)(?:\s+on)?\s*:?\s*)?"
_TIME = r"(?:\s*(?:,|at|-|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|\s*\([A-Z]{2,4}\))?)?"
_FORMS = [
    (rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)", "day"),
    (rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>(?:19|20)\d\d)", "day"),
    (r"(?P<year>(?:19|20)\d\d)-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})", "day"),
    (rf"{_MONTH},?\s+(?P<year>(?:19|20)\d\d)", "month"),
]
_LINE_FORMS = [(re.compile(rf"^{_PREFIX}{_WEEKDAY}{form}{_TIME}\s*$", re.I), prec) for form, prec in _FORMS]


def _build(m: re.Match[str], precision: str) -> tuple[_dt.date, str] | None:
    parts = m.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["mon"].lower()[:3]]
    day = int(parts.get("day") or 1)
    try:
        return _dt.date(int(parts["year"]), month, day), precision
    except ValueError:
        return None


def parse_date(line: str) -> tuple[_dt.date, str] | None:
    """The date a whole line states, with its precision ("day" or "month"), or None."""
    stripped = line.strip().strip("|·•").strip()
    if len(stripped) > 80:
        return None
    for pattern, precision in _LINE_FORMS:
        m = pattern.match(stripped)
        if m:
            return _build(m, precision)
    return None


def is_date_line(line: str) -> bool:
    """Does the line hold nothing but a date (with an optional "Published:" and time)?"""
    return parse_date(line) is not None
