"""Numbers as reporting writes them: digits in English and European styles, scale words, number words.

Private helpers of :mod:`analysis.extract.figures`. The vocabulary (scale words, number words,
qualifiers, cue words) is data: ``data/figure_vocab.csv``, read once.

>>> parse_number("13,009")
13009.0
>>> parse_number("1 139,00")
1139.0
>>> parse_number("2.174", scaled=True)
2.174
>>> parse_number("15o")
150.0
>>> words_value("twenty-five")
25.0
>>> words_value("a pair of")
2.0
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from analysis.extract._patterns import trie_alternation

__all__: list[str] = []  # private module

# Currencies that write "1.234" for one point two three four; elsewhere a lone ".ddd" groups thousands.
_POINT_DECIMAL = frozenset(
    "USD GBP CNY JPY INR TWD AUD CAD NZD HKD SGD KRW ILS PKR MYR THB PHP MXN SAR AED EGP".split())

SPACES = " \u00a0\u202f\u2009"
_SPACE_CLASS = "[ \u00a0\u202f\u2009]"
_SPACE_RUN = re.compile(r"\s+")
_WORD_BREAK = re.compile(r"[\s-]+")


@lru_cache(maxsize=1)
def vocab() -> dict[str, list[tuple[str, str]]]:
    """kind -> [(term, value)] from ``data/figure_vocab.csv``, in file order."""
    table: dict[str, list[tuple[str, str]]] = {}
    path = resources.files(__package__).joinpath("data/figure_vocab.csv")
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            table.setdefault(row["kind"], []).append((row["term"], row["value"] or ""))
    return table


def terms(kind: str) -> list[str]:
    """The terms of one vocabulary kind."""
    return [t for t, _ in vocab().get(kind, [])]


def mapping(kind: str) -> dict[str, str]:
    """term (lower case) -> value for one vocabulary kind."""
    return {t.lower(): v for t, v in vocab().get(kind, [])}


def alternation(words, flexible_space: bool = True) -> str:
    """A regex alternation of ``words``, longest first, with any run of spaces matching any space."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w)
        if flexible_space:
            esc = esc.replace(r"\ ", _SPACE_CLASS + "+")
        out.append(esc)
    return "|".join(out)


def lead(words, fold: bool = True) -> str:
    """A look-ahead for the first characters of ``words`` (in any case when ``fold``): one cheap test
    that lets the regex engine pass over a position before it tries every word there.

    >>> lead(["dollars", "€", "yen"]), lead(["S-400", "Su-35"], fold=False)
    ('(?=(?i:[dy€]))', '(?=[S])')
    """
    firsts = "".join(re.escape(c) for c in sorted({SPACES if w[0] == " " else w[0] for w in words if w}))
    if not firsts:
        return ""
    return f"(?=(?i:[{firsts}]))" if fold else f"(?=[{firsts}])"


def prefix_tree(words, space: str = _SPACE_CLASS + "+") -> str:
    """The alternation of ``words`` as a prefix tree (:func:`analysis.extract._patterns.trie_alternation`),
    a space in a word matching ``space``: "two|twelve|twenty" -> "tw(?:e(?:lve|nty)|o)". It matches
    what :func:`alternation` matches, longest word first, but the regex engine reads each next
    character once instead of trying every word in turn.

    >>> prefix_tree(["two", "twelve", "twenty", "a dozen"], space=" +")
    '(?:a +dozen|tw(?:e(?:lve|nty)|o))'
    """
    return trie_alternation(words, space=space)


# --- digits -------------------------------------------------------------------------------------
# An integer with thousands groups (one separator style throughout) or plain digits, then decimals.
# Each starts with a look-ahead it implies, tested in one pass over the digits (possessive: no backing
# off): most numbers are neither grouped nor typos, and the patterns alone back off digit by digit,
# trying every separator each time, before they fail.
_GROUPED = (r"(?=\d{1,3}+[,.'’" + SPACES + r"]\d)"
            r"\d{1,3}(?:(?:,\d{3}(?!\d))+|(?:\.\d{3}(?!\d))+|(?:" + _SPACE_CLASS + r"\d{3}(?!\d))+"
            r"|(?:['’]\d{3}(?!\d))+)")
# Indian grouping: lakhs and crores in pairs before the last three digits ("4,50,000", "2,74,114").
_INDIAN = r"(?=\d{1,2},\d\d,)\d{1,2}(?:,\d\d)+,\d{3}(?!\d)"
DIGITS = rf"(?:(?:{_INDIAN}|{_GROUPED}|\d+)(?:[.,]\d+)?|\.\d+)"
# A source typo: the letter o for a zero ("around 15o Chinese fighter jets").
TYPO = r"(?:(?=\d++[oO])(?:\d{2,}[oO]|\d[oO]{2}))"


