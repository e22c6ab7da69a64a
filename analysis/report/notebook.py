"""What the report notebooks call besides the pipeline: set-up and showing a figure once.

>>> import matplotlib.figure
>>> show(matplotlib.figure.Figure(figsize=(2, 1)), display=lambda fig: None)
"""
from __future__ import annotations

from typing import Any, Callable

__all__ = ["setup", "show", "DETERMINISTIC_RC"]

# Same bytes for the same figure: a fixed SVG id salt, no creation date in SVG/PDF metadata.
DETERMINISTIC_RC = {"svg.hashsalt": "analysis-report", "svg.fonttype": "path", "figure.dpi": 100,
                    "savefig.dpi": 100}


def setup() -> None:
    """Display options every report notebook starts with: full tables, plain PNG figures."""
    import matplotlib
    import pandas as pd

    matplotlib.rcParams.update(DETERMINISTIC_RC)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.max_colwidth", 400)
    pd.set_option("display.width", 200)
    from analysis.report.numbers import number

    pd.set_option("display.float_format", number)  # 2021, 1,234.50: never 6.040000e+11 or 2,021.00
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png")
    except ImportError:  # outside IPython
        pass


def show(fig: Any, display: Callable[[Any], Any] | None = None) -> None:
    """Display ``fig`` once (as a PNG output) and close it, so the inline backend does not show it again."""
    import matplotlib.pyplot as plt

    if display is None:
        from IPython.display import display
    display(fig)
    plt.close(fig)
