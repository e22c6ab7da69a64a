"""The interactive explorer: filter the figures, budget-check, exercise and quote tables with widgets,
redraw the matching chart, show a row's source sentence with its span highlighted and cited, and write
the analyst's review of the selected row (reject it, or correct a field) to a review file.

Pure helpers first (no widgets; each testable on its own):

* :func:`filter_rows` - one table's rows that pass a :class:`Filters` (article, country, metric,
  exercise kind and domain, year range, free-text search), in text order;
* :func:`highlight` - a span of an article as HTML, the text escaped and the span in ``<mark>``;
* :func:`citation` - "Title — Outlet, 2021-11-24 (article_id, chars 1104–1108)";
* :func:`table_chart` - the chart that fits a table: claimed vs reference for ``budget_check``,
  the timeline of the merged events for ``exercises``, money figures in US$ for ``figures``, quotes per
  speaker country and year for ``quotes``.

A review line written from the explorer (:meth:`Explorer.reject_selected`, :meth:`Explorer.correct_selected`,
or the buttons) is appended to the review file with :func:`analysis.review.append_review_line`; it takes
effect at the next run given that file (``extract --review``, ``report --review``, the ``review`` parameter),
which checks it then. A ``budget_check`` row is reviewed as the figure it checks.

Then :class:`Explorer`, which wires ipywidgets controls to those helpers, and :func:`explore`,
which loads a corpus and builds one (the whole of notebook 04)::

    from analysis.explore import explore
    explore("seeds", country="Russia")      # displays the widgets in Jupyter or Voilà

Country codes are ISO alpha-3, as in the tables; a country can be given by name ("China") or code.
"""
from __future__ import annotations

import datetime as _dt
import html
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

__all__ = ["TABLES", "Filters", "filter_rows", "highlight", "citation", "table_chart", "Explorer", "explore"]

#: The tables the explorer shows, in the order of its table selector.
TABLES = ("figures", "budget_check", "exercises", "quotes")

_SORT = {"figures": ["article_id", "start", "end"], "budget_check": ["article_id", "start", "reference_source"],
         "exercises": ["article_id", "start", "end"], "quotes": ["article_id", "start", "end"]}
_SEARCHED = ("surface", "sentence", "name", "locations", "quote", "speaker")  # what free-text search reads
_EXERCISE_COLUMNS = ["article_id", "start", "end", "surface", "name", "kind", "participants", "domains", "locations",
                     "year", "month", "status"]
_IMPLIED_METRIC = {"budget_check": "defence_budget"}  # every budget_check row is a defence-budget figure
_QUOTE_COLUMNS = ["published", "article_id", "speaker", "speaker_type", "speaker_country", "cue", "quote", "sentence"]
_NOUNS = {"figures": "figures", "budget_check": "budget-check rows", "exercises": "exercise mentions",
          "quotes": "quotes"}
#: the table a review line names for a row of each explorer table (a budget check reviews its figure)
_REVIEWED_AS = {"figures": "figures", "budget_check": "figures", "exercises": "exercises", "quotes": "quotes"}
_ALL = ""  # the value of "All" in every dropdown
_CHART_DPI = 90
_MAX_BARS = 40  # most money figures the explorer's chart draws (the largest)


@dataclass(frozen=True)
class Filters:
    """What to keep; an empty value (or ``years=None``) keeps everything.

    ``country`` is a name or alpha-3 code; ``years`` an inclusive ``(first, last)`` pair.
    """

    article: str = ""
    country: str = ""
    metric: str = ""
    kind: str = ""
    domain: str = ""
    years: tuple[int, int] | None = None
    search: str = ""


def _split(value: Any) -> list[str]:
    return [x for x in str(value).split(";") if x] if isinstance(value, str) else []


def _published_years(articles: pd.DataFrame | None) -> dict[str, int]:
    if articles is None or articles.empty or "published" not in articles.columns:
        return {}
    years = pd.to_numeric(articles["published"].astype("string").str[:4], errors="coerce")
    return {a: int(y) for a, y in zip(articles["article_id"], years) if pd.notna(y)}


