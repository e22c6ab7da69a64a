"""Stage 7, who takes part: the countries of a mention, and of its clause when they are its subject (not the
watchers, not a source); contingents sent to it and its hosts; the article's pair for "the two countries" or
"the two navies"; and the countries the next sentences say take part."""
from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from analysis.extract._patterns import trie_alternation
from analysis.extract.exercises._vocab import (_ASIDE, _PART_SKIP, _SENTENCE_BREAK, _WATCH_PURPOSE, _CaseFree,
                                               _country_list, _is_verb_cue)

if TYPE_CHECKING:
    from analysis.extract.exercises._vocab import _Rules, _Text
    from analysis.extract.exercises.extractor import ExerciseMention, _ArticleContext
    from analysis.extract.exercises.mentions import _Cand

# ---- subjects and the article's pair ------------------------------------------------------------------------

#: between two countries named together: "Chinese and Russian", "Russia-China", "China, Russia"
_PAIRED = re.compile(r"\s*(?:,|and|&|-|–|/|,\s*and)\s*")
#: after two countries named together, what makes them the watchers of an exercise, not its participants
_WATCHER_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w\-]+\s+){0,3}?(?:intercept\w*|scrambl\w*|track(?:s|ed|ing)?|shadow\w*|"
                            r"monitor\w*|tail(?:s|ed|ing)?|warn(?:s|ed)?|spotted|detect(?:s|ed|ing)?|"
                            r"observ(?:es|ed|ing)|locat(?:es|ed|ing)|sight(?:s|ed|ing)?)\b", re.IGNORECASE)
#: after a nationality, its forces: " Navy", " Border Guard" ("vessels from the Russian Border Guard" take part, though
#: "from" before a country mostly makes it a place)
_FORCE_AFTER = re.compile(r"\s+(?:navy|army|air\s+force|armed\s+forces|forces|military|coast\s+guard|border\s+guard|"
                          r"border\s+service|marines|troops|warships|ships|vessels|bombers|aircraft)\b", re.IGNORECASE)
#: just before countries, "watched by the": they watch, not take part
_WATCHED_BY = re.compile(r"\b(?:watched|shadowed|monitored|tracked|tailed|followed|intercepted|observed)\s+by\s+"
                         r"(?:the\s+)?$", re.IGNORECASE)
#: before a country, words that make it a place rather than a party ("near Japan", "border with Poland")
_PLACE_PREPS = frozenset(("near", "off", "over", "around", "toward", "towards", "bordering"))
#: before "with" and a country, nouns that make it a place: "the border with Poland"
_BORDER_NOUNS = frozenset(("border", "borders", "frontier"))
#: nouns after a country that make it the owner of a place ("Japanese waters", "the Polish border")
_PLACE_NOUNS = r"border|borders|frontier|waters|airspace|skies|coast|coastline|territorial|air\s+defen[cs]e|exclusive"
#: after a country, a place it owns: "Japanese waters", "Poland's border"
_PLACE_USE_AFTER = re.compile(rf"(?:['’]s)?\s+(?:{_PLACE_NOUNS})\b", re.IGNORECASE)
#: "in what the Japanese defence ministry called a joint patrol": the country there is the source
_WHAT_CALLED = _CaseFree(r"\bwhat\s+([^,;:!?]{1,80}?)\s+(?:called|calls|described\s+as|describes\s+as|termed|"
                          r"terms|dubbed|labell?ed|characteri[sz]ed\s+as)\s+(?:an?\s+|the\s+)?$", needs="what")
#: "what Moscow and Beijing said was their first joint patrol": the countries that said it hold it
_WHAT_SAID_THEIR = _CaseFree(r"\bwhat\s+([^,;:!?]{1,80}?)\s+(?:said|say|says|described|describe|describes|called|"
                             r"call|calls)\s+(?:was|were|is|are|as|would\s+be|will\s+be)\s+(?:their|its)\s+$",
                             needs="what")


