"""Numbers as a person reads them: money in US$ bn / m, counts as whole numbers, blanks for missing.

Used wherever the report shows a number to a reader (the landing page, the notebooks' tables, the
explorer); the CSV and Parquet tables keep full precision.

>>> money(604e9), money(65.9e9), money(1.14e9), money(250e6), money(None)
('US$604 bn', 'US$65.9 bn', 'US$1.14 bn', 'US$250 m', '')
>>> count(100000.0), count(float("nan")), ratio(2.0614), ratio(0.04)
('100,000', '', '2.06×', '0.04×')
>>> amount(604e9, "$604"), amount(4.2e12, "RUB4,200 billion", "RUB")
('US$604 bn ($604)', 'RUB4,200 bn (RUB4,200 billion)')
"""
from __future__ import annotations

import math

import pandas as pd

__all__ = ["is_missing", "money", "amount", "count", "ratio", "number", "readable_frame"]


def is_missing(value) -> bool:
    """True for None, NaN, pandas' NA and NaT, and empty text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _scaled(value: float) -> str:
    """An amount in bn (from 1e9) or m (from 1e6), else whole; three significant digits (all above 100)."""
    for size, word in ((1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            v = value / size
            text = f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.1f}" if abs(v) >= 10 else f"{v:,.2f}"
            return f"{text.rstrip('0').rstrip('.') if '.' in text else text} {word}"
    return f"{value:,.0f}"


def money(usd, currency: str = "US$") -> str:
    """An amount in ``currency`` (US dollars unless told) for reading: ``US$604 bn``, ``US$250 m``, blank if missing."""
    if is_missing(usd):
        return ""
    return f"{currency}{_scaled(float(usd))}"


def amount(value, surface=None, currency: str = "US$") -> str:
    """:func:`money` with the text it was read from beside it: ``US$604 bn ($604)``."""
    text = money(value, currency)
    if text and not is_missing(surface):
        text += f" ({surface})"
    return text


def count(value) -> str:
    """A count as a whole number with thousands separators, blank if missing."""
    return "" if is_missing(value) else f"{float(value):,.0f}"


def ratio(value) -> str:
    """A ratio with two decimals (two significant digits below 0.1) and ×, blank if missing."""
    if is_missing(value):
        return ""
    value = float(value)
    return f"{value:.2f}×" if value >= 0.1 else f"{value:.2g}×"


def number(value) -> str:
    """Any other number: whole numbers without decimals, others to two decimals; blank if missing."""
    if is_missing(value):
        return ""
    value = float(value)
    if math.isfinite(value) and value.is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def readable_frame(frame: pd.DataFrame, money_columns: dict[str, str | None] | None = None,
                   count_columns: list[str] | tuple[str, ...] = (), ratio_columns: list[str] | tuple[str, ...] = (),
                   ) -> pd.DataFrame:
    """A copy of ``frame`` for display: money columns as ``US$… bn (surface)``, counts and ratios as text.

    ``money_columns`` maps a US-dollar column to the column holding its original text (or None).
    Every other column keeps its values; missing values of every column show as blanks.
    """
    view = frame.copy()
    for column, surface in (money_columns or {}).items():
        if column in view:
            surfaces = view[surface] if surface and surface in view else [None] * len(view)
            view[column] = [amount(v, s) for v, s in zip(view[column], surfaces)]
    for column in count_columns:
        if column in view:
            view[column] = view[column].map(count)
    for column in ratio_columns:
        if column in view:
            view[column] = view[column].map(ratio)
    for column in view.columns:
        if view[column].isna().any():
            view[column] = view[column].astype(object).where(view[column].notna(), "")
    return view
