"""Claim checks: defence-budget figures from articles against the reference series.

``budget_check`` puts each extracted ``defence_budget`` figure that names an actor beside every
reference series covering that actor (SIPRI; China's NPC budget; Russia's "National defence"
line), for one year chosen in this order:

1. the figure's own year (``year_basis = "figure"``);
2. else the article's publication year (``"published"``);
3. else the latest year the reference series has (``"latest reference"``).

``ratio`` is claimed / reference; ``verdict`` is ``consistent`` within ±15 %, else ``higher`` or
``lower``; ``no reference`` when no series covers the actor or year. ``note`` says in one line
what could explain a large ratio.

``combined_check`` checks claims of the kind "the combined Russia-China military budget
surpasses Washington's": the combination computed with the article's own figures and with SIPRI
for the same year, side by side. How a combination is found is documented on the function.

>>> import pandas as pd
>>> figures = pd.DataFrame({"article_id": ["000"] * 3, "start": [10, 20, 30], "end": [14, 34, 44],
...     "surface": ["$604", "$200 billion", "$715 billion"], "metric": ["defence_budget"] * 3,
...     "actor": ["CHN", "RUS", "USA"], "value_usd": [604e9, 200e9, 715e9], "year": [None] * 3})
>>> articles = pd.DataFrame({"article_id": ["000"], "published": ["2021-11-24"]})
>>> check = budget_check(figures, articles)
>>> sipri = check[check.reference_source.str.startswith("SIPRI")]
>>> sipri[["actor", "year", "year_basis", "ratio", "verdict"]].round(2).values.tolist()
... # doctest: +NORMALIZE_WHITESPACE
[['CHN', 2021, 'published', 2.06, 'higher'],
 ['RUS', 2021, 'published', 3.03, 'higher'],
 ['USA', 2021, 'published', 0.89, 'consistent']]
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.reference.fx import to_usd
from analysis.reference.series import SERIES, SIPRI, reference_series

__all__ = ["VERDICTS", "TOLERANCE", "BUDGET_CHECK_COLUMNS", "COMBINED_CHECK_COLUMNS", "budget_check",
           "claim_sentences", "combined_check"]

#: Every verdict ``budget_check`` gives.
VERDICTS = ("consistent", "higher", "lower", "no reference")
#: A claim within this fraction of the reference is ``consistent``.
TOLERANCE = 0.15
BUDGET_METRIC = "defence_budget"

BUDGET_CHECK_COLUMNS = ["article_id", "start", "end", "surface", "actor", "claimed_usd", "year", "year_basis",
                        "reference_source", "reference_usd", "ratio", "verdict", "note"]
COMBINED_CHECK_COLUMNS = ["article_id", "claim", "claim_basis", "combined_actors", "compared_actor", "year",
                          "year_basis", "claimed_combined_usd", "claimed_compared_usd", "claimed_ratio",
                          "claimed_exceeds", "reference_source", "reference_combined_usd",
                          "reference_compared_usd", "reference_ratio", "reference_exceeds", "note"]

_BUDGET_FIGURE_COLUMNS = ["article_id", "start", "end", "surface", "actor", "claimed_usd", "year", "sentence"]

# A ratio this far off is more likely a unit (million/billion), currency or multi-year slip than a definition.
_UNIT_SLIP = 10.0


# ---- small parsers -------------------------------------------------------------------------------------------

def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _year(value) -> int | None:
    """A year from 2021, 2021.0, "2021", "2021-11-24"; None for empty or missing.

    >>> [_year(v) for v in (2021, 2021.0, "2021", "2021-11", "2021-11-24", "", None, float("nan"), "n.d.")]
    [2021, 2021, 2021, 2021, 2021, None, None, None, None]
    """
    if _missing(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)
    match = re.match(r"\s*(\d{4})(?:\.0)?(?:-|\s*$)", str(value))
    return int(match.group(1)) if match else None


def _published_years(articles: pd.DataFrame) -> dict[str, int | None]:
    if articles is None or "published" not in articles or "article_id" not in articles:
        return {}
    return {str(a): _year(p) for a, p in zip(articles["article_id"].tolist(), articles["published"].tolist())}


def _claimed_usd(row: dict) -> float | None:
    """The figure's ``value_usd``; else its value converted from ``unit`` (a currency code) at its year."""
    if not _missing(row.get("value_usd")):
        return float(row["value_usd"])
    value, unit = row.get("value"), row.get("unit")
    if _missing(value) or _missing(unit):
        return None
    return to_usd(float(value), str(unit), _year(row.get("year")))[0]