def _subject_verb(text: str, lo: int, hi: int, c: _Cand, hold_here: bool, rules: _Rules) -> bool:
    """A holding verb or a status cue in text[lo:hi] (the mention's clause before it), or the mention's
    own "jointly": what makes the countries there the subject of the mention; not when the verb is
    negated ("Japan refused to take part in")."""
    return bool(hold_here or rules.status.search(text, lo, hi)
                or (c.head is not None and _is_verb_cue(text[c.head[0]:c.head[1]]))) and \
        not rules.negation.search(text, lo, hi)


def _two_parties(text: str, lo: int, hi: int, countries, rules: _Rules) -> bool:
    """Two countries, or a group noun ("the two navies"), in text[lo:hi]."""
    return len({x.alpha3 for x in countries if lo <= x.start < hi}) >= 2 or rules.group.search(text, lo, hi) is not None


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


# ---- contingents and hosts ----------------------------------------------------------------------------------

#: "with troops from China, India and Belarus", "China, India and Belarus also took part"
_CONTINGENT = _CaseFree(r"(?:%s)\s+from\s+(?:the\s+)?" % trie_alternation(
    "troops forces servicemen soldiers contingent contingents units personnel military militaries warships ships "
    "aircraft delegation delegations navies observers".split(), not_after=r"\w"), needs="from")
#: the force noun that may stand between a country list and "took part" ("China's troops also took part")
_TAKING_PART_FORCES = (r"(?:\s+(?:troops|forces|servicemen|soldiers|contingents?|units|personnel|warships|ships|vessels|"
                       r"aircraft|jets|bombers|fighters|helicopters|navies|navy|military|militaries|marines))?")
#: nouns for a country's forces in an exercise ("3,200 Chinese soldiers", "China sent warships")
_FORCES = (r"troops|soldiers|servicemen|service\s+members|sailors|marines|paratroopers|personnel|forces|units|"
           r"contingents?|warships|ships|vessels|destroyers|frigates|corvettes|submarines|aircraft|jets|bombers|"
           r"fighters|helicopters|tanks|vehicles")
#: "China, India and Belarus also took part", "with Chinese ships taking part" (a force noun may come between)
_TOOK_PART = re.compile(rf"{_TAKING_PART_FORCES}"
                        r"(?:\s*(?:,\s*)?(?:also\s+|will\s+also\s+|will\s+)?(?:took|take|taking|takes)\s+part\b|"
                        r"\s*(?:also\s+)?(?:participated|participating|participate|joined|joining|joins?\s+forces|sent\s+troops)\b)",
                        re.IGNORECASE)
#: "involved some 300,000 Russian troops, along with 3,200 Chinese soldiers": after the mention, an involving
#: verb or preposition opens a list whose nationalities, each before a force noun, are contingents.
_INVOLVING = re.compile(r"[\"”’'»]?(?:\s*,)?\s*(?:(?:which|that)\s+)?(?:(?:will|would)\s+)?(?:also\s+)?"
                        r"(?:(?P<verb>involv(?:ed|es|e|ing)|includ(?:ed|es|e|ing)|featur(?:ed|es|e|ing)|brought\s+together)|"
                        r"with|along\s+with|alongside|together\s+with)\b", re.IGNORECASE)
#: after a nationality, its forces: " troops", " naval ships"
_FORCE_NOUN = re.compile(r"\s+(?:(?:military|navy|naval|air\s+force|army|marine|strategic|fighter|combat|"
                         rf"[\w\-]*\d[\w\-]*)\s+)?(?:{_FORCES})\b", re.IGNORECASE)
#: "Vostok-2018, for which China sent 3,200 troops", "in which India took part": a relative clause after a mention
_FOR_WHICH = re.compile(r"[\"”’'»]?(?:\s*,)?\s*(?:for|to|in)\s+which\s+(?:the\s+)?", re.IGNORECASE)
#: "..., which will also involve China and Pakistan" after the mention's place or time: a list of participants
_REL_INVOLVING = re.compile(r"\b(?:which|that)\s+(?:will\s+|would\s+|is\s+to\s+)?(?:also\s+)?"
                            r"(?:involv|includ)\w*\s+(?:the\s+)?",
                            re.IGNORECASE)
