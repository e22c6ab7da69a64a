"""Metric and actor from the structure of the text (issue: accuracy on real reporting). Each test is a class
of text, written here in sentences of our own; ``metric_cue`` and ``actor_cue`` say what decided."""
from __future__ import annotations

import datetime as dt

from analysis.corpus.model import Article, Sentence
from analysis.extract.figures import FIGURE_COLUMNS, extract_figures, figures_frame


def article(text: str, article_id: str = "t") -> Article:
    """Each line is one sentence."""
    sentences, at = [], 0
    for line in text.split("\n"):
        sentences.append(Sentence(at, at + len(line), line, "body"))
        at += len(line) + 1
    return Article(article_id, f"{article_id}.txt", text, published=dt.date(2024, 4, 22), sentences=tuple(sentences))


def read(text: str) -> dict[str, tuple[str, str | None]]:
    """surface -> (metric, actor), provenance checked."""
    out = {}
    for f in extract_figures(article(text)):
        assert text[f.start:f.end] == f.surface
        out[f.surface] = (f.metric, f.actor)
    return out


def test_the_actor_after_the_amount():
    got = read("Allies pledged $7 billion for Finland and $9 billion for Poland in military spending.")
    assert got["$7 billion"][1] == "FIN" and got["$9 billion"][1] == "POL"


def test_the_nearest_country_in_a_list_wins_over_the_owner_of_an_earlier_budget():
    got = read("Last year Brazil's defence budget was $22.1 billion, Mexico's was $11.8 billion, "
               "with Chile at $5.6 billion.")
    assert got == {"$22.1 billion": ("defence_budget", "BRA"), "$11.8 billion": ("defence_budget", "MEX"),
                   "$5.6 billion": ("defence_budget", "CHL")}


def test_a_country_before_a_bracketed_amount_is_its_actor():
    got = read("With its $41.2bn defence budget, Italy moved ahead of Spain ($19.3bn).")
    assert got["$19.3bn"] == ("defence_budget", "ESP")


def test_in_an_article_on_military_spending_a_bare_amount_is_military_spending():
    text = ("Military spending in South America rose again, a think tank said.\n"
            "Top spenders: Brazil ($22.1 billion), Colombia ($10.2 billion) and Argentina ($4.5 billion).\n"
            "Analysts expect defence spending to keep rising.")
    got = read(text)
    assert got["($10.2 billion"[1:]] == ("defence_budget", "COL")
    assert got["$4.5 billion"] == ("defence_budget", "ARG")
    # without the topic, an amount with no cue stays other money
    assert read("Brazil ($22.1 billion) and Colombia ($10.2 billion) led the list.")["$22.1 billion"][0] == "other_money"


def test_world_and_regional_totals_have_no_actor():
    text = ("Global military expenditure climbed to $2.7 trillion, with Mexico up 39%.\n"
            "Outlays in Central and Western Europe, including Germany, reached $693 billion, SIPRI said.")
    got = read(text)
    assert got["$2.7 trillion"] == ("defence_budget", None)
    assert got["$693 billion"][1] is None


def test_the_source_of_an_estimate_is_not_the_actor():
    got = read("Brazil's military spending reached $25 billion last year, according to U.S. estimates.")
    assert got["$25 billion"] == ("defence_budget", "BRA")
    got = read("Military spending reached $25 billion, U.S. intelligence estimates for Venezuela say.")
    assert got["$25 billion"][1] == "VEN"


def test_a_total_budget_is_other_money_and_only_its_defence_line_is_a_defence_budget():
    got = read("The draft foresees spending of 41 trillion roubles, of which 13 trillion on defence.")
    assert got["41 trillion roubles"][0] == "other_money"
    assert got["13 trillion"] == ("defence_budget", "RUS")  # the currency carried from the amount before
    got = read("Revenue is put at 36 trillion roubles, while defence spending rises to 13.2 trillion roubles.")
    assert got["36 trillion roubles"][0] == "other_money" and got["13.2 trillion roubles"][0] == "defence_budget"


def test_growth_takes_the_actor_of_its_own_clause():
    got = read("Chile's defence budget rose 6% while Peru's fell 3%.")
    assert got["6%"] == ("defence_budget", "CHL") and got["3%"] == ("defence_budget", "PER")


def test_growth_of_a_line_that_is_not_defence_is_no_figure():
    # the guidelines' settled rule: growth of lines that are not defence are not figures
    assert read("Defence spending grew, but pension spending rose 12%.") == {}
    assert read("The budget of the Ministry of Police Affairs increased by 104 per cent.") == {}
    assert read("Defence spending rose 12%.") == {"12%": ("defence_budget", None)}


