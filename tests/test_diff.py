"""What changed since the last run (issue 19): diff_outputs, summarise_changes, since_last_run and the
``python -m analysis.review diff`` command, on output folders the real pipeline writes for the seeds
and for the seeds plus one article written here."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.extract.events import events_frame
from analysis.reference import budget_check
from analysis.review import CHANGE_COLUMNS, DiffError, add_row_ids, apply_review, diff_outputs, previous_run, \
    since_last_run, summarise_changes
from analysis.review.cli import main
from analysis.tables import build_tables, write_tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EXTRA_ID = "005_review_extra"
# Written for this test: one defence-budget figure and one naval exercise (in the title and the body).
EXTRA = """Russia and China Hold Joint Naval Drills Near Vladivostok
July 21, 2023

Russia and China held joint naval drills in the Sea of Japan this month, the Russian defence ministry said on Friday.

Moscow has raised its defence budget to 6.4 trillion roubles, according to the finance ministry.
"""


def _run(corpus_dir: Path, out: Path, review: Path | None = None, row_ids: bool = True, run_folder: bool = False):
    """Build and write the tables the way ``extract`` (or, with ``run_folder``, a report run's tables/) will."""
    corpus = load_corpus(corpus_dir)
    tables = build_tables(corpus)
    if row_ids:
        tables = add_row_ids(tables, corpus)
        tables, _, _ = apply_review(tables, review)
        tables["events"] = events_frame(tables["exercises"])
        tables["budget_check"] = budget_check(tables["figures"], tables["articles"])
    write_tables(tables, out / "tables" if run_folder else out)
    return tables


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("runs")
    grown = root / "corpus_plus_one"
    shutil.copytree(SEEDS, grown)
    (grown / f"{EXTRA_ID}.txt").write_text(EXTRA, encoding="utf-8")
    out = {"old": root / "old", "new": root / "new", "grown": grown}
    out["old_tables"] = _run(SEEDS, out["old"])
    out["new_tables"] = _run(grown, out["new"])
    return out


def test_adding_one_article_lists_only_its_figure_and_exercise_rows_as_added(folders):
    changes = diff_outputs(folders["old"], folders["new"])
    assert list(changes.columns) == CHANGE_COLUMNS
    assert set(changes["change"]) == {"added"} and set(changes["article_id"]) == {EXTRA_ID}
    new = folders["new_tables"]
    for table in ("figures", "exercises"):
        expected = new[table].loc[new[table]["article_id"] == EXTRA_ID, "row_id"].tolist()
        assert expected and changes.loc[changes["table"] == table, "row_id"].tolist() == expected
    assert "6.4 trillion roubles" in changes["new"].tolist()
    assert summarise_changes(changes) == f"figures: 1 added ({EXTRA_ID})\nexercises: 2 added ({EXTRA_ID})"


def test_a_run_compared_with_itself_lists_nothing(folders):
    assert diff_outputs(folders["new"], folders["new"]).empty
    assert summarise_changes(diff_outputs(folders["old"], folders["old"])).startswith("no changes")
    assert since_last_run(folders["old"], folders["old"]).is_empty


def test_a_removed_article_lists_its_rows_as_removed(folders):
    changes = diff_outputs(folders["new"], folders["old"])
    assert set(changes["change"]) == {"removed"} and set(changes["article_id"]) == {EXTRA_ID}


def test_a_corrected_row_is_changed_field_by_field(folders, tmp_path):
    figures = folders["old_tables"]["figures"]
    fig200 = figures.loc[figures["surface"] == "$200 billion", "row_id"].iloc[0]
    review = tmp_path / "review.csv"
    review.write_text(f"row_id,action,field,value,note\n{fig200},set,actor,USA,\n", encoding="utf-8")
    _run(SEEDS, tmp_path / "reviewed", review=review)
    changes = diff_outputs(folders["old"], tmp_path / "reviewed")
    assert set(changes["row_id"]) == {fig200}
    assert changes[["change", "field", "old", "new"]].values.tolist() == [
        ["changed", "actor", "RUS", "USA"], ["changed", "actor_cue", "respectively", "review"],
        ["changed", "review", "", "corrected"]]
    facts = since_last_run(folders["old"], tmp_path / "reviewed")
    assert facts.verdict_changes["row_id"].tolist() == [fig200]
    (row,) = facts.verdict_changes.to_dict("records")
    assert row["actor"] == "USA" and "Russia federal" in row["old"] and "Russia federal" not in row["new"]
    assert facts.new_articles.empty and facts.new_figures.empty and facts.new_events.empty
    assert any("whose verdict changed" in line for line in facts.lines())


def test_report_runs_and_folders_without_row_ids_are_compared_too(folders, tmp_path):
    _run(SEEDS, tmp_path / "run_old", run_folder=True)
    _run(folders["grown"], tmp_path / "run_new", run_folder=True)
    run_changes = diff_outputs(tmp_path / "run_old", tmp_path / "run_new")
    assert run_changes.equals(diff_outputs(folders["old"], folders["new"]))
    # folders written before row ids existed: the same rows match, keyed by article_id and span
    _run(SEEDS, tmp_path / "plain_old", row_ids=False)
    _run(folders["grown"], tmp_path / "plain_new", row_ids=False)
    plain = diff_outputs(tmp_path / "plain_old", tmp_path / "plain_new")
    assert plain[["table", "change", "article_id", "surface"]].values.tolist() == \
        run_changes[["table", "change", "article_id", "surface"]].values.tolist()
    # an old folder without ids against a new one with them: still only the new article's rows
    mixed = diff_outputs(tmp_path / "plain_old", folders["new"])
    assert set(mixed["change"]) == {"added"} and set(mixed["article_id"]) == {EXTRA_ID}


def test_since_last_run_states_the_new_article_figure_and_event(folders):
    facts = since_last_run(folders["old"], folders["new"])
    assert facts.new_articles["article_id"].tolist() == [EXTRA_ID]
    assert facts.new_figures["surface"].tolist() == ["6.4 trillion roubles"]
    assert facts.changed_figures.empty and facts.removed_figures.empty and facts.changed_articles.empty
    assert facts.verdict_changes.empty
    assert facts.new_events["article_ids"].tolist() == [EXTRA_ID] * len(facts.new_events) and len(facts.new_events)
    lines = facts.lines()
    assert lines[0].startswith(f"1 new article: {EXTRA_ID} (Russia and China Hold Joint Naval Drills")
    assert lines[1] == "1 new figure: 6.4 trillion roubles (defence_budget, RUS)"


def test_an_event_another_article_now_reports_is_not_new_but_more_reported(tmp_path):
    old = pd.DataFrame({"event_id": ["ev-1"], "name": ["Vostok"], "year": ["2022"], "kind": ["exercise"],
                        "n_articles": ["1"], "mention_ids": ["a:10"], "article_ids": ["a"]})
    new = pd.DataFrame({"event_id": ["ev-0", "ev-2"], "name": ["Vostok", ""], "year": ["2022", "2023"],
                        "kind": ["exercise", "patrol"], "n_articles": ["2", "1"], "mention_ids": ["0:5;a:10", "b:3"],
                        "article_ids": ["0;a", "b"], "first_surface": ["Vostok-2022", "joint air patrol"]})
    for name, events in (("old", old), ("new", new)):
        (tmp_path / name).mkdir()
        events.to_csv(tmp_path / name / "events.csv", index=False)
        pd.DataFrame(columns=["row_id", "article_id", "start", "end", "surface"]).to_csv(
            tmp_path / name / "figures.csv", index=False)
    facts = since_last_run(tmp_path / "old", tmp_path / "new")
    assert facts.new_events["event_id"].tolist() == ["ev-2"]
    assert facts.more_reports[["event_id", "old_n_articles", "n_articles"]].values.tolist() == [["ev-0", 1, 2]]


def test_the_diff_command_writes_changes_csv_and_prints_the_summary(folders, tmp_path, capsys):
    assert main(["diff", str(folders["old"]), str(folders["new"]), "--out", str(tmp_path / "d")]) == 0
    printed = capsys.readouterr()
    assert printed.out == f"figures: 1 added ({EXTRA_ID})\nexercises: 2 added ({EXTRA_ID})\n"
    written = pd.read_csv(tmp_path / "d" / "changes.csv", dtype=str, keep_default_na=False)
    assert written.equals(diff_outputs(folders["old"], folders["new"]))
    assert main(["diff", str(tmp_path / "missing"), str(folders["new"])]) == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'missing'}: no such folder")
    (tmp_path / "not_output").mkdir()
    with pytest.raises(DiffError, match="holds no figures.csv"):
        diff_outputs(tmp_path / "not_output", folders["new"])


