"""SIPRI's series per country, the articles' claims overlaid at their year."""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.style import (_COUNTRY_COLOURS, _FALLBACK_COLOURS, _UNITS_SIPRI, _bn, _footnote, _name,
                                   _new_figure, _short_id, _style)

__all__ = ["sipri_series_chart"]


# ---- SIPRI series -----------------------------------------------------------------------------------------------

def sipri_series_chart(reference: pd.DataFrame | None = None, claims: pd.DataFrame | None = None,
                       countries: list[str] | None = None, years: tuple[int, int] = (2019, 2024),
                       title: str = "SIPRI military expenditure, with the articles' claims") -> Figure:
    """SIPRI's series per country over ``years``, the claims (a ``budget_check`` table) overlaid at their year.

    ``reference`` defaults to :func:`analysis.reference.series.reference_series`; for each year
    the latest SIPRI release holding it is drawn. ``countries`` defaults to the claims' actors
    (else the US, China and Russia).
    """
    if reference is None:
        from analysis.reference.series import reference_series
        reference = reference_series()
    sipri = reference[(reference.series == "SIPRI") & reference.year.between(*years)]
    sipri = sipri.sort_values(["country", "year", "release"]).drop_duplicates(["country", "year"], keep="last")
    points = pd.DataFrame(columns=["article_id", "start", "actor", "claimed_usd", "year", "surface"])
    if claims is not None and len(claims):
        points = claims.dropna(subset=["claimed_usd", "year"]).drop_duplicates(["article_id", "start", "actor"])
    if countries is None:
        countries = [c for c in dict.fromkeys(points.actor) if c in set(sipri.country)] or ["USA", "CHN", "RUS"]
    releases = sorted(set(sipri[sipri.country.isin(countries)].release))
    notes = [f"Source: SIPRI fact sheets 'Trends in World Military Expenditure', {years[0]}–{years[1]} "
             f"({releases[0]} to {releases[-1]}" if releases else "Source: SIPRI (no values in range",
             ]
    notes[0] += "; each year as first published, the April after it), current US$ at market exchange rates."
    notes.append("Diamonds: defence-budget figures claimed in the articles, at the figure's year "
                 "(else the publication year). Hollow points: SIPRI estimates.")
    with _style():
        fig, ax = _new_figure(len(notes) + 1)
        fallback = iter(_FALLBACK_COLOURS)
        colours = {c: _COUNTRY_COLOURS.get(c) or next(fallback, "#666666") for c in countries}
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
            ax.annotate(f"{_bn(last.value_usd)}", (last.year, last.value_usd / 1e9), xytext=(4, 0),
                        textcoords="offset points", va="center", fontsize=7.5, color=colour)
        shown = points[points.actor.isin(countries)]
        for pt in shown.itertuples(index=False):
            colour = colours.get(pt.actor, "#666666")
            ax.plot([int(pt.year)], [pt.claimed_usd / 1e9], linestyle="none", marker="D", markersize=7,
                    color=colour, markeredgecolor="black", markeredgewidth=0.6, zorder=4)
            ax.annotate(f"{_name(pt.actor)} claimed {_bn(pt.claimed_usd)}\n(article {_short_id(pt.article_id)})",
                        (int(pt.year), pt.claimed_usd / 1e9), xytext=(-8, 0), textcoords="offset points",
                        ha="right", va="center", fontsize=7, color=colour)
        if len(shown):  # a neutral legend entry for the claims, whatever their colour
            ax.plot([], [], linestyle="none", marker="D", markersize=7, color="#bbbbbb", markeredgecolor="black",
                    markeredgewidth=0.6, label="claimed in an article")
        ax.set_xticks(range(years[0], years[1] + 1))
        ax.set_xlim(years[0] - 0.6, years[1] + 0.5)
        ax.set_ylim(bottom=0)
        ax.set_xlabel("Year")
        ax.set_ylabel(_UNITS_SIPRI)
        ax.set_title(title)
        ax.legend(loc="upper left")
        _footnote(fig, notes)
    return fig