def test_every_figure_says_what_decided_its_metric_and_actor():
    text = "Allies pledged $7 billion for Finland in military spending."
    (f,) = extract_figures(article(text))
    assert f.metric_cue == "defence line: military spending" and f.actor_cue == "for Finland"
    frame = figures_frame([article(text)])
    assert list(frame.columns) == FIGURE_COLUMNS and {"metric_cue", "actor_cue"} <= set(frame.columns)
    assert frame.loc[0, "actor_cue"] == "for Finland"


def test_a_country_inside_a_currency_is_not_an_actor():
    got = read("Taiwan's defense budget was NT$327.8 billion (US$10.73 billion), the report said.")
    assert got["NT$327.8 billion"] == ("defence_budget", "TWN") and got["US$10.73 billion"][1] == "TWN"
    got = read("Canberra spent nearly 30 billion U.S. dollars on defense, compared with 90 billion U.S. dollars "
               "for all the Asian allies combined.")
    assert got["30 billion U.S. dollars"][1] == "AUS" and got["90 billion U.S. dollars"][1] is None


def test_a_deal_with_no_buy_or_sell_verb_is_the_deal_told_just_before():
    text = "In 2009 Vietnam bought submarines from Russia for $350 million apiece.\nThe contract is worth $1.8 billion."
    deal = extract_figures(article(text))[-1]
    assert (deal.metric, deal.actor, deal.counterpart, deal.year) == ("arms_deal", "VNM", "RUS", 2009)


def test_with_no_country_in_its_sentence_an_amount_belongs_to_the_country_the_article_is_about():
    text = ("Indonesia plans to raise spending.\nIndonesia's parliament agreed.\nIndonesia will buy jets.\n"
            "Analysts were surprised.\nThe ministry had asked for a defense allocation of US$10 billion.")
    got = read(text)
    assert got["US$10 billion"] == ("defence_budget", "IDN")


def test_an_amount_attached_to_a_total_budget_is_other_money():
    got = read("The defense spending is part of the 101 trillion yen (USD 910 billion) national budget.")
    assert got["101 trillion yen"][0] == "other_money"


def test_a_country_after_the_amount_as_the_object_of_a_comparison_is_not_its_actor():
    text = ("India's parliament met.\nIndia debated.\nIndia voted.\n"
            "At 1.6% of the projected GDP, it is the lowest such figure since the war with China.")
    assert read(text)["1.6% of the projected GDP"] == ("share_of_gdp", "IND")


def test_chinas_peoples_congress_is_not_the_us_congress():
    got = read("A National People's Congress spokesman said the defense budget would reach 532.1 billion yuan.")
    assert got["532.1 billion yuan"] == ("defence_budget", "CHN")


def test_a_home_rupee_amount_with_no_country_in_its_sentence_is_the_home_countrys():
    text = ("Pakistan presented its budget.\nPakistan's army welcomed it.\nPakistan's navy too.\n"
            "ISLAMABAD - The government aims to spend Rs2.1 trillion on defence next year.")
    assert read(text)["Rs2.1 trillion"] == ("defence_budget", "PAK")


def test_an_amount_that_is_part_of_a_total_budget_keeps_its_defence_line():
    got = read("Of the defence budget, the army got Rs1,009 billion of the total budget.")
    assert got["Rs1,009 billion"][0] == "defence_budget"


def test_a_sale_of_submarines_is_an_arms_deal_even_beside_infrastructure():
    got = read("Vietnam signed a submarine contract with Russia worth $1.8 billion, including infrastructure.")
    assert got["$1.8 billion"][0] == "arms_deal"


def test_a_count_said_of_each_country_gives_one_per_country_and_a_joint_total_none():
    got = [(f.surface, f.actor) for f in extract_figures(article("China and Russia sent three ships apiece."))]
    assert got == [("three ships", "CHN"), ("three ships", "RUS")]
    (total,) = extract_figures(article("Russia and China sent 10,000 troops to the drills."))
    assert total.actor is None and total.actor_cue.startswith("total of several countries")
    (one,) = extract_figures(article("Russia sent 3,000 troops, while China and India watched."))
    assert one.actor == "RUS"


def _deal_rows(text: str):
    return [(text[f.start:f.end], f.metric, f.actor, f.counterpart) for f in extract_figures(article(text))
            if f.is_money]


def test_a_deal_told_in_a_sentence_without_an_amount_gives_the_buyer_of_the_amount_after():
    text = ("Ankara signed an agreement to buy two frigates from Kyiv.\n"
            "The deal was worth $1.2 billion, despite warnings from the United States.")
    assert _deal_rows(text) == [("$1.2 billion", "arms_deal", "TUR", "UKR")]


