"""``extract_to_folder``: a corpus to the CSV tables, in batches, with memory that does not grow with it.

Each batch's per-article tables (``articles``, ``figures`` and every :data:`~analysis.pipeline.registry.STREAMED`
table) go to a spill file as they come; the run keeps only each article's byte range in it, the exercise
mentions, the defence-budget figures and claim sentences, and the problems. At the end every table is
written in article_id order (the ranges copied from the spill files) next to the cross-article ones, so
the tables are those :func:`~analysis.tables.build_tables` gives, byte for byte, however the batches ran.

Everything is written into a temporary folder beside ``out`` and moved into place only when every table
is complete: a run that fails leaves no folder that looks finished.
"""
from __future__ import annotations

import os
import pickle
import shutil
import sys
import tempfile
import zlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from analysis.corpus.model import Problem
from analysis.pipeline.batch import BatchResult
from analysis.pipeline.plan import DEFAULT_BATCH_SIZE, Batch, plan_corpus

__all__ = ["extract_to_folder", "table_order"]


def table_order() -> list[str]:
    """The tables a run writes, in the order it lists them."""
    from analysis.pipeline.registry import STREAMED

    return ["articles", "problems", "reviewed", *(t.name for t in STREAMED), "exercises", "events", "budget_check",
            "combined_check"]



class _Packed(NamedTuple):
    """One batch's cross-article parts, pickled (see :func:`_take`)."""

    number: int
    parts: bytes

    def unpack(self) -> BatchResult:
        result = BatchResult(self.number)
        (result.mentions, result.failures, result.budget, result.claims, result.published, result.shas,
         result.review) = pickle.loads(zlib.decompress(self.parts))
        return result


