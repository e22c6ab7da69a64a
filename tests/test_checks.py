"""budget_check and combined_check: the seed-000 claim and the rules around it."""
import pandas as pd
import pytest

from analysis.reference.checks import BUDGET_CHECK_COLUMNS, COMBINED_CHECK_COLUMNS, VERDICTS, budget_check, \
    combined_check

SEED_000 = "The combined Russia-China military budget surpasses Washington’s defense spending. " \
           "According to recent estimates, the Chinese and Russian defense budgets are roughly $604 and " \
           "$200 billion respectively. The U.S. defense budget is currently pegged at $715 billion."


def figures(rows, article_id="000"):
    """A figures table with the extractor's columns; rows are (surface, value_usd, actor, year)."""
    out = []
    for i, (surface, value_usd, actor, year) in enumerate(rows):
        start = SEED_000.find(surface) if surface in SEED_000 else 10 * i
        out.append({"article_id": article_id, "start": start, "end": start + len(surface), "surface": surface,
                    "sentence": "", "value": value_usd, "unit": "USD", "value_usd": value_usd, "usd_rate": 1.0,
                    "usd_rate_source": "identity", "usd_rate_year": year, "metric": "defence_budget",
                    "actor": actor, "counterpart": None, "year": year, "qualifier": None, "flags": ""})
    return pd.DataFrame(out)


def articles(published="2021-11-24", article_id="000"):
    return pd.DataFrame({"article_id": [article_id], "title": [""], "published": [published],
                         "date_precision": ["day"], "outlet": [""]})


@pytest.fixture
def seed():
    return figures([("$604", 604e9, "CHN", pd.NA), ("$200 billion", 200e9, "RUS", pd.NA),
                    ("$715 billion", 715e9, "USA", pd.NA)])


def test_seed_000_against_sipri_2021(seed):
    check = budget_check(seed, articles())
    assert list(check.columns) == BUDGET_CHECK_COLUMNS
    sipri = check[check.reference_source.str.startswith("SIPRI")].set_index("actor")
    assert sorted(sipri.index) == ["CHN", "RUS", "USA"]
    assert (sipri.year == 2021).all() and (sipri.year_basis == "published").all()
    assert (sipri.reference_source == "SIPRI 2022 release").all()

    expected = {"CHN": (604e9, 293e9, "higher"), "RUS": (200e9, 65.9e9, "higher"), "USA": (715e9, 801e9, "consistent")}
    for actor, (claimed, reference, verdict) in expected.items():
        row = sipri.loc[actor]
        assert row.claimed_usd == claimed and row.reference_usd == reference
        assert row.ratio == pytest.approx(claimed / reference)
        assert row.verdict == verdict
    assert sipri.loc["CHN", "ratio"] == pytest.approx(2.061, abs=1e-3)
    assert sipri.loc["RUS", "ratio"] == pytest.approx(3.035, abs=1e-3)
    assert sipri.loc["USA", "ratio"] == pytest.approx(0.893, abs=1e-3)
    assert sipri.loc["CHN", "note"].startswith("2.1× SIPRI's market-exchange-rate estimate")
    assert "purchasing-power-parity" in sipri.loc["RUS", "note"]


def test_seed_000_against_official_budgets(seed):
    check = budget_check(seed, articles())
    official = check[~check.reference_source.str.startswith("SIPRI")].set_index("actor")
    assert official.loc["CHN", "reference_source"] == "China NPC official budget"
    assert official.loc["CHN", "reference_usd"] == pytest.approx(1.355e12 / 6.449)
    assert official.loc["RUS", "reference_source"].startswith("Russia federal budget")
    assert official.loc["RUS", "reference_usd"] == pytest.approx(3.113e12 / 73.65)
    assert (official.verdict == "higher").all()
    assert "USA" not in official.index  # no official US series shipped
    assert len(check) == 5


def test_year_basis_order_figure_then_published_then_latest():
    fig = figures([("$300 billion", 300e9, "CHN", 2023)])
    row = budget_check(fig, articles("2021-11-24")).iloc[0]
    assert (row.year, row.year_basis, row.reference_usd, row.verdict) == (2023, "figure", 296e9, "consistent")

    fig = figures([("$300 billion", 300e9, "CHN", None)])
    row = budget_check(fig, articles("2020-05")).iloc[0]
    assert (row.year, row.year_basis, row.reference_usd) == (2020, "published", 252e9)

    check = budget_check(fig, articles(""))
    assert check.year_basis.unique().tolist() == ["latest reference"]
    assert check.set_index("reference_source").year.to_dict() == {"SIPRI 2025 release": 2024,
                                                                  "China NPC official budget": 2025}


