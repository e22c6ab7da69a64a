"""Issue 19 wired into the real commands: ``extract --review``, ``python -m analysis diff``, ``report --review``
and ``--previous`` (the landing page's "Since the last run"), on the seeds and on the seeds plus one article
written here. Every run here is the real pipeline in a subprocess or the real report runner."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.pipeline.executors import in_processes
from analysis.pipeline.run import extract_to_folder
from analysis.tables import build_tables, write_tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TYPED = Path(__file__).parent / "fixtures" / "notebooks" / "typed.ipynb"
HEADER = "row_id,action,field,value,note\n"
EXTRA_ID = "005_wiring_extra"
# Written for this test: a defence-budget figure and a joint naval exercise, nothing from a real article.
EXTRA = """Russia and China Begin Joint Naval Drills in the Sea of Japan
August 3, 2023

Russia and China began joint naval drills in the Sea of Japan on Thursday, the Russian defence ministry said.

Moscow has set its defence budget at 6.4 trillion roubles for the year, the finance ministry said.
"""


def cli(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def read(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def seed_ids() -> dict[str, str]:
    """surface -> row_id of the two seed figures the issue names (one row each)."""
    figures = build_tables(SEEDS)["figures"]
    out = {}
    for surface in ("$604", "$200 billion"):
        rows = figures[figures["surface"] == surface]
        assert len(rows) == 1
        out[surface] = rows["row_id"].iloc[0]
    return out


@pytest.fixture(scope="module")
def review_file(tmp_path_factory, seed_ids) -> Path:
    """Reject "$604", move "$200 billion" to the United States, plus three bad lines."""
    path = tmp_path_factory.mktemp("review") / "review.csv"
    path.write_text(HEADER
                    + f"{seed_ids['$604']},reject,,,read from a related-links box\n"
                    + f"{seed_ids['$200 billion']},set,actor,USA,the sentence is about the United States\n"
                    + "fig-000000000000,reject,,,a row no run has\n"
                    + f"{seed_ids['$200 billion']},set,year,abc,not a year\n"
                    + f"{seed_ids['$604']},delete,,,not an action\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reviewed_run(tmp_path_factory, review_file):
    out = tmp_path_factory.mktemp("extract") / "out"
    result = cli("extract", "seeds", "--out", str(out), "--review", str(review_file))
    return out, result


def test_extract_with_a_review_rejects_and_corrects_before_the_checks(reviewed_run, seed_ids):
    out, result = reviewed_run
    assert result.returncode == 0, result.stderr
    figures = read(out / "figures.csv")
    assert "$604" not in {r["surface"] for r in figures}
    moved = [r for r in figures if r["surface"] == "$200 billion"]
    assert [(r["actor"], r["review"], r["actor_cue"]) for r in moved] == [("USA", "corrected", "review")]
    assert {r["review"] for r in figures if r["surface"] != "$200 billion"} == {""}
    check = read(out / "budget_check.csv")
    assert "$604" not in {r["surface"] for r in check}
    assert {r["actor"] for r in check if r["surface"] == "$200 billion"} == {"USA"}
    reviewed = read(out / "reviewed.csv")
    assert [(r["row_id"], r["action"], r["field"], r["old"], r["new"]) for r in reviewed] == [
        (seed_ids["$604"], "reject", "", "$604", ""), (seed_ids["$200 billion"], "set", "actor", "RUS", "USA")]


def test_bad_review_lines_are_problems_and_warnings_not_a_crash(reviewed_run, review_file):
    out, result = reviewed_run
    problems = [r for r in read(out / "problems.csv") if r["problem"].startswith("review_")]
    assert [(r["path"], r["problem"], r["detail"].split(":")[0]) for r in problems] == [
        (str(review_file), "review_unmatched", "line 4"), (str(review_file), "review_invalid", "line 5"),
        (str(review_file), "review_invalid", "line 6")]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:") and "review_" in line]
    assert len(warnings) == 3 and all(str(review_file) in line for line in warnings)


def test_every_row_has_an_id_and_a_review_state_and_articles_their_text_hash(reviewed_run):
    out, _ = reviewed_run
    for table, prefix in (("figures", "fig-"), ("exercises", "ex-"), ("quotes", "quo-")):
        rows = read(out / f"{table}.csv")
        assert rows and all(r["row_id"].startswith(prefix) for r in rows)
        assert {r["review"] for r in rows} <= {"", "confirmed", "corrected"}
    assert all(len(r["text_sha256"]) == 64 for r in read(out / "articles.csv"))


def test_the_review_gives_the_same_tables_in_batches_in_processes_as_build_tables(tmp_path, review_file,
                                                                                  reviewed_run):
    whole = tmp_path / "whole"
    write_tables(build_tables(SEEDS, review=review_file), whole)
    batched = tmp_path / "batched"
    extract_to_folder(SEEDS, batched, max_bytes=10**7, batch_size=1, review=review_file,
                      executor=lambda batches: reversed(list(in_processes(batches, 2))))
    for path in sorted(whole.glob("*.csv")):
        assert (batched / path.name).read_bytes() == path.read_bytes(), path.name
    out, _ = reviewed_run  # the command line's run (the corpus named "seeds": articles.csv's paths differ)
    for path in sorted(whole.glob("*.csv")):
        if path.name != "articles.csv":
            assert (out / path.name).read_bytes() == path.read_bytes(), path.name


def test_no_review_still_writes_an_empty_reviewed_table(tmp_path):
    extract_to_folder(SEEDS, tmp_path / "out", max_bytes=10**7)
    assert (tmp_path / "out" / "reviewed.csv").read_text(encoding="utf-8").startswith("row_id,table,action,")
    assert len(read(tmp_path / "out" / "reviewed.csv")) == 0


def test_an_unreadable_review_file_is_one_error_line_before_any_work(tmp_path):
    result = cli("extract", "seeds", "--out", str(tmp_path / "out"), "--review", str(tmp_path / "missing.csv"))
    assert result.returncode == 2 and "missing.csv" in result.stderr and "does not exist" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def grown_corpus(tmp_path_factory) -> Path:
    grown = tmp_path_factory.mktemp("grown") / "corpus"
    shutil.copytree(SEEDS, grown)
    (grown / f"{EXTRA_ID}.txt").write_text(EXTRA, encoding="utf-8")
    return grown


def test_diff_lists_only_the_new_articles_rows_and_a_run_against_itself_lists_nothing(tmp_path, grown_corpus):
    old, new = tmp_path / "old", tmp_path / "new"
    assert cli("extract", "seeds", "--out", str(old), "--quiet").returncode == 0
    assert cli("extract", str(grown_corpus), "--out", str(new), "--quiet").returncode == 0
    result = cli("diff", str(old), str(new), "--out", str(tmp_path / "changes"))
    assert result.returncode == 0, result.stderr
    changes = pd.read_csv(tmp_path / "changes" / "changes.csv", dtype=str, keep_default_na=False)
    assert set(changes["change"]) == {"added"} and set(changes["article_id"]) == {EXTRA_ID}
    added = {t: set(changes.loc[changes["table"] == t, "row_id"]) for t in ("figures", "exercises")}
    for table, ids in added.items():
        theirs = {r["row_id"] for r in read(new / f"{table}.csv") if r["article_id"] == EXTRA_ID}
        assert ids == theirs and ids, table
    assert f"({EXTRA_ID})" in result.stdout and "figures: " in result.stdout
    same = cli("diff", str(new), str(new))
    assert same.returncode == 0 and same.stdout.startswith("no changes")
    assert cli("diff", str(new), str(tmp_path / "nowhere")).returncode == 2


@pytest.fixture(scope="module")
def report_runs(tmp_path_factory, grown_corpus, review_file):
    """Two report runs (the small typed fixture notebook): the seeds, then the grown corpus with the review."""
    from analysis.report import run_report

    reports = tmp_path_factory.mktemp("reports")
    first = run_report(SEEDS, notebooks=[TYPED], reports_dir=reports, progress=lambda _: None)
    lines: list[str] = []
    second = run_report(grown_corpus, notebooks=[TYPED], reports_dir=reports, review=review_file,
                        progress=lines.append)
    return first, second, lines


def test_the_next_run_finds_the_last_and_its_landing_page_says_what_is_new(report_runs):
    first, second, _ = report_runs
    assert first.previous is None and "Since the last run" not in (first.out / "index.html").read_text("utf-8")
    assert second.previous == first.out
    page = (second.out / "index.html").read_text(encoding="utf-8")
    section = page.split('<h2 id="since-last-run">Since the last run</h2>', 1)[1].split("<h2", 1)[0]
    assert first.run_id in section and "1 new article: " + EXTRA_ID in section
    assert "figure no longer found: $604" in section  # the review rejected it in the second run
    assert "$200 billion (" in section and "RUS → USA" in section
    changes = pd.read_csv(second.out / "changes.csv", dtype=str, keep_default_na=False)
    assert EXTRA_ID in set(changes["article_id"])
    manifest = json.loads((second.out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["previous_run"] == str(first.out) and manifest["review"]["lines_applied"] == 2


def test_the_review_is_in_the_run_id_the_tables_and_the_warnings(report_runs, review_file, tmp_path):
    import hashlib

    from analysis.report import run_report

    first, second, lines = report_runs
    manifest = json.loads((second.out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["review"]["sha256"] == hashlib.sha256(review_file.read_bytes()).hexdigest()
    assert "$604" not in {r["surface"] for r in read(second.out / "tables" / "budget_check.csv")}
    assert len(read(second.out / "tables" / "reviewed.csv")) == 2
    assert sum("review_" in line for line in lines if line.startswith("warning:")) == 3
    edited = tmp_path / "review.csv"
    edited.write_bytes(review_file.read_bytes() + b"# one more comment\n")
    third = run_report(SEEDS, notebooks=[TYPED], out=tmp_path / "third", review=edited, previous=None,
                       progress=lambda _: None)
    plain = first.run_id.split("-")[1]
    assert third.run_id.split("-")[1] not in (plain, second.run_id.split("-")[1])


def test_the_since_section_escapes_what_it_shows():
    from analysis.report.landing import render_index

    page = render_index("20240101-00000000", "seeds", {}, None, since=["1 new article: x (<b>Title</b>)"],
                        previous="20231231-11111111")
    assert "&lt;b&gt;Title&lt;/b&gt;" in page and "<b>Title</b>" not in page
