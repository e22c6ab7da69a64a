"""The cross-article steps, run once every article is extracted: the exercise mentions reviewed and merged
into events, and the defence-budget checks against the reference series. They read only what the batches
kept (the figures they read were reviewed in the batches, see :func:`analysis.pipeline.batch.extract_articles`)."""
from __future__ import annotations

import pandas as pd

from analysis.corpus.model import Problem
from analysis.pipeline.batch import Mention

__all__ = ["cross_article_tables", "reviewed_exercises", "write_cross_article_tables"]


def _articles(published: dict[str, object]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(published), "published": list(published.values())},
                        columns=["article_id", "published"])


def reviewed_exercises(mentions: list[Mention], articles: pd.DataFrame, shas: dict[str, str] | None, review=None,
                       review_parts=()) -> tuple[pd.DataFrame, pd.DataFrame, list[Problem]]:
    """``(exercises, reviewed, problems)``: the exercises table of every mention (in article_id order), each
    row with its ``row_id``, ``review`` applied (event ids assigned afresh when a line changed a mention), and
    the whole review's outcome: its ``reviewed`` rows and problems over the batches' ``review_parts`` (what
    :func:`~analysis.review.apply_lines` gave for each) and this step's."""
    from analysis.extract.exercises import mentions_frame
    from analysis.review import add_row_ids, apply_lines, finish_review

    tables = add_row_ids({"exercises": mentions_frame(mentions), "articles": articles}, shas or {})
    tables, rows, matched, refused = apply_lines(tables, review)
    reviewed, problems = finish_review(review, [*review_parts, (rows, matched, refused)])
    return tables["exercises"], reviewed, problems


def cross_article_tables(mentions: list[Mention], budget: pd.DataFrame, published: dict[str, object],
                         claims: dict[str, list[str]], shas: dict[str, str] | None = None, review=None,
                         review_parts=()) -> dict[str, pd.DataFrame]:
    """``reviewed``, ``exercises``, ``events``, ``budget_check`` and ``combined_check`` from the kept parts:
    every exercise mention (in article_id order), the defence-budget figure rows, each article's publication
    date, the claim sentences of the articles with budget figures, each article's text sha256 (row ids) and
    the review (see :func:`reviewed_exercises`). Also ``review_problems``: the review's bad lines, as
    ``problems`` rows, for the caller to add to its problems table. The steps of
    :func:`write_cross_article_tables`, with every table kept."""
    from analysis.corpus.load import problems_frame

    tables = {}

    def keep(name: str, frame: pd.DataFrame) -> int:
        tables[name] = frame
        return len(frame)

    _, problems = write_cross_article_tables(list(mentions), budget, published, claims, keep, shas, review,
                                             review_parts)  # a copy: the caller's mentions are left as they are
    return {"reviewed": tables.pop("reviewed"), "review_problems": problems_frame(problems), **tables}


def write_cross_article_tables(mentions: list[Mention], budget: pd.DataFrame, published: dict[str, object],
                               claims: dict[str, list[str]], write, shas: dict[str, str] | None = None,
                               review=None, review_parts=()) -> tuple[dict[str, int], list[Problem]]:
    """The tables of :func:`cross_article_tables`, each passed to ``write(name, frame)`` as soon as it is made
    and let go before the next (a large corpus's mentions, exercises and events are never all in memory at
    once). Empties ``mentions`` once the exercises table holds them. Returns the row count of each, and the
    review's problems (the caller writes them into ``problems``)."""
    from analysis.extract.events import events_frame
    from analysis.reference import budget_check, combined_check

    counts = {}
    articles = _articles(published)
    exercises, reviewed, problems = reviewed_exercises(mentions, articles, shas, review, review_parts)
    mentions.clear()
    counts["reviewed"] = write("reviewed", reviewed)
    counts["exercises"] = write("exercises", exercises)
    counts["events"] = write("events", events_frame(exercises))
    del exercises
    counts["budget_check"] = write("budget_check", budget_check(budget, articles))
    counts["combined_check"] = write("combined_check", combined_check(budget, articles, claims=claims))
    return counts, problems
