"""A run's plan: the corpus's files cut into batches of about ``batch_size`` articles, before any is read.

A file is one unit of work (``.txt``, ``.md``, ``.html``, ``.json``: one read, as :func:`load_corpus` reads
it), except a large JSON-lines shard, which is cut at line breaks into parts of ``batch_size`` lines so an
archive of a few big shards still spreads over many batches and never sits whole in one worker's memory.
A shard is cut only when it is plain UTF-8 (no byte-order mark, no carriage return), where a part read on its
own gives exactly the records and problems the whole file gives; any other shard stays one unit. The
sidecars (``metadata.csv``) are read here, since every batch needs them.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from analysis.corpus.model import Problem

__all__ = ["Batch", "Plan", "Unit", "plan_corpus", "DEFAULT_BATCH_SIZE"]

#: Articles per batch: large enough that per-batch costs vanish, small enough that a batch's articles
#: (text, lines, sentences) are a few megabytes.
DEFAULT_BATCH_SIZE = 250


@dataclass(frozen=True)
class Unit:
    """One file, or a range of lines of a JSON-lines shard (``start``/``end`` byte offsets; ``end`` None for
    the whole file). ``file_number`` is the file's place in the corpus's listing; ``first_line`` the shard
    line the range starts at (0 for a whole file)."""

    file_number: int
    path: str  # absolute, so a worker on another machine with the same shared storage finds it
    display: str  # the path as the tables show it
    first_line: int = 0
    start: int = 0
    end: int | None = None
    sha256: str = ""  # the whole file's, for a range


@dataclass(frozen=True)
class Batch:
    """The units one worker reads and extracts in one go, plus what every batch needs."""

    number: int
    units: tuple[Unit, ...]
    sidecars: dict = field(default_factory=dict)
    max_bytes: int = 0
    review: object = None  # the loaded review file (analysis.review.Review) every batch applies, or None

    def describe(self) -> str:
        """A short name for messages: the batch number and its first and last file."""
        first, last = self.units[0].display, self.units[-1].display
        return f"batch {self.number} ({first}{f' … {last}' if last != first else ''})"


@dataclass
class Plan:
    """Every batch of a run, the sidecar rows, and the problems the sidecars had (keyed for ordering)."""

    batches: list[Batch]
    problems: list[tuple[tuple, Problem]]


def _units(file_number: int, file: Path, display: str, max_bytes: int, batch_size: int) -> Iterator[Unit]:
    path = os.path.abspath(file)
    whole = Unit(file_number, path, display)
    if file.suffix.lower() != ".jsonl":
        yield whole
        return
    from analysis.corpus.load import read_bytes

    try:
        if file.stat().st_size > max_bytes:
            yield whole
            return
        data = read_bytes(file)
    except OSError:
        yield whole  # the worker reports it as unreadable, as the loader does
        return
    if data.count(b"\n") <= batch_size or b"\r" in data or not _plain_utf8(data):
        yield whole
        return
    sha256 = hashlib.sha256(data).hexdigest()
    start, line = 0, 1
    while start < len(data):
        end = start
        for _ in range(batch_size):
            end = data.find(b"\n", end) + 1
            if end == 0:
                end = len(data)
                break
        yield Unit(file_number, path, display, line, start, end, sha256)
        line += data.count(b"\n", start, end)
        start = end


def _plain_utf8(data: bytes) -> bool:
    """Whether the loader would decode ``data`` as plain UTF-8 (so any line range decodes on its own)."""
    from analysis.corpus.decode import DecodeError, decode_bytes

    if data.startswith(b"\xef\xbb\xbf"):
        return False
    try:
        return decode_bytes(data)[1] == "utf-8"
    except DecodeError:
        return False


def plan_corpus(path: str | os.PathLike, max_bytes: int, batch_size: int = DEFAULT_BATCH_SIZE,
                review=None) -> Plan:
    """The batches for the corpus at ``path`` (a folder, searched recursively, or one file); raises
    :class:`~analysis.corpus.model.CorpusError` when the path does not exist. ``review``: a loaded review
    file every batch applies."""
    from analysis.corpus.load import corpus_entries, read_sidecar_file
    from analysis.corpus.sidecar import SIDECAR_NAME

    sidecars: dict[str, dict[str, str]] = {}
    problems: list[tuple[tuple, Problem]] = []
    units: list[Unit] = []
    for number, file, display in corpus_entries(path):
        if file.name == SIDECAR_NAME:
            rows, issues = read_sidecar_file(file, display)
            sidecars.update(rows)
            problems += [((number, 0, i), p) for i, p in enumerate(issues)]
            continue
        units += _units(number, file, display, max_bytes, batch_size)
    batches, current, size = [], [], 0
    for unit in units:
        current.append(unit)
        size += batch_size if unit.end is not None else 1  # a shard part is a batch's worth of lines
        if size >= batch_size:
            batches.append(Batch(len(batches), tuple(current), sidecars, max_bytes, review))
            current, size = [], 0
    if current:
        batches.append(Batch(len(batches), tuple(current), sidecars, max_bytes, review))
    return Plan(batches, problems)
