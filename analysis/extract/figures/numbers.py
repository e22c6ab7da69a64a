"""Stage 1, numbers and money: the amounts, percentages and counts a sentence holds, read from its runs
of digits ("$604 billion", "1.5537 trillion yuan", "24 percent", "more than 100,000 troops") and from
number words ("a pair of its Tu-95 bombers", "six percent"), with the currency written before or after.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import compress
from operator import le, ne
from types import SimpleNamespace
from typing import Iterator

from analysis.extract import _money, _numbers
from analysis.extract._numbers import lead, prefix_tree, terms
from analysis.extract.countries import aliases
from analysis.extract.figures._common import _S, _key, _mentions

_A_SCALES = ("trillion", "billion", "million")  # "a trillion dollars", "half a billion dollars": money only


def _word_anchor() -> re.Pattern[str]:
    """A number word (or "a penny") after a space, on the lower-cased text with separators made spaces:
    a plain prefix tree after a literal space, so the regex engine jumps from space to space and reads
    each next letter once (a case-insensitive alternation runs at ~1 MB/s, this at ~200)."""
    vocab = _numbers.vocab()
    words = {t for kind in ("number_word", "collective") for t, _ in vocab[kind]} | {"a penny", "a cent", "a dime"} | {f"{a} {s}" for a in ("a", "half a") for s in _A_SCALES}
    return re.compile(" " + prefix_tree(words) + r"(?![^\W_])")



def number_patterns() -> dict:
    """The patterns of this stage, for the extractor's pattern namespace."""
    # Alternations of words are prefix trees, and a look-ahead (lead) for their first characters comes
    # before the words or a look-behind: the regex engine then passes over most positions at once.
    scale_words = lead(_numbers.scales()) + prefix_tree(_numbers.scales())
    attached = "|".join(sorted(_numbers.attached_scales(), key=len, reverse=True))
    prefix = _money.lead("prefix") + _money.lead_prefixes("prefix") + f"(?:{_money.prefix_pattern()})"
    suffix = _money.lead("suffix") + _money.lead_prefixes("suffix") + f"(?:{_money.suffix_pattern()})"
    suffix_words = (_money.lead("suffix", words_only=True) + _money.lead_prefixes("suffix", words_only=True)
                    + f"(?:{_money.suffix_pattern(words_only=True)})")
    # An amount is found from its digits: a run of digits anchors it, the currency written before it
    # is looked for just behind (prefix_tail), the rest is matched forward from the number (tail).
    prefix_tail = re.compile(rf"(?P<pre>{prefix}){_S}?:?{_S}?(?P<negp>-)?$")
    tail = re.compile(
        rf"""(?P<num>\d+(?i:{_numbers.SPOKEN_FRACTION})(?![\w-])|{_numbers.TYPO}|{_numbers.DIGITS})
            (?:(?P<ascale>(?i:{scale_words}))(?![\w])|(?P<aletter>{attached})(?![\w])|(?![\w])|(?={suffix})
               |(?=(?i:pct|pc)(?![\w])))
            (?![’']s\b)
            (?:(?:{_S}|-)(?P<scale>(?i:{scale_words}))(?![\w]))?
            (?:(?:{_S}|-)?(?P<pct>%|(?i:percentage{_S}+points?|per{_S}?-?cent|pct|pc)(?![\w])))?
            (?:(?:{_S}|-)?(?:(?i:d['’]|de){_S}?)?(?P<suf>{suffix}))?""", re.X)  # "34-billion-baht"
    wpiece = re.compile(
        rf"""(?<![\w-])(?P<wnum>(?i:{_numbers.words_pattern()})(?i:{_numbers.SPOKEN_FRACTION})?|(?i:(?:half{_S}+)?a)(?={_S}+(?i:penny|cent|dime|{"|".join(_A_SCALES)})\b))(?![\w-])
            (?:(?:{_S}|-)(?P<scale>(?i:{scale_words}))(?![\w]))?
            (?:{_S}(?P<suf>{suffix_words}))?
            (?:{_S}(?P<pct>(?i:percentage{_S}+points?|per{_S}?-?cent|percent)(?![\w])))?""", re.X)  # "six percent"
    stop = prefix_tree("""and or but nor of in on at to from by with for than as per that which who whom whose is are
        was were be been being has have had will would could should can may might must do does did the a an this
        these those its their his her our it they he she we over into near across since after before during while
        when where year years month months day days week weeks hour hours km kilometres kilometers miles metres
        meters tonnes tons times percent people against not also including such each every
        two three four five six seven eight nine ten eleven twelve dozen""".split())  # a count's words hold no other number
    nouns = prefix_tree([t.lower() for t in terms("force_noun")])
    demonyms = prefix_tree(sorted({a.lower() for a, (_, kind) in aliases().items() if kind == "demonym"}))
    force = re.compile(  # matched on the lower-cased sentence
        rf"""(?:{_S}+of)?(?:{_S}+(?:its|their|the|his|her|our|these|those))?
            (?:{_S}+(?:{demonyms}){_S}+and(?={_S}))?  # "six Chinese and Russian warplanes"
            (?P<mods>(?:{_S}+(?!(?:{stop})(?![\w]))[\w][\w’'.\-/]*){{0,4}}?)
            {_S}+(?P<noun>{nouns}|[a-z]{{1,3}}-\d{{1,3}}[a-z]{{0,3}}s(?![\w-])(?!{_S}+(?:{nouns})(?![\w-])))
            (?![\w-])""", re.X)  # "four Tu-95s", but "two Tu-95MS bombers" counts bombers
    # "a 625,000-strong army", "a 1 million-member force", "a 3,000-man contingent": the size of a force
    strong = re.compile(rf"""-(?:strong|member|man)(?:{_S}+[\w-]+){{0,3}}?{_S}+
        (?P<noun>army|armies|armed{_S}+forces|forces?|military|navy|contingent|garrison|troops|personnel|
        brigade|division|corps|guard|militia|fleet)(?![\w-])
        (?!{_S}+(?:alliance|bloc|organi[sz]ation|coalition|union|pact|group))""", re.X)  # "30-member military alliance"
    # after an unscaled amount: an exchange rate or a price per person or per unit of a commodity
    not_an_amount_after = re.compile(
        rf"{_S}+(?:(?i:to|per|against|for){_S}+(?:(?i:the|one|each|a|1){_S}+)?(?:(?i:u\.?s\.?|us|american){_S}*)?"
        rf"(?i:dollar|euro|yuan|rouble|ruble|pound|yen|greenback)(?![\w])"
        rf"|(?i:a|an|per){_S}+(?i:barrel|person|capita|head|tonne|ton|kg|kilogram|litre|liter|gallon|ounce)(?![\w]))")
    return dict(
        not_an_amount_after=not_an_amount_after,
        strong=strong,
        runs=re.compile(r"\d\d*"),  # not \d+: a pattern that starts with one \d lets the engine skip to digits
        year_like=re.compile(r"(?:1[89]|20)\d\d"),
        link_ahead=re.compile(rf"{_S}*(?:-|–|—|(?i:to|and|or|through)(?![\w])|,)"),
        link_behind=re.compile(rf"(?:-|–|—|(?<![\w])(?i:to|and|or|through)|,){_S}*$"),
        prefix_tail=prefix_tail,
        prefix_reach=_money.longest("prefix") + 4,  # the longest prefix_tail match: "U.S.$ : -"
        prefix_last=frozenset(r["surface"][-1] for r in _money._table() if r["position"] in ("prefix", "both")),
        tail=tail,
        wpiece=wpiece,
        word_anchor=_word_anchor(),
        force=force,
        pounds_weight=re.compile(rf"{_S}+(?i:of)(?![\w])"),  # "20 pounds of explosives"
    )


