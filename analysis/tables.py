"""Every output table from one corpus, and writing them as stable CSV.

``build_tables`` is the one place the pipeline is wired: corpus -> extractors -> reference
checks. The CLI, the report and the notebooks all call it, so they cannot drift apart.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pandas as pd

from analysis._gc import heap_frozen
from analysis.corpus import DEFAULT_MAX_BYTES, PROBLEM_COLUMNS, Corpus, Problem, load_corpus
from analysis.extract.events import events_frame
from analysis.extract.exercises import extract_exercises, mentions_frame
from analysis.extract.figures import extract_figures, figures_frame
from analysis.reference import budget_check, combined_check

__all__ = ["TABLE_NAMES", "build_tables", "write_tables"]

TABLE_NAMES = ("articles", "problems", "figures", "exercises", "events", "budget_check", "combined_check")


def build_tables(corpus: Corpus | str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
                 report=None) -> dict[str, pd.DataFrame]:
    """All tables for a corpus (a loaded :class:`Corpus` or a path to load), keyed by table name."""
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus, max_bytes=max_bytes, report=report)
    articles = corpus.articles_frame()
    failed: list[Problem] = []  # articles an extractor failed on: the others' rows are kept
    with heap_frozen():  # the extractors' garbage is collected without walking the corpus: see analysis._gc
        figures = figures_frame(corpus.articles, extract=_guarded(extract_figures, "figures", failed, report))
        guarded = _guarded(extract_exercises, "exercises", failed, report)
        exercises = mentions_frame(m for a in corpus.articles for m in guarded(a))
    problems = corpus.problems_frame()
    if failed:
        extra = pd.DataFrame([(p.path, p.problem, p.detail) for p in failed], columns=PROBLEM_COLUMNS)
        problems = pd.concat([problems, extra], ignore_index=True)
    return {
        "articles": articles,
        "problems": problems,
        "figures": figures,
        "exercises": exercises,
        "events": events_frame(exercises),
        "budget_check": budget_check(figures, articles),
        "combined_check": combined_check(figures, articles, texts=corpus.texts()),
    }


def _guarded(extract: Callable, name: str, failed: list[Problem], report=None) -> Callable:
    """``extract`` for one article at a time, an error in it kept to that article: the article gives no
    rows, a problem (its file, ``extraction_failed``, the extractor and the error) is added to ``failed``
    and passed to ``report``, and the run goes on with the other articles."""
    def guarded(article):
        try:
            return extract(article)
        except Exception as exc:  # noqa: BLE001 - any bug on one odd text must not lose the corpus's tables
            problem = Problem(article.path or article.article_id, "extraction_failed",
                              f"the {name} extractor failed on article {article.article_id}: "
                              f"{type(exc).__name__}: {exc}")
            failed.append(problem)
            if report is not None:
                report(problem)
            return []
    return guarded


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
