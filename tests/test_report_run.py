"""``python -m analysis report`` end to end on small fixture notebooks: the run folder, determinism,
refusing to overwrite, and a failing notebook (stops the run, one line naming notebook and cell,
partial notebook kept)."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import nbformat
import pytest

from analysis.report import NotebookFailed, ReportError, run_report
from analysis.report.cli import configure_parser, run
from analysis.report.export import export_html, remote_references
from analysis.report.run import normalize_notebook

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
TYPED = FIXTURES / "typed.ipynb"
BROKEN = FIXTURES / "broken.ipynb"


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """The typed fixture notebook run twice on the seeds, into two folders."""
    base = tmp_path_factory.mktemp("runs")
    lines: list[str] = []
    first = run_report(SEEDS, out=base / "a", notebooks=[TYPED], parameters={"year_from": "2019"}, progress=lines.append)
    second = run_report(SEEDS, out=base / "b", notebooks=[TYPED], parameters={"year_from": "2019"},
                        progress=lambda line: None)
    return first, second, lines


def test_a_run_writes_html_tables_charts_dictionary_and_manifest(two_runs):
    first, _, lines = two_runs
    out = first.out
    for name in ("typed.html", "notebooks/typed.ipynb", "tables/articles.csv", "tables/problems.csv",
                 "data_dictionary.csv", "manifest.json", "index.html"):
        assert (out / name).is_file(), name
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('<img src="data:image/png;base64,') >= 3 and 'href="typed.html"' in index
    assert "US$604 bn ($604)" in index and "2.06×" in index
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["run_id"] == first.run_id
    assert manifest["parameters"]["notebooks"]["typed"] == {"year_from": 2019, "corpus": "../../../seeds"}
    assert set(manifest["corpus_files"]) >= {"metadata.csv", "000_169e592f560a98f6.txt"}
    assert manifest["packages"]["papermill"] and manifest["packages"]["python"]
    assert manifest["notebooks"]["typed"]["seconds"] > 0
    assert any(line.strip().startswith("typed") and line.rstrip().endswith(" s") for line in lines)


def test_the_same_inputs_give_identical_tables_and_notebooks(two_runs):
    first, second, _ = two_runs
    assert first.run_id == second.run_id
    csvs = sorted(p.relative_to(first.out) for p in first.out.rglob("*.csv"))
    assert csvs
    for rel in [*csvs, Path("notebooks/typed.ipynb"), Path("typed.html")]:
        assert (first.out / rel).read_bytes() == (second.out / rel).read_bytes(), rel
    for rel in sorted(p.relative_to(first.out) for p in first.out.rglob("*.parquet")):
        assert (first.out / rel).read_bytes() == (second.out / rel).read_bytes(), rel


def test_the_executed_notebook_carries_no_timings_or_paths(two_runs):
    text = (two_runs[0].out / "notebooks" / "typed.ipynb").read_text(encoding="utf-8")
    for needle in ("start_time", "end_time", "duration", "iopub.execute_input", str(ROOT), "input_path"):
        assert needle not in text
    nb = nbformat.reads(text, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert [c["id"] for c in injected] == ["injected-parameters"]
    assert "year_from = 2019" in injected[0].source


def test_the_html_is_offline_with_the_code_hidden_but_the_parameters_shown(two_runs):
    html = (two_runs[0].out / "typed.html").read_text(encoding="utf-8")
    assert remote_references(html) == []
    assert "<script src=" not in html
    assert "year_from" in html  # the parameters cell stays visible
    assert "print(title" not in html  # other code is hidden
    assert "Exercises 2019 1.5 False" in html  # its output is shown


def test_an_existing_run_folder_is_not_overwritten_without_force(two_runs):
    first = two_runs[0]
    before = (first.out / "manifest.json").read_bytes()
    with pytest.raises(ReportError, match="already exists: pass --force"):
        run_report(SEEDS, out=first.out, notebooks=[TYPED], parameters={"year_from": "2019"}, progress=lambda _: None)
    assert (first.out / "manifest.json").read_bytes() == before


def test_force_does_not_delete_a_folder_that_is_not_a_run(tmp_path):
    (tmp_path / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ReportError, match="does not look like a report run"):
        run_report(SEEDS, out=tmp_path, notebooks=[TYPED], force=True, progress=lambda _: None)
    assert (tmp_path / "precious.txt").exists()


def test_a_failing_notebook_stops_the_run_and_keeps_the_partial_notebook(tmp_path):
    out = tmp_path / "run"
    with pytest.raises(NotebookFailed) as err:
        run_report(SEEDS, out=out, notebooks=[BROKEN], progress=lambda _: None)
    failure = err.value
    assert failure.name == "broken"
    assert "In [4]" in failure.cell and "if fail:" in failure.cell
    assert "ValueError: deliberate failure for the tests" in failure.error
    assert "\n" not in str(failure)
    partial = nbformat.read(out / "notebooks" / "broken.ipynb", as_version=4)
    code = [c for c in partial.cells if c.cell_type == "code"]
    assert any(o.get("output_type") == "error" for o in code[-2].outputs)  # the failing cell, with its traceback
    assert code[-1].execution_count is None  # the cell after it never ran
    assert not (out / "broken.html").exists() and not (out / "manifest.json").exists()


def test_a_failure_in_a_parallel_run_still_names_the_notebook(tmp_path):
    with pytest.raises(NotebookFailed, match=r"^notebook broken failed in cell In \[4\]"):
        run_report(SEEDS, out=tmp_path / "run", notebooks=[BROKEN, TYPED], workers=2, progress=lambda _: None)
    assert (tmp_path / "run" / "notebooks" / "broken.ipynb").exists()


def test_the_cli_prints_one_line_and_exits_1_for_a_failing_notebook(tmp_path, capsys):
    parser = configure_parser(argparse.ArgumentParser(prog="report"))
    args = parser.parse_args(["--corpus", str(SEEDS), "--out", str(tmp_path / "run"), "--notebooks", str(BROKEN)])
    assert run(args) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("error: notebook broken failed in cell In [4]")
    assert str(tmp_path / "run" / "notebooks" / "broken.ipynb") in err[-1]


def test_normalize_notebook_drops_timings_and_renumbers_widget_ids():
    nb = nbformat.v4.new_notebook()
    model = "0123456789abcdef0123456789abcdef"
    nb.metadata["papermill"] = {"start_time": "t", "end_time": "t", "duration": 1.0, "input_path": "/x",
                                "output_path": "/y", "parameters": {"a": 1}}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {model: {}}}}
    cell = nbformat.v4.new_code_cell("w")
    cell.metadata.update({"execution": {"iopub.status.busy": "t"}, "papermill": {"duration": 1.0, "status": "completed"},
                          "tags": ["injected-parameters"]})
    cell.outputs = [nbformat.v4.new_output("display_data", {"application/vnd.jupyter.widget-view+json":
                                                            {"model_id": model}})]
    nb.cells = [cell]
    clean = normalize_notebook(nb)
    assert clean.metadata["papermill"] == {"parameters": {"a": 1}}
    assert clean.cells[0].metadata["papermill"] == {"status": "completed"}
    assert "execution" not in clean.cells[0].metadata and clean.cells[0]["id"] == "injected-parameters"
    assert model not in json.dumps(clean) and f"{1:032x}" in json.dumps(clean)


def test_widget_ids_are_renumbered_the_same_whatever_ids_the_kernel_drew():
    def notebook(ids):
        root, child_a, child_b = ids
        nb = nbformat.v4.new_notebook()
        nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {
            root: {"state": {"children": [f"IPY_MODEL_{child_a}", f"IPY_MODEL_{child_b}"]}},
            child_a: {"state": {"value": "a"}}, child_b: {"state": {"value": "b"}}}}}
        cell = nbformat.v4.new_code_cell("w", id="widget-cell")
        cell.outputs = [nbformat.v4.new_output("display_data", {"application/vnd.jupyter.widget-view+json":
                                                                {"model_id": root}})]
        nb.cells = [cell]
        return json.dumps(normalize_notebook(nb), sort_keys=True)

    first = notebook(["f" * 32, "0" * 32, "9" * 32])
    second = notebook(["1" * 32, "e" * 32, "2" * 32])  # other ids, sorting the other way round
    assert first == second
    assert "IPY_MODEL_" + f"{2:032x}" in first and "f" * 32 not in first


def test_export_refuses_html_that_would_load_from_the_network(tmp_path, monkeypatch):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("hello")]
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    assert remote_references(export_html(path, tmp_path / "n.html").read_text(encoding="utf-8")) == []
    monkeypatch.setattr("analysis.report.export.remote_references", lambda html: ['<script src="https://x">'])
    with pytest.raises(RuntimeError, match="from the network"):
        export_html(path, tmp_path / "m.html")


def test_the_kernels_own_error_log_stays_off_the_report_output(tmp_path):
    # The arguments the runner starts kernels with keep the kernel's own log (not cell output) to
    # critical messages: an error it logs, such as "KeyboardInterrupt caught in kernel." when the
    # shutdown interrupt lands in a message handler, does not reach the report's output.
    from jupyter_client import KernelManager

    from analysis.report.run import KERNEL_ARGS, KERNEL_NAME

    log = tmp_path / "kernel.log"
    km = KernelManager(kernel_name=KERNEL_NAME)
    with open(log, "wb") as err:
        km.start_kernel(extra_arguments=KERNEL_ARGS, stderr=err)
        client = km.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            reply = client.execute_interactive(
                "from ipykernel.kernelapp import IPKernelApp\n"
                "IPKernelApp.instance().log.error('kernel-log-marker')", timeout=60)
            assert reply["content"]["status"] == "ok"
        finally:
            client.stop_channels()
            km.shutdown_kernel(now=True)
    assert "kernel-log-marker" not in log.read_text(errors="replace")
