"""One batch of a run: read its files, extract every article, and hand back what the run needs from it.

:func:`run_batch` is a plain function of a picklable :class:`~analysis.pipeline.plan.Batch` returning a
picklable :class:`BatchResult`, so the same code runs in this process, in a process pool (``--jobs``) or on a
Dask worker (``--scheduler``). What comes back is small: the batch's per-article tables already as CSV rows
(with each article's byte range, so the run can put every article's rows in article_id order), and only what
the cross-article steps need: the exercise mentions (events), the defence-budget figures, the sentences
that could claim a combined budget and each article's publication date (the checks).
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple

from analysis._gc import collector_paused, heap_frozen
from analysis.corpus.model import Article, Problem
from analysis.pipeline.plan import Batch, Unit
from analysis.pipeline import registry

__all__ = ["ArticleParts", "BatchResult", "Chunk", "Mention", "extract_articles", "run_batch"]

BUDGET_METRIC = "defence_budget"


class Mention(NamedTuple):
    """An exercise mention as the cross-article step needs it: its table row (the values, in the order of
    ``EXERCISE_COLUMNS``: a tuple is a fraction of a dict's memory, and the rows of a whole corpus are kept)
    and whether a verb gave its status. Has the two members :func:`~analysis.extract.exercises.mentions_frame`
    reads."""

    row: tuple
    status_cued: bool

    def as_row(self) -> tuple:
        return self.row

    @property
    def article_id(self) -> str:
        return self.row[0]


@dataclass
class ArticleParts:
    """What the extractors gave for some articles (in article_id order), before any cross-article step."""

    articles: "object"  # the articles table (pandas DataFrame)
    tables: dict  # streamed table name -> DataFrame
    mentions: list[Mention]
    failures: list[tuple[int, str, Problem]]  # (extractor order, article_id, problem)
    budget: "object"  # the defence_budget rows of the figures table (DataFrame)
    claims: dict[str, list[str]]  # article_id -> its claim sentences (articles with a budget figure only)
    published: dict[str, object]  # article_id -> the published value of the articles table
    shas: dict[str, str] = field(default_factory=dict)  # article_id -> text sha256: the exercises' row ids need it
    review: tuple = ()  # (reviewed rows, matched line numbers, problems): the review applied to these rows


#: the exercise columns whose values are each the mention's own (the rest repeat across mentions: a kind, a
#: status, the participants, a year, ...)
_OWN_VALUES = frozenset({"start", "end", "surface", "sentence"})


def _mention(m, shared: dict) -> Mention:
    """``m`` as the cross-article step keeps it. A value of the columns that repeat across mentions is taken
    from ``shared`` (value -> the one object kept for it, filled as the batch goes): a corpus's mentions,
    all kept until the end, then hold one "CHN;RUS" or 2021 between them rather than one each."""
    from analysis.extract.exercises import EXERCISE_COLUMNS

    row = m.as_row()
    if EXERCISE_COLUMNS[0] != "article_id":  # pragma: no cover - Mention.article_id reads the first value
        raise RuntimeError("the exercises table no longer starts with article_id")
    values = []
    for c in EXERCISE_COLUMNS:
        value = row[c]
        if c not in _OWN_VALUES and isinstance(value, (str, int)):
            value = shared.setdefault((type(value), value), value)  # the type in the key: True is not 1
        values.append(value)
    return Mention(tuple(values), m.status_cued)


def _guarded(extract: Callable, name: str, order: int, failures: list, report=None) -> Callable:
    """``extract`` for one article at a time, an error in it kept to that article: the article gives no
    rows, a problem (its file, ``extraction_failed``, the extractor and the error) is added to ``failures``
    and passed to ``report``, and the run goes on with the other articles."""
    def guarded(article):
        try:
            return extract(article)
        except Exception as exc:  # noqa: BLE001 - any bug on one odd text must not lose the corpus's tables
            problem = Problem(article.path or article.article_id, "extraction_failed",
                              f"the {name} extractor failed on article {article.article_id}: "
                              f"{type(exc).__name__}: {exc}")
            failures.append((order, article.article_id, problem))
            if report is not None:
                report(problem)
            return []
    return guarded


def extract_articles(articles: list[Article], report=None, review=None) -> ArticleParts:
    """Run every registered extractor over ``articles`` (sorted by article_id), errors kept per article.

    Every row of the per-article tables gets its ``row_id`` (and the articles table ``text_sha256``), and
    ``review`` (a loaded :class:`~analysis.review.Review`, or None) is applied to those rows here, before the
    defence-budget rows and claim sentences the checks read are taken from them; what it did is kept in
    ``review`` for :func:`~analysis.review.finish_review`. The exercise rows are reviewed once the
    cross-article step holds them all (:mod:`analysis.pipeline.cross`)."""
    from analysis.corpus.load import Corpus
    from analysis.reference.checks import claim_sentences
    from analysis.review import add_row_ids, apply_lines, sha_by_article

    failures: list[tuple[int, str, Problem]] = []
    tables = {}
    with heap_frozen():  # the extractors' garbage is collected without walking the articles: see analysis._gc
        for order, entry in enumerate(registry.STREAMED):
            guarded = _guarded(registry.resolve(entry.extract), entry.name, order, failures, report)
            tables[entry.name] = registry.resolve(entry.frame)(articles, extract=guarded)
        exercises = registry.EXERCISES
        guarded = _guarded(registry.resolve(exercises.extract), exercises.name, len(registry.STREAMED), failures,
                           report)
        shared: dict = {}
        mentions = [_mention(m, shared) for a in articles for m in guarded(a)]
    shas = sha_by_article({a.article_id: a.text for a in articles})
    frame = Corpus(articles=articles).articles_frame()
    reviewed, rows, matched, refused = apply_lines(add_row_ids({"articles": frame, **tables}, shas), review,
                                                   regroup=False)
    frame, tables = reviewed["articles"], {name: reviewed[name] for name in tables}
    figures = tables["figures"]
    budget = figures[figures["metric"].eq(BUDGET_METRIC)]
    texts = {a.article_id: a.text for a in articles}
    claims = {}
    for article_id in dict.fromkeys(budget["article_id"]):
        found = claim_sentences(texts[article_id])
        if found:
            claims[article_id] = found
    return ArticleParts(frame, tables, mentions, failures, budget.reset_index(drop=True), claims,
                        dict(zip(frame["article_id"], frame["published"])), shas, (rows, matched, refused))


# ---- a batch read from files ---------------------------------------------------------------------------------

class Chunk(NamedTuple):
    """A table's rows for one batch as CSV (no header), and where each article's rows are in it."""

    header: bytes
    data: bytes
    spans: list[tuple[str, int, int, int]]  # (article_id, start, end, rows): byte offsets, in article_id order


@dataclass
class BatchResult:
    """What one batch gives the run (see the module docstring). ``articles`` and ``duplicates`` are
    ``(article_id, key, path)``: ``key`` = (file number, record number) orders records as the corpus lists them,
    so the run can keep the first record of an id however the batches were spread."""

    number: int
    problems: list[tuple[tuple, Problem]] = field(default_factory=list)  # (sort key, problem) found reading
    articles: list[tuple[str, tuple, str]] = field(default_factory=list)
    duplicates: list[tuple[str, tuple, str]] = field(default_factory=list)  # later records of an id in this batch
    chunks: dict[str, Chunk] = field(default_factory=dict)  # table name -> rows ("articles" and the streamed ones)
    mentions: list[Mention] = field(default_factory=list)
    failures: list[tuple[int, str, Problem]] = field(default_factory=list)
    budget: object = None
    claims: dict[str, list[str]] = field(default_factory=dict)
    published: dict[str, object] = field(default_factory=dict)
    shas: dict[str, str] = field(default_factory=dict)  # article_id -> text sha256 (the exercises' row ids)
    review: tuple = ()  # what the review did to this batch's rows (see ArticleParts.review)


def _read_unit(unit: Unit, max_bytes: int):
    from analysis.corpus.load import read_bytes_range, read_source
    from analysis.corpus.readers import read_jsonl_part

    path = Path(unit.path)
    if unit.end is None:
        return read_source(path, unit.display, max_bytes)
    try:
        data = read_bytes_range(path, unit.start, unit.end)
    except OSError as exc:
        return [], [Problem(unit.display, "unreadable", exc.strerror or str(exc))]
    return read_jsonl_part(path, unit.display, data, unit.sha256, unit.first_line)


def _chunk(frame) -> Chunk:
    """``frame`` (rows sorted by article_id) as CSV rows, with each article's byte range in them."""
    header = frame.head(0).to_csv(index=False, encoding="utf-8", lineterminator="\n").encode("utf-8")
    if not len(frame):
        return Chunk(header, b"", [])
    ids = frame["article_id"].tolist()
    data = frame.to_csv(index=False, header=False, encoding="utf-8", lineterminator="\n").encode("utf-8")
    ends = []
    if data.count(b"\n") == len(ids):  # one line a row: no value holds a line break
        at = -1
        for _ in ids:
            at = data.index(b"\n", at + 1)
            ends.append(at + 1)
    else:  # a value with a line break: find where each record ends, quotes read as CSV quotes them
        ends = [m.end() for m in _RECORD.finditer(data)]
    if len(ends) != len(ids):  # not as expected: write the rows article by article to know where each ends
        ends = []
        parts, total, starts = [], 0, _starts(ids)
        for a, b in zip(starts, starts[1:] + [len(ids)]):
            part = frame.iloc[a:b].to_csv(index=False, header=False, encoding="utf-8",
                                          lineterminator="\n").encode("utf-8")
            parts.append(part)
            total += len(part)
            ends += [0] * (b - a - 1) + [total]
        data = b"".join(parts)
    spans = []
    for a, b in zip(_starts(ids), _starts(ids)[1:] + [len(ids)]):
        spans.append((ids[a], ends[a - 1] if a else 0, ends[b - 1], b - a))
    return Chunk(header, data, spans)


#: one CSV record as pandas writes it: fields in double quotes (a quote inside doubled) may hold line breaks.
#: Written as runs outside quotes and quoted runs (a doubled quote is two quoted runs side by side), so the
#: engine takes whole runs at a time instead of trying two alternatives per byte (about 18x faster).
_RECORD = re.compile(rb'[^"\n]*(?:"[^"]*"[^"\n]*)*\n')


def _starts(ids: list[str]) -> list[int]:
    return [i for i in range(len(ids)) if i == 0 or ids[i] != ids[i - 1]]


def run_batch(batch: Batch) -> BatchResult:
    """Read, extract and format one batch (see the module docstring)."""
    from analysis.corpus.load import article_from_record

    result = BatchResult(batch.number)
    records = []
    with collector_paused():  # many acyclic records at once: see analysis._gc
        for unit in batch.units:
            found, issues = _read_unit(unit, batch.max_bytes)
            result.problems += [((unit.file_number, unit.first_line, i), p) for i, p in enumerate(issues)]
            records += [((unit.file_number, unit.first_line + i), raw) for i, raw in enumerate(found)]
        seen: dict[str, str] = {}
        articles = []
        for key, raw in records:
            if raw.article_id in seen:
                result.duplicates.append((raw.article_id, key, raw.path))
                continue
            seen[raw.article_id] = raw.path
            result.articles.append((raw.article_id, key, raw.path))
            articles.append(article_from_record(raw, batch.sidecars.get(raw.article_id, {})))
    del records
    articles.sort(key=lambda a: a.article_id)
    result.articles.sort()
    if not articles:
        return result
    parts = extract_articles(articles, review=batch.review)
    result.chunks["articles"] = _chunk(parts.articles)
    for name, frame in parts.tables.items():
        result.chunks[name] = _chunk(frame)
    result.mentions, result.failures = parts.mentions, parts.failures
    result.budget, result.claims, result.published = parts.budget, parts.claims, parts.published
    result.shas, result.review = parts.shas, parts.review
    return result
