"""Who can speak: every mention of a possible speaker in an article, with its offsets.

A mention is a ``person`` ("Russian Defence Minister Sergei Shoigu": the name "Sergei Shoigu", its
titles and its country), an ``institution`` ("China's defence ministry", "the Kremlin"), an
``outlet`` ("Global Times"), a ``pronoun`` ("he", "she") or a ``role`` ("the minister", "the
newspaper"), which :mod:`~analysis.extract.quotes.resolve` resolves to a name. ``start``/``end``
point at the name as written (titles and a leading "the" left out); ``lead`` is where the whole
phrase begins, titles included, which is what must stand next to a speech verb.

>>> [(m.kind, m.name, m.titles, m.country) for m in find_mentions("Russian Defence Minister Sergei Shoigu said")]
[('person', 'Sergei Shoigu', ('minister',), 'RUS')]
"""
from __future__ import annotations

import re
from typing import NamedTuple
from functools import lru_cache

from analysis.extract._patterns import trie_alternation
from analysis.extract.countries import aliases, find_countries
from analysis.extract.quotes._vocab import vocab

__all__ = ["Mention", "find_mentions"]


class Mention(NamedTuple):
    start: int
    end: int
    kind: str  # person, institution, outlet, pronoun, role
    name: str  # person: the name without titles; role: the words as written; others: the name as written
    lead: int  # where the phrase begins (titles and determiner included)
    head: str = ""  # role/institution: its head noun in lower case ("minister", "newspaper", "ministry")
    titles: tuple[str, ...] = ()  # person: the titles written with the name, lower case
    country: str = ""  # ISO alpha-3 the mention's own words give ("Russian", "China's"), else ""
    confirmed: bool = True  # person: known to be a name (two words, or a word of a longer name, ...)


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŸŹŻŽ"
_WORD = r"[^\W\d_]"
_SPACE = "[ \u00a0]+"
_CONNECT = r"(?:of|on|for|de|da|du|van|von|bin|ibn|al|del|der|la|le)"
_NOT_AFTER = r"[\w’'-]"
# Each pronoun is its own pattern that opens with the literal word, its word-start test a look-behind
# after it: the regex engine then jumps from one place the word is written to the next (one pattern for
# all four would try a match at every h and s of the text).
_PRONOUNS = tuple(re.compile(rf"{w}(?<![\w’'-]{'.' * len(w)})(?![\w’'])") for w in ("He", "he", "She", "she"))
# "it said": an institution or outlet named before (only next to a speech verb: "it" is common)
_IT = tuple(re.compile(rf"{w}(?<![\w’'-]..)(?=(?:[ \u00a0]+(?:also|has|had|later|then|further))*[ \u00a0]+"
                       r"(?:said|says|added|adds|stated|states|noted|notes|reported|reports|warned|announced|told|"
                       r"wrote|writes|explained|claimed|insisted|stressed|highlighted)\b)") for w in ("It", "it"))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    v = vocab()
    # a capitalized word, an initial ("A.") or an abbreviation ("U.S."); the first of a run has no word
    # character, apostrophe, dot or hyphen before it, tested after its capital (a look-behind at the head
    # of the pattern would stop the regex engine from skipping ahead to capitals)
    rest = rf"(?:\.(?:[A-Z]\.)*|{_WORD}*(?:[-’']{_WORD}{{2,}})*)"
    first = rf"[{_UPPER}](?<![\w’'.\-].){rest}"
    seq = rf"{first}(?:{_SPACE}(?:{_CONNECT}{_SPACE}(?:the{_SPACE})?)?[{_UPPER}]{rest})*"
    heads = sorted(v.titles | v.outlet_heads | v.institution_heads | v.document_heads, key=len, reverse=True)
    head = trie_alternation(heads, space=r"\s+", fold_case=True)
    countries_and_demonyms = trie_alternation(
        (a for a, (_, kind) in aliases().items() if kind in ("name", "abbreviation", "demonym")), space=_SPACE,
        not_after=_NOT_AFTER)
    capitalized = rf"[{_UPPER}][\w’'-]+(?:{_SPACE}[{_UPPER}][\w’'-]+)*"
    doc_head = trie_alternation(sorted(v.document_heads), space=r"\s+", fold_case=True)
    inst_head = trie_alternation(sorted(v.outlet_heads | v.institution_heads), space=r"\s+", fold_case=True)
    named = trie_alternation(v.named, space=_SPACE, not_after=_NOT_AFTER)
    possessive_countries = trie_alternation(
        (a for a, (_, kind) in aliases().items() if kind in ("name", "capital", "abbreviation")), space=_SPACE,
        not_after=_NOT_AFTER)
    determiners = trie_alternation([w for d in ("the", "this", "that", "its", "his", "her", "a", "an", "one")
                                    for w in (d, d.capitalize())], not_after=_NOT_AFTER)
    plural_aliases = [a for a, (_, kind) in aliases().items() if kind in ("name", "abbreviation", "demonym")]
    possessive_aliases = [a for a, (_, kind) in aliases().items() if kind in ("name", "capital", "abbreviation")]
    return {
        # where a role's head noun may begin (just after a space), its determiner a few words before: see _roles;
        # read in the text's lower-case form (the head is lower case: a literal space leads the scan), or as
        # the role pattern reads it when lowering may not match the regex engine's case folding
        "role_head": re.compile(rf"[ \u00a0](?=(?i:{head}))"),
        "role_head_lower": re.compile(rf" (?={head})"),
        "role_head_lower_nbsp": re.compile(rf"\u00a0(?={head})"),
        # read in the reversed text from a head back: the words (or "(ABC)"s) a role may have before its head
        "role_back": re.compile(r"(?:[ \u00a0]+(?:[\w’'-]+|\)[A-Z]{2,}\()){1,6}"),
        "determiner": re.compile(rf"(?:{determiners})(?=[ \u00a0])"),
        # read in the reversed text, back from where a "plural" head or a possessive "’s" is written: the
        # words the mention may have before it (see _reach), at most one per word of the longest alias and
        # the two lower-case words between
        "plural_back": re.compile(rf"(?:[ \u00a0]+{_chars(plural_aliases, 'a-z-')}+)"
                                  rf"{{1,{max(len(a.split()) for a in plural_aliases) + 2}}}"),
        "possessive_back": re.compile(rf"{_chars(possessive_aliases)}+(?:[ \u00a0]+{_chars(possessive_aliases)}+)"
                                      rf"{{0,{max(len(a.split()) for a in possessive_aliases) - 1}}}"),
        # what may follow "’s" in a possessive mention
        "possessive_ahead": re.compile(r"[\w’'\-\s]*"),
        "seq": re.compile(seq),
        "named": re.compile(rf"({named})(?![\w’'-])"),
        # "China's defence ministry", "Russia’s Foreign Ministry", "Russia’s Ministry of Defence"
        "possessive": re.compile(rf"(?:{possessive_countries})[’']s{_SPACE}(?:[\w-]+{_SPACE}){{0,3}}?"
                                 rf"(?i:{inst_head})(?![\w-])(?:{_SPACE}of{_SPACE}(?:the{_SPACE})?{capitalized})?"),
        # "the minister", "the Hong Kong daily", "the Russian Defense Ministry", "the official Chinese news agency"
        "role": re.compile(rf"(?:{determiners}){_SPACE}"
                           rf"((?:[\w’'-]+{_SPACE}|\([A-Z]{{2,}}\){_SPACE}){{0,5}}?(?i:{head}))(?![\w-])"
                           # not a head that a longer name goes on from ("the official Xinhua news agency")
                           rf"(?!{_SPACE}(?:[{_UPPER}][\w’'-]*{_SPACE}){{1,2}}(?i:{inst_head})(?![\w-]))"
                           # "the ministry of defence", "the Committee on Foreign Affairs"
                           rf"(?:(?:(?<=[Mm]inistry)|(?<=[Dd]epartment)|(?<=[Cc]ommittee)|(?<=[Oo]ffice))"
                           rf"{_SPACE}(?:[Oo]f|[Oo]n|[Ff]or){_SPACE}(?:the{_SPACE})?"
                           rf"(?:{capitalized}|defen[cs]e|[a-z]+{_SPACE}affairs)"
                           # "a diplomatic source in Beijing", "an official from Moscow"
                           rf"|(?<=[a-z]){_SPACE}(?:in|from|at|for){_SPACE}(?:the{_SPACE})?{capitalized})?"),
        # "U.S. officials", "Russian military sources": unnamed people a country word places
        "plural": re.compile(rf"(?:{countries_and_demonyms})(?![\w’'-]){_SPACE}(?:[a-z-]+{_SPACE}){{0,2}}?"
                             rf"(?:{'|'.join(_PLURAL_HEADS)})(?![\w’'-])"),
        # "the statement on Russian Defense Ministry’s website", "a report by the International Institute
        # for Strategic Studies (IISS)": the document speaks for the body it names
        # after a role whose head is a document
        "document": re.compile(rf"{_SPACE}(?:by|from|of|on){_SPACE}(?:the{_SPACE})?({seq})(?:[’']s)?"
                               rf"(?:{_SPACE}\([A-Z]{{2,}}\))?"),
    }