def _records(frame: pd.DataFrame) -> list[dict]:
    """``frame.to_dict("records")`` (the same values), several times faster: each column read once as a list."""
    columns = list(frame.columns)
    return [dict(zip(columns, values)) for values in zip(*(frame[c].tolist() for c in columns))]


def _budget_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The defence_budget figures that name an actor, in text order, with ``claimed_usd``."""
    if figures is None or figures.empty or "metric" not in figures:
        return pd.DataFrame(columns=_BUDGET_FIGURE_COLUMNS)
    read = ("article_id", "start", "end", "surface", "actor", "unit", "value", "value_usd", "year", "sentence")
    budget = figures[figures["metric"].eq(BUDGET_METRIC)]
    out = []
    for row in _records(budget[[c for c in read if c in budget.columns]]):  # only the columns read
        actor = row.get("actor")
        if _missing(actor) or not str(actor).strip():
            continue
        unit = row.get("unit")
        if _missing(row.get("value_usd")) and not (isinstance(unit, str) and re.fullmatch(r"[A-Z]{3}", unit)):
            continue  # a share of GDP, a growth rate or a count: not money
        out.append({"article_id": str(row.get("article_id")), "start": row.get("start"), "end": row.get("end"),
                    "surface": row.get("surface"), "actor": str(actor).strip().upper(),
                    "claimed_usd": _claimed_usd(row), "year": _year(row.get("year")),
                    "sentence": row.get("sentence") if not _missing(row.get("sentence")) else ""})
    frame = pd.DataFrame(out, columns=_BUDGET_FIGURE_COLUMNS)
    return frame.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


class _ReferenceIndex:
    """The reference table read once into dictionaries, so a check looks each figure up in O(1) instead of
    filtering the table per figure (that filtering was most of ``budget_check``'s time on a large corpus).

    ``values[(country, series)][year]`` is ``(value_usd, reference_source)`` from the latest release holding
    that year (the last row after a stable sort by release); ``series[country]``
    lists the series covering the country in the order the checks use (:data:`SERIES`, then the others sorted).
    """

    def __init__(self, ref: pd.DataFrame):
        ordered = ref.sort_values("release", kind="stable")  # within one (country, series, year): latest last
        self.values: dict[tuple[str, str], dict[int, tuple[float, str]]] = {}
        for country, series, year, value, source in zip(ordered["country"], ordered["series"], ordered["year"],
                                                        ordered["value_usd"], ordered["reference_source"]):
            self.values.setdefault((country, series), {})[int(year)] = (float(value), source)
        covering: dict[str, set[str]] = {}
        for country, series in self.values:
            covering.setdefault(country, set()).add(series)
        self.series = {country: [s for s in SERIES if s in found] + sorted(found - set(SERIES))
                       for country, found in covering.items()}

    def at(self, country: str, series: str, year: int | None) -> tuple[float, str] | None:
        return self.values.get((country, series), {}).get(year) if year is not None else None

    def years(self, country: str, series: str) -> dict[int, tuple[float, str]]:
        return self.values.get((country, series), {})


def _times(ratio: float) -> str:
    return f"{ratio:.1f}×" if ratio >= 1.95 or ratio < 0.5 else f"{ratio:.2f}×"


def _verdict(ratio: float) -> str:
    if 1 - TOLERANCE <= ratio <= 1 + TOLERANCE:
        return "consistent"
    return "higher" if ratio > 1 else "lower"


def _note(ratio: float, series: str, actor: str, reference_source: str, year: int) -> str:
    """One line on what could explain the ratio between a claim and a reference value."""
    verdict = _verdict(ratio)
    if verdict == "consistent":
        return f"within ±{TOLERANCE:.0%} of {reference_source} for {year}".replace("%", " %")
    times = _times(ratio)
    if ratio >= _UNIT_SLIP or ratio <= 1 / _UNIT_SLIP:
        return (f"{times} {reference_source} for {year}: check the unit (million/billion), the currency, "
                "or whether a multi-year or partial total was reported")
    ppp = actor != "USA"
    if series == SIPRI:
        if ratio > 1:
            if ppp:
                return (f"{times} SIPRI's market-exchange-rate estimate; "
                        "purchasing-power-parity estimates run this high")
            return f"{times} SIPRI's estimate; may be a multi-year, requested or wider national-security figure"
        return (f"{times} SIPRI's estimate; official budgets leave out items SIPRI counts "
                "(paramilitary forces, pensions, military R&D, arms imports)")
    if ratio > 1:
        extra = "; purchasing-power-parity estimates run higher still" if ppp else ""
        return f"{times} the official budget; SIPRI's estimate adds spending the budget line leaves out{extra}"
    return f"{times} the official budget; may be an earlier year's, or only part of the budget"


# ---- budget_check ----------------------------------------------------------------------------------------------

def budget_check(figures: pd.DataFrame, articles: pd.DataFrame, reference: pd.DataFrame | None = None
                 ) -> pd.DataFrame:
    """One row per defence_budget figure with an actor and per reference series covering that actor.

    ``figures`` is the extracted figures table (article_id, start, end, surface, value, unit,
    value_usd, metric, actor, year, ...); ``articles`` the articles table (article_id,
    published). ``reference`` defaults to :func:`reference_series`. Columns:
    ``BUDGET_CHECK_COLUMNS``; money in US dollars (not billions).

    >>> figures = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [12], "surface": ["$300 billion"],
    ...     "metric": ["defence_budget"], "actor": ["CHN"], "value_usd": [300e9], "year": [2023]})
    >>> check = budget_check(figures, pd.DataFrame({"article_id": ["a"], "published": [""]}))
    >>> check[["reference_source", "year_basis", "verdict"]].values.tolist()
    [['SIPRI 2024 release', 'figure', 'consistent'], ['China NPC official budget', 'figure', 'higher']]
    """
    index = _ReferenceIndex(reference_series() if reference is None else reference)
    published = _published_years(articles)
    rows = []
    for fig in _records(_budget_figures(figures)):
        base = {k: fig[k] for k in ("article_id", "start", "end", "surface", "actor", "claimed_usd")}
        fig_year, pub_year = fig["year"], published.get(fig["article_id"])
        fig_year = None if _missing(fig_year) else int(fig_year)  # a year column with gaps is float: NaN is no year
        series_list = index.series.get(fig["actor"], [])
        if not series_list:
            year, basis = (fig_year, "figure") if fig_year else (pub_year, "published") if pub_year else (None, None)
            rows.append({**base, "year": year, "year_basis": basis, "reference_source": None,
                         "reference_usd": None, "ratio": None, "verdict": "no reference",
                         "note": f"no reference series covers {fig['actor']}"})
            continue
        for series in series_list:
            years = index.years(fig["actor"], series)
            if fig_year:
                year, basis = fig_year, "figure"
            elif pub_year:
                year, basis = pub_year, "published"
            else:
                year, basis = max(years), "latest reference"
            hit = years.get(year)
            row = {**base, "year": year, "year_basis": basis}
            if hit is None:
                rows.append({**row, "reference_source": series, "reference_usd": None, "ratio": None,
                             "verdict": "no reference",
                             "note": f"{series} covers {min(years)}–{max(years)}; nothing for {year}"})
                continue
            reference_usd, reference_source = hit
            row.update(reference_source=reference_source, reference_usd=reference_usd)
            claimed = fig["claimed_usd"]
            if _missing(claimed):
                rows.append({**row, "ratio": None, "verdict": "no reference",
                             "note": "the claimed figure has no US-dollar value; cannot compare"})
                continue
            ratio = float(claimed) / reference_usd
            rows.append({**row, "ratio": ratio, "verdict": _verdict(ratio),
                         "note": _note(ratio, series, fig["actor"], reference_source, year)})
    frame = pd.DataFrame(rows, columns=BUDGET_CHECK_COLUMNS)
    return frame.astype({"year": "Int64", "claimed_usd": "float64", "reference_usd": "float64", "ratio": "float64"})


# ---- combined_check --------------------------------------------------------------------------------------------

# Each pattern first looks ahead for a letter one of its words starts with, so the engine tries the words only
# there, not at every word boundary of an article (twice as fast over a whole text; the same matches).
_COMBINED = re.compile(r"\b(?=[ctjips])(?:combined|together|jointly|taken together|put together|in total|sum of)\b",
                       re.I)
_COMPARE = re.compile(r"\b(?=[sedortmlgbh])(?:surpass\w*|exceed\w*|outspend\w*|outstrip\w*|dwarf\w*|eclips\w*|overtak\w*|"
                      r"tops?|topped|rival\w*|match\w*|(?:more|less|greater|bigger|larger|higher|lower|smaller) than|"
                      r"than)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])")


def claim_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that could state a combined-budget claim (a "combined"-like word and a
    comparison), as :func:`combined_check` reads them: what a streaming run keeps of an article's text."""
    if not (text and _COMBINED.search(text) and _COMPARE.search(text)):
        return []  # no sentence can have both words when the text has not (the usual case, at no split)
    return [s.strip() for s in _SENTENCE_END.split(text or "") if _COMBINED.search(s) and _COMPARE.search(s)]


