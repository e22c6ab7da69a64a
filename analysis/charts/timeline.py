"""The exercise timeline: the events table in, a matplotlib ``Figure`` out.

>>> import pandas as pd
>>> events = pd.DataFrame({"event_id": ["e1"], "name": ["Joint Sea"], "year": [2021], "month": [8],
...     "domain": ["naval"], "status": ["conducted"], "places": ["Sea of Japan"], "n_articles": [2]})
>>> fig = timeline_figure(events)
>>> fig.axes[0].get_yticklabels()[0].get_text()
'Joint Sea (2 articles)'
"""
from __future__ import annotations

import re
import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from analysis.charts.style import _colour, _legends, _marker, _style, quoted

__all__ = ["timeline_figure", "MAX_EVENT_ROWS", "MAX_SERIES_ROWS"]


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


#: Up to this many events, one row each; past it, one row per series (a named exercise's editions together).
MAX_EVENT_ROWS = 30
#: Most series rows; the smaller series beyond it share one last row.
MAX_SERIES_ROWS = 30
_EDITION = re.compile(r"[\s\-–/]*'?(?:19|20)?\d{2}$")


def _series(row) -> str:
    """The series an event belongs to: its name without the edition year, else unnamed events by kind and domain.

    >>> import collections; Row = collections.namedtuple("Row", "name kind domain")
    >>> _series(Row("Joint Sea-2021", "exercise", "naval")), _series(Row("", "patrol", "air"))
    ('Joint Sea', 'unnamed patrols (air)')
    """
    name = getattr(row, "name", None)
    if isinstance(name, str) and name.strip():
        return _EDITION.sub("", name.strip()) or name.strip()
    kind = getattr(row, "kind", None)
    kind = kind if isinstance(kind, str) and kind else "event"
    domain = getattr(row, "domain", None)
    return f"unnamed {kind}s" + (f" ({domain})" if isinstance(domain, str) and domain else "")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _time_axis(ax, first: float, last: float) -> None:
    """Years on the x axis, ticks chosen by a locator: every year when short, every 2, 5 or 10 when long."""
    ax.set_xlim(np.floor(first) - 0.3, np.floor(last) + 1.3)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=7, integer=True, steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{int(v)}"))


def _draw_events(ax, rows: pd.DataFrame, ys) -> None:
    """Each event a marker at its time on its row (colour = domain, marker = status, hollow = year not stated);
    an event dated only to the year also gets a faint bar across the year. Drawn in batches of one look."""
    frame = rows.assign(y_=ys)
    undated_month = frame[frame["month"].isna()] if "month" in frame else frame
    for colour, group in undated_month.groupby(undated_month["domain"].map(_colour), sort=True):
        for stated, part in group.groupby("stated_", sort=True):
            ax.hlines(part["y_"], part["year_"].astype(int), part["year_"].astype(int) + 1, color=colour, alpha=0.35,
                      lw=3, linestyles="-" if stated else ":")
    looks = frame.assign(colour_=frame["domain"].map(_colour), marker_=frame["status"].map(_marker))
    for (colour, marker, stated), part in looks.groupby(["colour_", "marker_", "stated_"], sort=True):
        ax.scatter(part["when_"], part["y_"], marker=marker, s=48, color=colour if stated else "white",
                   edgecolors="#333333" if stated else colour, linewidths=0.5 if stated else 1.4, zorder=3)


def timeline_figure(events: pd.DataFrame, title: str = "Exercises and patrols over time") -> Figure:
    """Events by year and month, colour = domain, marker = status, earliest at the top.

    Up to :data:`MAX_EVENT_ROWS` events, one row each, labelled with the event's name (or its
    words, else kind and places) and how many articles report it (corroboration). More: one row per
    series (``Joint Sea-2019`` and ``Joint Sea 2021`` together; unnamed events by kind and domain),
    labelled with its events and articles; past :data:`MAX_SERIES_ROWS` series the smallest share
    a last row. Ticks are chosen by a locator (decades when the span is long). An event known only
    to the year sits mid-year with a bar across it; one whose year the text does not state sits
    hollow at its reporting article's year (``year_inferred``).
    """
    with _style():
        year, stated = _event_years(events)
        month = events.get("month", pd.Series(index=events.index, dtype=float))
        rows = events.assign(year_=year, stated_=stated, when_=[_when(y, m) for y, m in zip(year, month)])
        if "month" not in rows:
            rows = rows.assign(month=pd.NA)
        if "domain" not in rows:
            rows = rows.assign(domain="")
        rows = rows.dropna(subset=["when_"]).sort_values(["when_", "name" if "name" in rows else "when_"], kind="stable")
        grouped = len(rows) > MAX_EVENT_ROWS
        if grouped:
            rows = rows.assign(series_=[_series(r) for r in rows.itertuples(index=False)])
            sizes = rows.groupby("series_", sort=False).size()
            order = sorted(sizes.index, key=lambda k: (-sizes[k], k))
            if len(order) > MAX_SERIES_ROWS:
                small = set(order[MAX_SERIES_ROWS - 1:])
                rows["series_"] = rows["series_"].where(~rows["series_"].isin(small),
                                                        f"{len(small)} smaller series")
            first_seen = rows.groupby("series_", sort=False)["when_"].min()
            names = sorted(first_seen.index, key=lambda k: (k.endswith("smaller series"), first_seen[k], k))
        n_rows = len(names) if grouped else len(rows)
        height = max(3.2, 1.3 + 0.32 * n_rows)
        fig = Figure(figsize=(9.0, height))
        bottom = 1.25 / height
        ax = fig.add_axes((0.34, bottom, 0.44, 1 - bottom - 0.45 / height))
        ax.set_title(title, loc="left")
        if rows.empty:
            ax.text(0.5, 0.5, "no dated exercises", ha="center", va="center", transform=ax.transAxes, color="#666666")
            ax.set_xticks([]), ax.set_yticks([])
            return fig
        if grouped:
            position = {name: len(names) - 1 - i for i, name in enumerate(names)}
            _draw_events(ax, rows, rows["series_"].map(position).to_numpy())
            articles = rows.groupby("series_")["n_articles"].sum() if "n_articles" in rows else None
            counts = rows.groupby("series_").size()
            labels = [quoted(textwrap.shorten(name, 40, placeholder="…")) + f" ({_plural(counts[name], 'event')}"
                      + (f", {_plural(int(articles[name]), 'report')})" if articles is not None else ")")
                      for name in names]
            ax.set_yticks([position[n] for n in names], labels, fontsize=8)
        else:
            ys = np.arange(len(rows))[::-1]
            _draw_events(ax, rows, ys)
            ax.set_yticks(ys, [_label(r) for r in rows.itertuples(index=False)], fontsize=8)
        _time_axis(ax, rows["when_"].min(), rows["when_"].max())
        ax.set_xlabel("year (point: mid-month; bar: dated only to the year;\nhollow: year of the report, not stated)")
        ax.set_ylim(-0.7, n_rows - 0.3)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.grid(axis="y", visible=False)
        _legends(ax, sorted({str(d) or "unknown" for d in rows["domain"].fillna("")}),
                 sorted({str(s) for s in rows["status"].dropna()}))
        source = "Source: exercise mentions extracted from the corpus, merged into events (events.csv)."
        if grouped:
            source += (f" {len(rows)} dated events in {n_rows} rows, one per series (a named exercise's editions "
                       "together; unnamed events by kind and domain); reports = articles summed over the events.")
        fig.text(0.01, 0.01, textwrap.fill(source, 150), fontsize=7, color="#444444")
    return fig
