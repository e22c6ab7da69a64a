"""Charts: tables in, a matplotlib ``Figure`` out; ``save_figure`` writes it byte-for-byte reproducibly.

Every chart uses one fixed style (DejaVu Sans, which ships with matplotlib; fixed sizes and
colours), names its units in the axis title and its sources in a footnote. Figures are built
with ``matplotlib.figure.Figure`` (no pyplot state), so they work under any backend, Agg included.

* :func:`claimed_vs_reference_chart` - ``budget_check`` as grouped bars: each claim beside the
  reference values it was checked against, each bar labelled with its basis.
* :func:`combined_chart` - ``combined_check``: the combination as claimed and as SIPRI has it.
* :func:`sipri_series_chart` - SIPRI's series per country, the claims overlaid at their year.

>>> import pandas as pd
>>> from analysis.reference.checks import budget_check
>>> figures = pd.DataFrame({"article_id": ["000"], "start": [0], "end": [4], "surface": ["$604"],
...     "metric": ["defence_budget"], "actor": ["CHN"], "value_usd": [604e9], "year": [None]})
>>> fig = claimed_vs_reference_chart(budget_check(figures, pd.DataFrame({"article_id": ["000"],
...     "published": ["2021-11-24"]})))
>>> fig.axes[0].get_ylabel()
'Defence spending, US$ billions (current)'
"""
from __future__ import annotations

import os
import textwrap
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

__all__ = ["STYLE", "claimed_vs_reference_chart", "combined_chart", "sipri_series_chart", "save_figure", "quoted"]

#: The rcParams every chart is drawn and saved with.
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "svg.hashsalt": "analysis-charts",
    "svg.id": "analysis-chart",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "path.simplify": False,
}

_SIZE = (9.0, 5.6)
_FOOTNOTE_SIZE = 7
_CLAIMED = "#d95f02"
_SERIES_COLOURS = {"SIPRI": "#1b9e77", "China NPC official budget": "#7570b3",
                   "Russia federal budget: National defence (planned)": "#e7298a"}
_OTHER_SERIES = "#666666"
_COUNTRY_COLOURS = {"USA": "#1f77b4", "CHN": "#d62728", "RUS": "#2ca02c", "IND": "#ff7f0e", "GBR": "#9467bd",
                    "JPN": "#8c564b", "UKR": "#e6ab02", "TWN": "#17becf", "WLD": "#7f7f7f"}
_FALLBACK_COLOURS = ("#bcbd22", "#a6761d", "#666666", "#e377c2")
_NAMES = {"USA": "United States", "CHN": "China", "RUS": "Russia", "IND": "India", "GBR": "United Kingdom",
          "JPN": "Japan", "UKR": "Ukraine", "TWN": "Taiwan", "WLD": "World", "FRA": "France", "DEU": "Germany",
          "SAU": "Saudi Arabia", "KOR": "South Korea"}
_FX_SOURCE = "exchange rates: IMF IFS / US Federal Reserve H.10 / central-bank annual averages (analysis.reference.fx)"
_UNITS_BUDGET = "Defence spending, US$ billions (current)"
_UNITS_SIPRI = "Military expenditure, US$ billions (current)"


@contextmanager
def _style():
    with matplotlib.rc_context(STYLE):
        yield


def _name(code: str) -> str:
    return _NAMES.get(code, code)


def quoted(text: str) -> str:
    """Article text for a chart label: a "$" stays a dollar sign (matplotlib reads "$...$" as mathematics).

    >>> quoted("$604 and $200 billion")
    '\\\\$604 and \\\\$200 billion'
    """
    return str(text).replace("$", r"\$")


def _series_of(reference_source: str) -> str:
    return "SIPRI" if str(reference_source).startswith("SIPRI") else str(reference_source)


def _short_id(article_id: str) -> str:
    return str(article_id).split("_")[0]


def _bn(value: float) -> str:
    return f"{value / 1e9:,.1f}" if value < 100e9 else f"{value / 1e9:,.0f}"


def _footnote(fig: Figure, lines: list[str], width: int = 170) -> None:
    text = "\n".join(textwrap.fill(line, width) for line in lines)
    fig.text(0.01, 0.01, text, ha="left", va="bottom", fontsize=_FOOTNOTE_SIZE, color="#444444", wrap=False)


def _new_figure(n_footnote_lines: int, right: float = 0.98) -> tuple[Figure, object]:
    """A figure of the fixed size with room for a footnote of ``n_footnote_lines`` lines below the axes."""
    fig = Figure(figsize=_SIZE)
    bottom = 0.14 + 0.024 * n_footnote_lines
    ax = fig.add_axes((0.08, bottom, right - 0.08, 0.9 - bottom))
    return fig, ax


def _legend_right(ax) -> None:
    handles, labels = ax.get_legend_handles_labels()
    labels = [textwrap.fill(label, 22) for label in labels]
    ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)


def _empty(fig: Figure, ax, title: str, message: str, notes: list[str]) -> Figure:
    ax.set_title(title)
    _footnote(fig, notes)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666666")
    ax.set_xticks([])
    return fig


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


# ---- saving -----------------------------------------------------------------------------------------------------

_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def save_figure(fig: Figure, path: str | os.PathLike, dpi: int | None = None) -> Path:
    """Write ``fig`` to ``path`` (format from the suffix: png, svg or pdf) with no timestamp or
    version in its metadata and a fixed SVG hash salt, so the same figure gives the same bytes.

    >>> import tempfile
    >>> fig = Figure(); _ = fig.add_subplot().plot([1, 2])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     a, b = save_figure(fig, f"{d}/a.svg"), save_figure(fig, f"{d}/b.svg")
    ...     a.read_bytes() == b.read_bytes()
    True
    """
    path = Path(path)
    fmt = path.suffix.lstrip(".").lower()
    if fmt not in _METADATA:
        raise ValueError(f"save_figure writes .png, .svg or .pdf, not {path.name!r}; pick one of those suffixes")
    path.parent.mkdir(parents=True, exist_ok=True)
    with _style():
        # tight bounds: long labels left of the axes (timeline event names) are kept, not clipped
        fig.savefig(path, format=fmt, metadata=_METADATA[fmt], dpi=dpi or STYLE["savefig.dpi"], bbox_inches="tight")
    return path
