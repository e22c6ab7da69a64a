"""Stage 1, the pre-filter: where in an article a mention may begin (a stem of an exercise word, "xercis",
"atrol", or a series name), so that only the sentences with such a place are read; an article with no stem
and no series name dated by a year has no mention at all."""
from __future__ import annotations

import re
from functools import cached_property
from typing import Iterable

from analysis.extract._patterns import trie_alternation

#: a year after a series name, perhaps after the rest of a two-part name ("Zapad / Interaction-2021")
_YEAR_AFTER_NAME = re.compile(r"(?:\s*/\s*[A-Z][a-z]+)?[\s\-–—]*(?:19|20)\d\d(?![\d,.]\d)")


def _dated_name(text: str, term: str, end: int) -> bool:
    """Whether the series name ``term``, ending at ``end``, carries a year ("Vostok-2022", "Ocean-2024"):
    such a name makes an article worth reading even with no exercise word in it. An alias that is also an
    ordinary word ("East 2020", scanned as "East 20") does not: it needs an exercise word somewhere."""
    return term[:1].isupper() and _YEAR_AFTER_NAME.match(text, end) is not None


class _Prefilter:
    """Where in an article a mention may be: every place a stem ("xercis", "atrol"), or its upper case,
    begins, and where the scan for series names (literals as written, case-sensitive) finds one.
    An article with neither a stem nor a series name dated by a year has no mention.

    The stems are found by plain substring searches. Their upper case ("XERCIS" in an all-caps
    headline) goes into the trie of names, so one regex pass finds both: the engine skips ahead to
    the capitals either way, and a second pass would cost as much as the first. Both passes together
    would find the same places unless a match of the one pass hides (overlaps) a term that begins
    inside it; :meth:`hits` checks each match for that and, in such a text, falls back on two passes.
    A series name with a year ("Vostok-2022") stands for a stem: it names an exercise by itself.
    """

    def __init__(self, stems: Iterable[str], names: Iterable[str]):
        self.stems = tuple(sorted(set(stems)))
        self.upper_stems = frozenset(s.upper() for s in self.stems) - set(self.stems)
        self.stem_scan = _suffix_groups(self.stems)
        self.any_case_stem_scan = _suffix_groups(self.stems + tuple(self.upper_stems))  # for _two_passes
        self.names = frozenset(names)
        terms = self.names | self.upper_stems
        self.scan = re.compile(trie_alternation(terms))
        #: the terms that begin with an upper-case stem (the scan finds the longest term at a place)
        self.stem_led = frozenset(t for t in terms if t.startswith(tuple(self.upper_stems)))
        firsts = {t[0] for t in terms}
        #: term -> the offsets inside it where another term could begin (it could hide that one)
        self.inner = {t: ks for t in terms if (ks := tuple(k for k in range(1, len(t)) if t[k] in firsts))}

    def hits(self, text: str) -> list[int]:
        """Sorted offsets where a mention may begin (empty: the text mentions no exercise)."""
        out = self._stem_starts(text, self.stem_scan)
        found_stem = bool(out)
        for m in self.scan.finditer(text):
            term, start = m.group(), m.start()
            if term in self.inner and any(self.scan.match(text, start + k) for k in self.inner[term]):
                return self._two_passes(text)
            found_stem = found_stem or term in self.stem_led or _dated_name(text, term, m.end())
            out.append(start)
        return sorted(out) if found_stem else []

    def _two_passes(self, text: str) -> list[int]:
        """:meth:`hits` by every occurrence of every stem and a scan for the names alone."""
        out = self._stem_starts(text, self.any_case_stem_scan)
        names = list(self._names_pattern.finditer(text))
        if not out and not any(_dated_name(text, m.group(), m.end()) for m in names):
            return []
        out += [m.start() for m in names]
        return sorted(out)

    @cached_property
    def _names_pattern(self) -> re.Pattern[str]:
        return re.compile(trie_alternation(self.names))

    @staticmethod
    def _stem_starts(text: str, scan: list[tuple[str, tuple[tuple[str, int], ...]]]) -> list[int]:
        """Where each stem begins in ``text``, every occurrence (overlapping ones too); ``scan``: the stems
        grouped by a shared ending (see :func:`_suffix_groups`)."""
        out = []
        for ending, group in scan:
            i = text.find(ending)
            while i >= 0:
                if group:
                    out += [i - k for stem, k in group if text.startswith(stem, i - k)]
                else:
                    out.append(i)
                i = text.find(ending, i + 1)
        return out


def _suffix_groups(stems: Iterable[str]) -> list[tuple[str, tuple[tuple[str, int], ...]]]:
    """The stems as (text to find, its stems with how far each begins before it): stems that end the same
    ("ar game", "ar-game", "argame") are found by one search for their common ending ("game"), each
    checked where that ending is found; any other stem by a search for itself (an empty group). Each
    search reads the whole article, so fewer searches find the same places sooner."""
    by_ending: dict[str, list[str]] = {}
    for stem in stems:
        by_ending.setdefault(stem[-3:], []).append(stem)
    out = []
    for group in by_ending.values():
        if len(group) == 1:
            out.append((group[0], ()))
            continue
        ending = group[0]
        while not all(stem.endswith(ending) for stem in group):
            ending = ending[1:]
        out.append((ending, tuple((stem, len(stem) - len(ending)) for stem in group)))
    return out
