"""The optional ``metadata.csv`` beside the articles: what an analyst knows that the text does not say.

Columns: id, title, url, outlet, published, date_precision, author, note. A non-empty value
overrides what was detected; the articles table records ``sidecar`` as its source.
``published`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; the precision follows from the form
unless ``date_precision`` says otherwise.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import re

from analysis.corpus.model import Problem

__all__ = ["SIDECAR_NAME", "SIDECAR_COLUMNS", "read_sidecar", "parse_iso_date"]

SIDECAR_NAME = "metadata.csv"
SIDECAR_COLUMNS = ("id", "title", "url", "outlet", "published", "date_precision", "author", "note")
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_iso_date(value: str) -> tuple[_dt.date, str] | None:
    """'2021-01' -> (date(2021, 1, 1), 'month'); None when the value is not an ISO date."""
    m = _ISO.match(value.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    precision = "day" if m.group(3) else "month" if m.group(2) else "year"
    try:
        return _dt.date(year, month, day), precision
    except ValueError:
        return None


def read_sidecar(text: str, display: str) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Rows keyed by article id (empty values dropped), and problems with the file or its rows."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "id" not in reader.fieldnames:
        return {}, [Problem(display, "malformed_sidecar", "metadata.csv needs a header with an 'id' column")]
    unknown = [c for c in reader.fieldnames if c not in SIDECAR_COLUMNS]
    problems = []
    if unknown:
        problems.append(Problem(display, "sidecar_columns", f"ignored unknown columns: {', '.join(unknown)}"))
    rows: dict[str, dict[str, str]] = {}
    for number, row in enumerate(reader, start=2):
        article_id = (row.get("id") or "").strip()
        if not article_id:
            continue
        values = {k: v.strip() for k, v in row.items() if k in SIDECAR_COLUMNS and k != "id" and v and v.strip()}
        if "published" in values and parse_iso_date(values["published"]) is None:
            problems.append(Problem(display, "sidecar_date",
                                    f"line {number}: published {values['published']!r} is not YYYY-MM-DD, YYYY-MM or YYYY"))
            values.pop("published")
        rows[article_id] = values
    return rows, problems
