"""Stage 4, the places of a mention: those its span took in, else one before it in its clause, else one in a
clause that goes on describing it. The gazetteer and its matching are :mod:`analysis.extract.places`."""
from __future__ import annotations

import itertools
import math
import re
from typing import TYPE_CHECKING

from analysis.extract.countries import CountryTuple, find_countries
from analysis.extract.exercises._vocab import _clause_right
from analysis.extract.exercises.participants import _hosts
from analysis.extract.places import PlaceMention, find_places

if TYPE_CHECKING:
    from analysis.extract.exercises._vocab import _Rules, _Text
    from analysis.extract.exercises.extractor import _ArticleContext
    from analysis.extract.exercises.mentions import _Cand

#: a preposition before a place: "in", "off", "near"
_LOC_PREP = r"(?:in|over|near|off|around|across|through|along|at|on|inside|within|above|to|into|from|toward|towards|" \
            r"span|spans|spanning|cover|covers|covering)"  # (a verb that places it: "maneuvers span much of Siberia")
#: "the waters off", "the northern part of the" before a place's name
_PART_OF = (r"(?:(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?(?:coast|waters|skies|airspace|area|vicinity|"
            r"east|west|north|south|part|parts)\s+(?:of|off|over|near)\s+(?:the\s+)?)?")
#: between a mention and its place: " in the", ", off the coast of"
_LOC_LEAD = re.compile(rf"(?:\s*,)?\s*{_LOC_PREP}\s+(?:the\s+|both\s+)?{_PART_OF}", re.IGNORECASE)
#: a place's position from another: ", northwest of the", ", around 560 kilometers (348 miles) east of the capital"
_RELATIVE_TO = (r"\s*,\s*(?:(?:about|around|some|roughly|nearly|approximately|over|more\s+than|less\s+than)\s+)?"
                r"(?:[\d,.]+\s*(?:km|kilomet(?:er|re)s|miles|nautical\s+miles)\s*(?:\([^()]{0,30}\)\s*)?)?"
                r"(?:north|south)?-?(?:east|west)?(?:ern|erly)?(?<![\s,])\s+of\s+(?:the\s+)?"
                r"(?:(?:capital|city|town|port|village|island)\s+(?:of\s+)?)?")
#: a place's other name after it: ", also known as the", " (also called "
_ALSO_NAMED = r"\s*[,(]\s*(?:also\s+)?(?:known\s+as|called|referred\s+to\s+as)\s+(?:the\s+)?"
#: between two places of one list: "and the", ", ", "seas and the", "training ground in Russia's", "of the", ", east of
#: the capital", ", also known as the"
_LOC_LIST = re.compile(r"(?:\s+(?:seas|oceans|straits|islands|regions|waters|(?:training\s+)?(?:ranges?|grounds?|"
                       r"bases?|polygons?|areas?)))?"
                       rf"(?:{_RELATIVE_TO}|{_ALSO_NAMED}|(?:"
                       r"\s*,\s*(?:including|such\s+as|as\s+well\s+as|and)?\s*"
                       r"|\s+(?:and|or|as\s+well\s+as|including)\s+"
                       r"|\s+(?:of|in)\s+(?:the\s+)?(?:(?:[A-Z]\w+\s+)?[A-Z]\w+['’]s\s+)?)"
                       rf"(?:the\s+|both\s+)?{_PART_OF})", re.IGNORECASE)
#: just before a place: "in the port city of", "near Russia's", "at seven training grounds of the", "in maritime
#: and coastal areas of the"
_LOC_BEFORE = re.compile(rf"\b{_LOC_PREP}\s+(?:the\s+|both\s+)?(?:waters\s+(?:of|off)\s+(?:the\s+)?)?"
                         r"(?:[A-Z]\w+['’]s\s+)?(?:(?:[\w\-]+\s+){0,3}?(?:ports?|city|cities|towns?|bases?|regions?|"
                         r"provinces?|islands?|peninsula|districts?|county|areas?|zones?|ranges?|grounds?|polygons?|"
                         r"sites?|parts?|expanses?)\s+(?:(?:of|in)\s+(?:the\s+)?)?)?$", re.IGNORECASE)