def find_mentions(text: str, near: list[tuple[int, int]] | None = None, lower: str | None = None) -> list[Mention]:
    """Every possible speaker mentioned in ``text``, in order, none overlapping another (the longest
    phrase wins; a named outlet or institution before a capitalized run, a run before a role).

    ``near``: sorted, non-overlapping (start, end) windows; roles ("the minister", "a report by X") are
    looked for only there (the extractor passes the text around speech verbs and
    quotations, the only places a role is read: the scan for them is the costliest). Names, outlets,
    institutions and pronouns are looked for everywhere. ``lower``: ``text.lower()``, when the caller has it."""
    p = _patterns()
    v = vocab()
    windows = near if near is not None else [(0, len(text))]
    # Each mention goes in with its sort key (where its phrase begins, the longer phrase first, then by
    # kind, then in the order found): the keys sort in C, and a Mention is built with tuple.__new__.
    found: list[tuple] = []
    add, new = found.append, _new_mention
    n = 0
    for m in p["named"].finditer(text):
        name = m.group(1)
        kind, country = v.named[name]
        start, end = m.span()
        lead = start - 4 if text[max(0, start - 4):start] in _THE else start
        add((lead, lead - end, _PRIORITY[kind], n, new(Mention, (start, end, kind, name, lead, name.lower(), (),
                                                                  country, True))))
        n += 1
    for m in _scan(text, p["plural"], _plural_reach(text, p)):
        start, end = m.span()
        add((start, start - end, 3, n, new(Mention, (start, end, "role", m.group(), start,
                                                     m.group().rsplit(None, 1)[-1], ("indefinite",),
                                                     _first_country(m.group()), True))))
        n += 1
    for m in _scan(text, p["possessive"], _possessive_reach(text, p)):
        start, end = m.span()
        add((start, start - end, 1, n, _institution(text, start, end, start)))
        n += 1
    documents = v.document_heads
    for m in _roles(text, windows, p, text.lower() if lower is None else lower):
        mention = _role(text, m)
        if mention.head in documents:  # "the statement on the Russian Defense Ministry’s website"
            named = p["document"].match(text, m.end(1))
            if named is not None:
                mention = _document(text, m.start(), named)
        add((mention.lead, mention.lead - mention.end, _PRIORITY[mention.kind], n, mention))
        n += 1
    classify, skip, titles = _classify_words, v.not_name, v.titles
    for m in p["seq"].finditer(text):
        run = m.group()
        if run in skip:  # "The", "In", "However": most runs of one word
            continue
        words = classify(run)
        if words is None:
            continue
        kind, offset, head, run_titles, country = words
        start, end = m.span()
        if kind == "person":
            if start >= 2 and text[start - 1] in " \u00a0" and _may_be_lower(text[start - 2]):
                mention = _person(text, start, end, offset, run_titles, country, titles)
            else:  # no lower-case word just before the run: no title to add
                name = run[offset:]
                mention = new(Mention, (start + offset, end, "person", name, start, "", run_titles,
                                        country or _leader_country(name), True))
            add((start, start - end, 2, n, mention))
        else:
            add((start, start - end, _PRIORITY[kind], n,
                 new(Mention, (start + offset, end, kind, run[offset:], start, head, run_titles, country, True))))
        n += 1
    for pattern in _PRONOUNS:  # pronouns never overlap one another: the order of the scans does not matter
        for m in pattern.finditer(text):
            start, end = m.span()
            add((start, start - end, 4, n, new(Mention, (start, end, "pronoun", m.group().lower(), start, "", (),
                                                         "", True))))
            n += 1
    for pattern in _IT:
        for m in pattern.finditer(text):
            start, end = m.span()
            add((start, start - end, 4, n, new(Mention, (start, end, "pronoun", "it", start, "", (), "", True))))
            n += 1
    found.sort()
    kept: list[Mention] = []
    last_end = -1
    for key in found:
        x = key[4]
        if key[0] < last_end:
            continue
        kept.append(x)
        last_end = x.end
    return _confirm(kept)


