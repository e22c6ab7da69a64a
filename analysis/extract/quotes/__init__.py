"""Quotes: who said what in an article, with provenance.

One row per attributed statement: the quoted words with their offsets (``article.text[start:end] ==
quote``), the speaker resolved to the fullest name the article gives ("he", "the minister",
"Shoigu" -> "Sergei Shoigu"; institutions and outlets as named: "China's defence ministry",
"Global Times"), where the speaker's mention is written, its type (person, institution, outlet), its
country (ISO alpha-3 when the text says it), the cue ("said", "according to"), and the kind:
``direct`` (in quotation marks) or ``reported`` ("X said that …"). Stages, one module each:
:mod:`marks` (quotation spans in every style), :mod:`speakers` (who can speak), :mod:`cues`
(which verb attributes a quote to whom), :mod:`resolve` (fullest names), :mod:`reported`
(reported speech), :mod:`extractor` (the public :func:`extract_quotes`). Vocabularies are data:
``data/quote_cues.csv``, ``data/quote_titles.csv``, ``data/quote_speakers.csv``.

>>> from analysis.corpus.load import article_from_text
>>> art = article_from_text("Russian Defence Minister Sergei Shoigu spoke on Monday. "
...                         "“The drills will go on,” the minister said.")
>>> [(q.quote, q.speaker, q.speaker_type, q.speaker_country, q.cue) for q in extract_quotes(art)]
[('The drills will go on', 'Sergei Shoigu', 'person', 'RUS', 'said')]
"""
from analysis.extract.quotes.extractor import extract_quotes
from analysis.extract.quotes.frame import quotes_frame
from analysis.extract.quotes.marks import MAX_QUOTE_CHARS, find_quote_spans
from analysis.extract.quotes.model import KINDS, QUOTE_COLUMNS, SPEAKER_TYPES, Quote

__all__ = ["KINDS", "MAX_QUOTE_CHARS", "QUOTE_COLUMNS", "Quote", "SPEAKER_TYPES", "extract_quotes",
           "find_quote_spans", "quotes_frame"]
