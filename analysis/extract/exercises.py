"""Joint exercises, drills and patrols: one record per mention, with who, where, when and status.

A mention is either a named series ("Zapad / Interaction-2021", "Vostok-2022", "the ninth joint
strategic air patrol") or a phrase headed by an exercise word ("joint naval patrols in the
northwest Pacific", "war games that the armed forces of China and Russia held") that reads as
a specific joint event: it is joint (``joint``, ``bilateral``, ``Russian-Chinese``...), names
its participants ("between the two countries"), or has two countries (or "the two navies") as
the subject of a holding verb. Left out: areas of cooperation ("cooperation in strategic
exercises, joint patrols and other areas"), and definite references back to an event already
mentioned ("the exercise", "the exercises between China and Russia") unless they add a name or
a place.

Every vocabulary is data: ``data/exercise_series.csv`` (series and aliases),
``data/exercise_vocab.csv`` (cue, modifier, domain, status and context words),
``data/exercise_assets.csv`` (aircraft, ship and vehicle words) and, for places,
``data/gazetteer.csv`` (see :mod:`analysis.extract.places`).

>>> from analysis.corpus import article_from_text
>>> a = article_from_text("Russian and Chinese warships conducted a joint patrol in the western Pacific in 2023.")
>>> [(m.surface, m.kind, m.participants, m.domains, m.locations, m.year, m.status) for m in extract_exercises(a)]
[('joint patrol in the western Pacific', 'patrol', ('CHN', 'RUS'), ('naval',), ('western Pacific',), 2023, 'conducted')]
"""
from __future__ import annotations

import bisect
import csv
import itertools
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Callable, Iterable, Iterator

import pandas as pd

from analysis.corpus.dates import MONTHS
from analysis.extract._patterns import (lower_as_matched, term_units, trie_alternation, trie_of_units,
                                        word_start_matches)
from analysis.extract.countries import CountryTuple, find_countries
from analysis.extract.places import find_places

__all__ = ["EXERCISE_COLUMNS", "ExerciseMention", "extract_exercises", "exercises_frame", "mentions_frame"]

#: The columns of :func:`exercises_frame`, in order (lists are ``;``-joined).
EXERCISE_COLUMNS = ["article_id", "start", "end", "surface", "sentence", "name", "kind", "participants", "domains",
                    "locations", "place_ids", "assets", "year", "month", "status", "cameo", "event_id", "flags",
                    "year_inferred"]

#: CAMEO event codes: 062 "cooperate militarily", 0312 "express intent to cooperate militarily".
CAMEO = {"conducted": "062", "planned": "0312"}


@dataclass(frozen=True)
class ExerciseMention:
    """One mention of an exercise, drill or patrol; ``article.text[start:end] == surface``.

    ``year`` and ``month`` are only what the text states (or the series suffix gives; a
    relative "last/next month" is read against the article's date); ``year_inferred`` falls back
    on the article's date. ``flags``: ``in_caption``, ``in_title``, ``in_quote``,
    ``participants_from_context`` (the text said "the two countries" or "joint" and the countries
    came from the article), ``year_from_lead`` (the year the article's first sentences set, for an
    event told in the simple past), ``month_from_relative``, ``habitual`` (a practice, "every year",
    "regularly": not merged into an event with others).
    """

    article_id: str
    start: int
    end: int
    surface: str
    sentence: str
    name: str
    kind: str  # exercise | patrol | drill
    participants: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    place_ids: tuple[str, ...] = ()
    assets: tuple[str, ...] = ()
    year: int | None = None
    month: int | None = None
    status: str = "conducted"  # conducted | planned
    cameo: str = "062"
    flags: tuple[str, ...] = ()
    year_inferred: int | None = None

    @property
    def mention_id(self) -> str:
        return f"{self.article_id}:{self.start}"

    def as_row(self) -> dict:
        """The mention as a row of :func:`exercises_frame` (lists ``;``-joined, no event id yet)."""
        row = {c: getattr(self, c, None) for c in EXERCISE_COLUMNS if c != "event_id"}
        for c in ("participants", "domains", "locations", "place_ids", "assets", "flags"):
            row[c] = ";".join(row[c])
        row["event_id"] = ""
        return row


# ---- vocabularies ------------------------------------------------------------------------------------------

def _read_csv(name: str) -> list[dict]:
    with resources.files(__package__).joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def _alternation(terms: Iterable[str], not_after: str | None = r"[\w\-]") -> str:
    """Alternation of literal terms, in lower case for a :class:`_CaseFree` pattern, the longest match
    winning (a trie, see :func:`~analysis.extract._patterns.trie_alternation`), spaces matching any
    whitespace run, with no word character or hyphen just before a term (``not_after``)."""
    return trie_alternation(terms, space=r"\s+", fold_case=True, not_after=not_after)


def _words(terms: Iterable[str]) -> _CaseFree:
    return _word_pattern([term_units(t, space=r"\s+", fold_case=True) for t in terms])


def _word_pattern(terms: list[list[str]]) -> _CaseFree:
    """Whole words (no word character or hyphen on either side) from a trie of terms given as units.
    When the terms start with few letters, the look-behind goes after a term's first letter and the
    regex engine skips ahead to those letters; when they start with many, the engine would stop almost
    everywhere, and a look-behind first rejects a place inside a word at once."""
    if len({units[0] for units in terms}) <= 12:
        return _CaseFree(r"(?:%s)(?![\w\-])" % trie_of_units(terms, not_after=r"[\w\-]"))
    return _CaseFree(r"(?<![\w\-])(?:%s)(?![\w\-])" % trie_of_units(terms))


class _Text(str):
    """A sentence's text that carries its lower-case form, ``low``, when that form lines up with it
    character for character and reads as ``re.IGNORECASE`` would (no "İ", "ı" or "ſ"; else None).
    Slices and other string operations give plain strings."""

    low: str | None

    def __new__(cls, text: str) -> _Text:
        self = super().__new__(cls, text)
        low = text.lower()
        self.low = low if len(low) == len(text) and "ı" not in text and "ſ" not in text else None
        return self


