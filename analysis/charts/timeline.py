"""The exercise timeline: the events table in, a matplotlib ``Figure`` out.

>>> import pandas as pd
>>> events = pd.DataFrame({"event_id": ["e1"], "name": ["Joint Sea"], "year": [2021], "month": [8],
...     "domain": ["naval"], "status": ["conducted"], "places": ["Sea of Japan"], "n_articles": [2]})
>>> fig = timeline_figure(events)
>>> fig.axes[0].get_yticklabels()[0].get_text()
'Joint Sea (2 articles)'
"""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.style import _colour, _legends, _marker, _style, quoted

__all__ = ["timeline_figure"]


def _when(year, month) -> float | None:
    """A fractional year for plotting: the middle of the month, or of the year when no month is known."""
    if year is None or pd.isna(year):
        return None
    if month is None or pd.isna(month):
        return int(year) + 0.5
    return int(year) + (int(month) - 0.5) / 12


def _label(row) -> str:
    """The event's name, else the words of its first mention (else kind and places), and its corroboration."""
    n = getattr(row, "n_articles", None)
    name = getattr(row, "name", None)
    if not isinstance(name, str) or not name:
        surface = getattr(row, "first_surface", None)
        places = str(getattr(row, "places", "") or "").replace(";", ", ")
        if isinstance(surface, str) and surface:
            name = f"“{surface}”"
        else:
            name = f"{getattr(row, 'kind', None) or 'event'}: {places}" if places else \
                f"{getattr(row, 'kind', None) or 'event'} ({getattr(row, 'event_id', '')})"
    suffix = f" ({int(n)} article{'s' if int(n) != 1 else ''})" if n is not None and not pd.isna(n) else ""
    return quoted(textwrap.shorten(name, 48, placeholder="…")) + suffix


def _event_years(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each event's year for plotting (stated, else ``year_inferred``) and whether it was stated."""
    stated = pd.to_numeric(events.get("year", pd.Series(index=events.index, dtype=float)), errors="coerce")
    inferred = pd.to_numeric(events.get("year_inferred", pd.Series(index=events.index, dtype=float)), errors="coerce")
    return stated.fillna(inferred), stated.notna()


def timeline_figure(events: pd.DataFrame, title: str = "Exercises and patrols over time") -> Figure:
    """Events by year and month: one row each (earliest at the top), colour = domain, marker = status.

    An event known only to the year sits mid-year with a horizontal bar spanning the year; an
    event whose year the text does not state is placed at its reporting article's year
    (``year_inferred``) with a hollow marker. The label gives the event's name (or kind and
    places) and how many articles report it (corroboration).
    """
    with _style():
        year, stated = _event_years(events)
        month = events.get("month", pd.Series(index=events.index, dtype=float))
        rows = events.assign(year_=year, stated_=stated, when_=[_when(y, m) for y, m in zip(year, month)])
        rows = rows.dropna(subset=["when_"]).sort_values(["when_", "name" if "name" in rows else "when_"], kind="stable")
        height = max(3.2, 0.8 + 0.32 * len(rows))
        fig = Figure(figsize=(9.0, height))
        ax = fig.add_axes((0.34, 0.8 / height + 0.05, 0.44, 1 - (0.8 / height + 0.05) - 0.45 / height))
        ax.set_title(title, loc="left")
        if rows.empty:
            ax.text(0.5, 0.5, "no dated exercises", ha="center", va="center", transform=ax.transAxes, color="#666666")
            ax.set_xticks([]), ax.set_yticks([])
            return fig
        ys = np.arange(len(rows))[::-1]
        for y, row in zip(ys, rows.itertuples(index=False)):
            colour = _colour(row.domain)
            if getattr(row, "month", None) is None or pd.isna(getattr(row, "month", None)):
                ax.plot([int(row.year_), int(row.year_) + 1], [y, y], color=colour, alpha=0.35, lw=3,
                        linestyle="-" if row.stated_ else ":")
            ax.scatter([row.when_], [y], marker=_marker(row.status), s=48, color=colour if row.stated_ else "white",
                       edgecolors=colour if not row.stated_ else "#333333", linewidths=0.5 if row.stated_ else 1.4,
                       zorder=3)
        ax.set_yticks(ys, [_label(r) for r in rows.itertuples(index=False)], fontsize=8)
        first, last = int(np.floor(rows["when_"].min())), int(np.floor(rows["when_"].max())) + 1
        ax.set_xlim(first - 0.1, last + 0.1)
        ax.set_xticks(range(first, last + 1))
        ax.set_xlabel("year (point: mid-month; bar: dated only to the year; hollow: year of the report, not stated)")
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.grid(axis="y", visible=False)
        _legends(ax, sorted({str(d) or "unknown" for d in rows["domain"].fillna("")}),
                 sorted({str(s) for s in rows["status"].dropna()}))
        fig.text(0.01, 0.01, "Source: exercise mentions extracted from the corpus, merged into events (events.csv).",
                 fontsize=7, color="#444444")
    return fig