# --- numbers in a sentence -----------------------------------------------------------------------
@dataclass(slots=True)
class _Piece:
    start: int  # offsets into the sentence text
    end: int
    number: float
    scale: float | None = None
    code: str | None = None
    factor: float = 1.0
    pct: bool = False
    attached_letter: bool = False
    typo: bool = False
    words: bool = False
    year_like: bool = False
    leading_zero: bool = False
    flags: list[str] = field(default_factory=list)
    # the counted noun phrase after a number that has no currency or percent ("100,000 troops"), read
    # once when the piece is found: such a piece needs one to be kept, and its count group needs it
    noun: "re.Match[str] | None" = None
    # filled in by grouping and classification
    kind: str | None = None  # money | pct | count
    conversion_of: "_Piece | None" = None
    count_end: int | None = None
    range_pos: str | None = None

    @property
    def value(self) -> float:
        return self.number * (self.scale or 1.0) * self.factor


def _currency(surface: str | None, japan: bool) -> tuple[str, float] | None:
    return _money.currency(surface.strip(), japan=japan) if surface else None


# currencies in which a thousand trillion is no amount reporting gives: "4,981 trillion" there has a decimal comma
_COMMA_DECIMAL = frozenset({"RUB", "USD", "EUR", "GBP", "CNY", "INR", "PKR", "UAH", "AUD", "CAD", "TWD"})
_ONE_COMMA_GROUP = re.compile(r"\d{1,3},\d{3}")
_BEFORE_NUMBER = frozenset(".,/:'’_")  # a number right after one of these is part of something else
_SPACES = frozenset(" \u00a0\u202f\u2009:")