def test_taking_delivery_and_paying_for_hardware_make_the_subject_the_buyer():
    assert _deal_rows("Dhaka took delivery of two corvettes from China under a contract worth $300 million.") == [
        ("$300 million", "arms_deal", "BGD", "CHN")]
    assert _deal_rows("Peru is reported to have paid about $90 million for the six helicopters.") == [
        ("$90 million", "arms_deal", "PER", None)]


def test_payment_in_goods_does_not_make_an_arms_deal_a_trade_deal():
    text = ("Hanoi ordered 12 fighters from Moscow.\n"
            "The order was worth $900 million, of which $450 million will be paid in coffee and palm oil.")
    assert _deal_rows(text) == [("$900 million", "arms_deal", "VNM", "RUS"),
                                ("$450 million", "arms_deal", "VNM", "RUS")]
    assert _deal_rows("Russia and China signed a gas deal worth $400 billion.")[0][1] == "other_money"


def _actors(text: str):
    return [(text[f.start:f.end], f.actor) for f in extract_figures(article(text))]


def test_a_capital_inside_an_institutions_name_is_no_country():
    text = "The Stockholm International Peace Research Institute reported a 7% growth in military spending."
    assert _actors(text) == [("7%", None)]
    assert _actors("The Moscow Times said Russia's military spending rose 9%.") == [("9%", "RUS")]


def test_world_and_combined_totals_have_no_actor():
    assert _actors("The combined defence budgets of the EU and U.K. rose by 11.7% to $457 billion.") == [
        ("11.7%", None), ("$457 billion", None)]
    assert _actors("Arms imports by India rose 4 per cent worldwide.") == [("4 per cent", None)]
    assert _actors("Military spending accounted for 2.2% of the world's GDP.") == [("2.2% of the world's GDP", None)]
    assert _actors("The total defence budget of Russia rose by 5%.") == [("5%", "RUS")]


def _rows(text: str):
    return [(text[f.start:f.end], f.metric, f.actor, f.counterpart) for f in extract_figures(article(text))]


def test_an_exporters_sales_total_has_the_exporter_as_counterpart_and_no_buyer():
    assert _rows("Russian arms exports fell to $15 billion in 2020.") == [
        ("$15 billion", "other_money", None, "RUS")]
    assert _rows("Russia's arms sales to India reached $3 billion.") == [("$3 billion", "arms_deal", "IND", "RUS")]


def test_troops_from_named_countries():
    assert _rows("A total of 4,000 personnel from Russia, China and Iran took part.") == [
        ("4,000 personnel", "force_count", None, None)]
    assert _rows("About 3,200 troops from China are participating.") == [
        ("About 3,200 troops", "force_count", "CHN", None)]
    assert _rows("Russia withdrew 3,000 troops from Syria.") == [("3,000 troops", "force_count", "RUS", None)]


def test_paying_a_seller_for_hardware():
    assert _rows("Egypt paid Russia about $2 billion for 24 Su-35 fighter jets.") == [
        ("$2 billion", "arms_deal", "EGY", "RUS")]


def test_one_year_before_a_list_of_countries_figures_is_each_ones_year():
    text = "The top spenders in 2023 were the United States ($916 billion), China ($296 billion) and Russia ($109 billion)."
    assert [(f.actor, f.year) for f in extract_figures(article(text))] == [("USA", 2023), ("CHN", 2023), ("RUS", 2023)]
    text = "Military spending in Asia totalled $595 billion, 4.4 per cent more than in 2022."
    assert [f.year for f in extract_figures(article(text))] == [None, None]  # the base of a comparison


def test_a_rank_in_the_world_is_no_world_total_and_a_continent_is_one():
    text = "Saudi Arabia was the fifth largest spender in the world, with spending of $75.8 billion."
    assert _actors(text) == [("$75.8 billion", "SAU")]
    assert _actors("Military spending on the African continent fell to $38 billion.") == [("$38 billion", None)]


def test_money_spent_to_buy_hardware_is_a_deal_and_a_price_said_of_each_is_a_unit_price():
    assert _rows("Thailand's navy will spend 36 billion baht to purchase three submarines from China.") == [
        ("36 billion baht", "arms_deal", "THA", "CHN")]
    assert _rows("Each tank will cost an approximate 167 million baht.")[0][1] == "unit_price"


def test_a_share_of_gdp_that_is_a_target_has_no_spender():
    assert _actors("Turkey's defence spending exceeded the NATO threshold of 2 percent.") == [("2 percent", None)]
    assert _actors("Iceland's defence spending is below the 2% benchmark.") == [("2%", None)]
    assert _actors("Poland will spend 4 percent of GDP on defence.") == [("4 percent of GDP", "POL")]