class _CaseFree:
    """A case-insensitive pattern written in lower case: on a :class:`_Text` it runs case-sensitively on
    the text's lower-case form (the regex engine can then skip ahead to where a term may begin, and
    need not fold every character), on any other text with ``re.IGNORECASE`` (compiled when first
    needed). The matches have the same offsets either way; their text is in lower case in the first.
    ``needs``: a lower-case literal every match contains; on the lower-case form a range without it is
    not searched."""

    def __init__(self, pattern: str, needs: str | None = None):
        self.pattern = pattern
        self.lower = re.compile(pattern)
        self.needs = needs

    @cached_property
    def exact(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        low = getattr(text, "low", None)
        if low is None:
            return self.exact.finditer(text, pos, endpos)
        if self.needs is not None and low.find(self.needs, pos, endpos) < 0:
            return iter(())
        return self.lower.finditer(low, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = getattr(text, "low", None)
        if low is None:
            return self.exact.search(text, pos, endpos)
        if self.needs is not None and low.find(self.needs, pos, endpos) < 0:
            return None
        return self.lower.search(low, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = getattr(text, "low", None)
        return self.exact.match(text, pos, endpos) if low is None else self.lower.match(low, pos, endpos)


def _flex_units(alias: str) -> list[str]:
    """A series alias as pattern units for :func:`~analysis.extract._patterns.trie_of_units`: "/" may have
    spaces around it, a run of spaces and hyphens matches any such run ("Zapad / Interaction", "Joint-Sea")."""
    units: list[str] = []
    for i, part in enumerate(alias.split("/")):
        if i:
            units.append(r"\s*/\s*")
        units += term_units(part.strip(), space=r"[\s\-]+", separators=" -")
    return units


def _norm(s: str) -> str:
    """A term as the vocabularies key it: lower case, a run of separators as one space."""
    low = s.lower()
    return low if low.isalpha() else _NORM_SEPARATORS.sub(" ", low).strip()


_NORM_SEPARATORS = re.compile(r"[\s/\-]+")
_ASSET_SEPARATORS = re.compile(r"[\s\-]+")  # an asset's key has none ("Tu 95" and "TU-95" are "tu95")


_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth".split(), 1)}
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update(MONTHS)  # the abbreviations _MONTH reads ("sept", "aug")
_DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "such", "said"}
#: an ordinal in words or digits ("ninth", "10th"), the longest word first; lower case (see _CaseFree)
_ORDINAL = r"(?:%s|\d{1,2}(?:st|nd|rd|th))" % "|".join(sorted(_ORDINALS, key=len, reverse=True))


@dataclass
class _Series:
    series: str
    kind: str
    domains: tuple[str, ...]
    participants: tuple[str, ...]
    numbered: bool
    editions: dict[int, int]
    listed: bool = True  # False: a name the text gives that the register does not know


@dataclass
class _Rules:
    """Every compiled pattern and lookup the extractor uses, built once from the data files."""

    cue: _CaseFree
    cue_kind: dict[str, str]
    prefilter: _Prefilter  # where in an article a mention may be
    joint: frozenset[str]
    premod: frozenset[str]
    premod_multi_by_end: dict[str, tuple[str, ...]]  # by their last three letters, longest first
    domain: _CaseFree
    domain_of: dict[str, str]
    status: _CaseFree
    status_of: dict[str, tuple[str, bool]]
    hold: _CaseFree
    group: _CaseFree
    generic_before: _CaseFree
    generic_after: _CaseFree
    report: _CaseFree
    not_participant: _CaseFree
    media: re.Pattern[str]
    asset: _CaseFree
    asset_of: dict[str, tuple[str, str, bool]]
    series: re.Pattern[str]
    series_of: dict[str, tuple[_Series, bool]]
    numbered: _CaseFree
    numbered_of: dict[str, _Series]
    habitual: _CaseFree  # "every year", "regularly"
    sent_to: _CaseFree  # "sent 2,000 troops to" just before a mention
    watching: re.Pattern[str]  # "shadowing", "monitoring" after forces named beside a mention
    not_name: frozenset[str]  # capitalised words that do not begin an unlisted name
    negation: re.Pattern[str]  # "refused to", "not"
    civil: frozenset[str]  # "fire", "air raid" just before "drill": not a military one
    series_by_name: dict[str, _Series] = field(default_factory=dict)


def _by_end(terms: list[str]) -> dict[str, tuple[str, ...]]:
    """Terms (lower case, at least three letters) by their last three letters, in their order."""
    out: dict[str, list[str]] = {}
    for t in terms:
        out.setdefault(t[-3:], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    vocab: dict[str, list[tuple[str, str]]] = {}
    for row in _read_csv("exercise_vocab.csv"):
        vocab.setdefault(row["category"], []).append((row["term"], row["value"] or ""))
    terms = {k: [t for t, _ in v] for k, v in vocab.items()}
    cue_kind = {_norm(t): v for t, v in vocab["cue"]}

    assets = _read_csv("exercise_assets.csv")
    asset_of = {}
    asset_units = []
    for r in assets:
        asset_of[_ASSET_SEPARATORS.sub("", r["term"].lower())] = (r["asset"], r["domain"], r["specific"] == "1")
        if r["specific"] == "1":  # "Tu-95" also as "Tu 95", "TU95"
            asset_units.append([r"[\s\-]?" if ch in " -" else re.escape(ch.lower()) for ch in r["term"]])
        else:
            asset_units.append([r"\s+" if ch == " " else re.escape(ch.lower()) for ch in r["term"]])
    asset_re = _word_pattern(asset_units)

    series_of: dict[str, tuple[_Series, bool]] = {}
    numbered_of: dict[str, _Series] = {}
    by_name: dict[str, _Series] = {}
    plain_aliases, numbered_aliases, ambiguous_aliases = [], [], []
    for r in _read_csv("exercise_series.csv"):
        editions = dict(tuple(map(int, e.split(":"))) for e in (r["editions"] or "").split(";") if e)
        s = _Series(r["series"], r["kind"], tuple(d for d in r["domains"].split(";") if d),
                    tuple(p for p in r["participants"].split(";") if p), r["numbered"] == "1", editions)
        by_name[s.series] = s
        for alias in r["aliases"].split(";"):
            ambiguous = alias.endswith("*")
            alias = alias.rstrip("*").strip()
            if s.numbered:
                numbered_of[_norm(alias)] = s
                numbered_aliases.append(alias)
            else:
                series_of.setdefault(_norm(alias), (s, ambiguous))
                (ambiguous_aliases if ambiguous else plain_aliases).append(alias)
    suffix = (r"(?:[\s\-–—]*(?P<year>(?:19|20)\d\d)(?P<tag>[A-Da-d])?(?![\w])"
              r"|[\s\-–—]+(?P<roman>(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3}))(?![\w])"
              r"|[\s\-–—]+(?P<num>\d{1,2})(?![\d,.]\d|[\w]))?")
    # The aliases as written, in upper case and in title case, as a trie: the longest alias at a place wins.
    variants = {v for a in plain_aliases + ambiguous_aliases for v in (a, a.upper(), a.title())}
    series_re = re.compile(rf"(?P<alias>{trie_of_units(_flex_units(v) for v in variants)})(?![\w]){suffix}")
    pair = r"(?:(?:china|chinese|russia|russian|sino)[\s\-–]+(?:russia|russian|china|chinese)n?\s+)?"
    numbered_re = _CaseFree(
        rf"(?<![\w\-])(?P<ord>{_ORDINAL})\s+(?:round\s+of\s+(?:the\s+)?)?{pair}"
        rf"(?P<alias>{_alternation(numbered_aliases, not_after=None)})s?(?![\w])")

    # The pre-filter (see _Prefilter): an article needs a stem of a cue word; its sentences need one or
    # a series name, found by a case-sensitive trie of literals (which the regex engine skips through
    # quickly). An ambiguous alias counts here only with a year.
    literal_names = {a.split("/")[0].strip() for a in plain_aliases}  # numbered ones contain "patrol": a stem
    literal_names |= {a.upper() for a in literal_names}
    literal_names |= {a + sep + century for a in ambiguous_aliases for sep in ("-", " ", "–", "")
                      for century in ("19", "20")}
    status_of = {}
    for cat in ("planned", "conducted"):
        for t, v in vocab[cat]:
            status_of[_norm(t)] = (cat, v == "perfect")
    premods = [t.lower() for t in terms["premod"] + terms["joint"]]
    media = trie_alternation(terms["media"], space=r"\s+", not_after=r"[\w\-]")  # case-sensitive
    return _Rules(
        cue=_words(terms["cue"]), cue_kind=cue_kind, prefilter=_Prefilter(terms["stem"], literal_names),
        joint=frozenset(t.lower() for t in terms["joint"]),
        premod=frozenset(t for t in premods if " " not in t),
        premod_multi_by_end=_by_end(sorted((t for t in premods if " " in t), key=len, reverse=True)),
        domain=_words(terms["domain"]), domain_of={_norm(t): v for t, v in vocab["domain"]},
        status=_words(terms["planned"] + terms["conducted"]), status_of=status_of,
        hold=_words(terms["hold"]), group=_words(terms["group"]),
        generic_before=_CaseFree(rf"(?:{_alternation(terms['generic_before'])})\b[^.;!?]*$"),
        generic_after=_CaseFree(rf"(?:\s*,)?\s*(?:{_alternation(terms['generic_after'], not_after=None)})\b"),
        report=_words(terms["report"]),
        not_participant=_CaseFree(rf"(?:{_alternation(terms['not_participant'])})\s+(?:the\s+)?$"),
        media=re.compile(rf"(?:{media})(?![\w\-])"),
        asset=asset_re, asset_of=asset_of, series=series_re, series_of=series_of,
        numbered=numbered_re, numbered_of=numbered_of, series_by_name=by_name,
        habitual=_CaseFree(r"(?:%s)\b" % trie_alternation(terms["habitual"], space=r"\s+", not_after=r"\w")),
        sent_to=_CaseFree(r"(?:%s)%s" % (trie_alternation(terms["sender"], not_after=r"\w"), _SENT_TO_TAIL)),
        watching=re.compile(r"\s+(?:%s)\b" % _alternation(terms["watching"], not_after=None), re.IGNORECASE),
        not_name=frozenset(terms["not_name"]) | {m.title() for m in _MONTHS},
        civil=frozenset(t.lower() for t in terms["civil"]),
        negation=re.compile(r"(?:%s)\b|n't\b" % _alternation(terms["negation"]), re.IGNORECASE))


# ---- fixed patterns ------------------------------------------------------------------------------------------

_REVERSED_TOKEN = re.compile(r"\s*([\w’'\-]+|[^\w\s])")  # the next token of a reversed text (see _tokens_before)
_REVERSED_WORD = re.compile(r"\s*([\w’']*)")  # the word a reversed text begins with, spaces aside (see _last_word)
_NUMBERED_PREMOD = re.compile(r"\d+(?:st|nd|rd|th)|\d+-(?:day|week)|sino-\w+")  # "10th", "3-day", "sino-russian"
# The look-behinds stand after the year (reaching back over its four digits) and the word start before a
# month is checked by word_start_matches, so that every branch starts with a literal: the regex engine
# then skips ahead to the places where a year or a month may begin.
_YEAR = re.compile(r"(19[5-9]\d|20[0-4]\d)(?<![\d$€£.,/\-]....)(?<!since ....)(?<!Since ....)"
                   r"(?![\d%]|,\d|\s*(?:troops|soldiers|personnel|servicemen|"
                   r"people|km|kilomet|miles|tons|tonnes|aircraft|ships|warships|vehicles|units|sorties))")
_MONTH = re.compile(r"(January|February|March|April|June|July|August|September|October|November|December|"
                    r"May(?:(?<=\bin May)|(?<=\bof May)|(?<=\bby May)|(?<=\bmid May)|(?<=\bmid-May)|(?<=\bearly May)|"
                    r"(?<=\blate May)|(?<=\bsince May)|(?<=\buntil May)|(?= \d)))\b"
                    r"|(Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.(?=\s*\d)")  # AP style: "Sept. 2021", "Aug. 10"
# Case-free patterns (see _CaseFree) start with a trie whose look-behind ("not after") stands for a leading \b.
_RELATIVE_YEAR = _CaseFree(r"(%s)\s+year\b" % trie_alternation(
    "last this next previous coming".split(), not_after=r"\w"), needs="year")
#: the first three letters of every month _MONTH reads: a cheap test before it (whose groups and look-behinds
#: keep the regex engine from skipping ahead to the capitals)
_MONTH_GATE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_RELATIVE_MONTH = _CaseFree(r"(%s)\s+month\b" % trie_alternation(
    "last this next previous coming".split(), not_after=r"\w"), needs="month")
_RELATIVE_STEP = {"last": -1, "previous": -1, "next": 1, "coming": 1}
_LOC_PREP = r"(?:in|over|near|off|around|across|through|along|at|on|inside|within|above|to|into|from|toward|towards)"
#: "the waters off", "the northern part of the" before a place's name
_PART_OF = (r"(?:(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?(?:coast|waters|skies|airspace|area|vicinity|"
            r"east|west|north|south|part|parts)\s+(?:of|off|over|near)\s+(?:the\s+)?)?")
_LOC_LEAD = re.compile(rf"(?:\s*,)?\s*{_LOC_PREP}\s+(?:the\s+|both\s+)?{_PART_OF}", re.IGNORECASE)
#: between two places of one list: "and the", ", ", "seas and the", "training ground in Russia's", "of the"
_LOC_LIST = re.compile(r"(?:\s+(?:seas|oceans|straits|islands|regions|waters|(?:training\s+)?(?:ranges?|grounds?|"
                       r"bases?|polygons?|areas?)))?"
                       r"(?:\s*,\s*(?:including|such\s+as|as\s+well\s+as|and)?\s*"
                       r"|\s+(?:and|or|as\s+well\s+as|including)\s+"
                       r"|\s+(?:of|in)\s+(?:the\s+)?(?:(?:[A-Z]\w+\s+)?[A-Z]\w+['’]s\s+)?)"
                       rf"(?:the\s+|both\s+)?{_PART_OF}", re.IGNORECASE)
_LOC_BEFORE = re.compile(rf"\b{_LOC_PREP}\s+(?:the\s+|both\s+)?(?:waters\s+(?:of|off)\s+(?:the\s+)?)?"
                         r"(?:[A-Z]\w+['’]s\s+)?(?:(?:[\w\-]+\s+){0,3}?(?:port|city|town|base|region|province|island|peninsula|district|"
                         r"county|area|ranges?|grounds?|polygon)\s+(?:of\s+|in\s+)?)?$", re.IGNORECASE)
#: after a comma that ends a mention's clause, words that go on describing it (where its places may be)
_DESCRIBING = re.compile(r"\s*(?:its|their|the|a|an|which|that|held|staged|conducted|hosted|taking\s+place|being|"
                         r"scheduled|set|due|running|involving|at|in|on|near|off|over|across|along|and\s+in|"
                         r"is|are|was|were|will|has|have|had|began|begins|started|starts|runs|ran|continues|"
                         r"continued|opened|with|brought|drew)\b", re.IGNORECASE)
#: the head of a clause before a place phrase: nothing but a connective since the last comma or the start
_CLAUSE_HEAD = re.compile(r"(?:^|[,;:—–]|\b(?:and|while|as|then))\s*$")
#: "with troops from China, India and Belarus", "China, India and Belarus also took part"
_CONTINGENT = _CaseFree(r"(?:%s)\s+from\s+(?:the\s+)?" % trie_alternation(
    "troops forces servicemen soldiers contingent contingents units personnel military militaries warships ships "
    "aircraft delegation delegations navies observers".split(), not_after=r"\w"), needs="from")
#: the force noun that may stand between a country list and "took part" ("China's troops also took part")
_TAKING_PART_FORCES = (r"(?:\s+(?:troops|forces|servicemen|soldiers|contingents?|units|personnel|warships|ships|vessels|"
                       r"aircraft|jets|bombers|fighters|helicopters|navies|navy|military|militaries|marines))?")
#: "India, Belarus and Mongolia will also take part." in the sentence after a mention: a country list that
#: also takes part, or takes part with no object of its own (not "Japan joined the protests")
_ALSO_TOOK_PART = re.compile(rf"{_TAKING_PART_FORCES}(?:\s*,)?\s*(?:will\s+|would\s+|are\s+to\s+)?"
                             r"(?:also\s+(?:took|take|taking|takes)\s+part|also\s+participat\w*|"
                             r"(?:took|take|takes)\s+part\s*[.,;]|participat(?:ed|es|e)\s*[.,;])", re.IGNORECASE)
#: nouns for a country's forces in an exercise ("3,200 Chinese soldiers", "China sent warships")
_FORCES = (r"troops|soldiers|servicemen|service\s+members|sailors|marines|paratroopers|personnel|forces|units|"
           r"contingents?|warships|ships|vessels|destroyers|frigates|corvettes|submarines|aircraft|jets|bombers|"
           r"fighters|helicopters|tanks|vehicles")
#: "China sent 3,200 soldiers", "Mongolia also contributed a small contingent": after a country in the sentence
#: after a mention, a country that sends forces to it
_SENT_FORCES = re.compile(r"(?:['’]s\s+\w+)?\s+(?:also\s+|has\s+|have\s+|will\s+(?:also\s+)?|is\s+|are\s+)?"
                          r"(?:sent|send|sending|sends|contributed|contribute|contributes|contributing|dispatched|"
                          r"dispatch|dispatching)\s+"
                          r"(?:(?:about|some|around|nearly|almost|roughly|over|more\s+than|up\s+to)\s+)?"
                          rf"(?:an?\s+|its\s+|their\s+|[\d,.]+\s+)?(?:[\w\-]+\s+){{0,2}}?(?:{_FORCES})\b",
                          re.IGNORECASE)
_LIBERATION_BEFORE = re.compile(r"Liberation\s+$", re.IGNORECASE)
#: between two countries named together: "Chinese and Russian", "Russia-China", "China, Russia"
_PAIRED = re.compile(r"\s*(?:,|and|&|-|–|/|,\s*and)\s*")
#: after two countries named together, what makes them the watchers of an exercise, not its participants
_WATCHER_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w\-]+\s+){0,3}?(?:intercept\w*|scrambl\w*|track(?:s|ed|ing)?|shadow\w*|"
                            r"monitor\w*|tail(?:s|ed|ing)?|warn(?:s|ed)?|spotted|detect(?:s|ed|ing)?|"
                            r"observ(?:es|ed|ing))\b", re.IGNORECASE)
#: before a country, words that make it a place rather than a party ("near Japan", "border with Poland")
_PLACE_PREPS = frozenset(("near", "off", "over", "around", "toward", "towards", "bordering"))
_BORDER_NOUNS = frozenset(("border", "borders", "frontier"))
#: nouns after a country that make it the owner of a place ("Japanese waters", "the Polish border")
_PLACE_NOUNS = r"border|borders|frontier|waters|airspace|skies|coast|coastline|territorial|air\s+defen[cs]e|exclusive"
_PLACE_USE_AFTER = re.compile(rf"(?:['’]s)?\s+(?:{_PLACE_NOUNS})\b", re.IGNORECASE)
_WATCHED_BY = re.compile(r"\b(?:watched|shadowed|monitored|tracked|tailed|followed|intercepted|observed)\s+by\s+"
                         r"(?:the\s+)?$", re.IGNORECASE)
_ROMAN_SUFFIX = re.compile(r"-[IVX]+$")
_ONE_WORD = re.compile(r"\w+(?:[\s\-–—]+\d{1,2})?")
#: a word of armed forces in a sentence whose exercise word is a verb ("bombers exercised together")
_MILITARY_NOUN = re.compile(r"\b(?:military|militaries|army|armies|navy|navies|naval|air\s+forces?|armed\s+forces|troops|"
                            r"soldiers|forces|warships|bombers|fighters|marines|servicemen|sailors|paratroopers|"
                            r"destroyers|frigates|submarines|aircraft)\b", re.IGNORECASE)
#: words of civil life that make an exercise word no military one ("fitness", "airshow", "code-share")
_NOT_MILITARY = re.compile(r"\b(?:fitness|gym|workout|sports?|oil\s*field|gas\s*field|oil\s+wells?|drilling\s+rigs?|airshow|air\s+show|"
                           r"aerobatic|code-?share|airlines?|passengers?|flights?\s+will\s+be\s+operated)\b",
                           re.IGNORECASE)
_SEPARATE = frozenset(("separate", "separately", "independent"))
#: "live" before "fire drills": firing, not a fire drill
_MILITARY_FIRE = frozenset(("live", "artillery", "anti-aircraft", "gun", "naval", "missile", "rocket", "mortar", "tank"))
#: after "which"/"that" describing a mention, a capitalised subject of its own ("which Japan's ministry tracked")
_OTHER_SUBJECT = re.compile(r"\s+(?:the\s+)?[A-Z]")
#: after forces sent, where they went that is not the exercise ("to the front line", "to the area")
_SENT_ELSEWHERE = re.compile(r"[^.;]*?\bto\s+(?:the\s+)?(?:front|area|region|border|scene|Middle\s+East)\b", re.IGNORECASE)
#: forces that are sent to meet others, not to drill with them, unless sent to the exercise
_INTERCEPTORS = re.compile(r"\b(?:jets|fighters|interceptors)\b", re.IGNORECASE)
_TO_THE_EXERCISE = re.compile(r"[^.;]*?\bto\s+(?:the\s+|take\s+part|join|participate)(?:[\w\-]+\s+){0,3}?"
                              r"(?:exercises?|drills?|war\s*games?|man(?:oeu|eu)v\w*|part|patrols?)?", re.IGNORECASE)
_QUOTE_MARKS = frozenset("\"“”‘’'«»")
#: between a mention and an exercise word that describes it ("Vostok-2018, its biggest military exercise")
_APPOSITIVE_GAP = re.compile(r"\s*,\s*(?:its|their|the|a|an)\s+(?:[\w\-]+\s+){0,4}")
#: "Japan sent warships to monitor it": forces sent to watch, not to take part
_WATCH_PURPOSE = re.compile(r"[Tt]o\s+(?:monitor|watch|shadow|track|observe|tail|follow|intercept|escort|counter)\b")
#: a paragraph after a mention that tells of something else ("Chinese fighters also flew near Okinawa")
_OTHER_ACTION = re.compile(r"\b(?:also|separately|meanwhile|elsewhere|in\s+addition|ceremony)\b", re.IGNORECASE)
#: a word of every pattern :func:`_also_taking_part` reads (a test on the lower-case text)
_TAKING_PART_WORDS = ("part", "sen", "contribut", "dispatch", "deploy", "fielded")
#: "Vostok-2018, for which China sent 3,200 troops", "in which India took part": a relative clause after a mention
_FOR_WHICH = re.compile(r"[\"”’'»]?(?:\s*,)?\s*(?:for|to|in)\s+which\s+(?:the\s+)?", re.IGNORECASE)
#: a verb of taking part anywhere in a sentence ("Troops from China ... are taking part alongside ...")
_TAKING_PART_VERB = re.compile(r"\b(?:tak(?:e|es|ing)|took)\s+part\b|\bparticipat", re.IGNORECASE)
#: "China, India and Belarus also took part", "with Chinese ships taking part" (a force noun may come between)
_TOOK_PART = re.compile(rf"{_TAKING_PART_FORCES}"
                        r"(?:\s*(?:,\s*)?(?:also\s+|will\s+also\s+|will\s+)?(?:took|take|taking|takes)\s+part\b|"
                        r"\s*(?:also\s+)?(?:participated|participating|participate|joined|joining|sent\s+troops)\b)",
                        re.IGNORECASE)
#: "involved some 300,000 Russian troops, along with 3,200 Chinese soldiers": after the mention, an involving
#: verb or preposition opens a list whose nationalities, each before a force noun, are contingents.
_INVOLVING = re.compile(r"[\"”’'»]?(?:\s*,)?\s*(?:(?:which|that)\s+)?(?:(?:will|would)\s+)?(?:also\s+)?"
                        r"(?:(?P<verb>involv(?:ed|es|e|ing)|includ(?:ed|es|e|ing)|featur(?:ed|es|e|ing)|brought\s+together)|"
                        r"with|along\s+with|alongside|together\s+with)\b", re.IGNORECASE)
_FORCE_NOUN = re.compile(r"\s+(?:(?:military|navy|naval|air\s+force|army|marine|strategic|fighter|combat|"
                         rf"[\w\-]*\d[\w\-]*)\s+)?(?:{_FORCES})\b", re.IGNORECASE)
#: "in what the Japanese defence ministry called a joint patrol": the country there is the source
_WHAT_CALLED = _CaseFree(r"\bwhat\s+([^,;:!?]{1,80}?)\s+(?:called|calls|described\s+as|describes\s+as|termed|"
                          r"terms|dubbed|labell?ed|characteri[sz]ed\s+as)\s+(?:an?\s+|the\s+)?$", needs="what")
#: "what Moscow and Beijing said was their first joint patrol": the countries that said it hold it
_WHAT_SAID_THEIR = _CaseFree(r"\bwhat\s+([^,;:!?]{1,80}?)\s+(?:said|say|says|described|describe|describes|called|"
                             r"call|calls)\s+(?:was|were|is|are|as|would\s+be|will\s+be)\s+(?:their|its)\s+$",
                             needs="what")
#: after a sender verb (vocabulary "sender"): "China will send more than 2,000 troops ... to Russia's Vostok 2022
#: exercises": the sender takes part, and what it sends gives the domains and assets
_SENT_TO_TAIL = (r"\b[^.;:!?]{0,160}?\b(?:to|for)\s+(?:(?:take\s+part|participate)\s+in\s+|join\s+)?"
                 r"(?:the\s+|its\s+|their\s+|this\s+year['’]s\s+|next\s+month['’]s\s+)?(?:[\w\-]+['’]s?\s+)?$")
#: A name the series register does not know, given in apposition ("drills, code-named Aerospace Security-2017")
#: or with a year suffix before an exercise word ("the Cooperation-2024 drills"): one to four capitalised words.
_UNLISTED_WORDS = r"[A-Z][A-Za-z]+(?:(?:\s*/\s*|[\s\-]+)[A-Z][A-Za-z]+){0,3}"
_UNLISTED_YEAR = r"[\s\-–—]*(?P<year>(?:19|20)\d\d)(?P<tag>[A-Da-d])?(?![\w])"
_UNLISTED_AFTER = re.compile(rf"(?P<alias>{_UNLISTED_WORDS})(?:{_UNLISTED_YEAR})?(?![\w\-])")
_UNLISTED_BEFORE = re.compile(rf"(?<![\w\-])(?P<alias>{_UNLISTED_WORDS})[\-–—](?P<year>(?:19|20)\d\d)(?P<tag>[A-Da-d])?"
                              rf"[\s‘’'\"“”«»]*$")
_WORD_OR_GAP = re.compile(r"[A-Za-z]+|[^A-Za-z]+")
_COORDINATOR = re.compile(r"\b(?:and|but|while|whereas)\b|[,;]")
_SUCH_ORDINAL = re.compile(rf"\s*(?:the|its|their)\s+(?P<ord>{_ORDINAL})\s+(?:such\s+)?"
                           r"(?:(?:[\w\-]+\s+){0,3}?(?:patrol|exercise|drill|maneuver|manoeuvre)s?\b|since\s+(?:19|20)\d\d\b)",
                           re.IGNORECASE)
_PUNCTUATION = re.compile(r"[,;:.!?]")
_PARTICIPLE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|that|these|those|\w+ly)\s+$", re.IGNORECASE)
#: a word after "patrolled" that makes it an adjective: anything but a preposition, article, adverb or a place
_NOUN_AFTER = re.compile(r"\s+(?!(?:near|over|in|inside|around|off|along|the|through|across|together|jointly|into|"
                         r"past|for|on|at|by|with|from|toward|towards|close|within|above|waters|airspace|skies|"
                         r"and|or|as|while|when|after|before|until|since|for)\b)[a-z]")
