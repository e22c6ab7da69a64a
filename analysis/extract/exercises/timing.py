"""Stages 3 and 9, when: a mention's status (planned or conducted) from the verbs around it; then the year and month
the text states (a relative "next month" read against the article's date), the year inferred, and whether it tells
of a practice ("every year") rather than one event."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.extract._patterns import trie_alternation, word_start_matches
from analysis.extract.exercises._vocab import _CLAUSE_BREAK, _MONTHS, _CaseFree, _may_hold_year, _norm

if TYPE_CHECKING:
    from analysis.extract.exercises._vocab import _Rules, _Text
    from analysis.extract.exercises.extractor import ExerciseMention, _ArticleContext
    from analysis.extract.exercises.mentions import _Cand

# ---- status -------------------------------------------------------------------------------------------------

#: before a "conducted" cue, what makes it planned: "will ", "plans to "
_MODAL_BEFORE = re.compile(r"\b(?:will|would|shall|to|plans?|planned|could|might|set\s+to)\s+(?:\w+\s+)?$",
                           re.IGNORECASE)
#: before a "conducted" cue, what keeps it conducted: "appeared to be " (seen under way)
_APPEARS_TO = re.compile(r"\b(?:appear|appears|appeared|seem|seems|seemed)\s+to\s+(?:be\s+|have\s+(?:been\s+)?)?$",
                         re.IGNORECASE)
#: the bare verbs a modal earlier in the sentence may govern across "and" ("will ..., and later hold")
_BARE_FORMS = frozenset(("hold", "conduct", "stage", "carry out", "launch", "start"))
#: just before a bare verb: " and later "
_AND_BEFORE = re.compile(r"\band\s+(?:later\s+|then\s+|also\s+|subsequently\s+)?$", re.IGNORECASE)
#: earlier in the sentence, a modal that governs a bare verb after "and": "will conduct drills ..."
_MODAL_EARLIER = re.compile(r"\b(?:will|would|shall|plans?\s+to|planning\s+to|(?:is|are)\s+(?:set\s+|expected\s+)?to)"
                            r"\s+[^.;!?]*$", re.IGNORECASE)
#: between two coordinated mentions: " and ", ", as well as "
_COORDINATED = re.compile(r"[\s,]*(?:and|or|as\s+well\s+as)?[\s,]*")


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


def _past_verb_cue(text: str, c) -> bool:
    """Whether the mention starts at an exercise word that is a verb in the past ("jointly patrolled",
    "exercised together"): it was held, whatever follows ("... to deepen mutual trust")."""
    if c.head is None or c.start != c.head[0]:
        return False
    words = text[c.head[0]:c.head[1]].lower().split()
    return any(w.endswith("ed") for w in words)


def _set_status(t: _Text, c: _Cand, prev: _Cand | None, own_lo: int, right_hi: int, rules: _Rules,
                published) -> None:
    """Set the status of mention ``c`` (``prev``: the mention before it in its sentence)."""
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


# ---- year and month -----------------------------------------------------------------------------------------

# The look-behinds stand after the year (reaching back over its four digits) and the word start before a
# month is checked by word_start_matches, so that every branch starts with a literal: the regex engine
# then skips ahead to the places where a year or a month may begin.
#: a year the text states: "2022" (not in "$2020", "since 2021", "2000 troops", nor a page's date stamp
#: "2024-05-13", which says when it was written, not when the exercise is)
_YEAR = re.compile(r"(19[5-9]\d|20[0-4]\d)(?<![\d$€£.,/\-]....)(?<!since ....)(?<!Since ....)"
                   r"(?![\d%]|,\d|-[01]\d-[0-3]\d|\s*(?:troops|soldiers|personnel|servicemen|"
                   r"people|km|kilomet|miles|tons|tonnes|aircraft|ships|warships|vehicles|units|sorties))")
#: a month the text states: "in May", "September", "Sept. 2021"
_MONTH = re.compile(r"(January|February|March|April|June|July|August|September|October|November|December|"
                    r"May(?:(?<=\bin May)|(?<=\bof May)|(?<=\bby May)|(?<=\bmid May)|(?<=\bmid-May)|(?<=\bearly May)|"
                    r"(?<=\blate May)|(?<=\bsince May)|(?<=\buntil May)|(?= \d)))\b"
                    r"|(Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.(?=\s*\d)")  # AP style: "Sept. 2021", "Aug. 10"
# Case-free patterns (see _CaseFree) start with a trie whose look-behind ("not after") stands for a leading \b.
#: "next year", "last year"
_RELATIVE_YEAR = _CaseFree(r"(%s)\s+year\b" % trie_alternation(
    "last this next previous coming".split(), not_after=r"\w"), needs="year")
#: the first three letters of every month _MONTH reads: a cheap test before it (whose groups and look-behinds
#: keep the regex engine from skipping ahead to the capitals)
_MONTH_GATE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
#: "next month", "last month"
_RELATIVE_MONTH = _CaseFree(r"(%s)\s+month\b" % trie_alternation(
    "last this next previous coming".split(), not_after=r"\w"), needs="month")
# how far a relative word steps from the article's year or month: "next" +1
_RELATIVE_STEP = {"last": -1, "previous": -1, "next": 1, "coming": 1}
#: the year an article's first sentences set: "In 2022", "by late 2023"
_LEAD_YEAR = re.compile(r"\b(?:[Aa]s|[Ii]n|[Dd]uring|[Tt]hroughout|[Bb]y|[Oo]f)\s+(?:(?:late|early|mid)[\s\-]+)?"
                        r"((?:19|20)\d\d)\b")


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


def _when(t: _Text, c: _Cand, own_lo: int, clause_lo: int, right_hi: int, ctx: _ArticleContext, article, published,
          flags: list[str]) -> tuple[int | None, int | None, int | None]:
    """A mention's year, month and inferred year; adds ``year_from_lead`` and ``month_from_relative`` to
    ``flags`` where they came from."""
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
    return year, month, year_inferred


# ---- habitual -----------------------------------------------------------------------------------------------

#: a coordinator or comma that opens the mention's own part of its clause: " and ", ", "
_COORDINATOR = re.compile(r"\b(?:and|but|while|whereas)\b|[,;]")


def _is_habitual(text: str, lo: int, start: int, hi: int, rules: _Rules) -> bool:
    """A frequency word ("every year", "regularly") in the mention's own part of its clause: from the last
    coordinator or comma before it (``lo`` .. ``start``) to ``hi``."""
    for m in _COORDINATOR.finditer(text, lo, start):
        lo = m.end()
    return rules.habitual.search(text, lo, hi) is not None


def _habitual(t: _Text, c: _Cand, own_lo: int, clause_lo: int, right_hi: int, prev_mention: ExerciseMention | None,
              sent_start: int, rules: _Rules) -> bool:
    """Whether a mention with no year or edition of its own tells of a practice, not one event ("have held
    joint drills every year since 2021"), or goes with a mention before it that does (``prev_mention``)."""
    return c.name_year is None and c.edition is None and (
        _is_habitual(t, max(own_lo, clause_lo), c.start, right_hi, rules) or
        (prev_mention is not None and "habitual" in prev_mention.flags and
         _COORDINATED.fullmatch(t, prev_mention.end - sent_start, c.start) is not None))