def _roles(text: str, windows: list[tuple[int, int]], p: dict[str, re.Pattern[str]], lower: str):
    """What ``p["role"].finditer(text, a, b)`` finds in each window (a, b), without trying the pattern at every
    determiner: a role ends with a head noun written just after a space, its determiner at most six words
    (or "(ABC)"s) before. The heads are found first (in ``lower``, ``text.lower()``), then the determiners in
    reach of one, and the pattern is tried only there, in text order, from where its last match ended, as
    ``finditer`` goes on."""
    role, determiner, back = p["role"], p["determiner"], p["role_back"]
    reverse = None
    n = len(text)
    # every character the regex engine folds to an ASCII letter lowers to it, but for these (and "İ", which
    # lowers to two characters): without them, a head the role pattern reads is a head in ``lower``
    exact = len(lower) != n or "ı" in text or "ſ" in text
    nbsp = "\u00a0" in text
    for a, b in windows:
        if exact:
            heads = [h.end() for h in p["role_head"].finditer(text, a, b)]
        else:
            heads = [h.end() for h in p["role_head_lower"].finditer(lower, a, b)]
            if nbsp:
                heads = sorted(heads + [h.end() for h in p["role_head_lower_nbsp"].finditer(lower, a, b)])
        reach: list[tuple[int, int]] = []  # (lo, h): a determiner of a role whose head begins at h starts in [lo, h)
        for h in heads:  # each head begins after a space
            if reverse is None:
                reverse = text[::-1]
            words = back.match(reverse, n - h)
            if words is not None:  # else no word stands before it: nothing to be a determiner
                reach.append((max(a, n - words.end()), h))
        if not reach:
            continue
        reach.sort()
        floor = a
        lo, hi = reach[0]
        for x, y in reach[1:] + [(n + 1, n + 1)]:
            if x <= hi:
                hi = max(hi, y)
                continue
            for d in determiner.finditer(text, lo, hi):
                start = d.start()
                if start < floor:
                    continue
                m = role.match(text, start, b)
                if m is not None:
                    yield m
                    floor = m.end()
            lo, hi = x, y


