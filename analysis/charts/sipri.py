"""SIPRI's series per country, the articles' claims overlaid at their year."""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from analysis.charts.budgets import _sipri_first_published
from analysis.charts.labels import obstacles, place_labels

from analysis.charts.style import (_COUNTRY_COLOURS, _FALLBACK_COLOURS, _UNITS_SIPRI, _bn, _footnote, _name,
                                   _new_figure, _short_id, _style)

__all__ = ["sipri_series_chart", "MAX_SERIES", "MAX_CLAIM_LABELS"]

#: Most countries drawn when none are asked for (those with most claims); the rest are named in the footnote.
MAX_SERIES = 6
#: Most claims labelled (the furthest from SIPRI first); a label with no free spot is left out.
MAX_CLAIM_LABELS = 10
# Value at a line's end: right of the last point, else just above or below it.
_END_SPOTS = ((5, 0, "left", "center"), (5, 8, "left", "bottom"), (5, -8, "left", "top"))
# A claim's label: left of its diamond first (the line runs on to the right), then around it.
_CLAIM_SPOTS = ((-8, 0, "right", "center"), (8, 0, "left", "center"), (-8, 9, "right", "bottom"),
                (-8, -9, "right", "top"), (8, 9, "left", "bottom"), (8, -9, "left", "top"),
                (0, 12, "center", "bottom"), (0, -12, "center", "top"), (-12, 20, "right", "bottom"),
                (-12, -20, "right", "top"), (12, 20, "left", "bottom"), (12, -20, "left", "top"))


# ---- SIPRI series -----------------------------------------------------------------------------------------------

