"""The explorer (analysis/explore.py), driven from Python as an analyst would drive the widgets:
set a control's value, then read the filtered rows, the table, the count line, the chart and the
source panel. Also the pure helpers, the escaping of article text, and notebook 04's parameters.
The same explorer in a real browser (JupyterLab and Voilà) is tests/test_browser.py."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import Corpus, article_from_text, load_corpus
from analysis.explore import TABLES, Explorer, Filters, citation, explore, filter_rows, highlight, table_chart
from analysis.tables import build_tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NOTEBOOK = ROOT / "notebooks" / "04_explore.ipynb"

XSS_TEXT = ("Budget <script>alert('title')</script> leak\n\n"
            "China spent $300 billion on defence <script>alert(1)</script><img src=x onerror=\"alert(2)\"> "
            "in 2020, a report said.\n\n"
            "Russia and China held joint naval patrols <script>alert(3)</script> in the Sea of Japan in 2021.\n")


@pytest.fixture(scope="module")
def seeds():
    corpus = load_corpus(SEEDS)
    return corpus, build_tables(corpus)


@pytest.fixture
def explorer(seeds):
    corpus, tables = seeds
    return Explorer(tables, corpus)


def small_corpus() -> Corpus:
    """Two articles two years apart: one figure with a stated year, one dated by its article, one exercise."""
    return Corpus([
        article_from_text("Budgets\n\nIn 2014 Russia spent $84.7 billion on defence. China spent $200 billion.",
                          "a_2019", published="2019-06-01", outlet="Outlet A", title="Budgets compared"),
        article_from_text("Arms\n\nChina signed a US$3 billion deal with Russia. Russia and China held joint "
                          "naval patrols in the Sea of Japan.", "b_2021", published="2021-08", outlet="Outlet B",
                          title="Arms and patrols"),
    ])


# ---- pure helpers -------------------------------------------------------------------------------------------------

def test_highlight_escapes_markup_and_marks_the_span():
    text = "Intro. The <b>budget</b> is $5 billion <script>alert(1)</script>. Next."
    start = text.index("$5 billion")
    out = highlight(text, start, start + 10, (7, text.index(" Next")))
    assert out == ("The &lt;b&gt;budget&lt;/b&gt; is <mark>$5 billion</mark> &lt;script&gt;alert(1)&lt;/script&gt;.")
    assert highlight("a<b", 1, 2) == "<mark>&lt;</mark>"  # no bounds: the span alone


def test_citation_from_a_table_row_and_from_an_article():
    row = {"article_id": "000_x", "title": "Report: China", "outlet": "FinanceTwitter", "published": "2020-10-25"}
    assert citation(row, 10, 22) == "Report: China — FinanceTwitter, 2020-10-25 (000_x, chars 10–22)"
    article = article_from_text("Title here\n\nText.", "b_1", published="2021-08")
    article.date_precision = "month"
    assert citation(article, 0, 4) == "Title here, 2021-08 (b_1, chars 0–4)"
    assert citation(pd.Series({"article_id": "c", "title": float("nan"), "outlet": None, "published": None}), 1, 2) \
        == "Untitled, undated (c, chars 1–2)"


def test_filter_rows_each_filter_on_the_seeds(seeds):
    _, t = seeds
    figures = filter_rows(t["figures"], "figures", Filters(country="Russia"))
    assert len(figures) and set(figures.actor) == {"RUS"}
    check = filter_rows(t["budget_check"], "budget_check", Filters(country="CHN"))
    assert len(check) and set(check.actor) == {"CHN"}
    exercises = filter_rows(t["exercises"], "exercises", Filters(country="China", domain="naval"))
    assert len(exercises) and all("CHN" in p.split(";") and "naval" in d.split(";")
                                  for p, d in zip(exercises.participants, exercises.domains))
    assert set(filter_rows(t["exercises"], "exercises", Filters(kind="patrol")).kind) == {"patrol"}
    deals = filter_rows(t["figures"], "figures", Filters(metric="arms_deal"))
    assert len(deals) and set(deals.metric) == {"arms_deal"}
    # budget_check rows are all defence budgets: another metric leaves none, that one leaves all
    assert filter_rows(t["budget_check"], "budget_check", Filters(metric="arms_deal")).empty
    budgets = filter_rows(t["budget_check"], "budget_check", Filters(metric="defence_budget"))
    assert len(budgets) == len(t["budget_check"])
    one = t["articles"].article_id.iloc[1]
    assert set(filter_rows(t["figures"], "figures", Filters(article=one)).article_id) == {one}
    tu95 = filter_rows(t["figures"], "figures", Filters(search="TU-95"))  # case-insensitive, span or sentence
    assert tu95.surface.tolist() == ["a pair of its Tu-95 strategic bombers", "four Chinese H-6K bombers"]
    ordered = filter_rows(t["figures"], "figures")
    assert list(ordered[["article_id", "start"]].itertuples(index=False)) == sorted(
        ordered[["article_id", "start"]].itertuples(index=False))


def test_filter_rows_year_range_uses_stated_year_else_the_articles():
    tables = build_tables(small_corpus())
    figures, articles = tables["figures"], tables["articles"]
    assert figures.set_index("surface").year.to_dict()["$84.7 billion"] == 2014
    in_2014 = filter_rows(figures, "figures", Filters(years=(2014, 2014)), articles)
    assert in_2014.surface.tolist() == ["$84.7 billion"]  # the stated year, not the article's 2019
    in_2019 = filter_rows(figures, "figures", Filters(years=(2019, 2019)), articles)
    assert in_2019.surface.tolist() == ["$200 billion"]  # no stated year: its article's
    assert filter_rows(figures, "figures", Filters(years=(2021, 2021)), articles).surface.tolist() == [
        "US$3 billion deal"]
    # without the articles table, an undated row is kept whatever the range
    assert "$200 billion" in filter_rows(figures, "figures", Filters(years=(2021, 2021))).surface.tolist()


def test_unknown_values_are_errors_that_name_them(seeds):
    corpus, tables = seeds
    with pytest.raises(ValueError, match="'Atlantis'.*country_aliases.csv"):
        filter_rows(tables["figures"], "figures", Filters(country="Atlantis"))
    with pytest.raises(ValueError, match="'Atlantis'"):
        Explorer(tables, corpus, country="Atlantis")
    with pytest.raises(ValueError, match=r"'France' \(FRA\) does not appear in this corpus"):
        Explorer(tables, corpus, country="France")
    with pytest.raises(ValueError, match="table 'events'.*figures, budget_check, exercises"):
        Explorer(tables, corpus, table="events")
    with pytest.raises(ValueError, match="metric 'gdp'.*defence_budget"):
        Explorer(tables, corpus, metric="gdp")
    with pytest.raises(ValueError, match="article '9'"):
        Explorer(tables, corpus, article="9")
    with pytest.raises(ValueError, match="year_from 2022 is after year_to 2016"):
        Explorer(tables, corpus, year_from=2022, year_to=2016)


def test_table_chart_fits_the_table(seeds):
    _, t = seeds
    assert table_chart("budget_check", t["budget_check"]).axes[0].get_title() == \
        "Claimed defence budgets vs reference series"
    assert table_chart("exercises", t["exercises"]).axes[0].get_title(loc="left") == "Exercises and patrols over time"
    money = table_chart("figures", t["figures"]).axes[0]
    assert money.get_title(loc="left") == "Money figures in the selection"
    assert len(money.patches) == int(t["figures"].value_usd.notna().sum())
    shown = [label._preprocess_math(label.get_text()) for label in money.get_yticklabels()]
    assert ("Russia · $200 billion · 000", False) in shown  # drawn as written: a dollar, not mathtext
    empty = table_chart("figures", t["figures"].iloc[0:0]).axes[0]
    assert [x.get_text() for x in empty.texts] == ["no money figures in this selection"]


# ---- the widgets, driven from Python ------------------------------------------------------------------------------

def test_starts_on_all_figures_with_a_chart_and_the_first_source(explorer, seeds):
    _, tables = seeds
    assert explorer.table.value == "figures" and explorer.country.value == ""
    assert len(explorer.filtered) == len(tables["figures"])
    assert explorer.count.value == f"<b>{len(tables['figures'])} of {len(tables['figures'])} figures; no filters</b>"
    assert explorer.redraws == 1 and bytes(explorer.chart.value).startswith(b"\x89PNG")
    assert explorer.rows.value == 0 and explorer.rows.options[0] == ("1 · 000_169e592f560a98f6 · $604", 0)
    assert "<mark>$604</mark> and $200 billion respectively." in explorer.source.value
    assert "Report: China, Russia Set To Forge ‘De Facto Military Alliance’, 2021-11-24 " \
           "(000_169e592f560a98f6, chars 1104–1108)" in explorer.source.value
    labels = dict((v, k) for k, v in explorer.country.options)
    assert labels["RUS"] == "Russia (RUS)" and labels["USA"] == "United States (USA)" and labels[""] == "All countries"


def test_country_dropdown_filters_every_table_and_redraws(explorer):
    before_png, before_html = bytes(explorer.chart.value), explorer.table_html.value
    explorer.country.value = "RUS"
    assert explorer.redraws == 2
    assert set(explorer.filtered.actor) == {"RUS"}
    assert bytes(explorer.chart.value) != before_png and explorer.chart_png == bytes(explorer.chart.value)
    assert explorer.table_html.value != before_html and "$604" not in explorer.table_html.value
    assert "$200 billion" in explorer.table_html.value
    assert explorer.count.value.startswith(f"<b>{len(explorer.filtered)} of 11 figures; filters: country RUS")
    assert "<mark>$200 billion</mark>" in explorer.source.value

    explorer.table.value = "budget_check"  # the country filter stays on
    assert explorer.redraws == 3 and set(explorer.filtered.actor) == {"RUS"}
    assert explorer.figure().axes[0].get_title() == "Claimed defence budgets vs reference series"
    assert list(explorer.table_view().columns[:4]) == ["article_id", "surface", "claimed", "actor"]
    assert explorer.table_view()["claimed"].iloc[0] == "US$200 bn"  # readable, beside the text it was read from
    assert explorer.rows.options[0][0].startswith("1 · 000_169e592f560a98f6 · $200 billion · ")

    explorer.table.value = "exercises"
    assert explorer.redraws == 4 and len(explorer.filtered)
    assert all("RUS" in p.split(";") for p in explorer.filtered.participants)
    assert explorer.figure().axes[0].get_title(loc="left") == "Exercises and patrols over time"


def test_metric_kind_domain_years_search_and_article(explorer):
    explorer.metric.value = "force_count"
    assert set(explorer.filtered.metric) == {"force_count"} and explorer.redraws == 2
    explorer.search.value = "tu-95"  # the span or its sentence, any case
    assert explorer.filtered.surface.tolist() == ["a pair of its Tu-95 strategic bombers", "four Chinese H-6K bombers"]
    assert "search 'tu-95'" in explorer.summary()
    explorer.metric.value = explorer.search.value = ""
    explorer.table.value = "exercises"
    explorer.kind.value = "patrol"
    explorer.domain.value = "air"
    assert len(explorer.filtered) and set(explorer.filtered.kind) == {"patrol"}
    assert all("air" in d.split(";") for d in explorer.filtered.domains)
    explorer.kind.value = explorer.domain.value = ""
    explorer.years.value = (2020, 2020)
    years = explorer.filtered.year.fillna(explorer.filtered.year_inferred)
    assert len(explorer.filtered) and set(years) == {2020}
    assert "years 2020–2020" in explorer.summary()
    explorer.years.value = (explorer.years.min, explorer.years.max)
    explorer.article.value = "004_238afdc7c2d6c68b"
    assert set(explorer.filtered.article_id) == {"004_238afdc7c2d6c68b"}


def test_no_rows_left_is_said_plainly(explorer):
    explorer.search.value = "no such words anywhere"
    assert explorer.filtered.empty and explorer.rows.options == () and explorer.rows.value is None
    assert "No row selected" in explorer.source.value
    assert explorer.count.value == "<b>0 of 11 figures; filters: search 'no such words anywhere'</b>"
    assert explorer.figure().axes[0].texts[0].get_text() == "no money figures in this selection"


def test_selecting_a_row_shows_its_sentence_and_citation_without_redrawing(explorer):
    explorer.table.value = "exercises"
    redraws, png = explorer.redraws, bytes(explorer.chart.value)
    label, index = explorer.rows.options[-1]
    explorer.rows.value = index
    row = explorer.filtered.iloc[index]
    assert f"<mark>{row.surface}</mark>" in explorer.source.value
    assert f"({row.article_id}, chars {row.start}–{row.end})" in explorer.source.value
    assert label.startswith(f"{index + 1} · {row.article_id} · ")
    assert explorer.redraws == redraws and bytes(explorer.chart.value) == png


def test_defaults_set_the_first_values(seeds):
    corpus, tables = seeds
    e = Explorer(tables, corpus, table="budget_check", country="United States", year_from=1990, year_to=2021,
                 article="000")
    assert (e.table.value, e.country.value, e.article.value) == ("budget_check", "USA", "000_169e592f560a98f6")
    assert e.years.value == (e.years.min, 2021)  # clamped to the corpus's years
    assert set(e.filtered.actor) == {"USA"} and e.redraws == 1


def test_explore_loads_a_corpus_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Budgets\n\nChina spent $200 billion on defence in 2020.\n", encoding="utf-8")
    e = explore(tmp_path, country="China")
    assert e.filtered.surface.tolist() == ["$200 billion"] and e.country.value == "CHN"


def test_article_markup_is_shown_as_text_never_as_html():
    """The XSS case: an article with <script> (and an onerror handler) in its title and sentences."""
    corpus = Corpus([article_from_text(XSS_TEXT, "999_xss", published="2021-03-04", outlet="Outlet <b>X</b>")])
    e = Explorer(build_tables(corpus), corpus, search="<script>")
    for table in TABLES:
        e.table.value = table
        shown = [e.source.value, e.table_html.value, e.count.value] + [label for label, _ in e.rows.options]
        html_out = "\n".join(shown[:3])
        assert not re.search(r"<\s*(script|img)\b|<b>X", html_out, re.I), f"{table}: raw markup in {html_out!r}"
        if table != "budget_check":
            assert len(e.filtered) == 1, table
            assert "&lt;script&gt;alert(" in e.source.value, table
            assert ("Budget &lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; leak — "
                    "Outlet &lt;b&gt;X&lt;/b&gt;, 2021-03-04 (999_xss") in e.source.value
        assert "search '&lt;script&gt;'" in e.count.value
    e.table.value = "figures"
    assert "<mark>$300 billion</mark> on defence &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x " \
           "onerror=&quot;alert(2)&quot;&gt; in 2020" in e.source.value
    title_option = dict((v, k) for k, v in e.article.options)["999_xss"]
    assert title_option == "999 · Budget <script>alert('title')</script> leak"  # a label: rendered as text


def test_source_without_a_corpus_uses_the_rows_sentence(seeds):
    _, tables = seeds
    e = Explorer(tables)
    assert e.source.value.startswith('<blockquote style="white-space: pre-wrap; margin: 0.3em 0">According to')
    assert "<mark>$604</mark>" in e.source.value


def test_snapshot_shows_plain_outputs_and_nothing_in_voila(explorer, monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    explorer.snapshot()._ipython_display_()
    assert [type(x).__name__ for x in shown] == ["HTML", "DataFrame", "Figure", "HTML"]
    assert shown[0].data == "<p><b>11 of 11 figures; no filters</b></p>" and len(shown[1]) == 11
    shown.clear()
    monkeypatch.setenv("VOILA_KERNEL_ID", "k")
    explorer.snapshot()._ipython_display_()
    assert shown == []


def test_displays_as_the_widget_with_a_text_fallback(explorer):
    bundle = explorer._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == explorer.widget.model_id
    assert bundle["text/plain"] == "Explorer: 11 of 11 figures; no filters"


# ---- notebook 04 --------------------------------------------------------------------------------------------------

def test_notebook_parameters_are_the_explorers_defaults(seeds):
    from analysis.report import notebook_parameters

    params = {name: p.default for name, p in notebook_parameters(NOTEBOOK).items()}
    assert params["corpus"] == "../seeds"
    corpus, tables = seeds
    assert params["review"] == ""  # no review applied; explore() passes it on as the file lines are written to
    e = Explorer(tables, corpus, review_file=params["review"],
                 **{k: v for k, v in params.items() if k not in ("corpus", "review")})
    assert e.table.value == "figures" and e.filters() == Filters() and e.review_file.value == "review.csv"


def test_notebook_tags_its_widget_cell_for_nbval():
    import nbformat

    cells = [c for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code"]
    widget_cells = [c for c in cells if any("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                                                      for o in c.outputs)]
    assert widget_cells and all("nbval-ignore-output" in c.metadata.tags for c in widget_cells)
    snapshot = cells[-1]
    assert snapshot.source == "explorer.snapshot()" and "nbval-ignore-output" not in snapshot.metadata.get("tags", [])
    assert any("text/html" in o.get("data", {}) for o in snapshot.outputs)


# ---- quotes and review --------------------------------------------------------------------------------------------

def test_the_quotes_table_by_speaker_country_over_time_with_its_sentences(explorer, seeds):
    _, tables = seeds
    explorer.table.value = "quotes"
    assert len(explorer.filtered) == len(tables["quotes"]) > 0
    view = explorer.table_view()
    assert {"speaker", "speaker_country", "quote", "sentence", "published"} <= set(view.columns)
    explorer.country.value = "RUS"
    assert set(explorer.filtered["speaker_country"]) == {"RUS"} and "quotes" in explorer.summary()
    row = explorer.filtered.iloc[0]
    assert "<mark>" + row["quote"][:20] in explorer.source.value.replace("&#x27;", "'").replace("&quot;", '"') \
        or row["quote"][:10] in explorer.source.value
    fig = table_chart("quotes", explorer.filtered)
    assert fig.axes[0].get_title(loc="left").startswith("Quotes per year")
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["Russia"]


def test_reject_and_correct_the_selected_row_write_lines_the_next_run_applies(seeds, tmp_path):
    corpus, tables = seeds
    review = tmp_path / "review.csv"
    e = Explorer(tables, corpus, search="$604", review_file=review)  # the sentence has "$200 billion" too
    assert e.filtered["surface"].tolist() == ["$604", "$200 billion"]
    rejected = e.reject_selected(note="a related-links box")
    e.rows.value = 1
    e.review_field.value, e.review_value.value = "actor", "usa"
    corrected = e.correct_selected()
    assert (rejected.action, corrected.action, corrected.field, corrected.value) == ("reject", "set", "actor", "usa")
    assert "line 3" in e.review_status.value
    with pytest.raises(ValueError, match="year"):
        e.correct_selected("year", "abc")  # refused at once; nothing written
    assert len(review.read_text(encoding="utf-8").splitlines()) == 3
    again = build_tables(corpus, review=review)
    assert "$604" not in set(again["figures"]["surface"]) and "$604" not in set(again["budget_check"]["surface"])
    assert set(again["figures"].loc[again["figures"]["surface"] == "$200 billion", "actor"]) == {"USA"}
    reviewed = Explorer(again, corpus, search="$200 billion")
    assert reviewed.filtered["surface"].tolist() == ["$200 billion"]
    assert reviewed.table_view()["review"].tolist() == ["corrected"]


def test_a_budget_check_row_is_reviewed_as_the_figure_it_checks(seeds, tmp_path):
    corpus, tables = seeds
    e = Explorer(tables, corpus, table="budget_check", search="$604", review_file=tmp_path / "r.csv")
    figure = tables["figures"].loc[tables["figures"]["surface"] == "$604", "row_id"].iloc[0]
    assert e.selected_row_id() == figure
    e.search.value = "no such words"
    e._review_click(e.reject_selected)
    assert "Not written" in e.review_status.value and not (tmp_path / "r.csv").exists()