def _chars(terms: list[str], more: str = "") -> str:
    """A character class of the characters of ``terms`` but the space (and ``more``, as written in a class)."""
    return "[" + "".join(re.escape(c) for c in sorted(set("".join(terms)) - {" "})) + more + "]"


# The "plural" and "possessive" mentions are rare and hold a word that is easy to find ("officials", "’s"):
# each pattern is run only over the stretches of text that can hold a match of it. A stretch reaches back
# from that word over the words a match can have before it (read in the reversed text) and on to the
# character after the last one a match can hold (which the look-ahead at its end reads), so every match
# the pattern finds in the whole text lies in one stretch, and the pattern finds it there (stretches that
# overlap are merged: a match never spans two).


def _plural_reach(text: str, p: dict[str, re.Pattern[str]]) -> list[tuple[int, int]]:
    """The stretches that can hold "U.S. officials", "Russian military sources": before a plural head."""
    spans = []
    n = len(text)
    reverse = None
    for word in _PLURAL_HEADS:
        i = text.find(word)
        while i != -1:
            if reverse is None:
                reverse = text[::-1]
            back = p["plural_back"].match(reverse, n - i)
            if back is not None:  # else no space before the head: no country word can come before it
                spans.append((n - back.end(), min(n, i + len(word) + 1)))
            i = text.find(word, i + 1)
    return spans


def _possessive_reach(text: str, p: dict[str, re.Pattern[str]]) -> list[tuple[int, int]]:
    """The stretches that can hold "China's defence ministry": around each "’s"."""
    spans = []
    n = len(text)
    reverse = None
    for mark in ("’s", "'s"):
        i = text.find(mark)
        while i != -1:
            if reverse is None:
                reverse = text[::-1]
            back = p["possessive_back"].match(reverse, n - i)
            if back is not None:  # else no country's name ends just before the mark
                spans.append((n - back.end(), min(n, p["possessive_ahead"].match(text, i + 2).end() + 1)))
            i = text.find(mark, i + 1)
    return spans


def _scan(text: str, pattern: re.Pattern[str], spans: list[tuple[int, int]]):
    """What ``pattern.finditer(text)`` finds, when every match lies in one of ``spans`` (see above)."""
    if not spans:
        return
    spans.sort()
    lo, hi = spans[0]
    for a, b in spans[1:]:
        if a <= hi:
            hi = max(hi, b)
        else:
            yield from pattern.finditer(text, lo, hi)
            lo, hi = a, b
    yield from pattern.finditer(text, lo, hi)


