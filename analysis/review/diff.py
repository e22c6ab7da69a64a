"""What changed between two output folders, row by row.

An output folder is what ``python -m analysis extract CORPUS --out DIR`` writes, or a report run
folder (``reports/<run-id>/``, whose tables are in ``tables/``). :func:`diff_outputs` compares the
row tables (:data:`DIFF_TABLES`: figures, exercises and, where written, quotes) and gives one row
per change (:data:`CHANGE_COLUMNS`):

- ``added`` / ``removed``: a row only the new / only the old folder has (``field``, ``old`` empty;
  ``new`` / ``old`` hold its surface);
- ``changed``: a row both have whose ``field`` differs, one change row per field, ``old`` and ``new``
  as written in the CSV (numbers that are equal as numbers, ``2021`` and ``2021.0``, are not a change).

Rows are matched by ``row_id`` and ``article_id`` (one text under two article ids gives two rows the
same id), then a row left on each side with the same ``row_id`` is the same row in a renamed article
(its ``article_id`` is then a changed field). Folders written before row ids existed have none: then both sides
are keyed by ids computed the same way (:func:`analysis.review.ids.row_ids`) from the article's
``text_sha256`` when both folders' ``articles.csv`` have it (then they are the real row ids), else
from the ``article_id`` in its place — the same rows then match, though such ids are not the ones a
review file names.

Only columns both folders have are compared (a column a newer code version adds is not a change on
every row), and an exercise's ``event_id`` is left out: which event a mention joins is reported by
:func:`analysis.review.summary.since_last_run` as new events, and one new article that joins an
event must not show every other mention of it as changed. Derived tables (events, budget_check) are
compared there, not here.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd

from analysis.review.ids import ID_TABLES, row_ids

__all__ = ["CHANGE_COLUMNS", "DIFF_TABLES", "DiffError", "diff_outputs", "key_sources", "keyed_table",
           "read_table", "tables_dir"]

CHANGE_COLUMNS = ["table", "row_id", "change", "field", "old", "new", "article_id", "surface"]
DIFF_TABLES = tuple(ID_TABLES)  # figures, exercises, quotes
_IGNORED = {"exercises": {"event_id"}}
_ORDER = {"removed": 0, "added": 1, "changed": 2}


class DiffError(ValueError):
    """A folder that is not an output folder (no tables to compare); the message names it."""


def tables_dir(folder: str | os.PathLike) -> Path:
    """The folder holding the CSV tables: ``folder/tables`` for a report run, else ``folder`` itself."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DiffError(f"{folder}: no such folder; give two folders written by 'python -m analysis extract' "
                        f"or two report runs (reports/<run-id>)")
    for candidate in (folder / "tables", folder):
        if any((candidate / f"{name}.csv").is_file() for name in DIFF_TABLES):
            return candidate
    raise DiffError(f"{folder}: holds no {', '.join(f'{n}.csv' for n in DIFF_TABLES)} (nor a tables/ folder with "
                    f"them); give a folder written by 'python -m analysis extract' or a report run")


def read_table(folder: Path, name: str) -> pd.DataFrame | None:
    """``folder/<name>.csv`` as text (every cell a string, empty for missing), or None when not written."""
    path = folder / f"{name}.csv"
    if not path.is_file():
        return None
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DiffError(f"{path}: not a table this workbook wrote ({type(exc).__name__}: {exc})") from exc


def _text_shas(folder: Path) -> dict[str, str]:
    articles = read_table(folder, "articles")
    if articles is None or "text_sha256" not in articles.columns:
        return {}
    return {a: s for a, s in zip(articles["article_id"], articles["text_sha256"]) if s}


def key_sources(old_dir: Path, new_dir: Path, old: pd.DataFrame | None, new: pd.DataFrame | None
                ) -> tuple[dict[str, str], dict[str, str]] | None:
    """How to key two versions of a table: None to use their ``row_id``; else the article_id -> text sha256
    maps to compute ids from (empty maps, meaning keyed by article_id, unless both folders give them)."""
    if old is not None and new is not None and "row_id" in old.columns and "row_id" in new.columns:
        return None
    old_shas, new_shas = _text_shas(old_dir), _text_shas(new_dir)
    return (old_shas, new_shas) if old_shas and new_shas else ({}, {})


