"""Currency symbols, codes and words -> ISO 4217, from ``data/currencies.csv``.

Private helpers of :mod:`analysis.extract.figures`.

>>> currency("US$"), currency("roubles"), currency("руб."), currency("¥", japan=True)
(('USD', 1.0), ('RUB', 1.0), ('RUB', 1.0), ('JPY', 1.0))
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from analysis.extract._numbers import _SPACE_CLASS, alternation
from analysis.extract._patterns import term_units, trie_of_units

__all__: list[str] = []  # private module

_SPACE_RUN = re.compile(r"\s+")

# The country a currency's amounts usually belong to, when a sentence names no country.
CURRENCY_COUNTRY = {
    "RUB": "RUS", "CNY": "CHN", "TWD": "TWN", "INR": "IND", "UAH": "UKR", "JPY": "JPN", "KRW": "KOR",
    "GBP": "GBR", "PKR": "PAK", "ILS": "ISR", "TRY": "TUR", "SAR": "SAU", "PLN": "POL", "IRR": "IRN",
    "NZD": "NZL", "AUD": "AUS", "CAD": "CAN", "BYN": "BLR", "KZT": "KAZ", "PHP": "PHL", "IDR": "IDN",
    "MYR": "MYS", "THB": "THA", "VND": "VNM", "EGP": "EGY", "SEK": "SWE", "NOK": "NOR", "DKK": "DNK",
    "CHF": "CHE", "BRL": "BRA", "MXN": "MEX", "AED": "ARE", "SGD": "SGP", "ZAR": "ZAF",
    "QAR": "QAT", "KWD": "KWT", "BHD": "BHR", "OMR": "OMN", "IQD": "IRQ", "DZD": "DZA", "BDT": "BGD",
    "NGN": "NGA", "MMK": "MMR", "LKR": "LKA", "NPR": "NPL", "HUF": "HUN", "CZK": "CZE", "RON": "ROU",
    "MAD": "MAR", "ARS": "ARG", "CLP": "CHL", "COP": "COL",
}


@lru_cache(maxsize=1)
def _table() -> list[dict[str, str]]:
    path = resources.files(__package__).joinpath("data/currencies.csv")
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, tuple[str, float]], dict[str, tuple[str, float]]]:
    exact, folded = {}, {}
    for row in _table():
        entry = (row["code"], float(row["factor"] or 1))
        if _is_word(row["surface"]):
            folded[row["surface"].lower()] = entry
        else:
            exact[row["surface"]] = entry
    return exact, folded


def _is_word(surface: str) -> bool:
    """Words (all lower case in the table) match in any case; symbols and codes exactly."""
    return surface == surface.lower() and any(ch.isalpha() for ch in surface)


@lru_cache(maxsize=1)
def needs_scale() -> frozenset[str]:
    """The one-letter signs read as a currency only before a scaled amount ("W61.2 trillion", not "N95")."""
    return frozenset(r["surface"] for r in _table() if (r.get("needs_scale") or "").strip() == "1")


def currency(surface: str, japan: bool = False) -> tuple[str, float] | None:
    """(ISO code, factor to the major unit) of a currency surface, or None."""
    exact, folded = _lookup()
    surface = _SPACE_RUN.sub(" ", surface)
    hit = exact.get(surface) or folded.get(surface.lower())
    if hit is None:
        return None
    code, factor = hit
    if code == "CNY|JPY":
        code = "JPY" if japan else "CNY"
    return code, factor


def _entry_pattern(surface: str, prefix: bool = False) -> str:
    pat = alternation([surface])
    if _is_word(surface):
        pat = f"(?i:{pat})"
    if surface[-1].isalnum() and not prefix:
        pat += r"(?![\w])"
    if surface[0].isalpha() and prefix:
        pat = r"(?<![\w])" + pat  # "EUR29.66" yes, "BEUR29" no
    return pat


def surfaces(position: str, words_only: bool = False) -> list[str]:
    """The currency surfaces written in ``position`` ("prefix" or "suffix"), longest first."""
    rows = [r["surface"] for r in _table() if r["position"] in (position, "both")]
    if words_only:
        rows = [s for s in rows if _is_word(s)]
    return sorted(rows, key=len, reverse=True)


def lead(position: str, words_only: bool = False) -> str:
    """A look-ahead for the first characters of the currencies written in ``position`` (symbols and
    codes as written, words in any case): a quick test before trying every currency at a position.

    >>> bool(re.match(lead("prefix"), "US$5")), bool(re.match(lead("prefix"), "5"))
    (True, False)
    """
    rows = surfaces(position, words_only)
    exact = _char_class({s[0] for s in rows if not _is_word(s)})
    folded = _char_class({s[0] for s in rows if _is_word(s)})
    return "(?=" + "|".join(filter(None, [exact, folded and f"(?i:{folded})"])) + ")"


def lead_prefixes(position: str, words_only: bool = False, depth: int = 3) -> str:
    """A look-ahead for the first ``depth`` characters of the currencies written in ``position``
    (symbols and codes as written, words in any case), to test after :func:`lead`: a word that starts
    with one of their first characters ("March", "the") is then passed over at once, where the regex
    engine would try the case-insensitive currency words one by one (their alternation is no prefix
    tree: codes and words differ in case rules). Every currency implies it, so adding it changes no match.

    >>> bool(re.match(lead_prefixes("suffix"), "Dollars")), bool(re.match(lead_prefixes("suffix"), "March"))
    (True, False)
    """
    rows = surfaces(position, words_only)
    space = _SPACE_CLASS + "+"  # as alternation() writes a space
    exact = [term_units(s, space)[:depth] for s in rows if not _is_word(s)]
    folded = [term_units(s, space)[:depth] for s in rows if _is_word(s)]
    return "(?=" + "|".join(filter(None, [exact and trie_of_units(exact),
                                          folded and f"(?i:{trie_of_units(folded)})"])) + ")"


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]" if chars else ""


def longest(position: str) -> int:
    """The length of the longest currency surface written in ``position``."""
    return max(map(len, surfaces(position)))


def prefix_pattern() -> str:
    """Alternation of the currencies written before an amount ("US$", "€", "EUR", "Rs.")."""
    return "|".join(_entry_pattern(s, prefix=True) for s in surfaces("prefix"))


def suffix_pattern(words_only: bool = False) -> str:
    """Alternation of the currencies written after an amount ("yuan", "€", "руб.", "dollars").

    A symbol or code directly followed by a digit is the next amount's prefix, not this one's suffix.
    """
    rows = surfaces("suffix", words_only)
    out = []
    for s in rows:
        pat = _entry_pattern(s)
        if not _is_word(s):  # a code ends a sentence ("1.5 billion USD."), a symbol before ".75" is the next amount's
            pat += r"(?![ \u00a0]?[-\d])(?!\.\d)" if s[-1].isalpha() else r"(?![ \u00a0]?[-\d.])"
        out.append(pat)
    return "|".join(out)