def _digit_pieces(text: str, low: str, runs: list[int], rx: SimpleNamespace, japan: bool) -> list[_Piece]:
    """The amounts, percentages and counts read from the digits of a sentence; ``runs``: where its
    runs of digits start."""
    out = []
    last_end = -1
    rates_of: set[str] = set()  # currencies this sentence gives an exchange rate or a unit price in
    for s in runs:
        if s < last_end:
            continue  # the rest of a number already read ("000" of "100,000")
        if s and text[s - 1] == "." and (s < 2 or not (text[s - 2].isdigit() or text[s - 2].isalpha())):
            s -= 1  # ".75", but "Rs.1,000" is rupees and a thousand
        # a currency written before the number: "US$", "€ ", "EUR", "$-"
        pre = None
        neg = False
        start = s
        k = s - 1 if s and text[s - 1] == "-" else s
        while k and s - k < 4 and text[k - 1] in _SPACES:
            k -= 1
        if k and text[k - 1] in rx.prefix_last:
            pm = rx.prefix_tail.search(text, max(0, s - rx.prefix_reach), s)
            if pm and pm.group("negp") and pm.group("pre")[-1].isalpha() and text[pm.end("pre")] == "-":
                continue  # letters joined to a number by a hyphen name a design, not money: "SR-71", "TL-50"
            if pm:
                pre, neg, start = pm.group("pre"), bool(pm.group("negp")), pm.start()
        if pre is None and s:
            c = text[s - 1]
            c2 = text[s - 2] if s > 1 else " "
            if c in "-–":
                if c2.isalpha():
                    continue  # "Tu-95", "Interaction-2021"
                if c == "-" and not (c2.isalnum() or c2 in _BEFORE_NUMBER):
                    neg, start = True, s - 1  # "-15€"
            elif c.isalnum() or c in _BEFORE_NUMBER:
                continue  # "G7", "17th", "3.5" inside "13.5", "24/7", "10:30"
        m = rx.tail.match(text, s)
        if not m:
            continue
        num, ascale, letter, spaced_scale, pct_sign, suf = m.group("num", "ascale", "aletter", "scale", "pct",
                                                                   "suf")
        end = m.end()  # the number with its scale, percent sign and currency, whichever it has
        if suf and _money.currency(suf.strip()) and rx.pounds_weight.match(text, end) and \
                suf.lower().startswith("pound"):
            suf = None  # "20 pounds of explosives" is a weight
            end = max(m.end("num"), m.end("ascale"), m.end("aletter"), m.end("scale"), m.end("pct"))
        last_end = end
        if pre and not (ascale or letter or spaced_scale) and pre in _money.needs_scale():
            pre = None  # "N95", "P8": a one-letter sign is money only before a scale
            if not (suf or pct_sign):
                continue
        cur = _currency(pre, japan) or _currency(suf, japan)
        if letter and not cur:
            continue  # "400m", "6K" without a currency are not amounts
        typo = "o" in num or "O" in num
        scale = None
        if ascale:
            scale = _numbers.scales()[_key(ascale)]
        elif letter:
            scale = _numbers.attached_scales()[letter]
        elif spaced_scale:
            scale = _numbers.scales()[_key(spaced_scale)]
        pct = bool(pct_sign)
        year_like = not cur and not scale and not pct and bool(rx.year_like.fullmatch(num))
        noun = None
        if not cur and not pct:
            if year_like:
                continue  # a bare year: a date
            noun = rx.force.match(low, end) or rx.strong.match(low, end)
            if not (noun or rx.link_ahead.match(text, end) or ascale or spaced_scale
                    or rx.link_behind.search(text, max(0, start - 12), start)):
                continue  # a bare number that is neither counted nor the start of a range: a date, an id...
        try:
            number = _numbers.parse_number(num, scaled=scale is not None, currency=cur[0] if cur else None,
                                           percent=pct)
        except ValueError:
            continue
        if neg:
            number = -number
        if cur and cur[0] == "KRW" and suf and not scale and number < 1000:
            continue  # "won" the verb
        if cur and not scale and (cur[0] in rates_of or rx.not_an_amount_after.match(text, end)):
            # "TL 34.7 to the dollar" (an exchange rate), "$78 a barrel", "$249 per person", and the rest
            # of such a series in the sentence ("... is expected to reach TL 42", "... to roughly $120")
            rates_of.add(cur[0])
            continue
        if cur and suf and not pre and not scale and rx.year_like.fullmatch(num) and suf.strip().lower() in (
                "dollars", "dollar", "us dollars", "u.s. dollars", "euros", "yuan", "roubles", "rubles"):
            continue  # "in constant 2005 dollars": a price base, not an amount
        if cur and scale and scale >= 1e12 and cur[0] in _COMMA_DECIMAL and _ONE_COMMA_GROUP.fullmatch(num) \
                and number >= 1000:
            number /= 1000  # "RUB4,981 trillion": a decimal comma (a thousand trillion roubles is no budget)
        p = _Piece(start, end, number, scale=scale, code=cur[0] if cur else None,
                   factor=cur[1] if cur else 1.0, pct=pct, attached_letter=bool(letter), typo=typo,
                   year_like=year_like, leading_zero=len(num) > 1 and num[0] == "0" and num[1].isdigit(),
                   noun=noun)
        if typo:
            p.flags.append("typo")
        out.append(p)
    return out


