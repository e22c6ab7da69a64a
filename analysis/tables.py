"""Every output table from one corpus, and writing them as stable CSV.

``build_tables`` is the one place the pipeline is wired: corpus -> extractors -> reference
checks. The CLI, the report and the notebooks all call it, so they cannot drift apart.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from analysis._gc import heap_frozen
from analysis.corpus import DEFAULT_MAX_BYTES, Corpus, load_corpus
from analysis.extract.events import events_frame
from analysis.extract.exercises import exercises_frame
from analysis.extract.figures import figures_frame
from analysis.reference import budget_check, combined_check

__all__ = ["TABLE_NAMES", "build_tables", "write_tables"]

TABLE_NAMES = ("articles", "problems", "figures", "exercises", "events", "budget_check", "combined_check")


def build_tables(corpus: Corpus | str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
                 report=None) -> dict[str, pd.DataFrame]:
    """All tables for a corpus (a loaded :class:`Corpus` or a path to load), keyed by table name."""
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus, max_bytes=max_bytes, report=report)
    articles = corpus.articles_frame()
    with heap_frozen():  # the extractors' garbage is collected without walking the corpus: see analysis._gc
        figures = figures_frame(corpus.articles)
        exercises = exercises_frame(corpus.articles)
    return {
        "articles": articles,
        "problems": corpus.problems_frame(),
        "figures": figures,
        "exercises": exercises,
        "events": events_frame(exercises),
        "budget_check": budget_check(figures, articles),
        "combined_check": combined_check(figures, articles, texts=corpus.texts()),
    }


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | os.PathLike) -> list[Path]:
    """Write each table as ``<name>.csv`` (UTF-8, header even when empty, no index); return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in tables.items():
        path = out / f"{name}.csv"
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths
