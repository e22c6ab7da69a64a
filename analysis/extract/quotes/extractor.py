"""The quote extractor: an article in, :class:`Quote` records out, stage by stage (quotation marks ->
speaker mentions -> attribution cues -> resolved speakers; reported speech from the sentences left).

A quoted span becomes a row when a cue attributes it (see :mod:`~analysis.extract.quotes.cues`), or
when it follows an attributed quote closely with no cue of its own (“We are ready,” he said. “The
drills will go on.”: both rows have the same speaker, flag ``speaker_continued``). A span written
like a title (“The Russian-China Axis”, ‘Friendship Treaty’: every word capitalized) is a name, not
a quote. A quoted span nothing attributes is dropped: on the seeds and the development set such
spans are scare quotes and names far more often than statements (``keep_unattributed=True`` keeps
them with an empty speaker, flag ``no_speaker``). Quotes in boilerplate or meta lines are skipped.
"""
from __future__ import annotations

import bisect
import re

from analysis.extract.quotes.cues import Attribution, Cues, Stops, find_cues, last_char_before, windows_near
from analysis.extract.quotes.marks import QuoteSpan, find_quote_spans
from analysis.extract.quotes.model import Quote
from analysis.extract.quotes.reported import overlaps_any, reported_speech
from analysis.extract.quotes.resolve import Resolver, Speaker
from analysis.extract.quotes.speakers import find_mentions

__all__ = ["extract_quotes"]

#: Reported speech ("X said that …") is extracted by default only where this is True; see the README note.
REPORTED_DEFAULT = False
#: How close (characters between its closing mark and the next opening) a quote must follow an
#: attributed one to share its speaker.
CONTINUATION_GAP = 200

#: A quoted span shorter than this many words, or opening in lower case, is a fragment: its row's quote
#: is the reported clause that holds it (flag ``fragment_in_clause``), at most MAX_CLAUSE_CHARS long.
FRAGMENT_WORDS = 12
MAX_CLAUSE_CHARS = 600
# what comes between a speech verb and the clause it reports: an audience, a time or place, "that"
_CLAUSE_LEAD = re.compile(r"(?:(?:[ \u00a0]+(?:reporters|journalists|lawmakers|legislators|parliament|senators|the|a|"
                          r"media|press|news|conference|briefing|on|in|at|last|this|late|earlier|week|month|year|"
                          r"[A-Z][\w’'-]*))*?[ \u00a0]+that\b|(?:[ \u00a0]+(?:on|in|at|during|last|this|late|earlier)"
                          r"(?:[ \u00a0]+[A-Z]\w+)?(?=[ \u00a0,])))?[ \u00a0]*,?[ \u00a0:–—-]*")
# "told a regular news briefing that": whom the speaker told, then "that"
_TOLD_LEAD = re.compile(r"(?:[ \u00a0]+[\w’'-]+){1,5}?[ \u00a0]+that\b[ \u00a0]*")
_AFTER_SOURCE = re.compile(r"[ \u00a0]*,?[ \u00a0]*")
#: cues whose object is the quoted words themselves ("called the flight “routine”"): the fragment stays
_NAMING_CUES = frozenset({"called", "calls", "described", "describe", "describes", "dubbed"})
_CLAUSE_END = re.compile(r"[.!?;](?<!\b[A-Z].)(?=[\s\"”’]|$)|\n")  # not the dot of "U.S." or an initial
_SMALL = frozenset("a an and as at by de for in of on or the to with vs".split())
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")


def extract_quotes(article, reported: bool | None = None, keep_unattributed: bool = False) -> list[Quote]:
    """Every attributed quotation of ``article`` (an :class:`~analysis.corpus.model.Article`), in text
    order; with ``reported`` (default :data:`REPORTED_DEFAULT`) also clearly attributed reported speech
    ("X said that …", "according to X, …") from sentences that hold no quotation."""
    text = article.text
    spans = [s for s in find_quote_spans(text) if not _is_title(s.text)]
    reported = REPORTED_DEFAULT if reported is None else reported
    if not spans and not reported:
        return []
    lower = text.lower()
    found_cues = find_cues(text, lower)
    near = None if reported else windows_near(found_cues, [s.after for s in spans], len(text))
    mentions = find_mentions(text, near, lower)
    cues = Cues(text, mentions, found_cues)
    clause_ends = Stops(_CLAUSE_END, text)
    resolver = Resolver(mentions, cues.subjects(), [(s.start, s.end) for s in spans if s.depth == 0])
    skip = _skipped_lines(article)
    sentences = article.sentences
    starts = [s.start for s in sentences]
    out: list[Quote] = []
    prev: tuple[QuoteSpan, Attribution, Speaker] | None = None
    floor = 0
    for span in spans:
        if skip and _inside(skip, span.open):
            continue
        flags = list(span.flags)
        att = _attribute(text, span, cues, floor if span.depth == 0 else 0)
        speaker = resolver.resolve(att.mention) if att is not None else None
        if speaker is not None and att.coordinated is not None:
            first = resolver.resolve(att.coordinated)
            if first is not None:
                speaker = Speaker(f"{first.name} and {speaker.name}", "person", speaker.country, speaker.flag)
        if speaker is None and prev is not None and span.depth == 0 and _continues(text, prev, span, cues):
            att, speaker = prev[1], prev[2]
            flags.append("speaker_continued")
        if span.depth == 0:
            floor = span.after
        if speaker is None:
            if keep_unattributed:
                out.append(Quote(article.article_id, span.start, span.end, span.text, "", -1, -1, "", "", "",
                                 "direct", _sentence(text, sentences, starts, span.open, span.end),
                                 tuple(flags + ["no_speaker"])))
            continue
        if speaker.flag:
            flags.append(speaker.flag)
        if att.where != "after":
            flags.append(f"cue_{att.where.replace('-', '_')}")
        m = att.mention
        start, end = span.start, span.end
        clause = _fragment_clause(text, span, att, cues, clause_ends) if "speaker_continued" not in flags else None
        if clause is not None:
            start, end = clause
            flags.append("fragment_in_clause")
        if out and out[-1].speaker == speaker.name and out[-1].start <= start and end <= out[-1].end:
            continue  # a second fragment of a clause already given ("called it “routine” and “lawful”")
        lo, hi = min(span.open, m.lead, att.cue_start, start), max(end, m.end, att.cue_end)
        out.append(Quote(article.article_id, start, end, text[start:end], speaker.name, m.start, m.end,
                         speaker.kind, speaker.country, att.cue, "direct",
                         _sentence(text, sentences, starts, lo, hi), tuple(flags)))
        if span.depth == 0:
            prev = (span, att, speaker)
    if reported:
        taken = overlaps_any((q.start, q.end) for q in out)
        out += [r for r in reported_speech(article, cues, resolver, spans) if not taken(r.start, r.end)]
        out.sort(key=lambda q: (q.start, q.end))
    return out


