"""Attribution cues: the speech verb or phrase that says who said a quote, and the mention it points at.

Four places are read, in this order, for a quote:

1. just after the closing mark: "”, the newspaper said", "” he said", "”, said Zhao",
   "” stated Xi Jinping", "”, according to X" (``after``);
2. before the opening mark, in the same sentence: "X said: “", "X said – “", "X said that “",
   "X, a researcher at Y, said the talks were a ‘strong message’" (``before``);
3. at the end of the sentence the quote sits in: "… a ‘strong message’ to the West, X said."
   (``tail``);
4. for a quote that opens its paragraph, the last sentence of the paragraph before:
   "Xi Jinping noted some important things in his speech.", "X describe the cooperation:" (``lead-in``).

A speech verb's speaker is its subject: the mention just before it (with "also", "has", an adverb
between), or, when an aside set off by commas comes between, the first mention of the clause that
the aside follows ("Cui Heng, a researcher at …, said"). After a quote the order may be inverted
("said X"). "According to" takes the mention after it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.extract._patterns import trie_alternation
from analysis.extract.countries import country_code
from analysis.extract.quotes._vocab import vocab
from analysis.extract.quotes.speakers import Mention

__all__ = ["Attribution", "Cues", "Stops", "find_cues", "last_char_before", "windows_near"]

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|evening)"
# what may stand between a subject and its speech verb: "also", "has", an adverb, a time, "in a statement"
_GAP = re.compile(r"(?:[ \u00a0]+(?:also|has|have|had|was|were|is|are|would|will|later|then|further|once|"
                  r"previously|recently|reportedly|earlier|again|only|had been|has been|[a-z]+ly|"
                  rf"(?:(?:late|early|earlier)[ \u00a0]+)?(?:on|last|this)[ \u00a0]+{_DAY}|"
                  r"in[ \u00a0]+(?:a|an|its|his|her|their)[ \u00a0]+(?:statement|interview|briefing)))*[ \u00a0]*")
_AS_SAYING = re.compile(r"[ \u00a0]+as[ \u00a0]+(?:saying|stating|telling)\b")
_ASIDE_STOP = re.compile(r"[.!?;“”\"\n]")
_SPACES = re.compile(r"[ \u00a0]*")
_COLON = re.compile(r"[ \u00a0]*:[ \u00a0]*")
_AFTER_CLOSE = re.compile(r"[ \u00a0,–—\-”’\"]*")
_WORD_AHEAD = re.compile(r"[ \u00a0]*([\w.’'-]+)[ \u00a0]+")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ese|ish|i)$")
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’]|$)|\n")
# a sentence end: not the dot of an initial or abbreviation ("Charles A. Richard", "U.S. Defense", "Mr. Zhao")
_BOUNDARY = re.compile(r"[.!?](?<!\b[A-Z].)(?<!\b(?:Mr|Ms|Dr|St|Lt).)(?<!\b(?:Mrs|Gen|Col).)"
                       r"[\"”’)]*[ \u00a0]+(?=[A-Z“\"‘(])")
_SPEAKER_KINDS = ("person", "institution", "outlet", "pronoun", "role")
#: how far before a quote a speech verb may stand in its sentence, in characters
MAX_CUE_DISTANCE = 250


@dataclass(frozen=True)
class Attribution:
    mention: Mention
    cue: str  # the cue as written, lower case ("said", "according to")
    cue_start: int
    cue_end: int
    where: str  # after, before, tail, lead-in
    coordinated: Mention | None = None  # "Douglas Schen and Melik Kaylan": the first of two people


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    v = vocab()
    # lower-case terms matched in the text's lower-case form, the look-behind after the first letter
    # (trie_alternation's not_after): the regex engine then skips ahead to those letters
    return re.compile(r"(?:%s)(?![\w’'-])" % trie_alternation(v.verbs + v.sources, space=r"\s+", fold_case=True,
                                                              not_after=r"[\w’'-]"))


@lru_cache(maxsize=1)
def _cue_scans() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The cue terms (lower case) at the start of a text, after a space, and after any other character
    that ends a word: the three places a cue can begin. The scan after a space opens with that literal
    space, which the regex engine jumps to; together the three find what :func:`_cue_pattern` finds
    (no cue holds a word that is itself a cue after a space, so no two cues overlap)."""
    v = vocab()
    terms = trie_alternation(v.verbs + v.sources, space=r"\s+", fold_case=True)
    return (re.compile(r"(?:%s)(?![\w’'-])" % terms), re.compile(r" (%s)(?![\w’'-])" % terms),
            re.compile(r"[^\w’' -](%s)(?![\w’'-])" % terms))