def parse_number(text: str, scaled: bool = False, currency: str | None = None, percent: bool = False) -> float:
    """The value of a digit string written with ``,`` ``.`` ``'`` or spaces as separators.

    Both separators present: the last one is the decimal mark ("1.599,00", "6,000.00"). One
    kind only: repeated, or a comma before exactly three digits, groups thousands ("1,000,000",
    "73,460"); otherwise it is the decimal mark ("205,68", "47,2", "1.5537"). A lone full stop
    before three digits is a decimal mark after a scale word or for a currency that writes it
    so ("$2.174T"), and a thousands mark otherwise ("14.000 €"). A letter o among digits is read
    as a zero ("15o").
    """
    if text.isdigit():
        return float(text)  # the common case: no separator, no typo
    if "-point-" in text:  # a spoken decimal: "45-point-2", "46-point-seven"
        return spoken_decimal(text)
    s = text.replace("o", "0").replace("O", "0")
    for ch in SPACES + "'’":
        s = s.replace(ch, "")
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        grp = "." if dec == "," else ","
        return float(s.replace(grp, "").replace(dec, "."))
    for sep in (",", "."):
        if sep not in s:
            continue
        parts = s.split(sep)
        if len(parts) > 2:
            if len(parts[-1]) == 3:
                return float("".join(parts))
            return float("".join(parts[:-1]) + "." + parts[-1])
        head, tail = parts
        if len(tail) != 3 or not head:
            return float(head + "." + tail if head else "0." + tail)
        if sep == ",":
            return float(head + tail)
        if scaled or percent or head == "0" or (currency in _POINT_DECIMAL):
            return float(head + "." + tail)
        return float(head + tail)
    return float(s)


# --- number words -------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _word_tables() -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    units = {t: float(v) for t, v in vocab()["number_word"]}
    mults = {t: float(v) for t, v in vocab()["number_multiplier"]}
    collectives = {t: float(v) for t, v in vocab()["collective"]}
    return units, mults, collectives


_DIGIT_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())}
# the part after "-point-" of a spoken decimal: digits or digit words ("45-point-2", "seven-point-four")
SPOKEN_FRACTION = r"-point-(?:\d+|(?:zero|one|two|three|four|five|six|seven|eight|nine)(?:-(?:zero|one|two|three|four|five|six|seven|eight|nine))*)"


def spoken_decimal(text: str) -> float:
    """The value of a decimal said aloud, as broadcasters' transcripts write it.

    >>> spoken_decimal("seven-point-four"), spoken_decimal("46-point-seven"), spoken_decimal("45-point-2")
    (7.4, 46.7, 45.2)
    """
    whole, _, fraction = text.lower().partition("-point-")
    whole_value = float(whole) if whole.isdigit() else words_value(whole)
    digits = fraction if fraction.isdigit() else "".join(_DIGIT_WORDS[w] for w in fraction.split("-"))
    return whole_value + float("0." + digits)


def words_pattern() -> str:
    """Regex for a spelled-out number: "four", "twenty-five", "one hundred and fifty", "a pair of"."""
    units, mults, collectives = _word_tables()
    unit = prefix_tree(units)
    any_word = prefix_tree(list(units) + list(mults))
    coll = prefix_tree(collectives)
    return (rf"(?:{coll}|(?:{unit})(?:(?:-|{_SPACE_CLASS}+(?:and{_SPACE_CLASS}+)?)(?:{any_word}))*)")


def words_value(text: str) -> float:
    """The value of a spelled-out number (see :func:`words_pattern`)."""
    units, mults, collectives = _word_tables()
    key = _SPACE_RUN.sub(" ", text.lower()).strip()
    if key in collectives:
        return collectives[key]
    if key in units:
        return units[key]  # one word: "four"
    total = current = 0.0
    for tok in _WORD_BREAK.split(key):
        if tok == "and" or not tok:
            continue
        if tok in units:
            current += units[tok]
        elif tok in ("hundred", "dozen"):
            current = (current or 1.0) * mults[tok]
        elif tok in mults:
            total += (current or 1.0) * mults[tok]
            current = 0.0
    return total + current


@lru_cache(maxsize=1)
def scales() -> dict[str, float]:
    """scale word (lower case) -> multiplier."""
    return {t.lower(): float(v) for t, v in vocab()["scale"]}


@lru_cache(maxsize=1)
def attached_scales() -> dict[str, float]:
    """letter glued to an amount (case-sensitive) -> multiplier."""
    return {t: float(v) for t, v in vocab()["scale_attached"]}
