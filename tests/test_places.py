"""The gazetteer and place finding: seas, straits, regions and bases named in exercise reporting."""
from __future__ import annotations

import pytest

from analysis.extract.places import find_places, gazetteer, place


def surfaces(text):
    return [(p.surface, p.place_id) for p in find_places(text)]


def test_gazetteer_table_is_well_formed():
    g = gazetteer()
    assert list(g.columns) == ["id", "name", "aliases", "kind", "lat", "lon"]
    assert g["id"].is_unique and g["name"].is_unique
    assert set(g["kind"]) <= {"sea", "strait", "region", "base", "city"}
    assert g["lat"].between(-90, 90).all() and g["lon"].between(-180, 180).all()


def test_every_name_and_alias_finds_its_own_entry():
    for row in gazetteer().itertuples(index=False):
        for alias in [row.name, *[a for a in row.aliases.split(";") if a]]:
            found = find_places(f"Ships sailed in the {alias} on Monday.")
            assert [p.place_id for p in found] == [row.id], alias


@pytest.mark.parametrize("name", ["Sea of Japan", "East China Sea", "South China Sea", "northwest Pacific",
                                  "western Pacific", "Mediterranean", "Baltic Sea", "Arctic", "Bering Sea",
                                  "Gulf of Oman", "Ningxia", "Vladivostok", "Asia-Pacific", "Europe", "Asia", "Alaska",
                                  "Sea of Okhotsk", "Yellow Sea", "Taiwan Strait", "Tsushima Strait", "Kuril Islands",
                                  "Hokkaido", "Gulf of Aden", "Arabian Sea", "Indian Ocean", "Black Sea",
                                  "Barents Sea", "Zhurihe", "Primorye", "Kamchatka"])
def test_the_places_the_issue_names_are_in_the_gazetteer(name):
    assert [p.surface for p in find_places(f"near {name}.")] == [name]


class TestSeeds:
    def test_patrol_list_with_including(self):
        text = "joint patrols in the Asia-Pacific, including the Sea of Japan and the East China Sea"
        assert surfaces(text) == [("Asia-Pacific", "asia-pacific"), ("Sea of Japan", "sea-of-japan"),
                                  ("East China Sea", "east-china-sea")]

    def test_direction_words_are_part_of_the_name(self):
        assert surfaces("joint naval patrols in the northwest Pacific") == [("northwest Pacific", "northwest-pacific")]
        assert surfaces("a joint patrol mission over the western Pacific") == [("western Pacific", "western-pacific")]

    def test_both_europe_and_asia(self):
        assert [p.surface for p in find_places("joint military maneuvers in both Europe and Asia")] == ["Europe", "Asia"]


class TestWireStories:
    def test_aliases_resolve_to_one_entry_with_coordinates(self):
        [p] = find_places("in the East Sea")
        assert (p.name, p.kind, p.lat, p.lon) == ("Sea of Japan", "sea", 40.0, 135.0)

    def test_spacing_and_case_variants(self):
        assert surfaces("the Asia Pacific region") == [("Asia Pacific region", "asia-pacific")]
        assert surfaces("the north-west Pacific") == [("north-west Pacific", "northwest-pacific")]
        assert surfaces("IN THE SOUTH CHINA SEA") == [("SOUTH CHINA SEA", "south-china-sea")]
        assert surfaces("the eastern Mediterranean") == [("eastern Mediterranean", "mediterranean")]

    def test_units_and_groups_of_countries_are_not_places(self):
        assert surfaces("ships of the Pacific Fleet and the Black Sea Fleet") == []
        assert surfaces("the Baltic states protested") == []

    def test_a_place_inside_a_longer_word_is_not_found(self):
        assert surfaces("Eurasian Asian Alaskans") == []

    def test_country_names_are_not_places(self):
        assert surfaces("China, Russia and Japan") == []


def test_place_lookup_by_id():
    assert place("tsushima-strait").name == "Tsushima Strait"
    assert place("atlantis") is None