def find_cues(text: str, lower: str | None = None) -> list[tuple[int, int, str]]:
    """Every cue of ``text`` as (start, end, cue in lower case), read in the text's lower-case form (the
    same offsets, unless lowering changes a length, when the text is read case-insensitively). ``lower``:
    ``text.lower()``, when the caller has it."""
    low = text.lower() if lower is None else lower
    if len(low) == len(text):
        first, after_space, after_other = _cue_scans()
        m = first.match(low)
        found = [(m.start(), m.end(), m.group())] if m else []
        found += [(m.start(1), m.end(), m.group(1)) for m in after_space.finditer(low)]
        found += [(m.start(1), m.end(), m.group(1)) for m in after_other.finditer(low)]
        found.sort()
        return found
    folded = re.compile(_cue_pattern().pattern, re.I)
    return [(m.start(), m.end(), m.group().lower()) for m in folded.finditer(text)]


def last_char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not white space ("" when there is none): what
    ``text[:pos].rstrip()[-1:]`` gives, without copying the text before ``pos``."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos else ""


def _good_subject(m: Mention) -> bool:
    """A mention that can be a speaker: not a capitalized word that may be no name at all."""
    return m.confirmed or m.kind != "person"


#: How far before a speech verb, and after a speech verb or a quotation, a role ("the minister") is read
ROLE_REACH = 100


def windows_near(cues: list[tuple[int, int, str]], closes: list[int], size: int) -> list[tuple[int, int]]:
    """Sorted, merged windows of the text around each cue (from ROLE_REACH before to ROLE_REACH after)
    and after each closing mark, within ``size`` characters: where a speaker's role can matter."""
    spans = sorted([(max(0, s - ROLE_REACH), min(size, e + ROLE_REACH)) for s, e, _ in cues] +
                   [(c, min(size, c + ROLE_REACH)) for c in closes])
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


class Stops:
    """Where a pattern of one character (a sentence end, a line break) next matches in a text, for
    positions asked in mostly increasing order (one per quote). The last answer is kept as a stretch
    with no match in it: a position inside it is answered at once, one before it is searched only up to
    it. A search from each quote alone would read the rest of its paragraph once per quote, quadratic in
    a long paragraph of quotes with no sentence end."""

    def __init__(self, pattern: re.Pattern[str], text: str):
        self.pattern, self.text = pattern, text
        self.lo = self.hi = -1  # no match starts in text[lo:hi]; the next one starts at hi (or hi is the end)

    def next(self, pos: int) -> int:
        """Where the first match at or after ``pos`` begins (``len(text)`` when there is none): what
        ``pattern.search(text, pos).start()`` gives."""
        lo, hi = self.lo, self.hi
        if lo <= pos <= hi:
            return hi
        text, pattern = self.text, self.pattern
        if pos < lo:
            # read only up to lo; a match just before it may lean on the end of the part read (a look-ahead
            # for "the end of the text"), so each match found there is tested again on the whole text
            m = pattern.search(text, pos, lo)
            while m is not None and pattern.match(text, m.start()) is None:
                m = pattern.search(text, m.start() + 1, lo)
            if m is None:
                self.lo = pos
                return hi
            found = m.start()
        else:
            m = pattern.search(text, pos)
            found = m.start() if m else len(text)
        self.lo, self.hi = pos, found
        return found


