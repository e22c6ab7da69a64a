"""Country mentions: the words in defence reporting that stand for a country, as ISO alpha-3.

The vocabulary is data (``data/country_aliases.csv``: names, demonyms, capitals, institutions,
leaders). Codes are checked against ISO 3166 through ``pycountry`` in the tests; ``SUN`` is the
Soviet Union's ISO 3166-3 code.

>>> [(m.alias, m.alpha3) for m in find_countries("Beijing bought Russian S-400s.")]
[('Beijing', 'CHN'), ('Russian', 'RUS')]
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, NamedTuple

from analysis.extract._patterns import term_units, trie_of_units

__all__ = ["CountryMention", "CountryTuple", "find_countries", "country_code", "aliases"]


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    alias: str
    alpha3: str
    kind: str


class CountryTuple(NamedTuple):
    """A country mention with the fields of :class:`CountryMention`, as a tuple: cheaper to build, for the
    extractors that read the countries of many sentences (``find_countries(text, CountryTuple)``)."""

    start: int
    end: int
    alias: str
    alpha3: str
    kind: str


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """alias -> (alpha3, kind), read once from the shipped vocabulary."""
    table: dict[str, tuple[str, str]] = {}
    with resources.files(__package__).joinpath("data/country_aliases.csv").open(encoding="utf-8") as f:
        rows = (line for line in f if not line.startswith("#"))
        for row in csv.DictReader(rows):
            table.setdefault(row["alias"], (row["alpha3"], row["kind"]))
    return table


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    # The aliases as a trie, so the longest wins ("South Korea" beats "Korea", "Russian Federation" beats
    # "Russian"), with no word character or "." before one (see trie_alternation's not_after).
    # A trailing "." in an alias (U.S.) must not need a word boundary after it; "Sino-" is a prefix.
    # Speed: the regex engine skips ahead by testing each character against the set of first letters, which
    # it tests as one bitmap look-up when the set has three runs or more, but as a range and a literal when
    # it has two (A-X, Z): half again as slow. A branch that never matches (``(?!)``), led by the NUL
    # character (outside the other runs), makes a third run.
    terms = [term_units(alias) for alias in aliases()] + [[r"\x00(?!)"]]
    alternation = trie_of_units(terms, not_after=r"[\w.]")
    return re.compile(rf"(?:{alternation})(?:(?<=\.)|(?![\w]))(?:’s|'s)?")


def find_countries(text: str, record: Callable[..., Any] = CountryMention) -> list:
    """Every country mention in ``text``, in order, with offsets (possessive 's included).

    ``record``: what each mention is built as, called with (start, end, alias, alpha3, kind). A caller
    that reads many sentences may pass a lighter type with the same fields (a ``NamedTuple``).
    """
    search, readings = _scanner or _load_scanner()
    tuples = record is CountryTuple  # the extractors' type: built by tuple.__new__, less a Python call
    us = "US" in text  # else no match is the alias "US", and none needs _us_is_pronoun
    out = []
    # Speed: a loop of searches, each from where the last match ended, finds what finditer finds (lookbehinds
    # still see the text before ``pos``; no match is empty) without building finditer's iterator, which costs
    # more per sentence than searching for its few matches one by one.
    m = search(text)
    while m is not None:
        hit = readings.get(m.group())
        if hit is not None and (hit[2] == "capital" or hit[0] in _ALSO_A_NAME) and _NAME_GOES_ON.match(text, m.end()):
            hit = None  # "Stockholm International Peace Research Institute", "Moscow Times", "Stockholm-based"
        if hit is not None and text[m.end():m.end() + 1] == "$":
            hit = None  # "US$", "NZ$": a currency sign, not a country the text speaks of
        elif hit is not None and hit[2] == "demonym" and _SUCCESSORS.search(text, max(0, m.start() - 8), m.start()):
            hit = None  # "ex-Soviet nations", "post-Soviet states": the successors, not the country
        elif hit is not None and hit[1] == "USA" and m.group().startswith("America") and \
                _CONTINENT.search(text, max(0, m.start() - 9), m.start()):
            hit = None  # "Latin America", "North American": a continent, not the United States
        if hit is not None and not (us and hit[0] == "US" and _us_is_pronoun(text, m.start())):
            out.append(_tuple_new(CountryTuple, m.span() + hit) if tuples else record(*m.span(), *hit))
        m = search(text, m.end())
    return out


#: before a demonym: it names the states that came after the country ("ex-Soviet", "former Soviet republics")
_SUCCESSORS = re.compile(r"(?:\b[Ee]x-|\b[Pp]ost-|\b[Ff]ormer\s+)$")

#: country names that are also people's names: passed over before another capitalised word ("Jordan Peterson")
_ALSO_A_NAME = frozenset({"Jordan", "Chad", "Niger", "Guinea", "Dominica"})

#: before "America(n)": a continent or region of it
_CONTINENT = re.compile(r"\b(?:Latin|North|South|Central)[ -]$")

#: after a capital: the next word of an institution's or outlet's name, or "-based" (the city, not the state)
_NAME_GOES_ON = re.compile(
    r"-based\b| (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June"
    r"|July|August|September|October|November|December|On|In|And|But|Has|Had|Is|Was|Will|Said|Says)\b)[A-Z][a-z]")

_tuple_new = tuple.__new__
assert len(CountryTuple._fields) == 5, "find_countries builds CountryTuple from a span (2) and a reading (3)"

#: (the pattern's ``search``, :func:`_readings`), set on the first call and kept for the life of the process
#: (both come from the shipped vocabulary, which does not change): two lru_cache calls per sentence cost
#: more than a global look-up.
_scanner: tuple[Callable[..., re.Match[str] | None], dict[str, tuple[str, str, str]]] | None = None


def _load_scanner() -> tuple[Callable[..., re.Match[str] | None], dict[str, tuple[str, str, str]]]:
    """Set :data:`_scanner` from the cached pattern and readings, and return it."""
    global _scanner
    _scanner = _pattern().search, _readings()
    return _scanner


@lru_cache(maxsize=1)
def _readings() -> dict[str, tuple[str, str, str]]:
    """Each text the pattern can match (an alias, bare or with a possessive 's) -> (alias, alpha3, kind):
    one dictionary look-up per match instead of stripping the possessive and looking the alias up."""
    table = aliases()
    out = {}
    for word in (w for a in table for w in (a, a + "’s", a + "'s")):
        alias = word[:-2] if word.endswith(("’s", "'s")) else word
        if alias in table:
            out[word] = (alias, *table[alias])
    return out


def _us_is_pronoun(text: str, start: int) -> bool:
    """'US' in an all-caps headline can be the pronoun: 'LET US' — treat a caps run as not a country."""
    before = text[max(0, start - 6):start]
    return bool(re.search(r"[A-Z]{3,}\s$", before)) and before.strip().isupper()


def country_code(word: str) -> str | None:
    """The alpha-3 code of a single alias, or None: country_code('Moscow') == 'RUS'."""
    hit = aliases().get(word)
    return hit[0] if hit else None
