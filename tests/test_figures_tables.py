"""Figures in tables flattened to one line per row (issue: accuracy on real reporting), on tables of our own."""
from __future__ import annotations

from analysis.corpus import load_corpus
from analysis.extract.figures import extract_figures

TABLES = """NATO allies publish spending estimates

The alliance published its estimates on Tuesday.

Defence expenditure as a share of GDP (%)
United States 3.50
Greece 2.27
Germany 1.24

Defence expenditure (US$ million, current prices)
Country 2017 2018
Poland 9,938 11,857
France 45,927 -
World 1,700,000 1,800,000

The figures are estimates. Iceland has no armed forces 12 of them.
"""


def _read(tmp_path, text):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = load_corpus(tmp_path).articles[0]
    out = []
    for f in extract_figures(article):
        assert article.text[f.start:f.end] == f.surface
        out.append((f.surface, f.value, f.unit, f.metric, f.actor, f.year))
    return out


def test_a_header_gives_the_unit_and_scale_and_a_column_header_the_years(tmp_path):
    assert _read(tmp_path, TABLES) == [
        ("3.50", 3.5, "percent_gdp", "share_of_gdp", "USA", None),
        ("2.27", 2.27, "percent_gdp", "share_of_gdp", "GRC", None),
        ("1.24", 1.24, "percent_gdp", "share_of_gdp", "DEU", None),
        ("9,938", 9.938e9, "USD", "defence_budget", "POL", 2017),
        ("11,857", 11.857e9, "USD", "defence_budget", "POL", 2018),
        ("45,927", 45.927e9, "USD", "defence_budget", "FRA", 2017),
        ("1,700,000", 1.7e12, "USD", "defence_budget", None, 2017),
        ("1,800,000", 1.8e12, "USD", "defence_budget", None, 2018),
    ]


def test_rows_without_a_header_and_lines_of_prose_are_no_table(tmp_path):
    text = "Spending rose.\n\nUnited States 3.50\nGreece 2.27\n\nThe Army has 12 brigades and Brad 4 of them.\n"
    assert _read(tmp_path, text) == [("12 brigades", 12, "count", "force_count", None, None)]
