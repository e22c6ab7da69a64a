"""Reference series of defence spending, shipped as data and put into US dollars.

Three series, each a CSV in ``data/`` with its source and release on every row:

* ``sipri_milex.csv`` - SIPRI military expenditure, current US$ bn, from the yearly fact sheet
  "Trends in World Military Expenditure" (released the April after the year). SIPRI revises
  earlier years in every release, so each row keeps the release it comes from.
* ``china_official_budget.csv`` - China's national defence budget announced at the NPC, yuan bn.
* ``russia_national_defence.csv`` - Russia's federal budget section "National defence", as
  planned in the budget law, rouble bn.

``reference_series()`` stacks them in one long table in US dollars, the yuan and rouble series
converted with :func:`analysis.reference.fx.to_usd` at the same year's annual average rate.

>>> ref = reference_series()
>>> row = ref.query("series == 'SIPRI' and country == 'CHN' and year == 2021").iloc[0]
>>> float(row.value_usd / 1e9), row.reference_source
(293.0, 'SIPRI 2022 release')
>>> row = ref.query("series == 'China NPC official budget' and year == 2021").iloc[0]
>>> round(float(row.value_usd) / 1e9, 1), row.currency, int(row.usd_rate_year)
(210.1, 'CNY', 2021)
"""
from __future__ import annotations

import pandas as pd

from analysis.reference.fx import _read_csv, to_usd

__all__ = ["SERIES", "sipri_milex", "china_official_budget", "russia_national_defence", "reference_series"]

SIPRI = "SIPRI"
CHINA_NPC = "China NPC official budget"
RUSSIA_BUDGET = "Russia federal budget: National defence (planned)"
#: The reference series, in the order checks and charts list them.
SERIES = (SIPRI, CHINA_NPC, RUSSIA_BUDGET)

REFERENCE_COLUMNS = ["series", "country", "year", "value_usd", "value_local", "currency", "usd_per_unit",
                     "usd_rate_year", "usd_rate_source", "is_estimate", "reference_source", "release", "source"]


def sipri_milex() -> pd.DataFrame:
    """SIPRI military expenditure as typed in: country (alpha-3, WLD = world), year, value_usd_bn, release...

    >>> s = sipri_milex()
    >>> s.query("country == 'RUS' and year == 2022")[["value_usd_bn", "release", "is_estimate"]].values.tolist()
    [[86.4, 'SIPRI 2023 release', True]]
    """
    frame = pd.DataFrame(_read_csv("sipri_milex.csv"))
    frame["is_estimate"] = frame["is_estimate"].eq("true")
    return frame.astype({"year": "int64", "value_usd_bn": "float64"})


def china_official_budget() -> pd.DataFrame:
    """China's NPC defence budget: year, value_cny_bn, growth_pct, release, source.

    >>> float(china_official_budget().set_index("year").loc[2022, "value_cny_bn"])
    1450.45
    """
    frame = pd.DataFrame(_read_csv("china_official_budget.csv"))
    return frame.astype({"year": "int64", "value_cny_bn": "float64", "growth_pct": "float64"})


def russia_national_defence() -> pd.DataFrame:
    """Russia's planned federal "National defence" spending: year, value_rub_bn, release, source.

    >>> float(russia_national_defence().set_index("year").loc[2024, "value_rub_bn"])
    10780.0
    """
    frame = pd.DataFrame(_read_csv("russia_national_defence.csv"))
    return frame.astype({"year": "int64", "value_rub_bn": "float64"})


def _local_rows(frame: pd.DataFrame, series: str, country: str, currency: str, column: str) -> list[dict]:
    rows = []
    for rec in frame.itertuples(index=False):
        local = getattr(rec, column) * 1e9
        value_usd, usd_per_unit, rate_source, rate_year = to_usd(local, currency, rec.year)
        rows.append({"series": series, "country": country, "year": rec.year, "value_usd": value_usd,
                     "value_local": local, "currency": currency, "usd_per_unit": usd_per_unit,
                     "usd_rate_year": rate_year, "usd_rate_source": rate_source, "is_estimate": False,
                     "reference_source": series, "release": rec.release, "source": rec.source})
    return rows


def reference_series() -> pd.DataFrame:
    """Every reference value in US dollars (not billions), one row per series, country, year and release.

    Columns: series, country, year, value_usd, value_local, currency, usd_per_unit, usd_rate_year,
    usd_rate_source, is_estimate, reference_source (a label for tables and charts: "SIPRI 2022
    release", "China NPC official budget"), release, source.

    >>> ref = reference_series()
    >>> sorted(ref.series.unique()) == sorted(SERIES)
    True
    >>> r = ref.query("series == @RUSSIA_BUDGET and year == 2021").iloc[0]
    >>> round(float(r.value_usd) / 1e9, 1)
    42.3
    """
    rows = []
    for rec in sipri_milex().itertuples(index=False):
        usd = float(round(rec.value_usd_bn * 1e9))  # 65.9 bn -> exactly 65_900_000_000
        rows.append({"series": SIPRI, "country": rec.country, "year": rec.year, "value_usd": usd,
                     "value_local": usd, "currency": "USD", "usd_per_unit": 1.0,
                     "usd_rate_year": rec.year, "usd_rate_source": "identity", "is_estimate": rec.is_estimate,
                     "reference_source": rec.release, "release": rec.release, "source": rec.source})
    rows += _local_rows(china_official_budget(), CHINA_NPC, "CHN", "CNY", "value_cny_bn")
    rows += _local_rows(russia_national_defence(), RUSSIA_BUDGET, "RUS", "RUB", "value_rub_bn")
    frame = pd.DataFrame(rows, columns=REFERENCE_COLUMNS)
    return frame.astype({"year": "int64", "usd_rate_year": "int64", "is_estimate": "bool"})
