"""The report notebooks follow the house rules (STYLE.md): one tagged, typed, commented ``parameters``
cell; every other code cell only calls into ``analysis`` (no logic); stored executed, with outputs
free of run-dependent paths, clock times and memory addresses. And the docs match the code."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from analysis.report import find_notebooks, notebook_parameters
from analysis.report.cli import configure_parser

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = find_notebooks()
LOGIC = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.For, ast.While, ast.If, ast.IfExp, ast.With,
         ast.Try, ast.Lambda, ast.ListComp, ast.DictComp, ast.SetComp, ast.GeneratorExp)


def _code_cells(path: Path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_parameters_cell_first_among_code_cells(path):
    cells = _code_cells(path)
    tagged = [i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", [])]
    assert tagged == [0], f"{path.name}: the first code cell, and only it, is tagged 'parameters'"
    assert not any("injected-parameters" in c.metadata.get("tags", []) for c in cells), \
        f"{path.name}: stored with papermill's injected cell; refresh it with make notebooks"
    params = notebook_parameters(path)
    assert "corpus" in params, f"{path.name}: every notebook runs on its own from the corpus"
    for line in cells[0].source.splitlines():
        assert line.strip() == "" or line.lstrip().startswith("#") or (": " in line and " # " in line), \
            f"{path.name}: parameter line {line!r} needs a type annotation and a comment"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_other_code_cells_hold_no_logic(path):
    for cell in _code_cells(path)[1:]:
        tree = ast.parse(cell.source)
        found = [type(node).__name__ for node in ast.walk(tree) if isinstance(node, LOGIC)]
        assert not found, f"{path.name}: cell {cell.source[:40]!r} has {found}; move it into analysis/"
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                assert all(m.split(".")[0] == "analysis" for m in modules), \
                    f"{path.name}: imports {modules}; notebooks import only from analysis"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_executed_with_clean_outputs(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in (c for c in nb.cells if c.cell_type == "code"):
        assert cell.execution_count is not None, f"{path.name}: not executed; run make notebooks"
        for output in cell.outputs:
            assert output.output_type != "error", f"{path.name}: stored with an error; run make notebooks"
            assert not (output.output_type == "stream" and output.name == "stderr"), \
                f"{path.name}: stored with a warning on stderr: {output.text[:200]}"
    text = nbformat.writes(nb)
    for bad in (str(ROOT), "/tmp/", "/home/"):
        assert bad not in text, f"{path.name}: a run-dependent path {bad!r} in the stored notebook"
    assert not re.search(r"0x[0-9a-f]{8,}", text), f"{path.name}: a memory address in an output"
    assert not re.search(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d", text), f"{path.name}: a clock time in an output"
    assert "start_time" not in text and "iopub.status" not in text, f"{path.name}: timings stored"


SCHEDULING = ROOT / "docs" / "scheduling.md"


def test_every_report_option_is_in_the_scheduling_doc():
    import argparse

    doc = SCHEDULING.read_text(encoding="utf-8")
    parser = configure_parser(argparse.ArgumentParser())
    for action in parser._actions:
        longest = max(action.option_strings, key=len, default=None)
        if longest and longest != "--help":
            assert longest in doc, f"docs/scheduling.md does not mention {longest}"


def test_every_notebook_parameter_is_in_the_scheduling_doc():
    doc = SCHEDULING.read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        for name in notebook_parameters(path):
            assert f"`{name}`" in doc, f"docs/scheduling.md does not list {path.stem}'s parameter {name}"


# Money or counts in base units (604,000,000,000 / 604000000000 / 100,000.00) and missing values shown as such.
_RAW_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3}){3,}\b|(?<![\w-])\d{10,}\b|\b\d[\d,]*\.00\b(?!×)")
_MISSING_CELL = re.compile(r"<td>\s*(?:nan|NaN|None|&lt;NA&gt;|NaT)\s*</td>")
_READ_BY_PEOPLE = [p for p in NOTEBOOKS if p.stem[:2] in {"01", "02", "03", "04"}]


@pytest.mark.parametrize("path", _READ_BY_PEOPLE, ids=lambda p: p.stem)
def test_stored_outputs_show_readable_numbers(path):
    """What a reader sees (tables and printed text) has money in US$ bn / m, whole counts and blank gaps."""
    shown = []
    for cell in _code_cells(path):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            shown += [data.get("text/html", ""), output.get("text", "")]
            if "text/html" not in data:
                shown.append(data.get("text/plain", ""))
    text = "\n".join("".join(part) if isinstance(part, list) else part for part in shown)
    assert not _RAW_NUMBER.findall(text), f"{path.name}: {_RAW_NUMBER.findall(text)[:5]}"
    assert not _MISSING_CELL.findall(text), f"{path.name}: {_MISSING_CELL.findall(text)[:5]}"