#: between a mention and the country that hosts it: "drills (were held / hosted) in", "exercise hosted by"
_HOST_LEAD = re.compile(r"(?:\s*,)?\s*(?:(?:which|that)\s+)?(?:(?:was|were|is|are|will\s+be|to\s+be|being|be|been|"
                        r"has\s+been|have\s+been|has|have)\s+)?(?:[a-z]+ly\s+)?(?:(?:held|hosted|staged|conducted|organi[sz]ed|"
                        r"tak(?:ing|es?)\s+place|took\s+place|under\s*way|began|begins|started|starts|opened|"
                        r"(?:will\s+)?(?:begin|start|run)|ran|runs|kicked\s+off)\s+)?"
                        r"(?:(?:on|this|last|next)\s+(?:[A-Z]?[a-z]+|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|"
                        r"[A-Z][a-z]+\s+\d{1,2}(?:,?\s+\d{4})?)\s+)?"  # "on Monday", "this week", "on 24 August 2018"
                        r"(?:at\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}(?:training\s+grounds?|ranges|grounds|bases|sites|"
                        r"polygons)\s+)?(?:in|across|hosted\s+by)\s+(?:the\s+|both\s+)?")
#: after a country, what makes it a place's owner rather than the host ("in Japan's air defence zone")
_NOT_HOST_AFTER = re.compile(rf"[’']s|\s+(?:{_PLACE_NOUNS}|embassy|media|officials?|government|ministry|president)\b",
                             re.IGNORECASE)


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


# ---- the next sentences -------------------------------------------------------------------------------------

#: "India, Belarus and Mongolia will also take part." in the sentence after a mention: a country list that
#: also takes part, takes part with no object of its own, or joins the exercise told of ("China will join the
#: exercise"; not "Japan joined the protests")
_ALSO_TOOK_PART = re.compile(rf"{_TAKING_PART_FORCES}(?:\s*,)?\s*(?:will\s+|would\s+|are\s+to\s+)?"
                             r"(?:also\s+(?:took|take|taking|takes)\s+part|also\s+participat\w*|"
                             r"(?:took|take|takes)\s+part\s*[.,;]|participat(?:ed|es|e)\s*[.,;]|"
                             r"(?:also\s+)?(?:join(?:s|ed)?|(?:took|take|takes)\s+part\s+in|participat(?:ed|es|e)\s+in)\s+"
                             r"(?:the|this|these|those|that)\s+(?:[\w\-]+\s+){0,2}?(?:exercises?|drills?|war\s*games|"
                             r"man(?:oeu|eu)v\w*|patrols?)\b)", re.IGNORECASE)
#: "China sent 3,200 soldiers", "Mongolia also contributed a small contingent": after a country in the sentence
#: after a mention, a country that sends forces to it
_SENT_FORCES = re.compile(r"(?:['’]s\s+\w+)?\s+(?:also\s+|has\s+|have\s+|will\s+(?:also\s+)?|is\s+|are\s+)?"
                          r"(?:sent|send|sending|sends|contributed|contribute|contributes|contributing|dispatched|"
                          r"dispatch|dispatching)\s+"
                          r"(?:(?:about|some|around|nearly|almost|roughly|over|more\s+than|up\s+to)\s+)?"
                          rf"(?:an?\s+|its\s+|their\s+|[\d,.]+\s+)?(?:[\w\-]+\s+){{0,2}}?(?:{_FORCES})\b",
                          re.IGNORECASE)
#: after forces sent, where they went that is not the exercise ("to the front line", "to the area")
_SENT_ELSEWHERE = re.compile(r"[^.;]*?\bto\s+(?:the\s+)?(?:front|area|region|border|scene|Middle\s+East)\b", re.IGNORECASE)
#: forces sent to meet others ("jets", "interceptors"), not to drill with them, unless sent to the exercise
_INTERCEPTORS = re.compile(r"\b(?:jets|fighters|interceptors)\b", re.IGNORECASE)
#: after forces sent, where they go that makes them take part: "to take part in the drills"
_TO_THE_EXERCISE = re.compile(r"[^.;]*?\bto\s+(?:the\s+|take\s+part|join|participate)(?:[\w\-]+\s+){0,3}?"
                              r"(?:exercises?|drills?|war\s*games?|man(?:oeu|eu)v\w*|part|patrols?)?", re.IGNORECASE)
