"""Run the report notebooks with papermill and write a self-contained, reproducible run folder.

    from analysis.report import run_report
    run_report("seeds")            # -> reports/<YYYYMMDD>-<hash>/

A run folder holds one offline HTML page per notebook (code hidden), the executed notebooks, the
tables (CSV; Parquet and an Excel workbook too), the charts (PNG and SVG), the data dictionary of
every column, and ``manifest.json`` (run id, parameters, corpus file hashes, package versions,
seconds per notebook). ``python -m analysis report`` is the command-line shell over it.

The names below are imported on first use: papermill and nbformat take seconds to import, and
``python -m analysis extract`` or ``--help`` (which load this package for the ``report`` options)
never need them.
"""
from __future__ import annotations

from analysis._lazy import lazy_exports

__all__ = ["NOTEBOOKS_DIR", "NotebookFailed", "ParameterError", "ReportError", "RunSummary", "check_parameters",
           "find_notebooks", "notebook_parameters", "run_report"]

_HOMES = {"ParameterError": "analysis.report.params", "check_parameters": "analysis.report.params",
          "notebook_parameters": "analysis.report.params", "NotebookFailed": "analysis.report.run",
          "NOTEBOOKS_DIR": "analysis.report.runner", "ReportError": "analysis.report.runner",
          "RunSummary": "analysis.report.runner", "find_notebooks": "analysis.report.runner",
          "run_report": "analysis.report.runner"}

__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
