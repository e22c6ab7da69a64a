"""The command line: a thin shell over the library.

    python -m analysis extract CORPUS --out DIR   # the tables, as CSV
    python -m analysis report [--corpus DIR] ...  # the notebooks, run by papermill, plus tables
"""
from __future__ import annotations

import argparse
import sys
import time

from analysis.corpus import DEFAULT_MAX_BYTES, CorpusError, Problem

__all__ = ["main", "build_parser"]


def _print_problem(problem: Problem) -> None:
    print(f"warning: {problem.path}: {problem.problem}: {problem.detail}", file=sys.stderr)


def _extract(args: argparse.Namespace) -> int:
    from analysis.tables import build_tables, write_tables

    started = time.perf_counter()
    tables = build_tables(args.corpus, max_bytes=args.max_bytes, report=None if args.quiet else _print_problem)
    paths = write_tables(tables, args.out)
    if not args.quiet:
        counts = ", ".join(f"{len(frame)} {name}" for name, frame in tables.items())
        print(f"wrote {len(paths)} tables to {args.out} ({counts}) in {time.perf_counter() - started:.1f}s",
              file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Analyst workbook for open-source defence reporting: extract figures and exercises "
                    "from news articles, check them against reference data, and run the report notebooks.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = commands.add_parser(
        "extract", help="load a corpus and write the extracted tables as CSV",
        description="Load the articles under CORPUS and write articles.csv, problems.csv and the extracted "
                    "tables to --out. Files that cannot be loaded become rows of problems.csv (and one "
                    "warning line each on stderr); every other article is still processed.")
    extract.add_argument("corpus", metavar="CORPUS", help="a folder of articles (.txt, .md, .html, .json, .jsonl, "
                                                        "optional metadata.csv) or one article file")
    extract.add_argument("--out", required=True, metavar="DIR", help="folder to write the CSV tables into "
                                                                    "(created if missing)")
    extract.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                         help=f"skip (and report) files larger than N bytes (default {DEFAULT_MAX_BYTES:,})")
    extract.add_argument("--quiet", action="store_true", help="print nothing but errors")
    extract.set_defaults(run=_extract)

    from analysis.report.cli import DESCRIPTION, configure_parser

    report = commands.add_parser("report", help="run the report notebooks with papermill and write a run folder",
                                 description=DESCRIPTION)
    configure_parser(report)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