def test_in_a_list_of_amounts_each_takes_the_cue_that_follows_it():
    text = ("Taipei's budget includes NT$561 billion for defense expenditures, NT$179 billion in special budgets "
            "and NT$65 billion for non-operational special funds.")
    assert [(f.surface, f.metric) for f in extract_figures(article(text))] == [
        ("NT$561 billion", "defence_budget"), ("NT$179 billion", "other_money"), ("NT$65 billion", "other_money")]
    assert _rows("Russia's defence budget, $60 billion, is the fourth largest.")[0][1] == "defence_budget"


def test_a_deal_sold_or_exported_before_outweighs_one_only_said_to_be_signed():
    text = ("Beijing has confirmed a project to export eight submarines to Pakistan.\n"
            "The premier approved the deal, one of China's largest weapons sales once it is signed.\n"
            "The deal could cost $5 billion.")
    assert _rows(text) == [("$5 billion", "arms_deal", "PAK", "CHN")]


def test_an_amount_under_a_million_dollars_is_no_defence_budget():
    text = "The army will raise the monthly pay for sergeants to 405,700 won. The army budget is 10 trillion won."
    frame = figures_frame([article(text)])
    assert frame[["surface", "metric"]].values.tolist() == [["405,700 won", "other_money"],
                                                             ["10 trillion won", "defence_budget"]]
    assert frame.metric_cue[0].endswith("under US$1 million: no defence budget")


def test_a_country_the_spender_is_measured_against_is_not_its_actor():
    got = read("Brazil has overtaken Italy to have the tenth largest military budget, an outlay of $23.4bn.")
    assert got["$23.4bn"] == ("defence_budget", "BRA")
    got = read("Chile, now ahead of Peru, spent $5.6 billion on defence.")
    assert got["$5.6 billion"][1] == "CHL"
    # unless the amount is the compared country's own: in brackets, possessive, or in its relative clause
    assert read("Brazil outspent Argentina ($4.1bn) on defence.")["$4.1bn"][1] == "ARG"
    got = read("Poland's military spending surpassed Italy, which spent an equivalent of $38.2 billion.")
    assert got["$38.2 billion"][1] == "ITA"


def test_defence_words_inside_a_combined_defence_and_security_line_are_other_money():
    got = read("Oman's budget for defence and security climbed to OMR3.2 billion in 2019.")
    assert got["OMR3.2 billion"] == ("other_money", "OMN")
    assert read("Oman allocated OMR1.1 billion for defence.")["OMR1.1 billion"] == ("defence_budget", "OMN")


def test_export_totals_in_any_wording_have_the_exporter_as_counterpart():
    assert _rows("South Korea's defence and aerospace exports climbed to $17.3 billion this year.") == [
        ("$17.3 billion", "other_money", None, "KOR")]
    assert _rows("Brazil, a mid-sized defence exporter, set a target of $4 billion in exports by 2030.") == [
        ("$4 billion", "other_money", None, "BRA")]
    # a sale to a named buyer stays a deal
    assert _rows("Brazil sold aircraft worth $1.2 billion to Nigeria, the arms exporter said.") == [
        ("$1.2 billion", "arms_deal", "NGA", "BRA")]


def test_a_spenders_figure_said_again_without_its_year_is_the_same_figure():
    text = ("Chile's defence spending rose 12% in 2021.\n"
            "Officials had planned a cut, but Chile spent 12% more than in the year before.")
    years = {(f.surface, f.year) for f in extract_figures(article(text))}
    assert years == {("12%", 2021)}
    # a figure with no spender recurs for other deadlines: the NATO target keeps no borrowed year
    text = "Allies pledged in 2014 to spend 2% of GDP on defence.\nThe 2% of GDP goal is far off."
    assert {(f.surface, f.year) for f in extract_figures(article(text))} == {("2% of GDP", 2014), ("2% of GDP", None)}


def test_counts_listed_together_share_the_countries_the_list_is_from():
    got = _rows("The drills will involve nearly 9,000 troops, about 600 vehicles and 40 aircraft from Kazakhstan's "
                "eastern districts.")
    assert [(s, a) for s, _, a, _ in got] == [("nearly 9,000 troops", "KAZ"), ("about 600 vehicles", "KAZ"),
                                              ("40 aircraft", "KAZ")]
    got = _rows("The games involve 4,000 soldiers, 300 tanks and 70 aircraft from Serbia, Belarus and Armenia.")
    assert [a for _, _, a, _ in got] == [None, None, None]


def test_every_country_of_a_list_after_a_preposition_is_its_object_not_a_spender():
    got = _rows("The manoeuvres bring together 9,000 troops, the ministry said, adding that they engage units "
                "from Laos, Mongolia, Syria and several ex-Soviet nations.")
    assert got == [("9,000 troops", "force_count", None, None)]


