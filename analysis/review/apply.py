"""Applying a review file to the extracted tables, before anything is derived from them.

:func:`apply_review` takes the tables as :func:`analysis.review.ids.add_row_ids` left them (figures,
exercises and, when it exists, quotes, each with ``row_id``) and a review file, and gives back:

- the tables with each ``reject``-ed row gone, each ``set`` field holding the analyst's value (and
  what follows from it recomputed: a figure's ``value_usd`` and rate from its value, unit and year;
  an exercise's ``cameo`` from its status, ``place_ids`` from its locations, ``year_inferred`` from
  its year, and the exercises' ``event_id`` when a mention was rejected or changed; a quote's
  ``speaker_start``/``speaker_end`` become -1, the analyst's speaker being no mention in the text),
  the ``<field>_cue`` of a set field saying ``review``, and a ``review`` column on every row: ``""``
  (not reviewed), ``confirmed`` (confirmed, or set to the value it already had) or ``corrected``;
- ``reviewed``: one row per applied line and row, with the value before and after
  (:data:`REVIEWED_COLUMNS`), also added to the tables as ``tables["reviewed"]``;
- problems, in line order: each line that could not be applied, as a :class:`~analysis.corpus.Problem`
  (also added to ``tables["problems"]``): ``review_unmatched`` when its row_id names no row,
  ``review_invalid`` for an unknown action, an unknown or unsettable field, a value that does not fit
  the column, or a line on a row an earlier line rejected. Nothing here raises for a bad line.

Lines apply in file order, as if typed one after another: a second ``set`` of one field sees the
value the first left, and the last one wins; ``reviewed`` shows the chain. A ``reject`` removes the
row; any line after it on that row is a ``review_invalid`` problem (the row is gone), while lines
before it are applied and listed, so the record of what was done stays complete. A row id two
articles with the same text share names both rows: the line applies to each.

A run that extracts in batches applies the same review piece by piece: :func:`load_review` once
(checking every line that can be checked without the rows), :func:`apply_lines` to each batch's
rows (and to the exercises once the cross-article step holds them all), and :func:`finish_review`
at the end: the reviewed rows in line order, and the problems, with ``review_unmatched`` for the
lines no part had a row for. :func:`apply_review` is those three over the whole set of tables.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Mapping, NamedTuple

import pandas as pd

from analysis.corpus import Problem
from analysis.corpus.load import problems_frame
from analysis.corpus.model import warning_line  # noqa: F401 - also offered here, where the review's users look
from analysis.review.fields import InvalidValue, check_value, settable_fields
from analysis.review.ids import ID_TABLES, table_of
from analysis.review.ids import cell_text as _text  # the row's text as ids.py reads it
from analysis.review.reviewfile import ReviewLine, read_review

__all__ = ["ACTIONS", "REVIEWED_COLUMNS", "REVIEW_STATES", "CheckedLine", "Review", "apply_lines", "apply_review",
           "as_review", "finish_review", "load_review", "unmatched_problems", "warning_line"]

ACTIONS = ("reject", "set", "confirm")
REVIEW_STATES = ("", "confirmed", "corrected")
REVIEWED_COLUMNS = ["row_id", "table", "action", "field", "old", "new", "note", "reviewer", "date",
                    "article_id", "surface", "line"]
_EXERCISE_GROUPING = {"name", "kind", "domains", "locations", "year", "month", "status"}


class CheckedLine(NamedTuple):
    """A review line that passed the checks needing no rows: its table (from the row id) and, for ``set``,
    the value as the table stores it."""

    line: ReviewLine
    table: str | None  # None: the row id has no known prefix (it will match no row)
    value: object = None


@dataclass
class Review:
    """A review file read and checked line by line (see :func:`load_review`)."""

    path: str
    lines: list[CheckedLine] = field(default_factory=list)  # in file order
    problems: list[Problem] = field(default_factory=list)  # lines refused before any row was seen

    def problem(self, code: str, line: ReviewLine, detail: str) -> Problem:
        return Problem(self.path, code, f"line {line.line}: {detail}")


def load_review(review_path: str | os.PathLike) -> Review:
    """The review file at ``review_path``, each line checked as far as it can be without the rows: the
    action, that a ``set`` names a field its table (the row id's prefix) can set, and the value. Raises
    :class:`~analysis.review.reviewfile.ReviewFileError` when the file cannot be read."""
    review = Review(str(review_path))
    for line in read_review(review_path):
        table = table_of(line.row_id)
        refused = None
        if line.action not in ACTIONS:
            refused = (f"action {line.action!r} is not one of {', '.join(ACTIONS)}" if line.action
                       else "no action (reject, set or confirm)")
        elif not line.row_id:
            refused = "no row_id"
        elif line.action == "set" and table is not None:
            if not line.field:
                refused = f"set on {line.row_id} names no field (settable: {', '.join(settable_fields(table))})"
            else:
                try:
                    review.lines.append(CheckedLine(line, table, check_value(table, line.field, line.value)))
                    continue
                except InvalidValue as exc:
                    refused = f"set {line.field} on {line.row_id} ({table}): {exc}"
        if refused:
            review.problems.append(review.problem("review_invalid", line, refused))
        else:
            review.lines.append(CheckedLine(line, table))
    return review


def as_review(review: str | os.PathLike | Review | None) -> Review | None:
    """``review`` loaded: a :class:`Review` as it is, None or "" (a notebook parameter's empty default) as
    None, a path through :func:`load_review` (which raises when the file cannot be read)."""
    if review is None or isinstance(review, Review):
        return review
    return load_review(review) if str(review).strip() else None


def unmatched_problems(review: Review, matched: set[int]) -> list[Problem]:
    """A ``review_unmatched`` problem for each checked line whose number is not in ``matched`` (the lines
    :func:`apply_lines` found a row for, over every batch)."""
    return [review.problem("review_unmatched", c.line,
                           f"row_id {c.line.row_id} matches no row of "
                           f"{c.table or ' or '.join(ID_TABLES)} (its article's text or span may have changed "
                           f"since the review)")
            for c in review.lines if c.line.line not in matched]


@dataclass
class _State:
    tables: dict[str, pd.DataFrame]
    where: dict[str, list[tuple[str, object]]]  # row_id -> [(table, index label)], two for a text in two articles
    rejected: dict[tuple[str, object], int] = field(default_factory=dict)  # (table, label) -> line that rejected it
    reviewed: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    touched_exercises: bool = False


def apply_lines(tables: Mapping[str, pd.DataFrame], review: Review | None, regroup: bool = True
                ) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, set[int], list[Problem]]:
    """``(tables, reviewed, matched, problems)``: the checked lines of ``review`` applied to the rows of
    ``tables`` (all of a corpus's, or one batch's), every row given its ``review`` column. ``matched``
    holds the numbers of the lines that found a row here; ``problems`` only those that need the rows
    (a line on a row an earlier line rejected, a confirm naming a field the table lacks).
    ``regroup``: assign the exercises' event ids afresh when a mention was rejected or changed (a
    batch leaves that to the cross-article step, which assigns them anyway)."""
    out = dict(tables)
    lines = review.lines if review is not None else []
    where: dict[str, list[tuple[str, object]]] = {}
    for table in ID_TABLES:
        frame = tables.get(table)
        if frame is None:
            continue
        if "row_id" not in frame.columns:
            raise ValueError(f"the {table} table has no row_id column: call analysis.review.add_row_ids first")
        frame = frame.copy(deep=bool(lines))  # no line, no cell set: the new column alone leaves the caller's frame
        frame["review"] = pd.Series([""] * len(frame), index=frame.index, dtype=object)
        out[table] = frame
        if lines:
            for row_id, label in zip(frame["row_id"].tolist(), frame.index.tolist()):
                where.setdefault(row_id, []).append((table, label))
    state = _State(out, where)
    published = _published_years(tables.get("articles")) if lines else {}
    matched: set[int] = set()
    for checked in lines:
        for table, label in where.get(checked.line.row_id, []):
            matched.add(checked.line.line)
            refused = _apply_line(state, checked, table, label, published)
            if refused is not None:
                state.problems.append(review.problem("review_invalid", checked.line, refused))
    for table, label in state.rejected:
        out[table] = out[table].drop(index=label)
    for table in ID_TABLES:
        if table in tables:
            out[table] = out[table].reset_index(drop=True)
    if regroup and state.touched_exercises:
        out["exercises"] = _regroup(out["exercises"])
    reviewed = pd.DataFrame(state.reviewed, columns=REVIEWED_COLUMNS).astype({"line": "Int64"})
    return out, reviewed, matched, state.problems


def apply_review(tables: Mapping[str, pd.DataFrame], review_path: str | os.PathLike | Review | None,
                 report: Callable[[Problem], None] | None = None
                 ) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, list[Problem]]:
    """``(tables, reviewed, problems)``: ``tables`` with the review file at ``review_path`` (or a
    :class:`Review` already loaded) applied; see the module docstring. ``review_path`` None (or "")
    applies nothing but still adds the ``review`` column and an empty ``reviewed`` table, so the tables
    have the same columns with or without a review. ``report`` is called with each problem, in line
    order (the CLI prints :func:`warning_line`). A file that cannot be read raises
    :class:`~analysis.review.reviewfile.ReviewFileError` naming it."""
    review = as_review(review_path)
    out, reviewed, matched, refused = apply_lines(tables, review)
    reviewed, problems = finish_review(review, [(reviewed, matched, refused)])
    for problem in problems:
        if report is not None:
            report(problem)
    out["reviewed"] = reviewed
    if problems:
        extra = problems_frame(problems)
        base = out.get("problems")
        out["problems"] = extra if base is None or not len(base) else pd.concat([base, extra], ignore_index=True)
    return out, reviewed, problems


def finish_review(review: Review | None, parts: list[tuple[pd.DataFrame, set[int], list[Problem]]]
                  ) -> tuple[pd.DataFrame, list[Problem]]:
    """The whole ``reviewed`` table and every problem of a review applied in parts (each part what
    :func:`apply_lines` gave for one batch or table: reviewed rows, matched line numbers, problems), both in
    line order: the row-free problems of :func:`load_review`, those of the parts, and a ``review_unmatched``
    problem for each line no part found a row for."""
    frames = [reviewed for reviewed, _, _ in parts if len(reviewed)]
    reviewed = (pd.concat(frames, ignore_index=True).sort_values(["line", "article_id"], kind="stable")  # any batch order
                .reset_index(drop=True)
                if frames else pd.DataFrame(columns=REVIEWED_COLUMNS).astype({"line": "Int64"}))
    if review is None:
        return reviewed, []
    matched = set().union(*(found for _, found, _ in parts))
    problems = review.problems + [p for _, _, refused in parts for p in refused] + unmatched_problems(review, matched)
    problems.sort(key=lambda p: int(p.detail.split(":", 1)[0].removeprefix("line ")))
    return reviewed, problems


def _apply_line(state: _State, checked: CheckedLine, table: str, label, published: dict[str, int]) -> str | None:
    """Apply one checked line to one row; return why it cannot be, if it cannot."""
    line = checked.line
    if (table, label) in state.rejected:
        return f"{line.action} on {line.row_id} not applied: line {state.rejected[(table, label)]} rejects that row"
    frame = state.tables[table]
    row = frame.loc[label]
    entry = {"row_id": line.row_id, "table": table, "action": line.action, "field": line.field, "note": line.note,
             "reviewer": line.reviewer, "date": line.date, "article_id": _text(row.get("article_id")),
             "surface": _text(row.get("surface", row.get("quote"))), "line": line.line}
    if line.action == "reject":
        state.rejected[(table, label)] = line.line
        state.touched_exercises |= table == "exercises"
        state.reviewed.append({**entry, "field": "", "old": entry["surface"], "new": ""})
        return None
    if line.action == "confirm":
        if line.field and line.field not in frame.columns:
            return f"confirm: {table} has no field {line.field!r}"
        shown = _text(row[line.field]) if line.field else entry["surface"]
        if frame.at[label, "review"] == "":
            frame.at[label, "review"] = "confirmed"
        state.reviewed.append({**entry, "old": shown, "new": shown})
        return None
    value = checked.value
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
