"""The quotes table: every article's quotes as a DataFrame with :data:`QUOTE_COLUMNS`."""
from __future__ import annotations

from typing import Callable, Iterable

from analysis.extract.quotes.extractor import extract_quotes
from analysis.extract.quotes.model import QUOTE_COLUMNS, Quote


def quotes_frame(articles: Iterable, extract: Callable[..., list[Quote]] | None = None) -> "pandas.DataFrame":  # noqa: F821
    """All quotes of ``articles`` sorted by (article_id, start, end). ``extract``: what reads one article's
    quotes (:func:`extract_quotes`, or a caller's guarded version of it)."""
    import pandas as pd

    rows = [q.row() for article in articles for q in (extract or extract_quotes)(article)]
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    frame = frame.astype({"start": "int64", "end": "int64", "speaker_start": "int64", "speaker_end": "int64"})
    return frame.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