_WORD_SEPARATORS = "\n\r\t\u00a0\"'“‘«([{—–/"  # read as spaces before a spelled-out number


def _spaced(text: str) -> str:
    for c in _WORD_SEPARATORS:
        if c in text:
            text = text.replace(c, " ")
    return text


def _word_starts(low: str, rx: SimpleNamespace) -> list[int]:
    """Where a spelled-out number may start in the lower-cased article text ``low``."""
    return [m.start() for m in rx.word_anchor.finditer(" " + _spaced(low))]  # +1 for the space, -1 for the padding


def _word_pieces(text: str, low: str, starts: list[int], rx: SimpleNamespace) -> list[_Piece]:
    out = []
    last_end = -1
    for pos in starts:
        if pos < last_end:
            continue  # "four" of "twenty-four", already read
        m = rx.wpiece.match(text, pos)
        if not m:
            continue
        last_end = m.end("wnum")
        cur = _currency(m.group("suf"), False)
        pct = bool(m.group("pct")) and not cur
        end = m.end() if cur or pct else max(m.end("wnum"), m.end("scale"))
        noun = None if cur or pct else rx.force.match(low, end) or rx.strong.match(low, end)
        if not cur and not noun and not pct:
            continue  # "the two countries"
        word = m.group("wnum").lower()
        if word.split()[-1] == "a" and m.group("scale") and not cur:
            continue  # "a billion people", "half a million refugees"
        number = (1.0 if word == "a" else 0.5 if word.startswith("half")
                  else _numbers.spoken_decimal(word) if "-point-" in word else _numbers.words_value(word))
        scale = _numbers.scales()[_key(m.group("scale"))] if m.group("scale") else None
        p = _Piece(m.start(), end, number, scale=scale, code=cur[0] if cur else None,
                   factor=cur[1] if cur else 1.0, words=True, noun=noun, pct=pct)
        out.append(p)
    return out


