"""Tables shaped for reading in the report notebooks: chosen columns, plain headers, sorted rows.

The notebooks hold no logic; each view here is one call from a notebook cell. Every view returns a
new DataFrame in a stable order, so a stored notebook's outputs reproduce exactly.
"""
from __future__ import annotations

import pandas as pd

from analysis.report import numbers

__all__ = ["articles_overview", "date_basis", "problems_overview", "set_aside", "set_aside_counts", "country_name",
           "country_codes", "for_countries", "figures_overview", "budget_check_overview", "combined_check_overview",
           "budget_claims_in_words", "combined_claims_in_words", "sipri_chart", "exercises_overview",
           "events_selected", "events_overview", "events_summary", "events_map", "events_timeline"]


def articles_overview(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article: id, title, date (and its precision and source), outlet, origin, size.

    >>> frame = pd.DataFrame([{"article_id": "a", "title": "T", "published": "2021-01", "date_precision": "month",
    ...     "published_source": "sidecar", "outlet": None, "origin": None, "n_chars": 10, "n_sentences": 1}])
    >>> list(articles_overview(frame).columns)
    ['article_id', 'title', 'published', 'date_precision', 'date_source', 'outlet', 'origin', 'n_chars', 'n_sentences']
    """
    view = articles[["article_id", "title", "published", "date_precision", "published_source", "outlet", "origin",
                     "n_chars", "n_sentences"]].rename(columns={"published_source": "date_source"})
    return view.sort_values("article_id").reset_index(drop=True).fillna("")


def date_basis(articles: pd.DataFrame) -> pd.DataFrame:
    """How each article's date was established: the date, its precision, where it came from, the note."""
    view = articles[["article_id", "published", "date_precision", "published_source", "note"]]
    return view.rename(columns={"published_source": "date_source"}).sort_values("article_id").reset_index(
        drop=True).fillna("")


def problems_overview(problems: pd.DataFrame) -> str:
    """One sentence on what could not be loaded (the table itself is shown below it when not empty).

    >>> problems_overview(pd.DataFrame(columns=["path", "problem", "detail"]))
    'No problems: every file in the corpus loaded.'
    """
    if problems.empty:
        return "No problems: every file in the corpus loaded."
    counts = problems["problem"].value_counts().sort_index()
    listed = ", ".join(f"{n} {name}" for name, n in counts.items())
    return f"{len(problems)} file(s) or record(s) could not be loaded ({listed}); each is listed below."


def set_aside(lines: pd.DataFrame, zones: tuple[str, ...] = ("boilerplate", "caption", "meta")) -> pd.DataFrame:
    """Lines set aside as boilerplate or meta, or kept as captions: article, offsets, zone, reason, text."""
    view = lines[lines["zone"].isin(zones)]
    return view.sort_values(["article_id", "start"]).reset_index(drop=True)


def set_aside_counts(lines: pd.DataFrame) -> pd.DataFrame:
    """Count of set-aside lines per article and zone (articles as rows, zones as columns)."""
    view = set_aside(lines)
    counts = view.pivot_table(index="article_id", columns="zone", values="start", aggfunc="count", fill_value=0)
    counts.columns.name = None
    return counts.reset_index().sort_values("article_id").reset_index(drop=True)


# ---- budgets (notebook 02) ---------------------------------------------------------------------------------

# Plain English names for the codes the extractors use (ISO 3166 alpha-3; SUN = the Soviet Union).
_SHORT_NAMES = {"USA": "the United States", "RUS": "Russia", "CHN": "China", "GBR": "the United Kingdom",
                "TWN": "Taiwan", "SUN": "the Soviet Union", "KOR": "South Korea", "PRK": "North Korea",
                "IRN": "Iran", "WLD": "the world"}
_QUALIFIER_WORDS = {"approximately": "about", "more than": "more than", "less than": "less than",
                    "at least": "at least", "up to": "up to", "nearly": "nearly", "over": "over"}


def country_name(code: str) -> str:
    """A readable name for an alpha-3 code.

    >>> country_name("RUS"), country_name("FRA")
    ('Russia', 'France')
    """
    from analysis.charts.style import _iso_name

    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    return _iso_name(code) or str(code)


def country_codes(names: list[str]) -> list[str]:
    """Country names or codes as written by an analyst (``China``, ``US``, ``RUS``) -> alpha-3 codes.

    An empty list means every country; a name no vocabulary knows raises ValueError naming it.

    >>> country_codes(["China", "Russia", "United States"])
    ['CHN', 'RUS', 'USA']
    """
    from analysis.extract.countries import country_code

    codes = []
    for name in names:
        code = name.upper() if len(name) == 3 and name.isupper() else country_code(name)
        if not code:
            raise ValueError(f"country {name!r} is not in analysis/extract/data/country_aliases.csv: use a name "
                             f"listed there (e.g. 'China', 'Russia', 'United States') or an ISO alpha-3 code")
        codes.append(code)
    return codes


def for_countries(frame: pd.DataFrame, countries: list[str] | None, column: str = "actor") -> pd.DataFrame:
    """Rows whose ``column`` is one of ``countries`` (names or codes); all rows when the list is empty."""
    if countries:
        frame = frame[frame[column].isin(country_codes(countries))]
    return frame


def sipri_chart(check: pd.DataFrame, countries: list[str] | None, year_from: int, year_to: int):
    """SIPRI's series for ``countries`` (default: the claims' actors) over the years, claims overlaid."""
    from analysis.charts import sipri_series_chart

    return sipri_series_chart(claims=for_countries(check, countries), countries=country_codes(countries) or None,
                              years=(year_from, year_to))


def _value_text(value, unit) -> str:
    """A figure's value as read, for reading: money in its currency (US$604 bn, RUB4,200 bn), counts whole, shares in %.

    >>> _value_text(604e9, "USD"), _value_text(1e5, "count"), _value_text(2.4, "percent_gdp"), _value_text(4.2e12, "RUB")
    ('US$604 bn', '100,000', '2.4 % of GDP', 'RUB4,200 bn')
    """
    unit = "" if numbers.is_missing(unit) else str(unit)
    if numbers.is_missing(value):
        return ""
    if unit == "USD":
        return numbers.money(value)
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        return numbers.money(value, currency=unit)
    if unit == "count":
        return numbers.count(value)
    if unit.startswith("percent"):
        return f"{float(value):,.3g} %" + (" of GDP" if unit.endswith("gdp") else "")
    return numbers.number(value)


def figures_overview(figures: pd.DataFrame, countries: list[str] | None = None) -> pd.DataFrame:
    """The extracted figures (text beside the parsed value), for the given countries, in text order.

    For reading: ``value`` in its own currency or unit and ``value_usd`` in US$ bn / m as text
    (figures.csv keeps both at full precision), blanks for missing.
    """
    columns = ["article_id", "start", "end", "surface", "value", "unit", "value_usd", "metric", "actor",
               "counterpart", "year", "qualifier", "flags"]
    view = for_countries(figures, countries)[[c for c in columns if c in figures.columns]]
    view = view.sort_values(["article_id", "start", "end"]).reset_index(drop=True)
    if "value" in view:
        view["value"] = [_value_text(v, u) for v, u in zip(view["value"], view.get("unit", [None] * len(view)))]
    if "value_usd" in view:
        view["value_usd"] = view["value_usd"].map(numbers.money)
    return numbers.readable_frame(view)


def budget_check_overview(check: pd.DataFrame, countries: list[str] | None = None) -> pd.DataFrame:
    """``budget_check`` for the given countries, for reading: money in US$ bn / m, the ratio as 2.06×."""
    view = for_countries(check, countries).copy()
    view = view.sort_values(["article_id", "start", "reference_source"], na_position="last").reset_index(drop=True)
    view["claimed"] = view["claimed_usd"].map(numbers.money)
    view["reference"] = view["reference_usd"].map(numbers.money)
    view["ratio"] = view["ratio"].map(numbers.ratio)
    order = ["article_id", "surface", "claimed", "actor", "year", "year_basis", "reference_source", "reference",
             "ratio", "verdict", "note"]
    return numbers.readable_frame(view[order])


def combined_check_overview(combined: pd.DataFrame) -> pd.DataFrame:
    """``combined_check`` for reading, one row per claim: money in US$ bn / m, ratios as 1.12×."""
    view = combined.copy()
    for column in [c for c in view.columns if c.endswith("_usd")]:
        view[column.removesuffix("_usd")] = view.pop(column).map(numbers.money)
    for column in ("claimed_ratio", "reference_ratio"):
        view[column] = view[column].map(numbers.ratio)
    order = ["article_id", "combined_actors", "compared_actor", "year", "claimed_combined", "claimed_compared",
             "claimed_ratio", "claimed_exceeds", "reference_source", "reference_combined", "reference_compared",
             "reference_ratio", "reference_exceeds", "claim"]
    view = view[[c for c in order if c in view.columns]].sort_values(["article_id", "combined_actors"])
    return numbers.readable_frame(view.reset_index(drop=True))


def _relation(ratio: float, tolerance: float = 0.15) -> str:
    if abs(ratio - 1) <= tolerance:
        return f"close to the claim (the claim is {ratio:.2f}× it)"
    return f"{ratio:.1f}× lower" if ratio > 1 else f"{1 / ratio:.1f}× higher"


def budget_claims_in_words(check: pd.DataFrame, figures: pd.DataFrame | None = None, reference: str = "SIPRI",
                           countries: list[str] | None = None) -> list[str]:
    """Each budget claim beside the reference, one sentence each, in text order.

    ``reference`` picks the series by the start of its name (``SIPRI``, ``China NPC``, ``Russia
    federal``); ``figures`` supplies the qualifier ("about", "more than") when given.

    >>> check = pd.DataFrame({"article_id": ["000_x"], "start": [5], "surface": ["$604"], "actor": ["CHN"],
    ...     "claimed_usd": [604e9], "year": [2021], "reference_source": ["SIPRI 2022 release"],
    ...     "reference_usd": [293e9], "ratio": [604 / 293]})
    >>> budget_claims_in_words(check)
    ["000 says China spends US$604 bn ('$604'); SIPRI's estimate for 2021 is US$293 bn (2022 release), 2.1× lower."]
    """
    rows = for_countries(check, countries)
    rows = rows[rows["reference_source"].fillna("").str.startswith(reference) & rows["reference_usd"].notna()]
    qualifiers = {}
    if figures is not None and "qualifier" in figures.columns:
        qualifiers = {(r.article_id, r.start): r.qualifier for r in figures.itertuples(index=False)}
    sentences = []
    for r in rows.sort_values(["article_id", "start", "reference_source"]).itertuples(index=False):
        qualifier = qualifiers.get((r.article_id, r.start))
        word = _QUALIFIER_WORDS.get(qualifier, "") if isinstance(qualifier, str) else ""
        source = str(r.reference_source)
        release = source[len(reference):].strip()
        owner = f"{reference}'s estimate" if reference == "SIPRI" else f"the {reference} figure"
        sentences.append(
            f"{str(r.article_id).split('_')[0]} says {country_name(r.actor)} spends {word + ' ' if word else ''}"
            f"{numbers.money(r.claimed_usd)} ('{r.surface}'); {owner} for {r.year} is {numbers.money(r.reference_usd)}"
            f"{f' ({release})' if release else ''}, {_relation(r.ratio)}.")
    return sentences


def combined_claims_in_words(combined: pd.DataFrame) -> list[str]:
    """Each combined-budget claim, as claimed and with the reference's figures, one sentence each."""
    sentences = []
    for r in combined.sort_values(["article_id", "combined_actors"]).itertuples(index=False):
        together = " and ".join(country_name(c) for c in str(r.combined_actors).split("+"))
        if pd.isna(r.reference_combined_usd) or pd.isna(r.reference_compared_usd):
            sentences.append(f"{str(r.article_id).split('_')[0]} says {together} together outspend "
                             f"{country_name(r.compared_actor)}; no reference figures for {r.year} to check it.")
            continue
        verdict = "holds" if bool(r.claimed_exceeds) == bool(r.reference_exceeds) else "does not hold"
        sentences.append(
            f"{str(r.article_id).split('_')[0]} says {together} together outspend {country_name(r.compared_actor)} "
            f"({numbers.money(r.claimed_combined_usd)} vs {numbers.money(r.claimed_compared_usd)}); with {r.reference_source} figures for "
            f"{r.year} it is {numbers.money(r.reference_combined_usd)} vs {numbers.money(r.reference_compared_usd)}, so the claim "
            f"{verdict}.")
    return sentences


# ---- exercises (notebook 03) -------------------------------------------------------------------------------

#: Columns the exercise views show, in this order (lists are ``;``-joined).
EXERCISE_VIEW_COLUMNS = ["article_id", "start", "end", "surface", "name", "kind", "year", "month", "status",
                         "participants", "domains", "locations", "assets", "flags", "event_id"]
EVENT_VIEW_COLUMNS = ["event_id", "name", "first_surface", "kind", "year", "year_inferred", "month", "status", "participants", "domains",
                      "places", "n_mentions", "n_articles", "article_ids"]


def _years(frame: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """Rows whose year (stated, else inferred from the article) is in the range; undated rows are kept."""
    if "year" not in frame.columns or frame.empty:
        return frame
    year = pd.to_numeric(frame["year"], errors="coerce")
    if "year_inferred" in frame.columns:
        year = year.fillna(pd.to_numeric(frame["year_inferred"], errors="coerce"))
    return frame[year.isna() | year.between(year_from, year_to)]


def _domains(frame: pd.DataFrame, domains: list[str] | None) -> pd.DataFrame:
    """Rows with at least one of ``domains`` in their ``;``-joined ``domains`` column; all rows when empty."""
    if not domains or "domains" not in frame.columns:
        return frame
    wanted = {d.strip().lower() for d in domains}
    return frame[frame["domains"].fillna("").map(lambda v: bool(wanted & set(str(v).lower().split(";"))))]


def exercises_overview(tables: dict, year_from: int = 0, year_to: int = 9999,
                       domains: list[str] | None = None) -> pd.DataFrame:
    """Every exercise or patrol mention, one row each, in text order (undated mentions kept).

    >>> from analysis.corpus import Corpus, article_from_text
    >>> from analysis.tables import build_tables
    >>> a = article_from_text("Russia and China held joint naval drills in the Sea of Japan in 2023.", article_id="a")
    >>> exercises_overview(build_tables(Corpus([a])), domains=["naval"])[["surface", "year", "domains"]].values.tolist()
    [['joint naval drills in the Sea of Japan', 2023, 'naval']]
    """
    frame = _domains(_years(tables["exercises"], year_from, year_to), domains)
    columns = [c for c in EXERCISE_VIEW_COLUMNS if c in frame.columns]
    keys = [c for c in ("article_id", "start", "end") if c in frame.columns]
    view = frame[columns].sort_values(keys).reset_index(drop=True) if keys else frame[columns]
    return _blank_missing(view)


def _blank_missing(view: pd.DataFrame) -> pd.DataFrame:
    """Missing text, years and months shown as blanks rather than ``NaN`` / ``<NA>``, for reading.

    Decimal columns keep their missing values, so they stay numbers under the display format.
    """
    view = view.copy()
    for column in view.columns:
        if view[column].dtype.kind not in "fc" and view[column].isna().any():
            view[column] = view[column].astype(object).where(view[column].notna(), "")
    return view


def events_selected(tables: dict, year_from: int = 0, year_to: int = 9999, domains: list[str] | None = None,
                    min_articles: int = 1) -> pd.DataFrame:
    """The merged events within the years and domains, reported by at least ``min_articles`` articles."""
    frame = _domains(_years(tables["events"], year_from, year_to), domains)
    if "n_articles" in frame.columns and not frame.empty:
        frame = frame[pd.to_numeric(frame["n_articles"], errors="coerce").fillna(0) >= min_articles]
    keys = [c for c in ("year_inferred", "year", "month", "event_id") if c in frame.columns]
    return frame.sort_values(keys, na_position="last").reset_index(drop=True) if keys else frame


def events_overview(tables: dict, year_from: int = 0, year_to: int = 9999, domains: list[str] | None = None,
                    min_articles: int = 1) -> pd.DataFrame:
    """:func:`events_selected` with the columns worth reading, for display."""
    frame = events_selected(tables, year_from, year_to, domains, min_articles)
    return _blank_missing(frame[[c for c in EVENT_VIEW_COLUMNS if c in frame.columns]])


def events_summary(tables: dict, year_from: int = 0, year_to: int = 9999, domains: list[str] | None = None,
                   min_articles: int = 1) -> str:
    """One sentence: how many mentions, how many events, how many corroborated by two or more articles.

    >>> events_summary({"exercises": pd.DataFrame(columns=EXERCISE_VIEW_COLUMNS),
    ...                 "events": pd.DataFrame(columns=EVENT_VIEW_COLUMNS)})
    'No exercise or patrol mentions in this corpus.'
    """
    mentions = exercises_overview(tables, year_from, year_to, domains)
    events = events_selected(tables, year_from, year_to, domains, min_articles)
    if mentions.empty and events.empty:
        return "No exercise or patrol mentions in this corpus."
    corroborated = int((pd.to_numeric(events.get("n_articles", pd.Series(dtype=float)), errors="coerce") >= 2).sum())
    return (f"{len(mentions)} mention(s) of exercises or patrols, merged into {len(events)} event(s) "
            f"between {year_from} and {year_to}; {corroborated} reported by two or more articles.")


def events_map(tables: dict, year_from: int = 0, year_to: int = 9999, domains: list[str] | None = None,
               min_articles: int = 1):
    """The map of the selected events' places (offline coastlines)."""
    from analysis.charts import map_figure

    return map_figure(events_selected(tables, year_from, year_to, domains, min_articles))


def events_timeline(tables: dict, year_from: int = 0, year_to: int = 9999, domains: list[str] | None = None,
                    min_articles: int = 1):
    """The timeline of the selected events (year/month, colour = domain, marker = status)."""
    from analysis.charts import timeline_figure

    return timeline_figure(events_selected(tables, year_from, year_to, domains, min_articles))
