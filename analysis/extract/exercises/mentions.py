"""Stages 2 and 5, the mentions of a sentence: its exercise words (not verbs, "exercise restraint", nor civil
drills) and series names, listed or not; the span each mention takes in (modifiers, places, participants, a name
beside its exercise word) and the clause it is read in; and the drop of generic mentions and of references back."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator

from analysis.extract._patterns import lower_as_matched
from analysis.extract.exercises._vocab import (_ASSET_SEPARATORS, _CLAUSE_BREAK, _ORDINAL, _ORDINALS, _PART_SKIP,
                                               _SENTENCE_BREAK, _Series, _clause_right, _country_list, _family,
                                               _is_verb_cue, _may_hold_year, _norm)
from analysis.extract.exercises.locations import _LOC_LEAD, _LOC_LIST

if TYPE_CHECKING:
    from analysis.extract.exercises._vocab import _Rules, _Text


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


# ---- exercise words -----------------------------------------------------------------------------------------

#: after "exercise", what makes it a verb: " restraint", " its right"
_EXERCISE_VERB = re.compile(r"\s+(?:its|their|his|her|our|restraint|caution|control|power|the\s+right|rights?|"
                            r"authority|sovereignty|influence|leverage|patience|judge?ment|care|vigilance|"
                            r"of\s+(?:power|rights?|sovereignty|authority|jurisdiction|the\s+right))\b", re.IGNORECASE)
#: "to " (or "will ") just before "patrol"/"drill": the cue may be a verb
_TO_VERB = re.compile(r"\b(?:to|will|would|and|can|could)\s+$", re.IGNORECASE)
#: after "patrol"/"drill", an object that makes it a verb: " the border", " its waters"
_VERB_OBJECT = re.compile(r"\s+(?:the|its|their|a|an|these|those|this)\b", re.IGNORECASE)
#: before "patrolled", a word that makes it an adjective: "a heavily ", "the "
_PARTICIPLE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|that|these|those|\w+ly)\s+$", re.IGNORECASE)
#: a word after "patrolled" that makes it an adjective: anything but a preposition, article, adverb or a place
_NOUN_AFTER = re.compile(r"\s+(?!(?:near|over|in|inside|around|off|along|the|through|across|together|jointly|into|"
                         r"past|for|on|at|by|with|from|toward|towards|close|within|above|waters|airspace|skies|"
                         r"and|or|as|while|when|after|before|until|since|for)\b)[a-z]")
#: "live" before "fire drills": firing, not a fire drill
_MILITARY_FIRE = frozenset(("live", "artillery", "anti-aircraft", "gun", "naval", "missile", "rocket", "mortar", "tank"))
#: words just before an exercise word that leave it out: "separate anti-piracy patrols" (each its own)
_SEPARATE = frozenset(("separate", "separately", "independent"))
#: a word of armed forces in a sentence whose exercise word is a verb ("bombers exercised together")
_MILITARY_NOUN = re.compile(r"\b(?:military|militaries|army|armies|navy|navies|naval|air\s+forces?|armed\s+forces|troops|"
                            r"soldiers|forces|warships|bombers|fighters|marines|servicemen|sailors|paratroopers|"
                            r"destroyers|frigates|submarines|aircraft)\b", re.IGNORECASE)
#: words of civil life that make an exercise word no military one ("fitness", "airshow", "code-share")
_NOT_MILITARY = re.compile(r"\b(?:fitness|gym|workout|sports?|oil\s*field|gas\s*field|oil\s+wells?|drilling\s+rigs?|airshow|air\s+show|"
                           r"aerobatic|code-?share|airlines?|passengers?|flights?\s+will\s+be\s+operated)\b",
                           re.IGNORECASE)


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


# ---- series names -------------------------------------------------------------------------------------------

#: between an ambiguous series name and an exercise word, what keeps them apart: ",", "."
_COMMA_OR_STOP = re.compile(r"[.,;]")
#: just before an ambiguous series name, what makes it one: "dubbed ‘", "known as "
_CALLED = re.compile(r"(?:dubbed|called|named|code-?named|known\s+as)\s+[‘'\"“]?$")
#: the first punctuation after a mention: ","
_PUNCTUATION = re.compile(r"[,;:.!?]")
#: after a mention and a comma, its edition: "the fourth such patrol since 2021"
_SUCH_ORDINAL = re.compile(rf"\s*(?:the|its|their)\s+(?P<ord>{_ORDINAL})\s+(?:such\s+)?"
                           r"(?:(?:[\w\-]+\s+){0,3}?(?:patrol|exercise|drill|maneuver|manoeuvre)s?\b|since\s+(?:19|20)\d\d\b)",
                           re.IGNORECASE)
#: before a name in apposition: ", dubbed ‘", " code-named ", " — dubbed "
_APPOSITION = re.compile(r"(?:\s*[,—–])?\s*(?:dubbed|called|named|code-?named|known\s+as|titled)\s+[‘'\"“«]?", re.IGNORECASE)
#: A name the series register does not know, given in apposition ("drills, code-named Aerospace Security-2017")
#: or with a year suffix before an exercise word ("the Cooperation-2024 drills"): one to four capitalised words.
_UNLISTED_WORDS = r"[A-Z][A-Za-z]+(?:(?:\s*/\s*|[\s\-]+)[A-Z][A-Za-z]+){0,3}"
#: a year suffix after an unlisted name: "-2017", " 2024B"
_UNLISTED_YEAR = r"[\s\-–—]*(?P<year>(?:19|20)\d\d)(?P<tag>[A-Da-d])?(?![\w])"
#: an unlisted name after "code-named": "Aerospace Security-2017"
_UNLISTED_AFTER = re.compile(rf"(?P<alias>{_UNLISTED_WORDS})(?:{_UNLISTED_YEAR})?(?![\w\-])")
#: an unlisted name with its year just before an exercise word: "Cooperation-2024 " (in "the Cooperation-2024 drills")
_UNLISTED_BEFORE = re.compile(rf"(?<![\w\-])(?P<alias>{_UNLISTED_WORDS})[\-–—](?P<year>(?:19|20)\d\d)(?P<tag>[A-Da-d])?"
                              rf"[\s‘’'\"“”«»]*$")
#: a two-digit suffix of a series name that is a year of this century: "19" in "Tsentr 19", "05" in "Indra-05"
_TWO_DIGIT_YEAR = re.compile(r"(?:0[0-9]|[1-3][0-9])(?!\d)")
#: a word, or the gap between two: "The", " ", "Russian"
_WORD_OR_GAP = re.compile(r"[A-Za-z]+|[^A-Za-z]+")


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
        if num and len(num) == 2 and _TWO_DIGIT_YEAR.match(text, m.start("num")):
            year, num = "20" + num, None  # "Tsentr 19", "Vostok-18": the edition's year, as "Tsentr-2019" says it
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
        kind = _family(c.kind)
        out.append(_Cand(start, end, kind, name=name, name_year=int(year) if year else None,
                         series=_Series(base, kind, (), (), False, {}, listed=False)))
    return out


# ---- the span of a mention ----------------------------------------------------------------------------------

#: the next token of a reversed text (see _tokens_before): "sllird" in "sllird tnioj", ","
_REVERSED_TOKEN = re.compile(r"\s*([\w’'\-]+|[^\w\s])")
#: the word a reversed text begins with, spaces aside (see _last_word): "eht" in " eht "
_REVERSED_WORD = re.compile(r"\s*([\w’']*)")
_NUMBERED_PREMOD = re.compile(r"\d+(?:st|nd|rd|th)|\d+-(?:day|week)|sino-\w+")  # "10th", "3-day", "sino-russian"
#: the words before a mention that make it a reference back: "the", "these"
_DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "such", "said"}
#: quote marks around a modifier: joint “anti-terrorist” exercises
_QUOTE_MARKS = frozenset("\"“”‘’'«»")
#: before the object of a verbal cue: " the" in "patrolled the Bering Sea"
_OBJECT_LEAD = re.compile(r"\s+(?:the\s+)?")
#: before the participants after an exercise word: " between", " involving", " hosted by"
_PART_LEAD = re.compile(r"\s+(?:between|with|involving|among|alongside|together\s+with|by|of|"
                        r"(?:led|hosted|organi[sz]ed|run)\s+by)\s+", re.IGNORECASE)
#: after a participant, its forces: " navies", " armed forces"
_PART_TAIL = re.compile(r"\s+(?:armed\s+forces|military|militaries|navy|navies|air\s+force|air\s+forces|army|armies|"
                        r"troops|forces|warships|ships|aircraft|bombers)\b", re.IGNORECASE)
#: a relative clause after an exercise word: " that the armed forces of China and Russia held"
_REL_CLAUSE = re.compile(r"\s+(?:that|which)\s+([^.,;:!?“”\"]{0,80}?)", re.IGNORECASE)
#: after a mention, a passive verb and "by": " were jointly held by"
_PASSIVE_BY = re.compile(r"\s+(?:(?:was|were|is|are|will\s+be|have\s+been|has\s+been|being)\s+)?(?:jointly\s+)?"
                         r"(?:held|conducted|staged|carried\s+out|organi[sz]ed|hosted|flown|performed)\s+by\b",
                         re.IGNORECASE)
#: nothing but spaces and quote marks between a name and its exercise word: "’ "
_ADJACENT = re.compile(r"[\s‘’'\"“”«»]*")
#: a roman edition at the end of a name: "-II" in "Joint Sea-II"
_ROMAN_SUFFIX = re.compile(r"-[IVX]+$")
#: a one-word name, perhaps numbered: "Vostok", "Vostok-1"
_ONE_WORD = re.compile(r"\w+(?:[\s\-–—]+\d{1,2})?")
#: between a mention and an exercise word that describes it ("Vostok-2018, its biggest military exercise")
_APPOSITIVE_GAP = re.compile(r"\s*,\s*(?:its|their|the|a|an)\s+(?:[\w\-]+\s+){0,4}")


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
        elif lw in ("and", ",", "&", "/") and start == before:
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


def _candidates(t: _Text, rules: _Rules, cues, names: list[_Cand], places, countries, country_at: dict
                ) -> tuple[list[_Cand], int]:
    """The mentions of a sentence in order, from its exercise words (``cues``) and series names (``names``),
    each with its span; and the index of the one the next sentences may go on about."""
    place_at = {p.start: p for p in places}
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
                again = next((o for o in cands if o.series is None and o is not c and o.head[0] >= n.end and
                              _ADJACENT.fullmatch(t, n.end, o.head[0])), None)
                if again is not None:  # "the exercise called Tsentr-2019 exercise will be held": one mention
                    c.end = max(c.end, again.end)
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
    # the mention the next sentences may go on about: the last one, or the one a trailing apposition describes
    # ("launched Vostok-2018, its biggest military exercise since 1981.")
    last = len(cands) - 1
    while last > 0 and cands[last].series is None and \
            _APPOSITIVE_GAP.fullmatch(t, cands[last - 1].end, cands[last].start):
        last -= 1
    return cands, last


# ---- the clause of a mention, and the mentions left out -----------------------------------------------------

#: " that" after a report verb: "said that"
_THAT = re.compile(r"\s+that\b")


def _clause(t: _Text, c: _Cand, prev: _Cand | None, nxt: int, rules: _Rules) -> tuple[int, int, int | None, int, int]:
    """Where the clause of mention ``c`` lies in its sentence (``prev``: the mention before it, ``nxt``: where the
    next one starts), as the later stages read it: ``ctx_start``, where its context starts (its start, or its
    exercise word before a name in apposition); ``own_lo``, the end of the mention before it if that ends before
    (else 0) and ``prev_end``, the same or None; ``clause_lo``, past the last report verb before it (a country
    before "said"/"reported that" is the source, not a participant), else 0; ``right_hi``, where it ends."""
    ctx_start = c.context_start if c.context_start is not None else c.start
    own_lo = prev.end if prev is not None and prev.end <= ctx_start else 0
    prev_end = prev.end if prev is not None and prev.end <= ctx_start else None
    clause_lo = 0
    for r in rules.report.finditer(t, 0, ctx_start):
        after = _THAT.match(t, r.end())
        clause_lo = after.end() if after else r.end()
    right_hi = _clause_right(t, c.end, nxt)
    if c.context_start is not None and t.startswith((",", "—", "–"), right_hi):
        # a name in apposition ("The drills, dubbed X, will involve ...", "the drills — dubbed X — began"): the
        # clause goes on after it
        right_hi = _clause_right(t, right_hi + 1, nxt)
    return ctx_start, own_lo, prev_end, clause_lo, right_hi


def _generic_or_repeated(t: _Text, c: _Cand, mention_places: list, clause_lo: int, families_seen: set,
                         rules: _Rules) -> str:
    """Whether ("generic" or "reference"; "" to keep it) to leave out a mention that names no series and no place: an area of cooperation ("cooperation
    in strategic exercises, joint patrols and other areas"), or a definite reference back ("the exercise") to a
    family (exercise or patrol) already kept."""
    if c.series is None:
        if not mention_places and (rules.generic_before.search(t, clause_lo, c.start) or
                                   rules.generic_after.match(t, c.end)):
            return "generic"
        family = _family(c.kind)
        if c.definite and not mention_places and family in families_seen:
            return "reference"  # its sentence may still tell what the exercise involves (see references._fold)
    return ""