#: a verb of taking part anywhere in a sentence ("Troops from China ... are taking part alongside ...")
_TAKING_PART_VERB = re.compile(r"\b(?:tak(?:e|es|ing)|took)\s+part\b|\bparticipat", re.IGNORECASE)
#: a word of every pattern :func:`_also_taking_part` reads (a test on the lower-case text)
_TAKING_PART_WORDS = ("part", "sen", "contribut", "dispatch", "deploy", "fielded", "join")


#: before countries that only watch: "Guests from ", "observers from the "
_OBSERVERS_FROM = re.compile(r"\b(?:guests?|observers?|attach[eé]s?|delegations?)\s+(?:from|of)\s+(?:the\s+)?$",
                             re.IGNORECASE)
#: after countries, that they only watch: " will take part as observers", " sent observers"
_AS_OBSERVERS = re.compile(r"[^.;]{0,60}?\b(?:as\s+(?:an?\s+)?observers?|sen(?:t|d|ds)\s+(?:\w+\s+)?observers?)\b",
                           re.IGNORECASE)


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
        if _OBSERVERS_FROM.search(text, max(0, x.start - 30), x.start) or _AS_OBSERVERS.match(text, listed_to):
            continue  # "Guests from Kazakhstan will also take part", "India will take part as an observer"
        if _ALSO_TOOK_PART.match(text, listed_to) or (
                (sent := _SENT_FORCES.match(text, listed_to)) and all(y.kind != "demonym" for y in found)
                and not _WATCH_PURPOSE.search(text, sent.end()) and not _SENT_ELSEWHERE.match(text, sent.end())
                and not (_INTERCEPTORS.search(sent.group()) and not _TO_THE_EXERCISE.match(text, sent.end()))):
            out += [y for y in found if y not in out]
    if _TAKING_PART_VERB.search(text) and not rules.negation.search(text):  # not "... will not take part"
        for m in _CONTINGENT.finditer(text):
            out += [y for y in _country_list(text, m.end(), country_at)[0] if y not in out]
    return out


# ---- the stage ----------------------------------------------------------------------------------------------

def _participants(t: _Text, c: _Cand, ctx_start: int, clause_lo: int, nxt: int, joint: tuple, countries,
                  country_at: dict, rules: _Rules, ctx: _ArticleContext, sent, prev_mention: ExerciseMention | None,
                  follow, idx: int, flags: list[str]) -> tuple[list[str], set[int]] | None:
    """The participants of mention ``c`` (alpha-3 codes, unsorted; ``joint``: what the joint test found, see
    :func:`~analysis.extract.exercises.joint._joint`) and the next sentences that name countries taking part
    (``follow``: those after sentence ``idx`` that may go on about it, empty unless it is the sentence's last
    mention); None: the mention names none and is left out. Adds ``participants_from_context`` to ``flags``
    when they come from the article ("the two countries", "joint")."""
    hold_here, contingents, said_joint, subject_verb, subject_joint, rel_joint = joint
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
        placed = (rules.not_participant.search(t, max(0, x.start - 20), x.start) and
                  not (x.kind == "demonym" and _FORCE_AFTER.match(t, x.end))) or \
            any(p.start == x.start for p in c.places)  # (a country the span took in as a place: "off the coast of X")
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
    # "India, Belarus and Mongolia will also take part." in the next sentence
    for j, s2 in enumerate(follow, start=idx + 1):
        s2_text = ctx.text_of(j)
        low2 = s2_text.low or s2_text.lower()
        if not any(word in low2 for word in _TAKING_PART_WORDS):
            continue  # every pattern _also_taking_part reads has one of these words: a cheap test first
        for x in _also_taking_part(s2_text, ctx.sentence_facts(j)[1], rules):
            contributing.add(j)
            if x.alpha3 not in codes:
                codes.append(x.alpha3)

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
    if c.series is not None and c.series.numbered and codes and not set(codes) <= set(c.series.participants):
        # "China and Pakistan will conduct their first joint maritime patrol": not the numbered series of others
        c.name, c.series, c.edition = "", None, None
    if c.series is not None:
        codes += [x for x in c.series.participants if x not in codes]
    elif not codes:
        return None
    return codes, contributing
