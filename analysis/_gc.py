"""Keep Python's cyclic garbage collector off the corpus while the pipeline works on it.

A loaded corpus is a few hundred thousand long-lived, acyclic records (articles, lines, sentences).
Every full collection walks all of them, and building or reading a corpus triggers many: measured
on the 2,000-article benchmark corpus, they cost about a quarter of ``load_corpus`` and a tenth of
the extractors, and free nothing (reference counting frees these records). Both helpers restore
the collector as they found it.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["collector_paused", "heap_frozen"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block (for building many acyclic records at once).

    On the way out every young object (the block's, and any made just before it) goes straight to the
    oldest generation (``gc.freeze`` then ``gc.unfreeze``, which also zeroes the youngest generation's
    count): else the first allocation after the block would walk every record in a young collection
    (about a tenth of ``load_corpus`` on the benchmark corpus), and a later one would walk them again.
    The trade-off: what little cyclic garbage they hold (a few hundred objects from parsing HTML) waits
    for the next full collection. Skipped when the caller has frozen the heap (an unfreeze would undo
    that)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


@contextmanager
def heap_frozen() -> Iterator[None]:
    """Every object alive when the block starts is left out of collections inside it (``gc.freeze``),
    so the short-lived objects the extractors make are collected without walking the corpus;
    afterwards they are back in the oldest generation (``gc.unfreeze``), unless the heap was already
    frozen when the block began (the caller's freeze, which this block cannot undo in part, stands)."""
    already_frozen = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not already_frozen:
            gc.unfreeze()
