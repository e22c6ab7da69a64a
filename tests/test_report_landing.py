"""The landing page (index.html): summary, charts inline, the claims furthest from SIPRI, events, problems, links."""
from __future__ import annotations

import re

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

from analysis.report import artifacts  # noqa: E402
from analysis.report.export import remote_references  # noqa: E402
from analysis.report.landing import best_corroborated, corpus_summary, furthest_claims, write_index  # noqa: E402
from analysis.tables import build_tables  # noqa: E402
from corpus_generator import write_corpus  # noqa: E402  (tests/ is on the path: no __init__.py)

# money or counts in base units: 604,000,000,000 / 604000000000 / 100,000.00
RAW_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3}){3,}\b|\b\d{10,}\b|\b\d[\d,]*\.00\b")


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    tables = build_tables("seeds")
    artifacts.write_charts(tables, out / "charts")
    html = write_index(out, "run-1", "seeds", tables, warnings=["a warning to show"]).read_text(encoding="utf-8")
    return tables, html


def test_the_page_names_the_claims_furthest_from_sipri_with_their_ratio_and_sentence(seeds_page):
    tables, html = seeds_page
    claims = furthest_claims(tables)
    assert [c["claimed"] for c in claims[:2]] == ["US$200 bn ($200 billion)", "US$604 bn ($604)"]
    assert [c["ratio"] for c in claims[:2]] == ["3.03×", "2.06×"]
    assert claims[1]["words"] == "$604" and "Chinese and Russian defense budgets" in claims[1]["before"]
    for text in ("US$604 bn ($604)", "2.06×", "US$200 bn ($200 billion)", "3.03×", "<mark>$604</mark>",
                 "SIPRI 2022 release", "US$293 bn", "US$65.9 bn"):
        assert text in html, text


def test_the_page_shows_the_key_charts_inline_and_loads_nothing(seeds_page):
    _, html = seeds_page
    assert len(re.findall(r'<img src="data:image/png;base64,', html)) >= 3
    assert remote_references(html) == [] and "<script" not in html
    assert 'src="http' not in html and "href=\"http" not in html


def test_the_page_summarises_the_corpus_and_links_everything(seeds_page):
    tables, html = seeds_page
    summary = corpus_summary(tables)
    assert summary["articles"] == "5" and summary["first"] == "2016-07" and summary["last"] == "2021-11-24"
    assert "articles published 2016-07 to 2021-11-24" in html
    for link in ("tables/budget_check.csv", "data_dictionary.csv", "manifest.json", "tables/events.csv"):
        assert f'href="{link}"' in html
    assert "a warning to show" in html and "Every file in the corpus loaded." in html


def test_events_are_ranked_by_corroboration():
    events = pd.DataFrame({"event_id": ["a", "b", "c"], "name": ["Vostok-2018", None, "Joint Sea-2021"],
                           "first_surface": ["x", "joint naval patrols", "y"], "kind": ["exercise", "patrol", "exercise"],
                           "year": [2018, None, 2021], "year_inferred": [2018, 2020, 2021], "month": [9, None, None],
                           "domains": ["land", "naval", "naval;air"], "places": ["Tsugol", "", "Sea of Japan"],
                           "participants": ["CHN;RUS", "RUS", None], "n_articles": [1, 3, 2], "n_mentions": [4, 3, 2]})
    ranked = best_corroborated({"events": events})
    assert [e["name"] for e in ranked] == ["“joint naval patrols”", "Joint Sea-2021", "Vostok-2018"]
    assert ranked[0]["when"] == "2020 (report's year)" and ranked[2]["when"] == "2018-09"
    assert ranked[2]["participants"] == "China, Russia" and ranked[1]["participants"] == ""


def test_no_number_on_the_page_is_in_base_units_even_on_a_large_corpus(tmp_path, seeds_page):
    _, seeds_html = seeds_page
    tables = build_tables(write_corpus(tmp_path / "corpus", n=60))
    html = write_index(tmp_path, "run-2", "generated", tables).read_text(encoding="utf-8")
    for page in (seeds_html, html):
        text = re.sub(r'src="data:[^"]+"', "", page)
        assert not RAW_NUMBER.findall(text), RAW_NUMBER.findall(text)[:5]
        assert not re.search(r">\s*(nan|NaN|None|<NA>|NaT)\s*<", text)
