"""Figures in tables: bare numbers in rows headed by a country, whose unit and scale a header line gives.

Web pages flatten a table to one line per row, which the sentence splitter keeps as one sentence each::

    Defence expenditure as a share of GDP (%)        <- the header: the unit (a share of GDP)
    United States 3.50                               <- a row: its country, then its numbers
    Greece 2.27

    Military expenditure (US$ million)               <- money: the currency and the scale
    Country 2017 2018                                <- a column header: the year of each column
    Poland 9,938 11,857

Only numbers written bare (no currency sign, no "%") are read here: a row that writes "$877 billion" is
read by the sentence stage like any other amount. A table ends at the first line that is not a row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace

from analysis.extract import _money, _numbers
from analysis.extract.countries import country_code, find_countries
from analysis.extract.figures.model import Figure, tidy

#: a header's unit: "(%)", "% of GDP", "share of GDP", "per cent of GDP"
_PERCENT = re.compile(r"\(\s*%\s*\)|%|\bper\s?cent\b|\bpercentage\b", re.I)
_GDP = re.compile(r"\bGDP\b|\bgross domestic product\b", re.I)
_GROWTH = re.compile(r"\b(?:change|growth|increase|rise)\b", re.I)
#: a header's money: "(US$ million)", "($ bn)", "(in billions of dollars)", "(billion yuan)", "€m"
_MONEY = re.compile(
    r"(?P<cur>US\$|\$|€|£|¥|USD|EUR|GBP|CNY|RUB|INR|JPY|dollars?|euros?|yuan|roubles?|rubles?|rupees?|yen)?"
    r"\s?(?:in\s+)?(?P<scale>bn|billions?|m|mn|millions?|trillions?|tn)\b(?:\s+of)?\s*"
    r"(?P<cur2>US\$|\$|€|£|USD|EUR|GBP|CNY|RUB|INR|JPY|(?:US\s)?dollars?|euros?|yuan|roubles?|rubles?|rupees?|yen)?",
    re.I)
#: a row: a label without digits, then one or more bare numbers (a dash or n/a for a missing cell)
_ROW = re.compile(r"^\s*(?:\d{1,3}[.)]\s+)?(?P<label>[^\d|:;]{2,60}?)\s*[:|–-]?\s*"
                  r"(?P<cells>(?:(?:-?\d[\d,.]*|[-–—]|n/a|\.\.)(?:\s*\|?\s*|$)){1,8})$", re.I)
_CELL = re.compile(r"-?\d[\d,.]*|[-–—]|n/a|\.\.", re.I)
_YEAR_ROW = re.compile(r"^\s*(?:[A-Za-z][\w ]{0,30}?)?\s*(?P<years>(?:(?:19|20)\d\d\s*\|?\s*){1,8})$")


@dataclass(frozen=True)
class _Header:
    unit: str
    metric: str
    factor: float
    cue: str


def _header(text: str, rx: SimpleNamespace) -> _Header | None:
    """The unit a table's header line sets, or None when the line sets none."""
    if len(text) > 160:
        return None  # prose, not a header
    defence = bool(rx.defence.search(text.lower()))
    if _PERCENT.search(text):
        if _GDP.search(text):
            return _Header("percent_gdp", "share_of_gdp", 1.0, "table of shares of GDP")
        if _GROWTH.search(text) and defence:
            return _Header("percent_growth", "defence_budget", 1.0, "table of changes")
        return None
    for m in _MONEY.finditer(text):
        cur = m.group("cur") or m.group("cur2")
        if not cur or not m.group("scale"):
            continue
        hit = _money.currency(cur.strip()) or _money.currency(cur.strip().lower())
        if hit is None:
            continue
        code, factor = hit
        metric = "defence_budget" if defence else "other_money"
        return _Header(code, metric, factor * _scale(m.group("scale")), f"table in {m.group(0).strip()}")
    return None


#: a cheap test of a whole article: two lines in a row (blank lines between allowed) that are a label and
#: bare numbers only
_ROW_LINE = r"[^\S\n]*[A-Z][^\d\n]{1,60}?[^\S\n]\d[\d,.]*(?:[^\S\n]+(?:\d[\d,.]*|[-–—]))*[^\S\n]*"


