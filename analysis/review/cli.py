"""``python -m analysis.review diff OLD NEW [--out DIR]``: what changed between two output folders.

A thin shell over :func:`analysis.review.diff.diff_outputs` and :func:`~analysis.review.summary.summarise_changes`,
built so ``python -m analysis`` can mount the same command (:func:`configure_diff_parser`).
Exit codes: 0 done (whether or not anything changed), 2 a folder is missing or holds no tables.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["DIFF_DESCRIPTION", "configure_diff_parser", "main", "run_diff"]

DIFF_DESCRIPTION = (
    "Compare two output folders (written by 'extract', or two report runs reports/<run-id>) row by row: "
    "figures, exercises and quotes rows added, removed or changed, matched by row_id. Prints a short summary "
    "and, with --out, writes changes.csv (table, row_id, change, field, old, new, article_id, surface).")


def run_diff(args: argparse.Namespace) -> int:
    """Run the diff the parsed ``args`` ask for; print the summary; return the exit code."""
    from analysis.review.diff import DiffError, diff_outputs
    from analysis.review.summary import summarise_changes

    try:
        changes = diff_outputs(args.old, args.new)
    except DiffError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        path = out / "changes.csv"
        changes.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        print(f"wrote {len(changes)} changes to {path}", file=sys.stderr)
    print(summarise_changes(changes))
    return 0


def configure_diff_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the diff arguments to ``parser`` (a subcommand's parser) and set it to run :func:`run_diff`."""
    parser.add_argument("old", metavar="OLD", help="the earlier output folder or report run")
    parser.add_argument("new", metavar="NEW", help="the later output folder or report run")
    parser.add_argument("--out", metavar="DIR", help="folder to write changes.csv into (created if missing)")
    parser.set_defaults(run=run_diff)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.review",
                                     description="Analyst review: what changed between two runs.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    configure_diff_parser(commands.add_parser("diff", help="what changed between two output folders",
                                              description=DIFF_DESCRIPTION))
    args = parser.parse_args(argv)
    return args.run(args)
