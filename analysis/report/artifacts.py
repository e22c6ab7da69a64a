"""A run's tables (CSV, plus Parquet and an Excel workbook) and charts (PNG and SVG).

Tables come from :func:`analysis.tables.build_tables`, the same call the notebooks make, so the
report's CSV files and the notebooks' tables cannot differ. Charts are drawn by the chart
functions listed in :data:`CHARTS` (tables in, matplotlib Figure out) for each whose module and
input tables exist, and saved deterministically (fixed SVG id salt, no dates in metadata).
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Callable, Mapping

import pandas as pd

from analysis.charts import claimed_vs_reference_chart, combined_chart, save_figure, sipri_series_chart
from analysis.charts import map_figure, timeline_figure

__all__ = ["CHARTS", "available_charts", "write_charts", "write_extra_formats"]

# name -> (chart function, {keyword argument: table}). Each is drawn with its defaults, as the
# notebooks draw it with theirs; a chart whose input tables were not built is skipped.
CHARTS: dict[str, tuple[Callable, dict[str, str]]] = {
    "budget_claims_vs_reference": (claimed_vs_reference_chart, {"check": "budget_check"}),
    "combined_budgets": (combined_chart, {"combined": "combined_check"}),
    "sipri_series": (sipri_series_chart, {"claims": "budget_check"}),
    "exercise_timeline": (timeline_figure, {"events": "events"}),
    "exercise_map": (map_figure, {"events": "events"}),
}


def available_charts(tables: Mapping[str, pd.DataFrame]) -> dict[str, tuple[Callable, dict[str, str]]]:
    """The charts in :data:`CHARTS` whose input tables are in ``tables``."""
    return {name: chart for name, chart in CHARTS.items() if all(t in tables for t in chart[1].values())}


def write_charts(tables: Mapping[str, pd.DataFrame], out_dir: str | os.PathLike,
                 formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Draw every available chart from ``tables`` and save it as ``<name>.png`` and ``<name>.svg``."""
    import matplotlib
    import matplotlib.pyplot as plt

    from analysis.report.notebook import DETERMINISTIC_RC

    matplotlib.use("Agg")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (func, inputs) in available_charts(tables).items():
        with matplotlib.rc_context(DETERMINISTIC_RC):
            fig = func(**{arg: tables[t] for arg, t in inputs.items()})
        for fmt in formats:
            paths.append(save_figure(fig, out / f"{name}.{fmt}"))
        plt.close(fig)
    return paths


def write_extra_formats(tables: Mapping[str, pd.DataFrame], out_dir: str | os.PathLike) -> tuple[list[Path], list[str]]:
    """Each table as Parquet (``parquet/<name>.parquet``) and all in one workbook (``tables.xlsx``).

    Returns the paths written and one warning per format that could not be written (the CSV
    files stand either way).
    """
    out = Path(out_dir)
    paths, problems = [], []
    try:
        import pyarrow  # noqa: F401

        (out / "parquet").mkdir(parents=True, exist_ok=True)
        for name, frame in tables.items():
            path = out / "parquet" / f"{name}.parquet"
            frame.to_parquet(path, index=False)
            paths.append(path)
    except Exception as exc:  # a missing engine or a column Arrow cannot type
        problems.append(f"Parquet not written: {type(exc).__name__}: {exc}")
    try:
        import openpyxl  # noqa: F401

        path = out / "tables.xlsx"
        with warnings.catch_warnings(), pd.ExcelWriter(path, engine="openpyxl") as writer:
            warnings.simplefilter("ignore")
            for name, frame in tables.items():
                frame.to_excel(writer, sheet_name=name[:31], index=False)
        paths.append(path)
    except Exception as exc:  # e.g. control characters Excel refuses
        problems.append(f"Excel workbook not written: {type(exc).__name__}: {exc}")
    return paths, problems
