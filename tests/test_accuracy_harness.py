"""``make accuracy`` (benchmarks/accuracy.py): it scores a development set end to end, and skips with a clear
message when the third-party texts are absent."""
from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "accuracy.py"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def make_set(folder: Path, with_texts: bool) -> None:
    (folder / "articles").mkdir(parents=True)
    text = "Budget news\n\nJapan's defence budget rose 6.5% to 7.9 trillion yen, the ministry said.\n"
    if with_texts:
        (folder / "articles" / "j1.txt").write_text(text, encoding="utf-8")
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "url", "title", "published", "outlet", "query", "sha256", "split"])
        w.writerow(["j1", "https://example.org/j1", "", "2023-12-22", "Example", "japan budget",
                    hashlib.sha256(text.encode()).hexdigest(), "dev"])
    gold = {"j1": {"title": [], "published": "2023-12-22", "exercises": [], "quotes": [], "figures": [
        {"surface": "6.5%", "value": 6.5, "unit": "percent_growth", "metric": "defence_budget", "actor": "JPN",
         "counterpart": None, "year": None},
        {"surface": "7.9 trillion yen", "value": 7.9e12, "unit": "JPY", "metric": "defence_budget", "actor": "JPN",
         "counterpart": None, "year": None}]}}
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")


def run(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), "--set", str(folder)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_skips_with_a_message_when_the_texts_are_absent(tmp_path):
    make_set(tmp_path, with_texts=False)
    result = run(tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("skip:"), result.stdout


def test_scores_a_set_and_prints_each_part(tmp_path):
    if not SCORER.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    make_set(tmp_path, with_texts=True)
    result = run(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "dev (1 articles)" in result.stdout and "holdout (0 articles)" in result.stdout
    assert "figures:   P 1.00 R 1.00 F1 1.00 strict-F1 1.00" in result.stdout, result.stdout
    assert (tmp_path / "articles" / "metadata.csv").read_text().count("2023-12-22") == 1
