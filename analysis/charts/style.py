"""The one look every chart shares (fixed fonts, sizes, colours), its small helpers, and saving.

``save_figure`` writes a figure byte-for-byte reproducibly (no dates or versions in the metadata,
a fixed SVG hash salt).
"""
from __future__ import annotations

import os
import textwrap
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

__all__ = ["DOMAIN_COLOURS", "STATUS_MARKERS", "STYLE", "quoted", "save_figure"]

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


def _name(code) -> str:
    """A country's short name for a label (ISO alpha-3 in; pycountry's common name past the short list)."""
    if not isinstance(code, str) or not code:
        return "no country"
    if code in _NAMES:
        return _NAMES[code]
    return _iso_name(code) or code


def _iso_name(code) -> str | None:
    """pycountry's common name (else its name) for an ISO alpha-3 code; None when it has none."""
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=code)
    except (ImportError, LookupError, KeyError):
        found = None
    return getattr(found, "common_name", None) or getattr(found, "name", None)


def _year_text(year) -> str:
    """A year for a label, blank when missing (never "<NA>" or "nan")."""
    return "" if year is None or pd.isna(year) else str(int(year))


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
    if value < 1e9:
        return f"{value / 1e9:.2f}"  # 0.25, not 0.2
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


# ---- exercises: colour per domain, marker per status -------------------------------------------------------


#: Colour per exercise domain; any other domain is grey.
DOMAIN_COLOURS = {"naval": "#1f77b4", "air": "#ff7f0e", "land": "#2ca02c", "joint": "#9467bd",
                  "missile defence": "#d62728", "space": "#8c564b", "cyber": "#e377c2", "other": "#7f7f7f",
                  "unknown": "#7f7f7f"}
#: Marker per event status (the extractor's ``conducted`` / ``planned``); any other status gets "X".
STATUS_MARKERS = {"conducted": "o", "planned": "^"}
_OTHER_COLOUR, _OTHER_MARKER = "#7f7f7f", "X"


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

