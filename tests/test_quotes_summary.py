"""The quotes notebook's views (analysis/extract/quotes/summary.py) show blanks, never <NA> or None, where a
person reads them: an undated article's quotes, a speaker whose country the text does not give."""
from __future__ import annotations

import pandas as pd

from analysis import article_from_text
from analysis.extract.quotes import quotes_frame
from analysis.extract.quotes.summary import dated_quotes, quote_sentences, quotes_by_country_and_year, quotes_by_speaker


def _dated():
    texts = {"dated": "“We are ready,” Russian President Vladimir Putin said.",
             "undated": "“The ties are strong,” said Ivan Petrov, a researcher."}
    articles = [article_from_text(t, article_id=k) for k, t in texts.items()]
    frame = pd.DataFrame({"article_id": ["dated", "undated"], "published": ["2021-03-01", None]})
    return dated_quotes(quotes_frame(articles), frame, 2000, 2030)


def test_an_undated_quote_and_an_unstated_country_read_as_blanks():
    dated = _dated()
    assert dated["year"].isna().sum() == 1  # kept: undated articles are always shown
    for view in (quotes_by_speaker(dated), quote_sentences(dated)):
        text = view.to_string()
        assert "<NA>" not in text and "None" not in text and "NaN" not in text
    speakers = quotes_by_speaker(dated).set_index("speaker")
    assert speakers.loc["Ivan Petrov", "first_year"] == "" and speakers.loc["Vladimir Putin", "first_year"] == 2021
    sentences = quote_sentences(dated).set_index("article_id")
    assert sentences.loc["undated", "published"] == "" and sentences.loc["undated", "speaker_country"] == ""
    table = quotes_by_country_and_year(dated)
    assert table.loc["(not stated)", "unknown"] == 1 and table.loc["RUS", "2021"] == 1
