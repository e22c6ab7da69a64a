"""Figures: every defence-relevant number an article reports (money, shares of GDP, growth, force counts).

One row per number, with its offsets (``article.text[start:end] == surface``), the value in the
unit's base (604 billion dollars -> 604000000000), the unit (ISO 4217 for money, ``percent_gdp``,
``percent_growth``, ``count``), what it measures (``metric``), who spends or buys (``actor``,
ISO alpha-3), who sells (``counterpart``) and the year it refers to. Vocabularies are data:
``data/currencies.csv`` and ``data/figure_vocab.csv``.

>>> from analysis.corpus.model import Article, Sentence
>>> text = "China's defence budget will rise 7.2% to 1.67 trillion yuan ($231bn) this year."
>>> art = Article("a1", "a1.txt", text, sentences=(Sentence(0, len(text), text),))
>>> [(f.surface, f.value, f.unit, f.metric, f.actor) for f in extract_figures(art)]
... # doctest: +NORMALIZE_WHITESPACE
[('7.2%', 7.2, 'percent_growth', 'defence_budget', 'CHN'),
 ('1.67 trillion yuan', 1670000000000.0, 'CNY', 'defence_budget', 'CHN'),
 ('$231bn', 231000000000.0, 'USD', 'defence_budget', 'CHN')]

Known limits: an accounting negative in brackets ("revenue is ($99.99)") reads as +99.99,
because in reporting a bracketed amount is a conversion ("1.67 trillion yuan ($231bn)").
"""
from analysis.extract.figures._common import _lower
from analysis.extract.figures.extractor import _rx, extract_figures
from analysis.extract.figures.frame import figures_frame
from analysis.extract.figures.model import FIGURE_COLUMNS, METRICS, NON_MONEY_UNITS, Figure
from analysis.extract.figures.numbers import _bisected, _one_by_one, _word_starts

__all__ = ["FIGURE_COLUMNS", "METRICS", "Figure", "extract_figures", "figures_frame"]