def test_a_count_drawn_from_many_countries_is_a_multinational_total():
    assert _rows("Roughly 1,200 troops from 17 countries began a peacekeeping drill in Chile.") == [
        ("Roughly 1,200 troops", "force_count", None, None)]
    assert _rows("Some 300 soldiers from several nations joined, the Kenyan army said.") == [
        ("Some 300 soldiers", "force_count", None, None)]


def test_a_count_from_two_named_services_of_two_countries_is_their_total():
    assert _rows("Radar tracked six boats from the Turkish Navy and Greek Coast Guard in the strait.") == [
        ("six boats", "force_count", None, None)]


def test_money_the_defence_ministry_receives_is_a_defence_line_and_other_ministries_are_other_money():
    got = read("The Ministry of Defence received $3.9 billion, while the interior ministry got $1.8 billion.")
    assert got == {"$3.9 billion": ("defence_budget", None), "$1.8 billion": ("other_money", None)}
    assert read("Parliament gave $2.5 billion to the defence ministry.")["$2.5 billion"][0] == "defence_budget"
    # the ministry as the owner of a projection of another line is no defence line
    got = read("The government allocated $8 billion for capital expenditure against the defence ministry "
               "projection of $12 billion.")
    assert got["$12 billion"][0] == "other_money"


def test_paying_for_batteries_of_missiles_is_an_arms_deal():
    assert _rows("Chile will pay $290 million for two batteries of Spyder missiles.") == [
        ("$290 million", "arms_deal", "CHL", None)]


def test_a_share_of_gdp_named_before_the_rate_is_a_share_of_gdp():
    got = read("Defence spending as a share of GDP fell to 1.3% in 2022 from 1.5% a year earlier.")
    assert got == {"1.3%": ("share_of_gdp", None), "1.5%": ("share_of_gdp", None)}
    assert read("Chile's military burden rose to 1.9% last year.") == {"1.9%": ("share_of_gdp", "CHL")}
    # a rate after a semicolon is no longer the share's
    assert read("Defence spending as a share of GDP is 2%; inflation was 4%.") == {"2%": ("share_of_gdp", None)}


def test_paying_for_a_designated_weapon_is_an_arms_deal_with_its_maker_as_seller():
    assert _rows("Under the agreement, Turkey will pay $2.5 billion for the S-400 system.") == [
        ("$2.5 billion", "arms_deal", "TUR", "RUS")]


def test_what_the_defence_ministry_seeks_is_a_defence_line():
    got = read("The defence ministry has sought $9.5 billion, but the treasury approved $8.7 billion.")
    assert got == {"$9.5 billion": ("defence_budget", None), "$8.7 billion": ("defence_budget", None)}


def test_the_gdp_of_a_share_is_no_line_of_the_amount_after_it():
    got = read("Seoul plans to lift defence spending to 3% of GDP by 2030, bringing it to about 90 trillion won.")
    assert got["90 trillion won"] == ("defence_budget", "KOR")


def test_military_aid_is_other_money_not_a_deal():
    assert _rows("Canada has provided more than $4 billion in military aid to Ukraine since 2022.") == [
        ("$4 billion", "other_money", "CAN", None)]


def _spending_article(text: str):
    """``text`` as an article on military spending (its title says so), one sentence per line."""
    return extract_figures(article("Military spending in the region\n" + text))


def test_a_region_a_country_leads_is_no_total_of_the_amount():
    got = read("Nigeria leads West Africa in military spending, having spent $3.1 billion in 2022.")
    assert got["$3.1 billion"] == ("defence_budget", "NGA")


def test_in_an_article_on_military_spending_money_appropriated_is_military_spending():
    rows = [(f.surface, f.metric, f.actor) for f in _spending_article(
        "Peru comes in fifth place with US$ 2.1 billion, having appropriated 12% less than in 2020.")]
    assert rows == [("US$ 2.1 billion", "defence_budget", "PER"), ("12%", "defence_budget", "PER")]


def test_a_list_of_countries_figures_separated_by_semicolons():
    got = read("Military expenditure as a GDP percentage has Oman first with 5.6%; Jordan, 4.8%; Morocco, 3.9%.")
    assert got == {"5.6%": ("share_of_gdp", "OMN"), "4.8%": ("share_of_gdp", "JOR"), "3.9%": ("share_of_gdp", "MAR")}
    got = read("Over the decade, Ghana leads in military expenditure increase; 140%; Kenya, 62%; Angola, 30%.")
    assert got == {"140%": ("defence_budget", "GHA"), "62%": ("defence_budget", "KEN"), "30%": ("defence_budget", "AGO")}