def test_python_dash_m_runs_the_diff(folders):
    done = subprocess.run([sys.executable, "-m", "analysis.review", "diff", str(folders["old"]), str(folders["old"])],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("no changes")


def test_the_previous_run_is_the_latest_finished_one_before_this_one(tmp_path):
    import os

    reports = tmp_path / "reports"
    made = {}
    for n, name in enumerate(["20261130-aaaaaaaa", "20261207-cccccccc", "20261207-bbbbbbbb", "20261201-dddddddd"]):
        (reports / name / "tables").mkdir(parents=True)
        (reports / name / "manifest.json").write_text("{}")
        os.utime(reports / name / "manifest.json", (1_000_000 + n, 1_000_000 + n))
        made[name] = reports / name
    (reports / "notes").mkdir()
    (reports / "20261208-unfinished").mkdir()  # no manifest: a run that failed or is still running
    assert previous_run(reports) == made["20261207-bbbbbbbb"]  # same day: the later manifest
    assert previous_run(reports, made["20261207-bbbbbbbb"]) == made["20261207-cccccccc"]
    assert previous_run(reports, made["20261207-cccccccc"]) == made["20261201-dddddddd"]
    assert previous_run(reports, made["20261130-aaaaaaaa"]) is None
    assert previous_run(reports, reports / "20261201-eeeeeeee") == made["20261201-dddddddd"]  # being written
    assert previous_run(tmp_path / "nothing") is None


def test_a_second_copy_of_an_article_under_another_name_is_added_rows(tmp_path):
    """Two articles with the same text share row ids; the diff tells their rows apart by article."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    shutil.copy(SEEDS / "002_77f7d418dcd13981.txt", one / "a.txt")
    shutil.copytree(one, two)
    shutil.copy(SEEDS / "002_77f7d418dcd13981.txt", two / "b.txt")
    old = _run(one, tmp_path / "old")
    _run(two, tmp_path / "new")
    changes = diff_outputs(tmp_path / "old", tmp_path / "new")
    assert set(changes["change"]) == {"added"} and set(changes["article_id"]) == {"b"}
    assert sorted(changes.loc[changes["table"] == "figures", "row_id"]) == sorted(old["figures"]["row_id"])
    assert diff_outputs(tmp_path / "new", tmp_path / "new").empty
    facts = since_last_run(tmp_path / "old", tmp_path / "new")
    assert facts.new_articles["article_id"].tolist() == ["b"] and len(facts.new_figures) == len(old["figures"])
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    shutil.copy(SEEDS / "002_77f7d418dcd13981.txt", renamed / "c.txt")
    _run(renamed, tmp_path / "renamed_out")
    moved = diff_outputs(tmp_path / "old", tmp_path / "renamed_out")
    assert set(moved["change"]) == {"changed"} and set(moved["field"]) == {"article_id"}
    assert sorted(moved["row_id"]) == sorted(old["figures"]["row_id"].tolist() + old["exercises"]["row_id"].tolist()
                                             + old["quotes"]["row_id"].tolist())
