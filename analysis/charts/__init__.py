"""Charts: tables in, a matplotlib ``Figure`` out; ``save_figure`` writes it byte-for-byte reproducibly.

Every chart uses one fixed style (:mod:`analysis.charts.style`: DejaVu Sans, which ships with
matplotlib; fixed sizes and colours), names its units in the axis title and its sources in a
footnote. Figures are built with ``matplotlib.figure.Figure`` (no pyplot state), so they work under
any backend, Agg included. One module per chart family:

* :mod:`~analysis.charts.budgets` - :func:`claimed_vs_reference_chart` (``budget_check``: claims
  against the reference series) and :func:`combined_chart` (``combined_check``);
* :mod:`~analysis.charts.sipri` - :func:`sipri_series_chart`, SIPRI's series with the claims on it;
* :mod:`~analysis.charts.timeline` - :func:`timeline_figure`, the exercises over time;
* :mod:`~analysis.charts.maps` - :func:`map_figure`, where the exercises took place;
* :mod:`~analysis.charts.labels` - labels placed where they collide with nothing (deterministic),
  and the measure of a drawn figure the legibility tests use.

Each chart aggregates as the data grows (bars while claims are few, one panel per country past
that; one timeline row per event while few, per series past that) and labels only what has room.

>>> import pandas as pd
>>> from analysis.reference.checks import budget_check
>>> figures = pd.DataFrame({"article_id": ["000"], "start": [0], "end": [4], "surface": ["$604"],
...     "metric": ["defence_budget"], "actor": ["CHN"], "value_usd": [604e9], "year": [None]})
>>> fig = claimed_vs_reference_chart(budget_check(figures, pd.DataFrame({"article_id": ["000"],
...     "published": ["2021-11-24"]})))
>>> fig.axes[0].get_ylabel()
'Defence spending, US$ billions (current)'
"""
from analysis.charts.budgets import claimed_vs_reference_chart, combined_chart
from analysis.charts.maps import coastlines, event_points, map_figure
from analysis.charts.sipri import sipri_series_chart
from analysis.charts.style import DOMAIN_COLOURS, STATUS_MARKERS, STYLE, quoted, save_figure
from analysis.charts.timeline import timeline_figure

__all__ = ["DOMAIN_COLOURS", "STATUS_MARKERS", "STYLE", "claimed_vs_reference_chart", "coastlines",
           "combined_chart", "event_points", "map_figure", "quoted", "save_figure", "sipri_series_chart",
           "timeline_figure"]
