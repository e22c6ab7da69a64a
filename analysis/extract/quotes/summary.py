"""Views of the quotes table for the notebook: who is quoted, from which country, and when.

Each takes the frame of :func:`~analysis.extract.quotes.quotes_frame` and the corpus's articles
frame (``Corpus.articles_frame()``, for publication dates) and returns a DataFrame. The views a person
reads (:func:`quotes_by_speaker`, :func:`quote_sentences`) show a missing value as a blank, never
``<NA>`` or ``None`` (an undated article, a speaker whose country the text does not give).
"""
from __future__ import annotations

__all__ = ["dated_quotes", "quotes_by_country_and_year", "quotes_by_speaker", "quote_sentences"]


def dated_quotes(quotes, articles, year_from: int | None = None, year_to: int | None = None):
    """The quotes with their article's ``published`` date and ``year`` (None when unknown), kept when the
    year falls in [year_from, year_to] or is unknown."""
    import pandas as pd

    dates = articles[["article_id", "published"]]
    frame = quotes.merge(dates, on="article_id", how="left")
    frame["year"] = pd.array([int(str(p)[:4]) if isinstance(p, str) and p[:4].isdigit() else None
                              for p in frame["published"]], dtype="Int64")
    known = frame["year"].notna()
    keep = ~known | ((frame["year"].fillna(0) >= (year_from or -10**6)) &
                     (frame["year"].fillna(0) <= (year_to or 10**6)))
    return frame[keep].reset_index(drop=True)


def _blank_missing(frame):
    """A copy of ``frame`` whose missing values (None, NaN, pandas' NA) are empty strings, for reading.

    >>> import pandas as pd
    >>> _blank_missing(pd.DataFrame({"year": pd.array([2020, None], dtype="Int64")}))["year"].tolist()
    [2020, '']
    """
    view = frame.copy()
    for column in view.columns:
        if view[column].isna().any():
            view[column] = view[column].astype(object).where(view[column].notna(), "")
    return view


def quotes_by_speaker(dated):
    """One row per speaker: type, country, how many quotes in how many articles, first and last year."""
    if dated.empty:
        return dated.head(0)[["speaker", "speaker_type", "speaker_country"]].assign(
            quotes=0, articles=0, first_year=None, last_year=None)
    grouped = dated.groupby(["speaker", "speaker_type", "speaker_country"], dropna=False, sort=False)
    table = grouped.agg(quotes=("quote", "size"), articles=("article_id", "nunique"),
                        first_year=("year", "min"), last_year=("year", "max")).reset_index()
    return _blank_missing(table.sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable")
                          .reset_index(drop=True))


def quotes_by_country_and_year(dated):
    """Quotes per speaker country (rows; ``""`` when the text does not say) and publication year
    (columns; ``unknown`` when the article is undated)."""
    import pandas as pd

    year = dated["year"].astype("string").fillna("unknown")
    country = dated["speaker_country"].fillna("").replace("", "(not stated)")
    return pd.crosstab(country.rename("speaker_country"), year.rename("year"))


def quote_sentences(dated, speaker: str = "", country: str = ""):
    """The quotes themselves, in date order, each with its sentence; optionally of one speaker (a part of
    the name) or one country (ISO alpha-3)."""
    frame = dated
    if speaker:
        frame = frame[frame["speaker"].str.contains(speaker, case=False, regex=False)]
    if country:
        frame = frame[frame["speaker_country"] == country.upper()]
    columns = ["published", "article_id", "speaker", "speaker_country", "cue", "kind", "quote", "sentence"]
    return _blank_missing(frame.sort_values(["published", "article_id", "start"], na_position="last",
                                            kind="stable")[columns].reset_index(drop=True))
