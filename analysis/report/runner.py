"""One report run, start to finish: check parameters, run notebooks, write tables, charts, HTML, manifest."""
from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from analysis.report import artifacts, dictionary, export, manifest
from analysis.report.params import ParameterError, check_parameters
from analysis.report.run import NotebookResult, check_kernel, execute_all

__all__ = ["NOTEBOOKS_DIR", "ReportError", "RunSummary", "find_notebooks", "run_report", "default_workers"]

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
CORPUS_PARAMETER = "corpus"


class ReportError(Exception):
    """The run cannot start (bad corpus, existing folder, kernel); the message names the next step."""


@dataclass
class RunSummary:
    run_id: str
    out: Path
    notebooks: list[NotebookResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_notebooks(folder: str | os.PathLike = NOTEBOOKS_DIR) -> list[Path]:
    """The report notebooks in ``folder``: ``NN_name.ipynb``, in name order."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def default_workers(n_notebooks: int) -> int:
    """Notebooks run two at a time on two or more cores (measured faster on 2 cores), else one by one."""
    return max(1, min(2, os.cpu_count() or 1, n_notebooks))


def _is_run_folder(path: Path) -> bool:
    return (path / "manifest.json").exists() or (path / "notebooks").is_dir()


def _prepare_out(out: Path, force: bool) -> None:
    if out.exists() and any(out.iterdir()):
        if not force:
            raise ReportError(f"{out} already exists: pass --force to overwrite it, or --out another folder")
        if not _is_run_folder(out):
            raise ReportError(f"{out} is not empty and does not look like a report run (no manifest.json or "
                              f"notebooks/); refusing to overwrite it even with --force: choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def run_report(corpus: str | os.PathLike = "seeds", out: str | os.PathLike | None = None,
               parameters: Mapping[str, str] | None = None, parameters_file: Mapping[str, Any] | None = None,
               force: bool = False, notebooks: list[Path] | None = None, workers: int | None = None,
               reports_dir: str | os.PathLike = "reports",
               progress: Callable[[str], None] | None = None) -> RunSummary:
    """Run every report notebook on ``corpus`` and write the run folder; return what was done.

    ``parameters`` are command-line values (text, ``-p NAME VALUE``), ``parameters_file`` a YAML
    file's (typed); each goes to every notebook that declares it. Raises :class:`ParameterError`
    (unknown name, wrong type) or :class:`ReportError` before anything runs, and
    :class:`~analysis.report.run.NotebookFailed` if a notebook fails (its partial executed copy
    is kept in ``<out>/notebooks/``).
    """
    say = progress or (lambda line: print(line, file=sys.stderr))
    started = time.perf_counter()
    corpus_path = Path(corpus)
    if not corpus_path.exists():
        raise ReportError(f"corpus {corpus}: no such file or folder (pass --corpus DIR)")
    notebooks = list(notebooks) if notebooks is not None else find_notebooks()
    if not notebooks:
        raise ReportError(f"no notebooks (NN_name.ipynb) in {NOTEBOOKS_DIR}")
    given = {**(parameters_file or {}), **(parameters or {})}
    if CORPUS_PARAMETER in given:
        raise ParameterError(f"parameter '{CORPUS_PARAMETER}' is set by --corpus DIR, not -p or a parameters file")
    per_notebook = check_parameters(notebooks, parameters_file, parameters)
    declared = {nb.stem: nb for nb in notebooks}
    from analysis.report.params import notebook_parameters

    for nb in notebooks:  # the corpus, relative to the folder each notebook runs in
        if CORPUS_PARAMETER in notebook_parameters(nb):
            per_notebook[nb.stem][CORPUS_PARAMETER] = Path(os.path.relpath(corpus_path.resolve(),
                                                                           nb.parent.resolve())).as_posix()
    check_kernel()

    files = manifest.corpus_hashes(corpus_path)
    sources = {stem: manifest.notebook_hash(path) for stem, path in declared.items()}
    rid = manifest.run_id(files, sources, per_notebook)
    out_dir = Path(out) if out is not None else Path(reports_dir) / rid
    _prepare_out(out_dir, force)
    summary = RunSummary(rid, out_dir)

    # Tables first: the same build_tables call the notebooks make.
    from analysis.tables import build_tables, write_tables

    tables = build_tables(corpus_path)
    write_tables(tables, out_dir / "tables")
    _, problems = artifacts.write_extra_formats(tables, out_dir / "tables")
    summary.warnings += problems
    dictionary.write_dictionary(tables, out_dir / "data_dictionary.csv")
    missing = dictionary.undocumented(tables)
    if missing:
        summary.warnings.append("columns missing from analysis/data_dictionary.csv: "
                                + ", ".join(f"{t}.{c}" for t, c in missing))
    charts = artifacts.write_charts(tables, out_dir / "charts")

    # Notebooks, then one HTML page each.
    workers = workers or default_workers(len(notebooks))
    (out_dir / "notebooks").mkdir(exist_ok=True)
    jobs = [(nb, out_dir / "notebooks" / nb.name, per_notebook[nb.stem]) for nb in notebooks]
    say(f"running {len(jobs)} notebooks, {workers} at a time, into {out_dir}")
    summary.notebooks = execute_all(jobs, workers=workers,
                                    progress=lambda r: say(f"  {r.name:<24} {r.seconds:6.1f} s"
                                                           + ("  FAILED" if r.error else "")))
    pages = [export.export_html(r.output, out_dir / f"{r.name}.html") for r in summary.notebooks]
    _write_index(out_dir, rid, pages, tables, str(corpus), summary.warnings)
    for line in summary.warnings:
        say(f"warning: {line}")

    manifest.write_manifest(out_dir / "manifest.json", {
        "run_id": rid,
        "corpus": str(corpus),
        "corpus_files": files,
        "parameters": {"given": {k: str(v) for k, v in (parameters or {}).items()},
                       "file": dict(parameters_file or {}), "notebooks": per_notebook},
        "notebooks": {r.name: {"seconds": r.seconds, "source_sha256": sources[r.name],
                               "executed": f"notebooks/{r.output.name}", "html": f"{r.name}.html"}
                      for r in summary.notebooks},
        "workers": workers,
        "tables": {name: {"rows": len(frame), "csv": f"tables/{name}.csv"} for name, frame in tables.items()},
        "charts": sorted(p.relative_to(out_dir).as_posix() for p in charts),
        "packages": manifest.package_versions(),
        "warnings": summary.warnings,
        "seconds": round(time.perf_counter() - started, 1),
    })
    say(f"wrote {out_dir} in {time.perf_counter() - started:.1f} s")
    return summary


def _write_index(out_dir: Path, rid: str, pages: list[Path], tables, corpus: str, warnings: list[str]) -> None:
    """The landing page (analysis.report.landing): summary, key charts inline, links to everything else."""
    from analysis.report.landing import write_index

    write_index(out_dir, rid, corpus, tables, pages, warnings)
