"""Reference series: the shipped tables, their sources and releases, and the USD conversion."""
import pytest

from analysis.reference.series import (CHINA_NPC, RUSSIA_BUDGET, SERIES, SIPRI, china_official_budget,
                                       reference_series, russia_national_defence, sipri_milex)

# The issue's figures, from each year's SIPRI "Trends in World Military Expenditure" fact sheet.
SIPRI_ISSUE = {
    "USA": [732, 778, 801, 877, 916, 997],
    "CHN": [261, 252, 293, 292, 296, 314],
    "RUS": [65.1, 61.7, 65.9, 86.4, 109, 149],
    "WLD": [1917, 1981, 2113, 2240, 2443, 2718],
}


@pytest.mark.parametrize("country", sorted(SIPRI_ISSUE))
def test_sipri_matches_the_fact_sheets(country):
    s = sipri_milex().query("country == @country and 2019 <= year <= 2024").sort_values("year")
    assert s.year.tolist() == list(range(2019, 2025))
    assert s.value_usd_bn.tolist() == SIPRI_ISSUE[country]
    # Each year comes from the sheet released the April after it.
    assert s.release.tolist() == [f"SIPRI {y + 1} release" for y in range(2019, 2025)]


def test_sipri_every_row_has_sheet_release_and_source():
    s = sipri_milex()
    assert not s.duplicated(["country", "year", "release"]).any()
    assert (s.sheet == "Trends in World Military Expenditure, " + s.year.astype(str)).all()
    assert s.source.str.startswith("SIPRI Fact Sheet").all()
    assert set(s.country) >= {"USA", "CHN", "RUS", "WLD", "IND", "GBR", "JPN", "UKR", "TWN"}
    # SIPRI marks China as its estimate every year.
    assert s.query("country == 'CHN'").is_estimate.all()
    assert not s.query("country == 'USA'").is_estimate.any()
    # No country outspends the world.
    world = s[s.country == "WLD"].set_index("year").value_usd_bn
    assert (s[s.country != "WLD"].apply(lambda r: r.value_usd_bn < world[r.year], axis=1)).all()


def test_china_official_budget_and_growth():
    c = china_official_budget().set_index("year")
    expected = {2019: (1190, 7.5), 2020: (1268, 6.6), 2021: (1355, 6.8), 2022: (1450.45, 7.1),
                2023: (1553.7, 7.2), 2024: (1665.5, 7.2)}
    for year, (cny_bn, growth) in expected.items():
        assert c.loc[year, "value_cny_bn"] == cny_bn
        assert c.loc[year, "growth_pct"] == growth
    # The announced growth agrees with the amounts (within rounding of the announcement).
    for year in range(2020, 2025):
        implied = (c.loc[year, "value_cny_bn"] / c.loc[year - 1, "value_cny_bn"] - 1) * 100
        assert implied == pytest.approx(c.loc[year, "growth_pct"], abs=0.3)
    assert c.release.str.startswith("NPC").all()


def test_russia_national_defence_planned():
    r = russia_national_defence().set_index("year").value_rub_bn
    assert r.to_dict() == {2021: 3113, 2022: 3510, 2023: 4980, 2024: 10780, 2025: 13500}


def test_reference_series_in_usd():
    ref = reference_series()
    assert tuple(ref.series.drop_duplicates()) == SERIES
    assert ref.value_usd.notna().all() and (ref.value_usd > 0).all()
    assert ref.source.str.len().gt(10).all() and ref.release.str.len().gt(5).all()

    sipri = ref[(ref.series == SIPRI) & (ref.country == "USA") & (ref.year == 2021)].iloc[0]
    assert sipri.value_usd == 801e9 and sipri.reference_source == "SIPRI 2022 release"

    china = ref[(ref.series == CHINA_NPC) & (ref.year == 2021)].iloc[0]
    assert china.value_usd == pytest.approx(1.355e12 / 6.449)
    assert (china.currency, china.usd_rate_year, china.country) == ("CNY", 2021, "CHN")

    russia = ref[(ref.series == RUSSIA_BUDGET) & (ref.year == 2024)].iloc[0]
    assert russia.value_usd == pytest.approx(10.78e12 / 92.8)
    assert russia.country == "RUS"