def keyed_table(frame: pd.DataFrame | None, table: str, folder: Path,
                shas: dict[str, str] | None) -> pd.DataFrame:
    """``frame`` indexed by its row key: its ``row_id``, or ids computed from the span with ``shas``
    (see :func:`key_sources`). An absent or empty table gives an empty frame."""
    if frame is None or not len(frame.columns):
        return pd.DataFrame(columns=["row_id"]).set_index("row_id", drop=False)
    frame = frame.copy()
    if shas is not None:
        ids = row_ids(frame.drop(columns=["row_id"], errors="ignore"), table, shas) if len(frame) else []
        frame["row_id"] = pd.Series(ids, index=frame.index, dtype=object)
    key = frame["row_id"].astype(str) + "@" + frame["article_id"].astype(str)
    repeated = key[key.duplicated()].tolist()
    if repeated:
        raise DiffError(f"{folder / (table + '.csv')}: row_id {repeated[0].split('@')[0]} is on more than one row "
                        f"of one article; row ids are unique within an article (was the file edited by hand?)")
    return frame.set_index(pd.Index(key, name="key"))


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return x == y or (math.isfinite(x) and math.isfinite(y) and math.isclose(x, y, rel_tol=1e-9))


def _mismatches(before, after) -> dict[int, list[int]]:
    """row -> the columns whose cells differ (as text, and as numbers when both are numbers)."""
    out: dict[int, list[int]] = {}
    for i, j in zip(*(before != after).nonzero()):
        if not _same(before[i, j], after[i, j]):
            out.setdefault(int(i), []).append(int(j))
    return out


def _surface(row: dict) -> str:
    return str(row.get("surface", row.get("quote", "")))


def _table_changes(table: str, old: pd.DataFrame | None, new: pd.DataFrame | None, old_dir: Path,
                   new_dir: Path) -> list[dict]:
    sources = key_sources(old_dir, new_dir, old, new)
    old_k = keyed_table(old, table, old_dir, sources and sources[0])
    new_k = keyed_table(new, table, new_dir, sources and sources[1])
    fields = [c for c in new_k.columns if c in set(old_k.columns) and c != "row_id"
              and c not in _IGNORED.get(table, set())]
    pairs = _pairs(list(old_k.index), list(new_k.index))  # new key -> old key
    paired_old = set(pairs.values())
    rows = []
    for key, row in zip(old_k.index, old_k.to_dict("records")):
        if key not in paired_old:
            rows.append(_change(table, row, "removed", "", _surface(row), ""))
    common = list(pairs)
    before = old_k.loc[[pairs[k] for k in common], fields].astype(str).to_numpy() if common else None
    after = new_k.loc[common, fields].astype(str).to_numpy() if common else None
    differs = _mismatches(before, after) if common else {}  # row -> the fields that differ
    position = {key: i for i, key in enumerate(common)}
    for key, row in zip(new_k.index, new_k.to_dict("records")):
        if key not in pairs:
            rows.append(_change(table, row, "added", "", "", _surface(row)))
            continue
        i = position[key]
        rows += [_change(table, row, "changed", fields[j], before[i, j], after[i, j]) for j in differs.get(i, [])]
    return rows


def _pairs(old_keys: list[str], new_keys: list[str]) -> dict[str, str]:
    """new key -> the old key of the same row. Keys are ``row_id@article_id``: the same key is the same row;
    then a row left over on each side with the same row_id is the same row under another article id (a
    renamed file), paired in order."""
    old_set = set(old_keys)
    pairs = {key: key for key in new_keys if key in old_set}
    left_old: dict[str, list[str]] = {}
    for key in old_keys:
        if key not in pairs:
            left_old.setdefault(key.split("@", 1)[0], []).append(key)
    for key in new_keys:
        if key not in pairs:
            waiting = left_old.get(key.split("@", 1)[0])
            if waiting:
                pairs[key] = waiting.pop(0)
    return pairs


def _change(table: str, row: dict, change: str, field: str, old: str, new: str) -> dict:
    return {"table": table, "row_id": row["row_id"], "change": change, "field": field, "old": old, "new": new,
            "article_id": row.get("article_id", ""), "surface": _surface(row)}


def diff_outputs(old_dir: str | os.PathLike, new_dir: str | os.PathLike,
                 tables: tuple[str, ...] = DIFF_TABLES) -> pd.DataFrame:
    """Every row added, removed or changed from ``old_dir`` to ``new_dir`` (:data:`CHANGE_COLUMNS`), in
    the order of ``tables``, then removed, added, changed, each in the folders' row order. Raises
    :class:`DiffError` when a folder holds no tables."""
    old_tables, new_tables = tables_dir(old_dir), tables_dir(new_dir)
    rows = []
    for table in tables:
        old, new = read_table(old_tables, table), read_table(new_tables, table)
        if old is None and new is None:
            continue
        rows += _table_changes(table, old, new, old_tables, new_tables)
    rows.sort(key=lambda r: (tables.index(r["table"]), _ORDER[r["change"]]))  # stable: folder order within
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS).astype(str)
