"""Analyst review that survives re-runs, and what changed since the last run.

- :func:`add_row_ids`: every figure, exercise and quote row gets a ``row_id`` built from its table, its
  article's text hash and its span, so the same row has the same id in every run.
- :func:`apply_review`: a review file (``row_id, action, field, value, note[, reviewer, date]``;
  actions ``reject``, ``set``, ``confirm``) applied to the tables before anything is derived from
  them; bad lines become ``problems`` rows, never exceptions. A run in batches uses :func:`load_review`,
  :func:`apply_lines` per batch and :func:`finish_review` at the end.
- :func:`append_review_line`: what the explorer calls to add a reject or a correction to the review file.
- :func:`diff_outputs` / :func:`summarise_changes`: what changed between two output folders
  (``extract`` folders or report runs), row by row; ``python -m analysis.review diff OLD NEW --out DIR``.
- :func:`since_last_run`: the facts a landing page states: new articles, new and changed figures,
  claims whose verdict changed, new events; :func:`previous_run` finds the run to compare with.
"""
from analysis._lazy import lazy_exports

#: name -> the module that defines it; loaded on first use, so ``python -m analysis --help`` (which mounts the
#: ``diff`` command from :mod:`analysis.review.cli`) does not import pandas
_WHERE = {
    **dict.fromkeys(("ACTIONS", "REVIEWED_COLUMNS", "Review", "apply_lines", "apply_review", "as_review",
                     "finish_review", "load_review", "unmatched_problems", "warning_line"), "apply"),
    **dict.fromkeys(("CHANGE_COLUMNS", "DiffError", "diff_outputs"), "diff"),
    **dict.fromkeys(("add_row_ids", "row_id", "sha_by_article", "text_sha256"), "ids"),
    **dict.fromkeys(("REVIEW_COLUMNS", "ReviewFileError", "ReviewLine", "append_review_line", "read_review"),
                    "reviewfile"),
    **dict.fromkeys(("SinceLastRun", "previous_run", "since_last_run", "summarise_changes"), "summary"),
}

__all__ = ["ACTIONS", "CHANGE_COLUMNS", "REVIEWED_COLUMNS", "REVIEW_COLUMNS", "DiffError", "Review",
           "ReviewFileError", "ReviewLine", "SinceLastRun", "add_row_ids", "append_review_line", "apply_lines",
           "apply_review", "as_review", "diff_outputs", "finish_review", "load_review", "previous_run", "read_review", "row_id",
           "sha_by_article", "since_last_run", "summarise_changes", "text_sha256", "unmatched_problems",
           "warning_line"]

__getattr__, __dir__ = lazy_exports(__name__, {name: f"analysis.review.{module}" for name, module in _WHERE.items()})
