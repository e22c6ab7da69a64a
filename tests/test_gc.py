"""The collector helpers restore the garbage collector as they found it, even when the block fails."""
from __future__ import annotations

import gc

import pytest

from analysis import load_corpus
from analysis._gc import collector_paused, heap_frozen
from analysis.tables import build_tables


def test_collector_paused_restores_an_enabled_collector_even_on_error():
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with collector_paused():
            assert not gc.isenabled()
            raise ValueError("boom")
    assert gc.isenabled()


def test_collector_paused_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_paused_hands_its_objects_to_the_oldest_generation():
    # no young collection has to walk what the block built (a loaded corpus): it is old already
    with collector_paused():
        built = [[i] for i in range(5000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(x) in oldest for x in built[::500])
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_collector_paused_leaves_a_callers_freeze_alone():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_heap_frozen_unfreezes_even_on_error():
    with pytest.raises(KeyError):
        with heap_frozen():
            assert gc.get_freeze_count() > 0
            raise KeyError("boom")
    assert gc.get_freeze_count() == 0


def test_heap_frozen_inside_a_callers_freeze_leaves_it_frozen():
    gc.freeze()
    try:
        with heap_frozen():
            pass
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_pipeline_leaves_the_collector_as_it_was(tmp_path):
    corpus = load_corpus("seeds")
    assert gc.isenabled() and gc.get_freeze_count() == 0
    tables = build_tables(corpus)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert len(tables["figures"]) == 11 and len(tables["exercises"]) == 12