class _Spans:
    """Where each article's rows of one table are in its spill: ``(article_id, batch, start, end, rows)`` for
    each, kept as the article ids and one array of numbers (a tuple of five objects apiece would make this,
    the one part of the run that grows with every article, several times larger)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.numbers = array("q")  # batch, start, end, rows of each span in turn

    def add(self, article_id: str, batch: int, start: int, end: int, rows: int) -> None:
        self.ids.append(article_id)
        self.numbers.extend((batch, start, end, rows))

    def __iter__(self) -> Iterator[tuple[str, int, int, int, int]]:
        numbers = self.numbers
        for i, article_id in enumerate(self.ids):
            yield (article_id, *numbers[4 * i:4 * i + 4])


@dataclass
class _Kept:
    """What the run holds between batches (small: no article text, no per-article table rows)."""

    problems: list[tuple[tuple, Problem]] = field(default_factory=list)
    candidates: dict[str, list[tuple[tuple, int, str]]] = field(default_factory=dict)  # id -> (key, batch, path)
    batch_duplicates: list[tuple[str, tuple, str]] = field(default_factory=list)
    spans: dict[str, _Spans] = field(default_factory=dict)  # table -> (id, batch, start, end, rows) of each article
    headers: dict[str, bytes] = field(default_factory=dict)
    results: list["_Packed"] = field(default_factory=list)  # the cross-article parts of each batch


def extract_to_folder(corpus: str | os.PathLike, out: str | os.PathLike, max_bytes: int,
                      report: Callable[[Problem], None] | None = None,
                      executor: Callable[[Iterable[Batch]], Iterator[BatchResult]] | None = None,
                      batch_size: int = DEFAULT_BATCH_SIZE, review=None) -> dict[str, int]:
    """Write every table of ``corpus`` to ``out`` as ``<name>.csv``; return the row count of each.

    ``review``: a review file (path, or a loaded :class:`~analysis.review.Review`; None or "" for none)
    applied to every batch's rows before anything is derived from them; its bad lines are ``problems`` rows
    (and ``report`` calls), its applied lines ``reviewed.csv``. A review file that cannot be read at all
    raises :class:`~analysis.review.ReviewFileError` (a ``CorpusError``) before any work.

    ``executor`` runs the batches (default: one after the other in this process; see
    :mod:`analysis.pipeline.executors`). ``report`` gets each problem as it is found. Raises
    :class:`~analysis.corpus.CorpusError` when the corpus is missing or has no loadable article, and
    :class:`~analysis.pipeline.executors.RunError` when a batch is lost; ``out`` is then left as it was.
    """
    from analysis.pipeline.executors import RunError, in_process
    from analysis.review import as_review

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise RunError(f"--out {out} is a file, not a folder")
    review = as_review(review)
    plan = plan_corpus(corpus, max_bytes, batch_size, review=review)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    try:
        kept = _Kept(problems=list(plan.problems))
        for _, p in plan.problems:
            _say(report, p)
        spills: dict[str, object] = {}
        try:
            for result in (executor or in_process)(plan.batches):
                _take(result, kept, spills, work, report)
        finally:
            for handle in spills.values():
                handle.close()
        counts = _finish(kept, work, corpus, report, review)
        _move_into_place(work, out, counts)
        return counts
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _say(report, problem: Problem) -> None:
    if report is not None:
        report(problem)


def _take(result: BatchResult, kept: _Kept, spills: dict, work: Path, report) -> None:
    """Spill one batch's table rows, keep its small parts."""
    for key, problem in result.problems:
        kept.problems.append((key, problem))
        _say(report, problem)
    for article_id, key, path in result.articles:  # one string per id, shared by the candidates and the spans
        kept.candidates.setdefault(sys.intern(article_id), []).append((key, result.number, path))
    kept.batch_duplicates += result.duplicates
    for name, chunk in result.chunks.items():
        kept.headers.setdefault(name, chunk.header)
        if name not in spills:
            spills[name] = open(work / f"{name}.spill", "wb")
        handle = spills[name]
        base = handle.tell()
        handle.write(chunk.data)
        spans = kept.spans.setdefault(name, _Spans())
        for article_id, start, end, rows in chunk.spans:
            spans.add(sys.intern(article_id), result.number, base + start, base + end, rows)
    # The parts the cross-article steps need, packed into one bytes object until the end: the small objects
    # they are made of would otherwise each pin a block of the batch's freed memory (peak memory then grows
    # with the corpus by several times what the parts themselves hold).
    kept.results.append(_Packed(result.number, zlib.compress(pickle.dumps(
        (result.mentions, result.failures, result.budget, result.claims, result.published, result.shas,
         result.review), protocol=pickle.HIGHEST_PROTOCOL), 1)))


def _winners(kept: _Kept, report) -> dict[str, int]:
    """article_id -> the batch holding its first record (in the corpus's order); later records of the id
    become ``duplicate_id`` problems, as :func:`load_corpus` reports them."""
    winners, losers = {}, []
    paths = {}
    for article_id, found in kept.candidates.items():
        found.sort()
        key, batch, path = found[0]
        winners[article_id], paths[article_id] = batch, path
        losers += [(article_id, k, p) for k, _, p in found[1:]]
    losers += kept.batch_duplicates
    for article_id, key, path in sorted(losers, key=lambda x: x[1]):
        problem = Problem(path, "duplicate_id", f"article id {article_id!r} already loaded from "
                                                f"{paths[article_id]}; this one is skipped")
        kept.problems.append(((1, *key), problem))
        _say(report, problem)
    return winners


