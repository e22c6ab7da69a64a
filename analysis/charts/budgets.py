"""Budget charts from the reference checks: claims beside the reference, and combined-budget claims."""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

from analysis.charts.labels import obstacles, place_labels

from analysis.charts.style import (_CLAIMED, _FX_SOURCE, _OTHER_SERIES, _SERIES_COLOURS, _UNITS_BUDGET, _bn,
                                   _empty, _footnote, _legend_right, _name, _new_figure, _series_of, _short_id,
                                   _style, _year_text, quoted)

__all__ = ["claimed_vs_reference_chart", "combined_chart", "FEW_CLAIMS", "MAX_PANELS", "MAX_OUTLIER_LABELS",
           "FEW_COMBINED", "MAX_PAIRS"]


# ---- claimed vs reference -----------------------------------------------------------------------------------

#: Up to this many claims, one group of bars per claim; past it, points per country and year.
FEW_CLAIMS = 5
#: Most country panels drawn side by side; the rest are counted in the footnote.
MAX_PANELS = 12
#: Most claims labelled (those furthest from SIPRI), at most two per panel.
MAX_OUTLIER_LABELS = 8


def _claims(check: pd.DataFrame) -> pd.DataFrame:
    """One row per claim (article, offset, actor) with a claimed value, and its ratio to SIPRI when checked."""
    rows = check.dropna(subset=["claimed_usd"]) if len(check) else check
    rows = rows[rows["actor"].notna()] if "actor" in rows else rows
    keys = ["article_id", "start", "actor"]
    claims = rows.drop_duplicates(keys).copy()
    sipri = rows[rows["reference_source"].fillna("").str.startswith("SIPRI") & rows["reference_usd"].notna()]
    sipri = sipri.drop_duplicates(keys).set_index(keys)["ratio"]
    claims["sipri_ratio"] = [sipri.get(k, float("nan")) for k in claims[keys].itertuples(index=False, name=None)]
    return claims.reset_index(drop=True)


def claimed_vs_reference_chart(check: pd.DataFrame, title: str = "Claimed defence budgets vs reference series",
                               reference: pd.DataFrame | None = None) -> Figure:
    """The claims of a ``budget_check`` table against the reference series, drawn to suit their number.

    Up to :data:`FEW_CLAIMS` claims: grouped bars, per claim the claimed value beside each reference
    value, each bar labelled with its value and basis. More: one panel per country (the countries
    with most claims first, at most :data:`MAX_PANELS`), each claim a point at its year, the spread
    of a year's claims as a range with its median when there are several, SIPRI's series as a line
    (``reference`` defaults to :func:`analysis.reference.series.reference_series`); only the claims
    furthest from SIPRI are labelled. Claims without an actor or value are left out.
    """
    claims = _claims(check)
    if len(claims) > FEW_CLAIMS:
        return _claims_by_country(claims, title, reference)
    rows = check.dropna(subset=["claimed_usd"]) if len(check) else check
    sources = sorted({s for s in rows.get("reference_source", pd.Series(dtype=str)).dropna()})
    notes = [f"Sources: {'; '.join(sources) or 'none'}"
             + ("; " + _FX_SOURCE if any(_series_of(s) != 'SIPRI' for s in sources) else "") + ".",
             "SIPRI: fact sheets 'Trends in World Military Expenditure' (market exchange rates). Claimed: figures "
             "extracted from the articles; the year is the figure's, else the article's publication year."]
    with _style():
        fig, ax = _new_figure(len(notes) + 2, right=0.8)
        if claims.empty:
            return _empty(fig, ax, title, "no defence-budget claims with an actor", notes)
        x, ticks, labels, top = 0.0, [], [], 0.0
        seen: set[str] = set()
        for claim in claims.itertuples(index=False):
            refs = rows[(rows.article_id == claim.article_id) & (rows.start == claim.start)
                        & (rows.actor == claim.actor)].dropna(subset=["reference_usd"])
            basis = f"{_year_text(claim.year)} ({claim.year_basis})" if _year_text(claim.year) else "year unknown"
            bars = [("claimed", claim.claimed_usd, _CLAIMED, f"{_bn(claim.claimed_usd)} claimed\n{basis}")]
            for ref in refs.itertuples(index=False):
                series = _series_of(ref.reference_source)
                label = ref.reference_source.replace(" (planned)", "").replace("Russia federal budget: ", "Russia ")
                bars.append((series, ref.reference_usd, _SERIES_COLOURS.get(series, _OTHER_SERIES),
                             f"{_bn(ref.reference_usd)} {label}\n{_year_text(ref.year)}; claim {ref.ratio:.2f}×"))
            start = x
            for legend, value, colour, text in bars:
                ax.bar(x, value / 1e9, width=0.8, color=colour, label=None if legend in seen else legend, zorder=2)
                seen.add(legend)
                ax.text(x, value / 1e9, " " + text, rotation=90, ha="center", va="bottom", fontsize=7,
                        linespacing=1.1)
                top = max(top, value / 1e9)
                x += 1
            ticks.append((start + x - 1) / 2)
            labels.append(f"{_name(claim.actor)}\n'{quoted(claim.surface)}'\narticle {_short_id(claim.article_id)}")
            x += 0.8
        _finish_bars(fig, ax, ticks, labels, (-0.8, x - 0.5), top * 1.6, title, notes)
    return fig