#: a phrase fronted before the subject of its clause, up to a mention: "Along with the ", "In addition to the "
_FRONTED = re.compile(r"(?:^|[.;:!?]\s+|\n\s*)\s*(?:Along\s+with|In\s+addition\s+to|Besides|Apart\s+from|Alongside|"
                      r"Unlike|Like)\s+[^,;.]*$")
#: just before a mention: "during the ", "in the course of "
_DURING = re.compile(r"\b(?:during|in\s+the\s+course\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
#: an opening quote mark before a name: the training ground "Tsugol"
_QUOTES = frozenset("\"“‘'«")
#: after a comma that ends a mention's clause, words that go on describing it (where its places may be): " held"
_DESCRIBING = re.compile(r"\s*(?:its|their|the|a|an|which|that|held|staged|conducted|hosted|taking\s+place|being|"
                         r"scheduled|set|due|running|involving|at|in|on|near|off|over|across|along|and\s+in|"
                         r"is|are|was|were|will|has|have|had|began|begins|started|starts|runs|ran|continues|"
                         r"continued|opened|with|brought|drew)\b", re.IGNORECASE)
#: the head of a clause before a place phrase: nothing but a connective since the last comma or the start: ", and "
_CLAUSE_HEAD = re.compile(r"(?:^|[,;:—–]|\b(?:and|while|as|then))\s*$")
#: after "which"/"that" describing a mention, a capitalised subject of its own ("which Japan's ministry tracked")
_OTHER_SUBJECT = re.compile(r"\s+(?:the\s+)?[A-Z]")


#: a list of ranges by name before their plural noun: "at the Prudboy, Ashuluk and Kapustin Yar training sites"
_RANGE_LIST = re.compile(r"\b(?:at|in|on)\s+(?:the\s+)?((?:[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+)?(?:\s*,\s*(?:and\s+)?|\s+and\s+))+"
                         r"[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+)?)\s+(?:training\s+|firing\s+)?"
                         r"(?:sites|grounds|ranges|polygons)\b")
#: a name of such a list
_RANGE_NAME = re.compile(r"[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+)?")


def _taken(a: int, b: int, places: list, countries) -> bool:
    """Whether text[a:b] overlaps a place already found or a country: no unlisted place's name."""
    return any(p.start < b and a < p.end for p in places) or any(c.start < b and a < c.end for c in countries)


def _unlisted(text: str, start: int, end: int, kind: str) -> PlaceMention:
    """A place the gazetteer does not know, ``text[start:end]`` as written, of ``kind``: without an id or a point."""
    return PlaceMention(start, end, text[start:end], "", text[start:end], kind, math.nan, math.nan)


def _unlisted_ranges(text: str, places: list, countries) -> list:
    """Ranges the gazetteer does not know, named in a list before their plural noun ("at the Prudboy, Arzgirsky
    and Kopansky training sites"), as places without an id or a point."""
    out = []
    for m in _RANGE_LIST.finditer(text):
        for w in _RANGE_NAME.finditer(text, m.start(1), m.end(1)):
            if _taken(w.start(), w.end(), places, countries):
                continue
            out.append(_unlisted(text, w.start(), w.end(), "base"))
    return out


#: an unlisted place's name: one to three capitalised words
_UNLISTED_NAME = r"(?P<name>[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+){0,2})"
#: what may follow such a name: punctuation, a plural head or a small word (not a noun it modifies)
_UNLISTED_END = (r"(?![\w\-’'])(?=\s*(?:[,.;:)\-–—]|$)|\s+(?:provinces|ranges|regions|districts)\b|"
                 r"\s(?:and|in|on|at|from|to|for|with|near|during|until|since|after|before|as|while|where|"
                 r"which|that|this|last|next|early|late|by|is|was|were|are|will|has|had)\b)")
#: a place the gazetteer does not know, named after a locative preposition: "in Lop Buri province", "at the
#: Raevskoye range", "near the town of Choibalsan", "from Babina, Gwalior, Goa and Pune" (one to three capitalised
#: words, with the head word a singular name carries as written; followed by punctuation, a plural head or a small
#: word, not by a noun it modifies: "the Asian nation", "the Armed Forces of")
_UNLISTED_PLACE = re.compile(r"\b(?:in|at|near|from|off)\s+(?:the\s+)?(?:(?:town|city|port|village|province|region|"
                             rf"district|island)\s+of\s+)?{_UNLISTED_NAME}"
                             rf"(?P<head>\s+(?:province|range|region|district|county|island))?{_UNLISTED_END}")
#: the next name of a list of such places: ", Gwalior", " and Pune"
_UNLISTED_NEXT = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+){_UNLISTED_NAME}{_UNLISTED_END}")
#: capitalised words that are no place's name after a preposition: directions, months and seasons, titles
_NOT_PLACE_WORDS = frozenset("North South East West Northern Southern Eastern Western Central January February March "
                             "April May June July August September October November December Parliament Congress "
                             "Moscow's Beijing's President Prime Minister Defence Defense Ministry General Colonel "
                             "Admiral Captain Commander Navy Army Air Force Forces Fleet Command Headquarters Staff "
                             "Reuters Xinhua TASS Interfax Sputnik Tass".split())


