"""Reference data (SIPRI, official budgets, exchange rates) and the checks against it.

>>> to_usd(1.0, "USD", 2021)
(1.0, 1.0, 'identity', 2021)
"""
from analysis.reference.checks import budget_check, combined_check
from analysis.reference.fx import rates, to_usd
from analysis.reference.series import reference_series

__all__ = ["budget_check", "combined_check", "rates", "reference_series", "to_usd"]
