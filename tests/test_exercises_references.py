"""What an article goes on to say of an exercise without naming it (references back, later sentences on who takes
part): it belongs to the exercise's listing. Sentences written here, one class of text each."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis import article_from_text
from analysis.extract.exercises import exercises_frame

DAY = dt.date(2021, 9, 20)


def frame_of(body: str, title: str = "Drills", published=DAY):
    """The exercises frame of an article of ``title`` and ``body``."""
    return exercises_frame([article_from_text(f"{title}\n\n{body}\n", article_id="r", published=published)])


def listing(body: str, title: str = "Military ties", published=DAY) -> dict:
    """The article's one listing: its mentions' participants, domains and locations joined, as the scorer reads
    them (one event id, the union of the lists)."""
    frame = frame_of(body, title, published)
    assert frame["event_id"].nunique() == 1, frame[["surface", "event_id"]].values.tolist()
    joined = {}
    for column in ("participants", "domains", "locations"):
        joined[column] = sorted({x for v in frame[column] for x in v.split(";") if x})
    return joined


# ---- places of a reference back -----------------------------------------------------------------------------

def test_a_reference_back_held_somewhere_lends_its_places():
    got = listing("Russia and Belarus began the Union Shield-2023 exercise on Monday. The exercises will be held until "
                  "Friday in the Western Military District and at the Mulino range.")
    assert got["locations"] == ["Mulino range", "Western Military District"], got


def test_a_list_of_ranges_after_take_place():
    got = listing("Russia began the Zapad-2021 strategic exercise with Belarus. The main drills will take place at the "
                  "Prudboy, Ashuluk and Kapustin Yar ranges, the ministry said.")
    assert got["locations"] == ["Ashuluk", "Kapustin Yar", "Prudboy"], got


def test_an_additional_part_of_the_exercise_is_its_own():
    got = listing("Russia and Iran began the Kavkaz-2020 exercise on Monday. In addition, drills of the Black Sea "
                  "Fleet will be held in the Black and Caspian Seas.")
    assert got["locations"] == ["Black Sea", "Caspian Sea"], got


def test_a_place_of_something_else_after_the_reference_is_not_its_own():
    got = listing("China and Russia began joint naval drills on Monday. The drills come days after Chinese jets flew "
                  "near Okinawa.")
    assert got["locations"] == [], got
    got = listing("China and Russia began joint naval drills on Monday. The drills are meant to maintain stability "
                  "in the Asia-Pacific.")
    assert got["locations"] == [], got


def test_a_place_named_before_a_reference_is_not_its_own():
    got = listing("China and Russia began joint naval drills on Monday. Manila, which has quarrelled with Beijing in "
                  "the South China Sea, said it was watching the drills.")
    assert got["locations"] == [], got


# ---- participants told later --------------------------------------------------------------------------------

def test_countries_that_also_take_part_in_them():
    got = listing("Russia began the Kavkaz-2020 exercise on Monday. Its troops will fire at the Ashuluk range. "
                  "Iran's warships will also take part in them.")
    assert got["participants"] == ["IRN", "RUS"] and "naval" in got["domains"], got


def test_troops_from_a_country_are_participating():
    got = listing("Russia began the Vostok-2018 exercise on Tuesday. The drills span much of Siberia. "
                  "They include 1,000 aircraft. About 3,200 troops from China are participating.")
    assert got["participants"] == ["CHN", "RUS"], got


def test_observers_do_not_take_part():
    got = listing("Russia and Armenia began the Kavkaz-2020 exercise on Monday. Officers from India and Iran will "
                  "take part as observers. Guests from Kazakhstan will also take part.")
    assert got["participants"] == ["ARM", "RUS"], got


def test_a_country_that_refused_does_not_take_part():
    got = listing("Russia began the Tsentr-2019 exercise on Monday. India will not take part in the drills.")
    assert got["participants"] == ["RUS"], got


def test_a_reference_back_takes_no_assets_told_of_another_exercise_before_it():
    frame = frame_of("Chinese and Russian bombers flew a joint air patrol over the Sea of Japan on Tuesday. While "
                     "tanks and warships of both countries have joined war games before, they had not flown such air "
                     "patrols until now.", title="Bombers")
    patrol = frame[frame["kind"] == "patrol"]
    assert set(";".join(patrol["domains"]).split(";")) == {"air"}, patrol[["surface", "domains"]].values.tolist()


# ---- places as written --------------------------------------------------------------------------------------

def test_the_host_country_is_a_location():
    got = listing("Russia and Armenia began the Kavkaz-2020 exercises in Russia on Monday.")
    assert got["locations"] == ["Russia"], got
    got = listing("Chinese troops marched during the Vostok-2018 exercises in Eastern Siberia, Russia, on Thursday.")
    assert got["locations"] == ["Eastern Siberia", "Russia"], got


def test_a_country_after_a_place_that_is_a_source_is_no_location():
    got = listing("Russia and Belarus held joint drills in the Baltic, Russia said.")
    assert got["locations"] == ["Baltic"], got


def test_a_country_that_owns_the_place_is_no_host():
    got = listing("Chinese and Russian bombers held a joint patrol in Japan's air defence zone.")
    assert "Japan" not in got["locations"], got


def test_ranges_the_gazetteer_does_not_know():
    got = listing("Russia and Belarus began the Union Shield-2023 exercise. The drills will take place at the "
                  "Mulino, Pogonovo and Kapustin Yar training grounds.")
    assert got["locations"] == ["Kapustin Yar", "Mulino", "Pogonovo"], got


def test_places_after_grounds_of_and_areas_of():
    got = listing("China and Russia began the Vostok-2022 exercise on Thursday. The drills will be held at seven "
                  "training grounds of the Eastern Military District and in coastal areas of the Sea of Okhotsk.")
    assert got["locations"] == ["Eastern Military District", "Sea of Okhotsk"], got


# ---- domains and participants from the wording --------------------------------------------------------------

def test_military_personnel_and_servicemen_are_land_forces():
    assert listing("Russia and Armenia began the Kavkaz-2020 exercise. About 80,000 military personnel take part "
                   "in them.")["domains"] == ["land"]
    assert listing("Russia and China began joint drills with 2,000 servicemen.")["domains"] == ["land"]


def test_war_games_on_the_high_seas_are_naval():
    assert listing("Russian and Chinese war games on the high seas were held in 2005.",
                   published=dt.date(2012, 4, 22))["domains"] == ["naval"]


def test_a_tri_service_exercise_is_of_every_domain():
    assert listing("India and Russia held their joint tri-service exercise in Goa.")["domains"] == [
        "air", "land", "naval"]


def test_countries_that_join_forces_in_an_exercise_take_part():
    got = listing("A war exercise will begin on Sunday when India, Russia, China and Kazakhstan join forces to "
                  "defeat an imaginary terrorist state.")
    assert got["participants"] == ["CHN", "IND", "KAZ", "RUS"], got


def test_the_next_sentence_on_a_phase_of_the_exercise_tells_of_it():
    got = listing("Russia and China will hold the Tsentr-2019 exercise in two phases. The three-day Phase I will "
                  "practise the command of troops.")
    assert got["domains"] == ["land"], got


# ---- a name's variants and the places of its clause -------------------------------------------------------------

def test_a_translation_in_brackets_between_name_and_year():
    frame = frame_of("Russia and China began the Zapad (West) 2021 exercise.")
    assert frame["name"].tolist() == ["Zapad-2021"], frame[["surface", "name"]].values.tolist()


def test_maneuvers_that_span_places():
    got = listing("Russia and China began the weeklong Vostok (East) 2018 maneuvers, which span vast expanses of "
                  "Siberia and the Far East, the Arctic and the Pacific Oceans.", published=dt.date(2018, 9, 13))
    assert got["locations"] == ["Arctic", "Far East", "Pacific Oceans", "Siberia"], got
    assert got["domains"] == ["naval"], got  # a named exercise held at sea


def test_an_air_exercise_over_the_sea_stays_air():
    got = listing("Russian and Chinese bombers flew the Aerospace Security-2021 exercise over the Sea of Japan.")
    assert got["domains"] == ["air"], got


def test_where_troops_drill_during_an_exercise_is_its_place():
    got = listing("Chinese troops marched at the training ground \"Tsugol\" during the Vostok-2018 exercise in "
                  "Siberia on Thursday.", published=dt.date(2018, 9, 13))
    assert got["locations"] == ["Siberia", "Tsugol"], got


# ---- names and years ----------------------------------------------------------------------------------------

def test_a_series_name_takes_the_year_its_clause_states():
    frame = frame_of("On November 28, 2019, the joint naval exercise code-named Mosi, held by China, Russia and South "
                     "Africa, entered its sea phase.", published=dt.date(2019, 11, 29))
    assert frame["name"].tolist() == ["Mosi-2019"], frame[["surface", "name"]].values.tolist()


def test_a_numbered_edition_keeps_its_number():
    frame = frame_of("In 2024 China and Russia flew the ninth joint strategic air patrol over the Sea of Japan.",
                     title="Bombers", published=dt.date(2024, 12, 1))
    assert "Joint Strategic Air Patrol-9" in frame["name"].tolist(), frame[["surface", "name"]].values.tolist()


def test_a_page_date_stamp_is_no_stated_year():
    frame = exercises_frame([article_from_text(
        "date 2024-05-13 Cambodia and China will begin their annual Golden Dragon exercise this week.\n",
        article_id="r", published=dt.date(2024, 5, 13))])
    assert frame["year"].isna().all() and frame["name"].tolist() == ["Golden Dragon"], frame.values.tolist()


def test_a_planned_edition_stays_apart_from_an_earlier_dated_one():
    frame = frame_of("Cambodia and China will begin their annual Golden Dragon military exercise this week. The annual "
                     "Golden Dragon exercises began in December 2016.", published=dt.date(2024, 5, 13))
    assert frame["event_id"].nunique() == 2 and "Golden Dragon-2016" in frame["name"].tolist(), \
        frame[["surface", "name", "event_id"]].values.tolist()


# ---- places the gazetteer does not know ---------------------------------------------------------------------

@pytest.mark.parametrize("body, published, locations", [
    pytest.param("Thai and Chinese special forces will take part in the Joint Strike 2023 exercise in Lop Buri "
                 "province.", dt.date(2023, 8, 1), ["Lop Buri province"], id="after_in"),
    pytest.param("India and Russia began the joint tri-service exercise on December 10 simultaneously from Babina, "
                 "Gwalior, Goa and Pune.", DAY, ["Babina", "Goa", "Gwalior", "Pune"], id="a_list_after_from"),
    pytest.param("Blue Strike, a joint exercise of the Thai and Chinese navies, is planned in Chon Buri, Rayong and "
                 "Chanthaburi provinces.", DAY, ["Chanthaburi", "Chon Buri", "Rayong"], id="before_a_plural_head"),
    # no place: a capitalised word that modifies a noun, months and directions
    pytest.param("Russia and Mongolia finished joint exercises near the Asian nation's borders, in the Armed Forces "
                 "of both countries.", DAY, [], id="a_capitalised_word_that_modifies_a_noun"),
    pytest.param("Russia and China held joint drills in September in the East.", DAY, [],
                 id="months_and_directions"),
])
def test_places_the_gazetteer_does_not_know(body, published, locations):
    got = listing(body, published=published)
    assert got["locations"] == locations, got


def test_a_fronted_phrase_lends_no_places_of_the_clause_after_it():
    frame = frame_of("Chinese and Russian bombers flew a joint patrol over the Pacific. Along with the joint bomber "
                     "patrol to Japan's east, a Russian A-50 conducted a sortie over the Sea of Japan.",
                     title="Bombers")
    assert "Sea of Japan" not in ";".join(frame["locations"]), frame[["surface", "locations"]].values.tolist()