def _number_sentences(text: str, sentences: list, word_starts: list[int], rx: SimpleNamespace,
                      wide: tuple[bytes, str] | None = None) -> Iterator[tuple[int, list[int], list[int]]]:
    """(index, where its runs of digits start, where number words start) for each sentence with a
    digit or a number word, in order; offsets into the sentence. ``word_starts``: offsets into the
    article ``text``; ``wide``: :func:`_beyond_ascii` of it, when read.

    Most sentences hold no number. When the sentences follow each other through the text, as the
    corpus stage cuts them, one scan of the article finds the digits and bisection the sentences
    they are in; otherwise each sentence is read in turn.
    """
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    if all(map(le, starts, ends)) and all(map(le, ends[:-1], starts[1:])):
        return _bisected(text, starts, ends, word_starts, rx, wide)
    return _one_by_one(sentences, word_starts, rx)


def _digit_runs(text: str, rx: SimpleNamespace, wide: tuple[bytes, str] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each run of digits (``\\d+``) in ``text``; ``wide``: :func:`_beyond_ascii` of it,
    when read."""
    if wide is None or rx.runs.search(wide[1]):
        return [m.span() for m in rx.runs.finditer(text)]
    # Every digit is one of 0-9 (no other character is beyond ASCII): ten str.find scans (memchr speed)
    # find the few there are at several times the speed of one regex scan that tests each character
    # for a Unicode digit.
    at = []
    for digit in "0123456789":
        i = text.find(digit)
        while i >= 0:
            at.append(i)
            i = text.find(digit, i + 1)
    at.sort()
    # A run starts at a digit with none just before it and ends after one with none just after it
    # (map and compress keep the loop over the digits in C).
    after = list(map((1).__add__, at))
    starts = compress(at, map(ne, at, [-1] + after))
    ends = compress(after, map(ne, after, at[1:] + [-1]))
    return list(zip(starts, ends))


def _bisected(text: str, starts: list[int], ends: list[int], word_starts: list[int], rx: SimpleNamespace,
              wide: tuple[bytes, str] | None = None) -> Iterator[tuple[int, list[int], list[int]]]:
    """:func:`_number_sentences` for sentences in text order, ``starts[i]:ends[i]`` each."""
    runs: dict[int, list[int]] = {}
    for run_start, run_end in _digit_runs(text, rx, wide):
        i = bisect_right(ends, run_start)
        while i < len(starts) and starts[i] < run_end:  # a sentence the run is in (or begins in)
            runs.setdefault(i, []).append(max(run_start, starts[i]) - starts[i])
            i += 1
    words: dict[int, list[int]] = {}
    for pos in word_starts:
        i = bisect_right(ends, pos)
        if i < len(starts) and starts[i] <= pos:
            words.setdefault(i, []).append(pos - starts[i])
    for i in sorted(runs.keys() | words.keys()):
        yield i, runs.get(i, []), words.get(i, [])


def _one_by_one(sentences: list, word_starts: list[int],
                rx: SimpleNamespace) -> Iterator[tuple[int, list[int], list[int]]]:
    """:func:`_number_sentences` for sentences in any order, read in turn (a word start is passed
    over once a sentence begins after it)."""
    w = 0
    for index, sent in enumerate(sentences):
        while w < len(word_starts) and word_starts[w] < sent.start:
            w += 1
        here = []
        while w < len(word_starts) and word_starts[w] < sent.end:
            here.append(word_starts[w] - sent.start)
            w += 1
        runs = [m.start() for m in rx.runs.finditer(sent.text)]
        if here or runs:
            yield index, runs, here



def _japan(article, text: str, state) -> bool:
    """Does "¥" mean yen here? When the sentence, or else the article, speaks of Japan and not China."""
    if "¥" not in text:
        return False
    codes = {m.alpha3 for m in _mentions(text)}
    if "JPN" in codes or "CHN" in codes:
        return "JPN" in codes and "CHN" not in codes
    if state.japan is None:
        codes = [m.alpha3 for m in _mentions(article.text)]
        state.japan = codes.count("JPN") > codes.count("CHN")
    return state.japan

