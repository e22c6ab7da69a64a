"""The data dictionary: one row per column of every output table (table, column, type, unit, meaning).

It lives in ``analysis/data_dictionary.csv``, the one place a column is defined; every report run
writes the rows for the tables it wrote, and the tests check that every written column has a row
and every row names a column that exists (docs match code).

>>> import pandas as pd
>>> undocumented({"problems": pd.DataFrame(columns=["path", "problem", "detail", "extra"])})
[('problems', 'extra')]
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

import pandas as pd

__all__ = ["DICTIONARY_PATH", "DICTIONARY_COLUMNS", "TYPES", "load_dictionary", "undocumented", "dictionary_for",
           "write_dictionary"]

DICTIONARY_PATH = Path(__file__).resolve().parent.parent / "data_dictionary.csv"
DICTIONARY_COLUMNS = ["table", "column", "type", "unit", "meaning"]
# The types a column may be declared as, and what each means in the CSV.
TYPES = {
    "string": "text",
    "integer": "whole number",
    "float": "decimal number",
    "boolean": "True or False",
    "date": "ISO 8601 date, as precise as known: YYYY-MM-DD, YYYY-MM or YYYY",
}


def load_dictionary(path: str | os.PathLike = DICTIONARY_PATH) -> pd.DataFrame:
    """The data dictionary as a DataFrame (empty units as empty strings)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def undocumented(tables: Mapping[str, pd.DataFrame], dictionary: pd.DataFrame | None = None) -> list[tuple[str, str]]:
    """``(table, column)`` pairs of the given tables that the dictionary does not define."""
    dictionary = load_dictionary() if dictionary is None else dictionary
    known = set(zip(dictionary["table"], dictionary["column"]))
    return [(name, column) for name, frame in tables.items() for column in frame.columns
            if (name, column) not in known]


def dictionary_for(tables: Mapping[str, pd.DataFrame], dictionary: pd.DataFrame | None = None) -> pd.DataFrame:
    """The dictionary rows for the given tables, in table order and then each table's column order.

    A column the dictionary lacks still gets a row, with its meaning ``(undocumented)``.
    """
    dictionary = load_dictionary() if dictionary is None else dictionary
    rows = {(r.table, r.column): r for r in dictionary.itertuples(index=False)}
    out = []
    for name, frame in tables.items():
        for column in frame.columns:
            row = rows.get((name, column))
            out.append(row._asdict() if row else {"table": name, "column": column, "type": "", "unit": "",
                                                  "meaning": "(undocumented)"})
    return pd.DataFrame(out, columns=DICTIONARY_COLUMNS)


def write_dictionary(tables: Mapping[str, pd.DataFrame], path: str | os.PathLike) -> Path:
    """Write the dictionary rows for ``tables`` as CSV at ``path``."""
    path = Path(path)
    dictionary_for(tables).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path
