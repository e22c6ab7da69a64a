"""Every chart stays legible as the corpus grows: no two texts overlap, no label shows a missing value.

The corpus is generated (tests/corpus_generator.py: hundreds of articles, two dozen countries,
thirty years, gaps on purpose) and extracted once per size; each chart the report draws is drawn
from its tables and measured the way ../shared/chart-audit does (every drawn text's box on the
canvas), more strictly: no two boxes may overlap at all (the audit allows 15 % of the smaller box).
"""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from analysis.charts import (claimed_vs_reference_chart, combined_chart, map_figure, save_figure,  # noqa: E402
                             sipri_series_chart, timeline_figure)
from analysis.charts.labels import legibility, missing_value_texts, overlapping_texts, place_labels  # noqa: E402
from analysis.report.artifacts import CHARTS, available_charts  # noqa: E402
from analysis.tables import build_tables  # noqa: E402
from corpus_generator import write_corpus  # noqa: E402  (tests/ is on the path: no __init__.py)

SIZES = (40, 300)


@pytest.fixture(scope="module", params=SIZES, ids=[f"{n}-articles" for n in SIZES])
def tables(request, tmp_path_factory):
    folder = write_corpus(tmp_path_factory.mktemp(f"corpus{request.param}"), n=request.param)
    return build_tables(folder)


def _holes(frame: pd.DataFrame, columns: list[str], every: int = 5) -> pd.DataFrame:
    """``frame`` with every ``every``-th value of ``columns`` missing, as real extraction leaves them."""
    frame = frame.copy()
    for column in columns:
        if column in frame:
            frame[column] = frame[column].astype(object).where(np.arange(len(frame)) % every != 0, None)
    return frame


def _legible(fig: Figure) -> None:
    measured = legibility(fig, share=0.0)  # stricter than the audit's 15 %: no two boxes may touch at all
    overlaps, missing = measured["overlaps"], measured["missing"]
    assert not overlaps, f"{len(overlaps)} overlapping text pairs, e.g. {overlaps[:3]}"
    assert not missing, f"labels showing a missing value: {missing[:3]}"


def test_the_corpus_is_large_and_varied(tables):
    claims = tables["budget_check"]
    assert len(tables["articles"]) in SIZES
    if len(tables["articles"]) >= 300:
        assert claims["actor"].nunique() >= 20 and pd.to_numeric(claims["year"], errors="coerce").nunique() >= 20
        assert claims["year"].isna().any() and len(tables["events"]) > 100


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_report_chart_is_legible(tables, name):
    func, inputs = available_charts(tables)[name]
    _legible(func(**{arg: tables[t] for arg, t in inputs.items()}))


def test_charts_stay_legible_with_holes_in_the_tables(tables):
    check = _holes(tables["budget_check"], ["year", "actor", "surface", "year_basis", "reference_source"])
    events = _holes(tables["events"], ["name", "month", "domain", "status", "places", "first_surface", "kind"])
    combined = _holes(tables["combined_check"], ["year", "reference_source", "reference_ratio"])
    for fig in (claimed_vs_reference_chart(check), combined_chart(combined), sipri_series_chart(claims=check),
                sipri_series_chart(claims=check, years=(1995, 2024)), timeline_figure(events), map_figure(events)):
        _legible(fig)


def test_the_notebook_variants_are_legible(tables):
    """The notebooks' choices: a wider year range and a few countries asked for by name."""
    _legible(sipri_series_chart(claims=tables["budget_check"], years=(2015, 2024)))
    _legible(sipri_series_chart(claims=tables["budget_check"], countries=["CHN", "RUS", "USA"], years=(2015, 2024)))
    few = tables["budget_check"][tables["budget_check"]["actor"].isin(["CHN", "RUS"])]
    _legible(claimed_vs_reference_chart(few))


@pytest.mark.parametrize("table", ["figures", "budget_check", "exercises"])
def test_the_explorers_charts_are_legible(tables, table):
    from analysis.explore import table_chart

    _legible(table_chart(table, tables[table]))


def test_a_large_chart_is_still_byte_for_byte_reproducible(tables, tmp_path):
    if len(tables["articles"]) < max(SIZES):
        pytest.skip("drawn once, on the largest corpus")
    a = save_figure(claimed_vs_reference_chart(tables["budget_check"]), tmp_path / "a.svg")
    b = save_figure(claimed_vs_reference_chart(tables["budget_check"]), tmp_path / "b.svg")
    assert a.read_bytes() == b.read_bytes()


def test_the_measure_finds_overlaps_and_missing_values():
    fig = Figure(figsize=(3, 2))
    ax = fig.add_subplot()
    ax.text(0.5, 0.5, "one label")
    ax.text(0.52, 0.5, "another label")
    ax.text(0.1, 0.1, "year <NA>")
    assert ("one label", "another label") in overlapping_texts(fig)
    assert missing_value_texts(fig) == ["year <NA>"]


def test_labels_that_find_no_room_are_left_out_not_stacked():
    fig = Figure(figsize=(2, 1.5))
    ax = fig.add_subplot()
    ax.set_xlim(0, 1), ax.set_ylim(0, 1)
    labels = [(0.5, 0.5, f"label {i}") for i in range(30)]
    placed, dropped = place_labels(ax, labels)
    assert placed and dropped and len(placed) + len(dropped) == 30
    assert [t.get_text() for t in placed] == [label[2] for label in labels[:len(placed)]]  # first come, first placed
    assert overlapping_texts(fig) == []
