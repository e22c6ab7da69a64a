"""The figure record and the table columns."""
from __future__ import annotations

from dataclasses import dataclass

FIGURE_COLUMNS = [
    "article_id", "start", "end", "surface", "sentence", "value", "unit", "value_usd", "usd_rate",
    "usd_rate_source", "usd_rate_year", "metric", "actor", "counterpart", "year", "qualifier", "flags",
    "metric_cue", "actor_cue",
]
METRICS = ("defence_budget", "arms_deal", "unit_price", "share_of_gdp", "force_count", "other_money")
NON_MONEY_UNITS = frozenset({"percent_gdp", "percent_growth", "count"})


def tidy(value: float) -> float:
    """``value`` to 12 significant digits: 4.1 x 1e9 is 4100000000.0 in the table, not 4099999999.9999995."""
    return float(f"{value:.12g}")


@dataclass(frozen=True)
class Figure:
    """One number an article reports, with its provenance and what it measures."""

    article_id: str
    start: int
    end: int
    surface: str
    sentence: str
    value: float
    unit: str
    metric: str
    actor: str | None = None
    counterpart: str | None = None
    year: int | None = None
    qualifier: str | None = None
    flags: tuple[str, ...] = ()
    metric_cue: str = ""  # the words that decided the metric ("defence line: military spending")
    actor_cue: str = ""  # the words that decided the actor ("for Finland", "nearest before: Japan")

    @property
    def is_money(self) -> bool:
        return self.unit not in NON_MONEY_UNITS

