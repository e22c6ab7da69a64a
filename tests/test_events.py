"""Merging exercise mentions into events across articles, with corroboration."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis import article_from_text
from analysis.extract.events import EVENT_COLUMNS, assign_event_ids, events_frame
from analysis.extract.exercises import exercises_frame

A = ("Bombers fly joint patrol\n\nRussian and Chinese bombers flew a joint patrol over the Sea of Japan "
     "and the East China Sea on Tuesday, Japan's defence ministry said.")
B = ("China and Russia stage air patrol\n\nChina and Russia conducted a joint air patrol over the East China Sea "
     "on Tuesday, Chinese state media reported.")
C = ("Warships patrol near Alaska\n\nRussian and Chinese warships conducted a joint naval patrol near Alaska "
     "last week, the U.S. Coast Guard said.")


def articles():
    day = dt.date(2024, 11, 30)
    return [article_from_text(A, article_id="a", published=day), article_from_text(B, article_id="b", published=day),
            article_from_text(C, article_id="c", published=day)]


def test_two_articles_reporting_the_same_patrol_are_one_event_and_a_third_stays_apart():
    mentions = exercises_frame(articles())
    body = mentions[~mentions["flags"].str.contains("in_title")]
    assert body["article_id"].tolist() == ["a", "b", "c"]
    events = events_frame(mentions)
    by_article = dict(zip(body["article_id"], body["event_id"]))
    assert by_article["a"] == by_article["b"] != by_article["c"]
    same = events.set_index("event_id").loc[by_article["a"]]
    assert same["n_articles"] == 2
    assert set(same["place_ids"].split(";")) == {"sea-of-japan", "east-china-sea"}
    assert same["participants"] == "CHN;RUS" and same["domains"] == "air" and same["status"] == "conducted"
    other = events.set_index("event_id").loc[by_article["c"]]
    assert other["n_articles"] == 1 and other["place_ids"] == "alaska" and other["domains"] == "naval"


def test_mention_ids_and_first_article():
    mentions = exercises_frame(articles())
    events = events_frame(mentions).set_index("event_id")
    for row in mentions.itertuples():
        assert f"{row.article_id}:{row.start}" in events.loc[row.event_id, "mention_ids"].split(";")
    assert events["n_mentions"].sum() == len(mentions)
    assert list(events.columns) == EVENT_COLUMNS[1:]


def test_same_name_and_year_merge_without_places():
    rows = pd.DataFrame({"article_id": ["x", "y", "z"], "start": [3, 7, 9], "end": [14, 18, 20],
                         "name": ["Vostok-2022", "Vostok-2022", "Vostok-2018"], "kind": ["exercise"] * 3,
                         "place_ids": ["", "", ""], "domains": ["", "land", ""], "year": [2022, 2022, 2018],
                         "year_inferred": [2022, 2022, 2018], "status": ["conducted", "planned", "conducted"]})
    events = events_frame(rows)
    assert events[["name", "n_articles", "status"]].values.tolist() == [["Vostok-2022", 2, "conducted"],
                                                                       ["Vostok-2018", 1, "conducted"]]


def test_different_years_or_names_or_domains_stay_apart():
    rows = pd.DataFrame({"article_id": ["x", "y", "z", "w"], "start": [0, 0, 0, 0], "end": [5, 5, 5, 5],
                         "name": ["", "", "Joint Sea-2021", ""], "kind": ["patrol", "patrol", "patrol", "patrol"],
                         "place_ids": ["sea-of-japan"] * 4, "domains": ["air", "air", "air", "naval"],
                         "year": [2023, 2024, 2024, 2024], "year_inferred": [2023, 2024, 2024, 2024]})
    ids = dict(zip(*assign_event_ids(rows)[["article_id", "event_id"]].T.values))
    assert len(set(ids.values())) == 3  # y merges with z (no name on one side); x (other year), w (naval) apart
    assert ids["y"] == ids["z"]


def test_patrols_at_one_place_in_different_months_stay_apart():
    rows = pd.DataFrame({"article_id": ["may", "nov", "nov2", "undated"], "start": [0, 0, 0, 0], "end": [5] * 4,
                         "name": [""] * 4, "kind": ["patrol"] * 4, "place_ids": ["sea-of-japan"] * 4,
                         "domains": ["air"] * 4, "year": [2024] * 4, "year_inferred": [2024] * 4,
                         "month": [5, 11, 11, None]})
    ids = dict(zip(*assign_event_ids(rows[rows["article_id"] != "undated"])[["article_id", "event_id"]].T.values))
    assert ids["nov"] == ids["nov2"] != ids["may"]
    # a mention with no month could be either: it joins neither, rather than bridge May and November
    with_undated = dict(zip(*assign_event_ids(rows)[["article_id", "event_id"]].T.values))
    assert len({with_undated["may"], with_undated["nov"], with_undated["undated"]}) == 3
    assert with_undated["nov"] == with_undated["nov2"]


def test_an_unnamed_mention_does_not_bridge_two_named_events():
    rows = pd.DataFrame({"article_id": ["a", "a", "a"], "start": [0, 10, 20], "end": [5, 15, 25],
                         "name": ["", "Joint Sea-2023", "Northern/Interaction-2023"], "kind": ["exercise"] * 3,
                         "place_ids": ["sea-of-japan", "", ""], "domains": ["naval"] * 3, "year": [2023] * 3,
                         "year_inferred": [2023] * 3})
    assert assign_event_ids(rows)["event_id"].nunique() == 3  # two names: the unnamed one could be either
    assert assign_event_ids(rows.iloc[:2])["event_id"].nunique() == 1


REUTERS = ("Chinese, Russian bombers conduct joint patrol near Alaska\n\nTwo Russian Tu-95 and two Chinese H-6 "
           "bombers flew near Alaska on Wednesday in what U.S. officials described as the first joint patrol by the two "
           "countries' aircraft, NORAD said.\n\nChina's defence ministry said the patrol was the eighth joint "
           "strategic air patrol since 2019.\n\nRussia and China have held joint naval drills in the Sea of Japan "
           "every year since 2021.")
TASS = ("Russian, Chinese strategic bombers patrol over Chukchi and Bering seas\n\nRussian Tu-95MS strategic missile "
        "carriers and Chinese H-6K strategic bombers conducted a joint air patrol over the Chukchi Sea, the Bering Sea "
        "and the northern part of the Pacific Ocean, the Russian Defense Ministry said.\n\nThis is the eighth joint "
        "air patrol of the two countries since 2019, the ministry said.")
SCMP = ("China, Russia to hold drills in Sea of Japan\n\nChinese and Russian warships will hold joint naval drills in "
        "the Sea of Japan next month, the defence ministry said.")


def test_one_patrol_told_three_ways_in_two_articles_is_one_event():
    day = dt.date(2024, 7, 25)
    mentions = exercises_frame([article_from_text(REUTERS, article_id="reuters", published=day),
                                article_from_text(TASS, article_id="tass", published=day),
                                article_from_text(SCMP, article_id="scmp", published=day)])
    events = events_frame(mentions).set_index("event_id")
    patrol = mentions[mentions["kind"] == "patrol"]
    assert patrol["event_id"].nunique() == 1  # the named edition joins each article's placed, unnamed mentions
    event = events.loc[patrol["event_id"].iloc[0]]
    assert (event["name"], event["n_articles"], event["domains"]) == ("Joint Strategic Air Patrol-8", 2, "air")
    assert set(event["place_ids"].split(";")) >= {"alaska", "chukchi-sea", "bering-sea"}
    # the practice of yearly drills stays apart from next month's drills at the same place
    drills = mentions[mentions["kind"] == "drill"].set_index("article_id")
    assert drills.loc["reuters", "flags"] == "habitual"
    assert drills.loc["reuters", "event_id"] != drills.loc["scmp", "event_id"].iloc[0]


def test_ids_are_deterministic_and_do_not_depend_on_row_order():
    mentions = exercises_frame(articles())
    shuffled = mentions.sample(frac=1, random_state=1)
    assert assign_event_ids(shuffled)["event_id"].tolist() == assign_event_ids(mentions)["event_id"].tolist()
    assert all(i.startswith("ev-") and len(i) == 13 for i in mentions["event_id"])


def test_empty_table_gives_empty_events_with_columns():
    assert list(events_frame(pd.DataFrame()).columns) == EVENT_COLUMNS
    assert exercises_frame([]).empty


def test_a_subset_of_mentions_keeps_the_event_ids_the_whole_corpus_gave():
    mentions = exercises_frame(articles())
    subset = mentions[mentions["article_id"] == "b"]
    events = events_frame(subset)
    assert events["event_id"].tolist() == subset["event_id"].drop_duplicates().tolist()
    assert events["n_articles"].tolist() == [1] * len(events)  # corroboration counts only the rows given
