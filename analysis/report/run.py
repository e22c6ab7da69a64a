"""Run notebooks with papermill: in parallel where that pays, one progress line each, stop on failure.

Each notebook is executed by papermill in its own kernel (the ``python3`` kernel of the
environment running this code), with ``cwd`` set to the folder the notebook lives in, so
relative paths in a ``parameters`` cell (``corpus: str = "../seeds"``) mean the same thing in
Jupyter, under nbval and here. The executed copy is then normalized so that the same inputs give
the same file: papermill's and nbclient's timing metadata and run-dependent paths are dropped,
and ids papermill or the widget manager draw at random are renumbered.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import nbformat

__all__ = ["KERNEL_NAME", "NotebookFailed", "NotebookResult", "check_kernel", "execute_one", "execute_all",
           "normalize_notebook"]

KERNEL_NAME = "python3"
CELL_TIMEOUT = 600  # seconds one cell may take before the notebook is failed
# Fixed for every kernel the runner starts: hash seeds (set and dict-of-str ordering in any
# output), and the date matplotlib writes into SVG/PDF metadata.
KERNEL_ENV = {"PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0"}
# The kernel's own log (not cell output), kept to critical messages: it would otherwise interleave
# with the progress lines ipykernel's start-up warning about unencrypted local TCP and, now and
# then, "ERROR | KeyboardInterrupt caught in kernel." (jupyter_client interrupts every kernel it shuts
# down, and the interrupt can land in a message handler). An error in a cell, a kernel that dies or
# a timeout still fails the notebook, and the runner reports it in one line.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]


class NotebookFailed(RuntimeError):
    """A notebook raised in one of its cells; the partial executed notebook is kept at ``output``."""

    def __init__(self, name: str, output: Path, cell: str, error: str):
        self.name, self.output, self.cell, self.error = name, output, cell, error
        super().__init__(f"notebook {name} failed in {cell}: {error} — the partial notebook, with the failing "
                         f"cell marked, is kept at {output}")


@dataclass(frozen=True)
class NotebookResult:
    name: str
    output: Path
    seconds: float
    error: dict[str, str] | None = None


def check_kernel() -> str:
    """The interpreter the ``python3`` kernel will run; raise if it is not this environment's."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    except NoSuchKernel:
        raise RuntimeError(f"no Jupyter kernel named {KERNEL_NAME!r}: install this environment's with "
                           f"{sys.executable} -m ipykernel install --sys-prefix --name {KERNEL_NAME}") from None
    exe = spec.argv[0]
    if exe in {"python", "python3", f"python{sys.version_info[0]}.{sys.version_info[1]}"}:
        return sys.executable  # jupyter_client substitutes the running interpreter
    if Path(exe).resolve() != Path(sys.executable).resolve():
        raise RuntimeError(f"the Jupyter kernel {KERNEL_NAME!r} ({spec.resource_dir}) runs {exe}, not this environment's "
                           f"{sys.executable}: reinstall it with {sys.executable} -m ipykernel install --sys-prefix "
                           f"--name {KERNEL_NAME}")
    return exe


# A widget model id: 32 hex digits, standing alone or after "IPY_MODEL_" (where \b would not see its start).
_HEX_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")


def _widget_id_order(nb: nbformat.NotebookNode, state: dict) -> list[str]:
    """The widget model ids in an order that does not depend on the ids themselves: breadth-first
    from the models the cell outputs display (in cell order), following each model's references in
    its own (deterministic) state; models nothing reaches come last, ordered by their content."""
    order: list[str] = []

    def visit(found: list[str]) -> None:
        queue = [m for m in found if m in state and m not in order]
        while queue:
            model = queue.pop(0)
            if model in order:
                continue
            order.append(model)
            queue += [m for m in _HEX_ID.findall(json.dumps(state[model], sort_keys=True)) if m in state]

    visit(_HEX_ID.findall(json.dumps([c.get("outputs", []) for c in nb.cells], sort_keys=True)))
    rest = [m for m in state if m not in order]
    rest.sort(key=lambda m: _HEX_ID.sub("", json.dumps(state[m], sort_keys=True)))
    for model in rest:
        visit([model])
    return order


