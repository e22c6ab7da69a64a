"""Figures in lists: countries named together before or after a count or an amount ("China and Russia sent
three ships apiece", "troops from Russia, China and Iran", "Ukraine and France, both with ..."), a rate
that continues a list whose earlier entry was read ("Romania (43%), the Netherlands (35%)"; one-line
entries "Greece, 2.38 percent." after their lead), and one year named before a list of countries' figures."""
from __future__ import annotations

import re
from dataclasses import replace
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.extract.figures.extractor import _State


def _coordinated_before(text: str, mentions: list, start: int, rx: SimpleNamespace) -> list[str]:
    """The countries named together just before ``start`` as the subject of a clause ("China and Russia
    sent ...", "Russian, Chinese and Iranian warships"): the chain of coordinated mentions that ends at the
    nearest one, within the clause."""
    before = [m for m in mentions if m.end <= start]
    if not before or _CLAUSE_END.search(text, before[-1].end, start):
        return []
    chain = [before[-1]]
    for m in reversed(before[:-1]):
        if not rx.coord.match(text[m.end:chain[0].start]):
            break
        chain.insert(0, m)
    return list(dict.fromkeys(m.alpha3 for m in chain))


def _coordinated_after_from(text: str, mentions: list, end: int, rx: SimpleNamespace) -> list[str]:
    """The countries named together after "from" right after a count ending at ``end`` ("troops from Russia,
    China and Iran"), or []."""
    m = _FROM_AFTER.match(text, end)
    if m is None:
        return []
    after = [c for c in mentions if c.start >= m.end()]
    if not after or after[0].start != m.end():
        return []
    chain = [after[0]]
    for c in after[1:]:
        between = text[chain[-1].end:c.start]
        if chain[-1].kind == "demonym":  # "from the Russian Border Guard and Chinese Coast Guard"
            between = _FORCE_NAME.sub("", between, count=1)
        if not rx.coord.match(between):
            break
        chain.append(c)
    return list(dict.fromkeys(c.alpha3 for c in chain))


def _from_many_countries(text: str, end: int) -> bool:
    """Is a count ending at ``end`` drawn "from 23 countries" / "from several nations": a multinational total?"""
    return bool(_FROM_COUNTRIES.match(text, end))


_FORCE_NAME = re.compile(r"^(?:\s+[A-Z][\w'’-]*){1,3}")
_FROM_COUNTRIES = re.compile(r"\s+(?:from|of)\s+(?:the\s+|both\s+|some\s+|about\s+|around\s+|more\s+than\s+|over\s+)?"
                             r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|several|many|"
                             r"multiple|various|\w+\s+different|both)"
                             r"\s+(?:other\s+|participating\s+)?(?:countries|nations|states|armies|sides|militaries)\b")


_BOTH = re.compile(r"\b(?:both|each)(?:\s+(?:with|at|had|spent|on|of))?\s+(?:about|around|some|nearly)?\s*$")
_FROM_AFTER = re.compile(r"\s+(?:(?:are|were|is|will\s+be)\s+)?(?:(?:participating|taking\s+part|arriving|coming|"
                         r"deployed)\s+)?from\s+(?:the\s+)?")  # "troops from China", "200 personnel are participating from India"
_CLAUSE_END = re.compile(r"[;:]|,\s|\b(?:while|whereas|but|which|who)\b")



_LIST_BETWEEN = re.compile(r"[\s,;()]*(?:and\s+|the\s+)*(?:[A-Z][\w.'’-]*\s*){1,3}[,:]?\s*\(?\s*$"
                           r"|\s+in\s+(?:19|20)\d\d\s*(?:,\s*and|,|and)\s+$"  # "up 52.3% in 2023 and 16.9% in 2024"
                           r"|[^;.%]{0,60}?\s+and\s+by\s+$")  # "grew 259% over 30 years and by 37% over the decade"
#: a sentence that is one entry of a list: "Greece, 2.38 percent." "Poland: 2%"
_LIST_ENTRY = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s*){1,3}[,:–-]\s*$")


def _like_the_list_before(first, last, text: str, offset: int, made: list, state: "_State", index: int):
    """The reading of a rate with no cue of its own that is the next entry of a list whose earlier entry was
    read: in the sentence ("increases included Romania (43%), the Netherlands (35%)") or as the sentences
    before ("United States, 3.61 percent." after "... at least 2 percent of their economy"), else None.
    ``offset``: where the sentence starts in the article."""
    rates = [f for _, f in made if f.unit in ("percent_gdp", "percent_growth")]
    if rates:
        prev = rates[-1]
        if _LIST_BETWEEN.match(text, prev.end - offset, first.start):
            sign = 1.0 if prev.unit == "percent_gdp" or prev.value >= 0 else -1.0
            return prev.unit, prev.metric, last.end, sign, "as the list before"
        return None
    if state.rate and index - state.rate[3] <= 2 and len(text) < 80 and _LIST_ENTRY.match(text, 0, first.start):
        unit, metric, sign, _ = state.rate
        return unit, metric, last.end, sign, "as the list before"
    return None


def _list_year(made: list, text: str, offset: int, rx: SimpleNamespace) -> list:
    """One year named before a list of several countries' figures is each one's year ("The top spenders in
    2023 were the United States ($916 billion), China ($296 billion), ..."); ``offset``: the sentence's
    start in the article."""
    if len(made) < 2 or not ("19" in text or "20" in text):
        return made
    years = list(rx.year.finditer(text))
    if len(years) != 1 or years[0].start() > min(f.start for _, f in made) - offset:
        return made
    year = int(years[0].group(1))
    figures = [f for _, f in made]
    if len({f.actor for f in figures if f.actor}) < 2 or not any(f.year == year for f in figures):
        return made
    return [(p, replace(f, year=year) if f.year is None and f.actor else f) for p, f in made]


