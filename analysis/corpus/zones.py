"""Put each line of an article in a zone and read the metadata the text states.

Nothing is removed: web furniture (share bars, comment forms, tag lists, "Translate »") is
*marked* ``boilerplate`` so extractors skip it while every offset stays an index into the
original text. Short unpunctuated lines inside the body ("Russia Vostok Wargame - China") are
``caption`` lines: image captions and sub-headings that can carry facts. Date lines, bylines and
origin lines ("Originally appeared at A-specto, translated by …") are ``meta``.
The boilerplate vocabulary is data: ``data/boilerplate.csv``.
"""
from __future__ import annotations

import csv
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources

from analysis.corpus.dates import parse_date
from analysis.corpus.model import Line

__all__ = ["TextFacts", "zone_lines"]

_ORIGIN = re.compile(
    r"^(?:originally\s+(?:appeared|published|posted)|first\s+(?:appeared|published)|"
    r"republished\s+(?:from|with)|this\s+article\s+(?:was\s+)?(?:originally|first)|source\s*:|"
    r"translated\s+(?:by|from))",
    re.I,
)
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|bin|al)){1,3}"
_BYLINE = re.compile(rf"^(?:by|author|written by)\s*:?\s+(?P<name>{_NAME})\s*(?:[,|–—-].*)?$", re.I)
_BIO = re.compile(
    rf"^(?P<name>{_NAME})\s+(?:is|serves as|was)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){{0,3}}"
    r"(?:editor|writer|correspondent|journalist|columnist|contributor|reporter|author)\b"
)
_YEAR = re.compile(r"(?:19|20)\d\d")  # every date line states a year: a cheap test before the date patterns
_LONGEST_SPECIAL_LINE = 200  # furniture, date, byline and caption lines are all shorter than this
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
# Line((start, end, zone, reason)) for the lines every article has many of (body, tail): a C call, about
# twice as fast as the namedtuple's own Line(start, end, zone, reason), which runs Python code.
_new_line = partial(tuple.__new__, Line)
assert Line._fields == ("start", "end", "zone", "reason"), "_new_line builds these four, in this order"


@dataclass
class TextFacts:
    """What the zoning pass read from the text: zoned lines and stated metadata."""

    lines: list[Line] = field(default_factory=list)
    title: str | None = None
    published: _dt.date | None = None
    date_precision: str | None = None
    author: str | None = None
    origin: str | None = None


@lru_cache(maxsize=1)
def _rules() -> tuple[list[tuple[str, str]], re.Pattern[str], re.Pattern[str]]:
    """The furniture rules as (kind, reason) plus two combined patterns: all rules, and all but header rules.

    A stripped line is page furniture when a combined pattern matches it (one regex match per line); the
    name of the group that matched, ``r<i>``, indexes the rule.
    """
    with resources.files(__package__).joinpath("data/boilerplate.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    rules = [(r["kind"], r["reason"]) for r in rows]

    def combined(keep) -> re.Pattern[str]:
        parts = [f"(?P<r{i}>{r['pattern']})" for i, r in enumerate(rows) if keep(r["kind"])]
        return re.compile(rf"^(?:{'|'.join(parts)})$", re.I)

    return rules, combined(lambda kind: True), combined(lambda kind: kind != "header")


def _is_caption(line: str) -> bool:
    """A short line with no closing punctuation: an image caption or a sub-heading."""
    if len(line) > 120:
        return False
    words = line.split()
    return 1 <= len(words) <= 14 and not _SENTENCE_END.search(line.rstrip("”\"’'")) \
        and any(map(str.isalpha, line))


def zone_lines(text: str) -> TextFacts:
    """Zone every non-blank line of ``text`` and collect title, date, author and origin."""
    facts = TextFacts()
    add = facts.lines.append
    rules, everything, after_title = _rules()  # looked up once per text, not once per line
    seen_title = seen_body = in_tail = False
    pos = 0
    for line in text.split("\n"):  # str.split is far faster than a regex scan here
        start, pos = pos, pos + len(line) + 1
        if not line:
            continue  # half the lines of a text: the blank line between paragraphs
        stripped = line.strip(" \t\u00a0\u200b\ufeff")
        if not stripped:
            continue
        s = start + line.index(stripped[0])
        e = s + len(stripped)
        if in_tail:
            add(_new_line((s, e, "boilerplate", "after the end of the article")))
            continue
        if len(stripped) > _LONGEST_SPECIAL_LINE and seen_title:  # a paragraph: skip the line-type tests
            seen_body = True
            add(_new_line((s, e, "body", "")))
            continue
        found = (after_title if seen_title else everything).match(stripped)  # page furniture: see _rules
        if found:
            kind, reason = rules[int(found.lastgroup[1:])]
            in_tail = kind == "tail"
            add(_new_line((s, e, "boilerplate", reason)))
            continue
        if len(stripped) > _LONGEST_SPECIAL_LINE:  # a paragraph before any title line: the text has none
            seen_title = seen_body = True
            add(_new_line((s, e, "body", "")))
            continue
        date = parse_date(stripped) if _YEAR.search(stripped) else None
        if date:
            if facts.published is None:
                facts.published, facts.date_precision = date
            add(Line(s, e, "meta", "date line"))
            continue
        if _ORIGIN.match(stripped):
            facts.origin = facts.origin or stripped
            add(Line(s, e, "meta", "origin line"))
            continue
        byline = _BYLINE.match(stripped) if len(stripped) < 120 else None
        if byline:
            facts.author = facts.author or byline.group("name").strip()
            add(Line(s, e, "meta", "byline"))
            continue
        if not seen_title:
            facts.title = stripped
            seen_title = True
            add(Line(s, e, "title", "first line"))
            continue
        if _is_caption(stripped):
            add(Line(s, e, "title", "heading") if not seen_body else Line(s, e, "caption", "short line"))
            continue
        seen_body = True
        add(_new_line((s, e, "body", "")))
    _find_author_bio(facts, text)
    return facts


def _find_author_bio(facts: TextFacts, text: str) -> None:
    """An end-of-article bio ("Frank Vernuccio serves as editor-in-chief of …") names the author."""
    for i in range(len(facts.lines) - 1, max(-1, len(facts.lines) - 4), -1):
        line = facts.lines[i]
        if line.zone not in ("body", "caption"):
            continue
        m = _BIO.match(text[line.start:line.end])
        if m and line.end - line.start < 200:
            facts.author = facts.author or m.group("name")
            facts.lines[i] = Line(line.start, line.end, "meta", "author bio")
        break