_OBJECT_LEAD = re.compile(r"\s+(?:the\s+)?")
_PASSIVE_BY = re.compile(r"\s+(?:(?:was|were|is|are|will\s+be|have\s+been|has\s+been|being)\s+)?(?:jointly\s+)?"
                         r"(?:held|conducted|staged|carried\s+out|organi[sz]ed|hosted|flown|performed)\s+by\b",
                         re.IGNORECASE)
_PART_LEAD = re.compile(r"\s+(?:between|with|involving|among|alongside|together\s+with|by|of|"
                        r"(?:led|hosted|organi[sz]ed|run)\s+by)\s+", re.IGNORECASE)
_PART_SKIP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+|both\s+)?", re.IGNORECASE)
_PART_TAIL = re.compile(r"\s+(?:armed\s+forces|military|militaries|navy|navies|air\s+force|air\s+forces|army|armies|"
                        r"troops|forces|warships|ships|aircraft|bombers)\b", re.IGNORECASE)
_REL_CLAUSE = re.compile(r"\s+(?:that|which)\s+([^.,;:!?“”\"]{0,80}?)", re.IGNORECASE)
_APPOSITION = re.compile(r"(?:\s*,)?\s*(?:dubbed|called|named|code-?named|known\s+as|titled)\s+[‘'\"“«]?", re.IGNORECASE)
#: between a mention and the country that hosts it: "drills (were held / hosted) in", "exercise hosted by"
_HOST_LEAD = re.compile(r"(?:\s*,)?\s*(?:(?:which|that)\s+)?(?:(?:was|were|is|are|will\s+be|to\s+be|being|be|been|"
                        r"has\s+been|have\s+been)\s+)?(?:(?:held|hosted|staged|conducted|organi[sz]ed|"
                        r"tak(?:ing|es?)\s+place|took\s+place|under\s*way|began|begins|started|starts|opened|"
                        r"(?:will\s+)?(?:begin|start|run)|ran|runs|kicked\s+off)\s+)?"
                        r"(?:(?:on|this|last|next)\s+[A-Z]?[a-z]+\s+)?"  # "on Monday", "this week"
                        r"(?:at\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}(?:training\s+grounds?|ranges|grounds|bases|sites|"
                        r"polygons)\s+)?(?:in|across|hosted\s+by)\s+(?:the\s+|both\s+)?")
#: after a country, what makes it a place's owner rather than the host ("in Japan's air defence zone")
_NOT_HOST_AFTER = re.compile(rf"[’']s|\s+(?:{_PLACE_NOUNS}|embassy|media|officials?|government|ministry|president)\b",
                             re.IGNORECASE)
#: "..., which will also involve China and Pakistan" after the mention's place or time: a list of participants
_REL_INVOLVING = re.compile(r"\b(?:which|that)\s+(?:will\s+|would\s+|is\s+to\s+)?(?:also\s+)?"
                            r"(?:involv|includ)\w*\s+(?:the\s+)?",
                            re.IGNORECASE)