def _parse_claim(sentence: str, actors: set[str]) -> tuple[list[str], str] | None:
    """(combined actors, compared actor) from "the combined A-B budget surpasses C's", if ``actors`` have figures.

    >>> _parse_claim("The combined Russia-China military budget surpasses Washington's defense spending.",
    ...              {"CHN", "RUS", "USA"})
    (['RUS', 'CHN'], 'USA')
    """
    from analysis.extract.countries import find_countries

    verb = _COMPARE.search(sentence)
    if verb is None:
        return None
    mentions = find_countries(sentence)
    left = list(dict.fromkeys(m.alpha3 for m in mentions if m.end <= verb.start() and m.alpha3 in actors))
    right = [m.alpha3 for m in mentions if m.start >= verb.end() and m.alpha3 in actors and m.alpha3 not in left]
    if len(left) >= 2 and right:
        return left, right[0]
    return None


def _fmt_bn(value: float) -> str:
    return f"{value / 1e9:,.1f} bn" if value < 100e9 else f"{value / 1e9:,.0f} bn"


def _exceeds_text(ratio: float) -> str:
    return "exceeds" if ratio > 1 else "does not exceed"


def combined_check(figures: pd.DataFrame, articles: pd.DataFrame, texts: dict[str, str] | None = None,
                   reference: pd.DataFrame | None = None, claims: dict[str, list[str]] | None = None
                   ) -> pd.DataFrame:
    """Combined-budget claims, computed with the article's figures and with SIPRI for the same year.

    How a combination is found, per article, among its defence_budget figures that name an actor
    and have a US-dollar value (an actor's first such figure in the text stands for it):

    * a *claim sentence*: a sentence (of the article's text, from ``texts`` when given, or the article's
      :func:`claim_sentences` from ``claims`` when a caller kept only those, or of a
      figure) with a word like "combined"/"together" and a comparison ("surpasses", "exceeds",
      "more than", ...). The countries named before the comparison are combined, the first named
      after it is compared; used when at least two before and one after have figures
      (``claim_basis = "sentence"``).
    * otherwise, when the article has budget figures for three or more actors, the largest is
      compared with the sum of the others (``claim_basis = "article figures"``), since the
      usual claim is that two rivals together out-spend the biggest spender.

    The year follows ``budget_check``: the figures' common year, else the publication year, else
    the latest SIPRI year with all the actors. SIPRI values come from the latest release holding
    that year. Columns: ``COMBINED_CHECK_COLUMNS``; money in US dollars; ``*_ratio`` is
    combined / compared.

    >>> figures = pd.DataFrame({"article_id": ["000"] * 3, "start": [10, 20, 30], "metric": ["defence_budget"] * 3,
    ...     "actor": ["CHN", "RUS", "USA"], "value_usd": [604e9, 200e9, 715e9]})
    >>> row = combined_check(figures, pd.DataFrame({"article_id": ["000"], "published": ["2021-11-24"]})).iloc[0]
    >>> row.combined_actors, row.compared_actor, float(row.claimed_combined_usd) / 1e9, bool(row.claimed_exceeds)
    ('CHN+RUS', 'USA', 804.0, True)
    >>> row.reference_source, float(row.reference_combined_usd) / 1e9, bool(row.reference_exceeds)
    ('SIPRI 2022 release', 358.9, False)
    """
    index = _ReferenceIndex(reference_series() if reference is None else reference)
    published = _published_years(articles)
    texts = texts or {}
    by_article: dict[str, list[dict]] = {}
    for fig in _records(_budget_figures(figures)):  # sorted by article_id, then start
        if not _missing(fig["claimed_usd"]):
            by_article.setdefault(fig["article_id"], []).append(fig)
    rows = []
    for article_id in sorted(by_article):
        group = by_article[article_id]
        first: dict[str, dict] = {}  # actor -> its first figure in the text, in the order actors come
        for fig in group:
            first.setdefault(fig["actor"], fig)
        actors = set(first)
        parsed, claim = None, ""
        found = claims.get(article_id, []) if claims is not None else claim_sentences(texts.get(article_id, ""))
        sentences = list(found) + [s for s in dict.fromkeys(f["sentence"] for f in group)
                                   if s and _COMBINED.search(s) and _COMPARE.search(s)]
        for sentence in sentences:
            parsed = _parse_claim(sentence, actors)
            if parsed:
                claim = sentence
                break
        if parsed:
            combined, compared = parsed
            basis = "sentence"
        elif len(actors) >= 3:
            largest = max(f["claimed_usd"] for f in first.values())
            compared = next(a for a, f in first.items() if f["claimed_usd"] == largest)  # the first, as idxmax
            combined = [a for a in first if a != compared]
            basis = "article figures"
        else:
            continue
        parties = combined + [compared]
        fig_years = {_year(first[a]["year"]) for a in parties}
        if len(fig_years) == 1 and None not in fig_years:
            year, year_basis = fig_years.pop(), "figure"
        elif published.get(article_id):
            year, year_basis = published[article_id], "published"
        else:
            common = set.intersection(*(set(index.years(a, SIPRI)) for a in parties))
            year, year_basis = (max(common), "latest reference") if common else (None, None)
        claimed_combined = float(sum(first[a]["claimed_usd"] for a in combined))
        claimed_compared = float(first[compared]["claimed_usd"])
        claimed_ratio = claimed_combined / claimed_compared
        row = {"article_id": article_id, "claim": claim, "claim_basis": basis,
               "combined_actors": "+".join(sorted(combined)), "compared_actor": compared, "year": year,
               "year_basis": year_basis, "claimed_combined_usd": claimed_combined,
               "claimed_compared_usd": claimed_compared, "claimed_ratio": claimed_ratio,
               "claimed_exceeds": claimed_ratio > 1}
        hits = {a: index.at(a, SIPRI, year) if year else None for a in parties}
        missing = [a for a, h in hits.items() if h is None]
        claimed_text = (f"claimed: {'+'.join(sorted(combined))} {_fmt_bn(claimed_combined)} vs {compared} "
                        f"{_fmt_bn(claimed_compared)} ({claimed_ratio:.2f}×, {_exceeds_text(claimed_ratio)})")
        if missing:
            rows.append({**row, "reference_source": SIPRI, "reference_combined_usd": None,
                         "reference_compared_usd": None, "reference_ratio": None, "reference_exceeds": None,
                         "note": f"{claimed_text}; SIPRI has no {year} value for {', '.join(missing)}"})
            continue
        ref_combined = float(sum(hits[a][0] for a in combined))
        ref_compared = float(hits[compared][0])
        ref_ratio = ref_combined / ref_compared
        source = hits[compared][1]
        note = (f"{claimed_text}; {source} for {year}: {_fmt_bn(ref_combined)} vs {_fmt_bn(ref_compared)} "
                f"({ref_ratio:.2f}×, {_exceeds_text(ref_ratio)})")
        if (claimed_ratio > 1) != (ref_ratio > 1):
            note += " - the comparison flips with SIPRI's figures"
        rows.append({**row, "reference_source": source, "reference_combined_usd": ref_combined,
                     "reference_compared_usd": ref_compared, "reference_ratio": ref_ratio,
                     "reference_exceeds": ref_ratio > 1, "note": note})
    frame = pd.DataFrame(rows, columns=COMBINED_CHECK_COLUMNS)
    return frame.astype({"year": "Int64", "claimed_combined_usd": "float64", "claimed_compared_usd": "float64",
                         "claimed_ratio": "float64", "reference_combined_usd": "float64",
                         "reference_compared_usd": "float64", "reference_ratio": "float64"})
