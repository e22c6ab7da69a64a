"""Reference data (SIPRI, official budgets, exchange rates) and the checks against it."""
