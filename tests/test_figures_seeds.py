"""The figures of the five seed articles against their gold (tests/gold/seeds.json): every gold
figure with the right value, unit, metric, actor and span, no other figure, provenance exact."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.extract.figures import FIGURE_COLUMNS, extract_figures, figures_frame

ROOT = Path(__file__).parents[1]
GOLD = json.loads((ROOT / "tests" / "gold" / "seeds.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "seeds")


@pytest.fixture(scope="module")
def frame(corpus):
    return figures_frame(corpus.articles)


GOLD_FIGURES = [(aid, g) for aid, art in GOLD.items() for g in art["figures"]]


@pytest.mark.parametrize("aid, gold", GOLD_FIGURES, ids=[f"{a[:3]}:{g['surface']}" for a, g in GOLD_FIGURES])
def test_gold_figure_found_strictly(frame, aid, gold):
    rows = frame[(frame.article_id == aid) & (frame.unit == gold["unit"])]
    hits = rows[[math.isclose(v, gold["value"], rel_tol=0.005) for v in rows.value]]
    assert len(hits) == 1, f"{gold['surface']!r} not found once in {list(rows.surface)}"
    row = hits.iloc[0]
    assert (row.metric, row.actor, row.surface) == (gold["metric"], gold["actor"], gold["surface"])
    if gold.get("counterpart"):
        assert row.counterpart == gold["counterpart"]


def test_no_figures_beyond_the_gold(frame):
    assert len(frame) == len(GOLD_FIGURES)
    assert set(frame.article_id) <= set(GOLD)


def test_provenance(corpus, frame):
    texts = {a.article_id: a.text for a in corpus.articles}
    for row in frame.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface


def test_flags_and_qualifiers(frame):
    by_surface = frame.set_index("surface")
    assert by_surface.loc["around 15o Chinese fighter jets", "flags"] == "typo"
    assert by_surface.loc["more than 100,000 troops", "qualifier"] == "more than"
    assert "shared_scale" in by_surface.loc["$604", "flags"]


def test_frame_contract(frame):
    assert list(frame.columns) == FIGURE_COLUMNS
    assert frame.equals(frame.sort_values(["article_id", "start", "end"]).reset_index(drop=True))
    money = frame[frame.unit == "USD"]
    assert (money.value_usd == money.value).all()


def test_extract_is_pure(corpus):
    art = corpus.articles[0]
    assert extract_figures(art) == extract_figures(art)
