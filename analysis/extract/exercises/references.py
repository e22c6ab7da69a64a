"""Stage 10, what the article goes on to say of an exercise without naming it: references back ("The exercises
will be held in the Southern Military District", "these exercises, to which troops from Armenia and China have been
invited") and later sentences that say who takes part ("Iran's warships will also take part in them", "About 3,200
troops from China are participating"). What they tell goes to the last mention kept of its family (exercise or
patrol) before them: an exercise's attributes are read over all its mentions."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from analysis.extract.exercises._vocab import _country_list, _family
from analysis.extract.exercises.domains import _assets, _domain_words
from analysis.extract.exercises.locations import _unlisted
from analysis.extract.exercises.mentions import _cues
from analysis.extract.exercises.participants import _NOT_HOST_AFTER, _also_taking_part

if TYPE_CHECKING:
    from analysis.extract.exercises._vocab import _Rules
    from analysis.extract.exercises.extractor import ExerciseMention, _ArticleContext
    from analysis.extract.places import PlaceMention

#: before a list of countries whose forces take part: "troops from", "military personnel of", "contingents from"
_FORCES_FROM = re.compile(r"\b(?:troops|personnel|servicemen|soldiers|contingents?|units|warships|sailors|pilots)"
                          r"\s+(?:from|of)\s+(?:the\s+)?", re.IGNORECASE)
#: between a reference back and a place, words that start a clause of something else: "the drills come days
#: after jets flew near Okinawa", "to maintain stability in the Asia-Pacific" (not the "than" of a quantity: "on an
#: area of more than 2,000 km from X to Y")
_OTHER_CLAUSE = re.compile(r"\b(?:after|before|when|while|as|since|amid|following|prompting|because|unlike|"
                           r"(?<!more\s)(?<!less\s)(?<!fewer\s)than|"
                           r"despite|said|says|according|(?:in\s+order\s+)?to\s+(?:\w+\s+)?(?:maintain|ensure|improve|"
                           r"strengthen|help|promote|protect|safeguard|deter|counter|boost|deepen|enhance|show|"
                           r"demonstrate|send|signal|test))\b", re.IGNORECASE)
#: a stem of each word of taking part, as written: " part in", " part." ("take part in them", "will also take part."),
#: "articipat" ("Participating"), " sent "
_TAKES_PART_STEMS = (" part in", " part.", " part,", "articipat", "invited to", " sent ", " send ", "dispatched",
                     "contribut", " join")
#: how many sentences after one with an exercise word or a name may say who takes part in it
_FOLLOWING = 4
#: who only watch: "will take part as observers", "Guests from Iran"
_OBSERVERS = re.compile(r"\bobserv(?:er|ers|ing|e)\b|\bguests?\b", re.IGNORECASE)
#: "in them", "in these exercises", "in the drills", "join the exercise": the exercise taken part in is one told of
#: before
_IN_IT = re.compile(r"\b(?:take|takes|taking|took)\s+part\s+(?:in\s+(?:them|it|the|these|this|those)\b|\s*[.,;])|"
                    r"\bparticipat(?:e|es|ed|ing)\s*(?:in\s+(?:them|it|the|these|this|those)\b|[.,;])|"
                    r"\binvited\s+to\s+(?:the|these|this|those)\b|\bjoin(?:s|ed)?\s+(?:in\s+)?(?:them|it|the|these|this|those)\b",
                    re.IGNORECASE)


def _target(out: list[ExerciseMention], family: str, before: int | None = None) -> int | None:
    """The index of the last mention kept of ``family`` (that starts before offset ``before``, if given); a
    headline or caption tells no more than its line, and a practice ("have held similar exercises in recent years",
    flagged ``habitual``) is no event a reference back tells of, so a mention in the body of one event is preferred,
    then one in the body."""
    mine = [k for k, m in enumerate(out) if _family(m.kind) == family and (before is None or m.start < before)]
    for passed_over in (_NOT_EVENT_BODY, _NOT_BODY):
        k = next((k for k in reversed(mine) if not passed_over & set(out[k].flags)), None)
        if k is not None:
            return k
    return mine[-1] if mine else None


#: the flags of a mention that is not in the body, or not of one event (see :func:`_target`)
_NOT_BODY = frozenset(("in_title", "in_caption"))
_NOT_EVENT_BODY = _NOT_BODY | {"habitual"}


#: a verb that places the exercise a reference back is the subject of: "will be held", "take place", "began", "will last"
_LOCATING = re.compile(r"\b(?:held|hold|holding|(?:take|takes|taking|took|taken)\s+place|began|begin|begins|start|starts|"
                       r"last|lasts|lasted|"
                       r"started|run|runs|running|ran|kick(?:ed|s)?\s+off|staged|conducted|carried\s+out|under\s*way|"
                       r"span|spans|spanned|spanning|stretch|stretches|stretched|stretching|cover|covers|covered|"
                       r"covering|continue|continues|continued|launched|practi[sc]e|occur|occurs|occurred)\b",
                       re.IGNORECASE)


def _own_places(text: str, start: int, end: int, places) -> list:
    """The places a reference back (text[start:end]) locates itself in: those in its words, and those after a
    verb that places it ("The exercises will be held ... in the Southern Military District"; "The war games
    began ... at the Vladivostok headquarters") with nothing between that starts a clause of something else
    ("the drills come days after jets flew near Okinawa", "are focused on militants crossing into Central
    Asia"). Not a place before it ("Manila, which has clashed with China in the South China Sea, is watching
    the drills")."""
    out = []
    for p in places:
        if start <= p.start < end:
            out.append(p)
        elif p.start >= end and (verb := _LOCATING.search(text, end, p.start)) and \
                not _OTHER_CLAUSE.search(text, end, p.start) and verb.start() - end < 120:
            out.append(p)
    return out


#: after a reference back, words that make it the practice rather than one event: "have twice taken place"
_SEVERAL_TIMES = re.compile(r"\b(?:twice|thrice|(?:two|three|four|five|several|many|multiple)\s+times|repeatedly|"
                            r"previously|usually|traditionally|always|often)\b", re.IGNORECASE)
#: just before a country that hosts the exercise a reference back places: "in ", "three in ", "across "
_IN_BEFORE = ("in ", "across ")


def _own_hosts(text: str, start: int, end: int, countries) -> list[PlaceMention]:
    """The countries a reference back (text[start:end]) is placed in after a verb that places it, as
    :func:`_own_places` reads places ("The exercise will last until September 20 at six ranges in Belarus and three
    in Russia"): names after "in" or "across", not one that owns what follows ("in Japan's waters"); as places
    without an id or a point."""
    out = []
    for x in countries:
        if x.kind != "name" or x.start < end or not text[max(0, x.start - 7):x.start].endswith(_IN_BEFORE):
            continue
        if _NOT_HOST_AFTER.match(text, x.end) or text[x.end - 2:x.end] in ("’s", "'s"):
            continue
        if (verb := _LOCATING.search(text, end, x.start)) and not _OTHER_CLAUSE.search(text, end, x.start) and \
                verb.start() - end < 120:
            out.append(_unlisted(text, x.start, x.end, "country"))
    return out


def _fold(out: list[ExerciseMention], ctx: _ArticleContext, rules: _Rules) -> None:
    """A reference back that is left out ("The strategic maneuvers will bring together 50,000 troops ... 140
    aircraft, 60 combat ships", "these exercises, to which troops from Armenia, Belarus and China have been
    invited", "The exercises will be held in the Southern Military District") still tells of the exercise it
    refers to: the domains of its sentence's assets and of its own words ("the naval drills"), the countries whose
    forces it lists and the places of its own clause go to the last mention kept of its family (exercise or
    patrol)."""
    for family, idx, start, end, places in ctx.references:
        at = _target(out, family)
        if at is None:
            continue
        t = ctx.text_of(idx)
        # (its sentence's assets, but not those told of another exercise word before it: "While troops and naval
        # ships have taken part in joint war games before, they have not conducted such air patrols")
        lo = max((ce for cs, ce, _ in _cues(t, rules) if ce <= start), default=0)
        hits = _assets(t, lo, len(t), rules)
        sentence_places, countries = ctx.sentence_facts(idx)
        domains = {d for _, d, _ in hits} | _domain_words(t, start, end, rules, sentence_places)
        codes = set()
        if countries:
            country_at = {x.start: x for x in countries}
            for m in _FORCES_FROM.finditer(t):
                codes.update(x.alpha3 for x in _country_list(t, m.end(), country_at)[0])
        if _SEVERAL_TIMES.search(t, end, min(len(t), end + 40)):
            where = []  # "The drills have twice taken place in Russia": the practice, not the event told of
        else:
            where = _own_places(t, start, end, places) + _own_hosts(t, start, end, countries)
        _add(out, at, domains, codes, where, hits)
    ctx.references.clear()


def _add(out: list[ExerciseMention], at: int, domains: set, codes: set, places, hits) -> None:
    """Add domains, participants, places and assets to mention ``out[at]``."""
    m = out[at]
    known = {loc.lower() for loc in m.locations}
    new_places = [p for p in places if p.surface.lower() not in known]
    if not (domains - set(m.domains) or codes - set(m.participants) or new_places):
        return
    assets = tuple(dict.fromkeys(m.assets + tuple(a for a, _, specific in hits if a and specific)))
    locations = m.locations + tuple(dict.fromkeys(p.surface for p in new_places))
    place_ids = m.place_ids + tuple(dict.fromkeys(p.place_id for p in new_places
                                                  if p.place_id and p.place_id not in m.place_ids))
    out[at] = replace(m, domains=tuple(sorted(set(m.domains) | domains)), assets=assets,
                      participants=tuple(sorted(set(m.participants) | codes)), locations=locations,
                      place_ids=place_ids)


def _runs_near_hits(ctx: _ArticleContext, first: int) -> list[tuple[int, int]]:
    """The stretches of text (start, end) of the runs of sentences after sentence ``first`` that lie within
    :data:`_FOLLOWING` of a sentence with an exercise word or a name (from ``first`` on): the only sentences
    :func:`_taking_part_later` reads, so that its stems are searched there, not in the rest of the article."""
    runs: list[tuple[int, int]] = []
    last_hit = first if ctx.hit_index[first] else None
    for j in range(first + 1, len(ctx.sentences)):
        if ctx.hit_index[j]:
            last_hit = j
        if last_hit is None or j - last_hit > _FOLLOWING:
            continue
        sent = ctx.sentences[j]
        if runs and runs[-1][2] == j - 1:
            runs[-1] = (min(runs[-1][0], sent.start), max(runs[-1][1], sent.end), j)
        else:
            runs.append((sent.start, sent.end, j))
    return [(a, b) for a, b, _ in runs]


def _taking_part_later(out: list[ExerciseMention], ctx: _ArticleContext, rules: _Rules, first: int) -> None:
    """Sentences after the first mention (sentence ``first``), within :data:`_FOLLOWING` of a sentence with an
    exercise word or a name, that say countries take part in an exercise told of before ("Iran's warships will also take part in them", "About 3,200 troops from China are participating",
    "military personnel of Armenia and China have been invited to these exercises"): the countries, and the
    domains of the forces they send, go to the last mention kept before them (of the family the sentence names,
    else an exercise). Not who only watch ("will take part as observers", "Guests from Iran"), nor a sentence
    that names an exercise of its own (its mentions have their own participants)."""
    # (only the few sentences with a stem of a word of taking part, found by plain searches of the article's text
    # after the first mention, and within a few sentences of an exercise word or a name: cheaper than reading
    # every sentence)
    if first + 1 >= len(ctx.sentences):
        return
    text, lo = ctx.article.text, ctx.sentences[first + 1].start
    found = []
    for run_lo, run_hi in _runs_near_hits(ctx, first):
        run_lo = max(run_lo, lo)
        for stem in _TAKES_PART_STEMS:
            hi = run_hi + len(stem) - 1  # (a stem that begins in the run may end past it)
            at = text.find(stem, run_lo, hi)
            while at >= 0:
                found.append(at)
                at = text.find(stem, at + 1, hi)
    if not found:
        return
    starts = [s.start for s in ctx.sentences]
    candidates = set()
    for at in found:
        j = bisect.bisect_right(starts, at) - 1
        if j > first and at < ctx.sentences[j].end and \
                any(ctx.hit_index[i] for i in range(max(first, j - _FOLLOWING), j + 1)):
            candidates.add(j)
    for idx in sorted(candidates):
        sent = ctx.sentences[idx]
        if sent.zone != "body" or not (_IN_IT.search(sent.text) or _FORCES_FROM.search(sent.text)) or \
                _OBSERVERS.search(sent.text) or rules.negation.search(sent.text):
            continue  # (the tests on the text first: the sentence's countries cost more)
        if ctx.hit_index[idx] and any(sent.start <= m.start < sent.end for m in out):
            continue
        countries = ctx.sentence_facts(idx)[1]
        if not countries:
            continue
        t = ctx.text_of(idx)
        family = "patrol" if "patrol" in (t.low or t.lower()) else "exercise"
        at = _target(out, family, before=sent.start)
        if at is None:
            continue
        joining = _also_taking_part(t, countries, rules)
        if not joining:
            continue
        hits = _assets(t, 0, len(t), rules)
        _add(out, at, {d for _, d, _ in hits}, {x.alpha3 for x in joining}, (), hits)