_THE = ("the ", "The ", "THE ", "the\u00a0", "The\u00a0")
# the words a "plural" mention ends with: a text without any of them is not scanned for one
_PLURAL_HEADS = ("officials", "sources", "diplomats", "analysts", "experts", "lawmakers", "authorities")
_PRIORITY = {"outlet": 0, "institution": 1, "person": 2, "role": 3, "pronoun": 4}


def _first_country(text: str) -> str:
    """The alpha-3 code of the first country ``text`` names (:func:`find_countries`), else ""."""
    found = find_countries(text)
    return found[0].alpha3 if found else ""


def _document(text: str, lead: int, m: re.Match[str]) -> Mention:
    """The body a document names ("a report by the International Institute for Strategic Studies (IISS)"),
    which speaks through it; its abbreviation in brackets is kept with the name."""
    end = m.end() if text[m.end() - 1] == ")" else m.end(1)
    name = text[m.start(1):end]
    kind, country = vocab().named.get(m.group(1), ("institution", ""))
    if not country:
        country = _first_country(name)
    return Mention(m.start(1), end, kind, name, lead, "document", (), country)


def _institution(text: str, lead: int, end: int, start: int) -> Mention:
    name = text[start:end]
    head = name.rsplit(None, 1)[-1].lower()
    return Mention(start, end, "institution", name, lead, head, (), _first_country(name))


def _role(text: str, m: re.Match[str]) -> Mention:
    """A determiner and a head noun: a role that refers back ("the minister") or, when its words name
    the institution ("the Russian Defense Ministry"), an institution as written."""
    kind, head, titles, country = _read_role(text[m.start():m.start(1)], m.group(1), text[m.end(1):m.end()])
    return Mention(m.start(1), m.end(), kind, text[m.start(1):m.end()], m.start(), head, titles, country)


@lru_cache(maxsize=4096)
def _read_role(determiner: str, words: str, tail: str) -> tuple[str, str, tuple[str, ...], str]:
    """:func:`_role` on the words alone, cached: (kind, head, titles, country)."""
    v = vocab()
    split = words.split()
    head = split[-1].lower()
    if " ".join(split[-2:]).lower() in v.outlet_heads:
        head = " ".join(split[-2:]).lower()
    country = _first_country(words + tail)
    capitalized = any(w[:1].isupper() for w in split[:-1]) or tail
    if head in v.institution_heads and (capitalized or words[:1].isupper()):
        return "institution", head, (), country
    # "a Pentagon official": a role that introduces someone unnamed, not one that refers back
    indefinite = ("indefinite",) if determiner.strip().lower() in ("a", "an", "one") else ()
    return "role", head, indefinite, country


_new_mention = tuple.__new__  # Mention's fields in order, without the Python-level __new__ of a NamedTuple


def _may_be_lower(ch: str) -> bool:
    """Can a word ending with ``ch`` be lower case (``str.islower``)? Not when ``ch`` is no letter (the word
    before a run is its letters only) or a capital or title-case letter."""
    return ch.isalpha() and not (ch.isupper() or ch.istitle())


def _person(text: str, start: int, end: int, offset: int, titles: tuple[str, ...], country: str,
            known_titles: frozenset[str] | None = None) -> Mention:
    """A person's mention, with the title and country the words just before its run give (a lower-case
    title: "spokesperson Zhao Lijian"; the country of the words before that title: "Chinese Foreign
    Ministry spokesperson Zhao Lijian")."""
    if start >= 2 and text[start - 1] in " \u00a0":  # else no word just before the run
        word, word_start = _word_before(text, start)
        if word.islower() and word in (known_titles if known_titles is not None else vocab().titles):
            if word not in titles:
                titles += (word,)
            if not country:
                found = find_countries(text[max(0, word_start - 60):word_start])
                country = found[-1].alpha3 if found else ""
    name = text[start + offset:end]
    return Mention(start + offset, end, "person", name, start, "", titles, country or _leader_country(name))


