"""Reading a review file: the analyst's corrections, one CSV line each.

Columns (a header is required; names are matched case-insensitively, order is free)::

    row_id, action, field, value, note[, reviewer, date]

``row_id`` and ``action`` are required columns; a file without ``field``/``value`` can still reject
and confirm. Other columns are ignored, so a reviewer can keep their own notes beside. Blank lines
and lines whose first cell starts with ``#`` are skipped. The file may be UTF-8 (with or without a
BOM, as Excel writes it) or a legacy encoding (detected as for articles), separated by commas, or by
semicolons or tabs when the header has no comma (a spreadsheet in a comma-decimal locale).

Only a file that cannot be read at all is an error (:class:`ReviewFileError`): missing, a folder,
unreadable, binary, undecodable, empty, or without ``row_id``/``action`` columns. A bad *line* is
never an error here: :func:`analysis.review.apply.apply_review` turns it into a problem row.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "review.csv"
>>> _ = path.write_text("row_id,action,field,value,note\\nfig-1,set,actor,rus,wrong country\\n")
>>> [(l.line, l.row_id, l.action, l.field, l.value) for l in read_review(path)]
[(2, 'fig-1', 'set', 'actor', 'rus')]
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import NamedTuple

from analysis.corpus import CorpusError
from analysis.corpus.decode import DecodeError, decode_bytes

__all__ = ["REVIEW_COLUMNS", "OPTIONAL_COLUMNS", "ReviewFileError", "ReviewLine", "append_review_line", "read_review"]

#: the review file's columns, in the order a new file is written
REVIEW_COLUMNS = ("row_id", "action", "field", "value", "note", "reviewer", "date")
REQUIRED_COLUMNS = ("row_id", "action")
OPTIONAL_COLUMNS = tuple(c for c in REVIEW_COLUMNS if c not in REQUIRED_COLUMNS)
_HINT = f"expected a CSV file with a header {','.join(REVIEW_COLUMNS[:5])} (optional reviewer,date)"


class ReviewFileError(CorpusError):
    """The review file as a whole cannot be read. A :class:`~analysis.corpus.CorpusError`, so the
    command line reports it as one ``error:`` line and exit code 2, as it does a missing corpus."""


class ReviewLine(NamedTuple):
    """One line of a review file, its cells stripped, ``row_id``, ``action`` and ``field`` lower-cased (row
    ids are lower-case hex; a spreadsheet may have upper-cased one)."""

    line: int  # line number in the file (the header is line 1)
    row_id: str
    action: str
    field: str = ""
    value: str = ""
    note: str = ""
    reviewer: str = ""
    date: str = ""


def _text(path: Path) -> str:
    return _decoded(path)[0]


def _decoded(path: Path) -> tuple[str, str]:
    if not path.exists():
        raise ReviewFileError(f"{path}: the review file does not exist; {_HINT}")
    if path.is_dir():
        raise ReviewFileError(f"{path}: is a folder, not a review file; {_HINT}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReviewFileError(f"{path}: the review file cannot be read ({exc.strerror or exc})") from exc
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        raise ReviewFileError(f"{path}: the review file is {exc.code}: {exc}; {_HINT}") from exc
    return text.lstrip("\ufeff"), encoding


def _delimiter(header: str) -> str:
    if "," in header:
        return ","
    return ";" if ";" in header else "\t" if "\t" in header else ","


def read_review(path: str | os.PathLike) -> list[ReviewLine]:
    """Every review line of the file at ``path``, in file order; raises :class:`ReviewFileError` when the
    file cannot be read as a review file."""
    path = Path(path)
    text = _text(path)
    header_line = next((line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")), "")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(header_line))
    header: list[str] | None = None
    lines = []
    records, previous_end = [], 0  # (the line a record starts on, its cells): a quoted cell may span lines
    try:
        for cells in reader:
            records.append((previous_end + 1, cells))
            previous_end = reader.line_num
    except csv.Error as exc:
        raise ReviewFileError(f"{path}: line {reader.line_num}: not readable as CSV ({exc}); {_HINT}") from exc
    for number, cells in records:
        if not any(cell.strip() for cell in cells) or cells[0].strip().startswith("#"):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in cells]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                raise ReviewFileError(f"{path}: the review file has no {' or '.join(missing)} column in its "
                                      f"header ({','.join(cells)!r}); {_HINT}")
            continue
        cell = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        lines.append(ReviewLine(number, cell["row_id"].lower(), cell["action"].lower(),
                                cell.get("field", "").lower(),
                                *(cell.get(name, "") for name in ("value", "note", "reviewer", "date"))))
    return lines


def append_review_line(path: str | os.PathLike, row_id: str, action: str, field: str = "", value: str = "",
                       note: str = "", reviewer: str = "", date: str = "") -> ReviewLine:
    """Add one line to the review file at ``path`` (created, with its header, if missing): what the explorer
    calls to reject or correct the selected row. The file stays UTF-8 CSV with the columns of
    :data:`REVIEW_COLUMNS` (an existing file is appended to in its own column order, and must have
    ``row_id`` and ``action`` columns). Returns the line as :func:`read_review` will read it. Checks
    nothing about the row or the value: :func:`~analysis.review.apply.apply_review` does, at the next run.
    """
    path = Path(path)
    cells = {"row_id": row_id, "action": action, "field": field, "value": value, "note": note,
             "reviewer": reviewer, "date": date}
    if path.exists() and path.stat().st_size:
        read_review(path)  # refuses a file that is not a review file before anything is added
        text, encoding = _decoded(path)
        if encoding not in ("utf-8", "utf-8-sig", "ascii"):
            raise ReviewFileError(f"{path}: the review file is in {encoding}, not UTF-8; save it as UTF-8 "
                                  f"(Excel: 'CSV UTF-8') before lines are added to it")
        header_line = next(line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#"))
        delimiter = _delimiter(header_line)
        header = [cell.strip().lower() for cell in next(csv.reader([header_line], delimiter=delimiter))]
        prefix = "" if text.endswith("\n") else "\n"
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        delimiter, header, prefix = ",", list(REVIEW_COLUMNS), None
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if prefix is None:
        writer.writerow(header)
        prefix = ""
    writer.writerow([cells.get(name, "") for name in header])
    with path.open("a", encoding="utf-8", newline="") as f:
        f.write(prefix + out.getvalue())
    return read_review(path)[-1]
