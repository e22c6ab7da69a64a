"""``python -m analysis report``: the command-line shell over :func:`analysis.report.run_report`.

The lead's ``analysis/cli.py`` adds the subcommand with :func:`configure_parser` and calls
:func:`run`. Exit codes: 0 done, 1 a notebook failed (partial notebook kept), 2 the run could not
start (unknown parameter, wrong type, missing corpus, existing run folder).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["DESCRIPTION", "configure_parser", "run"]

DESCRIPTION = (
    "Run every report notebook (notebooks/NN_*.ipynb) on CORPUS with papermill and write a run folder: one "
    "offline HTML page per notebook (code hidden), the executed notebooks, the tables (CSV, Parquet, Excel), "
    "the charts (PNG, SVG), data_dictionary.csv and manifest.json. Parameters are checked against each "
    "notebook's 'parameters' cell before anything runs; list them with "
    "'python -m papermill --help-notebook notebooks/NN_name.ipynb'.")


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the report options to ``parser`` (a subparser) and set ``run`` as its handler."""
    parser.description = parser.description or DESCRIPTION
    parser.add_argument("--corpus", default="seeds", metavar="DIR",
                        help="folder of articles (or one article file) every notebook reads (default: seeds)")
    parser.add_argument("--out", default=None, metavar="DIR",
                        help="run folder to write (default: reports/<run-id>, run-id = date + short hash of the "
                             "inputs and parameters)")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                        dest="parameters",
                        help="set a notebook parameter (repeatable); goes to every notebook that declares NAME; "
                             "VALUE is read as YAML for non-text parameters (2019, true, '[China, Russia]')")
    parser.add_argument("--parameters-file", metavar="YAML", default=None,
                        help="YAML mapping of parameter names to values; -p values win over it")
    parser.add_argument("--force", action="store_true",
                        help="overwrite the run folder if it already exists")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="notebooks run at once (default: 2 on two or more cores, else 1)")
    parser.add_argument("--notebooks", nargs="+", default=None, metavar="PATH",
                        help="notebooks to run: .ipynb files, or folders whose NN_name.ipynb notebooks run (default: "
                             "the repository's notebooks/)")
    parser.add_argument("--review", metavar="FILE", default=None,
                        help="an analyst's review file (CSV: row_id, action, field, value, note) applied to the tables "
                             "and by every notebook before anything is derived; also read from the 'review' "
                             "parameter (-p review FILE, or a parameters file); bad lines are problems and warnings")
    parser.add_argument("--previous", metavar="RUN", default="auto",
                        help="the run folder to compare with for the landing page's 'Since the last run' section "
                             "and changes.csv (default: the latest earlier run in reports/; 'none': no comparison)")
    parser.set_defaults(run=run)
    return parser


def _read_parameters_file(path: str) -> dict:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"--parameters-file {path}: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"--parameters-file {path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ValueError(f"--parameters-file {path}: expected a mapping of parameter names to values, e.g. "
                         f"'year_from: 2015'")
    return data


def _notebooks(paths: list[str]) -> list[Path]:
    from analysis.report import ReportError, find_notebooks

    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = find_notebooks(path)
            if not inside:
                raise ReportError(f"--notebooks {path}: no NN_name.ipynb notebooks in that folder")
            found += inside
        elif path.suffix == ".ipynb" and path.is_file():
            found.append(path)
        else:
            raise ReportError(f"--notebooks {path}: not a notebook (.ipynb) or a folder of them")
    return found


def _previous(value: str | None) -> str | None:
    return None if value is None or value.strip().lower() in ("", "none") else value


def run(args: argparse.Namespace) -> int:
    """Run the report for parsed ``args``; print one-line errors; return the exit code."""
    from analysis.corpus import CorpusError
    from analysis.report import NotebookFailed, ParameterError, ReportError, find_notebooks, run_report

    try:
        from_file = _read_parameters_file(args.parameters_file) if args.parameters_file else {}
        notebooks = _notebooks(args.notebooks) if args.notebooks else None
        run_report(args.corpus, out=args.out, parameters=dict(args.parameters or []), parameters_file=from_file,
                   force=args.force, notebooks=notebooks, workers=args.jobs, review=getattr(args, "review", None),
                   previous=_previous(getattr(args, "previous", "auto")))
    except (ParameterError, ReportError, ValueError, CorpusError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except NotebookFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (``python -m analysis.report.cli``) until the lead wires the subcommand."""
    parser = configure_parser(argparse.ArgumentParser(prog="python -m analysis report", description=DESCRIPTION))
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
