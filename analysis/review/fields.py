"""Which fields a review line may set, and whether a value fits the column.

The settable fields and their checks are data (``data/review_fields.csv``), the closed vocabularies
too (``data/review_vocab.csv``); metrics and non-money units come from the figures model, country and
currency codes from ISO (pycountry). :func:`check_value` returns the value as the table stores it
(codes upper-cased, lists ``;``-joined and sorted where the extractor sorts them) or raises
:class:`InvalidValue` with a message an analyst can act on.

>>> check_value("figures", "actor", " rus ")
'RUS'
>>> check_value("figures", "year", "2021")
2021
>>> check_value("exercises", "participants", "rus; CHN")
'CHN;RUS'
>>> check_value("figures", "year", "abc")
Traceback (most recent call last):
...
analysis.review.fields.InvalidValue: year must be a whole number from 1900 to 2100, not 'abc'
"""
from __future__ import annotations

import csv
import math
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = ["FieldSpec", "InvalidValue", "check_value", "settable_fields", "YEAR_RANGE"]

YEAR_RANGE = (1900, 2100)
#: list fields whose items the extractor writes sorted (so a set value is sorted the same way)
_SORTED_LISTS = {("exercises", "participants"), ("exercises", "domains")}


class InvalidValue(ValueError):
    """A review value that does not fit its column; the message says what would."""


class FieldSpec(NamedTuple):
    table: str
    field: str
    check: str
    empty_ok: bool


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files(__package__).joinpath("data", name).open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@lru_cache(maxsize=1)
def _specs() -> dict[tuple[str, str], FieldSpec]:
    return {(r["table"], r["field"]): FieldSpec(r["table"], r["field"], r["check"], r["empty_ok"] == "yes")
            for r in _rows("review_fields.csv")}


@lru_cache(maxsize=1)
def _vocab() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in _rows("review_vocab.csv"):
        out.setdefault(r["check"], []).append(r["value"])
    from analysis.extract.figures.model import METRICS, NON_MONEY_UNITS

    out["metric"] = list(METRICS)
    out["unit"] = sorted(NON_MONEY_UNITS)
    return {k: tuple(v) for k, v in out.items()}


def settable_fields(table: str) -> dict[str, FieldSpec]:
    """field -> spec of every field a review line may set in ``table`` (empty for an unknown table)."""
    return {field: spec for (t, field), spec in _specs().items() if t == table}


def _is_country(code: str) -> bool:
    import pycountry

    return bool(len(code) == 3 and code.isalpha()
                and (pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)))


def _is_currency(code: str) -> bool:
    import pycountry

    return bool(len(code) == 3 and code.isalpha() and pycountry.currencies.get(alpha_3=code))


def _items(value: str) -> list[str]:
    return [item.strip() for item in value.split(";") if item.strip()]


def _country(value: str, field: str) -> str:
    code = value.strip().upper()
    if not _is_country(code):
        raise InvalidValue(f"{field} must be an ISO 3166-1 alpha-3 country code (RUS, CHN, USA; SUN for the "
                           f"Soviet Union) or empty, not {value!r}")
    return code


def _choice(value: str, field: str, options: tuple[str, ...]) -> str:
    word = value.strip().lower()
    if word not in options:
        raise InvalidValue(f"{field} must be one of {', '.join(options)}, not {value!r}")
    return word


def _whole(value: str, field: str, low: int, high: int) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise InvalidValue(f"{field} must be a whole number from {low} to {high}, not {value!r}")
    return number


def check_value(table: str, field: str, value: str | None):
    """``value`` (as written in the review file) as ``table.field`` stores it; raises :class:`InvalidValue`
    for a field that cannot be set or a value that does not fit. An empty value clears a field whose
    spec allows it and gives None."""
    spec = _specs().get((table, field))
    if spec is None:
        raise InvalidValue(f"{field!r} is not a field a review can set in {table} "
                           f"(settable: {', '.join(settable_fields(table)) or 'none'})")
    value = (value or "").strip()
    if not value:
        if spec.empty_ok:
            return None
        raise InvalidValue(f"{field} cannot be empty")
    check, vocab = spec.check, _vocab()
    if check == "country":
        return _country(value, field)
    if check == "countries":
        codes = [_country(item, field) for item in _items(value)]
        return ";".join(sorted(dict.fromkeys(codes)))
    if check == "year":
        return _whole(value, field, *YEAR_RANGE)
    if check == "month":
        return _whole(value, field, 1, 12)
    if check == "number":
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise InvalidValue(f"{field} must be a number written with a decimal point and no thousands "
                               f"separators (604000000000, 604e9, -3.5), not {value!r}")
        return number
    if check == "unit":
        word = value.lower()
        if word in vocab["unit"]:
            return word
        if _is_currency(value.upper()):
            return value.upper()
        raise InvalidValue(f"unit must be an ISO 4217 currency code (USD, CNY, RUB) or one of "
                           f"{', '.join(vocab['unit'])}, not {value!r}")
    if check == "domains":
        words = [_choice(item, field, vocab["domains"]) for item in _items(value)]
        return ";".join(sorted(dict.fromkeys(words)))
    if check in vocab:
        return _choice(value, field, vocab[check])
    if check == "texts":
        items = list(dict.fromkeys(_items(value)))
        return ";".join(sorted(items) if (table, field) in _SORTED_LISTS else items)
    return value  # text