def test_an_amount_said_with_the_compared_country_is_its_own():
    got = read("Chile spent 5.2 billion USD on defence, ahead of Peru with 2.9 billion (up 6%).")
    assert got["2.9 billion"] == ("defence_budget", "PER") and got["6%"][1] == "PER"


def test_defence_words_that_say_whose_line_it_is_do_not_make_a_defence_line():
    got = read("A total of $9.1 billion has been set aside for the military for capital expenditure.")
    assert got["$9.1 billion"][0] == "other_money"
    assert read("Another $4.4 billion is set aside for defence pensions.")["$4.4 billion"][0] == "other_money"
    assert read("Parliament approved $3.3 billion for defence investment.")["$3.3 billion"][0] == "other_money"
    assert read("Lawmakers approved a €80 billion fund for defence and infrastructure.")["€80 billion"][0] == \
        "other_money"


def test_what_another_figure_is_a_share_of_is_no_line_of_the_amount():
    got = read("The defence minister welcomed an allocation of $21.5 billion, which is 9.8 per cent of the total "
               "budget of the government.")
    assert got["$21.5 billion"][0] == "defence_budget"
    got = read("In Chile, defence spending has soared (up 12.5% in 2023), bringing the budget to 2.2% of GDP.")
    assert got["12.5%"] == ("defence_budget", "CHL")


def test_a_total_of_defence_budgets_with_a_part_of_it_stays_a_defence_budget():
    got = read("In 2022, the allies' defence budgets rose to $90 billion, of which $21 billion was for defence "
               "procurement.")
    assert got["$90 billion"][0] == "defence_budget" and got["$21 billion"][0] == "other_money"
    assert read("The budget provides for 30 trillion won, of which 5 trillion on defence.")["30 trillion won"][0] == \
        "other_money"


def test_exporters_sales_of_weaponry_and_rates_listed_with_their_years():
    assert _rows("Foreign sales of Brazilian weaponry could exceed US$2 billion next year.") == [
        ("US$2 billion", "other_money", None, "BRA")]
    got = read("Defence spending in Chile grew fast (up 22.3 % in 2023 and 6.9 % in 2024).")
    assert got == {"22.3 %": ("defence_budget", "CHL"), "6.9 %": ("defence_budget", "CHL")}
    got = read("Allied defence spending reached 1.99 % of their combined GDP in 2024.")
    assert got["1.99 % of their combined GDP"][0] == "share_of_gdp"


def test_a_price_each_after_a_conversion_in_brackets_is_a_unit_price():
    got = [(f.surface, f.unit, f.metric) for f in extract_figures(article(
        "Analysts say the jets cost about US$35 million (euro26 million) each."))]
    assert got == [("US$35 million", "USD", "unit_price"), ("euro26 million", "EUR", "unit_price")]


def test_money_set_aside_for_the_acquisition_of_hardware_is_a_budget_line_not_a_deal():
    rows = _rows("Further allocations include 12.4 billion won for barracks; 5.6 billion won for the acquisition of "
                 "munitions; and 34.5 billion won to support the relocation of US Forces in Korea.")
    assert [(s, m, a) for s, m, a, _ in rows] == [("12.4 billion won", "other_money", "KOR"),
                                                  ("5.6 billion won", "other_money", "KOR"),
                                                  ("34.5 billion won", "other_money", "KOR")]
    # a price paid stays a deal
    assert _rows("Egypt paid $1.1 billion for the purchase of 46 MiG-29M jets.")[0][1] == "arms_deal"


def test_combined_lines_of_one_country_and_internal_security():
    got = read("Some 1.2 trillion Turkish liras will go to defense and security. Of this, 700 billion liras will "
               "be earmarked for defense expenditures, and 500 billion liras will go toward internal security.")
    assert got == {"1.2 trillion Turkish liras": ("other_money", "TUR"), "700 billion liras": ("defence_budget", "TUR"),
                   "500 billion liras": ("other_money", "TUR")}
    got = read("The country's combined defense and internal security budget was 800 billion liras.")
    assert got["800 billion liras"] == ("other_money", "TUR")


def test_supply_ships_are_ships_not_a_sale_and_one_counts_as_an_entry_of_a_list():
    got = _rows("The Chilean Navy will bring three surface ships, two supply ships, two helicopters and 80 marines.")
    assert [(s, a) for s, _, a, _ in got] == [("three surface ships", "CHL"), ("two supply ships", "CHL"),
                                              ("two helicopters", "CHL"), ("80 marines", "CHL")]
    got = _rows("Peru will send four vessels, two helicopters and one maritime patrol aircraft.")
    assert [s for s, _, _, _ in got] == ["four vessels", "two helicopters", "one maritime patrol aircraft"]
    assert _rows("One ship was damaged.") == []


