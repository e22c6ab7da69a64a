"""Wording of real reporting (the classes of text the development set showed), each with sentences written
here: series names as agencies spell them, one status per exercise per article, and the present tense of a start."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis import article_from_text
from analysis.extract.exercises import exercises_frame, extract_exercises

DAY = dt.date(2019, 9, 13)


def found(body: str, title: str = "Military ties", published=DAY):
    article = article_from_text(f"{title}\n\n{body}\n", article_id="r", published=published)
    return [m for m in extract_exercises(article) if "in_title" not in m.flags]


def table(body: str, title: str = "Military ties", published=DAY):
    return exercises_frame([article_from_text(f"{title}\n\n{body}\n", article_id="r", published=published)])


# ---- series names --------------------------------------------------------------------------------------------

def test_two_digit_year_suffix_is_the_edition_year():
    # "Tsentr 19", "Vostok-18": the same name as "Tsentr-2019"
    names = [(m.name, m.year) for m in found("Russia held the Tsentr 19 exercise with China and India. "
                                             "Troops from Russia and China took part in Vostok-18 drills.")]
    assert names == [("Tsentr-2019", 2019), ("Vostok-2018", 2018)], names


def test_series_of_smaller_partners():
    # Druzhba ("Friendship") of Russia and Pakistan, named in Russian, in English or both; not "Peace and Friendship"
    names = [m.name for m in found("Russian paratroopers flew to Pakistan for the Druzhba (Friendship) 2021 drills. "
                                   "The Friendship 2022 joint Russian-Pakistani exercise followed a year later.")]
    assert names == ["Druzhba-2021", "Druzhba-2022"], names
    names = [m.name for m in found("Troops of China and Malaysia began the Peace and Friendship-2018 exercise.")]
    assert names == ["Peace and Friendship-2018"], names
    assert all(m.name == "" for m in found("China and Russia held joint drills in a spirit of friendship."))
    names = [m.name for m in found("The Indian Air Force held its exercise Gagan Shakti-2024 along the border.")]
    assert names == ["Gagan Shakti-2024"], names


def test_a_year_glued_to_a_name_or_after_a_quoted_translation():
    # "Zapad2009", "Zapad (“West”) 2013": the edition's year; not a digit glued to a name ("Zapad2")
    names = [m.name for m in found("Russia and Belarus held the Zapad2009 exercise. The Kavkaz (“Caucasus”) 2016 "
                                   "drills followed with Armenia and Belarus.")]
    assert names == ["Zapad-2009", "Kavkaz-2016"], names
    assert [m.name for m in found("Russia held the Zapad2 drills with Belarus.")] in ([], [""])


def test_series_names_as_the_set_writes_them():
    # one name per series, whatever the text's translation: "Friendship Defenders" -> "Defenders of Friendship"; and
    # smaller partners' series: Laros (Russia-Laos), Blue Sword (China-Saudi Arabia)
    names = [m.name for m in found("Egypt and Russia held the Friendship Defenders-2024 exercise.",
                                   published=dt.date(2024, 10, 1))]
    assert names == ["Defenders of Friendship-2024"], names
    m = found("Russian and Lao troops began the Laros-2024 joint drills. Saudi and Chinese marines held the Blue "
              "Sword-2024 exercise.", published=dt.date(2024, 10, 1))
    assert [(x.name, x.participants) for x in m] == [("Laros-2024", ("LAO", "RUS")),
                                                     ("Blue Sword-2024", ("CHN", "SAU"))], m


def test_the_arms_of_a_series_are_series_of_their_own():
    # "Indra Navy-2016", "Avia Indra-2016": the naval and air editions of India and Russia's Indra
    names = [m.name for m in found("India and Russia held the Indra Navy-2016 drills off Visakhapatnam. The Avia "
                                   "Indra-2016 exercise of their air forces followed.", published=dt.date(2016, 12, 20))]
    assert names == ["Indra Navy-2016", "Avia Indra-2016"], names


def test_a_one_digit_suffix_stays_a_number():
    assert [m.name for m in found("Russian and Chinese troops held the Vostok-1 drills together.")] in ([], ["Vostok-1"])


def test_sea_cooperation_is_joint_sea():
    # the Russian-Chinese naval series translated as "Sea Cooperation" or "Maritime Cooperation"
    names = [m.name for m in found("Russia and China start on Sunday the naval exercise “Sea Cooperation-2012” in the "
                                   "Yellow Sea. The Maritime Cooperation 2013 drills followed in the Sea of Japan.",
                                   published=dt.date(2012, 4, 22))]
    assert names == ["Joint Sea-2012", "Joint Sea-2013"], names


def test_maritime_cooperation_as_words_is_no_name():
    assert all(m.name == "" for m in found("China and Russia held joint naval drills to deepen maritime cooperation."))


def test_a_name_between_two_exercise_words_is_one_mention():
    # "the exercise called Tsentr-2019 exercise will be held": the second exercise word does not cut the clause
    m = found("The strategic command-and-staff exercise called Tsentr-2019 exercise will be held in two phases "
              "with China and India.")
    assert [(x.surface, x.name, x.status) for x in m] == [("Tsentr-2019 exercise", "Tsentr-2019", "planned")], m


# ---- status --------------------------------------------------------------------------------------------------

def test_present_tense_of_a_start_is_conducted():
    # "warships start joint exercise", "announced the commencement of a naval exercise"
    m = found("Russia and China start the naval exercise in the Yellow Sea on Sunday.", published=dt.date(2012, 4, 22))
    assert [x.status for x in m] == ["conducted"], m
    m = found("The ministry announced the commencement of a tripartite naval exercise of Russia, China and South "
              "Africa at Richards Bay.")
    assert [x.status for x in m] == ["conducted"], m


def test_will_start_stays_planned():
    m = found("Russia and China will start joint naval drills in the Yellow Sea next week.")
    assert [x.status for x in m] == ["planned"], m


def test_an_exercise_still_to_come_is_planned_in_every_mention():
    # present tense of the practice and a default status give way to "will begin" told of the same exercise
    frame = table("Russian and Chinese warships arrived in waters off Iran on Monday for annual naval drills "
                  "between the three countries. The main phase of the drills, known as Marine Security Belt, "
                  "will begin on Tuesday near the port city of Chabahar.",
                  title="Marine Security Belt naval drills are held annually by Iran, China and Russia",
                  published=None)
    assert len(set(frame["event_id"])) == 1, frame[["surface", "event_id"]]
    assert set(frame["status"]) == {"planned"} and set(frame["cameo"]) == {"0312"}, frame[["surface", "status"]]


def test_a_started_exercise_keeps_conducted_whatever_is_still_to_come():
    frame = table("South Africa, China and Russia began joint naval exercises at Richards Bay on Wednesday. "
                  "The drills will include artillery firing and tactical manoeuvres.",
                  published=dt.date(2023, 2, 22))
    assert frame["status"].iloc[0] == "conducted", frame[["surface", "status"]]


# ---- what a reference back tells of its exercise -------------------------------------------------------------

def test_a_reference_back_lends_its_assets_and_contingents_to_the_exercise():
    # "The strategic maneuvers will bring together ... aircraft, ... combat ships", "troops from A, B and C"
    m = found("Russia said the Vostok 2022 military exercises will be held in the Far East with troops from China. "
              "The strategic maneuvers will bring together 140 aircraft and 60 combat ships, and the drills will "
              "engage troops from Laos, Mongolia and Nicaragua.", published=dt.date(2022, 8, 29))
    assert [x.name for x in m] == ["Vostok-2022"], m
    assert set(m[0].domains) == {"air", "land", "naval"}, m[0].domains
    assert {"LAO", "MNG", "NIC", "CHN", "RUS"} <= set(m[0].participants), m[0].participants


def test_a_reference_back_tells_the_body_mention_not_the_headline():
    article = article_from_text("Russian and Chinese warships start joint exercise\n\n"
                                "Russia and China began joint naval drills in the Sea of Japan on Monday. "
                                "Over 30 naval aircraft and helicopters are involved in the exercise.\n",
                                article_id="r", published=DAY)
    by_title = {("in_title" in m.flags): m.domains for m in extract_exercises(article)}
    assert by_title[False] == ("air", "naval") and "air" not in by_title.get(True, ()), by_title


def test_a_reference_back_with_no_assets_changes_nothing():
    m = found("Russia and China began joint naval drills in the Sea of Japan on Monday. "
              "The drills aim to strengthen security in the region.")
    assert [(x.domains, x.participants) for x in m] == [(("naval",), ("CHN", "RUS"))], m


# ---- domains -------------------------------------------------------------------------------------------------

def test_a_named_fleet_gives_the_naval_domain():
    # "... aircraft from Russia's military districts and the Northern Fleet"
    m = found("Vostok-2018 will involve 300,000 troops and more than 1,000 aircraft from Russia's military districts "
              "and the Northern Fleet, with Chinese troops.", published=dt.date(2018, 8, 29))
    assert set(m[0].domains) == {"air", "land", "naval"}, m[0].domains


def test_artillery_fire_gives_no_land_domain():
    # navies fire their guns too: "warships ... will practise artillery fire"
    m = found("Russian and Chinese warships will hold joint drills in the Yellow Sea and practise artillery fire.")
    assert m[0].domains == ("naval",), m[0].domains


def test_arms_listed_before_forces_give_their_domains():
    # "the exercises -- which include some 10,000 troops from land, sea and air forces"
    m = found("Russia and China say the \"Peace Mission 2005\" exercises -- which include some 10,000 troops from "
              "land, sea and air forces -- are not aimed at a third country.", published=dt.date(2005, 8, 18))
    assert set(m[0].domains) == {"air", "land", "naval"}, m[0].domains


def test_a_joint_bomber_incursion_is_a_patrol():
    m = found("China and Russia have mounted a joint bomber incursion against Japan, resulting in the scrambling "
              "of fighters.", published=dt.date(2025, 12, 10))
    assert [(x.surface, x.kind, x.participants, x.domains) for x in m] == [
        ("joint bomber incursion", "patrol", ("CHN", "RUS"), ("air",))], m


# ---- places as written ---------------------------------------------------------------------------------------

def test_ranges_and_regions_as_written():
    m = found("The two countries' militaries will hold joint exercises at the Tsugol training range in Russia's "
              "Trans-Baikal region from Sept. 11 to 15.", published=dt.date(2018, 8, 29))
    assert m[0].locations == ("Tsugol training range", "Trans-Baikal region"), m[0].locations


def test_a_word_of_every_arm_is_part_of_the_mention():
    # "the bilateral tri-service exercise": every domain, and the word belongs to the mention's span
    m = found("India and Russia opened the bilateral tri-service exercise in Jhansi on Friday.")
    assert [(x.surface, x.domains) for x in m] == [("bilateral tri-service exercise in Jhansi", ("air", "land", "naval"))], m
    m = found("The joint tri-service exercise of India and Russia began at three bases on Monday.")
    assert [x.domains for x in m] == [("air", "land", "naval")], m
    m = found("India and Russia held their first multi-service drills in Vladivostok on Friday.")
    assert [x.domains for x in m] == [("air", "land", "naval")], m


def test_the_subject_of_a_hosting_verb_is_a_location():
    # "X hosted the exercise", "the first time X has hosted a joint exercise": the host is where it is held
    m = found("Last month Kazakhstan hosted the joint exercise Steppe Shield-2019 with Russia and China.")
    assert [(x.locations, "KAZ" in x.participants) for x in m] == [(("Kazakhstan",), True)], m
    m = found("The drills were the first time Laos has hosted a joint military exercise with Vietnam.")
    assert [x.locations for x in m] == [("Laos",)], m
    # not a country that hosts something else before it
    m = found("Kazakhstan hosted talks, and Russia and China held a joint exercise in the Yellow Sea.")
    assert [x.locations for x in m] == [("Yellow Sea",)], m
    # a headline in title case
    article = article_from_text("Laos Hosts Exercise Golden Dragon-2024\n\nThe drills began on Monday.\n",
                                article_id="r", published=DAY)
    assert [x.locations for x in extract_exercises(article)] == [("Laos",)]


def test_a_name_set_off_by_dashes_is_in_apposition():
    # "the drills — dubbed X — began at ...": the clause after the name tells where
    m = found("Officials said the drills — dubbed Taiga Shield-2024 — began on Monday at a base near the town of "
              "Borzya with troops from Russia and Mongolia.", published=dt.date(2024, 8, 26))
    assert [(x.name, x.locations) for x in m] == [("Taiga Shield-2024", ("Borzya",))], m


@pytest.mark.parametrize("body, locations", [
    # ", 200 kilometres west of the capital X", ", northwest of the Y": the reference point is named as a place too
    pytest.param("Russian and Mongolian troops held joint drills at a range near the town of Sainshand, about 450 "
                 "kilometers (280 miles) south of the capital Ulaanbaatar.", ("Sainshand", "Ulaanbaatar"),
                 id="placed_from_the_capital"),
    pytest.param("China and Russia held a joint naval exercise in the Sea of Okhotsk, northwest of the Pacific Ocean.",
                 ("Sea of Okhotsk", "Pacific Ocean"), id="placed_from_a_sea"),
    pytest.param("Russia and China held joint drills near Dornod, east of Choibalsan, last week.",
                 ("Dornod", "Choibalsan"), id="placed_from_a_town"),
    # "in X, also known as Y", "in X (also called Y)": the text names both, as written, even when it mistakes one
    # sea for another
    pytest.param("A report said Russian and Chinese ships held joint drills in the Yellow Sea, also known as the East "
                 "China Sea, on Monday.", ("Yellow Sea", "East China Sea"), id="also_known_as"),
    pytest.param("Chinese and Russian warships held a joint exercise in the Gulf of Aden (also called the Gulf of "
                 "Oman).", ("Gulf of Aden", "Gulf of Oman"), id="also_called_in_brackets"),
])
def test_a_place_named_beside_another_is_a_location(body, locations):
    # the place another is placed from, and a place named again by another name: both are the mention's locations
    m = found(body)
    assert [x.locations for x in m] == [locations], m


def test_a_reference_back_tells_where_the_exercise_is_held():
    # "The exercise will last until ... at ranges in A and two in B": the countries and places its clause places it in
    m = found("Russia and Belarus began the Union Shield-2023 exercise on Monday. The exercise will last until "
              "October 2 at four ranges in Belarus and two in Russia.", published=dt.date(2023, 9, 25))
    assert [(x.name, set(x.locations)) for x in m] == [("Union Shield-2023", {"Belarus", "Russia"})], m
    # not a country after a clause of something else
    m = found("Russia and Belarus began the Union Shield-2023 exercise on Monday. The exercise began days after "
              "talks in Poland.", published=dt.date(2023, 9, 25))
    assert [x.locations for x in m] == [()], m


def test_forces_joining_in_the_next_sentence_tell_where_the_patrol_went():
    # "Fighters joined the bombers as they flew between X and Y": the next sentence goes on telling of the patrol
    m = found("Russian and Chinese bombers held a joint air patrol over the Sea of Japan on Tuesday. Chinese fighter "
              "jets joined the bombers as they flew past Okinawa.")
    assert [x.locations for x in m] == [("Sea of Japan", "Okinawa")], m


def test_a_mention_that_is_part_of_the_next_is_folded_into_it():
    # "held gunnery drills as part of X during a joint patrol in Y": one event, told by its last mention
    m = found("Destroyers from China and Russia held gunnery drills as part of anti-ship exercises during a joint "
              "patrol in the Sea of Okhotsk, officials said.")
    assert [(x.surface, x.participants, x.domains, x.locations) for x in m] == [
        ("joint patrol in the Sea of Okhotsk", ("CHN", "RUS"), ("naval",), ("Sea of Okhotsk",))], m
    # the part's places come first, and the whole keeps its name
    m = found("A joint naval drill of Russia and China began in the Yellow Sea on Monday as part of Joint Sea-2014.",
              published=dt.date(2014, 5, 20))
    assert [(x.name, x.locations) for x in m] == [("Joint Sea-2014", ("Yellow Sea",))], m
    # a named part is an exercise of its own
    m = found("China and Russia will hold the Joint Sea-2024 drills in the Sea of Japan as part of Ocean-2024.",
              published=dt.date(2024, 9, 10))
    assert [x.name for x in m] == ["Joint Sea-2024", "Ocean-2024"], m
    # two exercises in one sentence that is not "part of" stay two
    m = found("Russia and China held a joint naval drill in the Yellow Sea, and a joint air patrol over the Sea of "
              "Japan followed.")
    assert len(m) == 2, m


def test_a_reference_back_tells_of_the_event_not_of_the_practice():
    # "have held similar exercises in recent years. The drills will begin in X": X is the event's place
    m = found("The navies of Iran, Russia and China will hold joint naval drills this week. The three countries have "
              "held similar exercises in recent years. The drills will begin on Monday in the port of Chabahar.")
    assert [(x.surface, x.locations) for x in m] == [("joint naval drills", ("Chabahar",)), ("exercises", ())], m
    assert "habitual" in m[1].flags


def test_a_country_named_as_the_sea_off_it_is_a_location():
    # "drills off the coast of X", "arrived in waters off X for drills": the country is where they are held
    m = found("The navies of Russia and China will hold joint drills off the coast of Vietnam this week.")
    assert [(x.locations, x.participants) for x in m] == [(("Vietnam",), ("CHN", "RUS"))], m
    m = found("Russian and Chinese warships arrived in waters off Oman on Monday for joint naval drills.")
    assert [x.locations for x in m] == [("Oman",)], m
    # not a country near which it is held, nor one that takes part
    m = found("Russian and Chinese bombers held a joint patrol near Japan.")
    assert [x.locations for x in m] == [()], m


def test_a_quantity_before_the_places_of_a_reference_back_is_no_other_clause():
    # "The exercises took place on an area of more than 900 km from X to Y": "than" of a quantity
    m = found("Russia and Belarus held the Union Shield-2019 exercise in September. The exercises took place over "
              "more than 900 kilometres, from Smolensk to Kaliningrad.", published=dt.date(2019, 10, 2))
    assert [set(x.locations) for x in m] == [{"Smolensk", "Kaliningrad"}], m


def test_who_locates_a_patrol_watches_it_and_forces_from_a_nationality_take_part():
    # "X's coast guard located vessels from the A Border Guard and B Coast Guard conducting a joint patrol"
    m = found("The Japanese Coast Guard located six vessels from the Russian Border Guard and the Chinese Coast Guard "
              "conducting a joint patrol in the Sea of Okhotsk on Friday.")
    assert [x.participants for x in m] == [("CHN", "RUS")], m
    # "from" before a country still makes it a place: "bombers flew from Russia"
    m = found("Chinese bombers held a joint patrol with Russian jets that flew from Belarus.")
    assert "BLR" not in m[0].participants, m


def test_who_criticises_an_exercise_takes_no_part():
    # "X's minister criticized Russia for holding joint exercises with China": the critic is a source
    m = found("Japan's foreign minister criticized Russia for holding joint exercises with China near Hokkaido.")
    assert [x.participants for x in m] == [("CHN", "RUS")], m


def test_a_country_that_joins_the_exercise_takes_part():
    # "X will join the exercise" in a later sentence: X takes part; not "X joined the protests"
    m = found("Russia began the Okean-2020 naval exercise on Monday. Iran will join the exercise later this week.",
              published=dt.date(2020, 9, 14))
    assert [x.participants for x in m] == [("IRN", "RUS")], m
    m = found("Russia began the Okean-2020 naval exercise on Monday. Japan joined the protests against the drills.",
              published=dt.date(2020, 9, 14))
    assert [x.participants for x in m] == [("RUS",)], m


def test_forces_dispatched_in_the_next_sentence_give_their_domains():
    # "X has dispatched fighters and ground forces": the next sentence goes on telling of the exercise
    m = found("The air forces of Egypt and China began a joint training exercise on Monday. China has dispatched "
              "J-10 fighters and ground forces including radar units, a spokesman said.")
    assert [x.domains for x in m] == [("air", "land")], m
    m = found("Russia and Laos began joint drills on Monday. Russia deployed paratroopers and infantry units.")
    assert [x.domains for x in m] == [("land",)], m
    # not forces of a country that takes no part
    m = found("Russia and Laos began joint drills on Monday. Thailand deployed paratroopers to its border.")
    assert [x.domains for x in m] == [()], m


def test_nationalities_joined_by_a_slash_are_both_modifiers():
    # "joint Russian/Chinese Coast Guard exercises": one mention with both countries
    m = found("A report described joint Indian/Russian naval exercises and a port call in Vladivostok.")
    assert [(x.surface, x.participants) for x in m] == [("joint Indian/Russian naval exercises", ("IND", "RUS"))], m


def test_a_reference_back_to_the_practice_places_no_event():
    # "The drills have twice taken place in X": earlier editions, not the one told of
    m = found("Russia and Pakistan began the Druzhba-2021 drills near Karachi on Monday. The drills have twice taken "
              "place in Russia.", published=dt.date(2021, 10, 4))
    assert [x.locations for x in m] == [("Karachi",)], m


def test_coast_guards_are_naval():
    m = found("The coast guards of China and Vietnam held a joint coast guard exercise in the Gulf of Tonkin.")
    assert [x.domains for x in m] == [("naval",)], m


def test_a_place_named_two_ways_is_listed_both_ways():
    # "in the Sea of Japan, ... the East Sea": the names as written, one gazetteer id
    m = found("Russian and Chinese ships held joint drills in the Sea of Japan, also known as the East Sea, on Monday.")
    assert [(x.locations, x.place_ids) for x in m] == [(("Sea of Japan", "East Sea"), ("sea-of-japan",))], m


def test_a_numbered_series_of_other_countries_is_no_name():
    # "the first joint maritime patrol" of China and Pakistan is not the China-Russia numbered series
    m = found("China and Pakistan will conduct their first joint maritime patrol next week.")
    assert [(x.name, x.participants) for x in m] == [("", ("CHN", "PAK"))], m
    m = found("China and Russia began their fifth joint maritime patrol in the Pacific.", published=dt.date(2025, 8, 1))
    assert [(x.name, x.participants) for x in m] == [("Joint Maritime Patrol-5", ("CHN", "RUS"))], m


def test_a_host_after_a_dated_start_is_a_location():
    # "has formally started on 24 August 2018 in Russia": the host after an adverb and a date
    m = found("The SCO Peace Mission 2018 exercise has formally started on 24 August 2018 in Russia with troops of "
              "China and India.", published=dt.date(2018, 8, 24))
    assert "Russia" in m[0].locations and "RUS" in m[0].participants, m
    m = found("Russia and China held joint drills that began on August 24 in Mongolia.", published=dt.date(2018, 8, 24))
    assert [x.locations for x in m] == [("Mongolia",)], m
