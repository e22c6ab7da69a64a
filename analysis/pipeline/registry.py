"""The per-article extractors a run applies, as data: one entry per table an extractor gives.

Each :class:`ArticleTable` names a table, the function that reads one article (``extract``, called through a
guard that turns an error on one article into a ``problems.csv`` row) and the function that turns a batch of
articles into the table's rows (``frame(articles, extract=guarded)``, rows sorted by article_id first, as
:func:`~analysis.extract.figures.figures_frame` does). Such a table is written batch by batch and never held
whole, so adding an extractor whose table needs nothing from other articles is one more line in
:data:`STREAMED`::

    ArticleTable("quotes", "analysis.extract.quotes:extract_quotes", "analysis.extract.quotes:quotes_frame"),

The exercise mentions are the one cross-article table (events join mentions from many articles), so the run
keeps their rows and builds ``exercises`` and ``events`` at the end (:mod:`analysis.pipeline.cross`).
Functions are named as ``module:name`` and imported when a run starts, so the command line starts fast.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

__all__ = ["ArticleTable", "EXERCISES", "STREAMED", "resolve"]


@dataclass(frozen=True)
class ArticleTable:
    """One per-article extractor and its table (see the module docstring)."""

    name: str
    extract: str  # "module:function": one article -> its records
    frame: str = ""  # "module:function": (articles, extract=...) -> the table's rows, sorted by article_id first


#: Tables written batch by batch, in the order the run lists them (after ``articles`` and ``problems``).
STREAMED: tuple[ArticleTable, ...] = (
    ArticleTable("figures", "analysis.extract.figures:extract_figures", "analysis.extract.figures:figures_frame"),
    ArticleTable("quotes", "analysis.extract.quotes:extract_quotes", "analysis.extract.quotes:quotes_frame"),
)

#: The exercise extractor: its mentions are kept for the cross-article events (no ``frame``).
EXERCISES = ArticleTable("exercises", "analysis.extract.exercises:extract_exercises")


def resolve(name: str) -> Callable:
    """The function ``module:function`` names, looked up now (so a test's monkeypatch is seen)."""
    module, _, attribute = name.partition(":")
    return getattr(importlib.import_module(module), attribute)