def test_a_count_from_the_two_countries_or_both_sides_is_their_total():
    assert _rows("More than 2,000 military personnel from the two countries will take part.") == [
        ("More than 2,000 military personnel", "force_count", None, None)]
    assert _rows("Over 500 soldiers of both sides took part.") == [("Over 500 soldiers", "force_count", None, None)]


def test_exports_of_goods_that_are_no_arms_and_exports_with_no_buyer():
    assert _rows("We export to Asia $12 billion worth of food, more than we export in arms, at $7 billion.") == [
        ("$12 billion", "other_money", None, None), ("$7 billion", "other_money", None, None)]
    assert _rows("It followed the delivery of $96 million worth of defense-related goods to Laos.")[0][1] == "arms_deal"


def test_a_share_of_gdp_given_in_money_in_brackets_is_that_spending():
    got = read("Chile allocated 2.1 percent (5.8 billion euros, or $6.3 billion) of GDP to the military in 2012.")
    assert got == {"2.1 percent": ("share_of_gdp", "CHL"), "5.8 billion euros": ("defence_budget", "CHL"),
                   "$6.3 billion": ("defence_budget", "CHL")}


def test_dirhams_in_a_moroccan_story_and_a_total_proposed_budget():
    rows = [(f.surface, f.unit, f.metric, f.actor) for f in extract_figures(article(
        "Morocco raised its defence budget.\nMoroccan officials said Rabat set aside 48.9 billion dirhams for the "
        "armed forces."))]
    assert rows == [("48.9 billion dirhams", "MAD", "defence_budget", "MAR")]
    got = read("The total proposed budget for 2023 is DA13,789 billion (US$98 billion).")
    assert got == {"DA13,789 billion": ("other_money", "DZA"), "US$98 billion": ("other_money", "DZA")}


def test_signed_decides_the_buyer_only_when_no_verb_of_buying_or_selling_does():
    assert _rows("Russia will deliver helicopters to Iraq in arms deals worth $4.2 billion signed this year, "
                 "during a visit by Iraqi ministers.") == [("$4.2 billion", "arms_deal", "IRQ", "RUS")]
    assert _rows("India signed a $5 billion deal with Russia.") == [("$5 billion deal", "arms_deal", "IND", "RUS")]


def test_counts_said_without_their_noun_after_a_count_that_has_one():
    assert [(s, a) for s, _, a, _ in _rows("Chile deployed 12 vessels, Peru four and Ecuador two.")] == [
        ("12 vessels", "CHL"), ("four", "PER"), ("two", "ECU")]
    assert [(s, a) for s, _, a, _ in _rows("The drills involve 3,500 troops including 1,000 from Mongolia.")] == [
        ("3,500 troops", None), ("1,000", "MNG")]
    assert [(s, a) for s, _, a, _ in _rows("It featured 400 paratroopers (of which 150 were from Serbia).")] == [
        ("400 paratroopers", None), ("150", "SRB")]
    # a count read already is not read twice, and a word after a country is no count
    assert [s for s, *_ in _rows("Chile sent 10 ships, and Peru sent 5 ships.")] == ["10 ships", "5 ships"]
    assert [s for s, *_ in _rows("Chile sent 10 ships, Peru said.")] == ["10 ships"]


def test_counts_sharing_one_noun_and_counts_that_join_from_a_country():
    assert [(s, a) for s, _, a, _ in _rows("Radar tracked two Chilean and four Peruvian military aircraft.")] == [
        ("two Chilean", "CHL"), ("four Peruvian military aircraft", "PER")]
    assert [(s, a) for s, _, a, _ in _rows("The Army sent 1700 personnel followed by Peru with 700.")] == [
        ("1700 personnel", None), ("700", "PER")]
    assert _rows("Meanwhile, 200 personnel are participating from Chile.") == [
        ("200 personnel", "force_count", "CHL", None)]
    assert _rows("Peru sent two coastal-type minesweepers and a tug.") == [
        ("two coastal-type minesweepers", "force_count", "PER", None)]


def test_a_rate_with_no_actor_takes_the_actor_of_the_amount_its_sentence_goes_on_to():
    assert read("Military spending rose 3.5 percent year-on-year to 1.1 trillion yuan.") == {
        "3.5 percent": ("defence_budget", "CHN"), "1.1 trillion yuan": ("defence_budget", "CHN")}


def test_a_count_with_no_country_in_its_sentence_is_the_forces_of_the_country_the_article_is_about():
    text = ("Russia opened its Vostok drills on Monday.\nRussian commanders said the Russian army is ready.\n"
            "Twenty thousand troops and 70 warplanes took part, Russia said.\nThe drills ran for a week in Siberia.\n"
            "Some 1,500 armoured vehicles rolled across the steppe.")
    got = [(f.surface, f.actor) for f in extract_figures(article(text))]
    assert ("Some 1,500 armoured vehicles", "RUS") in got


