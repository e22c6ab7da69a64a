"""Re-execute the stored notebooks in place (``make notebooks``), so their outputs match the code.

    python -m analysis.report.refresh                 # every notebooks/NN_*.ipynb
    python -m analysis.report.refresh 02_budgets      # just one (name, stem or path)

Each notebook runs with its own defaults (no injected parameters) from the ``notebooks/`` folder,
exactly as nbval runs it, and is normalized like a report run (no timings, no paths). A notebook
that fails is left as it was; its partial run is kept beside the temporary files and named.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from analysis.report.run import NotebookResult, execute_all
from analysis.report.runner import NOTEBOOKS_DIR, default_workers, find_notebooks

__all__ = ["refresh_notebooks", "main"]


def _select(names: list[str] | None, folder: Path) -> list[Path]:
    notebooks = find_notebooks(folder)
    if not names:
        return notebooks
    chosen = []
    for name in names:
        stem = Path(name).stem
        match = [p for p in notebooks if p.stem == stem or p.stem.split("_", 1)[0] == stem]
        if not match:
            raise SystemExit(f"error: no notebook {name!r} in {folder} (have: {', '.join(p.stem for p in notebooks)})")
        chosen += match
    return chosen


def refresh_notebooks(names: list[str] | None = None, folder: str | Path = NOTEBOOKS_DIR,
                      workers: int | None = None, say=lambda line: print(line, file=sys.stderr)) -> list[NotebookResult]:
    """Execute the chosen notebooks and replace each stored copy; raise NotebookFailed on the first failure."""
    folder = Path(folder)
    notebooks = _select(names, folder)
    scratch = Path(tempfile.mkdtemp(prefix="notebooks-refresh-"))
    jobs = [(nb, scratch / nb.name, {}) for nb in notebooks]
    results = execute_all(jobs, workers=workers or default_workers(len(jobs)),
                          progress=lambda r: say(f"  {r.name:<24} {r.seconds:6.1f} s" + ("  FAILED" if r.error else "")))
    for result, nb in zip(results, notebooks):
        shutil.copyfile(result.output, nb)
    shutil.rmtree(scratch, ignore_errors=True)
    say(f"refreshed {len(results)} notebook(s) in {folder}")
    return results


def main(argv: list[str] | None = None) -> int:
    from analysis.report.run import NotebookFailed

    try:
        refresh_notebooks(list(sys.argv[1:] if argv is None else argv))
    except NotebookFailed as exc:
        print(f"error: {exc}; the stored notebook was left unchanged", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
