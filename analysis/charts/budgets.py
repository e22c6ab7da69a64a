"""Budget charts from the reference checks: claims beside the reference, and combined-budget claims."""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.style import (_CLAIMED, _FX_SOURCE, _OTHER_SERIES, _SERIES_COLOURS, _UNITS_BUDGET, _bn,
                                   _empty, _footnote, _legend_right, _name, _new_figure, _series_of, _short_id,
                                   _style, quoted)

__all__ = ["claimed_vs_reference_chart", "combined_chart"]


# ---- claimed vs reference -----------------------------------------------------------------------------------

def claimed_vs_reference_chart(check: pd.DataFrame, title: str = "Claimed defence budgets vs reference series"
                               ) -> Figure:
    """Grouped bars from a ``budget_check`` table: per claim, the claimed value and each reference value.

    Each bar is labelled with its value and basis (the claim's year and how it was chosen; the
    reference's release, with the claim's ratio to it). Rows without a reference value are left out.
    """
    rows = check.dropna(subset=["claimed_usd"]) if len(check) else check
    sources = sorted({s for s in rows.get("reference_source", pd.Series(dtype=str)).dropna()})
    notes = [f"Sources: {'; '.join(sources) or 'none'}"
             + ("; " + _FX_SOURCE if any(_series_of(s) != 'SIPRI' for s in sources) else "") + ".",
             "SIPRI: fact sheets 'Trends in World Military Expenditure' (market exchange rates). Claimed: figures "
             "extracted from the articles; the year is the figure's, else the article's publication year."]
    with _style():
        fig, ax = _new_figure(len(notes) + 2, right=0.8)
        if rows.empty:
            return _empty(fig, ax, title, "no defence-budget claims with an actor", notes)
        claims = rows.drop_duplicates(["article_id", "start", "actor"])
        x, ticks, labels, top = 0.0, [], [], 0.0
        seen: set[str] = set()
        for claim in claims.itertuples(index=False):
            refs = rows[(rows.article_id == claim.article_id) & (rows.start == claim.start)
                        & (rows.actor == claim.actor)].dropna(subset=["reference_usd"])
            bars = [("claimed", claim.claimed_usd, _CLAIMED,
                     f"{_bn(claim.claimed_usd)} claimed\n{claim.year} ({claim.year_basis})")]
            for ref in refs.itertuples(index=False):
                series = _series_of(ref.reference_source)
                label = ref.reference_source.replace(" (planned)", "").replace("Russia federal budget: ", "Russia ")
                bars.append((series, ref.reference_usd, _SERIES_COLOURS.get(series, _OTHER_SERIES),
                             f"{_bn(ref.reference_usd)} {label}\n{ref.year}; claim {ref.ratio:.2f}×"))
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
        ax.set_xticks(ticks, labels)
        ax.tick_params(axis="x", length=0)
        ax.set_xlim(-0.8, x - 0.5)
        ax.set_ylim(0, top * 1.6)
        ax.set_ylabel(_UNITS_BUDGET)
        ax.set_title(title)
        _legend_right(ax)
        _footnote(fig, notes)
    return fig


# ---- combined ---------------------------------------------------------------------------------------------------

def combined_chart(combined: pd.DataFrame, title: str | None = None) -> Figure:
    """Bars from a ``combined_check`` table: combined vs compared budget, as claimed and per SIPRI.

    One pair of bar clusters per row (claim): "as claimed in the article" and the SIPRI release
    for the same year, each cluster the combined actors' sum beside the compared actor, with the
    ratio written above.
    """
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
        ax.set_xticks(ticks, labels)
        ax.tick_params(axis="x", length=0)
        ax.set_xlim(-0.7, x - 0.7)
        ax.set_ylim(0, top * 1.3)
        ax.set_ylabel(_UNITS_BUDGET)
        ax.set_title(title)
        _legend_right(ax)
        _footnote(fig, notes)
    return fig


def _ratios(combined: pd.DataFrame) -> list[float]:
    out = []
    for row in combined.itertuples(index=False):
        out.append(row.claimed_ratio)
        if pd.notna(row.reference_ratio):
            out.append(row.reference_ratio)
    return out


