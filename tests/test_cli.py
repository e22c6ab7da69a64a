"""The command line, run as a user runs it: a real subprocess of ``python -m analysis``."""
import csv
import subprocess
import sys
from pathlib import Path

from test_corpus import make_mixed_corpus

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_extract_seeds_writes_tables(tmp_path):
    result = run("extract", "seeds", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    articles = read(tmp_path / "articles.csv")
    assert [r["article_id"] for r in articles] == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    assert articles[1]["published"] == "2020-10-25"
    problems_csv = (tmp_path / "problems.csv").read_text(encoding="utf-8")
    assert problems_csv == "path,problem,detail\n"  # header even when empty


def test_extract_reports_bad_files_by_name_and_keeps_going(tmp_path):
    corpus = tmp_path / "corpus"
    make_mixed_corpus(corpus)
    result = run("extract", str(corpus), "--out", str(tmp_path / "out"), "--max-bytes", "4000")
    assert result.returncode == 0, result.stderr
    problems = read(tmp_path / "out" / "problems.csv")
    assert len(problems) == 7
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 7
    for name in ("empty.txt", "image.txt", "garbage.txt", "huge.txt", "unreadable.txt"):
        assert any(name in w for w in warnings), name
    assert len(read(tmp_path / "out" / "articles.csv")) == 7
    assert "Traceback" not in result.stderr


def test_missing_corpus_is_a_one_line_error(tmp_path):
    result = run("extract", str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no such file" in result.stderr


def test_corpus_with_nothing_loadable_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "no loadable article" in result.stderr and "Traceback" not in result.stderr


def test_help_documents_every_option():
    from analysis.cli import build_parser

    top = run("--help")
    assert top.returncode == 0 and "extract" in top.stdout
    parser = build_parser()
    commands = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in commands.choices.items():
        text = run(name, "--help").stdout
        for action in sub._actions:
            for flag in action.option_strings:
                assert flag in text, (name, flag)
            assert action.help, (name, action.dest)
