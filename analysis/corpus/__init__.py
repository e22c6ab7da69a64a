"""The corpus stage: read, decode, metadata, boilerplate and captions, sentences with offsets.

Names are imported on first use (the loader needs pandas; the CLI's ``--help`` should not)."""
from __future__ import annotations

import importlib

from analysis.corpus.model import DEFAULT_MAX_BYTES, Article, CorpusError, Line, Problem, Sentence

__all__ = ["ARTICLE_COLUMNS", "PROBLEM_COLUMNS", "Article", "Corpus", "CorpusError", "DEFAULT_MAX_BYTES", "Line",
           "Problem", "Sentence", "article_from_text", "load_corpus"]

_LOADER_NAMES = frozenset({"ARTICLE_COLUMNS", "PROBLEM_COLUMNS", "Corpus", "article_from_text",
                           "load_corpus"})


def __getattr__(name: str):
    if name in _LOADER_NAMES:
        return getattr(importlib.import_module("analysis.corpus.load"), name)
    raise AttributeError(f"module 'analysis.corpus' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