#: the prepositions :data:`_UNLISTED_PLACE` begins with, as plain text
_UNLISTED_PREPS = (" in ", " at ", " near ", " from ", " off ")
#: lower-case words that may stand between such a preposition and a name: "the town of"
_UNLISTED_BETWEEN = ("the ", "town of", "city of", "port of", "village of", "province of", "region of", "district of",
                     "island of")


def _unlisted_leads(text: str):
    """The matches of :data:`_UNLISTED_PLACE` in ``text``, tried only where a preposition is followed by a capital
    or a word that may come before a name (plain searches first: a pattern scanning every sentence for a
    preposition costs as much as the rest of the reading)."""
    starts = []
    for prep in _UNLISTED_PREPS:
        i = text.find(prep)
        while i >= 0:
            j = i + len(prep)
            if text[j:j + 1].isupper() or text.startswith(_UNLISTED_BETWEEN, j):
                starts.append(i + 1)
            i = text.find(prep, j - 1)
    for start in sorted(starts):
        m = _UNLISTED_PLACE.match(text, start)
        if m is not None:
            yield m


#: a place the gazetteer does not know, named as the point another is placed from: "east of the capital Ulaanbaatar",
#: "north of Kandalaksha"
_UNLISTED_FROM = re.compile(r"\b(?:north|south)?-?(?:east|west)?(?:ern|erly)?(?<=[a-z])\s+of\s+(?:the\s+)?"
                            r"(?:(?:capital|city|town|port|village|island)\s+(?:of\s+)?)?"
                            rf"{_UNLISTED_NAME}{_UNLISTED_END}")
#: the words that end a direction before " of": "east of", "northwestern of"
_DIRECTION_OF = ("th of ", "st of ", "rn of ", "ly of ")


def _unlisted_from(text: str):
    """The matches of :data:`_UNLISTED_FROM` in ``text`` (only where a direction word ends before " of")."""
    if not any(d in text for d in _DIRECTION_OF):
        return
    for m in _UNLISTED_FROM.finditer(text):
        if m.group().split()[0].lower().rstrip("-") in _DIRECTIONS:
            yield m


#: the direction words :data:`_UNLISTED_FROM` may begin with
_DIRECTIONS = frozenset(f"{ns}{sep}{ew}{suffix}" for ns in ("", "north", "south") for sep in ("", "-")
                        for ew in ("", "east", "west") for suffix in ("", "ern", "erly")
                        if (ns or ew) and (sep == "" or (ns and ew)))