def test_no_reference_for_uncovered_actor_or_year():
    check = budget_check(figures([("$40 billion", 40e9, "FRA", None)]), articles("2021-01-01"))
    assert check.verdict.tolist() == ["no reference"] and check.ratio.isna().all()
    assert "FRA" in check.note.iloc[0]

    check = budget_check(figures([("$100 billion", 100e9, "CHN", 2005)]), articles())
    assert check.verdict.tolist() == ["no reference", "no reference"]
    assert check.note.str.contains("nothing for 2005").all()


def test_only_money_budget_figures_with_an_actor_are_checked(seed):
    extra = figures([("7.2%", None, "CHN", 2021), ("$5 billion", 5e9, None, 2021)])
    extra.loc[0, "unit"] = "percent_growth"
    other = figures([("$3 billion", 3e9, "TWN", 2020)]).assign(metric="arms_deal")
    check = budget_check(pd.concat([seed, extra, other], ignore_index=True), articles())
    assert sorted(check.surface.unique()) == ["$200 billion", "$604", "$715 billion"]


def test_claim_in_local_currency_is_converted():
    fig = figures([("1.355 trillion yuan", None, "CHN", 2021)]).assign(value=1.355e12, unit="CNY")
    check = budget_check(fig, articles()).set_index("reference_source")
    assert check.loc["China NPC official budget", "ratio"] == pytest.approx(1.0)
    assert check.loc["China NPC official budget", "verdict"] == "consistent"
    assert check.loc["SIPRI 2022 release", "verdict"] == "lower"
    assert "official budgets leave out" in check.loc["SIPRI 2022 release", "note"]


def test_verdict_boundaries_and_unit_slip_note():
    for claimed, verdict in [(801e9 * 1.149, "consistent"), (801e9 * 0.851, "consistent"),
                             (801e9 * 1.16, "higher"), (801e9 * 0.84, "lower")]:
        row = budget_check(figures([("$x", claimed, "USA", 2021)]), articles()).iloc[0]
        assert row.verdict == verdict
        assert row.verdict in VERDICTS
    row = budget_check(figures([("$x", 801e12, "USA", 2021)]), articles()).iloc[0]
    assert "check the unit" in row.note


def test_empty_inputs_give_empty_tables_with_columns():
    empty = figures([]).reindex(columns=["article_id", "metric", "actor", "value_usd"])
    assert list(budget_check(empty, articles()).columns) == BUDGET_CHECK_COLUMNS
    assert list(combined_check(empty, articles()).columns) == COMBINED_CHECK_COLUMNS
    assert budget_check(empty, articles()).empty


def test_combined_claim_from_the_sentence(seed):
    table = combined_check(seed, articles(), texts={"000": SEED_000})
    assert list(table.columns) == COMBINED_CHECK_COLUMNS and len(table) == 1
    row = table.iloc[0]
    assert row.claim.startswith("The combined Russia-China military budget")
    assert (row.claim_basis, row.combined_actors, row.compared_actor) == ("sentence", "CHN+RUS", "USA")
    assert (row.year, row.year_basis) == (2021, "published")
    assert (row.claimed_combined_usd, row.claimed_compared_usd) == (804e9, 715e9)
    assert row.claimed_exceeds and not row.reference_exceeds
    assert row.reference_source == "SIPRI 2022 release"
    assert row.reference_combined_usd == pytest.approx(358.9e9)
    assert row.reference_compared_usd == 801e9
    assert row.reference_ratio == pytest.approx(358.9 / 801)
    assert "flips" in row.note


def test_combined_without_text_compares_the_largest_with_the_rest(seed):
    row = combined_check(seed, articles()).iloc[0]
    assert (row.claim_basis, row.combined_actors, row.compared_actor, row.claim) == \
        ("article figures", "CHN+RUS", "USA", "")
    assert row.claimed_ratio == pytest.approx(804 / 715)


def test_combined_needs_three_actors_or_a_claim():
    two = figures([("$604", 604e9, "CHN", None), ("$715 billion", 715e9, "USA", None)])
    assert combined_check(two, articles()).empty


def test_combined_when_sipri_lacks_the_year():
    old = figures([("$1", 100e9, "CHN", 2005), ("$2", 50e9, "RUS", 2005), ("$3", 500e9, "USA", 2005)])
    row = combined_check(old, articles()).iloc[0]
    assert (row.year, row.year_basis) == (2005, "figure")
    assert pd.isna(row.reference_ratio) and "no 2005 value" in row.note


def test_a_year_column_with_gaps_leaves_the_yearless_claims_their_published_year():
    # one claim states its year and one does not: the column is float, and NaN is no year
    fig = figures([("$300 billion", 300e9, "CHN", 2023), ("$200 billion", 200e9, "RUS", None)])
    fig["year"] = fig["year"].astype(float)
    check = budget_check(fig, articles("2021-11-24"))
    russia = check[check.actor == "RUS"].iloc[0]
    assert (russia.year, russia.year_basis) == (2021, "published")
    assert not check.note.astype(str).str.contains("nan").any()
