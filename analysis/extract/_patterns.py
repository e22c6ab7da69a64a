"""Regex helpers for the vocabulary matchers: alternations built as tries, word-start scans.

A longest-first alternation of many literal terms (``Sea of Japan|Russia|...``) makes the regex
engine try every term at every position it tests. The same terms as a trie
(``R(?:ussia(?:n)?|...)|S(?:ea of Japan|...)``) try one branch per character instead, and match the
same text: terms that match at one position are prefixes of each other, and the trie tries the
longer continuation first, as the longest-first alternation does.

A pattern whose every branch starts with a literal (case-sensitive) character also lets the regex
engine skip ahead to the places where one may begin; a look-behind at its head (``(?<![\\w.])``)
would stop that. :func:`trie_alternation` can put the same test after the first character instead
(``not_after``), and :func:`word_start_matches` makes it in Python for other patterns.

>>> trie_alternation(["Russia", "Russian", "Rome"])
'R(?:ome|ussia(?:n)?)'
>>> trie_alternation(["Russia", "Rome"], not_after=r"\\w")
'R(?<!\\\\w.)(?:ome|ussia)'
>>> [m.group(0) for m in word_start_matches(re.compile("Russia(?:n)?"), "Prussia, Russian")]
['Russian']
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

__all__ = ["lower_as_matched", "term_units", "trie_alternation", "trie_of_units", "word_start_matches"]


def trie_alternation(terms: Iterable[str], space: str | None = None, separators: str = " ",
                     fold_case: bool = False, not_after: str | None = None) -> str:
    """The literal ``terms`` as one trie-shaped alternation (no group around it).

    ``space``: the pattern a run of ``separators`` in a term becomes (e.g. ``r"\\s+"``); it must not
    match what can follow it in a term (a letter), and a term must not hold two runs of them side by
    side. ``fold_case``: merge letters that differ only in case, for a pattern compiled with
    ``re.IGNORECASE`` (the terms must be letters that ``str.lower`` folds the way the regex engine
    does, as English vocabulary is). ``not_after``: a character class that must not come just before
    a term, as ``(?<!not_after)`` would say at the head of the pattern.
    """
    units = (term_units(term, space, separators, fold_case) for term in terms)
    return trie_of_units(units, not_after=not_after)


def trie_of_units(terms: Iterable[list[str]], not_after: str | None = None) -> str:
    """Terms given as lists of pattern units (a unit matches one letter, or one separator run, e.g.
    ``r"[\\s\\-]?"``) as one trie-shaped alternation. The units must leave one way to read a text:
    a unit that may match nothing or a run must not match what can follow it in a term.
    ``not_after``: as for :func:`trie_alternation` (the first unit of a term must match one character)."""
    root: dict = {}
    for units in sorted({tuple(u) for u in terms}):
        node = root
        for unit in units:
            node = node.setdefault(unit, {})
        node[""] = {}  # a term ends here
    # The look-behind after the first character reaches back over it to the character before the term.
    return _branches(root, guard=f"(?<!{not_after}.)" if not_after else "")


def term_units(term: str, space: str | None = None, separators: str = " ", fold_case: bool = False) -> list[str]:
    """A literal term as pattern units for :func:`trie_of_units` (see :func:`trie_alternation`)."""
    units: list[str] = []
    for ch in term.lower() if fold_case else term:
        if space is not None and ch in separators:
            if not units or units[-1] != space:
                units.append(space)
        else:
            units.append(re.escape(ch))
    return units


def _branches(node: dict, guard: str = "") -> str:
    children = [unit + guard + _rest(sub) for unit, sub in node.items() if unit]
    return children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"


def _rest(node: dict) -> str:
    """The terms below ``node``: the longer continuations first, then the end of a term."""
    if not any(node):
        return ""
    rest = _branches(node)
    return f"(?:{rest})?" if "" in node else rest


def word_start_matches(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None,
                       not_before: str = "_") -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)`` as if the pattern began with ``(?<![\\w<not_before>])``
    (the pattern must not match an empty string).

    Checking the character before a match in Python, and searching again one character on when it
    fails, finds the same matches as the look-behind would.
    """
    endpos = len(text) if endpos is None else endpos
    while True:
        m = pattern.search(text, pos, endpos)
        if m is None:
            return
        start = m.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in not_before):
            pos = start + 1
            continue
        yield m
        pos = m.end()


#: letters a case-insensitive pattern reads as ASCII ones but ``str.lower`` does not lower to them: "ı" and "ſ"
#: stay as they are, "İ" lowers to "i" and a combining dot
_TO_ASCII = str.maketrans({"\u0307": None, "ı": "i", "ſ": "s"})


def lower_as_matched(text: str) -> str:
    """``text`` in lower case as a case-insensitive pattern read it, to look a match up among lower-case terms:
    a match of "billion" read in "BİLLION" or "bıllion" is found in the table.

    >>> lower_as_matched("BİLLION"), lower_as_matched("thouſand"), lower_as_matched("fırst")
    ('billion', 'thousand', 'first')
    """
    return text.lower().translate(_TO_ASCII)
