"""The data dictionary defines every column of every table the report writes, and nothing else."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.report.dictionary import DICTIONARY_COLUMNS, TYPES, dictionary_for, load_dictionary, undocumented
from analysis.tables import build_tables

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tables():
    return build_tables(ROOT / "seeds")


def test_every_written_column_is_in_the_dictionary(tables):
    assert undocumented(tables) == [], "add these columns to analysis/data_dictionary.csv"


def test_every_dictionary_row_names_a_column_that_exists(tables):
    dictionary = load_dictionary()
    stale = [(t, c) for t, c in zip(dictionary["table"], dictionary["column"])
             if t in tables and c not in tables[t].columns]
    assert stale == [], "these rows of analysis/data_dictionary.csv name columns no table has"
    assert set(dictionary["table"]) <= set(tables), "rows for a table nobody writes"


def test_dictionary_rows_are_complete_and_unique():
    dictionary = load_dictionary()
    assert list(dictionary.columns) == DICTIONARY_COLUMNS
    assert not dictionary.duplicated(["table", "column"]).any()
    assert set(dictionary["type"]) <= set(TYPES), "types must be one of analysis.report.dictionary.TYPES"
    assert (dictionary["meaning"].str.len() > 10).all(), "every column needs a meaning"


def test_declared_types_match_the_data(tables):
    dictionary = load_dictionary()
    kinds = {"integer": "iu", "float": "fiu", "boolean": "b"}
    for row in dictionary.itertuples(index=False):
        if row.table not in tables or row.type not in kinds:
            continue
        column = tables[row.table][row.column].dropna()
        if column.empty or column.dtype == object:
            continue
        assert column.dtype.kind in kinds[row.type], f"{row.table}.{row.column} is {column.dtype}, not {row.type}"


def test_dictionary_for_marks_unknown_columns():
    rows = dictionary_for({"problems": pd.DataFrame(columns=["path", "mystery"])})
    assert rows["meaning"].tolist()[1] == "(undocumented)"
    assert rows["table"].tolist() == ["problems", "problems"]
