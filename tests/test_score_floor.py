"""The shared scorer on the seeds, and on three corpora of wire-style probe articles, with floors CI will not
let drop (skipped without ../shared)."""
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


# Probe corpora written for this project (see tests/fixtures/probes/README.md): wire-1 and wire-2 are agency
# reports of joint exercises and patrols, defence-news is general defence reporting that holds few. Floors
# sit a little under what the extractor scores now, so a change that loses ground on text it was not tuned
# on shows up here; raise them when it gains.
PROBES = ROOT / "tests" / "fixtures" / "probes"
PROBE_FLOORS = {  # name: (exercise F1, participants, domains, locations, name, year, status)
    "wire-1": (0.86, 0.92, 0.75, 0.84, 0.95, 0.94, 0.94),
    "wire-2": (0.91, 0.80, 0.62, 0.76, 0.94, 0.94, 0.90),
    "defence-news": (0.64, 0.85, 0.65, 0.77, 0.85, 0.92, 0.92),
}


@pytest.mark.parametrize("name", sorted(PROBE_FLOORS))
def test_probe_corpus_floor(name, tmp_path):
    if not SCORER.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    corpus, gold = PROBES / name / "corpus", PROBES / name / "gold.json"
    write_tables(build_tables(corpus), tmp_path)
    result = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(tmp_path),
                             "--corpus", str(corpus), "--json"], capture_output=True, text=True, timeout=120)
    exercises = json.loads(result.stdout)["exercises"]
    f1, *attributes = PROBE_FLOORS[name]
    assert exercises["f1"] >= f1 and exercises["provenance_errors"] == 0, exercises
    got = exercises["attribute_accuracy"]
    floors = dict(zip(("participants", "domains", "locations", "name", "year", "status"), attributes))
    assert all(got[k] >= v for k, v in floors.items()), (got, floors)
