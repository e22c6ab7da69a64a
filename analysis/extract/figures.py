"""Figures: every defence-relevant number an article reports (money, shares of GDP, growth, force counts).

One row per number, with its offsets (``article.text[start:end] == surface``), the value in the
unit's base (604 billion dollars -> 604000000000), the unit (ISO 4217 for money, ``percent_gdp``,
``percent_growth``, ``count``), what it measures (``metric``), who spends or buys (``actor``,
ISO alpha-3), who sells (``counterpart``) and the year it refers to. Vocabularies are data:
``data/currencies.csv`` and ``data/figure_vocab.csv``.

>>> from analysis.corpus.model import Article, Sentence
>>> text = "China's defence budget will rise 7.2% to 1.67 trillion yuan ($231bn) this year."
>>> art = Article("a1", "a1.txt", text, sentences=(Sentence(0, len(text), text),))
>>> [(f.surface, f.value, f.unit, f.metric, f.actor) for f in extract_figures(art)]
... # doctest: +NORMALIZE_WHITESPACE
[('7.2%', 7.2, 'percent_growth', 'defence_budget', 'CHN'),
 ('1.67 trillion yuan', 1670000000000.0, 'CNY', 'defence_budget', 'CHN'),
 ('$231bn', 231000000000.0, 'USD', 'defence_budget', 'CHN')]

Known limits: an accounting negative in brackets ("revenue is ($99.99)") reads as +99.99,
because in reporting a bracketed amount is a conversion ("1.67 trillion yuan ($231bn)").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import le, ne
from types import SimpleNamespace
from typing import Callable, Iterable, Iterator

from analysis.extract import _money, _numbers
from analysis.extract._numbers import lead, mapping, prefix_tree, terms
from analysis.extract._patterns import lower_as_matched
from analysis.extract.countries import CountryTuple, find_countries

__all__ = ["FIGURE_COLUMNS", "METRICS", "Figure", "extract_figures", "figures_frame"]

FIGURE_COLUMNS = [
    "article_id", "start", "end", "surface", "sentence", "value", "unit", "value_usd", "usd_rate",
    "usd_rate_source", "usd_rate_year", "metric", "actor", "counterpart", "year", "qualifier", "flags",
]
METRICS = ("defence_budget", "arms_deal", "unit_price", "share_of_gdp", "force_count", "other_money")
NON_MONEY_UNITS = frozenset({"percent_gdp", "percent_growth", "count"})


@dataclass(frozen=True)
class Figure:
    """One number an article reports, with its provenance and what it measures."""

    article_id: str
    start: int
    end: int
    surface: str
    sentence: str
    value: float
    unit: str
    metric: str
    actor: str | None = None
    counterpart: str | None = None
    year: int | None = None
    qualifier: str | None = None
    flags: tuple[str, ...] = ()

    @property
    def is_money(self) -> bool:
        return self.unit not in NON_MONEY_UNITS


# --- compiled patterns (built once) --------------------------------------------------------------
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


def _word_anchor() -> re.Pattern[str]:
    """A number word (or "a penny") after a space, on the lower-cased text with separators made spaces:
    a plain prefix tree after a literal space, so the regex engine jumps from space to space and reads
    each next letter once (a case-insensitive alternation runs at ~1 MB/s, this at ~200)."""
    vocab = _numbers.vocab()
    words = {t for kind in ("number_word", "collective") for t, _ in vocab[kind]} | {"a penny", "a cent", "a dime"}
    return re.compile(" " + prefix_tree(words) + r"(?![^\W_])")


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
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
        rf"""(?P<num>{_numbers.TYPO}|{_numbers.DIGITS})
            (?:(?P<ascale>(?i:{scale_words}))(?![\w])|(?P<aletter>{attached})(?![\w])|(?![\w])|(?={suffix}))
            (?![’']s\b)
            (?:(?:{_S}|-)(?P<scale>(?i:{scale_words}))(?![\w]))?
            (?:{_S}?(?P<pct>%|(?i:per{_S}?-?cent|pct)(?![\w])))?
            (?:{_S}?(?:(?i:d['’]|de){_S}?)?(?P<suf>{suffix}))?""", re.X)
    wpiece = re.compile(
        rf"""(?<![\w-])(?P<wnum>(?i:{_numbers.words_pattern()})|(?i:a)(?={_S}+(?i:penny|cent|dime)\b))(?![\w-])
            (?:(?:{_S}|-)(?P<scale>(?i:{scale_words}))(?![\w]))?
            (?:{_S}(?P<suf>{suffix_words}))?""", re.X)
    stop = prefix_tree("""and or but nor of in on at to from by with for than as per that which who whom whose is are
        was were be been being has have had will would could should can may might must do does did the a an this
        these those its their his her our it they he she we over into near across since after before during while
        when where year years month months day days week weeks hour hours km kilometres kilometers miles metres
        meters tonnes tons times percent people against not also including such each every""".split())
    nouns = prefix_tree([t.lower() for t in terms("force_noun")])
    force = re.compile(  # matched on the lower-cased sentence
        rf"""(?:{_S}+of)?(?:{_S}+(?:its|their|the|his|her|our|these|those))?
            (?P<mods>(?:{_S}+(?!(?:{stop})(?![\w]))[\w][\w’'.\-/]*){{0,4}}?)
            {_S}+(?P<noun>{nouns})(?![\w-])""", re.X)
    quals = mapping("qualifier")
    growth = [t.lower() for t in terms("growth_up") + terms("growth_down")]
    rel_years = {t.lower(): int(v) for t, v in _numbers.vocab()["relative_year"]}
    designations = [t.lower() for t in terms("designation")]
    weapon_names = terms("weapon_origin")
    unit_before = terms("unit_price_before")
    unit_nouns = _fold_tree(terms("unit_noun"))
    per_time = _fold_tree(terms("per_time"))
    return SimpleNamespace(
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
        qual=re.compile(rf"{lead(quals)}(?<![\w-])(?P<q>(?i:{_fold_tree(quals)})){_S}+$"),
        quals=quals,
        link=re.compile(rf"{_S}*(?P<c>-|–|—|(?i:to|and|or|through)|,(?:{_S}*(?i:and|or))?){_S}*"),
        conv=re.compile(rf"(?:{_S}*[(\[]{_S}*|,?{_S}+(?i:or){_S}+)(?:(?i:about|around|approximately|roughly|some"
                        rf"|nearly|almost|c\.|circa|~|equivalent{_S}+to){_S}*)?"),
        between=re.compile(rf"(?i:between){_S}+(?:(?i:{_fold_tree(quals)}){_S}+)?$"),
        from_=re.compile(rf"(?i:from){_S}+(?:(?i:{_fold_tree(quals)}){_S}+)?$"),
        per_after=re.compile(
            rf"{_S}+(?:(?i:per){_S}+(?!(?i:{per_time})(?![\w]))(?:[\w-]+{_S}+){{0,2}}?(?i:{unit_nouns})s?(?![\w])"
            rf"|(?i:{_fold_tree(terms('unit_price'))})(?![\w]))"),
        per_one=re.compile(rf"{_S}+(?i:per){_S}+(?!(?i:{per_time})(?![\w]))[A-Z][\w-]*\d[\w-]*(?![\w])"),
        unit_before=re.compile(rf"{lead(unit_before)}(?i:{_fold_tree(unit_before)})(?:{_S}+(?i:of|at|about|around"
                               rf"|roughly|some|nearly|just|only))*{_S}*$"),
        arms_after=re.compile(rf"{_S}+(?:(?i:worth){_S}+)?(?i:of|in){_S}+(?:[\w-]+{_S}+){{0,3}}?"
                              rf"(?i:{_fold_tree(terms('hardware') + terms('force_noun'))})(?![\w])"),
        deal_after=re.compile(rf"(?:{_S}+(?i:arms|weapons|defen[cs]e|military|purchase|sale|supply))?{_S}+"
                              rf"(?i:deal|contract|agreement|order|package)(?![\w])"),
        deal=re.compile(_words_rx("deal")),
        in_order=re.compile(rf"(?i:in){_S}+$"),
        budget=re.compile(_words_rx("budget")),
        defence=re.compile(_words_rx("defence")),
        not_defence=re.compile(_words_rx("not_defence_budget")),
        not_arms=re.compile(_words_rx("not_arms")),
        arms=re.compile(_words_rx("arms")),
        buyer=re.compile(_words_rx("buyer_verb")),
        seller=re.compile(_words_rx("seller_verb")),
        weapon=re.compile(rf"{lead(weapon_names, fold=False)}(?<![\w-]){prefix_tree(weapon_names)}(?![\w-])"),
        weapons=mapping("weapon_origin"),
        gdp_after=re.compile(
            rf"{_S}+(?i:of){_S}+(?:(?i:the|its|their|his|her|our){_S}+)?"
            rf"(?:(?:[A-Z][\w.]*|(?i:country|nation|state))(?:['’]s)?{_S}+){{0,2}}"
            rf"(?i:{_fold_tree(terms('gdp'))})(?![\w])"),
        gdp_target=re.compile(rf"{_S}+(?:(?i:of){_S}+(?i:gdp){_S}+)?(?:(?i:spending|defen[cs]e){_S}+)?"
                              rf"(?i:{_fold_tree(terms('gdp_target'))})(?![\w])"),
        nato=re.compile(r"\bNATO\b"),
        growth_before=re.compile(
            rf"{lead(growth)}(?<![\w-])(?P<cue>(?i:{_fold_tree(growth)}))"
            rf"(?:{_S}+(?i:the|its|their|his|her|national|annual|defen[cs]e|military|spending|budgets?|"
            rf"expenditures?|outlays|allocations?|funding)){{0,4}}"
            rf"(?:{_S}+(?i:by|of))?(?:{_S}+(?i:{_fold_tree(quals)}))?{_S}*$"),
        growth_after=re.compile(
            rf"{_S}+(?P<cue>(?i:{_fold_tree(terms('growth_after_up') + terms('growth_after_down'))}))"
            rf"(?![\w-])"),
        growth_up=frozenset(t.lower() for t in terms("growth_up") + terms("growth_after_up")),
        year=re.compile(rf"{lead(['fy', 'fiscal', '19', '20'])}(?<![\w$€£.,\-/])"
                        rf"(?:(?i:FY|fiscal(?:{_S}+year)?){_S}?)?((?:19|20)\d\d)(?![\w%]|[.,]\d)"),
        year_base=re.compile(rf"{lead(['from', 'since', 'than', 'over', 'versus', 'vs', 'compared', 'against'])}"
                             rf"(?<![\w-])(?i:from|since|than|over|versus|vs\.?|compared{_S}+(?:with|to)|"
                             rf"against){_S}+(?:(?i:the){_S}+)?(?:(?i:fiscal|FY){_S}?)?$"),
        rel_year=re.compile(rf"{lead(rel_years)}(?<![\w-])(?i:{_fold_tree(rel_years)})(?![\w-])"),
        rel_years=rel_years,
        # A word every relative year holds ("" when there is none): a sentence without it has none to
        # find. The letters of "year" match case-insensitively only their own two cases, so the
        # sentence's lower case holds it exactly when the text could.
        rel_year_word="year" if all("year" in t for t in rel_years) else "",
        designation=re.compile(rf"{lead(designations)}(?<![\w-])(?i:{_fold_tree(designations)}){_S}*$"),
        prep=re.compile(rf"(?<![\w-])(?i:against|in|on|at|from|with|to|for|by|of|over|into|toward|towards|near|"
                        rf"about|between|across|than|and|or)(?:{_S}+(?i:the))?{_S}*$"),
        to_=re.compile(rf"(?<![\w-])(?i:to|for)(?:{_S}+(?i:the))?{_S}+$"),
        from_with=re.compile(rf"(?<![\w-])(?i:from|with|by)(?:{_S}+(?i:the))?{_S}+$"),
        made=re.compile(r"-(?:made|built|designed|supplied|produced)"),
        coord=re.compile(rf"^{_S}*(?:,|&|(?i:and)|,{_S}*(?i:and)|/){_S}*$"),
        respectively=re.compile(r"(?i:\brespectively\b)"),
        closing=re.compile(rf"{_S}*[)\]]"),
        pounds_weight=re.compile(rf"{_S}+(?i:of)(?![\w])"),
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


_BEFORE_NUMBER = frozenset(".,/:'’_")  # a number right after one of these is part of something else
_SPACES = frozenset(" \u00a0\u202f\u2009:")


def _digit_pieces(text: str, low: str, runs: list[int], rx: SimpleNamespace, japan: bool) -> list[_Piece]:
    """The amounts, percentages and counts read from the digits of a sentence; ``runs``: where its
    runs of digits start."""
    out = []
    last_end = -1
    for s in runs:
        if s < last_end:
            continue  # the rest of a number already read ("000" of "100,000")
        if s and text[s - 1] == "." and (s < 2 or not text[s - 2].isdigit()):
            s -= 1  # ".75"
        # a currency written before the number: "US$", "€ ", "EUR", "$-"
        pre = None
        neg = False
        start = s
        k = s - 1 if s and text[s - 1] == "-" else s
        while k and s - k < 4 and text[k - 1] in _SPACES:
            k -= 1
        if k and text[k - 1] in rx.prefix_last:
            pm = rx.prefix_tail.search(text, max(0, s - rx.prefix_reach), s)
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
            noun = rx.force.match(low, end)
            if not (noun or rx.link_ahead.match(text, end)
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
        end = m.end() if cur else max(m.end("wnum"), m.end("scale"))
        noun = None if cur else rx.force.match(low, end)
        if not cur and not noun:
            continue  # "the two countries"
        word = m.group("wnum")
        number = 1.0 if word.lower() == "a" else _numbers.words_value(word)
        scale = _numbers.scales()[_key(m.group("scale"))] if m.group("scale") else None
        p = _Piece(m.start(), end, number, scale=scale, code=cur[0] if cur else None,
                   factor=cur[1] if cur else 1.0, words=True, noun=noun)
        out.append(p)
    return out


def _link(a: _Piece, b: _Piece, text: str, rx: SimpleNamespace) -> str | None:
    """How b continues a ("-", "to", "and", ","...), or None when it does not."""
    if a.year_like or b.year_like:
        return None
    m = rx.link.fullmatch(text, a.end, b.start)
    if not m:
        return None
    c = m.group("c").lower()
    kind_a = "money" if a.code else "pct" if a.pct else None
    kind_b = "money" if b.code else "pct" if b.pct else None
    if kind_a and kind_b and (kind_a != kind_b or a.code != b.code):
        return None
    if kind_a and not kind_b and b.scale is None and a.scale is not None:
        return None  # "$5.2 billion and 10,000 employees"
    if not kind_a and c not in ("-", "–", "—", "to", "or", "through") and not (
            c == "and" and rx.between.search(text, max(0, a.start - 30), a.start)):
        return None  # a bare number joins what follows only as a range: "3-4%", "between 2 and 3 percent"
    return c


def _kind(g: list[_Piece]) -> str:
    return "money" if g[-1].code else "pct" if g[-1].pct else "count"


def _group(pieces: list[_Piece], text: str, rx: SimpleNamespace) -> list[list[_Piece]]:
    groups: list[list[_Piece]] = []
    links: list[list[str]] = []
    for p in pieces:
        if groups:
            a = groups[-1][-1]
            if a.code and p.code and a.code != p.code and rx.conv.fullmatch(text, a.end, p.start):
                p.conversion_of = a
            else:
                c = _link(a, p, text, rx)
                if c is not None:
                    groups[-1].append(p)
                    links[-1].append(c)
                    continue
        groups.append([p])
        links.append([])
    for g, cs in zip(groups, links):
        if len(g) < 2:
            continue
        # share currency, percent and scale across the group ("$1-1.2 billion", "$604 and $200 billion")
        carrier = next((p for p in reversed(g) if p.code), None)
        for i, p in enumerate(g):
            if not p.code and carrier:
                src = next((q for q in g[i + 1:] if q.code), None) or next(q for q in reversed(g[:i]) if q.code)
                p.code, p.factor = src.code, src.factor
            if any(q.pct for q in g):
                p.pct = True
            if p.scale is None and abs(p.number) < 1000:
                src = next((q for q in g[i + 1:] if q.scale is not None), None)
                if src is not None:
                    p.scale = src.scale
                    p.flags.append("shared_scale")
        if len(g) == 2:
            c = cs[0]
            before = text[max(0, g[0].start - 30):g[0].start]
            if c in ("-", "–", "—", "through") or (c == "to" and not rx.from_.search(before)) or \
                    (c == "and" and rx.between.search(before)) or (c == "or" and not g[0].code):
                g[0].range_pos, g[1].range_pos = "range start", "range end"
    return groups


# --- context: countries, cues, years ---------------------------------------------------------------
def _mentions(text: str) -> list[CountryTuple]:
    """Country mentions, less the ones inside sea names ("South China Sea", "Sea of Japan")."""
    out = []
    for m in find_countries(text, CountryTuple):
        after = text[m.end:m.end + 4]
        before = text[max(0, m.start - 7):m.start]
        if after == " Sea" or before.endswith("Sea of ") or before.endswith(("South ", "East ")) and \
                m.alias == "China":
            continue
        out.append(m)
    return out


def _distance(m_start: int, m_end: int, start: int, end: int) -> int:
    if m_end <= start:
        return start - m_end
    if m_start >= end:
        return m_start - end
    return 0


def _nearest(rx_: re.Pattern, text: str, start: int, end: int, rx: SimpleNamespace | None = None) -> int | None:
    best = None
    for m in rx_.finditer(text):
        if rx is not None and m.group(0).lower() == "order" and rx.in_order.search(text, 0, m.start()):
            continue
        d = _distance(m.start(), m.end(), start, end)
        if best is None or d < best:
            best = d
    return best


def _preposed(text: str, m: CountryTuple, rx: SimpleNamespace) -> bool:
    return bool(rx.prep.search(text, max(0, m.start - 16), m.start))


def _subject(text: str, mentions: list[CountryTuple], pos: int, rx: SimpleNamespace) -> str | None:
    """The country that most likely does the verb at ``pos``: the nearest one before it that is not
    the object of a preposition, a name before a demonym."""
    before = [m for m in mentions if m.end <= pos]
    for want_demonym in (False, True):
        for m in reversed(before):
            if (m.kind == "demonym") == want_demonym and not _preposed(text, m, rx):
                return m.alpha3
    return before[-1].alpha3 if before else None


def _deal_roles(text: str, low: str, start: int, end: int, mentions: list[CountryTuple],
                rx: SimpleNamespace) -> tuple[str | None, str | None, bool]:
    """(buyer, seller, found a buy/sell verb) for the amount at start:end."""
    cues = [(m, "buyer") for m in rx.buyer.finditer(low)] + [(m, "seller") for m in rx.seller.finditer(low)]
    if not cues:
        # no verb: "a $619 million arms package for Taiwan" -> Taiwan buys from the country before
        for c in mentions:
            if c.start >= end and rx.to_.search(text, max(0, c.start - 12), c.start):
                return c.alpha3, _subject(text, mentions, start, rx), True
        return None, None, False
    m, role = min(cues, key=lambda c: _distance(c[0].start(), c[0].end(), start, end))
    buyer = seller = None
    after = [c for c in mentions if c.start >= m.end()]
    if role == "seller":
        seller = _subject(text, mentions, m.start(), rx)
        for c in after:
            if rx.to_.search(text, max(0, c.start - 12), c.start):
                buyer = c.alpha3
                break
    else:
        buyer = _subject(text, mentions, m.start(), rx)
        for c in after:
            if c.alpha3 == buyer:
                continue
            if rx.from_with.search(text, max(0, c.start - 12), c.start) or c.kind == "demonym" or \
                    rx.made.match(text, c.end):
                seller = c.alpha3
                break
    if seller is None:
        w = rx.weapon.search(text)
        if w and rx.weapons.get(w.group(0).lower()) != buyer:
            seller = rx.weapons.get(w.group(0).lower())
    if seller == buyer:
        seller = None
    return buyer, seller, True


def _respectively(group: list[_Piece], text: str, mentions: list[CountryTuple],
                  rx: SimpleNamespace) -> list[str] | None:
    """The countries named, in order, for a list of amounts ("the Chinese and Russian budgets are $604
    and $200 billion respectively")."""
    if len(group) < 2 or group[0].range_pos:
        return None
    before = [m for m in mentions if m.end <= group[0].start]
    if len(before) < len(group):
        return None
    chain = [before[-1]]
    for m in reversed(before[:-1]):
        if len(chain) == len(group) or not rx.coord.match(text[m.end:chain[0].start]):
            break
        chain.insert(0, m)
    if len(chain) != len(group):
        return None
    return [m.alpha3 for m in chain]


def _year(text: str, low: str, start: int, end: int, published_year: int | None, rx: SimpleNamespace,
          others: list[tuple[int, int]] = ()) -> int | None:
    """The year nearest the figure at start:end, not across another figure of its kind, nor a base
    of comparison ("up 13% from last year"); ``low``: ``text`` in lower case."""
    def blocked(pos: int) -> bool:
        if rx.year_base.search(text, max(0, pos - 20), pos):
            return True
        lo, hi = (pos, start) if pos < start else (end, pos)
        return any(lo <= s and e <= hi for s, e in others)

    best = None
    # every year the pattern reads is written 19xx or 20xx: a sentence without either has none
    years = rx.year.finditer(text) if "19" in text or "20" in text else ()
    for m in years:
        if start <= m.start() < end or blocked(m.start()):
            continue
        d = _distance(m.start(), m.end(), start, end)
        if best is None or d < best[0]:
            best = (d, int(m.group(1)))
    if published_year is not None and rx.rel_year_word in low:
        for m in rx.rel_year.finditer(text):
            if blocked(m.start()):
                continue
            d = _distance(m.start(), m.end(), start, end)
            if best is None or d < best[0]:
                best = (d, published_year + rx.rel_years[_key(m.group(0))])
    return best[1] if best else None


def _qualifier(text: str, start: int, rx: SimpleNamespace) -> tuple[str | None, int]:
    """(qualifier, where it starts) for the figure starting at ``start``."""
    m = rx.qual.search(text, max(0, start - 24), start)
    if not m:
        return None, start
    return rx.quals[_key(m.group("q"))], m.start("q")


# --- the extractor ---------------------------------------------------------------------------------
@dataclass
class _State:
    """What earlier sentences of the article tell later ones."""

    deal: tuple[str | None, str | None, int | None, int] | None = None  # buyer, seller, year, sentence no.
    actor: tuple[str, int] | None = None  # last actor given, sentence no.
    japan: bool | None = None


def extract_figures(article) -> list[Figure]:
    """Every figure in the title, body and caption sentences of ``article``, in text order.

    >>> from analysis.corpus.model import Article, Sentence
    >>> t = "Russia has amassed more than 100,000 troops near its border."
    >>> [(f.surface, f.value, f.unit, f.actor, f.qualifier)
    ...  for f in extract_figures(Article("x", "x", t, sentences=(Sentence(0, len(t), t),)))]
    [('more than 100,000 troops', 100000.0, 'count', 'RUS', 'more than')]
    """
    rx = _rx()
    published_year = article.published.year if getattr(article, "published", None) else None
    state = _State()
    out: list[Figure] = []
    wide = _beyond_ascii(article.text)
    low_text = _lower(article.text, wide)
    # A sentence's lower case is a slice of the article's, except around a capital sigma (its lower
    # case depends on the letters beside it).
    sliced = "Σ" not in article.text

    def lower(sent) -> str:
        return low_text[sent.start:sent.end] if sliced else _lower(sent.text)

    sentences = article.content_sentences()
    for index, runs, here in _number_sentences(article.text, sentences, _word_starts(low_text, rx), rx, wide):
        sent = sentences[index]
        text = sent.text
        low = lower(sent)
        pieces = _digit_pieces(text, low, runs, rx, _japan(article, text, state)) if runs else []
        if here:
            taken = [(p.start, p.end) for p in pieces]
            pieces += [p for p in _word_pieces(text, low, here, rx)
                       if not any(s < p.end and p.start < e for s, e in taken)]
            pieces.sort(key=lambda p: p.start)
        if pieces:
            prev_low = lower(sentences[index - 1]) if index else ""
            out.extend(_sentence_figures(article, sent, index, pieces, low, prev_low, published_year, state, rx))
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


def _japan(article, text: str, state: _State) -> bool:
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


def _classify_pct(g: list[_Piece], text: str, low: str, prev_low: str,
                  rx: SimpleNamespace) -> tuple[str, str, int, float] | None:
    """(unit, metric, surface end of the last piece, sign) for a group of percentages, or None."""
    last, first = g[-1], g[0]
    m = rx.gdp_after.match(text, last.end)
    if m:
        return "percent_gdp", "share_of_gdp", m.end(), 1.0
    defence = rx.defence.search(low) or rx.defence.search(prev_low)
    if rx.gdp_target.match(text, last.end) and (defence or rx.nato.search(text)):
        return "percent_gdp", "share_of_gdp", last.end, 1.0
    cue = None
    m = rx.growth_before.search(text, max(0, first.start - 40), first.start)
    if m:
        cue = m.group("cue")
    else:
        m = rx.growth_after.match(text, last.end)
        if m:
            cue = m.group("cue")
    if cue is None or not (defence or rx.budget.search(low)):
        return None
    sign = 1.0 if _key(cue) in rx.growth_up or lower_as_matched(cue).startswith(
        ("year-on-year", "annual")) else -1.0
    if rx.budget.search(low):
        metric = "defence_budget" if defence else "other_money"
    elif rx.deal.search(low) and defence:
        metric = "arms_deal"
    else:
        metric = "other_money" if not defence else "defence_budget"
    return "percent_growth", metric, last.end, sign


def _money_metric(g: list[_Piece], text: str, low: str, prev_low: str, rx: SimpleNamespace) -> tuple[str, int]:
    """(metric, surface end of the last piece) for a group of amounts."""
    first, last = g[0], g[-1]
    m = rx.per_after.match(text, last.end) or rx.per_one.match(text, last.end)
    if m:
        return "unit_price", m.end()
    end = last.end
    m = rx.deal_after.match(text, last.end)
    if m:
        end = m.end()
    if rx.unit_before.search(text, max(0, first.start - 40), first.start):
        return "unit_price", end
    if rx.arms_after.match(text, end):
        return "arms_deal", end
    deal_d = _nearest(rx.deal, low, first.start, end, rx)
    budget_d = _nearest(rx.budget, low, first.start, end)
    if deal_d is not None and (budget_d is None or deal_d <= budget_d):
        if not (rx.not_arms.search(low) and not rx.arms.search(low)):
            return "arms_deal", end
    if budget_d is not None:  # the defence cues are read only for a budget
        defence_here = rx.defence.search(low)
        defence = defence_here or rx.defence.search(prev_low)
        if defence and not (rx.not_defence.search(low) and not defence_here):
            return "defence_budget", end
    return "other_money", end


_UNSET = object()  # not read yet


def _sentence_figures(article, sent, index: int, pieces: list[_Piece], low: str, prev_low: str,
                      published_year: int | None, state: _State, rx: SimpleNamespace) -> list[Figure]:
    """The figures of one sentence from its pieces; ``low`` and ``prev_low``: the sentence and the one
    before it in lower case."""
    text = sent.text
    groups = _group(pieces, text, rx)
    mentions: list[CountryTuple] | None = None
    made: list[tuple[_Piece, Figure]] = []
    count_end = -1  # a number inside a counted noun phrase ("18 Leopard 2 tanks") is not another count
    for g in groups:
        # what kind of figure is this group?
        first, last = g[0], g[-1]
        unit = metric = None
        ends: dict[int, int] = {}
        sign = 1.0
        if last.code:
            metric, end = _money_metric(g, text, low, prev_low, rx)
            unit = last.code
            ends[len(g) - 1] = end
        elif last.pct:
            got = _classify_pct(g, text, low, prev_low, rx)
            if got is None and any(f.unit == "percent_gdp" for _, f in made):
                got = ("percent_gdp", "share_of_gdp", last.end, 1.0)  # "7.1% of GDP, up from 3.9% in 2021"
            if got is None:
                continue
            unit, metric, end, sign = got
            ends[len(g) - 1] = end
        else:
            if last.attached_letter or any(p.leading_zero or p.pct for p in g) or first.start < count_end:
                continue
            fm = last.noun  # a count group's last piece is a bare number, so it was read when found
            if not fm or any(p.value < 2 for p in g):
                continue
            if last.year_like or any(p.year_like for p in g):
                continue
            if rx.designation.search(text, max(0, first.start - 12), first.start):
                continue
            unit, metric = "count", "force_count"
            ends[len(g) - 1] = count_end = fm.end()
        if mentions is None:
            mentions = _mentions(text)
        # who: respectively lists, the noun phrase itself, deal roles, budget owners, nearest country
        gstart, gend = first.start, ends[len(g) - 1]
        resp = _respectively(g, text, mentions, rx) if unit != "count" else None
        counterpart = None
        actor = None
        deal_year = None
        if metric in ("arms_deal", "unit_price"):
            buyer, seller, found = _deal_roles(text, low, gstart, gend, mentions, rx)
            actor, counterpart = buyer, seller
            if not found or actor is None:
                actor = None
        # the same for every piece of the group: read once
        group_q, group_qstart = _qualifier(text, first.start, rx)
        group_year = _year(text, low, gstart, gend, published_year, rx,
                           [(h[0].start, h[-1].end) for h in groups
                            if h is not g and _kind(h) == _kind(g) and h[0].conversion_of is None])
        default_actor = _UNSET
        respectively = bool(resp) and bool(rx.respectively.search(text))
        for i, p in enumerate(g):
            q, qstart = (group_q, group_qstart) if i == 0 else (None, p.start)
            start = qstart if unit == "count" and q else p.start
            end = ends.get(i, p.end)
            who = actor
            if resp:
                who = resp[i]
            if who is None and unit == "count":
                inside = [m for m in mentions if p.end <= m.start and m.end <= end]
                if inside:
                    who = inside[0].alpha3
            if who is None and unit == "percent_gdp":
                inside = [m for m in mentions if p.end <= m.start and m.end <= end]
                if inside:
                    who = inside[0].alpha3
            if who is None:
                if default_actor is _UNSET:
                    default_actor = _default_actor(text, low, gstart, gend, mentions, rx, metric)
                who = default_actor
            cp = counterpart
            year = group_year
            if metric in ("arms_deal", "unit_price") and state.deal and index - state.deal[3] <= 3:
                d_buyer, d_seller, d_year, _ = state.deal
                if who is None:
                    who = d_buyer
                if cp is None and who == d_buyer:
                    cp = d_seller
                    if year is None:
                        year = d_year
            if who is None:
                who = _fallback_actor(p.code, index, state)
            flags = list(p.flags)
            if sent.zone == "caption":
                flags.append("in_caption")
            if respectively:
                flags.append("respectively")
            value = p.value * sign
            if unit == "percent_growth" or unit == "percent_gdp":
                value = p.number * sign
            qualifier = p.range_pos or q
            if qualifier is None and i > 0:
                qualifier = group_q
            if unit == "count":
                value = p.number * (p.scale or 1.0)
            fig = Figure(article.article_id, sent.start + start, sent.start + end, text[start:end], text,
                         float(value), unit, metric, who, cp, year, qualifier, tuple(dict.fromkeys(flags)))
            made.append((p, fig))
            if metric in ("arms_deal", "unit_price") and who:
                state.deal = (who, cp, year, index)
            if who:
                state.actor = (who, index)
    # amounts in brackets after another amount are its conversion: same metric, actor and year
    by_piece = {id(p): f for p, f in made}
    result = []
    for p, f in made:
        src = by_piece.get(id(p.conversion_of)) if p.conversion_of is not None else None
        if src is not None and f.is_money:
            f = Figure(f.article_id, f.start, f.end, f.surface, f.sentence, f.value, f.unit, src.metric,
                       src.actor, src.counterpart, src.year if f.year is None or src.year else f.year,
                       f.qualifier, tuple(dict.fromkeys(f.flags + ("conversion",))))
        result.append(f)
    return result


def _default_actor(text: str, low: str, start: int, end: int, mentions: list[CountryTuple],
                   rx: SimpleNamespace, metric: str | None) -> str | None:
    """The owner of a budget ("China's defence budget"), else the nearest country before, else after."""
    if not mentions:
        return None
    if metric == "defence_budget":
        cues = list(rx.budget.finditer(low))
        if cues:
            cue = min(cues, key=lambda c: _distance(c.start(), c.end(), start, end))
            owner = [m for m in mentions if m.end <= cue.start() and cue.start() - m.end <= 30]
            if owner:
                return owner[-1].alpha3
    before = [m for m in mentions if m.end <= start]
    if before:
        return before[-1].alpha3
    after = [m for m in mentions if m.start >= end]
    return after[0].alpha3 if after else None


def _fallback_actor(code: str | None, index: int, state: _State) -> str | None:
    """No country in the sentence: the currency's country, else the actor of a figure just before."""
    if code and code in _money.CURRENCY_COUNTRY:
        return _money.CURRENCY_COUNTRY[code]
    if state.actor and index - state.actor[1] <= 2:
        return state.actor[0]
    return None


# --- the table ----------------------------------------------------------------------------------------
def figures_frame(articles: Iterable,
                  extract: Callable[..., list[Figure]] | None = None) -> "pandas.DataFrame":  # noqa: F821
    """All figures of ``articles`` as a DataFrame with :data:`FIGURE_COLUMNS`, sorted by
    (article_id, start, end); money converted to USD through ``analysis.reference.fx``. ``extract``:
    what reads one article's figures (:func:`extract_figures`, or a caller's guarded version of it).
    """
    import pandas as pd

    try:
        from analysis.reference.fx import to_usd
    except ImportError:  # the exchange-rate table is optional for extraction
        to_usd = None
    rows = []
    for article in articles:
        published_year = article.published.year if getattr(article, "published", None) else None
        for f in (extract or extract_figures)(article):
            usd = (None, None, None, None)
            if f.is_money and to_usd is not None:
                usd = to_usd(f.value, f.unit, f.year or published_year)
            rows.append((f.article_id, f.start, f.end, f.surface, f.sentence, f.value, f.unit, *usd, f.metric,
                         f.actor, f.counterpart, f.year, f.qualifier, ";".join(f.flags)))
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    frame = frame.astype({"start": "int64", "end": "int64", "value": "float64", "value_usd": "float64",
                          "usd_rate": "float64", "year": "Int64", "usd_rate_year": "Int64"})
    return frame.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
