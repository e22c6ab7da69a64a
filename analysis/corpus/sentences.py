"""Sentence boundaries with offsets, by rules tuned for news text.

Why rules and not pysbd: on the seeds both split the same sentences (see
tests/test_sentences.py), but pysbd ran at about 0.5 MB/s here against the ≥ 5 MB/s the
pipeline needs end to end; these rules run well above that. They keep abbreviations whole
("U.S.", "Gen.", "Adm.", "Charles A. Richard", "Oct. 25") and also split where a source
lost the space after a full stop ("had increased.In a video call").

>>> [text for _, _, text in split_sentences("The U.S. Navy sailed. Adm. Charles A. Richard spoke on Oct. 25 in D.C. today.")]
['The U.S. Navy sailed.', 'Adm. Charles A. Richard spoke on Oct. 25 in D.C. today.']
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import partial
from typing import Iterable

from analysis.corpus.model import Line, Sentence

__all__ = ["LONGEST_SENTENCE", "line_sentences", "sentence_cuts", "split_sentences", "split_spans"]

# Sentence((start, end, text, zone)): a C call, about twice as fast as the namedtuple's own
# Sentence(start, end, text, zone), which runs Python code; a corpus has one per sentence.
_new_sentence = partial(tuple.__new__, Sentence)
assert Sentence._fields == ("start", "end", "text", "zone"), "_new_sentence builds these four, in this order"

#: A piece of text longer than this between two sentence ends is no sentence (a table, a list, a page that
#: lost its full stops): it is cut into pieces no longer than this, at the last space before the limit, so
#: no extractor's work on one sentence grows without bound. News sentences stay far below (the longest in
#: the seeds and test corpora: 393 characters).
LONGEST_SENTENCE = 2000


# Words after which a full stop does not end a sentence (titles, months, common abbreviations).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt brig st jr sr
    no nos vol fig approx est inc ltd co corp dept univ ave blvd mt ft vs etc al
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


def _plain_word_end() -> str:
    """A pattern that holds just after a full stop that ends no abbreviation: one branch per case in
    which ``_is_abbreviation`` returns False (after a non-letter; after seven ASCII letters; after a
    whole word of two to six ASCII letters that is not in ``_ABBREVIATIONS``). It never holds after
    an abbreviation or an initial, and those it misses are left to ``_is_abbreviation``."""
    branches = [r"(?<=[A-Za-z]{7}\.)", r"(?<=[\W\d_]\.)"]  # \W, \d and _ never match a letter
    for n in range(2, 7):
        listed = "|".join(sorted(w for w in _ABBREVIATIONS if len(w) == n))  # look-behinds need one width
        branches.append(rf"(?<=\s[A-Za-z]{{{n}}}\.)" + (rf"(?<!(?i:{listed})\.)" if listed else ""))
    return "|".join(branches)


# Terminal punctuation, closing quotes/brackets, then either a gap and a capital/digit/quote
# (group 1 holds the gap) or a capitalised word glued on ("increased.In"). Group 2 matches (empty)
# when the end is certainly a cut: a gap follows, and if the end is one full stop, it ends no
# abbreviation. Most ends are, and skip the Python tests of ``_is_cut`` (about a third of the time
# sentence_cuts took).
_AFTER_MARK = r"""(?:[.!?…]*["'”’)\]]*)(?=(\s+)["'“‘(\[]?[A-Z0-9]|[A-Z][a-z])""" \
              rf"(?:(?=\s)(?:{_plain_word_end()})()|)"
_END = re.compile(r"[.!?…]" + _AFTER_MARK)
# The same ends when they start at a full stop. A pattern that starts with one literal character
# lets the regex engine jump from one full stop to the next, several times faster than testing
# every character against the set [.!?…]; the rarer "!", "?" and "…" are found with str.find.
# Only the first mark of a run is tried (every mark of a run ends the same match or none, and
# finditer resumes after a match): trying each would read the rest of the run each time, and a
# run of 30,000 dots would take a minute.
_DOT_END = re.compile(r"\.(?<![.!?…]\.)" + _AFTER_MARK)
_MARKS = ".!?…"
_OTHER_MARKS = "!?…"
_CLOSERS = "\"'”’)]"


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of an abbreviation or an initial rather than a sentence?"""
    before = text[dot - 1:dot]
    if not before.isalpha():
        return False  # after a digit, a quote or a bracket: a sentence end
    if dot >= 7 and text[dot - 7:dot].isalpha():
        return False  # the common case: a word of seven letters or more ends there (see below)
    tail = text[max(0, dot - 24):dot].rsplit(None, 1)
    word = tail[-1].lstrip("(“\"'‘[—–-") if tail else ""
    if len(word) > 6 and "." not in word:
        return False  # the common case: an ordinary word
    if "." in word:  # U.S, D.C, U.S.S.R: dotted initials
        return all(len(part) <= 2 and part.isalpha() for part in word.split("."))
    if len(word) == 1 and word.isupper():  # an initial: "Charles A. Richard"
        return True
    return word.lower() in _ABBREVIATIONS


def _ends(text: str) -> list[re.Match[str]]:
    """The matches ``_END.finditer(text)`` gives, found faster (see ``_DOT_END``).

    Matches found from different marks can overlap ("?." or ".…"): one that starts inside the match
    before it ends where that one ends, and is dropped, as finditer (which resumes after a match)
    would never have found it.
    """
    found = list(_DOT_END.finditer(text))
    others = [m for mark in _OTHER_MARKS if mark in text for m in _matches_at(text, mark)]
    if not others:
        return found  # the common case: full stops only
    found += others
    found.sort(key=re.Match.start)
    kept, last_end = [], -1
    for m in found:
        if m.start() >= last_end:
            kept.append(m)
            last_end = m.end()
    return kept


def _matches_at(text: str, mark: str) -> list[re.Match[str]]:
    """``_END`` matched at every occurrence of ``mark`` in ``text`` that begins a run of marks."""
    out = []
    pos = text.find(mark)
    while pos != -1:
        m = _END.match(text, pos) if pos == 0 or text[pos - 1] not in _MARKS else None  # a run's first mark only
        if m:
            out.append(m)
        pos = text.find(mark, pos + 1)
    return out


def sentence_cuts(text: str) -> list[int]:
    """Every offset in ``text`` where a sentence ends, in order (one scan over the whole text)."""
    return [m.end() for m in _ends(text) if m[2] is not None or _is_cut(text, m)]  # group 2: a sure cut


def _is_cut(text: str, m: re.Match[str]) -> bool:
    """Does the end ``m`` (one the pattern alone could not settle) end a sentence?"""
    dot, end = m.span()
    if m.group(1) is None:
        # A lost space: "increased.In", "stability”.The", "(…)In"; not "U.S.Navy" or "A.Richard".
        before = text[max(0, dot - 2):dot]
        glued_word = len(before) == 2 and before.isalpha() and before.islower()
        if not (text[end - 1] in _CLOSERS or glued_word or before[-1:] in _CLOSERS):
            return False
    return not (end - dot == 1 and text[dot] == "." and _is_abbreviation(text, dot))


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    cuts: list[int] | None = None) -> list[tuple[int, int, str]]:
    """Split ``text[start:end]`` into ``(start, end, sentence)`` triples, offsets into ``text``.

    Leading and trailing white space is trimmed from each sentence; empty pieces are dropped; a piece
    longer than :data:`LONGEST_SENTENCE` is cut at spaces.
    """
    end = len(text) if end is None else end
    cuts = sentence_cuts(text) if cuts is None else cuts
    return split_spans(text, [(start, end)], cuts)[0]


def split_spans(text: str, spans: list[tuple[int, int]], cuts: list[int]) -> list[list[tuple[int, int, str]]]:
    """Sentences of each ``(start, end)`` span (in text order), cut at ``cuts``, as (start, end, text) triples."""
    return [[s[:3] for s in line_sentences(text, [Line(start, end, "body")], cuts)] for start, end in spans]


def line_sentences(text: str, lines: Iterable[Line], cuts: list[int]) -> list[Sentence]:
    """The sentences of zoned ``lines``, in order: a body line cut at ``cuts`` (each piece trimmed of white
    space, empty pieces dropped, a piece longer than :data:`LONGEST_SENTENCE` cut again at spaces), any other
    line one whole sentence of its zone. One pass over both lists."""
    out: list[Sentence] = []
    add = out.append
    i = 0
    for start, end, zone, _ in lines:
        if zone != "body":
            add(_new_sentence((start, end, text[start:end], zone)))
            continue
        i = bisect_right(cuts, start, i)  # the cuts inside the line: cuts[i:j]
        j = bisect_left(cuts, end, i)
        prev = start
        for cut in (*cuts[i:j], end):
            piece = text[prev:cut]
            rest = piece.lstrip()  # piece.strip() in two steps: the offset needs no search
            if rest:
                s = prev + len(piece) - len(rest)  # after the leading white space
                stripped = rest.rstrip()
                if len(stripped) <= LONGEST_SENTENCE:
                    add(_new_sentence((s, s + len(stripped), stripped, "body")))
                else:
                    out += _bounded(s, stripped)
            prev = cut
        i = j
    return out


_LAST_SPACE = re.compile(r"\s\S*\Z")  # the last white space of a range (any: "\u00a0" too)


def _bounded(start: int, sentence: str) -> list[Sentence]:
    """``sentence`` (at ``start`` in the text, trimmed) cut into body sentences of at most
    :data:`LONGEST_SENTENCE` characters, each at the last white space before the limit (or at the limit
    itself when there is none) and trimmed; only white space is lost."""
    out = []
    pos = 0
    while pos < len(sentence):
        cut = len(sentence)
        if cut - pos > LONGEST_SENTENCE:
            space = _LAST_SPACE.search(sentence, pos + 1, pos + LONGEST_SENTENCE + 1)
            cut = space.start() if space else pos + LONGEST_SENTENCE
        piece = sentence[pos:cut].rstrip()
        if piece:
            out.append(_new_sentence((start + pos, start + pos + len(piece), piece, "body")))
        pos = cut
        while pos < len(sentence) and sentence[pos].isspace():
            pos += 1
    return out
