"""The country an article is about and its currency: a dateline ("ISLAMABAD:") counts toward the country an
article is about, and a currency sign several countries write ("Rs", "riyals", a bare "$", "pesos") takes
that country's currency in its own reporting (a Karachi paper's "Rs" is PKR)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from types import SimpleNamespace
from typing import TYPE_CHECKING, Callable

from analysis.extract._money import CURRENCY_COUNTRY as _CURRENCY_HOME
from analysis.extract.countries import country_code
from analysis.extract.figures.model import Figure

if TYPE_CHECKING:
    from analysis.extract.figures.extractor import _State

_DATELINE = re.compile(r"(?m)^[^\S\n]*(?:\w+[^\S\n]+)?([A-Z][A-Z.'’-]+(?:[^\S\n][A-Z][A-Z.'’-]+){0,2})"
                       r"(?:,[^:\n]{0,40})?(?:[^\S\n]*\([^)\n]{0,30}\))?[^\S\n]*[:—–-][^\S\n]")


def _dateline_country(text: str) -> str | None:
    """The country of the city a dateline near the top of the article names, or None."""
    for m in _DATELINE.finditer(text, 0, min(len(text), 1500)):
        code = country_code(m.group(1).title())
        if code:
            return code
    return None


_US_MARK = re.compile(r"U\.?S|USD|American", re.I)


@dataclass(frozen=True)
class _SharedSign:
    """A currency sign several countries write: the unit the currency table reads it as, how a surface shows
    it, and the currency it stands for in each country's own reporting."""

    unit: str
    written: Callable[[str], bool]
    homes: dict[str, str]
    named: tuple[str, ...] = ()  # words one of which the article must hold (a cheap test before reading it)
    on_spending: bool = False  # only in an article on military spending

    def home(self, state: "_State", rx: SimpleNamespace) -> str:
        """The currency the sign stands for in this article, or ""."""
        if self.named and not any(word in state.text for word in self.named):
            return ""
        if self.on_spending and not state.on_spending(rx):
            return ""
        return self.homes.get(state.main_country(rx) or "", "")


_SHARED_SIGNS = {sign.unit: sign for sign in (
    _SharedSign("INR", lambda s: s[:2].lower() in ("rs", "ru"), {"PAK": "PKR", "LKA": "LKR", "NPL": "NPR"}),
    _SharedSign("SAR", lambda s: "riyal" in s.lower(), {"IRN": "IRR", "QAT": "QAR", "OMN": "OMR", "YEM": "YER"}),
    _SharedSign("AED", lambda s: "dirham" in s.lower(), {"MAR": "MAD"}),
    _SharedSign("PHP", lambda s: "peso" in s.lower() and "philippine" not in s.lower(),
                {"MEX": "MXN", "ARG": "ARS", "COL": "COP", "CHL": "CLP", "CUB": "CUP", "URY": "UYU", "DOM": "DOP"}),
    _SharedSign("USD", lambda s: "$" in s and not _US_MARK.search(s),
                {"AUS": "AUD", "NZL": "NZD", "CAN": "CAD", "SGP": "SGD"},
                named=("Austral", "Canberra", "Zealand", "Wellington", "Canad", "Ottawa", "Singapore"),
                on_spending=True),
)}


#: the word a currency's name ends in: a bare "rubles" after "Belarusian rubles" is the same currency
_WORDS = (r"rubles?|roubles?|dollars?|pesos?|dinars?|rupees?|riyals?|rials?|pounds?|francs?|lira|liras|kronor|"
          r"kroner|krona|crowns?|shekels?|won|yen|yuan|dirhams?")
_CURRENCY_WORD = re.compile(rf"(?i)({_WORDS})$")
_FULL_NAME = re.compile(rf"[A-Z][a-z]+\s+(?i:{_WORDS})$")  # the word after a capitalised name: "Belarusian rubles"


def _passed_on(f: Figure, moved: tuple[str | None, str | None] | None) -> Figure:
    """``f`` with the new actor of the figure before it, when it took that figure's old one ("actor of the figure
    before", a conversion of it); ``moved``: (old actor, new actor) or None."""
    if moved and f.actor == moved[0] and f.actor_cue.startswith(("actor of the figure before", "conversion of")):
        return replace(f, actor=moved[1])
    return f


def _named_currency_goes_on(figures: list[Figure]) -> list[Figure]:
    """A bare currency word takes the currency the article last named in full with it: "4.7 billion
    Belarusian rubles ... up from 1.8 billion rubles" is BYN twice, not BYN then RUB."""
    named: dict[str, str] = {}  # word -> the unit of the last full name with it
    moved: tuple[str | None, str | None] | None = None  # the last actor the named currency replaced, and by what
    out = []
    for f in figures:
        m = _CURRENCY_WORD.search(f.surface) if f.is_money else None
        if m:
            word = m.group(1).lower().rstrip("s")
            if _FULL_NAME.search(f.surface):
                named[word] = f.unit
            elif word in named and named[word] != f.unit:
                unit = named[word]
                f = replace(f, unit=unit, flags=f.flags + ("named_before",))
                if f.actor_cue.startswith("currency:") and unit in _CURRENCY_HOME:
                    moved = (f.actor, _CURRENCY_HOME[unit])
                    f = replace(f, actor=moved[1], actor_cue="currency: " + unit)
        else:
            f = _passed_on(f, moved)
        out.append(f)
    return out


def _home_currency(figures: list[Figure], state: "_State", rx: SimpleNamespace) -> list[Figure]:
    """A bare "Rs", "riyals" or "$" takes the currency of the country the article is about when that country
    writes it for its own money: a Karachi budget story's "Rs" is PKR, a Canberra budget story's "$" is AUD
    (the latter only in an article on military spending, and never a "$" marked US: "US$", "U.S. $"). An
    actor the currency gave becomes that country."""
    figures = _named_currency_goes_on(figures)
    homes: dict[str, str] = {}  # the sign's unit -> its currency here, read once per article
    moved: tuple[str | None, str | None] | None = None  # the last actor a home currency replaced, and by what
    out = []
    for f in figures:
        sign = _SHARED_SIGNS.get(f.unit)
        if sign is not None and sign.written(f.surface):
            if f.unit not in homes:
                homes[f.unit] = sign.home(state, rx)
            home = homes[f.unit]
            if home:
                f = replace(f, unit=home, flags=f.flags + ("home_currency",))
                if f.actor is None or f.actor_cue.startswith("currency:"):
                    moved = (f.actor, state.main_country(rx))
                    f = replace(f, actor=moved[1], actor_cue="currency: " + home)
        else:
            f = _passed_on(f, moved)  # it took the actor the sign had given the figure before
        out.append(f)
    return out