def _finish(kept: _Kept, work: Path, corpus, report, review=None) -> dict[str, int]:
    import pandas as pd

    from analysis.corpus.load import no_article_error, problems_frame
    from analysis.pipeline.cross import write_cross_article_tables

    kept.problems = [((0, *key), p) for key, p in kept.problems]
    winners = _winners(kept, report)
    if not winners:
        raise no_article_error(corpus, [p for _, p in sorted(kept.problems, key=lambda kp: kp[0])])
    clean = all(len(v) == 1 for v in kept.candidates.values())  # no id in two batches: keep every row
    kept.candidates = None
    counts = {}  # the per-article tables first, so their byte ranges are let go before the cross-article steps
    for name in kept.headers:
        spans = sorted(s for s in kept.spans.pop(name, ()) if clean or winners[s[0]] == s[1])
        counts[name] = _copy_in_order(work / f"{name}.spill", work / f"{name}.csv", kept.headers[name], spans)
        os.remove(work / f"{name}.spill")
    spans = None

    mentions, budgets, claims, published, shas, review_parts = [], [], {}, {}, {}, []
    failures = []
    by_article: dict[str, list] = {}  # the mentions, put in article_id order below (batches may interleave)
    kept.results.sort(key=lambda r: r.number, reverse=True)
    while kept.results:
        result = kept.results.pop().unpack()  # each batch's bytes let go as soon as they are read

        def mine(article_id: str, number: int = result.number) -> bool:
            return clean or winners.get(article_id) == number

        failures += [f for f in result.failures if mine(f[1])]
        if result.budget is not None and len(result.budget):
            budgets.append(result.budget if clean else result.budget[[mine(a) for a in result.budget["article_id"]]])
        claims.update((a, c) for a, c in result.claims.items() if mine(a))
        published.update((a, p) for a, p in result.published.items() if mine(a))
        shas.update((a, s) for a, s in result.shas.items() if mine(a))
        if result.review:
            rows, matched, refused = result.review
            if not clean and len(rows):
                rows = rows[[mine(a) for a in rows["article_id"]]]
            review_parts.append((rows, matched, refused))
        for m in result.mentions:
            if mine(m.article_id):
                by_article.setdefault(m.article_id, []).append(m)
    winners = result = None
    for article_id in sorted(by_article):
        mentions += by_article[article_id]
    by_article = None
    for order, article_id, problem in sorted(failures, key=lambda f: (f[0], f[1])):
        kept.problems.append(((2, order, article_id), problem))
    kept.problems.sort(key=lambda kp: kp[0])
    problems = [p for _, p in kept.problems]
    budget = pd.concat(budgets, ignore_index=True) if budgets else None
    del budgets

    def write(name: str, frame: pd.DataFrame) -> int:
        frame.to_csv(work / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
        return len(frame)

    cross, review_problems = write_cross_article_tables(mentions, budget, published, claims, write, shas, review,
                                                        review_parts)
    for problem in review_problems:
        _say(report, problem)
    counts.update(cross)
    counts["problems"] = write("problems", problems_frame([*problems, *review_problems]))
    return {name: counts[name] for name in table_order() if name in counts}


def _copy_in_order(spill: Path, target: Path, header: bytes, spans: list[tuple[str, int, int, int, int]]) -> int:
    """Write ``header`` then the byte ranges ``spans`` (sorted by article_id) of ``spill``, merging ranges
    that follow each other in the spill (the usual case: batches already in article_id order)."""
    rows = 0
    with open(spill, "rb") as source, open(target, "wb") as sink:
        sink.write(header)
        start = end = None
        for _, _, a, b, _ in spans:
            if start is not None and a == end:
                end = b
                continue
            if start is not None:
                _copy(source, sink, start, end)
            start, end = a, b
        if start is not None:
            _copy(source, sink, start, end)
    return sum(span[4] for span in spans)


def _copy(source, sink, start: int, end: int) -> None:
    source.seek(start)
    left = end - start
    while left > 0:
        block = source.read(min(left, 1 << 22))
        if not block:
            break
        sink.write(block)
        left -= len(block)


def _move_into_place(work: Path, out: Path, counts: dict[str, int]) -> None:
    """The finished tables from ``work`` to ``out``: the folder renamed when ``out`` does not exist yet,
    else each table replaced in turn (other files in ``out`` are left alone)."""
    if not out.exists():  # the folder as ``mkdir`` makes it (mkdtemp's is private to its owner)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(work, 0o777 & ~umask)
        os.replace(work, out)
        return
    out.mkdir(parents=True, exist_ok=True)
    for name in counts:
        os.replace(work / f"{name}.csv", out / f"{name}.csv")
