"""The corpus stage: read, decode, metadata, boilerplate and captions, sentences with offsets.

Names are imported on first use (the loader needs pandas; the CLI's ``--help`` should not)."""
from __future__ import annotations

from analysis._lazy import lazy_exports
from analysis.corpus.model import DEFAULT_MAX_BYTES, Article, CorpusError, Line, Problem, Sentence

__all__ = ["ARTICLE_COLUMNS", "PROBLEM_COLUMNS", "Article", "Corpus", "CorpusError", "DEFAULT_MAX_BYTES", "Line",
           "Problem", "Sentence", "article_from_text", "load_corpus"]

__getattr__, __dir__ = lazy_exports(__name__, dict.fromkeys(("ARTICLE_COLUMNS", "PROBLEM_COLUMNS", "Corpus",
                                                                "article_from_text", "load_corpus"),
                                                               "analysis.corpus.load"))