def _row_years(frame: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.Series:
    """Each row's year: the stated ``year``, else ``year_inferred``, else its article's publication year."""
    year = pd.to_numeric(frame["year"], errors="coerce") if "year" in frame.columns else \
        pd.Series(float("nan"), index=frame.index)
    if "year_inferred" in frame.columns:
        year = year.fillna(pd.to_numeric(frame["year_inferred"], errors="coerce"))
    published = _published_years(articles)
    if published and "article_id" in frame.columns:
        year = year.fillna(frame["article_id"].map(published).astype("float64"))
    return year.astype("float64")


def _country_code(country: str) -> str:
    from analysis.report.views import country_codes

    return country_codes([country])[0]


def filter_rows(frame: pd.DataFrame, table: str, filters: Filters = Filters(),
                articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of ``table`` (one of :data:`TABLES`) that pass ``filters``, in text order, index reset.

    Each filter applies where the table has the column: country to ``actor`` (``participants``
    for exercises, ``speaker_country`` for quotes), metric to ``metric`` (``budget_check`` rows are all ``defence_budget``),
    kind and domain to exercises. A row's year is its stated year, else the year inferred for an
    exercise, else its article's publication year (``articles`` table); rows with none are kept.
    Search is case-insensitive over the span, its sentence, an exercise's name and places.

    >>> rows = pd.DataFrame({"article_id": ["a", "a", "b"], "start": [0, 9, 3], "end": [4, 20, 8],
    ...     "surface": ["$604", "$200 billion", "$715"], "actor": ["CHN", "RUS", "USA"], "year": [2021, None, 2019],
    ...     "metric": ["defence_budget"] * 3})
    >>> filter_rows(rows, "figures", Filters(country="Russia")).surface.tolist()
    ['$200 billion']
    >>> filter_rows(rows, "figures", Filters(years=(2020, 2021), search="$7")).surface.tolist()
    []
    """
    if table not in TABLES:
        raise ValueError(f"table {table!r} is not one the explorer shows: choose one of {', '.join(TABLES)}")
    keep = pd.Series(True, index=frame.index)
    if filters.article and "article_id" in frame.columns:
        keep &= frame["article_id"] == filters.article
    if filters.country:
        code = _country_code(filters.country)
        if "actor" in frame.columns:
            keep &= frame["actor"] == code
        elif "participants" in frame.columns:
            keep &= frame["participants"].map(lambda v: code in _split(v)).astype(bool)
        elif "speaker_country" in frame.columns:
            keep &= frame["speaker_country"] == code
    if filters.metric:
        if "metric" in frame.columns:
            keep &= frame["metric"] == filters.metric
        elif table in _IMPLIED_METRIC:
            keep &= filters.metric == _IMPLIED_METRIC[table]
    if filters.kind and "kind" in frame.columns:
        keep &= frame["kind"] == filters.kind
    if filters.domain and "domains" in frame.columns:
        keep &= frame["domains"].map(lambda v: filters.domain in _split(v)).astype(bool)
    if filters.years is not None and len(frame):
        year = _row_years(frame, articles)
        keep &= year.isna() | year.between(*filters.years)
    if filters.search:
        needle = filters.search.lower()
        hit = pd.Series(False, index=frame.index)
        for column in (c for c in _SEARCHED if c in frame.columns):
            hit |= frame[column].astype("string").str.lower().str.contains(needle, regex=False).fillna(False)
        keep &= hit
    rows = frame[keep.astype(bool)]
    keys = [c for c in _SORT[table] if c in rows.columns]
    return rows.sort_values(keys, na_position="last", kind="stable").reset_index(drop=True) if keys else \
        rows.reset_index(drop=True)


# ---- source and citation ------------------------------------------------------------------------------------------

def highlight(text: str, start: int, end: int, bounds: tuple[int, int] | None = None) -> str:
    """``text[start:end]`` in ``<mark>`` within ``text[bounds[0]:bounds[1]]`` (the span alone by default), as HTML.

    Every character of the article is escaped, so markup in an article shows as text.

    >>> highlight("Budget <script>x</script>: $5 billion.", 27, 37, (0, 38))
    'Budget &lt;script&gt;x&lt;/script&gt;: <mark>$5 billion</mark>.'
    """
    lo, hi = bounds or (start, end)
    lo, hi = min(lo, start), max(hi, end)
    return (html.escape(text[lo:start]) + "<mark>" + html.escape(text[start:end]) + "</mark>"
            + html.escape(text[end:hi]))


def _sentence_bounds(article: Any, start: int, end: int) -> tuple[int, int] | None:
    """The sentences of ``article`` (an :class:`~analysis.Article`) that the span touches, as one range."""
    touched = [s for s in getattr(article, "sentences", ()) if s.start < max(end, start + 1) and s.end > start]
    return (min(s.start for s in touched), max(s.end for s in touched)) if touched else None


def _get(record: Any, name: str) -> Any:
    value = record.get(name) if isinstance(record, (Mapping, pd.Series)) else getattr(record, name, None)
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _date_text(value: Any, precision: Any) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()[:{"year": 4, "month": 7}.get(precision, 10)]
    return str(value) if value else "undated"


def citation(article: Any, start: int, end: int) -> str:
    """A citation line for a span: an :class:`~analysis.Article` or a row of the ``articles`` table.

    >>> citation({"article_id": "000_x", "title": "Report", "outlet": "Outlet", "published": "2021-11-24"}, 5, 9)
    'Report — Outlet, 2021-11-24 (000_x, chars 5–9)'
    >>> citation({"article_id": "001_y", "title": None, "outlet": None, "published": None}, 0, 3)
    'Untitled, undated (001_y, chars 0–3)'
    """
    title = _get(article, "title") or "Untitled"
    outlet = _get(article, "outlet")
    when = _date_text(_get(article, "published"), _get(article, "date_precision"))
    return f"{title}{f' — {outlet}' if outlet else ''}, {when} ({_get(article, 'article_id')}, chars {start}–{end})"


# ---- charts ---------------------------------------------------------------------------------------------------------

def _country_label(code: Any) -> str:
    """"Russia", "United States" (a readable name without a leading "the"), or "?" for no country."""
    from analysis.report.views import country_name

    if not isinstance(code, str) or not code:
        return "?"
    name = country_name(code).removeprefix("the ")
    return name[:1].upper() + name[1:]


def _figures_chart(rows: pd.DataFrame) -> Figure:
    """Money figures of the selection as horizontal bars, US$ billions (log scale when they span 100×)."""
    import matplotlib
    from matplotlib.patches import Patch

    from analysis.charts import STYLE, quoted

    money = rows.dropna(subset=["value_usd"]) if "value_usd" in rows.columns else rows.iloc[0:0]
    left_out = max(0, len(money) - _MAX_BARS)
    if left_out:  # the largest, kept in text order
        largest = money["value_usd"].sort_values(ascending=False, kind="stable").index[:_MAX_BARS]
        money = money[money.index.isin(largest)]
    with matplotlib.rc_context(STYLE):
        height = max(2.8, 1.2 + 0.32 * len(money))
        fig = Figure(figsize=(9.0, height))
        bottom = (0.9 if left_out else 0.75) / height
        ax = fig.add_axes((0.34, bottom, 0.46, 1 - bottom - 0.4 / height))
        ax.set_title("Money figures in the selection", loc="left")
        fig.text(0.01, 0.01, "Source: figures extracted from the articles, in US$ at annual average exchange rates "
                 "(analysis.reference.fx). Counts and shares are in the table only."
                 + (f"\nThe {_MAX_BARS} largest are drawn; {left_out} smaller ones are in the table." if left_out else ""),
                 fontsize=7, color="#444444")
        if money.empty:
            ax.text(0.5, 0.5, "no money figures in this selection", ha="center", va="center",
                    transform=ax.transAxes, color="#666666")
            ax.set_xticks([]), ax.set_yticks([])
            return fig
        metrics = sorted(money["metric"].fillna("other").unique())
        palette = ["#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]
        colours = {m: palette[i % len(palette)] for i, m in enumerate(metrics)}
        values = money["value_usd"] / 1e9
        ys = list(range(len(money)))[::-1]
        for y, row, value in zip(ys, money.itertuples(index=False), values):
            ax.barh(y, value, color=colours[row.metric if isinstance(row.metric, str) else "other"], zorder=2)
            ax.text(value, y, f" {value:,.1f}", va="center", fontsize=7.5)
        labels = [quoted(f"{_country_label(r.actor)} · {r.surface} · {str(r.article_id).split('_')[0]}")
                  for r in money.itertuples(index=False)]
        ax.set_yticks(ys, [label if len(label) <= 48 else label[:47] + "…" for label in labels], fontsize=8)
        ax.set_ylim(-0.6, len(money) - 0.4)
        log = values.max() / max(values.min(), 1e-9) >= 100
        if log:
            ax.set_xscale("log")
        ax.set_xlim(right=values.max() * (4 if log else 1.15))
        ax.set_xlabel("US$ billions (current)" + (", log scale" if log else ""))
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.grid(axis="y", visible=False)
        ax.legend([Patch(color=colours[m]) for m in metrics], [m.replace("_", " ") for m in metrics],
                  loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0)
    return fig


def _quotes_chart(rows: pd.DataFrame) -> Figure:
    """Quotes of the selection per publication year, stacked by speaker country (the most quoted first)."""
    import matplotlib

    from analysis.charts import STYLE
    from analysis.extract.quotes.summary import quotes_by_country_and_year

    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(9.0, 3.6))
        ax = fig.add_axes((0.08, 0.2, 0.62, 0.68))
        ax.set_title("Quotes per year, by the speaker's country", loc="left")
        fig.text(0.01, 0.01, "Source: quotes extracted from the articles, by the article's publication year; "
                 "(not stated): the text does not give the speaker's country.", fontsize=7, color="#444444")
        if rows.empty or "year" not in rows.columns:
            ax.text(0.5, 0.5, "no quotes in this selection", ha="center", va="center", transform=ax.transAxes,
                    color="#666666")
            ax.set_xticks([]), ax.set_yticks([])
            return fig
        table = quotes_by_country_and_year(rows)
        table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
        palette = ["#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]
        shown = table.head(len(palette) - 1)
        if len(table) > len(shown):  # the rest in one grey band
            shown = pd.concat([shown, table.iloc[len(shown):].sum().to_frame("other countries").T])
        xs = list(range(len(table.columns)))
        bottom = [0] * len(xs)
        for i, (country, counts) in enumerate(shown.iterrows()):
            label = country if country in ("(not stated)", "other countries") else _country_label(country)
            ax.bar(xs, counts.tolist(), bottom=bottom, color=palette[i % len(palette)], label=label, zorder=2)
            bottom = [b + c for b, c in zip(bottom, counts.tolist())]
        ax.set_xticks(xs, [str(c) for c in table.columns], fontsize=8)
        ax.set_ylabel("quotes")
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.grid(axis="x", visible=False)
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0, fontsize=8)
    return fig


def table_chart(table: str, rows: pd.DataFrame) -> Figure:
    """The chart for ``rows`` of ``table``: budget_check → claimed vs reference, exercises → timeline
    of the events merged from those mentions, figures → money figures in US$, quotes → quotes per year by
    speaker country."""
    if table == "budget_check":
        from analysis.charts import claimed_vs_reference_chart

        return claimed_vs_reference_chart(rows)
    if table == "exercises":
        from analysis.charts import timeline_figure
        from analysis.extract.events import events_frame

        return timeline_figure(events_frame(rows))
    if table == "figures":
        return _figures_chart(rows)
    if table == "quotes":
        return _quotes_chart(rows)
    raise ValueError(f"table {table!r} is not one the explorer shows: choose one of {', '.join(TABLES)}")


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=_CHART_DPI, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


_TABLE_STYLE = ("<style>table.analysis-explore-table {border-collapse: collapse} "
                "table.analysis-explore-table th, table.analysis-explore-table td {padding: 0.2em 0.6em; "
                "line-height: 1.35; text-align: left !important; vertical-align: top; max-width: 30em} "
                "table.analysis-explore-table tbody tr:nth-child(odd) {background: #f5f5f5}</style>")


def _html_table(view: pd.DataFrame) -> str:
    """``view`` as an HTML table: every cell escaped, missing values blank, whole numbers without decimals
    (2021, 100,000) and other floats as 1,234.50, row numbers first."""
    from analysis.report.numbers import number

    shown = view.reset_index()
    for column in shown.columns:
        if pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].map(number)
    shown = shown.astype(object).where(shown.notna(), "")
    return _TABLE_STYLE + shown.to_html(escape=True, index=False, border=0, classes="analysis-explore-table")


# ---- the widgets ----------------------------------------------------------------------------------------------------

def _in_voila() -> bool:
    """Voilà sets ``VOILA_KERNEL_ID`` in every kernel it starts."""
    return bool(os.environ.get("VOILA_KERNEL_ID"))


class _Snapshot:
    """The current selection as plain outputs (count, table, chart, source) for a report without a kernel.

    Voilà shows the live explorer only, so there it displays nothing.
    """

    def __init__(self, explorer: "Explorer"):
        self.explorer = explorer

    def _ipython_display_(self) -> None:
        if _in_voila():
            return
        from IPython.display import HTML, display

        e = self.explorer
        display(HTML(f"<p><b>{html.escape(e.summary(), quote=False)}</b></p>"))
        display(e.table_view())
        fig = e.figure()
        display(fig)
        display(HTML(e.source.value))


class Explorer:
    """Widgets over the tables of one corpus: controls in, filtered table, chart and source out.

    ``tables`` is :func:`analysis.tables.build_tables`'s dict, ``corpus`` the loaded
    :class:`~analysis.Corpus` (for the article texts; without it the source shows the row's
    sentence). The keyword arguments set the controls' first values and raise ValueError for a
    value the corpus does not have. Each control is an attribute (``table``, ``article``,
    ``country``, ``metric``, ``kind``, ``domain``, ``years``, ``search``, ``rows``); so are the
    outputs (``count``, ``table_html``, ``chart``, ``source``). ``filtered`` holds the rows shown,
    ``redraws`` counts chart redraws, and ``widget`` is the whole box to display.

    Review: ``review_file`` (the path the review lines go to, default ``review.csv``), ``review_field``,
    ``review_value``, ``review_note`` and the buttons ``reject_button``, ``correct_button`` write a line for
    the selected row (:meth:`reject_selected`, :meth:`correct_selected`); ``review_status`` says what was
    written, or why not.

    >>> from analysis import Corpus, article_from_text
    >>> from analysis.tables import build_tables
    >>> corpus = Corpus([article_from_text("Budgets\\n\\nRussia spent $65.9 billion on defence in 2021.",
    ...                                     "a1", published="2021-05-01")])
    >>> e = Explorer(build_tables(corpus), corpus)
    >>> e.country.value = "RUS"
    >>> e.filtered.surface.tolist(), e.redraws
    (['$65.9 billion'], 2)
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame], corpus: Any = None, *, table: str = "figures",
                 article: str = "", country: str = "", metric: str = "", kind: str = "", domain: str = "",
                 year_from: int | None = None, year_to: int | None = None, search: str = "",
                 review_file: str | os.PathLike = ""):
        import ipywidgets as w

        self.articles = tables.get("articles", pd.DataFrame(columns=["article_id", "title", "published", "outlet"]))
        self.tables = {name: self._prepared(name, tables) for name in TABLES}
        self._meta = {r["article_id"]: r for r in self.articles.to_dict("records")}
        self._texts = {a.article_id: a for a in getattr(corpus, "articles", [])}
        self.filtered = pd.DataFrame()
        self.chart_png = b""
        self.redraws = 0
        self._quiet = False

        def dropdown(description: str, options: list, value: Any, css: str) -> Any:
            widget = w.Dropdown(description=description, options=options, value=value,
                                style={"description_width": "5em"}, layout=w.Layout(width="24em"))
            widget.add_class(f"analysis-explore-{css}")
            return widget

        if table not in TABLES:
            raise ValueError(f"table {table!r} is not one the explorer shows: choose one of {', '.join(TABLES)}")
        first, last = self._year_bounds()
        self.table = dropdown("Table", [(t.replace("_", " "), t) for t in TABLES], table, "table")
        self.article = dropdown("Article", self._article_options(), self._article_value(article), "article")
        self.country = dropdown("Country", self._country_options(), self._country_value(country), "country")
        self.metric = dropdown("Metric", self._options("figures", "metric", "All metrics"),
                               self._choice("metric", metric, self._values("figures", "metric")), "metric")
        self.kind = dropdown("Kind", self._options("exercises", "kind", "All kinds"),
                             self._choice("kind", kind, self._values("exercises", "kind")), "kind")
        self.domain = dropdown("Domain", self._options("exercises", "domains", "All domains"),
                               self._choice("domain", domain, self._values("exercises", "domains")), "domain")
        low = first if year_from is None else min(max(year_from, first), last)
        high = last if year_to is None else max(min(year_to, last), first)
        if year_from is not None and year_to is not None and year_from > year_to:
            raise ValueError(f"year_from {year_from} is after year_to {year_to}: swap them")
        self.years = w.IntRangeSlider(description="Years", min=first, max=last, value=(low, high),
                                      continuous_update=False, style={"description_width": "5em"},
                                      layout=w.Layout(width="36em"))
        self.years.add_class("analysis-explore-years")
        self.search = w.Text(description="Search", value=search, placeholder="words in the span or sentence; Enter",
                             continuous_update=False, style={"description_width": "5em"},
                             layout=w.Layout(width="36em"))
        self.search.add_class("analysis-explore-search")
        self.rows = w.Select(description="Row", options=[], rows=6, style={"description_width": "5em"},
                             layout=w.Layout(width="60em"))
        self.rows.add_class("analysis-explore-rows")
        self.count = w.HTML()
        self.count.add_class("analysis-explore-count")
        self.table_html = w.HTML(layout=w.Layout(max_height="24em", overflow="auto"))
        self.table_html.add_class("analysis-explore-table-html")
        self.chart = w.Image(format="png", layout=w.Layout(max_width="900px"))
        self.chart.add_class("analysis-explore-chart")
        self.source = w.HTML()
        self.source.add_class("analysis-explore-source")
        text = {"style": {"description_width": "5em"}, "layout": w.Layout(width="24em")}
        self.review_file = w.Text(description="Review file", value=str(review_file or "review.csv"), **text)
        self.review_field = w.Dropdown(description="Field", options=[], **text)
        self.review_value = w.Text(description="Value", placeholder="the right value (empty: none)", **text)
        self.review_note = w.Text(description="Note", placeholder="why (kept in reviewed.csv)", **text)
        self.reject_button = w.Button(description="Reject row", tooltip="the selected row leaves the tables")
        self.correct_button = w.Button(description="Correct field", tooltip="the field takes the value")
        self.review_status = w.HTML()
        for widget, css in ((self.review_file, "review-file"), (self.review_field, "review-field"),
                            (self.review_value, "review-value"), (self.review_note, "review-note"),
                            (self.reject_button, "reject"), (self.correct_button, "correct"),
                            (self.review_status, "review-status")):
            widget.add_class(f"analysis-explore-{css}")
        self.reject_button.on_click(lambda _: self._review_click(self.reject_selected))
        self.correct_button.on_click(lambda _: self._review_click(self.correct_selected))
        self.widget = w.VBox([
            w.HBox([self.table, self.article, self.country]),
            w.HBox([self.metric, self.kind, self.domain]),
            w.HBox([self.years, self.search]),
            self.count, self.table_html, self.rows, self.source,
            w.HBox([self.review_file, self.review_note, self.reject_button]),
            w.HBox([self.review_field, self.review_value, self.correct_button]),
            self.review_status, self.chart,
        ])
        self.widget.add_class("analysis-explore")
        for control in (self.table, self.article, self.country, self.metric, self.kind, self.domain, self.years,
                        self.search):
            control.observe(self._on_filter, names="value")
        self.rows.observe(self._on_row, names="value")
        self.refresh()

    # -- building --------------------------------------------------------------------------------------------------

    def _prepared(self, name: str, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        frame = tables.get(name, pd.DataFrame())
        if name == "quotes" and {"article_id", "quote"} <= set(frame.columns) and "published" in self.articles:
            from analysis.extract.quotes.summary import dated_quotes

            return dated_quotes(frame, self.articles)  # each quote with its article's date and year
        if name == "budget_check" and "sentence" not in frame.columns and "figures" in tables:
            sentences = tables["figures"][["article_id", "start", "end", "sentence"]].drop_duplicates(
                ["article_id", "start", "end"])
            frame = frame.merge(sentences, on=["article_id", "start", "end"], how="left")
        return frame

    def _values(self, table: str, column: str) -> list[str]:
        frame = self.tables[table]
        if column not in frame.columns:
            return []
        return sorted({v for cell in frame[column] for v in (_split(cell) if column in ("domains", "participants")
                                                              else [cell] if isinstance(cell, str) and cell else [])})

    def _options(self, table: str, column: str, everything: str) -> list[tuple[str, str]]:
        return [(everything, _ALL)] + [(v.replace("_", " "), v) for v in self._values(table, column)]

    @staticmethod
    def _choice(name: str, value: str, allowed) -> str:
        if value and value not in allowed:
            raise ValueError(f"{name} {value!r} is not in this corpus: choose one of {', '.join(allowed) or '(none)'}, "
                             f"or leave it empty for all")
        return value or _ALL

    def _year_bounds(self) -> tuple[int, int]:
        years = pd.concat([_row_years(self.tables[t], self.articles) for t in TABLES if len(self.tables[t])],
                          ignore_index=True) if any(len(self.tables[t]) for t in TABLES) else pd.Series(dtype=float)
        years = years.dropna()
        return (int(years.min()), int(years.max())) if len(years) else (2000, 2030)

    def _article_options(self) -> list[tuple[str, str]]:
        options = [("All articles", _ALL)]
        for row in self.articles.sort_values("article_id").itertuples(index=False):
            title = row.title if isinstance(row.title, str) else ""
            label = f"{str(row.article_id).split('_')[0]} · {title}"
            options.append((label if len(label) <= 60 else label[:59] + "…", row.article_id))
        return options

    def _article_value(self, article: str) -> str:
        if not article:
            return _ALL
        ids = list(self.articles["article_id"])
        match = [a for a in ids if a == article] or [a for a in ids if str(a).startswith(article)]
        if len(match) != 1:
            raise ValueError(f"article {article!r} {'matches several articles' if match else 'is not in this corpus'}: "
                             f"give an article id (or a prefix of one) from {', '.join(map(str, ids)) or '(none)'}")
        return match[0]

    def _countries(self) -> list[str]:
        return sorted(set(self._values("figures", "actor")) | set(self._values("budget_check", "actor"))
                      | set(self._values("exercises", "participants")) | set(self._values("quotes", "speaker_country")))

    def _country_options(self) -> list[tuple[str, str]]:
        return [("All countries", _ALL)] + [(f"{_country_label(code)} ({code})", code) for code in self._countries()]

    def _country_value(self, country: str) -> str:
        if not country:
            return _ALL
        code = _country_code(country)  # ValueError naming the value for a name no vocabulary knows
        if code not in self._countries():
            raise ValueError(f"country {country!r} ({code}) does not appear in this corpus: choose one of "
                             f"{', '.join(self._countries()) or '(none)'}, or leave it empty for all")
        return code

    # -- state -----------------------------------------------------------------------------------------------------

    def filters(self) -> Filters:
        """The controls' current values as :class:`Filters`."""
        years = tuple(self.years.value)
        return Filters(article=self.article.value, country=self.country.value, metric=self.metric.value,
                       kind=self.kind.value, domain=self.domain.value,
                       years=None if years == (self.years.min, self.years.max) else years,
                       search=self.search.value.strip())

    def summary(self) -> str:
        """One line: how many rows of the table pass the filters, and which filters are on."""
        f = self.filters()
        total = len(self.tables[self.table.value])
        on = [f"{name} {value}" for name, value in (("article", f.article), ("country", f.country),
                                                     ("metric", f.metric), ("kind", f.kind), ("domain", f.domain))
              if value]
        if f.years:
            on.append(f"years {f.years[0]}–{f.years[1]}")
        if f.search:
            on.append(f"search {f.search!r}")
        return (f"{len(self.filtered)} of {total} {_NOUNS[self.table.value]}"
                + (f"; filters: {', '.join(on)}" if on else "; no filters"))

    def table_view(self) -> pd.DataFrame:
        """The filtered rows with the columns worth reading, numbered from 1 like the row selector."""
        from analysis.report.views import budget_check_overview, figures_overview

        name, rows = self.table.value, self.filtered
        if name == "figures":
            view = figures_overview(rows)
        elif name == "budget_check":
            view = budget_check_overview(rows)
        elif name == "quotes":
            view = rows[[c for c in _QUOTE_COLUMNS if c in rows.columns]].reset_index(drop=True)
        else:
            view = rows[[c for c in _EXERCISE_COLUMNS if c in rows.columns]].reset_index(drop=True)
        if "review" in rows.columns and "review" not in view.columns and len(view) == len(rows):
            view["review"] = rows["review"].fillna("").tolist()  # confirmed / corrected by the analyst
        view.index = pd.RangeIndex(1, len(view) + 1, name="row")
        return view

    def figure(self) -> Figure:
        """The chart of the current selection (a new matplotlib Figure)."""
        return table_chart(self.table.value, self.filtered)

    def snapshot(self) -> _Snapshot:
        """The current selection as static outputs (for the HTML report; nothing in Voilà)."""
        return _Snapshot(self)

    # -- updating --------------------------------------------------------------------------------------------------

    def _on_filter(self, change: dict) -> None:
        if not self._quiet:
            self.refresh()

    def _on_row(self, change: dict) -> None:
        if not self._quiet:
            self.show_source()

    def refresh(self) -> None:
        """Filter the chosen table, redraw the table, the row list, the chart and the source."""
        name = self.table.value
        self.filtered = filter_rows(self.tables[name], name, self.filters(), self.articles)
        view = self.table_view()
        self.count.value = f"<b>{html.escape(self.summary(), quote=False)}</b>"
        self.table_html.value = _html_table(view)
        self._quiet = True
        try:
            self.rows.options = [(self._row_label(i, row), i) for i, row in enumerate(self.filtered.to_dict("records"))]
            self.rows.value = 0 if len(self.filtered) else None
            fields = list(_settable(_REVIEWED_AS[name]))
            self.review_field.options = fields
            self.review_field.value = fields[0] if fields else None
        finally:
            self._quiet = False
        self.show_source()
        self.chart_png = _png(self.figure())
        self.chart.value = self.chart_png
        self.redraws += 1

    def _row_label(self, i: int, row: Mapping[str, Any]) -> str:
        surface = str(row.get("surface") if "surface" in row else f"{row.get('speaker')}: “{row.get('quote')}”")
        parts = [f"{i + 1}", str(row.get("article_id")), surface if len(surface) <= 90 else surface[:89] + "…"]
        if self.table.value == "budget_check":
            parts.append(str(row.get("reference_source") or "no reference"))
        return " · ".join(parts)

    def source_html(self, i: int | None) -> str:
        """Row ``i`` of ``filtered``: its sentence with the span in ``<mark>`` (escaped), and its citation."""
        if i is None or not 0 <= i < len(self.filtered):
            return "<p><i>No row selected: the filters leave no rows.</i></p>"
        row = self.filtered.iloc[i]
        start, end, article_id = int(row["start"]), int(row["end"]), row["article_id"]
        article = self._texts.get(article_id)
        if article is not None:
            text = highlight(article.text, start, end, _sentence_bounds(article, start, end))
        else:  # no corpus: the row's own sentence, the span found in it
            sentence, surface = str(_get(row, "sentence") or ""), str(_get(row, "surface") or "")
            at = sentence.find(surface) if surface else -1
            text = highlight(sentence, at, at + len(surface), (0, len(sentence))) if at >= 0 else \
                html.escape(sentence or surface)
        meta = self._meta.get(article_id, {"article_id": article_id})
        return (f'<blockquote style="white-space: pre-wrap; margin: 0.3em 0">{text}</blockquote>'
                f'<p style="margin: 0.2em 0"><small>{html.escape(citation(meta, start, end))}</small></p>')

    def show_source(self) -> None:
        """Show the selected row's source sentence and citation."""
        self.source.value = self.source_html(self.rows.value)

    # -- review ----------------------------------------------------------------------------------------------------

    def selected_row_id(self) -> str:
        """The row id a review line names for the selected row (a budget check's: the figure it checks);
        ValueError when no row is selected or the row has none."""
        i = self.rows.value
        if i is None or not 0 <= i < len(self.filtered):
            raise ValueError("no row selected: the filters leave no rows")
        row = self.filtered.iloc[i]
        if self.table.value == "budget_check":
            figures = self.tables["figures"]
            match = figures[(figures["article_id"] == row["article_id"]) & (figures["start"] == row["start"])
                            & (figures["end"] == row["end"])] if "row_id" in figures.columns else figures.iloc[0:0]
            same_actor = match[match["actor"] == row.get("actor")] if "actor" in match.columns else match
            match = same_actor if len(same_actor) else match
            if len(match):
                return str(match["row_id"].iloc[0])
        row_id = _get(row, "row_id")
        if not row_id:
            raise ValueError(f"the selected {_NOUNS[self.table.value]} row has no row_id (tables built before row ids)")
        return str(row_id)

    def reject_selected(self, note: str | None = None):
        """Append a ``reject`` line for the selected row to the review file; return the line written."""
        from analysis.review import append_review_line

        line = append_review_line(self.review_file.value, self.selected_row_id(), "reject",
                                  note=self.review_note.value if note is None else note, date=_today())
        self.review_status.value = _written(line, self.review_file.value)
        return line

    def correct_selected(self, field: str | None = None, value: str | None = None, note: str | None = None):
        """Append a ``set`` line (the selected row's ``field`` takes ``value``; default: the review widgets'
        values) to the review file; return the line written. A field the row's table cannot set, or a
        value that does not fit it (a year "abc"), is a ValueError naming it, and nothing is written."""
        from analysis.review import append_review_line
        from analysis.review.fields import check_value

        field = self.review_field.value if field is None else field
        value = self.review_value.value if value is None else value
        table = _REVIEWED_AS[self.table.value]
        if field not in _settable(table):
            raise ValueError(f"{field!r} is not a field a review can set in {table}: one of "
                             f"{', '.join(_settable(table))}")
        check_value(table, field, value)  # InvalidValue (a ValueError) says what would fit
        line = append_review_line(self.review_file.value, self.selected_row_id(), "set", field, value,
                                  note=self.review_note.value if note is None else note, date=_today())
        self.review_status.value = _written(line, self.review_file.value)
        return line

    def _review_click(self, action) -> None:
        try:
            action()
        except (ValueError, OSError) as exc:
            self.review_status.value = f"<span style='color:#b00'>Not written: {html.escape(str(exc))}</span>"

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        return {**bundle, "text/plain": f"Explorer: {self.summary()}"}


def _settable(table: str) -> list[str]:
    from analysis.review.fields import settable_fields

    return list(settable_fields(table))


def _today() -> str:
    return _dt.date.today().isoformat()


def _written(line, path) -> str:
    what = f"{line.action} {line.field} = {line.value!r}" if line.action == "set" else line.action
    return (f"Written to {html.escape(str(path))}, line {line.line}: {html.escape(what)} on "
            f"<code>{html.escape(line.row_id)}</code>; it applies at the next run given this review file.")


def explore(corpus: str | os.PathLike, review: str | os.PathLike = "", **defaults: Any) -> Explorer:
    """Load ``corpus`` (a folder or file), build its tables and return an :class:`Explorer` over them.

    ``review``: a review file applied to the tables (empty: none), and the file the explorer's review lines
    are appended to (default then ``review.csv``). ``defaults`` set the controls' first values (``table``,
    ``article``, ``country``, ``metric``, ``kind``, ``domain``, ``year_from``, ``year_to``, ``search``); a
    value the corpus does not have raises ValueError naming it.
    """
    from analysis.corpus import load_corpus
    from analysis.tables import build_tables

    loaded = load_corpus(corpus)
    applied = review if review and os.path.exists(review) else None  # a new review file has nothing to apply yet
    return Explorer(build_tables(loaded, review=applied), loaded, review_file=review, **defaults)