def normalize_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run without the inputs changing (in place; also returned).

    - papermill's start/end times, durations and input/output paths (notebook and cell metadata);
    - nbclient's per-cell ``execution`` timestamps;
    - the random id papermill gives the cell it injects (set to ``injected-parameters``);
    - random widget model ids (renumbered in an order the ids do not decide, see :func:`_widget_id_order`).
    """
    meta = nb.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "input_path", "output_path"):
        meta.pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for key in ("start_time", "end_time", "duration"):
            cell.metadata.get("papermill", {}).pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state")
    if state:
        text = json.dumps(nb, sort_keys=True)
        mapping = {old: f"{i + 1:032x}" for i, old in enumerate(_widget_id_order(nb, state))}
        text = _HEX_ID.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)
        nb = nbformat.from_dict(json.loads(text))
    return nb


def _rewrite(path: Path) -> None:
    nb = normalize_notebook(nbformat.read(path, as_version=4))
    nbformat.write(nb, path)


def execute_one(source: str | os.PathLike, output: str | os.PathLike, parameters: Mapping[str, Any] | None = None,
                cwd: str | os.PathLike | None = None) -> NotebookResult:
    """Execute ``source`` into ``output`` with papermill; never raises for a failing cell.

    A failure is returned in ``error`` (cell and exception) and the partial notebook, papermill's
    error marker included, is written to ``output`` all the same.
    """
    import logging

    import papermill
    from papermill.exceptions import PapermillExecutionError

    logging.getLogger("papermill").setLevel(logging.WARNING)
    source, output = Path(source), Path(output)
    os.environ.update(KERNEL_ENV)
    started = time.perf_counter()
    error = None
    try:
        papermill.execute_notebook(str(source), str(output), parameters=dict(parameters or {}),
                                   kernel_name=KERNEL_NAME, cwd=str(cwd or source.parent), progress_bar=False,
                                   log_output=False, execution_timeout=CELL_TIMEOUT,
                                   extra_arguments=KERNEL_ARGS)
    except PapermillExecutionError as exc:
        first_line = next((line for line in (exc.source or "").splitlines() if line.strip()), "")
        error = {"cell": f"cell In [{exc.exec_count}] ({first_line.strip()[:60]})",
                 "error": f"{exc.ename}: {str(exc.evalue).splitlines()[0] if exc.evalue else ''}".rstrip(": ")}
    except Exception as exc:  # kernel died, timeout, unreadable notebook: still one line
        error = {"cell": "setup", "error": f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}
    if output.exists():
        _rewrite(output)
    return NotebookResult(source.stem, output, round(time.perf_counter() - started, 1), error)


def execute_all(jobs: list[tuple[Path, Path, dict[str, Any]]], workers: int = 1,
                progress: Callable[[NotebookResult], None] | None = None) -> list[NotebookResult]:
    """Execute ``(source, output, parameters)`` jobs, ``workers`` at a time; stop at the first failure.

    ``progress`` is called once per finished notebook. On a failure the notebooks not yet started
    are cancelled, those running are let finish, and :class:`NotebookFailed` is raised for the
    first that failed.
    """
    results: list[NotebookResult] = []

    def finished(result: NotebookResult) -> None:
        results.append(result)
        if progress:
            progress(result)
        if result.error:
            raise NotebookFailed(result.name, result.output, result.error["cell"], result.error["error"])

    if workers <= 1:
        for source, output, params in jobs:
            finished(execute_one(source, output, params))
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = {pool.submit(execute_one, *job) for job in jobs}
        failure = None
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: f.result().name):
                try:
                    finished(future.result())
                except NotebookFailed as exc:
                    failure = failure or exc
            if failure:
                for future in pending:
                    future.cancel()
                for future in wait(pending).done:
                    if not future.cancelled():
                        results.append(future.result())
                        if progress:
                            progress(future.result())
                raise failure
    order = {Path(job[0]).stem: i for i, job in enumerate(jobs)}
    return sorted(results, key=lambda r: order[r.name])
