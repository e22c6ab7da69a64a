"""The figures table: every article's figures as a DataFrame, money converted to US dollars."""
from __future__ import annotations

from typing import Callable, Iterable

from analysis.extract.figures.extractor import extract_figures
from analysis.extract.figures.model import FIGURE_COLUMNS, Figure

#: the smallest amount read as a defence budget or a line of one; less is other money (a wage, a price)
SMALLEST_DEFENCE_BUDGET_USD = 1e6


# --- the table ----------------------------------------------------------------------------------------
def figures_frame(articles: Iterable,
                  extract: Callable[..., list[Figure]] | None = None) -> "pandas.DataFrame":  # noqa: F821
    """All figures of ``articles`` as a DataFrame with :data:`FIGURE_COLUMNS`, sorted by
    (article_id, start, end); money converted to USD through ``analysis.reference.fx``. ``extract``:
    what reads one article's figures (:func:`extract_figures`, or a caller's guarded version of it).
    """
    import pandas as pd

    try:
        from analysis.reference.fx import to_usd
    except ImportError:  # the exchange-rate table is optional for extraction
        to_usd = None
    rows = []
    for article in articles:
        published_year = article.published.year if getattr(article, "published", None) else None
        for f in (extract or extract_figures)(article):
            usd = (None, None, None, None)
            metric, metric_cue = f.metric, f.metric_cue
            if f.is_money and to_usd is not None:
                usd = to_usd(f.value, f.unit, f.year or published_year)
                if metric == "defence_budget" and usd[0] is not None and usd[0] < SMALLEST_DEFENCE_BUDGET_USD:
                    # a soldier's pay or a price read as a budget: no defence budget is this small
                    metric, metric_cue = "other_money", f"{metric_cue}; under US$1 million: no defence budget"
            rows.append((f.article_id, f.start, f.end, f.surface, f.sentence, f.value, f.unit, *usd, metric,
                         f.actor, f.counterpart, f.year, f.qualifier, ";".join(f.flags), metric_cue,
                         f.actor_cue))
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    frame = frame.astype({"start": "int64", "end": "int64", "value": "float64", "value_usd": "float64",
                          "usd_rate": "float64", "year": "Int64", "usd_rate_year": "Int64"})
    return frame.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
