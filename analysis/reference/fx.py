"""Exchange rates: annual averages, typed in from published sources, to turn money into US dollars.

The table is data (``data/fx_rates.csv``: currency, year, usd_per_unit, the rate as quoted, source)
for CNY, RUB, EUR, GBP, INR, TWD, UAH, JPY, KRW, NZD, AUD, CAD, CHF, ILS, TRY, SAR and BRL,
2010-2025. ``usd_per_unit`` is the US-dollar value of one unit of the currency.

>>> value_usd, usd_per_unit, source, rate_year = to_usd(1.355e12, "CNY", 2021)
>>> round(value_usd / 1e9, 1), rate_year
(210.1, 2021)
>>> to_usd(5.0, "USD", 2020)
(5.0, 1.0, 'identity', 2020)
>>> to_usd(100.0, "XYZ", 2021)
(None, None, None, None)

A year outside the table (or none) falls back to the nearest year in it (none -> the latest):

>>> to_usd(1.0, "RUB", 1999)[3], to_usd(1.0, "RUB", None)[3]
(2010, 2025)
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

import pandas as pd

__all__ = ["to_usd", "rates"]

_IDENTITY = "identity"


def _read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a shipped ``data/<name>`` CSV; lines starting with ``#`` are comments."""
    with resources.files(__package__).joinpath("data", name).open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[int, tuple[float, str]]]:
    """currency -> {year: (usd_per_unit, source)}, read once."""
    out: dict[str, dict[int, tuple[float, str]]] = {}
    for row in _read_csv("fx_rates.csv"):
        out.setdefault(row["currency"], {})[int(row["year"])] = (float(row["usd_per_unit"]), row["source"])
    return out


def rates() -> pd.DataFrame:
    """The whole exchange-rate table as a DataFrame (one row per currency and year).

    >>> r = rates()
    >>> list(r.columns)
    ['currency', 'year', 'usd_per_unit', 'quoted_rate', 'quoted_as', 'source']
    >>> float(r.query("currency == 'CNY' and year == 2023").quoted_rate.iloc[0])
    7.084
    """
    frame = pd.DataFrame(_read_csv("fx_rates.csv"))
    return frame.astype({"year": "int64", "usd_per_unit": "float64", "quoted_rate": "float64"})


def to_usd(value: float, currency: str, year: int | None
           ) -> tuple[float | None, float | None, str | None, int | None]:
    """``value`` in ``currency`` as US dollars at ``year``'s annual average rate.

    Returns ``(value_usd, usd_per_unit, source, rate_year)``. ``rate_year`` is the year whose rate
    was used: ``year`` itself when the table has it, else the nearest year in the table (the
    latest when ``year`` is None). USD gives ``(value, 1.0, "identity", year)``. An unknown
    currency gives ``(None, None, None, None)``; nothing is guessed.

    >>> v, rate, src, y = to_usd(3.51e12, "RUB", 2022)
    >>> round(v / 1e9, 1), y, src.startswith("Bank of Russia")
    (51.3, 2022, True)
    >>> to_usd(2.0, "eur", 2021)[:2]
    (2.3654, 1.1827)
    """
    code = (currency or "").strip().upper()
    if code == "USD":
        return float(value), 1.0, _IDENTITY, year
    years = _table().get(code)
    if not years:
        return None, None, None, None
    if year is None:
        rate_year = max(years)
    elif int(year) in years:
        rate_year = int(year)
    else:
        # Nearest year; on a tie (never with a contiguous table) the later one.
        rate_year = min(years, key=lambda y: (abs(y - int(year)), -y))
    usd_per_unit, source = years[rate_year]
    return float(value) * usd_per_unit, usd_per_unit, source, rate_year