_ADJACENT = re.compile(r"[\s‘’'\"“”«»]*")
_CLAUSE_END = re.compile(r"[,;:.!?…—–(]")
_ABBREVIATION_GOES_ON = re.compile(r"(?<=[A-Za-z])\.\s+(?=\d|[a-z])")
_MOTION = _CaseFree(r"(?:%s)\b" % trie_alternation(
    "flew flown sailed passed transited entered crossed traveled travelled moved headed cruised conducted held "
    "practiced practised involved involve involves involving participated participating".split(),
    not_after=r"\w"))
_MODAL_BEFORE = re.compile(r"\b(?:will|would|shall|to|plans?|planned|could|might|set\s+to)\s+(?:\w+\s+)?$",
                           re.IGNORECASE)
_APPEARS_TO = re.compile(r"\b(?:appear|appears|appeared|seem|seems|seemed)\s+to\s+(?:be\s+|have\s+(?:been\s+)?)?$",
                         re.IGNORECASE)
#: the bare verbs a modal earlier in the sentence may govern across "and" ("will ..., and later hold")
_BARE_FORMS = frozenset(("hold", "conduct", "stage", "carry out", "launch", "start"))
_AND_BEFORE = re.compile(r"\band\s+(?:later\s+|then\s+|also\s+|subsequently\s+)?$", re.IGNORECASE)
_MODAL_EARLIER = re.compile(r"\b(?:will|would|shall|plans?\s+to|planning\s+to|(?:is|are)\s+(?:set\s+|expected\s+)?to)"
                            r"\s+[^.;!?]*$", re.IGNORECASE)
_EXERCISE_VERB = re.compile(r"\s+(?:its|their|his|her|our|restraint|caution|control|power|the\s+right|rights?|"
                            r"authority|sovereignty|influence|leverage|patience|judge?ment|care|vigilance|"
                            r"of\s+(?:power|rights?|sovereignty|authority|jurisdiction|the\s+right))\b", re.IGNORECASE)
_CALLED = re.compile(r"(?:dubbed|called|named|code-?named|known\s+as)\s+[‘'\"“]?$")
_LIST_SEP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_THAT = re.compile(r"\s+that\b")
_COORDINATED = re.compile(r"[\s,]*(?:and|or|as\s+well\s+as)?[\s,]*")
_TO_VERB = re.compile(r"\b(?:to|will|would|and|can|could)\s+$", re.IGNORECASE)
_VERB_OBJECT = re.compile(r"\s+(?:the|its|their|a|an|these|those|this)\b", re.IGNORECASE)
_LEAD_YEAR = re.compile(r"\b(?:[Aa]s|[Ii]n|[Dd]uring|[Tt]hroughout|[Bb]y|[Oo]f)\s+(?:(?:late|early|mid)[\s\-]+)?"
                        r"((?:19|20)\d\d)\b")
_ASIDE = re.compile(r",\s*(?:prompting|forcing|causing|after|while|as|amid|which|when|and\s+(?:Japan|South\s+Korea|"
                    r"Taiwan|the\s+US)|in\s+response)\b", re.IGNORECASE)
_THINK_TANK = re.compile(r"think[\s\-]+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.,;:!?“”\"]")
_COMMA_OR_STOP = re.compile(r"[.,;]")
_SENTENCE_BREAK = re.compile(r"[.;:!?]")


# ---- the sentence pass ---------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Cand:
    """A mention being built: local offsets into the sentence text."""

    start: int
    end: int
    kind: str
    head: tuple[int, int] | None = None  # the exercise word
    name: str = ""
    series: _Series | None = None
    name_year: int | None = None
    edition: int | None = None
    context_start: int | None = None  # where the clause context starts when the span is a name only
    definite: bool = False
    joint: bool = False
    premod_countries: int = 0
    part_countries: list = field(default_factory=list)
    part_group: bool = False
    rel_clause: tuple[int, int] | None = None
    agent: tuple[int, int] | None = None  # the "held by X and Y navies" phrase after a passive verb
    places: list = field(default_factory=list)
    status: str | None = None
    status_perfect: bool = False
    status_cued: bool = False


def _sentence_facts(text: str, rules: _Rules):
    """The places in a sentence, and its countries that are not inside a place or an outlet's name. Where a
    country and a place overlap the longer wins: "South China Sea" is a place, "South Africa" a country."""
    places = find_places(text)
    countries = find_countries(text, CountryTuple)
    if countries and places:
        places = [p for p in places if not any(c.start <= p.start and p.end <= c.end and
                                               c.end - c.start > p.end - p.start for c in countries)]
    if countries:
        masked = [(p.start, p.end) for p in places]
        masked += [m.span() for m in rules.media.finditer(text)]
        if masked:
            countries = [c for c in countries if not any(s < c.end and c.start < e for s, e in masked)]
    return places, countries


def _cues(text: str, rules: _Rules) -> list[tuple[int, int, str]]:
    """The exercise words in a sentence as (start, end, kind), leaving out verbs ("exercise restraint",
    "to patrol the border")."""
    cues = []
    low = getattr(text, "low", None)  # None: a text whose lower case does not line up with it ("İ")
    for m in rules.cue.finditer(text):
        word = _norm(m.group(0))
        if word.startswith("exercise") and _EXERCISE_VERB.match(text, m.end()):
            continue
        if word in ("patrol", "patrols", "drill", "drills") and _VERB_OBJECT.match(text, m.end()) and \
                _TO_VERB.search(text[max(0, m.start() - 8):m.start()]):
            continue
        if word in ("patrolled", "patrolling") and (_PARTICIPLE_BEFORE.search(text, max(0, m.start() - 25), m.start())
                                                    or _NOUN_AFTER.match(text, m.end())):
            continue  # "a heavily patrolled border", "patrolling vessels": an adjective, not the clause's verb
        before = low[max(0, m.start() - 40):m.start()] if low is not None else text[max(0, m.start() - 40):m.start()].lower()
        words = before.split()[-3:]  # a slice and a split: cheaper than a pattern
        if words and (words[-1] in rules.civil or " ".join(words[-2:]) in rules.civil) and \
                not (len(words) > 1 and words[-2] in _MILITARY_FIRE):
            continue  # "a routine fire drill", "an air raid drill" (not "live fire drills", not "live-fire")
        if _SEPARATE.intersection(words):
            continue  # "warships, which conduct separate anti-piracy patrols": each its own
        if word.startswith("joint flight") and not _military_flight(text, rules):
            continue  # a joint flight of airlines or display teams, not of bombers
        if word.endswith(" together") and not (_MILITARY_NOUN.search(text) and not _NOT_MILITARY.search(text)):
            continue  # "crews drilled together at the oil field", "cadets exercised together at the gym"
        kind = rules.cue_kind.get(word)
        if kind is not None:  # None: a case-insensitive match of a letter lower() does not fold ("ſ" for "s")
            cues.append((m.start(), m.end(), kind))
    return cues


def _military_flight(text: str, rules: _Rules) -> bool:
    """Whether a sentence with "joint flight" names military aircraft by type or as bombers (not "jets" of an
    airline's code-share, not a display at an airshow)."""
    if _NOT_MILITARY.search(text):
        return False
    for a in rules.asset.finditer(text):
        asset, domain, specific = rules.asset_of.get(_ASSET_SEPARATORS.sub("", a.group(0).lower()), ("", "", False))
        if domain == "air" and (specific or "bomber" in a.group(0).lower()):
            return True
    return False


