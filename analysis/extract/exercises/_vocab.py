"""Shared by every stage: the data files, read once into :class:`_Rules` (:func:`_rules`); case-free matching on a
sentence's lower-case form (:class:`_Text`, :class:`_CaseFree`); and the few text helpers several stages use."""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Iterable, Iterator

from analysis.corpus.dates import MONTHS
from analysis.extract._patterns import term_units, trie_alternation, trie_of_units
from analysis.extract.exercises.prefilter import _Prefilter

# ---- vocabularies -------------------------------------------------------------------------------------------

def _read_csv(name: str) -> list[dict]:
    # the data files stay in analysis/extract/data/, beside the other extractors' (not in this package)
    with resources.files("analysis.extract").joinpath(f"data/{name}").open(encoding="utf-8") as f:
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
        # (ASCII text, told in constant time, always lines up; else the length and the two letters are checked)
        self.low = low if text.isascii() or (len(low) == len(text) and "ı" not in text and "ſ" not in text) else None
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


# a run of separators inside a term: " / " in "Zapad / Interaction", "-" in "anti-submarine"
_NORM_SEPARATORS = re.compile(r"[\s/\-]+")
_ASSET_SEPARATORS = re.compile(r"[\s\-]+")  # an asset's key has none ("Tu 95" and "TU-95" are "tu95")


# ordinals in words and the numbers they say ("ninth": 9)
_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth".split(), 1)}
# month names and the numbers they say ("september": 9)
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update(MONTHS)  # the abbreviations _MONTH reads ("sept", "aug")
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
    all_domains: tuple[str, ...]  # "tri-service": every domain (lower case, found by plain searches)
    series_by_name: dict[str, _Series] = field(default_factory=dict)
    #: a word of each :attr:`media` name (its last), found as written in every match: a sentence with none
    #: of them names no outlet, and the pattern need not run
    media_words: tuple[str, ...] = ()
    #: :attr:`media_words` as one pattern of literals (one search instead of one per word)
    media_word_scan: re.Pattern[str] | None = None


def _by_end(terms: list[str]) -> dict[str, tuple[str, ...]]:
    """Terms (lower case, at least three letters) by their last three letters, in their order."""
    out: dict[str, list[str]] = {}
    for t in terms:
        out.setdefault(t[-3:], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


#: after a sender verb (vocabulary "sender"): "China will send more than 2,000 troops ... to Russia's Vostok 2022
#: exercises": the sender takes part, and what it sends gives the domains and assets
_SENT_TO_TAIL = (r"\b[^.;:!?]{0,160}?\b(?:to|for)\s+(?:(?:take\s+part|participate)\s+in\s+|join\s+)?"
                 r"(?:the\s+|its\s+|their\s+|this\s+year['’]s\s+|next\s+month['’]s\s+)?(?:[\w\-]+['’]s?\s+)?$")


#: after a series alias: no letter, nor a digit unless a year follows it at once ("Zapad2009", not "Zapad2")
_ALIAS_END = r"(?![^\W\d]|(?<=\w)\d(?!\d{3}\b))"


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
    # (a translation in brackets, perhaps quoted, may stand between a name and its year: "Vostok (East) 2018",
    # "Zapad (“West”) 2013"; the year may follow the name with no separator: "Zapad2009")
    series_re = re.compile(rf"(?P<alias>{trie_of_units(_flex_units(v) for v in variants)}){_ALIAS_END}"
                           rf"(?:\s*\([\"“‘']?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?[\"”’']?\)(?=[\s\-–—]*(?:19|20)\d\d))?{suffix}")
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
    media_words = tuple(sorted({t.split()[-1] for t in terms["media"]}))
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
        media_words=media_words,
        media_word_scan=re.compile("|".join(re.escape(w) for w in sorted(media_words, key=len, reverse=True))),
        asset=asset_re, asset_of=asset_of, series=series_re, series_of=series_of,
        numbered=numbered_re, numbered_of=numbered_of, series_by_name=by_name,
        habitual=_CaseFree(r"(?:%s)\b" % trie_alternation(terms["habitual"], space=r"\s+", not_after=r"\w")),
        sent_to=_CaseFree(r"(?:%s)%s" % (trie_alternation(terms["sender"], not_after=r"\w"), _SENT_TO_TAIL)),
        watching=re.compile(r"\s+(?:%s)\b" % _alternation(terms["watching"], not_after=None), re.IGNORECASE),
        not_name=frozenset(terms["not_name"]) | {m.title() for m in _MONTHS},
        civil=frozenset(t.lower() for t in terms["civil"]), all_domains=tuple(t.lower() for t in terms["all_domains"]),
        negation=re.compile(r"(?:%s)\b|n't\b" % _alternation(terms["negation"]), re.IGNORECASE))


# ---- shared by several stages -------------------------------------------------------------------------------

#: punctuation that breaks a clause: "," or an opening quote mark ("“")
_CLAUSE_BREAK = re.compile(r"[.,;:!?“”\"]")
#: punctuation that ends a sentence-like unit: ".", ";", ":"
_SENTENCE_BREAK = re.compile(r"[.;:!?]")
#: after a mention, an aside that tells of something else: ", prompting Japan to scramble jets"
_ASIDE = re.compile(r",\s*(?:prompting|forcing|causing|after|while|as|amid|which|when|and\s+(?:Japan|South\s+Korea|"
                    r"Taiwan|the\s+US)|in\s+response)\b", re.IGNORECASE)
#: between listed participants: ", and the", " both"
_PART_SKIP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+|both\s+)?", re.IGNORECASE)
#: "Japan sent warships to monitor it": forces sent to watch, not to take part
_WATCH_PURPOSE = re.compile(r"[Tt]o\s+(?:monitor|watch|shadow|track|observe|tail|follow|intercept|escort|counter)\b")
#: between listed countries: ", ", " and the"
_LIST_SEP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
#: where a clause ends: ",", ";", "—", "("
_CLAUSE_END = re.compile(r"[,;:.!?…—–(]")
#: the full stop of an abbreviation that does not end the clause: "Sept. 2021", "Dec. 21"
_ABBREVIATION_GOES_ON = re.compile(r"(?<=[A-Za-z])\.\s+(?=\d|[a-z])")


def _family(kind: str) -> str:
    """The family of a mention's kind: "patrol", or "exercise" for every other kind (a reference back, "the
    drills", refers to the last mention of its family)."""
    return "patrol" if kind == "patrol" else "exercise"


def _is_verb_cue(cue: str) -> bool:
    """A cue that is the verb of its clause ("jointly patrolled", "patrolling", "exercised together"), or that
    starts with "joint" ("joint cruise"): the mention starts at it, and the countries before it are its subject."""
    low = cue.lower()
    return low.startswith("joint") or low.removesuffix(" together").endswith(("ed", "ing"))


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


def _may_hold_year(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] has "19" or "20" in it, as every year :data:`_YEAR` and :data:`_LEAD_YEAR` read
    does (two plain searches: cheaper than the patterns on the many ranges that have no year)."""
    return text.find("20", lo, hi) >= 0 or text.find("19", lo, hi) >= 0
