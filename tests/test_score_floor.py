"""The shared scorer on the seeds, with floors CI will not let drop (skipped without ../shared)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.tables import build_tables, write_tables

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    if not SCORER.exists() or not GOLD.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    out = tmp_path_factory.mktemp("seeds-tables")
    write_tables(build_tables(ROOT / "seeds"), out)
    result = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(out),
                             "--corpus", str(ROOT / "seeds"), "--json"], capture_output=True, text=True, timeout=120)
    return json.loads(result.stdout)


def test_figures_floor(summary):
    figures = summary["figures"]
    assert figures["strict_f1"] == 1.0, figures
    assert figures["provenance_errors"] == 0


def test_exercises_floor(summary):
    exercises = summary["exercises"]
    assert exercises["f1"] >= 0.9 and exercises["provenance_errors"] == 0, exercises
    assert min(exercises["attribute_accuracy"].values()) >= 0.9, exercises
