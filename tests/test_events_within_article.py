"""One event per exercise per article: a headline and the body's definite references ("the drills") join the
exercise the article names; a general mention of past exercises stays its own listing."""
from __future__ import annotations

import datetime as dt

import pytest

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


@pytest.mark.parametrize("text", [
    pytest.param(  # "their first-ever joint exercises", "war games on the X peninsula" about one named exercise
        "Moscow and Beijing stage war games\n\n"
        "Russia and China launched their first-ever joint military exercises on Monday off the Yellow Sea coast. "
        "The two countries insist the \"Shared Destiny 2025\" exercises are not aimed at a third country. "
        "Both countries will prove their might during eight days of war games on the Shandong peninsula.",
        id="one-named-exercise-wherever-held"),
    pytest.param(  # headline, "a tripartite naval exercise at X", "joint trilateral naval exercises with A and B"
        "South Africa, China, Russia start joint naval exercises\n\n"
        "The Russian defence ministry announced the start of a tripartite naval exercise at Richards Bay. "
        "On Wednesday the ministry announced the start of joint trilateral naval exercises with China and "
        "South Africa at a ceremony in the port of Richards Bay, where the drills will take place.",
        id="unnamed-mentions-nothing-disagrees"),
])
def test_unnamed_mentions_of_one_exercise_join(text):
    ids = events_of(text)
    assert len(ids) >= 3, ids
    assert len(set(ids.values())) == 1, ids


def test_another_year_stays_apart_from_the_named_exercise():
    # a historic exercise the article recalls ("war games ... in 2005") is another listing
    text = ("Russian, Chinese warships start joint exercise\n\n"
            "Russia and China start on Sunday the naval exercise \"Sea Cooperation-2012\" in the Yellow Sea. "
            "The largest Russian-Chinese war games were mounted in 2005 on the Shandong peninsula.")
    frame = exercises_frame([article_from_text(text, article_id="a", published=dt.date(2012, 4, 22))])
    names = dict(zip(frame["surface"], frame["name"]))
    assert "Joint Sea-2012" in names.values(), names
    by_year = dict(zip(frame["year"], frame["event_id"]))
    assert by_year[2012] != by_year[2005], frame[["surface", "year", "event_id"]]


def test_unnamed_patrols_in_different_seas_and_domains_stay_apart():
    text = ("Defence chiefs talk\n\n"
            "Russian and Chinese warships held joint naval patrols in the northwest Pacific, and Russian and "
            "Chinese bombers flew joint air patrols over the Baltic Sea.")
    ids = events_of(text)
    assert len(ids) == 2 and len(set(ids.values())) == 2, ids


def test_a_series_name_with_and_without_its_year_is_one_exercise():
    # "Mosi" and "Mosi-2019"; a named mention told as a practice ("held annually") still names this edition
    text = ("Drills off the Cape\n\n"
            "The Mosi-2019 naval exercise of China, Russia and South Africa began on Monday off Cape Town. "
            "Formation manoeuvres were the first subject of the joint exercise code-named Mosi.")
    ids = events_of(text)
    assert len(set(ids.values())) == 1, ids


def test_two_editions_of_a_series_keep_a_bare_name_apart():
    text = ("Drills\n\n"
            "Russia and China held Joint Sea-2021 in the Sea of Japan after Joint Sea-2019 off Qingdao. "
            "Joint Sea exercises have involved destroyers from both navies.")
    frame = exercises_frame([article_from_text(text, article_id="a", published=DAY)])
    ids = dict(zip(frame["name"], frame["event_id"]))
    assert ids["Joint Sea-2021"] != ids["Joint Sea-2019"], ids


def test_of_two_named_exercises_an_undated_mention_joins_this_years():
    # an article on Vostok-2022 that recalls Zapad-2021: "joint drills" with no year are this year's exercise
    text = ("Drills\n\n"
            "Russia and China held the Vostok-2022 exercise in the Far East, a year after Zapad-2021 in Ningxia. "
            "Chinese and Russian troops ended joint drills on Wednesday.")
    frame = exercises_frame([article_from_text(text, article_id="a", published=DAY)])
    ids = dict(zip(frame["surface"], frame["event_id"]))
    named = dict(zip(frame["name"], frame["event_id"]))
    assert ids["joint drills"] == named["Vostok-2022"] != named["Zapad-2021"], frame[["surface", "event_id"]]
