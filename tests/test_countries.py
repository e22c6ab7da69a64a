"""Country vocabulary: every code is a real ISO 3166 code, and mentions resolve in context."""
import pycountry

from analysis.extract.countries import aliases, country_code, find_countries


def test_every_alias_maps_to_an_iso_code():
    for alias, (code, _kind) in aliases().items():
        if code == "SUN":  # the Soviet Union: ISO 3166-3 (formerly used codes)
            assert pycountry.historic_countries.get(alpha_3="SUN") is not None
        else:
            assert pycountry.countries.get(alpha_3=code) is not None, (alias, code)


def test_mentions_in_defence_reporting():
    text = ("The Pentagon said Beijing and the Kremlin held talks; the U.S. and the PLA's ties with "
            "Moscow, the Soviet Union's legacy and South Korea's worries.")
    found = [(m.alias, m.alpha3) for m in find_countries(text)]
    assert found == [("Pentagon", "USA"), ("Beijing", "CHN"), ("Kremlin", "RUS"), ("U.S.", "USA"), ("PLA", "CHN"),
                     ("Moscow", "RUS"), ("Soviet Union", "SUN"), ("South Korea", "KOR")]
    for m in find_countries(text):
        assert text[m.start:m.end].startswith(m.alias)


def test_word_boundaries_and_lookup():
    assert find_countries("Russianness and Chinatown and USB ports") == []
    assert country_code("Washington") == "USA" and country_code("Atlantis") is None


def test_a_capital_that_begins_a_name_or_says_where_something_is_based_is_no_country():
    from analysis.extract.countries import find_countries
    found = lambda t: [m.alpha3 for m in find_countries(t)]  # noqa: E731
    assert found("The Stockholm International Peace Research Institute and the Moscow Times.") == []
    assert found("The Stockholm-based institute said.") == []
    assert found("Moscow and Beijing met in Tokyo on Monday; talks in Beijing Thursday.") == ["RUS", "CHN", "JPN", "CHN"]


def test_ex_post_and_former_before_a_demonym_name_the_successor_states_not_the_country():
    assert [m.alpha3 for m in find_countries("troops from several ex-Soviet nations")] == []
    assert [m.alpha3 for m in find_countries("post-Soviet states and former Soviet republics")] == []
    assert [m.alpha3 for m in find_countries("the former Soviet Union sold Soviet tanks")] == ["SUN", "SUN"]


def test_latin_north_south_and_central_america_are_regions_not_the_united_states():
    assert [m.alpha3 for m in find_countries("Latin America and North American allies")] == []
    assert [m.alpha3 for m in find_countries("Central-American states and America")] == ["USA"]


def test_countries_whose_names_are_also_peoples_names():
    found = lambda t: [m.alpha3 for m in find_countries(t)]  # noqa: E731
    assert found("Jordan, Chad and Niger sent troops; Guinea did not.") == ["JOR", "TCD", "NER", "GIN"]
    assert found("Papua New Guinea, Niger and Nigeria") == ["PNG", "NER", "NGA"]
    assert found("Jordan Peterson and Chad Smith spoke.") == []


def test_forces_named_by_nationality_have_their_country():
    found = lambda t: [m.alpha3 for m in find_countries(t)]  # noqa: E731
    assert found("The Chilean Navy, Kenyan troops and Sri Lankan sailors met Omani and Kyrgyz officers.") == \
        ["CHL", "KEN", "LKA", "OMN", "KGZ"]
