"""Load a folder (or one file) of articles into :class:`Corpus`: articles plus a problems table.

Bad input never stops the load: an empty, binary, undecodable, oversized or unreadable file, a
malformed JSON line or a duplicate article id each becomes one :class:`Problem` (and one
stderr line naming the file, when ``report`` is given); every other article still loads. Only a
path that does not exist, or a corpus with no loadable article, raises :class:`CorpusError`.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from analysis._gc import collector_paused
from analysis.corpus.dates import parse_date
from analysis.corpus.model import DEFAULT_MAX_BYTES, Article, CorpusError, Problem
from analysis.corpus.readers import SUFFIXES, RawRecord, read_file
from analysis.corpus.sentences import line_sentences, sentence_cuts
from analysis.corpus.sidecar import SIDECAR_NAME, parse_iso_date, read_sidecar
from analysis.corpus.zones import zone_lines

__all__ = ["Corpus", "CorpusError", "DEFAULT_MAX_BYTES", "load_corpus", "article_from_text",
           "ARTICLE_COLUMNS", "PROBLEM_COLUMNS"]

META_FIELDS = ("title", "published", "author", "outlet", "origin", "url")
ARTICLE_COLUMNS = [
    "article_id", "path", "sha256", "encoding", "title", "published", "date_precision", "author",
    "outlet", "origin", "url", "n_chars", "n_sentences", "n_boilerplate_lines", "n_caption_lines",
    "title_source", "published_source", "author_source", "outlet_source", "origin_source", "url_source", "note",
]
PROBLEM_COLUMNS = ["path", "problem", "detail"]


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """The ``problems`` table of ``problems``: the file, a short problem code and a readable detail."""
    return pd.DataFrame([(p.path, p.problem, p.detail) for p in problems], columns=PROBLEM_COLUMNS)


def no_article_error(path: str | os.PathLike, problems: list[Problem]) -> CorpusError:
    """The error for a corpus at ``path`` with no loadable article, naming the first of its ``problems``."""
    return CorpusError(f"{path}: no loadable article" + (f" ({len(problems)} problem(s): {problems[0].path}: "
                                                         f"{problems[0].detail}{', …' if len(problems) > 1 else ''})"
                                                         if problems else ""))


@dataclass
class Corpus:
    """The loaded articles, in article_id order, and what could not be loaded."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def articles_frame(self) -> pd.DataFrame:
        """One row per article: identity, encoding, metadata and where each value came from."""
        rows = []
        for a in self.articles:
            row = {
                "article_id": a.article_id, "path": a.path, "sha256": a.sha256, "encoding": a.encoding,
                "title": a.title, "published": _iso(a.published, a.date_precision),
                "date_precision": a.date_precision, "author": a.author, "outlet": a.outlet,
                "origin": a.origin, "url": a.url, "n_chars": len(a.text),
                "n_sentences": sum(s.zone in ("title", "body", "caption") for s in a.sentences),
                "n_boilerplate_lines": sum(line.zone == "boilerplate" for line in a.lines),
                "n_caption_lines": sum(line.zone == "caption" for line in a.lines),
                "note": a.note,
            }
            for name in META_FIELDS:
                row[f"{name}_source"] = a.sources.get(name) if row[name] else None
            rows.append(row)
        return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)

    def problems_frame(self) -> pd.DataFrame:
        """One row per problem: the file, a short problem code and a readable detail."""
        return problems_frame(self.problems)

    def lines_frame(self) -> pd.DataFrame:
        """Every line set aside (boilerplate, meta) or kept as a caption, with its text and reason."""
        rows = [(a.article_id, line.start, line.end, line.zone, line.reason, a.text[line.start:line.end])
                for a in self.articles for line in a.lines if line.zone != "body"]
        return pd.DataFrame(rows, columns=["article_id", "start", "end", "zone", "reason", "text"])

    def texts(self) -> dict[str, str]:
        return {a.article_id: a.text for a in self.articles}


