"""Charts render under Agg with title, axis labels and source note, and save reproducibly."""
import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.charts import (claimed_vs_reference_chart, combined_chart, save_figure,  # noqa: E402
                             sipri_series_chart)
from analysis.reference.checks import budget_check, combined_check  # noqa: E402


@pytest.fixture(scope="module")
def seed_tables():
    figures = pd.DataFrame({"article_id": ["000_x"] * 3, "start": [166, 183, 249], "end": [170, 195, 261],
                            "surface": ["$604", "$200 billion", "$715 billion"], "metric": ["defence_budget"] * 3,
                            "actor": ["CHN", "RUS", "USA"], "value_usd": [604e9, 200e9, 715e9],
                            "unit": ["USD"] * 3, "year": [None] * 3, "sentence": [""] * 3})
    articles = pd.DataFrame({"article_id": ["000_x"], "published": ["2021-11-24"]})
    return budget_check(figures, articles), combined_check(figures, articles)


def texts(fig):
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def footnote(fig):
    return " ".join(t.get_text() for t in fig.texts)


def test_claimed_vs_reference(seed_tables, tmp_path):
    fig = claimed_vs_reference_chart(seed_tables[0])
    ax = fig.axes[0]
    assert ax.get_title() == "Claimed defence budgets vs reference series"
    assert ax.get_ylabel() == "Defence spending, US$ billions (current)"
    assert [t.get_text().split("\n")[0] for t in ax.get_xticklabels()] == ["China", "Russia", "United States"]
    assert len(ax.patches) == 8  # China and Russia: claimed, SIPRI, official; USA: claimed, SIPRI
    heights = sorted(round(p.get_height(), 1) for p in ax.patches)
    assert heights[-1] == 801.0 and 604.0 in heights and 65.9 in heights
    labels = " ".join(texts(fig))
    assert "2021 (published)" in labels and "SIPRI 2022 release" in labels and "claim 2.06×" in labels
    assert footnote(fig).startswith("Sources:") and "SIPRI 2022 release" in footnote(fig)
    assert "exchange rates" in footnote(fig)
    assert save_figure(fig, tmp_path / "claimed.png").stat().st_size > 10_000


def test_combined_chart(seed_tables):
    fig = combined_chart(seed_tables[1])
    ax = fig.axes[0]
    assert ax.get_title() == "Combined budgets: China + Russia vs United States"
    assert "US$ billions" in ax.get_ylabel()
    assert sorted(round(p.get_height(), 1) for p in ax.patches) == [358.9, 715.0, 801.0, 804.0]
    labels = " ".join(texts(fig))
    assert "1.12× — combined exceeds" in labels and "0.45× — combined does not exceed" in labels
    assert "SIPRI 2022 release" in footnote(fig) and footnote(fig).startswith("Sources:")


def test_sipri_series_chart(seed_tables):
    fig = sipri_series_chart(claims=seed_tables[0])
    ax = fig.axes[0]
    assert ax.get_title() == "SIPRI military expenditure, with the articles' claims"
    assert ax.get_xlabel() == "Year" and ax.get_ylabel() == "Military expenditure, US$ billions (current)"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["China (SIPRI)", "Russia (SIPRI)", "United States (SIPRI)", "claimed in an article"]
    us = next(line for line in ax.get_lines() if line.get_label() == "United States (SIPRI)")
    assert list(us.get_xdata()) == list(range(2019, 2025))
    assert list(us.get_ydata()) == [732, 778, 801, 877, 916, 997]
    claims = [line for line in ax.get_lines() if line.get_marker() == "D" and len(line.get_xdata())]
    assert sorted((int(c.get_xdata()[0]), c.get_ydata()[0]) for c in claims) == [(2021, 200), (2021, 604), (2021, 715)]
    assert "SIPRI fact sheets" in footnote(fig) and "SIPRI 2025 release" in footnote(fig)


def test_empty_tables_still_render(seed_tables):
    for fig in (claimed_vs_reference_chart(seed_tables[0].iloc[0:0]), combined_chart(seed_tables[1].iloc[0:0])):
        assert fig.axes[0].get_title() and "Sources" in footnote(fig)
    assert sipri_series_chart().axes[0].get_legend() is not None


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_save_figure_is_byte_for_byte_reproducible(seed_tables, tmp_path, suffix):
    a = save_figure(claimed_vs_reference_chart(seed_tables[0]), tmp_path / f"a.{suffix}")
    b = save_figure(claimed_vs_reference_chart(seed_tables[0]), tmp_path / f"b.{suffix}")
    assert a.read_bytes() == b.read_bytes()
    if suffix != "png":
        assert b"CreationDate" not in a.read_bytes() and b"<dc:date>" not in a.read_bytes()


def test_save_figure_rejects_other_formats(tmp_path, seed_tables):
    with pytest.raises(ValueError, match="png, .svg or .pdf"):
        save_figure(combined_chart(seed_tables[1]), tmp_path / "chart.jpg")


def test_dollar_signs_quoted_from_articles_are_not_read_as_maths(seed_tables, tmp_path):
    check = seed_tables[0].copy()
    check["surface"] = check["surface"].replace({"$200 billion": "$604 and $200 billion"})
    fig = claimed_vs_reference_chart(check)
    label = next(t for t in fig.axes[0].get_xticklabels() if "604 and" in t.get_text())
    shown, is_maths = label._preprocess_math(label.get_text())  # what matplotlib will draw, and how
    assert not is_maths and "'$604 and $200 billion'" in shown
    save_figure(fig, tmp_path / "dollars.png")