def _lines_ending_in_a_digit(text: str, enough: int = 2) -> int:
    """How many lines end in a digit (trailing spaces aside), counting up to ``enough``: a walk over the
    line breaks, cheaper than a regex that tests every character."""
    found = 0
    at = text.find("\n")
    while at > 0:
        end = at - 1
        while end > 0 and text[end] in " \t\r":
            end -= 1
        if text[end].isdigit():
            found += 1
            if found >= enough:
                return found
        at = text.find("\n", at + 1)
    tail = text.rstrip()
    return found + (1 if tail and tail[-1].isdigit() and not text.endswith("\n") else 0)

_TWO_ROWS = re.compile(rf"(?m)^{_ROW_LINE}\n(?:[^\S\n]*\n)*{_ROW_LINE}$")


def _scale(word: str) -> float:
    """The multiplier of a header's scale word ("bn", "millions", "m"), from the shared scale vocabulary."""
    word = word.lower()
    return _numbers.scales().get(word) or _numbers.scales().get(word.rstrip("s")) or _numbers.attached_scales()[word]


def _is_total(label: str, rx: SimpleNamespace) -> bool:
    """A row of a world or regional total ("World", "NATO Europe", "Total"): the aggregate vocabulary."""
    low = label.lower()
    return low in ("total", "world total") or bool(rx.aggregate.search(low))


def table_figures(article, sentences, rx: SimpleNamespace) -> list[Figure]:
    """Figures read from the tables of ``article`` (see the module's docstring), in text order; ``rx``: the
    extractor's patterns (its defence words and aggregate vocabulary)."""
    out: list[Figure] = []
    text = article.text
    if "\n" not in text:
        return out
    if _lines_ending_in_a_digit(text) < 2 or not _TWO_ROWS.search(text):
        return out  # a table row ends in a digit: most articles have no two such lines
    rows = [len(s.text) < 90 and _ROW.match(s.text) is not None for s in sentences]
    header: _Header | None = None
    years: list[int] = []
    for i, sent in enumerate(sentences):
        text = sent.text
        if not rows[i] and not any(rows[i + 1:i + 3]):
            header, years = None, []  # neither a row nor a header of the rows below
            continue
        found = None if rows[i] else _header(text, rx)
        if found is not None:
            header, years = found, []
            head_years = re.findall(r"\b((?:19|20)\d\d)\b", text)
            if len(head_years) == 1:
                years = [int(head_years[0])]
            continue
        if header is None:
            continue
        ym = _YEAR_ROW.match(text)
        if ym:
            years = [int(y) for y in re.findall(r"(?:19|20)\d\d", ym.group("years"))]
            continue
        row = _ROW.match(text)
        if row is None:
            header, years = None, []  # the table ends
            continue
        label = row.group("label").strip(" .–-")
        actor = _label_country(label)
        if actor is None and not _is_total(label, rx):
            continue
        cells = list(_CELL.finditer(text, row.start("cells")))
        for column, cell in enumerate(cells):
            if not cell.group(0)[-1].isdigit():
                continue  # a missing cell
            try:
                number = _numbers.parse_number(cell.group(0), scaled=header.factor > 1)
            except ValueError:
                continue
            year = years[column] if len(years) == len(cells) else years[0] if len(years) == 1 else None
            value = number * header.factor if header.unit not in ("percent_gdp", "percent_growth") else number
            out.append(Figure(article.article_id, sent.start + cell.start(), sent.start + cell.end(),
                              cell.group(0), text, tidy(value), header.unit, header.metric, actor, None, year,
                              None, ("table",), header.cue, f"table row: {label}" if actor else "table row: total"))
    return out


def _label_country(label: str) -> str | None:
    """The country a row's label names: the whole label is one country's name."""
    code = country_code(label)
    if code:
        return code
    found = find_countries(label)
    if len(found) == 1 and found[0].end - found[0].start >= len(label.strip()) - 3:
        return found[0].alpha3
    return None