#: between two counts of one list: "300,000 troops, 36,000 vehicles and 1,000 aircraft"
_COUNT_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")


def _list_shares_from(made: list, offset: int) -> list:
    """Counts listed together take the countries the list's last count is "from" ("nearly 300,000 troops,
    36,000 vehicles and 1,000 aircraft from Russia's military districts": all three Russia's; "... from
    China, India and Laos": all three their total); ``offset``: the sentence's start in the article."""
    if len(made) < 2:
        return made
    out = list(made)
    for i in range(len(out) - 1, 0, -1):
        _, last = out[i]
        if last.unit != "count" or not last.actor_cue.startswith(("troops from:", "total of several countries: from")):
            continue
        j = i
        while j > 0:
            _, prev = out[j - 1]
            _, nxt = out[j]
            guessed = prev.actor is None and not prev.actor_cue or prev.actor_cue.startswith("nearest after")
            if prev.unit != "count" or not guessed or \
                    not _COUNT_LIST_GAP.match(prev.sentence[prev.end - offset:nxt.start - offset]):
                break
            out[j - 1] = (out[j - 1][0], replace(prev, actor=last.actor, actor_cue=last.actor_cue + " (the list)"))
            j -= 1
    return out


#: a count said without its noun: digits or a number word up to twenty
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})*|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty")


def _count_of(f, raw: str, start: int, end: int, surface: str, country, cue: str):
    """The count ``raw`` (digits or a number word) of ``country``, of the same kind and year as ``f``, or None
    when ``raw`` is no count."""
    from analysis.extract import _numbers

    if not _NUMBER.fullmatch(raw):
        return None
    try:
        value = _numbers.words_value(raw) if raw[0].isalpha() else _numbers.parse_number(raw)
    except ValueError:
        return None
    if value < 1:
        return None
    return replace(f, start=start, end=end, surface=surface, value=float(value), actor=country.alpha3,
                   counterpart=None, qualifier=None, actor_cue=cue)


def _elliptic_counts(made: list, text: str, offset: int, mentions: list) -> list:
    """Counts said without their noun after a count that has one: "Iran deployed 12 vessels, Russia four and
    China two" (four and two vessels), "3,500 troops including 1,000 from Mongolia", "500 paratroopers (of
    which 200 were from Russia)". Each is its country's count of the same kind, at the same year;
    ``offset``: the sentence's start in the article. Returns the new (piece, figure) pairs: none when there is
    no such count."""
    counts = [(p, f) for p, f in made if f.unit == "count" and f.metric == "force_count"]
    if not counts or not mentions:
        return []
    by_start = {m.start: m for m in mentions}
    out = []
    for piece, f in counts:
        pos = f.end - offset
        while True:
            m = _ELLIPSIS.match(text, pos)
            if not m:
                break
            key = "n" if m.group("n") else "n2"
            raw, country = m.group(key), by_start.get(m.start("c" if key == "n" else "c2"))
            count = None if country is None or any(g.start == offset + m.start(key) for _, g in made) else \
                _count_of(f, raw, offset + m.start(key), offset + m.end(key), raw, country,
                          f"said without its noun, after {f.surface}")
            if count is None:
                break  # no country, no number, or a count read already ("and China sent 5 ships")
            out.append((piece, count))
            pos = m.end()
    return out


#: after a count: the next entry of a list of counts said without the noun ("..., Russia four and China two",
#: "including 1,000 from Mongolia", "(of which 200 were from Russia)")
_ELLIPSIS = re.compile(
    r"(?:\s*,\s*(?:and\s+|while\s+)?|\s+and\s+|\s+(?=followed\s+by\s)|\s+(?:including|of\s+whom|of\s+which)\s+|\s*\(\s*(?:including|of\s+whom|of\s+which)\s+)"
    r"(?:(?:followed\s+by\s+)?(?P<c>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+(?:sent\s+|deployed\s+|contributed\s+|provided\s+|with\s+)?(?P<n>\d[\d,]*\d|\d|[a-z]+(?:-[a-z]+)?)(?=[\s,.;)])"
    r"|(?P<n2>\d[\d,]*\d|\d)\s+(?:were\s+|are\s+|came\s+)?from\s+(?:the\s+)?(?P<c2>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?))")


def _counts_before_their_noun(made: list, text: str, offset: int, mentions: list) -> list:
    """A count said before the noun it shares with the next: "two Chinese and four Russian military aircraft"
    (two Chinese aircraft). ``offset``: the sentence's start in the article. Returns new (piece, figure) pairs."""
    by_start = {m.start: m for m in mentions}
    out = []
    for piece, f in made:
        if f.unit != "count" or f.metric != "force_count":
            continue
        m = _BEFORE_ITS_NOUN.search(text, max(0, f.start - offset - 40), f.start - offset)
        country = by_start.get(m.start("d")) if m else None
        if country is None or any(g.start == offset + m.start("n") for _, g in made):
            continue
        count = _count_of(f, m.group("n"), offset + m.start("n"), offset + m.end("d"), text[m.start("n"):m.end("d")],
                          country, f"shares its noun with {f.surface}")
        if count is not None:
            out.append((piece, count))
    return out


#: before a count: another count and its nationality, joined by "and" ("two Chinese and four Russian aircraft")
_BEFORE_ITS_NOUN = re.compile(r"(?<![\w-])(?P<n>\d[\d,]*|[a-z]+)\s+(?P<d>[A-Z][\w'’-]*)\s+and\s+$")