def test_axis_tick_labels_still_use_mathtext_when_saved(seed_tables, tmp_path):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 2))
    ax = fig.add_subplot()
    ax.set_xscale("log")
    ax.set_xlim(1, 1000)
    save_figure(fig, tmp_path / "log.png")  # draws the ticks under the chart style
    assert all(label._preprocess_math(label.get_text())[1] for label in ax.get_xticklabels() if label.get_text())


def test_saved_charts_keep_labels_that_reach_past_the_figure_edge(tmp_path):
    from matplotlib.figure import Figure
    from PIL import Image

    fig = Figure(figsize=(4, 2))
    ax = fig.add_axes((0.05, 0.2, 0.9, 0.7))
    ax.set_yticks([0], ["a very long event label that sticks out on the left"])
    width = Image.open(save_figure(fig, tmp_path / "wide.png")).size[0]
    assert width > 4 * 100  # wider than the 4-inch figure at 100 dpi: the label was kept


# ---- many claims: the charts aggregate ---------------------------------------------------------------------------

def _many_claims(n_per_country: int = 12) -> pd.DataFrame:
    """A budget_check table with ``n_per_country`` SIPRI-checked claims each for China and Russia in 2019-2022,
    one Russian claim ten times SIPRI and a few claims with no year."""
    rows = []
    sipri = {("CHN", 2019): 240e9, ("CHN", 2020): 258e9, ("CHN", 2021): 293e9, ("CHN", 2022): 292e9,
             ("RUS", 2019): 65e9, ("RUS", 2020): 62e9, ("RUS", 2021): 66e9, ("RUS", 2022): 86e9}
    for c, country in enumerate(["CHN", "RUS"]):
        for i in range(n_per_country):
            year = 2019 + i % 4
            ref = sipri[(country, year)]
            claimed = ref * (10 if (country, i) == ("RUS", 5) else 1 + 0.05 * (i % 3))
            rows.append({"article_id": f"{c}{i:02d}_x", "start": i, "end": i + 4, "surface": "$1 billion",
                         "actor": country, "claimed_usd": claimed, "year": None if i == 11 else year,
                         "year_basis": "figure", "reference_source": f"SIPRI {year + 1} release",
                         "reference_usd": ref, "ratio": claimed / ref, "verdict": "higher", "note": ""})
    frame = pd.DataFrame(rows)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def test_many_claims_become_one_panel_per_country_with_only_the_outliers_labelled():
    from analysis.charts.labels import legibility

    fig = claimed_vs_reference_chart(_many_claims())
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left") for ax in panels] == ["China, 11 claims", "Russia, 11 claims"]
    labels = [t.get_text() for ax in panels for t in ax.texts]
    assert labels == ["10.0× · 105"]  # the one claim far from SIPRI, and only it
    assert any(line.get_label() == "SIPRI" for line in panels[1].get_lines())
    assert "2 claim(s) with no year" in footnote(fig) and "budget_check.csv" in footnote(fig)
    measured = legibility(fig, share=0.0)
    assert measured["overlaps"] == [] and measured["missing"] == []


def test_few_claims_keep_their_bars_and_never_show_a_missing_year(seed_tables):
    check = seed_tables[0].copy()
    check["year"] = pd.array([None] * len(check), dtype="Int64")
    fig = claimed_vs_reference_chart(check)
    shown = " ".join(texts(fig))
    assert "<NA>" not in shown and "nan" not in shown and "year unknown" in shown


def test_sipri_chart_labels_the_furthest_claims_where_there_is_room_and_counts_the_rest():
    from analysis.charts.labels import legibility

    check = _many_claims(40)
    fig = sipri_series_chart(claims=check, years=(2015, 2024))
    ax = fig.axes[0]
    claim_labels = [t.get_text() for t in ax.texts if "claimed" in t.get_text()]
    assert claim_labels and claim_labels[0] == "Russia claimed 620 (105)"  # the furthest from SIPRI first
    assert len(claim_labels) <= 10
    assert f"of {len(check.dropna(subset=['year']))} claims unlabelled" in footnote(fig)
    assert legibility(fig, share=0.0)["overlaps"] == []


def test_many_combined_claims_become_one_row_per_pair():
    base = {"claim": "x", "claim_basis": "sentence", "year": 2021, "year_basis": "published",
            "claimed_exceeds": True, "reference_source": "SIPRI 2022 release", "reference_exceeds": False, "note": ""}
    rows = [{**base, "article_id": f"{i:03d}_x", "combined_actors": "CHN+RUS", "compared_actor": "USA",
             "claimed_combined_usd": 804e9, "claimed_compared_usd": 715e9, "claimed_ratio": 1.12 + i / 100,
             "reference_combined_usd": 359e9, "reference_compared_usd": 801e9, "reference_ratio": 0.45}
            for i in range(5)]
    rows.append({**rows[0], "article_id": "009_x", "combined_actors": "IND+JPN", "compared_actor": "CHN",
                 "reference_ratio": float("nan"), "reference_source": None})
    fig = combined_chart(pd.DataFrame(rows))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["China + Russia vs United States (5)",
                                                            "India + Japan vs China (1)"]
    assert ax.get_xscale() == "log" and "combined_check.csv" in footnote(fig)
