"""Exchange rates: the shipped table and to_usd's contract."""
import math

import pytest

from analysis.reference.fx import rates, to_usd

CURRENCIES = {"CNY", "RUB", "EUR", "GBP", "INR", "TWD", "UAH", "JPY", "KRW", "NZD", "AUD", "CAD",
              "CHF", "ILS", "TRY", "SAR", "BRL"}


def test_table_covers_every_currency_and_year_with_a_source():
    r = rates()
    assert set(r.currency) == CURRENCIES
    for cur, group in r.groupby("currency"):
        assert sorted(group.year) == list(range(2010, 2026)), cur
    assert (r.usd_per_unit > 0).all()
    assert r.source.str.len().gt(10).all()
    assert not r.duplicated(["currency", "year"]).any()


def test_usd_per_unit_matches_the_quoted_rate():
    r = rates()
    per_usd = r.quoted_as == "per_usd"
    assert set(r.quoted_as) == {"per_usd", "usd_per"}
    assert ((r.usd_per_unit[per_usd] * r.quoted_rate[per_usd]) - 1).abs().max() < 1e-5
    assert (r.usd_per_unit[~per_usd] - r.quoted_rate[~per_usd]).abs().max() < 1e-9


@pytest.mark.parametrize("currency,year,per_usd", [
    ("CNY", 2021, 6.45), ("CNY", 2023, 7.08), ("RUB", 2021, 73.65), ("RUB", 2022, 68.5),
    ("RUB", 2024, 92.8), ("JPY", 2022, 131.5), ("INR", 2023, 82.6), ("SAR", 2015, 3.75),
    ("EUR", 2021, 1 / 1.183), ("GBP", 2022, 1 / 1.237),
])
def test_known_annual_averages(currency, year, per_usd):
    _, usd_per_unit, _, rate_year = to_usd(1.0, currency, year)
    assert rate_year == year
    assert 1 / usd_per_unit == pytest.approx(per_usd, rel=0.005)


def test_conversion_of_china_2021_budget():
    value_usd, usd_per_unit, source, rate_year = to_usd(1.355e12, "CNY", 2021)
    assert value_usd == pytest.approx(1.355e12 / 6.449)
    assert usd_per_unit == pytest.approx(1 / 6.449)
    assert "IMF" in source and rate_year == 2021


def test_usd_is_identity_and_keeps_the_year():
    assert to_usd(715e9, "USD", 2021) == (715e9, 1.0, "identity", 2021)
    assert to_usd(1.0, "usd", None) == (1.0, 1.0, "identity", None)


def test_year_outside_or_missing_falls_back_to_nearest():
    assert to_usd(1.0, "CNY", 2005)[3] == 2010
    assert to_usd(1.0, "CNY", 2031)[3] == 2025
    assert to_usd(1.0, "CNY", None)[3] == 2025
    assert to_usd(1.0, "CNY", 2005)[1] == to_usd(1.0, "CNY", 2010)[1]


def test_unknown_currency_returns_nones():
    assert to_usd(1.0, "XYZ", 2021) == (None, None, None, None)
    assert to_usd(1.0, "", 2021) == (None, None, None, None)


def test_currency_code_case_insensitive():
    assert to_usd(1.0, "cny", 2021) == to_usd(1.0, "CNY", 2021)
    assert not math.isnan(to_usd(1.0, "twd", 2020)[0])