def _unlisted_places(text: str, places: list, countries, rules: _Rules) -> list:
    """Places the gazetteer does not know, named after a locative preposition ("the Joint Strike exercise in Lop
    Buri province", "at the Raevskoye range", "began at a base near the town of Choibalsan") and the names
    listed after them ("from Babina, Gwalior, Goa and Pune"): places without an id or a point. Not a country,
    a known place, a month, a direction or a word that begins no name."""
    out = []
    for m in itertools.chain(_unlisted_leads(text), _unlisted_from(text)):
        found = [(m.start("name"), m.end("head") if m.groupdict().get("head") else m.end("name"))]
        end = m.end()
        while (more := _UNLISTED_NEXT.match(text, end)) is not None:
            found.append(more.span("name"))
            end = more.end()
        for a, b in found:
            words = text[a:b].split()
            if words[0] in rules.not_name or words[0] in _NOT_PLACE_WORDS or _taken(a, b, places, countries):
                break  # (a list stops at its first name that is not a place)
            out.append(_unlisted(text, a, b, "region"))
    return out


#: just before a country named as the place of an exercise: "off the coast of ", "in waters off ", "off "
_SEA_OFF = re.compile(r"(?:\b(?:waters|coast|coasts|coastline|shores?)\s+(?:off|of)|\boff)\s+(?:the\s+)?$")


def _countries_as_places(text: str, countries) -> list:
    """The countries named as the sea off them ("drills off the coast of Iran", "arrived in waters off Iran"), not
    those that own what follows ("off Iran's port of Chabahar"): places of the mentions there, as written, without
    an id or a point (they stay countries for who takes part)."""
    out = []
    for x in countries:
        if x.kind == "name" and text[x.end - 2:x.end] not in ("’s", "'s") and text[x.end:x.end + 2] not in ("’s", "'s") \
                and _SEA_OFF.search(text, max(0, x.start - 24), x.start):  # (not "off Iran's port of Chabahar")
            out.append(_unlisted(text, x.start, x.end, "country"))
    return out


def _sentence_facts(text: str, rules: _Rules):
    """The places in a sentence, and its countries that are not inside a place or an outlet's name. Where a
    country and a place overlap the longer wins: "South China Sea" is a place, "South Africa" a country. Ranges
    named in a list are places even when the gazetteer does not know them (see :func:`_unlisted_ranges`)."""
    places = find_places(text)
    countries = find_countries(text, CountryTuple)
    if ("sites" in text or "grounds" in text or "ranges" in text or "polygons" in text) and \
            (more := _unlisted_ranges(text, places, countries)):
        places = sorted(places + more, key=lambda p: p.start)
    if countries and places:
        places = [p for p in places if not any(c.start <= p.start and p.end <= c.end and
                                               c.end - c.start > p.end - p.start for c in countries)]
    if countries:
        masked = [(p.start, p.end) for p in places]
        if rules.media_word_scan.search(text):  # (a scan of literals first: few sentences name an outlet)
            masked += [m.span() for m in rules.media.finditer(text)]
        if masked:
            countries = [c for c in countries if not any(s < c.end and c.start < e for s, e in masked)]
    return places, countries


