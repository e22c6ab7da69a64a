"""Exercise timeline and offline map: tables in, Figure out, same bytes every time, no network."""
from __future__ import annotations

import socket

import pandas as pd
import pytest
from matplotlib.collections import PathCollection

from analysis.charts import save_figure
from analysis.charts import coastlines, event_points, map_figure, timeline_figure

EVENTS = pd.DataFrame({
    "event_id": ["e1", "e2", "e3"], "name": ["Joint Sea-2021", "Zapad/Interaction-2021", "Vostok 2018"],
    "year": [2021, 2021, 2018], "month": [10, 8, None], "domain": ["naval", "land", "land"],
    "status": ["conducted", "conducted", "planned"], "places": ["Sea of Japan", "Ningxia;Atlantis", "Tsugol"],
    "n_articles": [1, 2, 1]})
GAZETTEER = pd.DataFrame({"name": ["Sea of Japan", "Ningxia", "Tsugol"], "lat": [40.0, 38.5, 50.8],
                          "lon": [135.0, 106.0, 115.5]})


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a chart tried to reach the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_timeline_rows_are_events_earliest_first_with_corroboration():
    fig = timeline_figure(EVENTS)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Vostok 2018 (1 article)", "Zapad/Interaction-2021 (2 articles)", "Joint Sea-2021 (1 article)"]
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["domain", "land", "naval", "status", "conducted", "planned"]


def test_an_event_without_a_stated_year_sits_hollow_at_its_reports_year_labelled_by_its_words():
    events = pd.DataFrame({"event_id": ["e1", "e2"], "name": ["", "Vostok-2018"], "first_surface": [
        "joint naval patrols in the northwest Pacific", "Vostok-2018"], "year": [None, 2018],
        "year_inferred": [2021, 2018], "month": [None, 9], "domain": ["naval", "land"],
        "status": ["planned", "conducted"], "n_articles": [1, 3]})
    fig = timeline_figure(events)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Vostok-2018 (3 articles)", "“joint naval patrols in the northwest Pacific” (1 article)"]
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    hollow = next(c for c in points if tuple(c.get_facecolor()[0]) == (1.0, 1.0, 1.0, 1.0))
    filled = next(c for c in points if c is not hollow)
    assert hollow.get_offsets()[0][0] == 2021.5  # the report's year, mid-year
    assert tuple(filled.get_facecolor()[0]) != (1.0, 1.0, 1.0, 1.0) and filled.get_offsets()[0][0] < 2019
    assert ax.get_xlim()[0] < 2018.5 < 2021.5 < ax.get_xlim()[1]
    assert "hollow" in ax.get_xlabel()


def test_map_places_come_from_the_gazetteer_and_unknown_places_are_left_out():
    points = event_points(EVENTS, GAZETTEER)
    assert points["place"].tolist() == ["Ningxia", "Sea of Japan", "Tsugol"]
    assert "Atlantis" not in set(points["place"])


def test_map_is_drawn_offline_and_reproducibly(tmp_path, no_network):
    assert len(coastlines()) > 500
    a = save_figure(map_figure(EVENTS, GAZETTEER), tmp_path / "a.svg")
    b = save_figure(map_figure(EVENTS, GAZETTEER), tmp_path / "b.svg")
    assert a.read_bytes() == b.read_bytes()
    fig = map_figure(EVENTS, GAZETTEER)
    west, east = fig.axes[0].get_xlim()
    assert west < 106.0 and east > 135.0


def test_empty_tables_give_a_chart_that_says_so():
    empty = EVENTS.iloc[0:0]
    assert any("no dated exercises" in t.get_text() for t in timeline_figure(empty).axes[0].texts)
    assert any("no event places" in t.get_text() for t in map_figure(empty, GAZETTEER).axes[0].texts)


def test_a_long_timeline_ticks_by_decades_and_groups_many_events_by_series():
    from analysis.charts.labels import legibility

    years = list(range(1970, 2026))
    events = pd.DataFrame({
        "event_id": [f"e{i}" for i in range(len(years) * 2)],
        "name": [f"Joint Sea-{y}" for y in years] + [None] * len(years),
        "kind": ["exercise"] * len(years) + ["patrol"] * len(years),
        "year": years + years, "month": [None, 7] * len(years),
        "domain": ["naval"] * len(years) + [None] * len(years),
        "status": ["conducted"] * (2 * len(years)), "n_articles": [1, 2] * len(years)})
    fig = timeline_figure(events)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Joint Sea (56 events, 84 reports)",
                                                            "unnamed patrols (56 events, 84 reports)"]
    ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert len(ticks) <= 8 and all(t % 10 == 0 for t in ticks)  # decades, not 56 year labels
    measured = legibility(fig, share=0.0)
    assert measured["overlaps"] == [] and measured["missing"] == []


def test_the_map_wraps_at_the_date_line_and_labels_each_place_once():
    events = pd.DataFrame({"event_id": ["a", "b", "c"], "name": ["x", "y", "z"], "domain": ["naval"] * 3,
                           "status": ["conducted"] * 3, "places": ["Bering Sea", "Sea of Japan", "Sea of Japan"]})
    gazetteer = pd.DataFrame({"name": ["Bering Sea", "Sea of Japan"], "lat": [58.0, 40.0], "lon": [-178.0, 135.0]})
    fig = map_figure(events, gazetteer)
    west, east = fig.axes[0].get_xlim()
    assert 120 < west and east < 200 and east - west < 100  # the Pacific, not the whole world
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["Bering Sea", "Sea of Japan (2)"]