def test_a_bare_currency_word_after_its_full_name_and_the_level_that_came_before():
    rows = [(f.surface, f.unit, f.metric, f.actor) for f in extract_figures(article(
        "The 2025 defense budget totals 4.7 billion Belarusian rubles.\n"
        "That is up from 1.8 billion rubles (US$694 million) in 2022."))]
    assert rows == [("4.7 billion Belarusian rubles", "BYN", "defence_budget", "BLR"),
                    ("1.8 billion rubles", "BYN", "defence_budget", "BLR"),
                    ("US$694 million", "USD", "defence_budget", "BLR")]


def test_defence_listed_with_other_ministries_is_other_money():
    got = read("About $22.7 billion is set aside for the Defence, Home Affairs and Foreign Affairs ministries.")
    assert got["$22.7 billion"][0] == "other_money"


def test_a_loan_for_something_that_is_no_arms_is_other_money_of_the_borrower():
    assert _rows("Laos signed an arms contract worth $300 million with Russia, which also announced a $90 million "
                 "loan to Vientiane for a nuclear power plant.")[-1] == ("$90 million", "other_money", "LAO", None)


def test_prices_per_boat_and_each_worth_are_unit_prices():
    assert read("Chile's navy wanted the class, which costs $250 million per boat.")["$250 million per boat"][0] == \
        "unit_price"
    assert read("Peru placed an order for the jets, each worth $35mn.")["$35mn"][0] == "unit_price"


def test_a_record_rise_and_a_share_of_gdp_without_of():
    assert read("Defence spending rose by a record 11.4 percent last year.")["11.4 percent"][0] == "defence_budget"
    assert read("Military spending is 2 percent GDP this year.") == {"2 percent GDP": ("share_of_gdp", None)}


def test_growth_said_as_what_the_increase_was_and_rates_joined_by_and_by():
    got = read("The largest annual defense budget increase under the last president was 8.2% in 2019.")
    assert got == {"8.2%": ("defence_budget", None)}
    got = read("Chile's military expenditure grew 120% over the 30-year period and by 17% over the decade.")
    assert got == {"120%": ("defence_budget", "CHL"), "17%": ("defence_budget", "CHL")}
    assert read("Chile's share means an increase of 3.6% over the global defence spending.")["3.6%"][1] is None


def test_serving_personnel_are_a_force_even_in_a_sentence_about_deals():
    assert _rows("Costs include a salary bill for about 1.4 million serving personnel and deals worth billions.") == [
        ("about 1.4 million serving personnel", "force_count", None, None)]


def test_a_share_of_gdp_named_as_a_requirement_or_target_has_no_spender():
    got = read("He criticised Canada for not meeting the requirement of allocating at least 2% of GDP to defence.")
    assert got == {"2% of GDP": ("share_of_gdp", None)}
    got = read("Poland spends 4% of GDP, well above the target of 2% of GDP.")
    assert got == {"4% of GDP": ("share_of_gdp", "POL"), "2% of GDP": ("share_of_gdp", None)}


def test_equipment_lost_and_members_of_a_body_are_no_forces_and_a_date_is_no_year():
    assert _rows("Analysts estimate that Chile lost a further 40 tanks in the war.") == []
    assert _rows("The navy's committee, consisting of 17 people, has decided, the drill's chief said.") == []
    got = [(f.surface, f.year) for f in extract_figures(article(
        "date 2020-09-17 Chile plans to allocate 3.1 trillion pesos for national defence in 2021."))]
    assert got == [("3.1 trillion pesos", 2021)]


def test_hardware_counted_in_an_arms_deal_story_is_no_force_but_troops_and_deployments_are():
    text = ("Chile signed a $1.2 billion contract for the system.\nIt includes eight launchers and 112 missiles.\n"
            "The army deployed 12 launchers near the border.\nSome 300 soldiers will train on it.")
    got = [(f.surface, f.metric) for f in extract_figures(article(text))]
    assert ("eight launchers", "force_count") not in got and ("112 missiles", "force_count") not in got
    assert ("12 launchers", "force_count") in got and ("Some 300 soldiers", "force_count") in got


def test_a_share_of_a_world_total_and_the_error_of_an_estimate_are_no_figures():
    assert read("Its share of world military spending dropped below 40 percent for the first time.") == {}
    assert read("Chile underestimated its growing defense budget by nearly 20 percent.") == {}
    assert read("Defence spending rose 12 percent, the biggest share of the total budget.") == {
        "12 percent": ("defence_budget", None)}