def _names(text: str, rules: _Rules, places_of: Callable[[], list], cue_spans, numbered, series) -> list[_Cand]:
    """The series names in a sentence, from the matches of ``rules.numbered`` and ``rules.series`` in it.
    ``places_of()`` gives the sentence's places; it is only called for a name the other tests keep."""
    out = []
    place_spans = None
    for m in numbered:
        s = rules.numbered_of.get(_norm(m.group("alias")))
        if s is None:
            continue
        n = _edition(m.group("ord"))
        out.append(_Cand(m.start(), m.end(), s.kind, name=f"{s.series}-{n}", series=s, edition=n))
    for m in series:
        hit = rules.series_of.get(_norm(m.group("alias")))
        if hit is None or (m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_")):
            continue
        s, ambiguous = hit
        year, tag, roman, num = m.group("year"), m.group("tag"), m.group("roman"), m.group("num")
        if ambiguous and not (year or roman):
            before = text[max(0, m.start() - 30):m.start()]
            near_cue = any(0 <= m.start() - ce <= 3 or 0 <= cs - m.end() <= 25 and
                           not _COMMA_OR_STOP.search(text, m.end(), cs) for cs, ce in cue_spans)
            if not (near_cue or _CALLED.search(before)):
                continue
        if any(c.start < m.end() and m.start() < c.end for c in out):
            continue
        if place_spans is None:
            place_spans = [(p.start, p.end) for p in places_of()]
        if any(a < m.end() and m.start() < b for a, b in place_spans):
            continue
        end = m.end() if (year or roman or num) else m.start() + len(m.group("alias"))
        suffix = (year + (tag.upper() if tag else "")) if year else (roman or num or "")
        name = f"{s.series}-{suffix}" if suffix else s.series
        out.append(_Cand(m.start(), end, s.kind, name=name, series=s, name_year=int(year) if year else None))
    return sorted(out, key=lambda c: c.start)


def _edition(ordinal: str) -> int:
    """The number an ordinal says: "ninth" -> 9, "10th" -> 10, "NİNTH" (as a case-insensitive match reads it) -> 9."""
    word = lower_as_matched(ordinal)
    return _ORDINALS.get(word) or int(re.match(r"\d+", word).group(0))


def _name_by_following_ordinal(text: str, c: _Cand, rules: _Rules) -> None:
    """ "a joint maritime patrol in the Pacific, the fourth such patrol since 2021": the numbered series
    the mention's own words name, with the edition the apposition after it gives."""
    stop = _PUNCTUATION.search(text, c.end, c.end + 81)  # the clause's first comma, within 80 characters
    if c.head is None or stop is None or stop.group() != "," or (m := _SUCH_ORDINAL.match(text, stop.end())) is None:
        return
    words = _norm(text[c.start:c.head[1]])
    series = next((s for alias, s in rules.numbered_of.items() if words == alias or words.endswith(" " + alias)), None)
    if series is None:
        return
    n = _edition(m.group("ord"))
    c.name, c.series, c.edition = f"{series.series}-{n}", series, n
    c.kind, c.joint = series.kind, True


def _unlisted_names(text: str, cands: list[_Cand], names: list[_Cand], countries, rules: _Rules) -> list[_Cand]:
    """Names of exercises the register does not list: capitalised words in apposition to an exercise word
    ("joint anti-missile drills, code-named Aerospace Security-2017") or, with a year suffix, just before one
    ("the Cooperation-2024 drills"). Leading determiners and country words are not part of the name."""
    out = []
    for c in cands:
        found, in_apposition = None, False
        if (m := _APPOSITION.match(text, c.end)) and (n := _UNLISTED_AFTER.match(text, m.end())):
            found, in_apposition = n, True
        elif c.head is not None and \
                _may_hold_year(text, max(0, c.start - 60), c.start) and \
                (n := _UNLISTED_BEFORE.search(text, max(0, c.start - 60), c.start)):
            found = n
        if found is None:
            continue
        start, end = found.start("alias"), found.end()
        if in_apposition and (_WORD_OR_GAP.match(text, start).group() in rules.not_name or
                              any(x.start == start for x in countries)):
            continue  # "called The Big One", "dubbed Russian Thunder": not a name as given
        for word in _WORD_OR_GAP.finditer(text, start, found.end("alias")):  # drop leading "The", "Russian", ...
            if word.start() < start:
                continue  # inside a country's name skipped below
            country = next((x for x in countries if x.start == start), None)
            if country is not None:
                start = country.end
            elif word.group().isalpha() and word.group() not in rules.not_name:
                break
            else:
                start = word.end()
        if start >= found.end("alias") or any(o.start < end and start < o.end for o in names):
            continue
        base = re.sub(r"\s+", " ", re.sub(r"\s*/\s*", "/", text[start:found.end("alias")])).strip(" -")
        year, tag = found.group("year"), found.group("tag")
        name = f"{base}-{year}{(tag or '').upper()}" if year else base
        kind = "patrol" if c.kind == "patrol" else "exercise"
        out.append(_Cand(start, end, kind, name=name, name_year=int(year) if year else None,
                         series=_Series(base, kind, (), (), False, {}, listed=False)))
    return out


def _left_premods(text: str, head_start: int, rules: _Rules, countries) -> tuple[int, bool, bool, int]:
    """Walk left over the modifiers of an exercise word: (start, definite, joint, countries in the modifiers).

    Reads at most 120 characters back, cutting the tokens only as far as the walk goes."""
    lo = max(0, head_start - 120)
    rev = text[lo:head_start][::-1]
    tokens = _tokens_before(rev, head_start)
    countries = [c for c in countries if lo <= c.start < head_start] if countries else []  # those in the window
    start, joint, codes = head_start, False, set()
    before = -1  # where the token read just before this one (to its right) starts
    tok = next(tokens, None)
    while tok is not None:
        a, b = tok
        multi = _multi_premod(text, b, rules)
        if multi:  # "air force": the tokens inside it are one modifier
            start = b - len(multi)
            while tok is not None and tok[0] >= start:
                before = tok[0]
                tok = next(tokens, None)
            continue
        w = text[a:b]
        lw = w.lower()
        found = _countries_in(countries, a, b)
        if found or _is_modifier(lw, rules):
            joint |= lw in rules.joint
            codes.update(c.alpha3 for c in found)
            if lw.startswith("sino-"):
                codes.add("CHN")
            start = a
        elif w in _QUOTE_MARKS:
            pass  # joint "anti-terrorist" exercises: a quoted modifier
        elif lw in ("and", ",", "&") and start == before:
            after = next(tokens, None)
            if after is None or not (_is_modifier(text[after[0]:after[1]].lower(), rules) or
                                     _countries_in(countries, *after)):
                break
            before, tok = a, after  # "air and naval patrols", "Russian and Chinese joint drills"
            continue
        else:
            break
        before = a
        tok = next(tokens, None)
    joint |= len(codes) >= 2
    word = _REVERSED_WORD.match(rev, head_start - start)  # the word before the mention, spaces aside
    last = word.group(1)[::-1] if word.end() < len(rev) or lo == 0 else _last_word(text, start)
    return start, last.lower() in _DEFINITE, joint, len(codes)


def _tokens_before(rev: str, hi: int) -> Iterator[tuple[int, int]]:
    """The tokens of a window of text that ends at ``hi``, given reversed (``rev``), right to left, as (start,
    end) offsets into the text, each cut when it is read. A token is a run of word characters, apostrophes
    and hyphens, or any other character but a space by itself: a run reads the same both ways."""
    return ((hi - m.end(), hi - m.start(1)) for m in _REVERSED_TOKEN.finditer(rev))


def _is_modifier(word: str, rules: _Rules) -> bool:
    """A (lower-case) word that may stand before an exercise word inside a mention, a country aside."""
    return word in rules.premod or word in rules.joint or (
        (word[:1].isdecimal() or word.startswith("sino-")) and _NUMBERED_PREMOD.fullmatch(word) is not None)


def _countries_in(countries, a: int, b: int) -> list:
    """The countries that make up the token text[a:b] (a possessive may reach two characters past it)."""
    return [c for c in countries if a <= c.start < b and c.end <= b + 2] if countries else []


def _multi_premod(text: str, end: int, rules: _Rules) -> str | None:
    """The longest multi-word modifier ("air force") that ends at ``end``, as a word, or None."""
    for m in rules.premod_multi_by_end.get(text[max(0, end - 3):end].lower(), ()):
        begin = end - len(m)
        if begin >= 0 and text[begin:end].lower() == m and (begin == 0 or not text[begin - 1].isalnum()):
            return m
    return None


def _last_word(text: str, end: int) -> str:
    """The run of word characters and apostrophes that ``text[:end]`` ends with, spaces aside ("" if none)."""
    j = end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_’'"):
        i -= 1
    return text[i:j]


def _extend_right(text: str, c: _Cand, rules: _Rules, place_at: dict, country_at: dict, verbal: bool = False) -> None:
    """Take in the place, participant and relative-clause phrases after the exercise word (``place_at``,
    ``country_at``: the sentence's places and countries by start; ``verbal``: the exercise word is a verb,
    whose object may be the place, as in "patrolled the Bering Sea")."""
    pos = c.end
    for step in range(6):
        m = _LOC_LEAD.match(text, pos) if place_at else None
        if step == 0 and verbal and place_at and not (m and m.end() in place_at):
            m = _OBJECT_LEAD.match(text, pos)
        if m and m.end() in place_at:
            p = place_at[m.end()]
            c.places.append(p)
            pos = p.end
            while True:
                more = _LOC_LIST.match(text, pos)
                if more and more.end() in place_at and more.end() > pos:
                    p = place_at[more.end()]
                    c.places.append(p)
                    pos = p.end
                else:
                    break
            continue
        m = _PART_LEAD.match(text, pos)
        if m:
            q, found, group = m.end(), [], False
            while True:
                g = rules.group.match(text, q)
                if q in country_at:
                    found.append(country_at[q])
                    q = country_at[q].end
                    t = _PART_TAIL.match(text, q)
                    q = t.end() if t else q
                elif g:
                    group, q = True, g.end()
                    t = _PART_TAIL.match(text, q)
                    q = t.end() if t else q
                else:
                    skip = _PART_SKIP.match(text, q)
                    nq = skip.end()
                    if nq > q and (nq in country_at or rules.group.match(text, nq)):
                        q = nq
                        continue
                    break
            if found or group:
                c.part_countries.extend(found)
                c.part_group |= group
                pos = q
                continue
        m = _REL_CLAUSE.match(text, pos)
        if m:
            inner_start = m.start(1)
            hold = None
            for h in rules.hold.finditer(text, inner_start, min(len(text), inner_start + 90)):
                if not _CLAUSE_BREAK.search(text, inner_start, h.start()):
                    hold = h
                    break
            if hold is not None:
                c.rel_clause = (pos, hold.end())
                pos = hold.end()
                continue
        break
    c.end = pos


def _subject_verb(text: str, lo: int, hi: int, c: _Cand, hold_here: bool, rules: _Rules) -> bool:
    """A holding verb or a status cue in text[lo:hi] (the mention's clause before it), or the mention's
    own "jointly": what makes the countries there the subject of the mention; not when the verb is
    negated ("Japan refused to take part in")."""
    return bool(hold_here or rules.status.search(text, lo, hi)
                or (c.head is not None and _is_verb_cue(text[c.head[0]:c.head[1]]))) and \
        not rules.negation.search(text, lo, hi)


def _is_verb_cue(cue: str) -> bool:
    """A cue that is the verb of its clause ("jointly patrolled", "patrolling", "exercised together"), or that
    starts with "joint" ("joint cruise"): the mention starts at it, and the countries before it are its subject."""
    low = cue.lower()
    return low.startswith("joint") or low.removesuffix(" together").endswith(("ed", "ing"))


def _place_use(text: str, start: int) -> bool:
    """Whether the words before a country at ``start`` make it a place ("near Japan", "on the border with
    Poland"); a slice and a split, cheaper than a pattern on the many countries an article names."""
    words = text[max(0, start - 24):start].lower().split()[-3:]
    if words and words[-1] == "the":
        words.pop()
    if not words:
        return False
    return words[-1] in _PLACE_PREPS or (words[-1] == "with" and len(words) > 1 and words[-2] in _BORDER_NOUNS)


def _named_pairs(text: str, countries, headline: bool) -> list[frozenset]:
    """The pairs of countries a sentence names together and alone ("Chinese and Russian bombers",
    "Russia-China"; "China, Russia" in a headline), not in a longer list, not as the watchers
    ("US and Canadian jets intercepted", "watched by Chinese and Russian ships")."""
    close = [k for k in range(1, len(countries)) if countries[k].start - countries[k - 1].end <= 7]
    if not close:
        return []  # the common case: no two countries side by side
    joined = [False] * len(countries)
    for k in close:
        m = _PAIRED.fullmatch(text, countries[k - 1].end, countries[k].start)
        joined[k] = m is not None and (headline or "," not in m.group())
    out = []
    for k in close:
        a, b = countries[k - 1], countries[k]
        if not joined[k] or a.alpha3 == b.alpha3 or (k > 1 and joined[k - 1]) or \
                (k + 1 < len(countries) and joined[k + 1]):
            continue
        if _WATCHER_AFTER.match(text, b.end) or _WATCHED_BY.search(text, max(0, a.start - 30), a.start):
            continue
        out.append(frozenset((a.alpha3, b.alpha3)))
    return out


def _past_verb_cue(text: str, c) -> bool:
    """Whether the mention starts at an exercise word that is a verb in the past ("jointly patrolled",
    "exercised together"): it was held, whatever follows ("... to deepen mutual trust")."""
    if c.head is None or c.start != c.head[0]:
        return False
    words = text[c.head[0]:c.head[1]].lower().split()
    return any(w.endswith("ed") for w in words)


def _two_parties(text: str, lo: int, hi: int, countries, rules: _Rules) -> bool:
    """Two countries, or a group noun ("the two navies"), in text[lo:hi]."""
    return len({x.alpha3 for x in countries if lo <= x.start < hi}) >= 2 or rules.group.search(text, lo, hi) is not None


def _country_list(text: str, pos: int, country_at: dict) -> tuple[list, int]:
    """Countries listed from ``pos`` ("China, India and Belarus"), and where the list ends."""
    found = []
    while pos in country_at:
        found.append(country_at[pos])
        pos = country_at[pos].end
        sep = _LIST_SEP.match(text, pos)
        if sep and sep.end() in country_at:
            pos = sep.end()
        else:
            break
    return found, pos


def _hosts(text: str, end: int, country_at: dict) -> list:
    """The countries a mention ending at ``end`` is said to be held in or hosted by ("drills held in Belarus
    and Russia", "an exercise hosted by Iran"): a host takes part. Names only ("in Moscow" is a place);
    not a country that owns what follows ("in Japan's air defence zone", "in Japanese waters")."""
    lead = _HOST_LEAD.match(text, end)
    if lead is None or lead.end() not in country_at:
        return []
    found, _ = _country_list(text, lead.end(), country_at)
    if any(_NOT_HOST_AFTER.match(text, x.end) or text[x.end - 2:x.end] in ("’s", "'s") for x in found):
        return []  # "in Japan and South Korea's air defence zones": the list owns the place
    return [x for x in found if x.kind == "name"]


def _contingents(text: str, lo: int, hi: int, countries, country_at: dict, rules: _Rules,
                 after: int | None = None) -> list:
    """Countries said to send troops to, or take part in, the exercise in text[lo:hi] (``countries`` in
    order, ``country_at``: the same by start); from ``after`` (the mention's end) on, also the nationalities
    of the forces an involving verb lists ("involved 300,000 Russian troops and 3,200 Chinese soldiers")."""
    out = []
    for m in _CONTINGENT.finditer(text, lo, hi):
        out += _country_list(text, m.end(), country_at)[0]
    if after is not None and ("which" in (window := text[after:after + 80].lower()) or "that" in window) and \
            (rel := _REL_INVOLVING.search(text, after, min(hi, after + 80))) and \
            not _SENTENCE_BREAK.search(text, after, rel.start()):
        listed, list_end = _country_list(text, rel.end(), country_at)
        names = list(itertools.takewhile(lambda x: x.kind != "demonym" and text[x.end - 2:x.end] not in ("’s", "'s"),
                                         listed))  # not "..., the Indian ministry", "Vietnam's fishing grounds"
        if names and (len(names) < len(listed) or not text.startswith("-", list_end)):
            out += [x for x in names if x not in out]
    if after is not None and (which := _FOR_WHICH.match(text, after, hi)):  # "Vostok-2018, for which China sent"
        listed, list_end = _country_list(text, which.end(), country_at)
        if listed and (_SENT_FORCES.match(text, list_end) or _ALSO_TOOK_PART.match(text, list_end) or
                       _TOOK_PART.match(text, list_end)):
            out += [x for x in listed if x not in out]
    if after is not None and (inv := _INVOLVING.match(text, after, hi)):
        if inv.group("verb"):  # "which will also include India, Belarus and Mongolia" (names, not "Japanese-made")
            listed, list_end = _country_list(text, _PART_SKIP.match(text, inv.end()).end(), country_at)
            if listed and all(x.kind != "demonym" for x in listed) and not text.startswith("-", list_end):
                out += [x for x in listed if x not in out]
        stop = _SENTENCE_BREAK.search(text, inv.end(), hi)
        stop = stop.start() if stop else hi
        aside = _ASIDE.search(text, inv.end(), stop)
        stop = aside.start() if aside else stop
        for x in countries:
            if inv.end() <= x.start < stop and x.kind == "demonym" and (force := _FORCE_NOUN.match(text, x.end)) and \
                    not rules.watching.match(text, force.end()) and x not in out:
                out.append(x)
    for s in (x.start for x in countries if lo <= x.start < hi):
        if any(s == c.start for c in out):
            continue
        found, end = _country_list(text, s, country_at)
        if len(found) and _TOOK_PART.match(text, end):
            out += [c for c in found if c not in out]
    return out


def _is_habitual(text: str, lo: int, start: int, hi: int, rules: _Rules) -> bool:
    """A frequency word ("every year", "regularly") in the mention's own part of its clause: from the last
    coordinator or comma before it (``lo`` .. ``start``) to ``hi``."""
    for m in _COORDINATOR.finditer(text, lo, start):
        lo = m.end()
    return rules.habitual.search(text, lo, hi) is not None


def _also_taking_part(text: str, countries, rules: _Rules) -> list:
    """The countries a sentence after a mention lists as also taking part (:data:`_ALSO_TOOK_PART`), as
    sending forces ("China sent 3,200 soldiers", "Mongolia also contributed a small contingent", see
    :data:`_SENT_FORCES`), or whose troops are taking part ("Troops from China and India are taking part")."""
    country_at = {x.start: x for x in countries}
    out: list = []
    listed_to = -1
    for x in countries:
        if x.start < listed_to:
            continue
        found, listed_to = _country_list(text, x.start, country_at)
        if _ALSO_TOOK_PART.match(text, listed_to) or (
                (sent := _SENT_FORCES.match(text, listed_to)) and all(y.kind != "demonym" for y in found)
                and not _WATCH_PURPOSE.search(text, sent.end()) and not _SENT_ELSEWHERE.match(text, sent.end())
                and not (_INTERCEPTORS.search(sent.group()) and not _TO_THE_EXERCISE.match(text, sent.end()))):
            out += [y for y in found if y not in out]
    if _TAKING_PART_VERB.search(text) and not rules.negation.search(text):  # not "... will not take part"
        for m in _CONTINGENT.finditer(text):
            out += [y for y in _country_list(text, m.end(), country_at)[0] if y not in out]
    return out


def _status(text: str, lo: int, hi: int, rules: _Rules, last: bool = True):
    """The status cue nearest the mention in text[lo:hi]: (status, perfect) or None."""
    m = None
    if last:
        for m in rules.status.finditer(text, lo, hi):
            pass
    else:
        m = rules.status.search(text, lo, hi)
    if m is None:
        return None
    hit = rules.status_of.get(_norm(m.group(0)))
    if hit is None:  # a case-insensitive match lower() does not fold ("ſ")
        return None
    status, perfect = hit
    if status == "conducted" and _MODAL_BEFORE.search(text, max(0, m.start() - 30), m.start()) and \
            not _APPEARS_TO.search(text, max(0, m.start() - 30), m.start()):
        status = "planned"  # not "appeared to be conducting": seen under way
    elif status == "conducted" and _norm(m.group(0)) in _BARE_FORMS and \
            (joined := _AND_BEFORE.search(text, max(0, m.start() - 20), m.start())) and \
            _MODAL_EARLIER.search(text, max(0, joined.start() - 150), joined.start()):
        status = "planned"  # "will conduct drills in the Sea of Japan, and later hold the fourth joint patrol"
    return status, perfect


def _clause_right(text: str, pos: int, limit: int) -> int:
    """Where the clause that goes on at ``pos`` ends (before ``limit``); the full stop of an abbreviation
    followed by a number or a lower-case word ("in Sept. 2021", "Dec. 21") does not end it, nor does the
    separator inside a number ("10,000 troops", "2.5 tonnes")."""
    while (m := _CLAUSE_END.search(text, pos, limit)) is not None:
        i = m.start()
        if (m.group() == "." and _ABBREVIATION_GOES_ON.match(text, i)) or \
                (m.group() in ",." and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()):
            pos = m.end()
            continue
        return i
    return limit


class _ArticleContext:
    """What a mention may borrow from the rest of its article, computed only when needed."""

    def __init__(self, article, sentences, hit_index):
        self.article = article
        self.sentences = sentences
        self.hit_index = hit_index
        self._pair = None
        self._lead_year = False
        self.facts: dict[int, tuple] = {}  # sentence index -> (places, countries), shared with the sentence pass
        self.texts: dict[int, _Text] = {}

    def sentence_facts(self, idx: int):
        if idx not in self.facts:
            self.facts[idx] = _sentence_facts(self.sentences[idx].text, _rules())
        return self.facts[idx]

    def text_of(self, idx: int) -> _Text:
        """Sentence ``idx``'s text as a :class:`_Text`, made once."""
        if idx not in self.texts:
            self.texts[idx] = _Text(self.sentences[idx].text)
        return self.texts[idx]

    def top_countries(self) -> list[str]:
        """The pair of countries the article's title and exercise sentences most often name together
        ("Chinese and Russian bombers", "Russia-China"): the countries named most may be those that watched
        (Japan, scrambling jets). With no such pair, the two countries those sentences and the ones just
        before them name most, leaving out countries named as places ("near Japan")."""
        if self._pair is None:
            hits = {i for i, hit in enumerate(self.hit_index) if hit}
            wanted = hits | {i for i, s in enumerate(self.sentences) if s.zone == "title"}
            pairs: Counter = Counter()
            for i in wanted:
                self._pairs_in(i, pairs)
            if not pairs:
                wanted |= {i - 1 for i in hits if i > 0}
                for i in wanted - hits:
                    self._pairs_in(i, pairs)
            counts, first = self._counts(wanted, places_out=not pairs)
            ranked = [code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))]
            if pairs:
                best = max(pairs.values())
                pair = min((p for p, n in pairs.items() if n == best), key=lambda p: min(first[x] for x in p))
                ranked = [code for code in ranked if code in pair]
            self._pair = ranked[:2]
        return self._pair

    def _pairs_in(self, i: int, pairs: Counter) -> None:
        """Add the pairs of countries sentence ``i`` names together (see :func:`_named_pairs`) to ``pairs``."""
        found = self.sentence_facts(i)[1]
        if len(found) > 1:
            sent = self.sentences[i]
            for pair in _named_pairs(sent.text, found, sent.zone == "title"):
                pairs[pair] += 1

    def _counts(self, indices: set[int], places_out: bool) -> tuple[Counter, dict]:
        """How often sentences ``indices`` name each country, and where each is first named; with
        ``places_out``, not counting a country named as a place ("near Japan", "the Polish border")."""
        counts: Counter = Counter()
        first: dict = {}
        for i in sorted(indices):
            sent = self.sentences[i]
            for c in self.sentence_facts(i)[1]:
                if places_out and (_place_use(sent.text, c.start) or _PLACE_USE_AFTER.match(sent.text, c.end)):
                    continue
                counts[c.alpha3] += 1
                first.setdefault(c.alpha3, sent.start + c.start)
        return counts, first

    def lead_year(self) -> int | None:
        if self._lead_year is False:
            self._lead_year = None
            body = [s for s in self.sentences if s.zone == "body"][:2]
            for s in body:
                m = _LEAD_YEAR.search(s.text) if _may_hold_year(s.text, 0, len(s.text)) else None
                if m:
                    self._lead_year = int(m.group(1))
                    break
        return self._lead_year


