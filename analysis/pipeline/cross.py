"""The cross-article steps, run once every article is extracted: mentions merged into events, and the
defence-budget checks against the reference series. They read only what the batches kept."""
from __future__ import annotations

import pandas as pd

from analysis.pipeline.batch import Mention

__all__ = ["cross_article_tables", "write_cross_article_tables"]


def cross_article_tables(mentions: list[Mention], budget: pd.DataFrame, published: dict[str, object],
                         claims: dict[str, list[str]]) -> dict[str, pd.DataFrame]:
    """``exercises``, ``events``, ``budget_check`` and ``combined_check`` from the kept parts: every exercise
    mention (in article_id order), the defence-budget figure rows, each article's publication date and the
    claim sentences of the articles with budget figures."""
    from analysis.extract.events import events_frame
    from analysis.extract.exercises import mentions_frame
    from analysis.reference import budget_check, combined_check

    exercises = mentions_frame(mentions)
    articles = pd.DataFrame({"article_id": list(published), "published": list(published.values())},
                            columns=["article_id", "published"])
    return {
        "exercises": exercises,
        "events": events_frame(exercises),
        "budget_check": budget_check(budget, articles),
        "combined_check": combined_check(budget, articles, claims=claims),
    }


def write_cross_article_tables(mentions: list[Mention], budget: pd.DataFrame, published: dict[str, object],
                               claims: dict[str, list[str]], write) -> dict[str, int]:
    """The tables of :func:`cross_article_tables`, each passed to ``write(name, frame)`` as soon as it is made
    and let go before the next (a large corpus's mentions, exercises and events are never all in memory at
    once). Empties ``mentions`` once the exercises table holds them. Returns the row count of each."""
    from analysis.extract.events import events_frame
    from analysis.extract.exercises import mentions_frame
    from analysis.reference import budget_check, combined_check

    counts = {}
    exercises = mentions_frame(mentions)
    mentions.clear()
    counts["exercises"] = write("exercises", exercises)
    counts["events"] = write("events", events_frame(exercises))
    del exercises
    articles = pd.DataFrame({"article_id": list(published), "published": list(published.values())},
                            columns=["article_id", "published"])
    counts["budget_check"] = write("budget_check", budget_check(budget, articles))
    counts["combined_check"] = write("combined_check", combined_check(budget, articles, claims=claims))
    return counts
