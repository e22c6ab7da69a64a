"""The records the corpus stage hands to every extractor.

An :class:`Article` carries its decoded ``text`` and the ``sentences`` cut from it. Every offset
is a Python ``str`` index into ``text`` (for .txt/.md files: the file's decoded text; for
.json/.jsonl records: the record's ``text``; for .html: the main text the HTML extractor
returned), so ``article.text[s.start:s.end] == s.text`` always holds.

Each sentence sits in a *zone*: ``title``, ``body``, ``caption`` (image captions and
sub-headings: short, unpunctuated lines that can still carry facts), ``meta`` (date lines,
bylines, origin lines) or ``boilerplate`` (share bars, comment forms, tag lists). Extractors
read ``title``, ``body`` and ``caption`` sentences (see :meth:`Article.content_sentences`)
and flag what they find in captions.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import NamedTuple

#: Files larger than this many bytes are skipped (and reported) unless the caller raises the limit.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
ZONES = ("title", "body", "caption", "meta", "boilerplate")
CONTENT_ZONES = frozenset({"title", "body", "caption"})


class Sentence(NamedTuple):
    """One sentence (or one title/caption line) with its offsets into the article text."""

    start: int
    end: int
    text: str
    zone: str = "body"


class Line(NamedTuple):
    """One line of the article text and the zone it was put in (offsets exclude the newline)."""

    start: int
    end: int
    zone: str
    reason: str = ""  # why a line is boilerplate/meta/caption, for the corpus notebook


@dataclass
class Article:
    """A decoded article, its metadata, and where each metadata value came from."""

    article_id: str
    path: str
    text: str
    sha256: str = ""
    encoding: str = "utf-8"
    title: str | None = None
    published: _dt.date | None = None
    date_precision: str | None = None  # "day", "month" or "year"
    author: str | None = None
    outlet: str | None = None
    origin: str | None = None
    url: str | None = None
    note: str | None = None
    lines: tuple[Line, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)  # field -> "text" | "sidecar" | "html meta" | "record"

    def content_sentences(self) -> list[Sentence]:
        """Sentences extractors should read: title, body and captions, not boilerplate or meta."""
        return [s for s in self.sentences if s.zone in CONTENT_ZONES]


@dataclass(frozen=True)
class Problem:
    """A file (or record) that could not be loaded, and why; one row of the problems table."""

    path: str
    problem: str  # short code: empty, binary, undecodable, too_large, unreadable, malformed_json, duplicate_id, ...
    detail: str = ""


def warning_line(problem: Problem) -> str:
    """The ``warning:`` line a command prints for a problem (the form ``extract`` uses)."""
    return f"warning: {problem.path}: {problem.problem}: {problem.detail}"


class CorpusError(Exception):
    """The corpus as a whole cannot be loaded (missing path, nothing loadable)."""
