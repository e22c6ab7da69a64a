"""Number and currency forms real reporting uses (issue: accuracy on real reporting), in sentences of our own."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis.corpus.model import Article, Sentence
from analysis.extract.figures import extract_figures


def article(text: str) -> Article:
    sentences, at = [], 0
    for line in text.split("\n"):
        sentences.append(Sentence(at, at + len(line), line, "body"))
        at += len(line) + 1
    return Article("t", "t.txt", text, published=dt.date(2024, 6, 1), sentences=tuple(sentences))


def read(text: str) -> list[tuple[str, float, str]]:
    out = []
    for f in extract_figures(article(text)):
        assert text[f.start:f.end] == f.surface
        out.append((f.surface, f.value, f.unit))
    return out


@pytest.mark.parametrize("text, expected", [
    ("Seoul set aside 45-point-2 trillion won for defence.", ("45-point-2 trillion won", 45.2e12, "KRW")),
    ("NATO asks members to spend two percent of GDP on defence.", ("two percent of GDP", 2, "percent_gdp")),
    ("Defence spending reached 1.9pc of GDP.", ("1.9pc of GDP", 1.9, "percent_gdp")),
    ("Defence spending is 1.3 per cent of official GDP.", ("1.3 per cent of official GDP", 1.3, "percent_gdp")),
    ("Jakarta allocated Rp 139.3 trillion to defence.", ("Rp 139.3 trillion", 139.3e12, "IDR")),
    ("Beijing's defence budget rose to Rmb1.67tn.", ("Rmb1.67tn", 1.67e12, "CNY")),
    ("India has 4,50,000 troops on the border.", ("4,50,000 troops", 450000, "count")),
])
def test_forms(text, expected):
    surface, value, unit = expected
    assert any(s == surface and u == unit and v == pytest.approx(value) for s, v, u in read(text)), read(text)


def test_equipment_and_people_in_drills_are_force_counts_but_casualties_are_not():
    got = read("The drills involve 700 pieces of military equipment, 3,000 items of armaments and 8,000 people.")
    assert [v for _, v, u in got if u == "count"] == [700, 3000, 8000]
    assert read("Some 300 people were killed and 2,000 people were evacuated.") == []


def test_a_bare_rupee_sign_takes_the_currency_of_the_country_the_article_is_about():
    text = ("Pakistan unveiled its budget.\nPakistan will raise defence spending.\n"
            "Pakistan's defence allocation is Rs2,128 billion.")
    assert ("Rs2,128 billion", 2128e9, "PKR") in read(text)
    assert read("India's defence allocation is Rs 6.2 lakh crore.")[0][2] == "INR"


def test_a_bare_dollar_in_a_countrys_own_spending_story_is_its_currency_unless_marked_us():
    text = ("Australia's defence budget will rise to $55.7 billion, Canberra said.\n"
            "Australia's military spending is the highest since 1990.\n"
            "Australia will also pay US$3 billion for American missiles.")
    got = read(text)
    assert ("$55.7 billion", 55.7e9, "AUD") in got and ("US$3 billion", 3e9, "USD") in got


def test_a_quantity_bought_in_a_deal_is_no_force_count_but_a_deployed_one_is():
    assert read("Egypt ordered 24 Su-35 fighters from Russia for $2 billion.") == [("$2 billion", 2e9, "USD")]
    assert read("Turkey received two S-400 batteries.") == []
    assert read("Russia deployed 12 S-400 launchers it had bought.") == [("12 S-400 launchers", 12, "count")]


def test_nuclear_warheads_are_not_force_counts():
    assert read("The country holds about 8,400 operational nuclear warheads.") == []


def test_growth_told_with_words_between_the_verb_and_the_rate():
    text = "Russia increased its military spending last year by 16 percent.\nUkraine saw a 51% surge in military spending."
    assert [(s, v) for s, v, u in read(text) if u == "percent_growth"] == [("16 percent", 16), ("51%", 51)]


def test_a_bare_scaled_number_after_an_amount_in_the_sentence_before_takes_its_currency():
    text = "The defence budget rose to 532.1 billion yuan.\nThat compares to 480.7 billion spent in 2009."
    assert ("480.7 billion", 480.7e9, "CNY") in read(text)
    assert read("Oil output was 2 billion barrels.\nIt has 1.4 billion people.") == []


def test_abbreviated_trillions_and_a_rupee_word_before_the_amount():
    text = "Pakistan's budget was revised higher to Rs1.59tr.\nRupees 1.69 trillion went to defence affairs."
    got = read(text)
    assert ("Rs1.59tr", 1.59e12) in [(s, v) for s, v, _ in got] and ("Rupees 1.69 trillion", 1.69e12) in [(s, v) for s, v, _ in got]


@pytest.mark.parametrize("text, unit", [
    ("Ukraine will spend Hr 2.8 trillion on defence.", "UAH"),
    ("Russia spent Rbs 3 trillion on defence.", "RUB"),
    ("Iran allocated 267 trillion Iranian Riyals to the IRGC.", "IRR"),
    ("Iran's budget rose.\nIran's army grew.\nIran allocated 97 trillion riyals to the army.", "IRR"),
    ("Saudi Arabia allocated 270 billion riyals to the military.", "SAR"),
])
def test_currencies_named_in_the_issue(text, unit):
    assert read(text)[0][2] == unit


def test_a_decimal_comma_before_trillion_and_a_price_base_year():
    assert read("Defence spending will reach RUB4,981 trillion in 2023.") == [("RUB4,981 trillion", 4.981e12, "RUB")]
    assert read("Spending is given in constant 2005 dollars.") == []
    assert read("Japan's debt is 1,200 trillion yen.")[0][1] == 1.2e15  # yen are not re-read


def test_a_scale_word_with_a_or_half_a_is_money_only():
    assert read("The world spent nearly a trillion dollars on arms.") == [("a trillion dollars", 1e12, "USD")]
    assert read("Moscow will spend half a trillion roubles on new tanks.") == [("half a trillion roubles", 5e11, "RUB")]
    assert read("A billion people live there.") == []


def read_rates(text: str) -> list[tuple[str, float, str]]:
    return [(text[f.start:f.end], f.value, f.unit) for f in extract_figures(article(text)) if f.unit.startswith("percent")]


def test_decimals_said_aloud_with_digit_words():
    assert read("Seoul's defence budget rose seven-point-four percent to 46-point-seven trillion won.") == [
        ("seven-point-four percent", 7.4, "percent_growth"), ("46-point-seven trillion won", 46.7e12, "KRW")]


def test_a_signed_rate_in_a_ranking_is_a_change():
    assert read_rates("Military spending fell most in Chad (-56%), Peru (−54%) and Fiji (+3%).") == [
        ("-56%", -56, "percent_growth"), ("−54%", -54, "percent_growth"), ("+3%", 3, "percent_growth")]
    assert read_rates("Military spending rose 10-15% in Asia.") == [
        ("10", 10, "percent_growth"), ("15%", 15, "percent_growth")]  # a range, not a sign


def test_percentage_points_are_a_change_of_the_rate():
    assert read_rates("Its military spending was $611 billion (up 1.7 percentage points year-on-year).") == [
        ("1.7 percentage points", 1.7, "percent_growth")]
    assert read_rates("Defence spending may rise by two percentage points.") == [
        ("two percentage points", 2, "percent_growth")]


def test_the_size_of_a_force_written_as_a_modifier():
    assert read("Kazakhstan keeps a 625,000-strong army and a 1 million-member force in reserve.") == [
        ("625,000-strong army", 625000, "count"), ("1 million-member force", 1e6, "count")]
    assert read("Moscow sent a 3,000-man contingent.") == [("3,000-man contingent", 3000, "count")]
    assert read("A 10,000-strong crowd marched past the 30-member military alliance's office.") == []


def test_a_budget_money_comes_from_is_not_the_line_it_goes_to():
    rows = [(f.surface, f.metric) for f in extract_figures(article(
        "Astana will allocate 1.2 trillion tenge from the state budget to defence this year.\n"
        "Seoul will spend 16 trillion won on arms purchases and research and development."))]
    assert rows == [("1.2 trillion tenge", "defence_budget"), ("16 trillion won", "other_money")]


def test_a_hyphenated_percent():
    assert read("Defence spending saw a 12-percent rise.") == [("12-percent", 12, "percent_growth")]


def test_a_price_said_of_each_item_and_a_bare_peso():
    rows = [(f.surface, f.metric) for f in extract_figures(article("Each Su-35 costs about $85 million."))]
    assert rows == [("$85 million", "unit_price")]
    assert read("The Philippines allocated 203.4 billion pesos to defence.") == [("203.4 billion pesos", 203.4e9, "PHP")]
    mexico = "Mexico's army gets more. Mexico raised defence spending. Mexico will spend 120 billion pesos on defence."
    assert [f.unit for f in extract_figures(article(mexico))] == ["MXN"]


def test_a_year_after_on_is_the_base_of_a_comparison_and_a_spender_is_military_spending():
    t = "Chad, the region's largest spender, allocated $2 billion, an increase of 4.2 per cent on 2021."
    assert [(f.surface, f.metric, f.year) for f in extract_figures(article(t))] == [
        ("$2 billion", "defence_budget", None), ("4.2 per cent", "defence_budget", None)]


def test_units_and_pieces_of_military_hardware_are_counted():
    assert read("The drills involve 10,000 servicemen, about 1,000 units of military hardware and 100 aircraft.") == [
        ("10,000 servicemen", 10000, "count"), ("about 1,000 units of military hardware", 1000, "count"),
        ("100 aircraft", 100, "count")]


def test_a_dateline_tells_whose_rupee_it_is_and_the_actor_moves_with_it():
    text = ("Defence budget raised by 16pc\n"
            "ISLAMABAD: The government proposed Rs2.12 trillion for defence, up from Rs1.8tr.\n"
            "The allocation amounts to 1.7pc of GDP.\n"
            "The army will receive Rs1.01tr and the navy Rs230bn.")
    rows = [(f.surface, f.unit, f.metric, f.actor) for f in extract_figures(article(text))]
    assert ("Rs2.12 trillion", "PKR", "defence_budget", "PAK") in rows
    assert ("1.7pc of GDP", "percent_gdp", "share_of_gdp", "PAK") in rows
    assert ("Rs1.01tr", "PKR", "defence_budget", "PAK") in rows and ("Rs230bn", "PKR", "defence_budget", "PAK") in rows
    assert ("16pc", "percent_growth", "defence_budget", "PAK") in rows  # the country the article is about


def test_currency_forms_of_malaysia_turkey_and_hyphenated_scales():
    assert read("Malaysia's defence budget is RM15.86 billion.") == [("RM15.86 billion", 15.86e9, "MYR")]
    assert read("Turkey allocated TL 1.166 trillion to defence.") == [("TL 1.166 trillion", 1.166e12, "TRY")]
    assert read("Japan approved a 7.95 trillion-yen defence budget.") == [("7.95 trillion-yen", 7.95e12, "JPY")]
    assert read("NATO asks allies to spend 2 percent of their economy on defence.") == [
        ("2 percent of their economy", 2, "percent_gdp")]


def _kinds(text: str):
    return [(f.surface, f.value, f.unit, f.actor) for f in extract_figures(article(text))]


def test_a_rate_with_no_cue_of_its_own_continues_the_list_before():
    text = ("Only five allies met the goal of spending at least 2 percent of their economy on defence. A breakdown:\n"
            "United States, 3.61 percent.\n"
            "Greece, 2.38 percent.\n"
            "Inflation in the euro area, meanwhile, was about 5 percent in the year.")
    assert _kinds(text) == [("2 percent of their economy", 2, "percent_gdp", None),
                            ("3.61 percent", 3.61, "percent_gdp", "USA"), ("2.38 percent", 2.38, "percent_gdp", "GRC")]
    text = ("The largest increases in military spending included Romania (43%), the Netherlands (35%) and the Czech "
            "Republic (32%).\nThe sharpest falls in military spending were in Ghana (12%) and Peru (5%).")
    assert _kinds(text) == [("43%", 43, "percent_growth", "ROU"), ("35%", 35, "percent_growth", "NLD"),
                            ("32%", 32, "percent_growth", "CZE"), ("12%", -12, "percent_growth", "GHA"),
                            ("5%", -5, "percent_growth", "PER")]


def test_an_amount_both_countries_have_is_one_figure_each_with_its_conversion():
    text = "The next biggest military spenders were Ukraine and France, both with 56.9 billion euros ($64.7 billion)."
    assert _kinds(text) == [("56.9 billion euros", 56.9e9, "EUR", "UKR"), ("56.9 billion euros", 56.9e9, "EUR", "FRA"),
                            ("$64.7 billion", 64.7e9, "USD", "UKR"), ("$64.7 billion", 64.7e9, "USD", "FRA")]


def test_counted_designations_in_the_plural_and_forces_of_two_named_countries():
    assert read("A pair of Chinese H-6 bombers joined four Russian Tu-95s.") == [
        ("A pair of Chinese H-6 bombers", 2, "count"), ("four Russian Tu-95s", 4, "count")]
    rows = _kinds("Japan scrambled jets after six Chinese and Russian warplanes flew over the sea.")
    assert rows == [("six Chinese and Russian warplanes", 6, "count", None)]  # a total of two countries' forces
    assert read("The drills lasted three days and 20 ships took part.") == [("20 ships", 20, "count")]


def test_exchange_rates_and_prices_per_person_or_barrel_are_no_figures():
    assert read("The exchange rate, at TL 34.7 to the dollar, is expected to reach TL 42 by 2025.") == []
    assert read("Brent shot up from around $78 a barrel to roughly $120.") == []
    assert read("Spending was 2.5 percent of GDP or $249 per person.") == [("2.5 percent of GDP", 2.5, "percent_gdp")]
    assert read("Russia will spend $5 billion per year on defence.") == [("$5 billion", 5e9, "USD")]


def test_quantities_delivered_in_a_deal_are_no_force_counts():
    assert read("Subsequent deliveries were three Su-27SKMs and 11 Su-30MKs.") == []


def test_the_size_of_a_change_is_no_figure_but_the_level_it_leads_to_is():
    assert read("The allocation is RM4.50 billion, an increase of RM1.42 billion.") == [
        ("RM4.50 billion", 4.5e9, "MYR")]
    assert read("The defence budget rose by $5 billion to $60 billion.") == [("$60 billion", 60e9, "USD")]
    assert read("Military spending rose to $60 billion, up $5 billion.") == [("$60 billion", 60e9, "USD")]
    assert read("The allocation represents a slight increase, or THB220 million, over 2016.") == []
    assert read("The new budget is a $28 billion (three trillion rubles) increase from this year.") == []


def test_currencies_of_gulf_south_asian_african_and_other_spenders():
    assert read("Spending reached SR58 billion.") == [("SR58 billion", 58e9, "SAR")]
    assert read("Qatar paid QR12 billion.") == [("QR12 billion", 12e9, "QAR")]
    assert read("The allocation is Tk 4,200 crore.") == [("Tk 4,200 crore", 42e9, "BDT")]
    assert read("The army gets 2.1 trillion kyats.") == [("2.1 trillion kyats", 2.1e12, "MMK")]
    assert read("Brasilia set aside 9 billion reais.") == [("9 billion reais", 9e9, "BRL")]
    assert read("Lagos budgeted 1.2 trillion naira.") == [("1.2 trillion naira", 1.2e12, "NGN")]
    assert read("Pretoria spends 52 billion rand.") == [("52 billion rand", 52e9, "ZAR")]
    assert read("The navy's share was Bt41 billion.") == [("Bt41 billion", 41e9, "THB")]


def test_letters_joined_to_a_number_by_a_hyphen_name_a_design_not_money():
    assert read("The SR-71 flew over the base.") == []
    assert read("A TL-50 trainer crashed.") == []


def test_values_carry_no_float_noise():
    assert read("The budget was $4.1 billion.") == [("$4.1 billion", 4.1e9, "USD")]
    assert repr(read("Spending was 68.4 billion dollars.")[0][1]) == "68400000000.0"


def test_indian_abbreviated_scales_and_one_letter_signs_before_a_scale():
    assert read("The budget rose to Rs 5.94 lakh cr.") == [("Rs 5.94 lakh cr", 5.94e12, "INR")]
    assert read("The Rs 500 cr order was cleared.")[0][1:] == (5e9, "INR")
    assert read("The budget is W61.2 trillion.") == [("W61.2 trillion", 61.2e12, "KRW")]
    assert read("Manila set aside P240.6 billion.") == [("P240.6 billion", 240.6e9, "PHP")]
    assert read("Abuja budgeted N1.3 trillion.") == [("N1.3 trillion", 1.3e12, "NGN")]
    assert read("The budget reached 1.2 quadrillion rials.") == [("1.2 quadrillion rials", 1.2e15, "IRR")]
    assert read("Crews wore N95 masks, flew P8 aircraft and guarded W88 warheads.") == []


def test_a_designation_before_a_counted_noun_is_a_modifier_of_it():
    assert read("Two Tu-95MS bombers flew over the sea.") == [("Two Tu-95MS bombers", 2, "count")]
    assert read("Russia sent four Tu-95s.") == [("four Tu-95s", 4, "count")]


def test_a_code_at_the_end_of_a_sentence_rs_with_a_dot_and_trln():
    assert read("Defence spending totals 1.5 billion USD.") == [("1.5 billion USD", 1.5e9, "USD")]
    assert read("The army budget is Rs.1,000-crore.") == [("Rs.1,000-crore", 1e10, "INR")]
    assert read("Russia will spend 1.2 trln rubles on arms.") == [("1.2 trln rubles", 1.2e12, "RUB")]
    assert read("It costs $.75 each.") == [("$.75 each", 0.75, "USD")]
