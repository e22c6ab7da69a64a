"""Shared helpers of the figure stages: spaces, vocabulary keys and lower-casing with the same offsets."""
from __future__ import annotations

import re

from analysis.extract._numbers import lead, prefix_tree, terms
from analysis.extract._patterns import lower_as_matched
from analysis.extract.countries import CountryTuple, find_countries

_S = "[ \u00a0\u202f\u2009]"  # one space of any kind (never a newline)
_SPACE_RUN = re.compile(r"\s+")


def _key(matched: str) -> str:
    """A match of a case-insensitive vocabulary pattern as its table writes it: lower case as the pattern read
    it ("BİLLION", "thouſand") and single spaces (a space in a term matches any run of spaces)."""
    return _SPACE_RUN.sub(" ", lower_as_matched(matched))


def _words_rx(kind: str) -> str:
    """Cue words of one vocabulary kind, matched on the lower-cased sentence (a case-insensitive
    alternation is several times slower)."""
    words = [t.lower() for t in terms(kind)]
    return rf"{lead(words, fold=False)}(?<![\w-]){prefix_tree(words)}(?![\w-])"


def _fold_tree(words) -> str:
    """The prefix tree of ``words`` in lower case, for a case-insensitive group ``(?i:...)``."""
    return prefix_tree({w.lower() for w in words})


_ASCII = bytes(range(128))


def _beyond_ascii(text: str) -> tuple[bytes, str] | None:
    """``text`` in UTF-8 and its characters beyond ASCII, in order (in reporting: a few quotes and
    dashes); None when it has no UTF-8 (a lone surrogate). An ASCII byte of UTF-8 is always an ASCII
    character, so deleting those bytes leaves the others' characters."""
    try:
        data = text.encode()
    except UnicodeEncodeError:
        return None
    return data, data.translate(None, _ASCII).decode()


def _lower(text: str, wide: tuple[bytes, str] | None = None) -> str:
    """``text`` in lower case with the same offsets; ``wide``: :func:`_beyond_ascii` of it, when read."""
    if wide is not None and wide[1].lower() == wide[1]:
        # None of the characters beyond ASCII changes in lower case (str.lower maps each character on
        # its own, but for a capital sigma, which always changes), so lowering the ASCII bytes gives
        # the same text, at twice the speed of str.lower on text that holds any character beyond ASCII.
        return wide[0].lower().decode()
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ")
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low




def _mentions(text: str) -> list[CountryTuple]:
    """Country mentions, less the ones inside sea names ("South China Sea", "Sea of Japan")."""
    out = []
    for m in find_countries(text, CountryTuple):
        after = text[m.end:m.end + 4]
        before = text[max(0, m.start - 7):m.start]
        if after == " Sea" or before.endswith("Sea of ") or before.endswith(("South ", "East ")) and \
                m.alias == "China":
            continue
        if m.alias == "Congress" and text[max(0, m.start - 9):m.start] in ("People's ", "People’s "):
            continue  # China's National People's Congress is not the U.S. Congress
        out.append(m)
    return out


def _distance(m_start: int, m_end: int, start: int, end: int) -> int:
    if m_end <= start:
        return start - m_end
    if m_start >= end:
        return m_start - end
    return 0