def _mention_places(t: _Text, c: _Cand, places, own_lo: int, ctx_start: int, prev_end: int | None, right_hi: int,
                    places_nxt: int) -> list:
    """The places of mention ``c`` among the sentence's ``places`` (``own_lo`` .. ``right_hi``: its clause, see
    :func:`~analysis.extract.exercises.mentions._clause`); ``places_nxt``: how far right a clause that describes
    it may go (the next mention; for the last, past the exercise words in apposition to it)."""
    # places: in the mention, else before it in its clause ("In the Mediterranean, ..."; after another
    # mention, only at the head of a clause), else just after it, where a clause that describes it
    # goes on ("Vostok-2018, its biggest exercise since 1981, at training grounds in Siberia")
    mention_places = list(c.places)
    if not mention_places:
        places_hi = right_hi
        # (not past the comma that ends a phrase fronted before another subject: "Along with the joint patrol to
        # Japan's east, a Russian A-50 flew over the Sea of Japan")
        for _ in range(0 if _FRONTED.search(t, max(0, c.start - 120), c.start) else 3):
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
    if mention_places and _DURING.search(t, max(0, c.start - 12), c.start):
        # "Troops march at the training ground "Tsugol" ... during the exercises Vostok 2018 in Siberia": where the
        # clause's action is, the exercise it happens during is too
        before = [p for p in places if own_lo <= p.start < c.start and p not in mention_places and
                  _LOC_BEFORE.search(t, max(0, p.start - 60), p.start - (t[p.start - 1:p.start] in _QUOTES))]
        mention_places = before + mention_places
    return mention_places


def _place_names(mention_places: list, went_on, ctx: _ArticleContext) -> tuple[list[str], list[str]]:
    """The names and gazetteer ids of a mention's places and of those of the next sentences that go on telling
    of it (``went_on``, see :func:`~analysis.extract.exercises.domains._went_on`), in order: each name as written
    once (a place named two ways is named both ways), each id once."""
    cont_places = []
    for j in went_on:
        cont_places += ctx.sentence_facts(j)[0]
    locations, place_ids = [], []
    for p in mention_places + cont_places:
        if p.surface.lower() not in (x.lower() for x in locations):  # (each name as written: "Guangdong Province",
            locations.append(p.surface)                              # then "Guangdong")
        if p.place_id and p.place_id not in place_ids:
            place_ids.append(p.place_id)
    return locations, place_ids


#: after a place, a country in apposition that holds it: ", Russia" in "in Eastern Siberia, Russia, on Thursday"
#: (not a source: "in the Baltic, Russia said")
_COUNTRY_OF_PLACE = re.compile(r",\s+")
#: after that country, the end of the apposition: ",", "." or the end
_APPOSITION_END = re.compile(r"\s*(?:[,.;:)]|$)")


#: just before a mention, a hosting verb whose subject is its host: "has hosted the ", "will host a ", "hosts "
_HOSTING_BEFORE = re.compile(r"(?:(?:has|have|had|will|would|is|was|were)\s+)?(?:hosted|hosts|host|hosting)\s+"
                             r"(?:the|a|an|its|their)?\s*$", re.IGNORECASE)  # ("Mongolia Hosts Exercise X" in a headline)


def _host_subject(t: _Text, c: _Cand, countries) -> list:
    """The country named as the subject of a hosting verb just before mention ``c`` ("Russia hosted the
    multinational exercise", "the first time Mongolia has hosted a joint exercise"): its host."""
    lead = _HOSTING_BEFORE.search(t, max(0, c.start - 30), c.start) if "ost" in t[max(0, c.start - 30):c.start] \
        else None
    if lead is None:
        return []
    before = t[:lead.start()].rstrip()
    return [x for x in countries if x.end == len(before) and x.kind == "name"]


def _host_names(t: _Text, c: _Cand, mention_places: list, country_at: dict) -> list[str]:
    """The countries a mention is held in, as the text writes them, for its locations: its hosts ("exercises
    began in Russia", "the drills in Belarus and Russia", see
    :func:`~analysis.extract.exercises.participants._hosts`; "Russia hosted the exercise", see
    :func:`_host_subject`) and a country in apposition to its last place ("in Eastern Siberia, Russia, on
    Thursday")."""
    found = _host_subject(t, c, country_at.values()) + list(_hosts(t, c.end, country_at))
    if mention_places:
        last = mention_places[-1]
        lead = _COUNTRY_OF_PLACE.match(t, last.end)
        x = country_at.get(lead.end()) if lead else None
        if x is not None and x.kind == "name" and _APPOSITION_END.match(t, x.end):
            found.append(x)
    return list(dict.fromkeys(t[x.start:x.end] for x in found))
