"""Reported speech: statements an article attributes without quotation marks.

Read only in sentences that hold no quotation, and only in three clear shapes; the quote is the
reported clause:

- "X said (on Monday) (that) CLAUSE", "X told reporters (that) CLAUSE" (a speech verb of
  :data:`REPORTING_VERBS` with a subject mention);
- "According to X, CLAUSE." and "CLAUSE, according to X.";
- "CLAUSE, X said." and "CLAUSE, said X." at the end of the sentence.

A clause shorter than :data:`MIN_CLAUSE_WORDS` words is no statement. Rows are ``kind="reported"``.
"""
from __future__ import annotations

import bisect
import itertools
import re
from typing import Callable

from analysis.extract.quotes.cues import Cues
from analysis.extract.quotes.model import Quote
from analysis.extract.quotes.resolve import Resolver

__all__ = ["REPORTING_VERBS", "overlaps_any", "reported_speech"]

REPORTING_VERBS = frozenset("said says told tells stated added noted warned announced claimed insisted argued "
                            "stressed explained confirmed believes reported emphasised emphasized".split())
MIN_CLAUSE_WORDS = 4
_AUDIENCE = re.compile(r"[ \u00a0]+(?:reporters|journalists|the media|the press|lawmakers|parliament|"
                       r"state media|state television|[A-Z][\w’'-]+(?:[ \u00a0]+[A-Z][\w’'-]+){0,3})")
_LEAD = re.compile(r"(?:[ \u00a0]+(?:on|in|at|during|last|this|late|earlier)[ \u00a0]+[\w’'-]+(?:[ \u00a0]+[\w’'-]+)?"
                   r"(?=[ \u00a0]+that\b))?(?:[ \u00a0]*,?[ \u00a0]+that\b)?[ \u00a0,]*")
# what follows a speech verb but opens no reported clause: a participle, a source, a circumstance
_NOT_A_CLAUSE = re.compile(r"(?:\w+ing|according|on condition|in (?:a|an|its|his|her|their) |during|after|before|"
                           r"late|earlier)\b", re.I)
_OBJECT_TO = re.compile(r"[ \u00a0]*(?:\w+[ \u00a0]+)?\w+[ \u00a0]+to\b")
_TRIM = " \t\n\u00a0.,;:"


def overlaps_any(ranges) -> Callable[[int, int], bool]:
    """A test of whether (start, end) overlaps any of the (start, end) ``ranges``, by bisection."""
    ranges = sorted(ranges)
    starts = [a for a, _ in ranges]
    reach = list(itertools.accumulate((b for _, b in ranges), max))  # the furthest end among the first k

    def test(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # the ranges that start before ``end``
        return bool(k) and reach[k - 1] > start  # one of them ends after ``start``

    return test


def reported_speech(article, cues: Cues, resolver: Resolver, spans) -> list[Quote]:
    text = article.text
    quoted = overlaps_any((s.open, s.after) for s in spans)
    out: list[Quote] = []
    for sent in article.content_sentences():
        if quoted(sent.start, sent.end):
            continue
        row = _read(text, sent, cues, resolver, article.article_id)
        if row is not None:
            out.append(row)
    return out


def _read(text: str, sent, cues: Cues, resolver: Resolver, article_id: str) -> Quote | None:
    s0, s1 = sent.start, sent.end
    k0, k1 = bisect.bisect_left(cues.cue_starts, s0), bisect.bisect_left(cues.cue_starts, s1)
    for cs, ce, word in cues.cues[k0:k1]:
        if word in cues.sources:  # according to X
            m = cues.mention_at(ce)
            if m is None:
                continue
            if cs - s0 < 3:  # sentence-initial: "According to X, CLAUSE."
                comma = text.find(",", m.end, s1)
                span = (comma + 1, s1) if comma != -1 else None
            else:  # "CLAUSE, according to X."
                span = (s0, cs)
        elif word in REPORTING_VERBS:
            m = cues.subject((cs, ce, word), s0)
            if m is not None and text[s0:m.lead].rstrip().endswith(",") and text.rfind(",", s0, m.lead) > s0:
                span = (s0, text.rfind(",", s0, m.lead))  # CLAUSE, X said (late on Tuesday, …)
            elif m is not None:  # X said (that) CLAUSE
                pos = ce
                if word in ("told", "tells"):
                    aud = _AUDIENCE.match(text, pos)
                    if aud is None:
                        continue
                    pos = aud.end()
                    if _OBJECT_TO.match(text, pos):  # "told European allies to spend more": an order
                        continue
                pos = _LEAD.match(text, pos).end()
                span = (pos, s1)
                if text[pos:pos + 3] == "to " or not text[pos:pos + 1].isalpha() or _NOT_A_CLAUSE.match(text, pos):
                    continue
            else:  # CLAUSE, said X.  /  CLAUSE, X said.
                m = cues.mention_at(ce)
                if m is None or not text[s0:cs].rstrip().endswith(","):
                    m = None
                    k = text.rfind(",", s0, cs)
                    found = cues.after(k + 1) if k != -1 and text[k + 1:cs].strip() else None
                    if found is not None:
                        m = found.mention
                        span = (s0, k)
                    if m is None:
                        continue
                else:
                    span = (s0, text.rfind(",", s0, cs))
                if text[m.end:s1].strip(_TRIM):
                    continue
        else:
            continue
        if span is None:
            continue
        a, b = span
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and text[b - 1] in _TRIM:
            b -= 1
        if len(text[a:b].split(None, MIN_CLAUSE_WORDS)) < MIN_CLAUSE_WORDS:
            continue
        speaker = resolver.resolve(m)
        if speaker is None or speaker.flag == "speaker_unresolved":
            continue
        flags = ("reported",) + ((speaker.flag,) if speaker.flag else ())
        return Quote(article_id, a, b, text[a:b], speaker.name, m.start, m.end, speaker.kind, speaker.country,
                     word, "reported", text[s0:s1], flags)
    return None