class TestNamesAsWritten:
    """A place's name as the text writes it: its head word, and names that share a plural head."""

    def test_a_lower_case_head_word_stays_with_the_name(self):
        assert surfaces("troops landed on the Liaodong peninsula or the Kamchatka peninsula") == [
            ("Kamchatka peninsula", "kamchatka")]
        assert surfaces("bombers flew between the Miyako islands and Guam") == [
            ("Miyako islands", "miyako-island"), ("Guam", "guam")]

    def test_a_capitalised_plural_head_stays_with_the_last_name(self):
        assert surfaces("drills spanning the Atlantic and the Pacific Oceans") == [
            ("Atlantic", "atlantic"), ("Pacific Oceans", "pacific")]

    def test_a_lower_case_plural_head_after_a_list_is_a_common_noun(self):
        assert surfaces("ships sailed in the Pacific and Arctic oceans") == [("Pacific", "pacific"), ("Arctic", "arctic")]

    def test_names_that_are_no_place_alone_share_the_plural_head(self):
        assert surfaces("flotillas will drill in the Black and Caspian Seas next week") == [
            ("Black Sea", "black-sea"), ("Caspian Sea", "caspian-sea")]
        assert surfaces("the Black, Azov and Caspian Seas") == [
            ("Black Sea", "black-sea"), ("Azov Sea", "sea-of-azov"), ("Caspian Sea", "caspian-sea")]

    def test_a_list_with_an_unknown_name_is_left_alone(self):
        assert surfaces("the Kara and Laptev Seas") == []

    def test_region_and_province_join_a_name_only_as_the_gazetteer_lists_it(self):
        assert surfaces("the drills in the Ningxia region") == [("Ningxia", "ningxia")]
        assert surfaces("in the Trans-Baikal region") == [("Trans-Baikal region", "zabaykalsky")]


class TestMilitaryDistrictsAndRanges:
    def test_military_districts_are_places(self):
        assert surfaces("troops of the Southern Military District and the Eastern Military District") == [
            ("Southern Military District", "southern-military-district"),
            ("Eastern Military District", "eastern-military-district")]

    def test_a_press_service_is_a_source_not_a_place(self):
        assert surfaces("the Eastern Military District press service said on Monday") == []
        assert surfaces("a Baltic Fleet spokesman said") == []

    def test_ranges_of_the_southern_district(self):
        assert [p.surface for p in find_places("at the Prudboy, Ashuluk and Kapustin Yar ranges")] == [
            "Prudboy", "Ashuluk", "Kapustin Yar"]

    def test_islands_south_of_japan(self):
        assert surfaces("the Japanese islands of Miyako and Okinawa, south of Shikoku") == [
            ("Miyako", "miyako-island"), ("Okinawa", "okinawa"), ("Shikoku", "shikoku")]


def test_a_direction_adjective_before_a_region_is_part_of_its_name():
    assert surfaces("troops in Eastern Siberia and southern Africa") == [("Eastern Siberia", "siberia"),
                                                                        ("southern Africa", "africa")]
    # a country's name, not a region's (the country itself hides "Africa" in the exercise reading)
    assert [p.surface for p in find_places("navies of South Africa")] == ["Africa"]


@pytest.mark.parametrize("text, surface", [
    ("held drills in Kaliningrad Province on Monday", "Kaliningrad Province"),
    ("troops gathered in the Kaliningrad Region last week", "Kaliningrad Region"),
    ("a range in the Kaliningrad Oblast", "Kaliningrad Oblast"),
    ("a training centre in Kaliningrad province", "Kaliningrad"),
])
def test_an_administrative_head_is_part_of_a_name_as_written(text, surface):
    # "Kaliningrad Province", "Kaliningrad Region": the unit's head, capitalised, belongs to its name; in lower case
    # it does only as the gazetteer lists it
    assert [p.surface for p in find_places(text)] == [surface]
