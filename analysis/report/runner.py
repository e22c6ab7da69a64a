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
REVIEW_PARAMETER = "review"  # the analyst's review file: --review FILE, or -p review FILE / the parameters file


class ReportError(Exception):
    """The run cannot start (bad corpus, existing folder, kernel); the message names the next step."""


@dataclass
class RunSummary:
    run_id: str
    out: Path
    notebooks: list[NotebookResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    previous: Path | None = None  # the run the "Since the last run" section compares with


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
               progress: Callable[[str], None] | None = None, review: str | os.PathLike | None = None,
               previous: str | os.PathLike | None = "auto") -> RunSummary:
    """Run every report notebook on ``corpus`` and write the run folder; return what was done.

    ``parameters`` are command-line values (text, ``-p NAME VALUE``), ``parameters_file`` a YAML
    file's (typed); each goes to every notebook that declares it. Raises :class:`ParameterError`
    (unknown name, wrong type) or :class:`ReportError` before anything runs, and
    :class:`~analysis.report.run.NotebookFailed` if a notebook fails (its partial executed copy
    is kept in ``<out>/notebooks/``).

    ``review``: an analyst's review file (also accepted as the ``review`` parameter, so a parameters file
    can name it) applied to the tables and by every notebook that declares ``review``; its bytes' hash is
    part of the run id and the manifest; its bad lines are ``problems`` rows and warnings, never a failure.
    A review file that cannot be read at all stops the run before anything runs
    (:class:`~analysis.review.ReviewFileError`). ``previous``: the run to compare with for the landing page's
    "Since the last run" section and ``changes.csv`` (``"auto"``: the latest earlier run in the folder the run is
    written into, ``reports_dir`` unless ``out`` says otherwise;
    None or ``""``: none).
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
    parameters_file = {k: v for k, v in (parameters_file or {}).items() if k != REVIEW_PARAMETER}
    parameters = {k: v for k, v in (parameters or {}).items() if k != REVIEW_PARAMETER}
    review_path = _review_path(review if review not in (None, "") else given.get(REVIEW_PARAMETER))
    per_notebook = check_parameters(notebooks, parameters_file, parameters)
    declared = {nb.stem: nb for nb in notebooks}
    from analysis.report.params import notebook_parameters

    for nb in notebooks:  # the corpus, relative to the folder each notebook runs in
        if CORPUS_PARAMETER in notebook_parameters(nb):
            per_notebook[nb.stem][CORPUS_PARAMETER] = _from_notebook(corpus_path, nb)
        if review_path is not None and REVIEW_PARAMETER in notebook_parameters(nb):
            per_notebook[nb.stem][REVIEW_PARAMETER] = _from_notebook(review_path, nb)
    check_kernel()

    files = manifest.corpus_hashes(corpus_path)
    sources = {stem: manifest.notebook_hash(path) for stem, path in declared.items()}
    review_sha = manifest.file_hash(review_path) if review_path is not None else None
    rid = manifest.run_id(files, sources, per_notebook, review=review_sha)
    out_dir = Path(out) if out is not None else Path(reports_dir) / rid
    _prepare_out(out_dir, force)
    summary = RunSummary(rid, out_dir)

    # Tables first: the same build_tables call the notebooks make, the review applied before anything derived.
    from analysis.review import warning_line
    from analysis.tables import build_tables, write_tables

    def review_problem(problem) -> None:
        if problem.problem.startswith("review_"):
            summary.warnings.append(warning_line(problem).removeprefix("warning: "))

    tables = build_tables(corpus_path, review=review_path, report=review_problem)
    write_tables(tables, out_dir / "tables")
    _, problems = artifacts.write_extra_formats(tables, out_dir / "tables")
    summary.warnings += problems
    dictionary.write_dictionary(tables, out_dir / "data_dictionary.csv")
    missing = dictionary.undocumented(tables)
    if missing:
        summary.warnings.append("columns missing from analysis/data_dictionary.csv: "
                                + ", ".join(f"{t}.{c}" for t, c in missing))
    charts = artifacts.write_charts(tables, out_dir / "charts")
    since = _since_last_run(out_dir, previous, summary)

    # Notebooks, then one HTML page each.
    workers = workers or default_workers(len(notebooks))
    (out_dir / "notebooks").mkdir(exist_ok=True)
    jobs = [(nb, out_dir / "notebooks" / nb.name, per_notebook[nb.stem]) for nb in notebooks]
    say(f"running {len(jobs)} notebooks, {workers} at a time, into {out_dir}")
    summary.notebooks = execute_all(jobs, workers=workers,
                                    progress=lambda r: say(f"  {r.name:<24} {r.seconds:6.1f} s"
                                                           + ("  FAILED" if r.error else "")))
    pages = [export.export_html(r.output, out_dir / f"{r.name}.html") for r in summary.notebooks]
    _write_index(out_dir, rid, pages, tables, str(corpus), summary.warnings, since, summary.previous)
    for line in summary.warnings:
        say(f"warning: {line}")

    manifest.write_manifest(out_dir / "manifest.json", {
        "run_id": rid,
        "corpus": str(corpus),
        "corpus_files": files,
        "review": ({"path": str(review_path), "sha256": review_sha, "lines_applied": len(tables["reviewed"])}
                   if review_path is not None else None),
        "previous_run": str(summary.previous) if summary.previous is not None else None,
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


def _from_notebook(path: Path, nb: Path) -> str:
    """``path`` as a notebook parameter: relative to the notebook's folder, with forward slashes."""
    return Path(os.path.relpath(path.resolve(), nb.parent.resolve())).as_posix()


def _write_index(out_dir: Path, rid: str, pages: list[Path], tables, corpus: str, warnings: list[str],
                 since: list[str] | None = None, previous: Path | None = None) -> None:
    """The landing page (analysis.report.landing): summary, key charts inline, links to everything else."""
    from analysis.report.landing import write_index

    write_index(out_dir, rid, corpus, tables, pages, warnings, since=since,
                previous=previous.name if previous is not None else None)


def _review_path(review) -> Path | None:
    """The review file to apply (checked readable now, so a bad file stops the run before anything runs)."""
    if review is None or not str(review).strip():
        return None
    from analysis.review import load_review

    path = Path(str(review))
    load_review(path)  # raises ReviewFileError (a CorpusError: exit 2) naming the file
    return path


def _since_last_run(out_dir: Path, previous, summary: RunSummary) -> list[str] | None:
    """The "Since the last run" lines, and ``changes.csv`` written into the run, when there is a run to compare
    with (``previous``: a run folder, ``"auto"`` for the latest earlier one beside ``out_dir``, or None)."""
    from analysis.review import DiffError, diff_outputs, previous_run, since_last_run

    if previous is None or not str(previous).strip():
        return None
    # "auto": the latest earlier run beside this one (reports/ when --out is not given)
    prev = previous_run(out_dir.parent, out_dir) if str(previous) == "auto" else Path(previous)
    if prev is None:
        return None
    try:
        lines = since_last_run(prev, out_dir).lines()
        changes = diff_outputs(prev, out_dir)
    except DiffError as exc:
        summary.warnings.append(f"no 'Since the last run' section: {exc}")
        return None
    changes.to_csv(out_dir / "changes.csv", index=False, encoding="utf-8", lineterminator="\n")
    summary.previous = Path(prev)
    return lines