def _attribute(text: str, span: QuoteSpan, cues: Cues, floor: int) -> Attribution | None:
    att = cues.after(span.after) if span.close >= 0 else None
    if att is None:
        att = cues.before(span.open, floor)
    if att is None and span.close >= 0:
        att = cues.tail(span.after)
    if att is None:
        att = cues.headline(span.open)
    if att is None:
        line_start = text.rfind("\n", 0, span.open) + 1
        if _blank(text, line_start, span.open):
            line_end = text.find("\n", span.after)
            rest = text[span.after:line_end if line_end != -1 else len(text)]
            att = cues.lead_in(line_start, whole_paragraph=not rest.strip(" \t\u00a0.,”\"’"))
    return att


def _fragment_clause(text: str, span: QuoteSpan, att: Attribution, cues: Cues,
                     clause_ends: Stops) -> tuple[int, int] | None:
    """The reported clause around a quoted fragment ("X said the drills sent a ‘strong message’ to the
    West": "the drills sent a ‘strong message’ to the West"), as (start, end); None when the quote is
    no fragment (a quoted sentence: it opens with a capital and is long or ends a sentence, or a colon,
    comma or dash introduces it), or when the verb names the fragment itself ("called it “routine”")."""
    quoted = span.text
    if "\n" in quoted or att.cue in _NAMING_CUES:
        return None
    if quoted[:1].isupper() and (len(quoted.split()) >= FRAGMENT_WORDS or quoted.rstrip("”’\"'")[-1:] in ".!?…"):
        return None
    if last_char_before(text, span.open) in (":", ",", "–", "—"):
        return None
    if att.where == "before":
        if att.cue in cues.sources:  # "according to X, …"
            start = _AFTER_SOURCE.match(text, att.mention.end).end()
        else:
            lead = _TOLD_LEAD if att.cue in ("told", "tells", "telling") else _CLAUSE_LEAD
            start = (lead.match(text, att.cue_end) or _CLAUSE_LEAD.match(text, att.cue_end)).end()
        if start >= span.open or span.open - start > MAX_CLAUSE_CHARS:
            return None
        end = clause_ends.next(span.after)
    elif att.where == "tail":
        start = cues.clause_start(span.open)
        end = text.rfind(",", span.after, min(att.mention.lead, att.cue_start) + 1)
        if start >= span.open or end == -1:
            return None
    else:
        return None
    while end > start and text[end - 1] in " \t\u00a0,;:":
        end -= 1
    if end - start > MAX_CLAUSE_CHARS or end < span.end:
        return None
    return start, end


def _continues(text: str, prev: tuple[QuoteSpan, Attribution, Speaker], span: QuoteSpan, cues: Cues) -> bool:
    """Does ``span`` follow the last attributed quote closely, with no other speech verb between?"""
    p, att, _ = prev
    gap_start = max(p.after, att.cue_end)
    if span.open - p.after > CONTINUATION_GAP or span.open < gap_start:
        return False
    k = bisect.bisect_left(cues.cue_starts, gap_start)
    return not (k < len(cues.cues) and cues.cues[k][0] < span.open)


def _is_title(quoted: str) -> bool:
    """A name or title in quotation marks: every word capitalized (small words aside), short, no
    sentence punctuation ('Zapad/Interaction-2021', “The Russian-China Axis”)."""
    if quoted.rstrip()[-1:] in ".!?":
        return False
    words = []
    for m in _WORDS.finditer(quoted):  # the first nine words at most: a long quote is read no further
        if len(words) == 8:
            return False
        words.append(m.group())
    return all(w[0].isupper() or w.lower() in _SMALL for w in words)


def _blank(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` white space only (read from its end, without copying it)?"""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end == start


def _skipped_lines(article) -> list[tuple[int, int]]:
    return [(ln.start, ln.end) for ln in getattr(article, "lines", ()) if ln.zone in ("meta", "boilerplate")]


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in ranges)


def _sentence(text: str, sentences, starts: list[int], lo: int, hi: int) -> str:
    """The sentences holding text[lo:hi], as one slice of the text (the line when there are no sentences)."""
    if not sentences:
        a = text.rfind("\n", 0, lo) + 1
        b = text.find("\n", hi)
        return text[a:b if b != -1 else len(text)]
    i = max(0, bisect.bisect_right(starts, lo) - 1)
    j = max(i, bisect.bisect_right(starts, max(lo, hi - 1)) - 1)
    return text[min(sentences[i].start, lo):max(sentences[j].end, hi)]