@lru_cache(maxsize=4096)
def _classify_words(run: str) -> tuple[str, int, str, tuple[str, ...], str] | None:
    """A run of capitalized words, read on its words alone and cached (names recur): a person once
    titles, honorifics and country words in front are taken off ("Chinese Defence Minister General Wei
    Fenghe" -> "Wei Fenghe"), an institution when a word is an institution's head ("East China Normal
    University"), a country that speaks for its government ("Beijing"), a title alone (a role: "the
    President"), or nothing ("South China Sea"). Gives (kind, where the name begins in the run, head,
    titles, country), or None."""
    v = vocab()
    table = aliases()
    tokens = [(t.start(), t.end()) for t in re.finditer(r"\S+", run)]
    places = [(c.start, c.end, c.alpha3) for c in find_countries(run) if c.kind != "leader"]

    def place_at(a: int) -> str | None:
        return next((code for s, e, code in places if s <= a < e), None)

    titles: list[str] = []
    countries: list[str] = []
    i = 0
    while i < len(tokens):
        word = run[tokens[i][0]:tokens[i][1]]
        low = word.lower()
        alias = place_at(tokens[i][0])
        if low in v.titles or low in v.honorifics or low.rstrip(".") in v.honorifics:
            if low in v.titles:
                titles.append(low)
        elif low in v.modifiers or word in v.not_name:
            pass
        elif alias is not None:
            countries.append(alias)
        else:
            break
        i += 1
    rest = tokens[i:]
    inner = [k for k in range(i, len(tokens)) if run[tokens[k][0]:tokens[k][1]].lower() in v.titles]
    if inner and inner[-1] + 1 < len(tokens) and not {run[a:b].lower() for a, b in tokens} & v.institution_heads:
        # "Latvian Foreign Minister Edgars Rinkevics": an adjective the vocabulary lacks before the title
        titles += [run[a:b].lower() for a, b in (tokens[k] for k in inner)]
        rest = tokens[inner[-1] + 1:]
    first_country = countries[0] if countries else ""
    if not rest:
        if titles:
            return "role", 0, titles[-1], (), first_country
        if len(places) == 1 and places[0][:2] == (0, len(run)) and \
                table.get(run, ("", ""))[1] in ("name", "capital", "institution"):
            return "institution", 0, "", (), first_country
        return None
    words = [run[a:b] for a, b in rest]
    lows = {w.lower() for w in words}
    heads = [k for k, w in enumerate(words) if w.lower() in v.institution_heads | v.outlet_heads]
    after = words[heads[-1] + 1:] if heads else []
    if 2 <= len(after) <= 3 and all(w[:1].isupper() and not w.isupper() and w not in v.not_name for w in after):
        # "… of Moscow State University Andrey Karneev": the person the institution's words introduce
        k = len(rest) - len(after)
        return "person", rest[k][0], "", tuple(dict.fromkeys(titles)), first_country
    if lows & v.institution_heads or lows & v.outlet_heads:
        first = next((k for k, (a, b) in enumerate(tokens) if run[a:b] not in v.not_name), 0)
        s = tokens[first][0]
        head = next((w.lower() for w in reversed(words) if w.lower() in v.institution_heads | v.outlet_heads),
                    words[-1].lower())
        return "institution", s, head, (), _first_country(run[s:]) or first_country
    if any(w in v.not_name for w in words) or any(place_at(a) for a, _ in rest) or len(words) > 4:
        return None
    if any(w[:1].islower() for w in words):  # a connector inside: a place or a body, not a person
        return None
    if len(words) > 1 and all(w.isupper() and len(w) > 2 for w in words):  # "KUALA LUMPUR", a dateline
        return None
    return "person", rest[0][0], "", tuple(dict.fromkeys(titles)), first_country


def _word_before(text: str, lead: int) -> tuple[str, int]:
    """The word just before ``lead`` (one space between) and where it starts, or ("", lead)."""
    if lead < 2 or text[lead - 1] not in " \u00a0":
        return "", lead
    start = lead - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:lead - 1], start


@lru_cache(maxsize=4096)
def _leader_country(name: str) -> str:
    hit = aliases().get(name) or aliases().get(name.rsplit(None, 1)[-1])
    return hit[0] if hit and hit[1] == "leader" else ""


def _confirm(mentions: list[Mention]) -> list[Mention]:
    """A one-word person is confirmed when it is a word of a longer name in the article, a leader the
    country vocabulary knows, or has a title; else it may be a capitalized common word."""
    people = [k for k, m in enumerate(mentions) if m.kind == "person"]
    words = {w for k in people if " " in mentions[k].name for w in mentions[k].name.split()}
    for k in people:
        m = mentions[k]
        if " " not in m.name and not (m.name in words or m.titles or _leader_country(m.name)):
            mentions[k] = m._replace(confirmed=False)
    return mentions
