"""Run the report notebooks with papermill and write a self-contained, reproducible run folder.

    from analysis.report import run_report
    run_report("seeds")            # -> reports/<YYYYMMDD>-<hash>/

A run folder holds one offline HTML page per notebook (code hidden), the executed notebooks, the
tables (CSV; Parquet and an Excel workbook too), the charts (PNG and SVG), the data dictionary of
every column, and ``manifest.json`` (run id, parameters, corpus file hashes, package versions,
seconds per notebook). ``python -m analysis report`` is the command-line shell over it.
"""
from analysis.report.params import ParameterError, check_parameters, notebook_parameters
from analysis.report.run import NotebookFailed
from analysis.report.runner import NOTEBOOKS_DIR, ReportError, RunSummary, find_notebooks, run_report

__all__ = ["NOTEBOOKS_DIR", "NotebookFailed", "ParameterError", "ReportError", "RunSummary", "check_parameters",
           "find_notebooks", "notebook_parameters", "run_report"]
