"""Every output table from one corpus, and writing them as stable CSV.

``build_tables`` gives every table of a corpus in memory (the report and the notebooks call it); the command
line's ``extract`` streams the same tables to disk in batches (:mod:`analysis.pipeline`). Both run the same
per-article step (:func:`analysis.pipeline.batch.extract_articles`, over the extractors the registry lists)
and the same cross-article step (:func:`analysis.pipeline.cross.cross_article_tables`), so they cannot
drift apart.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from analysis.corpus import DEFAULT_MAX_BYTES, Corpus, Problem, load_corpus
from analysis.corpus.load import problems_frame
from analysis.pipeline.batch import extract_articles
from analysis.pipeline.cross import cross_article_tables
from analysis.pipeline.run import table_order

__all__ = ["TABLE_NAMES", "build_tables", "write_tables"]

TABLE_NAMES = tuple(table_order())


def build_tables(corpus: Corpus | str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
                 report=None, review=None) -> dict[str, pd.DataFrame]:
    """All tables for a corpus (a loaded :class:`Corpus` or a path to load), keyed by table name.

    ``review``: a review file (a path; None or "" for none, as a notebook's empty parameter gives) applied
    before anything is derived (see :mod:`analysis.review`): its bad lines are ``problems`` rows and
    ``report`` calls, its applied lines the ``reviewed`` table. A file that cannot be read at all raises
    :class:`~analysis.review.ReviewFileError`."""
    from analysis.review import as_review

    review = as_review(review)
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus, max_bytes=max_bytes, report=report)
    parts = extract_articles(corpus.articles, report=report, review=review)
    problems = corpus.problems_frame()
    failed = [p for _, _, p in sorted(parts.failures, key=lambda f: (f[0], f[1]))]
    if failed:  # articles an extractor failed on: the others' rows are kept
        problems = pd.concat([problems, problems_frame(failed)], ignore_index=True)
    cross = cross_article_tables(parts.mentions, parts.budget, parts.published, parts.claims, parts.shas, review,
                                 [parts.review])
    review_problems = cross.pop("review_problems")
    for problem in review_problems.itertuples(index=False) if report is not None else ():
        report(Problem(*problem))
    if len(review_problems):
        problems = pd.concat([problems, review_problems], ignore_index=True)
    tables = {"articles": parts.articles, "problems": problems, **parts.tables, **cross}
    return {name: tables[name] for name in TABLE_NAMES}


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