def _iso(day: _dt.date | None, precision: str | None) -> str | None:
    if day is None:
        return None
    return {"month": f"{day:%Y-%m}", "year": f"{day:%Y}"}.get(precision or "day", day.isoformat())


def article_from_text(text: str, article_id: str = "article", path: str = "", published: _dt.date | str | None = None,
                      **meta: str) -> Article:
    """Build an :class:`Article` from a string: zones, sentences and text-stated metadata.

    >>> a = article_from_text("Title line\\n\\nThe U.S. spent $1 billion. China spent more.")
    >>> a.title, [s.text for s in a.content_sentences()]
    ('Title line', ['Title line', 'The U.S. spent $1 billion.', 'China spent more.'])
    """
    facts = zone_lines(text)
    sentences = line_sentences(text, facts.lines, sentence_cuts(text))
    article = Article(article_id=article_id, path=path, text=text, lines=tuple(facts.lines),
                      sentences=tuple(sentences), title=facts.title, author=facts.author, origin=facts.origin,
                      published=facts.published, date_precision=facts.date_precision)
    for name in ("title", "author", "origin", "published"):
        if getattr(article, name) is not None:
            article.sources[name] = "text"
    if published is not None:
        _set_published(article, published if isinstance(published, str) else published.isoformat(), None, "caller")
    for name, value in meta.items():
        _set(article, name, value, "caller")
    return article


def _set(article: Article, name: str, value: str, source: str) -> None:
    if value:
        setattr(article, name, value)
        article.sources[name] = source


def _set_published(article: Article, value: str, precision: str | None, source: str) -> bool:
    parsed = parse_iso_date(value) or parse_date(value) or _parse_iso_timestamp(value)
    if parsed is None:
        return False
    article.published, article.date_precision = parsed[0], precision or parsed[1]
    article.sources["published"] = source
    return True


def _parse_iso_timestamp(value: str) -> tuple[_dt.date, str] | None:
    try:
        return _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date(), "day"
    except ValueError:
        return None


def article_from_record(raw: RawRecord, sidecar: dict[str, str]) -> Article:
    """An :class:`Article` from a raw record: zones and sentences, then the format's metadata, then the sidecar's."""
    article = article_from_text(raw.text, raw.article_id, raw.path)
    article.sha256, article.encoding = raw.sha256, raw.encoding
    for name, value in raw.meta.items():  # html meta / JSON record fields beat text guesses
        if name == "published":
            _set_published(article, value, None, raw.meta_source)
        else:
            _set(article, name, value, raw.meta_source)
    for name, value in sidecar.items():  # the analyst's sidecar beats both
        if name == "published":
            _set_published(article, value, sidecar.get("date_precision"), "sidecar")
        elif name == "note":
            article.note = value
        elif name != "date_precision":
            _set(article, name, value, "sidecar")
    if "date_precision" in sidecar and "published" not in sidecar and article.published:
        article.date_precision = sidecar["date_precision"]
    return article


def corpus_files(root: Path) -> list[Path]:
    """Every file under ``root`` (or ``root`` itself), hidden names skipped, in a stable order."""
    if root.is_file():
        return [root]
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(folder, name) for name in names if not name.startswith(".")]
    skip = len(os.path.join(root, ""))  # every path found starts with the root and a separator
    return [Path(p) for p in sorted(found, key=lambda p: p[skip:].replace(os.sep, "/"))]


def corpus_entries(path: str | os.PathLike) -> list[tuple[int, Path, str]]:
    """The files of the corpus at ``path`` (a folder, searched recursively, or one file), each with its place
    in :func:`corpus_files`'s listing and the path shown in tables (the path as given, then the file's path
    under it); raises :class:`CorpusError` when the path does not exist. The walk :func:`load_corpus` and the
    streaming pipeline's plan share."""
    root = Path(path)
    if not root.exists():
        raise CorpusError(f"{path}: no such file or folder")
    in_folder = root.is_dir()
    return [(number, file, str(file) if in_folder else str(path))
            for number, file in enumerate(corpus_files(root)) if not file.is_dir()]


