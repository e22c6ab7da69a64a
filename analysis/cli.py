"""The command line: a thin shell over the library.

    python -m analysis extract CORPUS --out DIR [--review FILE]  # the tables, as CSV (an analyst's review applied)
    python -m analysis report [--corpus DIR] ...                 # the notebooks, run by papermill, plus tables
    python -m analysis diff OLD NEW [--out DIR]                  # what changed between two runs, row by row

Only argparse and the corpus's small record types are imported to build the parser: pandas, the
extractors and the report machinery (papermill, nbformat) load when a command runs, so ``--help`` is quick
and ``extract`` never loads the report's libraries.
"""
from __future__ import annotations

import argparse
import sys
import time

from analysis.corpus.model import DEFAULT_MAX_BYTES, CorpusError, Problem, warning_line
from analysis.pipeline.plan import DEFAULT_BATCH_SIZE  # standard library and the record types only

__all__ = ["main", "build_parser"]


def _print_problem(problem: Problem) -> None:
    print(warning_line(problem), file=sys.stderr)


def _executor(args: argparse.Namespace):
    from analysis.pipeline import executors

    if args.scheduler:
        return lambda batches: executors.on_dask(batches, args.scheduler)
    if args.jobs > 1:
        return lambda batches: executors.in_processes(batches, args.jobs)
    return None


def _extract(args: argparse.Namespace) -> int:
    from analysis.pipeline.executors import RunError, SchedulerUnreachable
    from analysis.pipeline.run import extract_to_folder

    started = time.perf_counter()
    try:
        counts = extract_to_folder(args.corpus, args.out, max_bytes=args.max_bytes,
                                   report=None if args.quiet else _print_problem, executor=_executor(args),
                                   batch_size=args.batch_size, review=args.review)
    except SchedulerUnreachable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except RunError as exc:
        print(f"error: {exc}; no tables written to {args.out}", file=sys.stderr)
        return 1
    if not args.quiet:
        listed = ", ".join(f"{n} {name}" for name, n in counts.items())
        print(f"wrote {len(counts)} tables to {args.out} ({listed}) in {time.perf_counter() - started:.1f}s",
              file=sys.stderr)
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


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
                    "warning line each on stderr); every other article is still processed. Articles are "
                    "read, extracted and written in batches, so memory does not grow with the corpus; the "
                    "tables are written to a temporary folder beside --out and moved into place at the end.")
    extract.add_argument("corpus", metavar="CORPUS", help="a folder of articles (.txt, .md, .html, .json, .jsonl "
                                                        "shards with one article a line, optional metadata.csv) "
                                                        "or one article file")
    extract.add_argument("--out", required=True, metavar="DIR", help="folder to write the CSV tables into "
                                                                    "(created if missing)")
    extract.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                         help=f"skip (and report) files larger than N bytes (default {DEFAULT_MAX_BYTES:,})")
    extract.add_argument("--jobs", type=_positive, default=1, metavar="N",
                         help="extract batches in N processes on this machine (default 1); same tables")
    extract.add_argument("--scheduler", metavar="tcp://HOST:PORT", default=None,
                         help="run the batches on the dask.distributed cluster whose scheduler is at this address "
                              "(workers need this package and the corpus at the same path); same tables")
    extract.add_argument("--batch-size", type=_positive, default=DEFAULT_BATCH_SIZE, metavar="N",
                         help=f"articles per batch (default {DEFAULT_BATCH_SIZE}); memory grows with it, not "
                              f"with the corpus")
    extract.add_argument("--review", metavar="FILE", default=None,
                         help="an analyst's review file (CSV: row_id, action, field, value, note) applied before "
                              "anything is derived: rejected rows leave the tables, set fields take the analyst's "
                              "value, reviewed.csv lists what was done; a bad line is a problems.csv row")
    extract.add_argument("--quiet", action="store_true", help="print nothing but errors")
    extract.set_defaults(run=_extract)

    from analysis.report.cli import DESCRIPTION, configure_parser

    report = commands.add_parser("report", help="run the report notebooks with papermill and write a run folder",
                                 description=DESCRIPTION)
    configure_parser(report)

    from analysis.review.cli import DIFF_DESCRIPTION, configure_diff_parser

    configure_diff_parser(commands.add_parser("diff", help="what changed between two output folders or report runs",
                                              description=DIFF_DESCRIPTION))
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
