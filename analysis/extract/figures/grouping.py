"""Stage 2, grouping: numbers that belong together in a sentence share what one of them states:
ranges ("$2-2.5 billion", "between 2 and 3 percent"), lists ("$604 and $200 billion"), a conversion in
brackets ("9 trillion roubles ($98 billion)"), and the countries of a "respectively" list.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from analysis.extract._numbers import mapping
from analysis.extract.countries import CountryTuple
from analysis.extract.figures._common import _S, _fold_tree
from analysis.extract.figures.numbers import _Piece


def grouping_patterns() -> dict:
    """The patterns of this stage, for the extractor's pattern namespace."""
    quals = mapping("qualifier")
    return dict(
        quals=quals,
        link=re.compile(rf"{_S}*(?P<c>-|–|—|(?i:to|and|or|through)|,(?:{_S}*(?i:and|or))?){_S}*"),
        conv=re.compile(rf"(?:{_S}*[(\[]{_S}*|,?{_S}+(?i:or){_S}+)(?:(?i:about|around|approximately|roughly|some"
                        rf"|nearly|almost|c\.|circa|~|equivalent{_S}+to){_S}*)?"),
        between=re.compile(rf"(?i:between){_S}+(?:(?i:{_fold_tree(quals)}){_S}+)?$"),
        from_=re.compile(rf"(?i:from){_S}+(?:(?i:{_fold_tree(quals)}){_S}+)?$"),
        coord=re.compile(rf"^{_S}*(?:,|&|(?i:and)|,{_S}*(?i:and)|/){_S}*$"),
        respectively=re.compile(r"(?i:\brespectively\b)"),
    )


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

