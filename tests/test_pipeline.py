"""The streaming extract run: batches in one process, in a process pool and on a real Dask cluster give the
tables the in-memory build_tables gives, byte for byte; a lost batch or an unreachable scheduler is a clear
error that leaves no output folder behind."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.corpus.load import read_source
from analysis.pipeline.batch import run_batch
from analysis.pipeline.executors import RunError, in_process
from analysis.pipeline.plan import plan_corpus
from analysis.pipeline.run import extract_to_folder
from analysis.tables import build_tables, write_tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def run_cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, **kwargs)


def tables_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Seed copies as files, a JSON-lines shard whose ids are out of order (with a malformed line and an id a
    file already has), a sidecar and a file that cannot be read: every path a batch can take."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = []
    for i in range(14):
        text = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8")
        (folder / f"{i:03d}_{SEEDS[i % len(SEEDS)].stem.split('_', 1)[-1]}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    records = [{"id": f"s{i:03d}", "text": texts[i % len(texts)], "published": f"2021-0{1 + i % 9}-15"}
               for i in range(12)]
    random.Random(3).shuffle(records)
    lines = [json.dumps(r) for r in records]
    lines.insert(5, '{"id": "broken", "text": ')
    lines.append(json.dumps({"id": "003_" + SEEDS[3].stem.split("_", 1)[-1], "text": "A copy of an id."}))
    (folder / "shard.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("id,title\ns004,A title from the sidecar\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def expected(corpus, tmp_path_factory) -> dict[str, bytes]:
    """The tables as build_tables gives them from the whole corpus in memory."""
    out = tmp_path_factory.mktemp("expected")
    write_tables(build_tables(corpus), out)
    return tables_of(out)


def test_small_batches_give_the_tables_of_the_whole_corpus(corpus, expected, tmp_path):
    plan = plan_corpus(corpus, max_bytes=10**7, batch_size=3)
    assert len(plan.batches) > 5 and any(u.end is not None for b in plan.batches for u in b.units)  # shard cut
    counts = extract_to_folder(corpus, tmp_path / "out", max_bytes=10**7, batch_size=3)
    assert tables_of(tmp_path / "out") == expected
    assert counts["articles"] == 14 + 12 and counts["problems"] == 3  # empty file, broken line, duplicate id


def test_batches_in_any_order_give_the_same_tables(corpus, expected, tmp_path):
    def backwards(batches):
        yield from in_process(list(batches)[::-1])

    extract_to_folder(corpus, tmp_path / "out", max_bytes=10**7, batch_size=4, executor=backwards)
    assert tables_of(tmp_path / "out") == expected


def test_a_shard_read_in_parts_gives_what_the_whole_file_gives(corpus):
    plan = plan_corpus(corpus, max_bytes=10**7, batch_size=4)
    parts = [u for b in plan.batches for u in b.units if u.display.endswith("shard.jsonl")]
    assert len(parts) > 2 and parts[0].first_line == 1
    from analysis.pipeline.batch import _read_unit

    got_records, got_problems = [], []
    for unit in parts:
        records, problems = _read_unit(unit, 10**7)
        got_records += records
        got_problems += problems
    whole_records, whole_problems = read_source(corpus / "shard.jsonl", str(corpus / "shard.jsonl"))
    assert got_records == whole_records and got_problems == whole_problems


def test_jobs_2_gives_the_same_tables(corpus, expected, tmp_path):
    result = run_cli("extract", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "2", "--batch-size", "4")
    assert result.returncode == 0, result.stderr
    assert tables_of(tmp_path / "out") == expected
    assert sum(line.startswith("warning:") for line in result.stderr.splitlines()) == 3


def test_a_lost_batch_is_an_error_and_leaves_no_folder(corpus, tmp_path):
    def dies_after_one(batches):
        batches = iter(batches)
        yield run_batch(next(batches))
        raise RunError("a worker died")

    with pytest.raises(RunError, match="a worker died"):
        extract_to_folder(corpus, tmp_path / "out", max_bytes=10**7, batch_size=4, executor=dies_after_one)
    assert list(tmp_path.iterdir()) == []  # neither the output folder nor the temporary one


def test_a_failed_run_leaves_existing_tables_as_they_were(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "figures.csv").write_text("old\n", encoding="utf-8")

    def dies(batches):
        raise RunError("no worker")
        yield  # noqa: unreachable - makes this a generator

    with pytest.raises(RunError):
        extract_to_folder(corpus, out, max_bytes=10**7, executor=dies)
    assert [p.name for p in tmp_path.iterdir()] == ["out"] and (out / "figures.csv").read_text() == "old\n"


def test_help_and_extract_load_neither_pandas_for_help_nor_the_report_machinery(tmp_path):
    code = ("import sys\nfrom analysis.cli import build_parser, main\nbuild_parser()\n"
            "print(sorted(m for m in ('pandas', 'papermill', 'nbformat', 'matplotlib') if m in sys.modules))\n"
            f"main(['extract', 'seeds', '--out', {str(tmp_path / 'out')!r}, '--quiet'])\n"
            "print(sorted(m for m in ('papermill', 'nbformat', 'matplotlib') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "[]"]


@pytest.fixture(scope="module")
def review(corpus, tmp_path_factory) -> Path:
    """A review file for the test corpus: a figure whose text is in several articles rejected (every copy), one
    moved to another country, an exercise mention rejected (its event regrouped), a quote confirmed, and a line
    that matches nothing and one that does not fit."""
    tables = build_tables(corpus)
    figures, exercises, quotes = tables["figures"], tables["exercises"], tables["quotes"]
    shared = figures["row_id"].value_counts()
    many = shared[shared > 1].index[0]
    other = figures.loc[~figures["row_id"].isin([many]), "row_id"].iloc[0]
    path = tmp_path_factory.mktemp("review") / "review.csv"
    path.write_text("row_id,action,field,value,note\n"
                    f"{many},reject,,,in several articles\n{other},set,actor,USA,\n"
                    f"{exercises['row_id'].iloc[0]},reject,,,\n{quotes['row_id'].iloc[0]},confirm,,,\n"
                    "ex-000000000000,reject,,,\n"
                    f"{other},set,year,abc,\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expected_reviewed(corpus, review, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("expected_reviewed")
    write_tables(build_tables(corpus, review=review), out)
    return tables_of(out)


def test_a_review_gives_the_same_tables_in_batches_in_any_order(corpus, review, expected_reviewed, expected,
                                                                 tmp_path):
    extract_to_folder(corpus, tmp_path / "out", max_bytes=10**7, batch_size=1, review=review,
                      executor=lambda batches: reversed([run_batch(b) for b in batches]))
    got = tables_of(tmp_path / "out")
    assert got == expected_reviewed
    assert got["figures.csv"] != expected["figures.csv"] and got["events.csv"] != expected["events.csv"]
    assert got["reviewed.csv"].count(b"\n") > 5  # the rejected figure in each of its articles, and the others
    problems = got["problems.csv"].decode()
    assert "review_unmatched" in problems and "review_invalid" in problems


# ---- Dask: a real scheduler and worker processes ---------------------------------------------------------------

@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as local:
        with distributed.Client(local) as client:
            yield local, client


def test_dask_cluster_gives_the_same_tables(cluster, corpus, expected, tmp_path):
    local, _ = cluster
    result = run_cli("extract", str(corpus), "--out", str(tmp_path / "out"), "--scheduler", local.scheduler_address,
                     "--batch-size", "4")
    assert result.returncode == 0, result.stderr
    assert tables_of(tmp_path / "out") == expected


def test_dask_cluster_applies_a_review_as_build_tables_does(cluster, corpus, review, expected_reviewed, tmp_path):
    local, _ = cluster
    result = run_cli("extract", str(corpus), "--out", str(tmp_path / "out"), "--scheduler", local.scheduler_address,
                     "--batch-size", "3", "--review", str(review))
    assert result.returncode == 0, result.stderr
    assert tables_of(tmp_path / "out") == expected_reviewed
    assert result.stderr.count("warning: " + str(review)) == 2


def test_a_worker_killed_mid_run_still_gives_complete_tables(cluster, corpus, expected, tmp_path):
    local, client = cluster
    client.wait_for_workers(2, timeout=60)
    pids = client.run(os.getpid)
    process = subprocess.Popen([sys.executable, "-m", "analysis", "extract", str(corpus), "--out",
                                str(tmp_path / "out"), "--scheduler", local.scheduler_address, "--batch-size", "1"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and process.poll() is None and time.monotonic() < deadline:
        busy = [w for w, keys in client.processing().items() if any("analysis-batch" in str(k) for k in keys)]
        if busy and busy[0] in pids:
            os.kill(pids[busy[0]], signal.SIGKILL)  # the worker process, mid-batch (its nanny starts a new one)
            killed = busy[0]
        time.sleep(0.01)
    _, stderr = process.communicate(timeout=300)
    assert killed is not None, "the run ended before a worker could be killed"
    assert process.returncode == 0, stderr
    assert tables_of(tmp_path / "out") == expected


def test_an_unreachable_scheduler_is_a_one_line_error(corpus, tmp_path):
    result = run_cli("extract", str(corpus), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert list(tmp_path.iterdir()) == []


def test_a_new_folder_is_made_as_mkdir_makes_it_and_an_existing_one_keeps_other_files(corpus, expected, tmp_path):
    extract_to_folder(corpus, tmp_path / "new", max_bytes=10**7)
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o777 & ~umask
    existing = tmp_path / "existing"
    existing.mkdir()
    (existing / "notes.txt").write_text("mine", encoding="utf-8")
    (existing / "figures.csv").write_text("old\n", encoding="utf-8")
    extract_to_folder(corpus, existing, max_bytes=10**7)
    assert (existing / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert {k: v for k, v in tables_of(existing).items()} == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing", "new"]  # no temporary folder left


def test_one_more_streamed_extractor_is_one_registry_line(corpus, expected, monkeypatch, tmp_path):
    """A per-article table registered in STREAMED is written by the batched run like figures, byte for byte as
    build_tables gives it (here: the figures extractor registered a second time under another name)."""
    from analysis.pipeline import registry

    monkeypatch.setattr(registry, "STREAMED", registry.STREAMED + (registry.ArticleTable(
        "figures_again", "analysis.extract.figures:extract_figures", "analysis.extract.figures:figures_frame"),))
    counts = extract_to_folder(corpus, tmp_path / "out", max_bytes=10**7, batch_size=3)
    assert list(counts)[:6] == ["articles", "problems", "reviewed", "figures", "quotes", "figures_again"]
    got = tables_of(tmp_path / "out")
    assert got["figures.csv"] == expected["figures.csv"]
    # the new table has the figures' rows; row ids and the review column are only for the tables a review names
    import io

    import pandas as pd

    figures = pd.read_csv(io.BytesIO(got["figures.csv"]), dtype=str, keep_default_na=False)
    again = figures.drop(columns=["row_id", "review"]).to_csv(index=False, lineterminator="\n")
    assert got["figures_again.csv"].decode() == again


def test_rows_with_a_line_break_in_a_value_keep_their_article_ranges():
    import pandas as pd

    from analysis.pipeline.batch import _chunk

    frame = pd.DataFrame({"article_id": ["a", "a", "b", "c"], "start": [1, 2, 3, 4],
                          "sentence": ["one", 'two\n"lines"', "three", "four,\nfive"]})
    chunk = _chunk(frame)
    assert chunk.header == b"article_id,start,sentence\n"
    assert chunk.data == frame.to_csv(index=False, header=False, lineterminator="\n").encode()
    pieces = {a: chunk.data[s:e] for a, s, e, _ in chunk.spans}
    assert [(a, n) for a, _, _, n in chunk.spans] == [("a", 2), ("b", 1), ("c", 1)]
    for article_id in "abc":
        rows = frame[frame["article_id"] == article_id]
        assert pieces[article_id] == rows.to_csv(index=False, header=False, lineterminator="\n").encode()


def test_out_that_is_a_file_is_a_clear_error(corpus, tmp_path):
    (tmp_path / "out").write_text("x", encoding="utf-8")
    result = run_cli("extract", str(corpus), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and result.stderr.startswith("error: --out") and "Traceback" not in result.stderr