def _in_quote(text: str, pos: int) -> bool:
    para = text.rfind("\n", 0, pos) + 1
    chunk = text[para:pos]
    return chunk.count("“") > chunk.count("”") or chunk.count('"') % 2 == 1


def _assets(text: str, lo: int, hi: int, rules: _Rules) -> list[tuple[str, str, bool]]:
    out = []
    for m in rules.asset.finditer(text, lo, hi):
        if _THINK_TANK.search(text, max(0, m.start() - 8), m.start()):
            continue
        hit = rules.asset_of.get(_ASSET_SEPARATORS.sub("", m.group(0).lower()))
        if hit:
            out.append(hit)
    return out


def _domain_words(text: str, lo: int, hi: int, rules: _Rules, places) -> set[str]:
    out = set()
    for m in rules.domain.finditer(text, lo, hi):
        if places and any(p.start <= m.start() < p.end for p in places):
            continue
        domain = rules.domain_of.get(_norm(m.group(0)))
        if domain == "land" and _LIBERATION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # the People's Liberation Army is all of China's forces, not its land arm
        if domain is not None:
            out.add(domain)
    return out


def _may_hold_year(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] has "19" or "20" in it, as every year :data:`_YEAR` and :data:`_LEAD_YEAR` read
    does (two plain searches: cheaper than the patterns on the many ranges that have no year)."""
    return text.find("20", lo, hi) >= 0 or text.find("19", lo, hi) >= 0


def _first_year(text: str, lo: int, hi: int, anchor: int) -> int | None:
    if not _may_hold_year(text, lo, hi):
        return None
    years = [(abs(m.start() - anchor), int(m.group(1))) for m in _YEAR.finditer(text, lo, hi)]
    return min(years)[1] if years else None


def _first_month(text: str, lo: int, hi: int, anchor: int) -> int | None:
    if _MONTH_GATE.search(text, lo, hi) is None:
        return None  # the common case: no month's first letters (a literal-led pattern the engine skips through)
    months = [(abs(m.start() - anchor), _MONTHS[(m.group(1) or m.group(2)).lower()])
              for m in word_start_matches(_MONTH, text, lo, hi)]
    return min(months)[1] if months else None


#: a year after a series name, perhaps after the rest of a two-part name ("Zapad / Interaction-2021")
_YEAR_AFTER_NAME = re.compile(r"(?:\s*/\s*[A-Z][a-z]+)?[\s\-–—]*(?:19|20)\d\d(?![\d,.]\d)")


def _dated_name(text: str, term: str, end: int) -> bool:
    """Whether the series name ``term``, ending at ``end``, carries a year ("Vostok-2022", "Ocean-2024"):
    such a name makes an article worth reading even with no exercise word in it. An alias that is also an
    ordinary word ("East 2020", scanned as "East 20") does not: it needs an exercise word somewhere."""
    return term[:1].isupper() and _YEAR_AFTER_NAME.match(text, end) is not None


class _Prefilter:
    """Where in an article a mention may be: every place a stem ("xercis", "atrol"), or its upper case,
    begins, and where the scan for series names (literals as written, case-sensitive) finds one.
    An article with neither a stem nor a series name dated by a year has no mention.

    The stems are found by plain substring searches. Their upper case ("XERCIS" in an all-caps
    headline) goes into the trie of names, so one regex pass finds both: the engine skips ahead to
    the capitals either way, and a second pass would cost as much as the first. Both passes together
    would find the same places unless a match of the one pass hides (overlaps) a term that begins
    inside it; :meth:`hits` checks each match for that and, in such a text, falls back on two passes.
    A series name with a year ("Vostok-2022") stands for a stem: it names an exercise by itself.
    """

    def __init__(self, stems: Iterable[str], names: Iterable[str]):
        self.stems = tuple(sorted(set(stems)))
        self.upper_stems = frozenset(s.upper() for s in self.stems) - set(self.stems)
        self.stem_scan = _suffix_groups(self.stems)
        self.any_case_stem_scan = _suffix_groups(self.stems + tuple(self.upper_stems))  # for _two_passes
        self.names = frozenset(names)
        terms = self.names | self.upper_stems
        self.scan = re.compile(trie_alternation(terms))
        #: the terms that begin with an upper-case stem (the scan finds the longest term at a place)
        self.stem_led = frozenset(t for t in terms if t.startswith(tuple(self.upper_stems)))
        firsts = {t[0] for t in terms}
        #: term -> the offsets inside it where another term could begin (it could hide that one)
        self.inner = {t: ks for t in terms if (ks := tuple(k for k in range(1, len(t)) if t[k] in firsts))}

    def hits(self, text: str) -> list[int]:
        """Sorted offsets where a mention may begin (empty: the text mentions no exercise)."""
        out = self._stem_starts(text, self.stem_scan)
        found_stem = bool(out)
        for m in self.scan.finditer(text):
            term, start = m.group(), m.start()
            if term in self.inner and any(self.scan.match(text, start + k) for k in self.inner[term]):
                return self._two_passes(text)
            found_stem = found_stem or term in self.stem_led or _dated_name(text, term, m.end())
            out.append(start)
        return sorted(out) if found_stem else []

    def _two_passes(self, text: str) -> list[int]:
        """:meth:`hits` by every occurrence of every stem and a scan for the names alone."""
        out = self._stem_starts(text, self.any_case_stem_scan)
        names = list(self._names_pattern.finditer(text))
        if not out and not any(_dated_name(text, m.group(), m.end()) for m in names):
            return []
        out += [m.start() for m in names]
        return sorted(out)

    @cached_property
    def _names_pattern(self) -> re.Pattern[str]:
        return re.compile(trie_alternation(self.names))

    @staticmethod
    def _stem_starts(text: str, scan: list[tuple[str, tuple[tuple[str, int], ...]]]) -> list[int]:
        """Where each stem begins in ``text``, every occurrence (overlapping ones too); ``scan``: the stems
        grouped by a shared ending (see :func:`_suffix_groups`)."""
        out = []
        for ending, group in scan:
            i = text.find(ending)
            while i >= 0:
                if group:
                    out += [i - k for stem, k in group if text.startswith(stem, i - k)]
                else:
                    out.append(i)
                i = text.find(ending, i + 1)
        return out


def _suffix_groups(stems: Iterable[str]) -> list[tuple[str, tuple[tuple[str, int], ...]]]:
    """The stems as (text to find, its stems with how far each begins before it): stems that end the same
    ("ar game", "ar-game", "argame") are found by one search for their common ending ("game"), each
    checked where that ending is found; any other stem by a search for itself (an empty group). Each
    search reads the whole article, so fewer searches find the same places sooner."""
    by_ending: dict[str, list[str]] = {}
    for stem in stems:
        by_ending.setdefault(stem[-3:], []).append(stem)
    out = []
    for group in by_ending.values():
        if len(group) == 1:
            out.append((group[0], ()))
            continue
        ending = group[0]
        while not all(stem.endswith(ending) for stem in group):
            ending = ending[1:]
        out.append((ending, tuple((stem, len(stem) - len(ending)) for stem in group)))
    return out


def extract_exercises(article) -> list[ExerciseMention]:
    """Every mention of a joint exercise, drill or patrol in an :class:`~analysis.corpus.model.Article`.

    Pure: reads ``article.text``, ``article.sentences`` and ``article.published`` only.

    >>> from analysis.corpus import article_from_text
    >>> a = article_from_text("China and Russia\\n\\nThe two navies will hold drills next month. "
    ...                       "Vostok-2022 began on Thursday.")
    >>> [(m.surface, m.name, m.kind, m.participants, m.status, m.cameo, m.year) for m in extract_exercises(a)]
    [('drills', '', 'drill', ('CHN', 'RUS'), 'planned', '0312', None), ('Vostok-2022', 'Vostok-2022', 'exercise', ('RUS',), 'conducted', '062', 2022)]
    """
    rules = _rules()
    text = article.text
    hits = rules.prefilter.hits(text)
    if not hits:
        return []
    sentences = article.content_sentences()
    hit_index = [(i := bisect.bisect_left(hits, s.start)) < len(hits) and hits[i] < s.end for s in sentences]
    ctx = _ArticleContext(article, sentences, hit_index)
    out: list[ExerciseMention] = []
    families_seen: set[str] = set()
    published = getattr(article, "published", None)
    for idx, sent in enumerate(sentences):
        if not hit_index[idx]:
            continue
        follow = []
        for j in range(idx + 1, min(idx + 3, len(sentences))):
            nxt, prev = sentences[j], sentences[j - 1]
            if hit_index[j] or nxt.zone != sent.zone:
                break
            follow.append(nxt)
        for m in _sentence_mentions(article, idx, sent, rules, ctx, families_seen, follow, published):
            out.append(m)
    return out


def _sentence_mentions(article, idx: int, sent, rules: _Rules, ctx: _ArticleContext, families_seen: set, follow,
                       published):
    """The mentions in sentence ``idx`` (``follow``: the sentences after it that may continue its last one).
    Places and countries are only looked for once the sentence has an exercise word or a series name."""
    t = ctx.text_of(idx)
    cues = _cues(t, rules)
    numbered = list(rules.numbered.finditer(t)) if "atrol" in t or "ATROL" in t else []
    series = list(rules.series.finditer(t))
    if not (cues or numbered or series):
        return []  # no exercise word, no series name: nothing to find, whatever the places and countries
    names = _names(t, rules, lambda: ctx.sentence_facts(idx)[0], [(a, b) for a, b, _ in cues], numbered, series)
    if not (cues or names):
        return []  # only words that read as a name here ("the West"): no mention
    places, countries = ctx.sentence_facts(idx)

    if sent.zone == "caption":
        return _caption_mention(article, sent, t, rules, places, countries, cues, names, ctx, published)

    place_at = {p.start: p for p in places}
    country_at = {x.start: x for x in countries}
    cands: list[_Cand] = []
    for cs, ce, kind in cues:
        start, definite, joint, n_countries = _left_premods(t, cs, rules, countries)
        verbal = _is_verb_cue(t[cs:ce])  # "jointly patrolled", "patrolled": the cue is the verb
        c = _Cand(cs if verbal else start, ce, kind, head=(cs, ce), definite=definite and not verbal,
                  joint=joint or (verbal and t[cs:ce].lower().startswith("joint")), premod_countries=n_countries)
        _extend_right(t, c, rules, place_at, country_at, verbal=verbal)
        _name_by_following_ordinal(t, c, rules)
        if not c.part_countries and (by := _PASSIVE_BY.match(t, c.end)):  # "drills were held by X and Y"
            found, list_end = _country_list(t, _PART_SKIP.match(t, by.end()).end(), country_at)
            if found:
                c.part_countries.extend(found)
                tail = _PART_TAIL.match(t, list_end)  # "... navies": its domain is the mention's
                c.agent = (by.end(), tail.end() if tail else list_end)
        cands.append(c)
    names = sorted(names + _unlisted_names(t, cands, names, countries, rules), key=lambda n: n.start)
    # A series name next to (or named by) an exercise word is one mention with it.
    for n in names:
        merged = False
        for c in cands:
            if c.series is not None:
                continue
            if n.start <= c.head[0] < n.end:  # "the ninth joint strategic air patrol"
                c.start, c.end = min(c.start, n.start), max(c.end, n.end)
            elif n.end <= c.start and _ADJACENT.fullmatch(t, n.end, c.start):  # "Vostok-2022 exercises"
                c.start = n.start
            elif c.head[1] <= n.start and _ADJACENT.fullmatch(t, c.head[1], n.start):  # "exercise Joint Sea-2021"
                c.end = max(c.end, n.end)
            elif c.end <= n.start <= c.end + 60 and not _SENTENCE_BREAK.search(t, c.end, n.start) and \
                    (m := _APPOSITION.search(t, c.end, n.start + 1)) and m.end() == n.start:
                c.context_start = c.start  # "The exercise, dubbed ‘Zapad / Interaction-2021’": the name is the span
                c.start, c.end = n.start, n.end
            else:
                continue
            c.name, c.series, c.name_year, c.edition = n.name, n.series, n.name_year, n.edition
            c.kind = n.series.kind  # a named event has its series' kind, whatever word the text uses
            c.joint = c.joint or n.series.listed
            merged = True
            break
        if not merged:
            if n.series.listed and not (n.series.numbered or n.name_year is not None or _ROMAN_SUFFIX.search(n.name)) \
                    and _ONE_WORD.fullmatch(t, n.start, n.end) and not n.series.series.isupper():  # RIMPAC stands
                continue  # "Vostok-1", "Vostok Oil", "the Zapad terminal": a one-word series name alone needs a year
            n.joint = True
            n.head = (n.start, n.end)
            _extend_right(t, n, rules, place_at, country_at)
            cands.append(n)
    cands.sort(key=lambda c: (c.start, c.end))
    # drop a bare exercise word swallowed by a longer mention
    cands = [c for c in cands if not any(o is not c and o.start <= c.start and c.end <= o.end and
                                         (o.end - o.start) > (c.end - c.start) for o in cands)]

    # report cut: a country before "said"/"reported that" is the source
    out = []
    prev: _Cand | None = None
    prev_mention: ExerciseMention | None = None
    # the mention the next sentences may go on about: the last one, or the one a trailing apposition describes
    # ("launched Vostok-2018, its biggest military exercise since 1981.")
    last = len(cands) - 1
    while last > 0 and cands[last].series is None and \
            _APPOSITIVE_GAP.fullmatch(t, cands[last - 1].end, cands[last].start):
        last -= 1
    for i, c in enumerate(cands):
        ctx_start = c.context_start if c.context_start is not None else c.start
        own_lo = prev.end if prev is not None and prev.end <= ctx_start else 0
        prev_end = prev.end if prev is not None and prev.end <= ctx_start else None
        clause_lo = 0
        for r in rules.report.finditer(t, 0, ctx_start):
            after = _THAT.match(t, r.end())
            clause_lo = after.end() if after else r.end()
        nxt = cands[i + 1].start if i + 1 < len(cands) else len(t)
        right_hi = _clause_right(t, c.end, nxt)
        if c.context_start is not None and t.startswith(",", right_hi):
            # a name in apposition ("The drills, dubbed X, will involve ..."): the clause goes on after it
            right_hi = _clause_right(t, right_hi + 1, nxt)

        # status: nearest cue before or inside the mention, else just after it, else as the mention before
        # in its clause ("are to hold joint drills under the Peace Mission 2021 framework")
        st = _status(t, own_lo, c.end, rules) or (
            ("conducted", False) if _past_verb_cue(t, c) else _status(t, c.end, right_hi, rules, last=False))
        same_clause = prev is not None and prev.end <= c.start and (
            _COORDINATED.fullmatch(t, prev.end, c.start) is not None or not _CLAUSE_BREAK.search(t, prev.end, c.start))
        if st is None and same_clause and prev.status is not None:
            c.status, c.status_perfect, c.status_cued = prev.status, prev.status_perfect, prev.status_cued
        elif st is None:
            c.status, c.status_perfect, c.status_cued = "conducted", False, False
        else:
            c.status, c.status_perfect, c.status_cued = st[0], st[1], True
        if c.status == "planned" and c.name_year is not None and published and c.name_year < published.year:
            c.status = "conducted"  # "after the Vostok-2018 exercises" in a 2022 article: held, whatever the verb
        prev = c

        # places: in the mention, else before it in its clause ("In the Mediterranean, ..."; after another
        # mention, only at the head of a clause), else just after it, where a clause that describes it
        # goes on ("Vostok-2018, its biggest exercise since 1981, at training grounds in Siberia")
        mention_places = list(c.places)
        if not mention_places:
            places_hi = right_hi
            places_nxt = len(t) if i == last else nxt  # past the exercise words in apposition to it
            for _ in range(3):
                if places_hi < places_nxt and t.startswith(",", places_hi) and \
                        (d := _DESCRIBING.match(t, places_hi + 1)) and \
                        not (d.group().lstrip() in ("which", "that") and _OTHER_SUBJECT.match(t, d.end())):
                    places_hi = _clause_right(t, places_hi + 1, places_nxt)
            for p in places:
                listed = bool(mention_places) and mention_places[-1].end <= p.start and \
                    (more := _LOC_LIST.match(t, mention_places[-1].end)) is not None and more.end() == p.start
                if own_lo <= p.start < ctx_start:
                    lead = None if listed else _LOC_BEFORE.search(t, max(0, p.start - 60), p.start)
                    if listed or (lead and (prev_end is None or _CLAUSE_HEAD.search(t, prev_end, lead.start()))):
                        mention_places.append(p)
                elif c.end <= p.start and (listed or (p.start < places_hi and
                                                      _LOC_BEFORE.search(t, max(0, p.start - 60), p.start))):
                    mention_places.append(p)

        # keep or drop (before the joint tests below, which cost more: a generic or repeated mention is dropped
        # whatever they find)
        if c.series is None:
            if not mention_places and (rules.generic_before.search(t, clause_lo, c.start) or
                                       rules.generic_after.match(t, c.end)):
                continue
            family = "patrol" if c.kind == "patrol" else "exercise"
            if c.definite and not mention_places and family in families_seen:
                continue

        # joint: said so, or two countries (or "the two navies") hold it, or it names its participants.
        # (The subject and relative-clause tests only run when the mention does not say so itself;
        # subject_verb, None until needed, says whether the countries before it in its clause are its subject.)
        hold_here = (c.head is not None and c.start == c.head[0] and _is_verb_cue(t[c.head[0]:c.head[1]])) or \
            rules.hold.search(t, clause_lo, ctx_start) is not None or \
            rules.sent_to.search(t, max(clause_lo, ctx_start - 200), ctx_start) is not None
        # countries said to send forces to it, to host it or to be involved in it (none of them its subject)
        # (a host, "drills in Tajikistan", takes part in a joint exercise but does not make one joint)
        contingents = _contingents(t, ctx_start, nxt, countries, country_at, rules, after=c.end) if countries else []
        said_joint = c.joint or bool(c.part_countries) or c.part_group or bool(contingents)
        if countries:
            contingents += _hosts(t, c.end, country_at)
        subject_verb = None if said_joint else _subject_verb(t, clause_lo, ctx_start, c, hold_here, rules)
        subject_joint = not said_joint and subject_verb and _two_parties(t, clause_lo, ctx_start, countries, rules)
        rel_joint = not said_joint and not subject_joint and bool(c.rel_clause) and \
            _two_parties(t, *c.rel_clause, countries, rules)
        if not (said_joint or subject_joint or rel_joint or (c.series is not None and c.series.listed)):
            continue
        families_seen.add("patrol" if c.kind == "patrol" else "exercise")  # (a mention dropped above does not count)

        # participants: the countries of the mention, and of its clause when they are its subject
        codes: list[str] = []
        called = _WHAT_CALLED.search(t, max(0, ctx_start - 100), ctx_start)
        source = called.span(1) if called else (0, 0)
        for x in countries:
            if not ctx_start <= x.start < c.end:  # outside the mention: only before it, as the subject of its clause
                if not clause_lo <= x.start < ctx_start or source[0] <= x.start < source[1]:
                    continue
                if subject_verb is None:
                    subject_verb = _subject_verb(t, clause_lo, ctx_start, c, hold_here, rules)
                if not subject_verb or _WATCHER_AFTER.match(t, _country_list(t, x.start, country_at)[1]):
                    continue  # not "Japan and South Korea scrambled jets as Chinese and Russian bombers flew"
            placed = rules.not_participant.search(t, max(0, x.start - 20), x.start)
            if placed and not (x in c.part_countries or (c.rel_clause and c.rel_clause[0] <= x.start < c.rel_clause[1])):
                continue
            if x.alpha3 not in codes:
                codes.append(x.alpha3)
        if (their := _WHAT_SAID_THEIR.search(t, max(0, ctx_start - 120), ctx_start)) is not None:
            sayers = {x.alpha3 for x in countries if their.start(1) <= x.start < their.end(1)}
            if len(sayers) >= 2:  # "what Moscow and Beijing said was their first joint air patrol" (not "Tokyo said")
                codes += sorted(sayers - set(codes))
        if called is not None and not codes:  # "In what Japan called a joint patrol, Chinese and Russian bombers flew"
            for x in countries:
                if c.end <= x.start < nxt and x.alpha3 not in codes and \
                        not rules.not_participant.search(t, max(0, x.start - 20), x.start):
                    codes.append(x.alpha3)
        for x in [*c.part_countries, *contingents]:
            if x.alpha3 not in codes:  # c.part_countries: also "held by X and Y" after the span
                codes.append(x.alpha3)
        contributing = set()  # the next sentences that name countries taking part (their forces are its assets)
        if i == last:  # "India, Belarus and Mongolia will also take part." in the next sentence
            for j, s2 in enumerate(follow, start=idx + 1):
                s2_text = ctx.text_of(j)
                low2 = s2_text.low or s2_text.lower()
                if not any(word in low2 for word in _TAKING_PART_WORDS):
                    continue  # every pattern _also_taking_part reads has one of these words: a cheap test first
                for x in _also_taking_part(s2_text, ctx.sentence_facts(j)[1], rules):
                    contributing.add(j)
                    if x.alpha3 not in codes:
                        codes.append(x.alpha3)

        flags = []
        if len(codes) < 2 and (c.series is None or not c.series.participants) and (
                said_joint or subject_joint or rel_joint or rules.group.search(t, clause_lo, c.end) is not None
                or rules.group.search(t, c.end, len(t)) is not None):
            if prev_mention is not None and len(prev_mention.participants) >= 2 and \
                    re.fullmatch(r"[\s,]*(?:and|or|as well as)?[\s,]*", t[prev_mention.end - sent.start:c.start]):
                codes = list(prev_mention.participants)
            else:
                top = ctx.top_countries()
                if not codes:
                    codes = list(top)
                else:
                    codes += [x for x in top if x not in codes][:1]
                flags.append("participants_from_context")
        if c.series is not None:
            codes += [x for x in c.series.participants if x not in codes]
        elif not codes:
            continue

        # domains and assets
        domains = _domain_words(t, c.start, c.end, rules, places)
        if c.agent is not None:
            domains |= _domain_words(t, *c.agent, rules, places)
        asset_hits = _assets(t, c.start, c.end, rules)
        if hold_here:
            domains |= _domain_words(t, max(own_lo, clause_lo), ctx_start, rules, places)
            asset_hits += _assets(t, max(own_lo, clause_lo), ctx_start, rules)
        aside = _ASIDE.search(t, c.end, nxt)
        asset_hits += _assets(t, c.end, aside.start() if aside else nxt, rules)
        cont_places = []
        if i == last:
            for j, s2 in enumerate(follow, start=idx + 1):
                s2_text = ctx.text_of(j)
                new_paragraph = "\n" in article.text[ctx.sentences[j - 1].end:s2.start]
                if j in contributing or (
                        _MOTION.search(s2_text) and "scrambl" not in (s2_text.low or s2_text.lower()) and
                        not _WATCH_PURPOSE.search(s2_text) and not (new_paragraph and _OTHER_ACTION.search(s2_text))):
                    asset_hits += _assets(s2_text, 0, len(s2_text), rules)
                    cont_places += ctx.sentence_facts(j)[0]
        domains |= {d for _, d, _ in asset_hits}
        if not domains and c.series is not None:
            domains = set(c.series.domains)
        specific_domains = {d for _, d, sp in asset_hits if sp}
        assets = []
        for a, d, sp in asset_hits:
            if a and (sp or d not in specific_domains) and a not in assets:
                assets.append(a)

        locations, place_ids = [], []
        for p in mention_places + cont_places:
            if p.place_id not in place_ids:
                place_ids.append(p.place_id)
                locations.append(p.surface)

        # time
        lo_time = max(own_lo, clause_lo) if c.context_start is None else min(c.context_start, max(own_lo, clause_lo))
        year = c.name_year
        if year is None:
            year = _first_year(t, c.start, c.end, c.start) or _first_year(t, lo_time, right_hi, c.start)
        if year is None and c.status == "conducted" and c.status_cued and not c.status_perfect and c.series is None:
            year = ctx.lead_year()
            if year is not None:
                flags.append("year_from_lead")
        month = _first_month(t, c.start, c.end, c.start) or _first_month(t, lo_time, right_hi, c.start)
        month_year = None
        if month is None and year is None and published and getattr(article, "date_precision", "day") in ("day", "month"):
            rel_month = _RELATIVE_MONTH.search(t, lo_time, right_hi)  # "next month", resolved on the article's date
            if rel_month:
                index = published.year * 12 + published.month - 1 + _RELATIVE_STEP.get(rel_month.group(1).lower(), 0)
                month_year, month = divmod(index, 12)
                month += 1
                flags.append("month_from_relative")
        year_inferred = year
        if year_inferred is None:
            rel = _RELATIVE_YEAR.search(t, lo_time, right_hi)
            base = published.year if published else None
            if c.series is not None and c.edition in c.series.editions:
                year_inferred = c.series.editions[c.edition]
            elif month_year is not None:
                year_inferred = month_year
            elif rel and base:
                year_inferred = base + _RELATIVE_STEP.get(rel.group(1).lower(), 0)
            else:
                year_inferred = base

        if sent.zone == "title":
            flags.append("in_title")
        if c.name_year is None and c.edition is None and (
                _is_habitual(t, max(own_lo, clause_lo), c.start, right_hi, rules) or
                (prev_mention is not None and "habitual" in prev_mention.flags and
                 _COORDINATED.fullmatch(t, prev_mention.end - sent.start, c.start) is not None)):
            flags.append("habitual")  # "have held joint drills every year since 2021": a practice, not one event
        if _in_quote(article.text, sent.start + c.start):
            flags.append("in_quote")

        start, end = sent.start + c.start, sent.start + c.end
        mention = ExerciseMention(
            article_id=article.article_id, start=start, end=end, surface=article.text[start:end],
            sentence=sent.text, name=c.name, kind=c.kind, participants=tuple(sorted(codes)),
            domains=tuple(sorted(domains)), locations=tuple(locations), place_ids=tuple(place_ids),
            assets=tuple(assets), year=year, month=month, status=c.status, cameo=CAMEO[c.status],
            flags=tuple(flags), year_inferred=year_inferred)
        prev_mention = mention
        out.append(mention)
    return out


def _caption_mention(article, sent, t: _Text, rules: _Rules, places, countries, cues, names, ctx, published):
    """A caption line that names an exercise is one mention spanning the line (flagged ``in_caption``);
    ``t``: the line's text as a :class:`_Text`."""
    codes = sorted({c.alpha3 for c in countries})
    if not names and not (cues and len(codes) >= 2):
        return []
    n = names[0] if names else None
    kind = cues[0][2] if cues else n.kind
    if n is not None:
        kind = n.series.kind  # as in the body: a named event has its series' kind, whatever word the caption uses
    if n is not None:
        codes = sorted(set(codes) | set(n.series.participants))
    lead = len(t) - len(t.lstrip())
    start, end = sent.start + lead, sent.start + len(t.rstrip())
    st = _status(t, 0, len(t), rules)
    status = st[0] if st else "conducted"
    asset_hits = _assets(t, 0, len(t), rules)
    domains = _domain_words(t, 0, len(t), rules, places) | {d for _, d, _ in asset_hits}
    if not domains and n is not None:
        domains = set(n.series.domains)
    year = (n.name_year if n else None) or _first_year(t, 0, len(t), 0)
    return [ExerciseMention(
        article_id=article.article_id, start=start, end=end, surface=article.text[start:end], sentence=sent.text,
        name=n.name if n else "", kind=kind, participants=tuple(codes), domains=tuple(sorted(domains)),
        locations=tuple(p.surface for p in places), place_ids=tuple(p.place_id for p in places),
        assets=tuple(dict.fromkeys(a for a, _, _ in asset_hits)), year=year, month=_first_month(t, 0, len(t), 0),
        status=status, cameo=CAMEO[status], flags=("in_caption",),
        year_inferred=year or (published.year if published else None))]


