"""The quotes of the five seed articles against their gold (tests/gold/seeds.json), scored as
``../shared/eval/score.py`` scores them: a gold quote is found when a row of its article holds its
opening words and the speaker's last name. A floor on F1, and exact provenance on every row."""
from __future__ import annotations

import json
import re
import time
import unicodedata
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.extract.quotes import extract_quotes

ROOT = Path(__file__).parents[1]
GOLD = json.loads((ROOT / "tests" / "gold" / "seeds.json").read_text(encoding="utf-8"))
F1_FLOOR = 0.9


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s or "")).lower().replace("’", "'").replace("‘", "'")
    return re.sub(r"[\s/_\-]+", " ", s).strip()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "seeds")


@pytest.fixture(scope="module")
def rows(corpus):
    return {a.article_id: extract_quotes(a) for a in corpus.articles}


GOLD_QUOTES = [(aid, q) for aid, art in GOLD.items() for q in art.get("quotes", [])]


def _found(rows, aid, gold):
    last = norm(gold["speaker"]).split()[-1]
    return any(norm(gold["starts"]) in norm(q.quote) and last in norm(q.speaker) for q in rows[aid])


@pytest.mark.parametrize("aid, gold", GOLD_QUOTES, ids=[f"{a[:3]}:{q['starts'][:20]}" for a, q in GOLD_QUOTES])
def test_gold_quote_found(rows, aid, gold):
    assert _found(rows, aid, gold), [(q.speaker, q.quote[:40]) for q in rows[aid]]


def test_f1_floor_and_provenance(corpus, rows):
    tp = sum(_found(rows, aid, g) for aid, g in GOLD_QUOTES)
    npred = sum(len(rows[aid]) for aid in GOLD)
    p, r = tp / npred, tp / len(GOLD_QUOTES)
    assert 2 * p * r / (p + r) >= F1_FLOOR
    for article in corpus.articles:
        for q in rows[article.article_id]:
            assert article.text[q.start:q.end] == q.quote
            assert q.sentence in article.text and q.kind == "direct"


def test_speaker_countries_from_the_text(rows):
    by_speaker = {q.speaker: q.speaker_country for qs in rows.values() for q in qs}
    assert by_speaker["Vladimir Putin"] == "RUS"
    assert by_speaker["China’s defence ministry"] == "CHN"
    assert by_speaker["Zhao Lijian"] == "CHN"
    assert by_speaker["Russian Defense Ministry"] == "RUS"


def test_linear_time_on_a_long_article(corpus):
    """Forty seeds in one text take no longer than forty times one seed's time, give or take."""
    from analysis.corpus.model import Article  # no zones: repeated lines would read as boilerplate
    text = "\n\n".join(a.text for a in corpus.articles)
    one = Article("one", "", text)
    many = Article("many", "", "\n\n".join([text] * 40))
    t0 = time.perf_counter()
    n_one = len(extract_quotes(one))
    t1 = time.perf_counter()
    n_many = len(extract_quotes(many))
    t2 = time.perf_counter()
    assert n_many >= 39 * n_one
    assert (t2 - t1) < 40 * 3 * max(t1 - t0, 0.01)