class Cues:
    """The cues and mentions of one text, indexed for the look-ups of the four places (:meth:`after`,
    :meth:`before`, :meth:`tail`, :meth:`lead_in`) and :meth:`headline`."""

    def __init__(self, text: str, mentions: list[Mention], cues: list[tuple[int, int, str]]):
        self.text = text
        self.mentions = [m for m in mentions if m.kind in _SPEAKER_KINDS]
        self.by_lead = {m.lead: m for m in self.mentions}
        self.leads = [m.lead for m in self.mentions]
        self.cues = cues  # find_cues(text)
        self.cue_starts = [c[0] for c in self.cues]
        self.sources = frozenset(vocab().sources)
        self.sentence_ends = Stops(_SENTENCE_END, text)

    def subjects(self) -> frozenset[int]:
        """The starts of the mentions that stand as a speech verb's subject ("the committee said", "Andrey
        Karneev, speaking to a newspaper, noted")."""
        text, mentions, ends = self.text, self.mentions, [m.end for m in self.mentions]
        out = set()
        previous_cue_end = 0
        for s, e, word in self.cues:  # read from each cue back (there are fewer cues than mentions)
            if word in self.sources:  # "according to Viktor Kladov"
                m = self.mention_at(e)
                if m is not None:
                    out.add(m.start)
                previous_cue_end = e
                continue
            k = bisect.bisect_right(ends, s)
            if k and mentions[k - 1].kind != "pronoun" and _GAP.fullmatch(text, mentions[k - 1].end, s):
                out.add(mentions[k - 1].start)  # "the committee said"
            if last_char_before(text, s) == ",":  # "Andrey Karneev, speaking to a newspaper, noted"
                j = k
                while j > 0 and mentions[j - 1].end >= max(s - 150, previous_cue_end):
                    j -= 1
                    m = mentions[j]
                    aside = text[m.end:s]
                    if m.kind != "pronoun" and aside.startswith(",") and aside.strip(" ,\u00a0") and \
                            not _ASIDE_STOP.search(aside):
                        out.add(m.start)
            previous_cue_end = e
        return frozenset(out)

    # --- the four places -----------------------------------------------------------------------------
    def after(self, pos: int) -> Attribution | None:
        """An attribution starting at ``pos`` (just after a closing mark, or after a comma)."""
        text = self.text
        pos = _AFTER_CLOSE.match(text, pos).end()
        cue = self._cue_at(pos)
        if cue is not None:
            s, e, word = cue
            m = self.mention_at(e) or self._after_titles(e)  # "said retired general Wang Hongguang"
            if m is not None:
                return self._attribution(m, cue, "after")
            return None
        m = self.by_lead.get(pos)
        if m is None:  # "Iranian navy spokesman Gholamreza Tahani said": title words before the name
            m = self._after_titles(pos)
        for _ in range(3):  # "SIPRI researcher Lorenzo Scarazzato said": a title between two mentions
            if m is None:
                return None
            cue = self._cue_after_subject(m)
            if cue is not None and cue[2] not in self.sources:
                return self._attribution(m, cue, "after")
            m = self._after_titles(m.end)
        return None

    def _after_titles(self, pos: int) -> Mention | None:
        """The mention that begins after a few title or country words from ``pos`` ("navy spokesman",
        "Iranian", "Deputy Foreign Minister"), or None."""
        v = vocab()
        for w in _WORD_AHEAD.finditer(self.text, pos, min(len(self.text), pos + 80)):
            if w.start() != pos:
                return None
            word = w.group(1)
            low = word.lower()
            if not (low in v.titles or low in v.modifiers or low in v.honorifics or country_code(word)
                    or _DEMONYM.search(word)):
                return None
            pos = w.end()
            m = self.by_lead.get(pos)
            if m is not None:
                return m
        return None

    def before(self, open_pos: int, floor: int = 0) -> Attribution | None:
        """The nearest speech verb before ``open_pos`` in its sentence (not before ``floor``) whose
        subject is a mention."""
        seg = self.clause_start(open_pos, floor)
        k = bisect.bisect_left(self.cue_starts, open_pos)
        while k > 0:
            k -= 1
            cue = self.cues[k]
            if cue[0] < seg or open_pos - cue[1] > MAX_CUE_DISTANCE:
                break
            if cue[1] > open_pos:
                continue
            m = self.subject(cue, seg)
            if m is not None:
                return self._attribution(m, cue, "before")
        return None

    def headline(self, open_pos: int) -> Attribution | None:
        """A line that opens with a speaker and a colon before the quote: "Putin: ‘We need no alliance’"."""
        text = self.text
        line_start = text.rfind("\n", 0, open_pos) + 1
        k = bisect.bisect_left(self.leads, line_start)
        if k < len(self.mentions):
            m = self.mentions[k]
            if m.lead == line_start and m.kind in ("person", "institution", "outlet") and \
                    _COLON.fullmatch(text, m.end, open_pos):
                return Attribution(m, ":", m.end, m.end + 1, "headline")
        return None

    def tail(self, pos: int) -> Attribution | None:
        """An attribution closing the sentence that goes on after ``pos``: "…, X said." """
        text = self.text
        end = self.sentence_ends.next(pos)
        comma = text.find(",", max(pos, end - 120), end)
        while comma != -1:
            found = self.after(comma + 1)
            if found is not None:
                return Attribution(found.mention, found.cue, found.cue_start, found.cue_end, "tail",
                                   found.coordinated)
            comma = text.find(",", comma + 1, end)
        return None

    def lead_in(self, line_start: int, whole_paragraph: bool = True) -> Attribution | None:
        """For a quote that opens its paragraph: the last sentence of the paragraph before, when a speech
        verb there has a subject ("Xi Jinping noted …", "X describe the cooperation …:")."""
        text = self.text
        end = line_start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0:
            return None
        if not (whole_paragraph or text[end - 1] == ":"):
            return None
        start = text.rfind("\n", 0, end) + 1
        k = bisect.bisect_left(self.cue_starts, end)
        last_sentence = self.clause_start(end - 1, start)
        while k > 0:
            k -= 1
            cue = self.cues[k]
            if cue[0] < last_sentence:
                break
            if cue[2] in self.sources:
                continue
            m = self.subject(cue, last_sentence)
            if m is not None:
                return self._attribution(m, cue, "lead-in")
        return None

    # --- helpers ---------------------------------------------------------------------------------------
    def clause_start(self, pos: int, floor: int = 0) -> int:
        """Where the sentence holding ``pos`` begins (a sentence end or a line break before it)."""
        text = self.text
        lo = max(floor, pos - 400, text.rfind("\n", max(0, pos - 400), pos) + 1)
        best = lo
        for m in _BOUNDARY.finditer(text, lo, min(len(text), pos + 1)):  # the look-ahead may read text[pos]
            if m.end() <= pos:
                best = m.end()
        return best

    def subject(self, cue: tuple[int, int, str], seg: int) -> Mention | None:
        """The mention a speech verb attributes to (see the module docstring)."""
        text = self.text
        s, e, word = cue
        if word in self.sources:
            return self.mention_at(e)
        k = bisect.bisect_left(self.leads, s)
        if k > 0:
            m = self.mentions[k - 1]
            # a capitalized word right before a speech verb is a name even when the article gives no more of
            # it ("Peskov said"), unless it opens the sentence as a plural would ("Reports said", "Witnesses said")
            if m.lead >= seg and m.end <= s and _GAP.fullmatch(text, m.end, s) and (
                    _good_subject(m) or m.lead > seg or not m.name.endswith("s")):
                return m
        before = text[seg:s].rstrip()
        if word.endswith("ing"):  # "X demanded …, adding that": the clause's subject
            j = bisect.bisect_left(self.leads, seg)
            if j < len(self.mentions) and self.mentions[j].end < s and _good_subject(self.mentions[j]):
                return self.mentions[j]
            return None
        if before.endswith((",", "”", "’", '"', ")")):
            j = bisect.bisect_left(self.leads, seg)
            while j < len(self.mentions) and self.mentions[j].end < s:
                m = self.mentions[j]
                if text.startswith(",", m.end) and m.kind != "pronoun" and _good_subject(m):
                    return m
                j += 1
        return None

    def _cue_at(self, pos: int) -> tuple[int, int, str] | None:
        k = bisect.bisect_left(self.cue_starts, pos)
        if k < len(self.cues) and self.cues[k][0] == pos:
            return self.cues[k]
        return None

    def mention_at(self, pos: int) -> Mention | None:
        """The mention beginning just after ``pos`` (spaces between)."""
        return self.by_lead.get(_SPACES.match(self.text, pos).end())

    def _cue_after_subject(self, m: Mention) -> tuple[int, int, str] | None:
        """The speech verb after a subject mention: "X said", "X also said", "X, a spokesman, said"."""
        text = self.text
        gap = _GAP.match(text, m.end)
        cue = self._cue_at(gap.end())
        if cue is not None:
            return cue
        if text.startswith(",", m.end):
            k = bisect.bisect_left(self.cue_starts, m.end)
            if k < len(self.cues):
                cue = self.cues[k]
                aside = text[m.end:cue[0]]
                if len(aside) <= 150 and aside.rstrip().endswith(",") and aside.strip(" ,\u00a0") and \
                        not _ASIDE_STOP.search(aside):
                    return cue
        return None

    def _attribution(self, m: Mention, cue: tuple[int, int, str], where: str) -> Attribution:
        if cue[2] in ("quoted", "cited") and m.lead < cue[0]:
            # "TASS quoted Shoigu as saying": the one quoted speaks, the outlet only reports it
            quoted = self.mention_at(cue[1])
            if quoted is not None and _AS_SAYING.match(self.text, quoted.end):
                m = quoted
        first = None
        if m.kind == "person":
            k = bisect.bisect_left(self.leads, m.lead)
            if k > 0:
                prev = self.mentions[k - 1]
                if prev.kind == "person" and re.fullmatch(r"[ \u00a0]+and[ \u00a0]+", self.text[prev.end:m.lead]):
                    first = prev
        return Attribution(m, cue[2], cue[0], cue[1], where, first)