def load_corpus(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
                report: Callable[[Problem], None] | None = None) -> Corpus:
    """Load every article under ``path`` (a folder, searched recursively, or one file).

    ``max_bytes`` caps the size of one file (default 10 MB); ``report`` is called once per
    problem as it is found (the CLI prints one stderr line per problem through it).
    """
    with collector_paused():  # many acyclic records at once: see analysis._gc
        return _load_corpus(path, max_bytes, report)


def _load_corpus(path: str | os.PathLike, max_bytes: int, report: Callable[[Problem], None] | None) -> Corpus:
    entries = corpus_entries(path)
    corpus = Corpus()

    def problem(p: Problem) -> None:
        corpus.problems.append(p)
        if report:
            report(p)

    sidecars: dict[str, dict[str, str]] = {}
    records: list[RawRecord] = []
    for _, file, display in entries:
        if file.name == SIDECAR_NAME:
            rows, issues = read_sidecar_file(file, display)
            sidecars.update(rows)
            for issue in issues:
                problem(issue)
            continue
        found, issues = read_source(file, display, max_bytes)
        records += found
        for issue in issues:
            problem(issue)
    seen: dict[str, str] = {}
    for raw in records:
        if raw.article_id in seen:
            problem(Problem(raw.path, "duplicate_id", f"article id {raw.article_id!r} already loaded from {seen[raw.article_id]}; "
                                                      f"this one is skipped"))
            continue
        seen[raw.article_id] = raw.path
        corpus.articles.append(article_from_record(raw, sidecars.get(raw.article_id, {})))
    corpus.articles.sort(key=lambda a: a.article_id)
    if not corpus.articles:
        raise no_article_error(path, corpus.problems)
    return corpus


def read_source(file: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[RawRecord], list[Problem]]:
    """The raw records of one article file (not a sidecar) and its problems, in the order found: an
    unsupported type, a file over ``max_bytes``, an unreadable file, then what the reader found.
    ``display`` is the path shown in tables. The one per-file step :func:`load_corpus` and the
    streaming pipeline (:mod:`analysis.pipeline`) share."""
    if file.suffix.lower() not in SUFFIXES:
        return [], [Problem(display, "unsupported", f"skipped: '{file.suffix or file.name}' is not an article type "
                                                    f"({', '.join(sorted(SUFFIXES))})")]
    try:
        size = file.stat().st_size
        if size > max_bytes:
            return [], [Problem(display, "too_large", f"{size:,} bytes is over the {max_bytes:,}-byte limit "
                                                      f"(raise it with --max-bytes)")]
        data = read_bytes(file)
    except OSError as exc:
        return [], [Problem(display, "unreadable", exc.strerror or str(exc))]
    return read_file(file, display, data, hashlib.sha256(data).hexdigest())


def read_bytes(file: Path) -> bytes:
    """The whole file, read with plain OS calls (a buffered file object costs more than the read for
    an article-sized file)."""
    fd = os.open(file, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_bytes_range(file: Path, start: int, end: int) -> bytes:
    """Bytes ``start`` to ``end`` of a file (one part of a large JSON-lines shard)."""
    fd = os.open(file, os.O_RDONLY)
    try:
        chunks, at = [], start
        while at < end and (chunk := os.pread(fd, min(end - at, 1 << 20), at)):
            chunks.append(chunk)
            at += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_sidecar_file(file: Path, display: str) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """A sidecar (``metadata.csv``): its rows by article id and its problems (an unreadable file reads as empty)."""
    from analysis.corpus.decode import DecodeError, decode_bytes

    try:
        text = decode_bytes(file.read_bytes())[0].lstrip("\ufeff")
    except (OSError, DecodeError):
        text = ""
    return read_sidecar(text, display)