def _finish_bars(fig: Figure, ax, ticks: list, labels: list, xlim: tuple[float, float], ymax: float, title: str,
                 notes: list[str]) -> None:
    """The common end of a bar chart in US$ bn: a label under each group, the limits, units, title, legend, notes."""
    ax.set_xticks(ticks, labels)
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(*xlim)
    ax.set_ylim(0, ymax)
    ax.set_ylabel(_UNITS_BUDGET)
    ax.set_title(title)
    _legend_right(ax)
    _footnote(fig, notes)


def _sipri_first_published(reference: pd.DataFrame | None) -> pd.DataFrame:
    """SIPRI's value per country and year as first published (the release the checks compare with)."""
    if reference is None:
        from analysis.reference.series import reference_series
        reference = reference_series()
    sipri = reference[reference.series == "SIPRI"].sort_values(["country", "year", "release"])
    return sipri.drop_duplicates(["country", "year"], keep="first")


def _claims_by_country(claims: pd.DataFrame, title: str, reference: pd.DataFrame | None) -> Figure:
    """Small multiples: one panel per country, claims as points per year, SIPRI as a line."""
    sipri = _sipri_first_published(reference)
    dated = claims.assign(year_=pd.to_numeric(claims["year"], errors="coerce")).dropna(subset=["year_"])
    undated = len(claims) - len(dated)
    counts = dated.groupby("actor").size().sort_values(ascending=False, kind="stable")
    has_series = set(sipri["country"])
    counts = counts.reindex(sorted(counts.index, key=lambda c: (c not in has_series, -counts[c], c)))
    shown = list(counts.index[:MAX_PANELS])
    rest = counts.index[MAX_PANELS:]
    columns = 1 if len(shown) <= 1 else 2 if len(shown) <= 4 else 3 if len(shown) <= 9 else 4
    n_rows = max(1, -(-len(shown) // columns))
    notes = [f"{len(claims)} defence-budget claims in {claims['article_id'].nunique()} articles; points: claims "
             "at their year (the figure's, else the article's publication year); bar and tick: range and median "
             "of a year's claims when there are four or more; line: SIPRI (as first published, current US$, "
             "market exchange rates). Labels: the claims furthest from SIPRI (claim ÷ SIPRI, article).",
             ("Not drawn: " + "; ".join(part for part in (
                 f"{undated} claim(s) with no year" if undated else "",
                 f"{int(counts[rest].sum())} claim(s) about {len(rest)} more countries "
                 f"({', '.join(_name(c) for c in rest[:8])}{'…' if len(rest) > 8 else ''})" if len(rest) else "")
                 if part) + "; every claim is in budget_check.csv.") if undated or len(rest) else
             "Every claim is in budget_check.csv."]
    with _style():
        height = min(11.0, 1.9 + 2.3 * n_rows)
        fig = Figure(figsize=(9.0, height))
        no_series = [c for c in shown if c not in has_series]
        if no_series:
            notes.append("No SIPRI series here for: " + ", ".join(_name(c) for c in no_series) + ".")
        n_lines = sum(len(textwrap.wrap(note, 150)) for note in notes)
        bottom = (0.4 + 0.125 * n_lines) / height
        grid = fig.add_gridspec(n_rows, columns, left=0.08, right=0.98, top=1 - 0.75 / height, bottom=bottom,
                                hspace=0.55 if n_rows > 1 else 0.2, wspace=0.28)
        fig.suptitle(title, x=0.01, ha="left", fontsize=11, fontweight="bold")
        fig.text(0.01, 1 - 0.42 / height, _UNITS_BUDGET + " · one panel per country, most claims first",
                 fontsize=8, color="#444444", va="top")
        _footnote(fig, notes, width=150)
        if not shown:
            ax = fig.add_subplot(grid[0, 0])
            ax.text(0.5, 0.5, "no dated defence-budget claims with an actor", ha="center", va="center",
                    transform=ax.transAxes, color="#666666")
            ax.set_xticks([]), ax.set_yticks([])
            return fig
        outliers = dated.dropna(subset=["sipri_ratio"])
        outliers = outliers.assign(distance=np.abs(np.log(outliers["sipri_ratio"].astype(float))))
        outliers = outliers.sort_values(["distance", "article_id", "start"], ascending=[False, True, True])
        outliers = outliers[outliers["distance"] > np.log(1.15)]
        outliers = outliers.assign(rank=outliers.groupby("actor").cumcount())  # each panel's furthest first
        outliers = outliers.sort_values(["rank", "distance", "article_id", "start"], ascending=[True, False, True,
                                                                                               True], kind="stable")
        panels = []
        for i, country in enumerate(shown):
            ax = fig.add_subplot(grid[i // columns, i % columns])
            panels.append(ax)
            mine = dated[dated["actor"] == country].sort_values(["year_", "claimed_usd", "article_id", "start"])
            first, last = int(mine["year_"].min()), int(mine["year_"].max())
            line = sipri[(sipri.country == country) & sipri.year.between(first - 1, last + 1)]
            if len(line):
                ax.plot(line.year, line.value_usd / 1e9, color=_SERIES_COLOURS["SIPRI"], lw=1.6, zorder=2,
                        label="SIPRI")
            xs, ys, ranges, medians = [], [], [], []
            for year, group in mine.groupby("year_", sort=True):
                values = group["claimed_usd"].to_numpy(float) / 1e9
                offsets = np.linspace(-0.22, 0.22, len(values)) if len(values) > 1 else np.zeros(1)
                xs += list(year + offsets)
                ys += list(values)
                if len(values) >= 4:
                    ranges.append([(year, values.min()), (year, values.max())])
                    medians.append([(year - 0.3, np.median(values)), (year + 0.3, np.median(values))])
            ax.scatter(xs, ys, s=14, color=_CLAIMED, alpha=0.75, edgecolors="none", zorder=3)
            ax.add_collection(LineCollection(ranges, colors="#333333", linewidths=1.0, zorder=4), autolim=False)
            ax.add_collection(LineCollection(medians, colors="#333333", linewidths=2.0, zorder=4), autolim=False)
            values = mine["claimed_usd"].to_numpy(float) / 1e9
            values = values[values > 0] if (values > 0).any() else np.ones(1)
            low = min(values.min(), line.value_usd.min() / 1e9 if len(line) else values.min())
            high = max(values.max(), line.value_usd.max() / 1e9 if len(line) else values.max())
            if high > 20 * max(low, 1e-9):
                ax.set_yscale("log")
                ax.set_ylim(low / 1.6, high * 1.6)
                decades = np.log10(high / max(low, 1e-12))
                ax.yaxis.set_major_locator(LogLocator(subs=(1, 2, 5) if decades <= 2.5 else (1.0,), numticks=6))
                ax.yaxis.set_minor_formatter(NullFormatter())
            else:
                ax.set_ylim(0, high * 1.25)
                ax.yaxis.set_major_locator(MaxNLocator(4))
            ax.yaxis.set_major_formatter(FuncFormatter(_axis_number))
            ax.set_xlim(first - 0.8, last + 0.8)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True, steps=[1, 2, 5, 10]))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}"))  # 2021, never an offset
            ax.tick_params(labelsize=7.5)
            n = len(mine)
            ax.set_title(f"{textwrap.shorten(_name(country), 18, placeholder='…')}, {n} claim{'s' if n != 1 else ''}",
                         fontsize=8.5, loc="left")
        handles = [Line2D([], [], color=_SERIES_COLOURS["SIPRI"], lw=1.6),
                   Line2D([], [], linestyle="none", marker="o", markersize=4, color=_CLAIMED),
                   Line2D([], [], color="#333333", lw=1.0, marker="_", markersize=8)]
        fig.legend(handles, ["SIPRI", "claim", "range and median of a year's claims"], loc="upper right",
                   bbox_to_anchor=(0.98, 1 - 0.05 / height), ncol=3, fontsize=7.5, frameon=False)
        by_panel: dict[str, int] = {}
        taken = obstacles(fig)
        for o in outliers.itertuples(index=False):
            if sum(by_panel.values()) >= MAX_OUTLIER_LABELS:
                break
            if o.actor not in shown or by_panel.get(o.actor, 0) >= 2:
                continue
            ax = panels[shown.index(o.actor)]
            placed, _ = place_labels(ax, [(o.year_, o.claimed_usd / 1e9,
                                           f"{_ratio_text(o.sipri_ratio)} · {_short_id(o.article_id)}")],
                                     fontsize=6.5, color="#222222", taken=taken, bbox=_LABEL_BOX)
            by_panel[o.actor] = by_panel.get(o.actor, 0) + len(placed)
    return fig


_LABEL_BOX = {"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}


def _ratio_text(ratio: float) -> str:
    """A ratio for a label, with two significant digits: 3.4×, 0.25×, 0.04×."""
    return f"{ratio:.1f}×" if ratio >= 1 else f"{ratio:.2g}×"


def _axis_number(value: float, _pos=None) -> str:
    """An axis value in US$ bn: 1,200 / 85 / 2.5 / 0.25."""
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 1:
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    if value >= 0.01:
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{value:.0e}" if value > 0 else "0"  # a misread amount far below a million: 1e-04


# ---- combined ---------------------------------------------------------------------------------------------------

def combined_chart(combined: pd.DataFrame, title: str | None = None) -> Figure:
    """Bars from a ``combined_check`` table: combined vs compared budget, as claimed and per SIPRI.

    One pair of bar clusters per row (claim): "as claimed in the article" and the SIPRI release
    for the same year, each cluster the combined actors' sum beside the compared actor, with the
    ratio written above.
    """
    if len(combined) > FEW_COMBINED:
        return _combined_by_pair(combined, title or "Combined defence budgets: claimed and per SIPRI")
    sources = sorted({s for s in combined.get("reference_source", pd.Series(dtype=str)).dropna()})
    notes = [f"Sources: claimed figures extracted from the articles; {'; '.join(sources) or 'SIPRI'} "
             "(fact sheet 'Trends in World Military Expenditure', current US$, market exchange rates).",
             "Combined = sum of the actors' figures; the year is the figures', else the article's publication year."]
    with _style():
        fig, ax = _new_figure(len(notes) + 1, right=0.8)
        if combined.empty:
            return _empty(fig, ax, title or "Combined defence budgets", "no combined-budget claims", notes)
        first = combined.iloc[0]
        if title is None:
            title = (f"Combined budgets: {' + '.join(_name(a) for a in first.combined_actors.split('+'))} "
                     f"vs {_name(first.compared_actor)}" if len(combined) == 1 else "Combined defence budgets")
        x, ticks, labels, top = 0.0, [], [], 0.0
        legend_done = False
        for row in combined.itertuples(index=False):
            clusters = [(f"as claimed\narticle {_short_id(row.article_id)}", row.claimed_combined_usd,
                         row.claimed_compared_usd, row.claimed_ratio)]
            if pd.notna(row.reference_ratio):
                clusters.append((f"{row.reference_source}\n{row.year}", row.reference_combined_usd,
                                 row.reference_compared_usd, row.reference_ratio))
            for label, combined_usd, compared_usd, ratio in clusters:
                for dx, value, colour, legend in (
                        (-0.2, combined_usd, "#7570b3",
                         " + ".join(_name(a) for a in row.combined_actors.split("+")) + " combined"),
                        (0.2, compared_usd, "#1f77b4", _name(row.compared_actor))):
                    ax.bar(x + dx, value / 1e9, width=0.38, color=colour, zorder=2,
                           label=None if legend_done else legend)
                    ax.text(x + dx, value / 1e9, f"{_bn(value)}", ha="center", va="bottom", fontsize=8)
                    top = max(top, value / 1e9)
                legend_done = True
                ticks.append(x)
                labels.append(label)
                x += 1
            x += 0.4
        for tick, row_ratio in zip(ticks, _ratios(combined)):
            verdict = "exceeds" if row_ratio > 1 else "does not exceed"
            ax.text(tick, top * 1.18, f"{row_ratio:.2f}× — combined {verdict}", ha="center", va="bottom",
                    fontsize=8.5, fontweight="bold")
        _finish_bars(fig, ax, ticks, labels, (-0.7, x - 0.7), top * 1.3, title, notes)
    return fig


#: Up to this many combined claims, bars per claim; past it, one row per pair of countries.
FEW_COMBINED = 3
#: Most rows (pairs of combined and compared countries) drawn; the rest are counted in the footnote.
MAX_PAIRS = 25


def _pair_label(combined_actors: str, compared: str) -> str:
    return " + ".join(_name(a) for a in str(combined_actors).split("+")) + " vs " + _name(compared)


def _combined_by_pair(combined: pd.DataFrame, title: str) -> Figure:
    """One row per (combined, compared) pair: each claim's ratio as claimed and as SIPRI has it, on a log axis."""
    rows = combined.dropna(subset=["claimed_ratio"])
    rows = rows[(rows["claimed_ratio"] > 0)]
    pairs = rows.groupby(["combined_actors", "compared_actor"]).size().reset_index(name="n")
    pairs = pairs.sort_values(["n", "combined_actors", "compared_actor"], ascending=[False, True, True])
    shown, rest = pairs.head(MAX_PAIRS), pairs.iloc[MAX_PAIRS:]
    height = min(12.0, 2.2 + 0.3 * max(len(shown), 3))
    notes = [f"{len(rows)} claims that two or more countries together outspend another, in "
             f"{rows['article_id'].nunique()} articles. Ratio = combined ÷ compared budget: hollow, as the article's "
             "figures give it; filled, with SIPRI's figures for the same year (current US$, market exchange rates); "
             "right of the line the combination outspends.",
             (f"Not drawn: {int(rest['n'].sum())} claims about {len(rest)} more pairs; " if len(rest) else "")
             + "every claim is in combined_check.csv."]
    with _style():
        fig = Figure(figsize=(9.0, height))
        bottom = (0.6 + 0.13 * 4) / height
        ax = fig.add_axes((0.36, bottom, 0.6, 1 - bottom - 0.6 / height))
        ax.set_title(title, loc="left")
        _footnote(fig, notes, width=150)
        if shown.empty:
            ax.text(0.5, 0.5, "no combined-budget claims", ha="center", va="center", transform=ax.transAxes,
                    color="#666666")
            ax.set_xticks([]), ax.set_yticks([])
            return fig
        ys = np.arange(len(shown))[::-1]
        for y, pair in zip(ys, shown.itertuples(index=False)):
            mine = rows[(rows.combined_actors == pair.combined_actors) & (rows.compared_actor == pair.compared_actor)]
            claimed = mine["claimed_ratio"].to_numpy(float)
            checked = mine["reference_ratio"].dropna().to_numpy(float)
            checked = checked[checked > 0]
            ax.scatter(claimed, np.full(len(claimed), y + 0.12), s=22, facecolors="none", edgecolors="#7570b3",
                       linewidths=1.0, zorder=3)
            ax.scatter(checked, np.full(len(checked), y - 0.12), s=22, color="#1b9e77", zorder=3)
        ax.axvline(1.0, color="#333333", lw=0.8, zorder=1)
        ax.set_xscale("log")
        ax.xaxis.set_major_locator(LogLocator(subs=(1, 2, 5), numticks=8))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:g}×"))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_yticks(ys, [f"{textwrap.shorten(_pair_label(p.combined_actors, p.compared_actor), 44, placeholder='…')}"
                           f" ({p.n})" for p in shown.itertuples(index=False)], fontsize=8)
        ax.set_ylim(-0.7, len(shown) - 0.3)
        ax.set_xlabel("combined ÷ compared defence budget (log scale)")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.grid(axis="y", visible=False)
        handles = [Line2D([], [], linestyle="none", marker="o", markerfacecolor="none", markeredgecolor="#7570b3"),
                   Line2D([], [], linestyle="none", marker="o", color="#1b9e77")]
        fig.legend(handles, ["as claimed", "per SIPRI"], loc="upper right", bbox_to_anchor=(0.98, 1 - 0.08 / height),
                   ncol=2, fontsize=8, frameon=False)
    return fig


def _ratios(combined: pd.DataFrame) -> list[float]:
    out = []
    for row in combined.itertuples(index=False):
        out.append(row.claimed_ratio)
        if pd.notna(row.reference_ratio):
            out.append(row.reference_ratio)
    return out


