"""One event per exercise per article: a headline and the body's definite references ("the drills") join the
exercise the article names; a general mention of past exercises stays its own listing."""
from __future__ import annotations

import datetime as dt

from analysis import article_from_text
from analysis.extract.exercises import exercises_frame

DAY = dt.date(2022, 9, 2)


def events_of(text: str) -> dict[str, str]:
    frame = exercises_frame([article_from_text(text, article_id="a", published=DAY)])
    return dict(zip(frame["surface"], frame["event_id"]))


def test_headline_and_references_back_share_the_named_exercise():
    text = ("Russia and China open joint war games in the Far East\n\n"
            "Russia launched the Vostok-2022 strategic exercise with China on Thursday, the defence ministry said. "
            "More than 50,000 troops and 140 aircraft take part in the drills, which run until September 7.")
    ids = events_of(text)
    assert len(ids) >= 2, ids
    assert len(set(ids.values())) == 1, ids


def test_a_general_mention_of_past_exercises_stays_apart():
    text = ("Defence ties deepen\n\n"
            "Moscow and Beijing have held extensive military exercises between the two countries in recent years. "
            "This month Russia and China held the Vostok-2022 strategic exercise in the Far East.")
    ids = events_of(text)
    assert len(set(ids.values())) == len(ids) == 2, ids


def test_two_named_exercises_keep_a_reference_back_apart():
    text = ("Drills\n\n"
            "Russia and China held Joint Sea-2021 in the Sea of Japan, a year after Kavkaz-2020 in southern Russia. "
            "The drills involved warships and aircraft from both navies.")
    frame = exercises_frame([article_from_text(text, article_id="a", published=DAY)])
    ids = dict(zip(frame["name"], frame["event_id"]))
    assert ids["Joint Sea-2021"] != ids["Kavkaz-2020"], ids