def sipri_series_chart(reference: pd.DataFrame | None = None, claims: pd.DataFrame | None = None,
                       countries: list[str] | None = None, years: tuple[int, int] = (2019, 2024),
                       title: str = "SIPRI military expenditure, with the articles' claims") -> Figure:
    """SIPRI's series per country over ``years``, the claims (a ``budget_check`` table) overlaid at their year.

    ``reference`` defaults to :func:`analysis.reference.series.reference_series`; each year is drawn as
    SIPRI first published it, the value the budget checks and the claims chart compare with (the footnote
    says so). ``countries`` defaults to the claims' actors (else the US, China and Russia).
    """
    sipri = _sipri_first_published(reference)
    sipri = sipri[sipri.year.between(*years)]
    points = pd.DataFrame({"article_id": pd.Series(dtype=object), "start": pd.Series(dtype=float),
                           "actor": pd.Series(dtype=object), "claimed_usd": pd.Series(dtype=float),
                           "year": pd.Series(dtype=float), "surface": pd.Series(dtype=object)})
    if claims is not None and len(claims):
        points = claims.dropna(subset=["claimed_usd", "year"]).drop_duplicates(["article_id", "start", "actor"])
    if countries is None:
        counts = points[points.actor.isin(set(sipri.country) - {"WLD"})].groupby("actor", sort=False).size()
        ranked = sorted(counts.index, key=lambda c: -counts[c])  # most claims first, else first mentioned
        countries = ranked[:MAX_SERIES] or ["USA", "CHN", "RUS"]
        left_out = ranked[MAX_SERIES:]
    else:
        left_out = []
    releases = sorted(set(sipri[sipri.country.isin(countries)].release))
    notes = [f"Source: SIPRI fact sheets 'Trends in World Military Expenditure', {years[0]}–{years[1]} "
             f"({releases[0]} to {releases[-1]}" if releases else "Source: SIPRI (no values in range",
             ]
    notes[0] += "; each year as first published, the April after it), current US$ at market exchange rates."
    notes.append("Diamonds: defence-budget figures claimed in the articles, at the figure's year "
                 "(else the publication year). Hollow points: SIPRI estimates.")
    year = pd.to_numeric(points["year"], errors="coerce")
    shown = points[points.actor.isin(countries) & year.between(*years)].assign(year_=year)
    value_at = {(r.country, int(r.year)): r.value_usd for r in sipri.itertuples(index=False)}
    distance = [abs(np.log(p.claimed_usd / value_at[(p.actor, int(p.year_))]))
                if (p.actor, int(p.year_)) in value_at and p.claimed_usd > 0 else 0.0
                for p in shown.itertuples(index=False)]
    shown = shown.assign(distance=distance).sort_values(["distance", "article_id", "start"],
                                                        ascending=[False, True, True], kind="stable")
    with _style():
        fig, ax = _new_figure(len(notes) + 2, right=0.8)
        fallback = iter(_FALLBACK_COLOURS)
        colours = {c: _COUNTRY_COLOURS.get(c) or next(fallback, "#666666") for c in countries}
        ends = []
        for country in countries:
            line = sipri[sipri.country == country]
            if line.empty:
                continue
            colour = colours[country]
            ax.plot(line.year, line.value_usd / 1e9, color=colour, linewidth=1.8, marker="o", markersize=4,
                    label=f"{_name(country)} (SIPRI)", zorder=2)
            est = line[line.is_estimate]
            ax.plot(est.year, est.value_usd / 1e9, linestyle="none", marker="o", markersize=5,
                    markerfacecolor="white", markeredgecolor=colour, zorder=3)
            last = line.iloc[-1]
            ends.append((last.year, last.value_usd / 1e9, _bn(last.value_usd), colour))
        for pt in shown.itertuples(index=False):
            colour = colours.get(pt.actor, "#666666")
            ax.plot([int(pt.year_)], [pt.claimed_usd / 1e9], linestyle="none", marker="D", markersize=7,
                    color=colour, markeredgecolor="black", markeredgewidth=0.6, zorder=4)
        if len(shown):  # a neutral legend entry for the claims, whatever their colour
            ax.plot([], [], linestyle="none", marker="D", markersize=7, color="#bbbbbb", markeredgecolor="black",
                    markeredgewidth=0.6, label="claimed in an article")
        step = max(1, -(-(years[1] - years[0] + 1) // 12))
        ax.set_xticks(range(years[0], years[1] + 1, step))
        ax.set_xlim(years[0] - 0.6, years[1] + 0.9)
        drawn = [v for v in [*(e[1] for e in ends), *(shown["claimed_usd"] / 1e9)] if v > 0]
        if drawn and max(drawn) > 30 * min(drawn):  # a tenfold spread and more: a log axis keeps the small visible
            ax.set_yscale("log")
            ax.yaxis.set_major_locator(LogLocator(subs=(1, 2, 5), numticks=12))
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:,.0f}" if v >= 1 else f"{v:g}"))
            ax.yaxis.set_minor_formatter(NullFormatter())
            ax.set_ylabel(_UNITS_SIPRI + ", log scale")
        else:
            ax.set_ylim(bottom=0)
            ax.set_ylabel(_UNITS_SIPRI)
        ax.set_xlabel("Year")
        ax.set_title(title)
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(handles, [textwrap.fill(label, 24) for label in labels], loc="upper left",
                  bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        diamonds = [(int(p.year_), p.claimed_usd / 1e9) for p in shown.itertuples(index=False)]
        taken = obstacles(fig)
        place_labels(ax, ends, spots=_END_SPOTS, fontsize=7.5, markers=diamonds, taken=taken)
        labels = [(int(p.year_), p.claimed_usd / 1e9,
                   f"{_name(p.actor)} claimed {_bn(p.claimed_usd)} ({_short_id(p.article_id)})",
                   colours.get(p.actor, "#666666")) for p in shown.head(MAX_CLAIM_LABELS).itertuples(index=False)]
        placed, _ = place_labels(ax, labels, spots=_CLAIM_SPOTS, fontsize=7, taken=taken,
                                 bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none",
                                       "alpha": 0.8})
        unlabelled = len(shown) - len(placed)
        extra = []
        if unlabelled:
            extra.append(f"{unlabelled} of {len(shown)} claims unlabelled (labelled: the furthest from SIPRI, "
                         "where there is room); every claim is in budget_check.csv.")
        if left_out:
            extra.append(f"Not drawn: claims about {len(left_out)} more countries "
                         f"({', '.join(_name(c) for c in left_out)}).")
        outside = int((points.actor.isin(countries) & ~year.between(*years)).sum())
        if outside:
            extra.append(f"{outside} claims outside {years[0]}–{years[1]} not drawn.")
        _footnote(fig, notes + extra)
    return fig
