"""build_tables: one article an extractor fails on costs that article's rows, not the run."""
from __future__ import annotations

from pathlib import Path

import analysis.extract.exercises as exercises_module
import analysis.extract.figures as figures_module
from analysis import load_corpus
from analysis.tables import build_tables

ROOT = Path(__file__).resolve().parents[1]
BROKEN = "002_77f7d418dcd13981"


def test_an_extractor_error_is_a_problem_row_and_the_other_articles_keep_their_rows(monkeypatch):
    corpus = load_corpus(ROOT / "seeds")
    whole = build_tables(corpus)
    real_figures, real_exercises = figures_module.extract_figures, exercises_module.extract_exercises

    def failing(real):
        def extract(article):
            if article.article_id == BROKEN:
                raise ValueError("an odd text")
            return real(article)
        return extract

    # the run looks its extractors up by name (analysis.pipeline.registry), so patching the module is seen
    monkeypatch.setattr(figures_module, "extract_figures", failing(real_figures))
    monkeypatch.setattr(exercises_module, "extract_exercises", failing(real_exercises))
    reported = []
    got = build_tables(corpus, report=reported.append)

    for name in ("figures", "exercises"):
        kept = whole[name][whole[name]["article_id"] != BROKEN].reset_index(drop=True)
        assert len(kept) < len(whole[name])  # the broken article had rows of both kinds
        assert got[name].drop(columns=["event_id"], errors="ignore").equals(
            kept.drop(columns=["event_id"], errors="ignore"))
    rows = got["problems"][got["problems"]["problem"] == "extraction_failed"]
    assert len(rows) == 2 and all(rows["path"].str.endswith(f"{BROKEN}.txt"))
    assert sorted(rows["detail"]) == [
        f"the exercises extractor failed on article {BROKEN}: ValueError: an odd text",
        f"the figures extractor failed on article {BROKEN}: ValueError: an odd text"]
    assert [p.problem for p in reported] == ["extraction_failed"] * 2
    assert len(got["articles"]) == len(whole["articles"])  # the article itself is still listed