def exercises_frame(articles: Iterable) -> pd.DataFrame:
    """All mentions in ``articles`` as a table (:data:`EXERCISE_COLUMNS`), sorted by article_id, start,
    end, each with the ``event_id`` of the event it is merged into (see :mod:`analysis.extract.events`).

    >>> from analysis.corpus import article_from_text
    >>> a = article_from_text("Russia and China held joint naval drills in the Sea of Japan.", article_id="a1")
    >>> exercises_frame([a])[["surface", "participants", "locations", "status", "cameo"]].values.tolist()
    [['joint naval drills in the Sea of Japan', 'CHN;RUS', 'Sea of Japan', 'conducted', '062']]
    """
    return mentions_frame(m for a in articles for m in extract_exercises(a))


def mentions_frame(mentions: Iterable[ExerciseMention]) -> pd.DataFrame:
    """Mentions already extracted, as the table :func:`exercises_frame` gives (event ids assigned)."""
    from analysis.extract.events import assign_event_ids

    rows = [m.as_row() for m in mentions]
    frame = pd.DataFrame(rows, columns=EXERCISE_COLUMNS)
    frame = frame.astype({"year": "Int64", "month": "Int64", "year_inferred": "Int64", "start": int, "end": int})
    frame = frame.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
    return assign_event_ids(frame)
