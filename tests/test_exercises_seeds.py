"""The seeds bar for the exercises extractor, scored the way ../shared/eval/score.py scores it.

Gold: tests/gold/seeds.json (12 exercises). Floors: F1 >= 0.9; participants, domains, locations,
name, year and status right on >= 90% of the matched; no provenance errors.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.extract.exercises import exercises_frame

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests" / "gold" / "seeds.json").read_text(encoding="utf-8"))
ATTRIBUTES = ("participants", "domains", "locations", "name", "year", "status")


def _norm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s or "")).lower().replace("’", "'").replace("‘", "'")
    return re.sub(r"[\s/_\-]+", " ", s).strip()


def _set(v) -> set[str]:
    return {_norm(x) for x in re.split(r"[;|]", str(v or "")) if _norm(x)}


@pytest.fixture(scope="module")
def scored():
    corpus = load_corpus(ROOT / "seeds")
    texts = {a.article_id: a.text for a in corpus.articles}
    rows = exercises_frame(corpus.articles).to_dict("records")
    used, tp, attr, errors = set(), 0, dict.fromkeys(ATTRIBUTES, 0), []
    for aid, g in GOLD.items():
        text = texts[aid]
        for ge in g.get("exercises", []):
            i = text.find(ge["surface"])
            gspan = (i, i + len(ge["surface"]))
            hit = next((k for k, r in enumerate(rows) if k not in used and r["article_id"] == aid and (
                (r["start"] < gspan[1] and gspan[0] < r["end"]) or
                (ge.get("name") and _norm(r["name"]) == _norm(ge["name"])))), None)
            if hit is None:
                errors.append(f"missed {aid}: {ge['surface']!r}")
                continue
            used.add(hit)
            tp += 1
            r = rows[hit]
            year = None if r["year"] is None or r["year"] != r["year"] else int(r["year"])
            checks = dict(participants=_set(r["participants"]) == _set(";".join(ge["participants"])),
                          domains=_set(r["domains"]) == _set(";".join(ge["domains"])),
                          locations=_set(r["locations"]) == _set(";".join(ge["locations"])),
                          name=_norm(r["name"]) == _norm(ge.get("name")),
                          year=year == ge.get("year"), status=r["status"] == ge["status"])
            for k, ok in checks.items():
                attr[k] += ok
                if not ok:
                    errors.append(f"{aid}: {ge['surface']!r} {k}: got {r[k]!r}")
    mine = [r for r in rows if r["article_id"] in GOLD]
    ngold = sum(len(g.get("exercises", [])) for g in GOLD.values())
    p, rc = tp / len(mine), tp / ngold
    prov = sum(texts[r["article_id"]][r["start"]:r["end"]] != r["surface"] for r in mine)
    extras = [f"extra {r['article_id']}: {r['surface']!r}" for k, r in enumerate(rows) if k not in used]
    return dict(f1=2 * p * rc / (p + rc) if p + rc else 0.0, attr={k: v / tp for k, v in attr.items()},
                prov=prov, errors=errors + extras)


def test_f1_floor(scored):
    assert scored["f1"] >= 0.9, scored["errors"]


@pytest.mark.parametrize("attribute", ATTRIBUTES)
def test_attribute_floor(scored, attribute):
    assert scored["attr"][attribute] >= 0.9, scored["errors"]


def test_no_provenance_errors(scored):
    assert scored["prov"] == 0


def test_current_score_is_perfect(scored):
    """The seeds are all right today; a change that loses one shows here before it breaks a floor."""
    assert scored["f1"] == 1.0 and all(v == 1.0 for v in scored["attr"].values()), scored["errors"]
