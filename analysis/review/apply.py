"""Applying a review file to the extracted tables, before anything is derived from them.

:func:`apply_review` takes the tables as :func:`analysis.review.ids.add_row_ids` left them (figures,
exercises and, when it exists, quotes, each with ``row_id``) and a review file, and gives back:

- the tables with each ``reject``-ed row gone, each ``set`` field holding the analyst's value (and
  what follows from it recomputed: a figure's ``value_usd`` and rate from its value, unit and year;
  an exercise's ``cameo`` from its status, ``place_ids`` from its locations, ``year_inferred`` from
  its year, and the exercises' ``event_id`` when a mention was rejected or changed; a quote's
  ``speaker_start``/``speaker_end`` become -1, the analyst's speaker being no mention in the text), the ``<field>_cue``
  of a set field saying ``review``, and a ``review`` column on every row: ``""`` (not reviewed),
  ``confirmed`` (confirmed, or set to the value it already had) or ``corrected`` (a value changed);
- ``reviewed``: one row per applied line with the value before and after (:data:`REVIEWED_COLUMNS`),
  also added to the tables as ``tables["reviewed"]``;
- problems: each line that could not be applied, as a :class:`~analysis.corpus.Problem` (also added
  to ``tables["problems"]``): ``review_unmatched`` when its row_id names no row, ``review_invalid``
  for an unknown action, an unknown or unsettable field, a value that does not fit the column, or a
  line on a row an earlier line rejected. Nothing here raises for a bad line.

Lines apply in file order, as if typed one after another: a second ``set`` of one field sees the
value the first left, and the last one wins; ``reviewed`` shows the chain. A ``reject`` removes the
row; any line after it on that row is a ``review_invalid`` problem (the row is gone), while lines
before it are applied and listed, so the record of what was done stays complete.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Mapping

import pandas as pd

from analysis.corpus import PROBLEM_COLUMNS, Problem
from analysis.review.fields import InvalidValue, check_value, settable_fields
from analysis.review.ids import ID_TABLES
from analysis.review.reviewfile import ReviewLine, read_review

__all__ = ["ACTIONS", "REVIEWED_COLUMNS", "REVIEW_STATES", "apply_review", "warning_line"]

ACTIONS = ("reject", "set", "confirm")
REVIEW_STATES = ("", "confirmed", "corrected")
REVIEWED_COLUMNS = ["row_id", "table", "action", "field", "old", "new", "note", "reviewer", "date",
                    "article_id", "surface", "line"]
_EXERCISE_GROUPING = {"name", "kind", "domains", "locations", "year", "month", "status"}


def warning_line(problem: Problem) -> str:
    """The ``warning:`` line a command prints for a problem (the form ``extract`` uses)."""
    return f"warning: {problem.path}: {problem.problem}: {problem.detail}"


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


@dataclass
class _State:
    tables: dict[str, pd.DataFrame]
    where: dict[str, tuple[str, object]]  # row_id -> (table, index label)
    rejected: dict[str, int] = field(default_factory=dict)  # row_id -> line that rejected it
    reviewed: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    touched_exercises: bool = False


def apply_review(tables: Mapping[str, pd.DataFrame], review_path: str | os.PathLike | None,
                 report: Callable[[Problem], None] | None = None
                 ) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, list[Problem]]:
    """``(tables, reviewed, problems)``: ``tables`` with the review file at ``review_path`` applied (see
    the module docstring). ``review_path`` None (or "") applies nothing but still adds the ``review`` column and an
    empty ``reviewed`` table, so the tables have the same columns with or without a review. ``report`` is
    called with each problem as it is found (the CLI prints :func:`warning_line`). A file that cannot be
    read raises :class:`~analysis.review.reviewfile.ReviewFileError` naming it."""
    if review_path is not None and not str(review_path).strip():
        review_path = None  # a notebook parameter's empty default: no review
    lines = read_review(review_path) if review_path is not None else []
    out = dict(tables)
    where: dict[str, tuple[str, object]] = {}
    for table in ID_TABLES:
        frame = tables.get(table)
        if frame is None:
            continue
        if "row_id" not in frame.columns:
            raise ValueError(f"the {table} table has no row_id column: call analysis.review.add_row_ids first")
        frame = frame.copy()
        frame["review"] = pd.Series([""] * len(frame), index=frame.index, dtype=object)
        out[table] = frame
        where.update((row_id, (table, label)) for row_id, label in zip(frame["row_id"], frame.index))
    state = _State(out, where)
    source = str(review_path) if review_path is not None else ""
    published = _published_years(tables.get("articles"))
    for line in lines:
        problem = _apply_line(state, line, published)
        if problem is not None:
            problem = Problem(source, problem[0], f"line {line.line}: {problem[1]}")
            state.problems.append(problem)
            if report is not None:
                report(problem)
    for row_id in state.rejected:
        table, label = where[row_id]
        out[table] = out[table].drop(index=label)
    for table in ID_TABLES:
        if table in out and table in tables:
            out[table] = out[table].reset_index(drop=True)
    if state.touched_exercises:
        out["exercises"] = _regroup(out["exercises"])
    reviewed = pd.DataFrame(state.reviewed, columns=REVIEWED_COLUMNS).astype({"line": "Int64"})
    out["reviewed"] = reviewed
    if state.problems:
        extra = pd.DataFrame([(p.path, p.problem, p.detail) for p in state.problems], columns=PROBLEM_COLUMNS)
        base = out.get("problems")
        out["problems"] = extra if base is None or not len(base) else pd.concat([base, extra], ignore_index=True)
    return out, reviewed, state.problems


def _apply_line(state: _State, line: ReviewLine, published: dict[str, int]) -> tuple[str, str] | None:
    """Apply one line; return ``(problem code, detail)`` when it cannot be applied."""
    if line.action not in ACTIONS:
        return "review_invalid", (f"action {line.action!r} is not one of {', '.join(ACTIONS)}"
                                  if line.action else "no action (reject, set or confirm)")
    if not line.row_id:
        return "review_invalid", "no row_id"
    if line.row_id not in state.where:
        return "review_unmatched", (f"row_id {line.row_id} matches no row of "
                                    f"{' or '.join(t for t in ID_TABLES if t in state.tables)} "
                                    f"(its article's text or span may have changed since the review)")
    if line.row_id in state.rejected:
        return "review_invalid", (f"{line.action} on {line.row_id} not applied: line "
                                  f"{state.rejected[line.row_id]} rejects that row")
    table, label = state.where[line.row_id]
    frame = state.tables[table]
    row = frame.loc[label]
    entry = {"row_id": line.row_id, "table": table, "action": line.action, "field": line.field, "note": line.note,
             "reviewer": line.reviewer, "date": line.date, "article_id": _text(row.get("article_id")),
             "surface": _text(row.get("surface", row.get("quote"))), "line": line.line}
    if line.action == "reject":
        state.rejected[line.row_id] = line.line
        state.touched_exercises |= table == "exercises"
        state.reviewed.append({**entry, "field": "", "old": entry["surface"], "new": ""})
        return None
    if line.action == "confirm":
        if line.field and line.field not in frame.columns:
            return "review_invalid", f"confirm: {table} has no field {line.field!r}"
        shown = _text(row[line.field]) if line.field else entry["surface"]
        if frame.at[label, "review"] == "":
            frame.at[label, "review"] = "confirmed"
        state.reviewed.append({**entry, "old": shown, "new": shown})
        return None
    if not line.field:
        return "review_invalid", f"set on {line.row_id} names no field (settable: {', '.join(settable_fields(table))})"
    try:
        value = check_value(table, line.field, line.value)
    except InvalidValue as exc:
        return "review_invalid", f"set {line.field} on {line.row_id} ({table}): {exc}"
    old = row[line.field] if line.field in frame.columns else None
    changed = _text(old) != _text(value) and not _same_number(old, value)
    _set(frame, label, line.field, value)
    if changed:
        frame.at[label, "review"] = "corrected"
        _recompute(frame, label, table, line.field, published)
        state.touched_exercises |= table == "exercises" and line.field in _EXERCISE_GROUPING
    elif frame.at[label, "review"] == "":
        frame.at[label, "review"] = "confirmed"
    state.reviewed.append({**entry, "old": _text(old), "new": _text(value)})
    return None


def _same_number(a, b) -> bool:
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return False


def _set(frame: pd.DataFrame, label, column: str, value) -> None:
    if column not in frame.columns:
        frame[column] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    if value is None and str(frame[column].dtype) in ("Int64", "float64"):
        value = pd.NA if str(frame[column].dtype) == "Int64" else float("nan")
    frame.at[label, column] = value


def _published_years(articles: pd.DataFrame | None) -> dict[str, int]:
    if articles is None or "published" not in articles.columns:
        return {}
    years = {}
    for article_id, published in zip(articles["article_id"], articles["published"]):
        text = _text(published)
        if text[:4].isdigit():
            years[article_id] = int(text[:4])
    return years


def _recompute(frame: pd.DataFrame, label, table: str, column: str, published: dict[str, int]) -> None:
    """What follows from a set field: cues, USD values, CAMEO code, place ids, inferred year."""
    if f"{column}_cue" in frame.columns:
        frame.at[label, f"{column}_cue"] = "review"
    if table == "figures" and column in ("value", "unit", "year") and "value_usd" in frame.columns:
        from analysis.extract.figures.model import NON_MONEY_UNITS
        from analysis.reference.fx import to_usd

        unit, value = _text(frame.at[label, "unit"]), frame.at[label, "value"]
        year = frame.at[label, "year"]
        year = int(year) if not pd.isna(year) else published.get(frame.at[label, "article_id"])
        usd = (None, None, None, None) if unit in NON_MONEY_UNITS else to_usd(float(value), unit, year)
        for name, got in zip(("value_usd", "usd_rate", "usd_rate_source", "usd_rate_year"), usd):
            if name in frame.columns:
                _set(frame, label, name, got)
    if table == "quotes" and column == "speaker":
        for name in ("speaker_start", "speaker_end"):  # the analyst's speaker is not a mention in the text
            if name in frame.columns:
                frame.at[label, name] = -1
    if table == "exercises":
        if column == "status" and "cameo" in frame.columns:
            from analysis.extract.exercises import CAMEO

            frame.at[label, "cameo"] = CAMEO[frame.at[label, "status"]]
        if column == "locations" and "place_ids" in frame.columns:
            frame.at[label, "place_ids"] = _place_ids(_text(frame.at[label, "locations"]))
        if column == "year" and "year_inferred" in frame.columns:
            year = frame.at[label, "year"]
            _set(frame, label, "year_inferred",
                 int(year) if not pd.isna(year) else published.get(frame.at[label, "article_id"]))


def _place_ids(locations: str) -> str | None:
    """The gazetteer ids of the places in ``locations`` (``;``-joined) that the gazetteer knows, in order."""
    from analysis.extract.places import find_places

    ids = []
    for name in filter(None, locations.split(";")):
        found = find_places(name)
        if len(found) == 1 and found[0].surface == name.strip():
            ids.append(found[0].place_id)
    return ";".join(dict.fromkeys(ids)) or None


def _regroup(exercises: pd.DataFrame) -> pd.DataFrame:
    """Event ids assigned afresh over the reviewed mentions (merging reads name, kind, year, places …)."""
    from analysis.extract.events import assign_event_ids

    if not len(exercises) or "event_id" not in exercises.columns:
        return exercises
    columns = list(exercises.columns)
    return assign_event_ids(exercises)[columns].reset_index(drop=True)
