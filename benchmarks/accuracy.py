"""Accuracy on real reporting: extract the development set and score it with the shared scorer.

    .venv/bin/python benchmarks/accuracy.py [--set benchmarks/real-reporting] [--split all|dev|holdout]
                                            [--scorer ../shared/eval/score.py] [-v]

The set's texts are third-party and kept out of git (``articles/``, rebuilt from ``manifest.csv`` as
its README says). This writes the set's ``metadata.csv`` beside the texts from the manifest (publication
dates, titles, outlets, addresses), runs ``python -m analysis extract`` on them, and scores the tables
with ``score.py --unit listing`` on the whole set and on each part of the split the manifest records:
``dev`` (the articles whose errors we read while writing rules) and ``holdout`` (only ever scored). It
prints P/R/F1, strict-F1 and the exercise attribute accuracy per part. ``-v`` passes ``-v`` to the
scorer for the ``dev`` part only, so the held-out part's errors are never printed.

Exits 0 with a one-line ``skip:`` message when the texts or the scorer are absent.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SET = ROOT / "benchmarks" / "real-reporting"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SIDECAR_FIELDS = ("id", "title", "url", "outlet", "published", "date_precision", "author", "note")


def read_manifest(set_dir: Path) -> list[dict[str, str]]:
    with open(set_dir / "manifest.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def check_texts(rows: list[dict[str, str]], articles: Path) -> tuple[list[str], list[str]]:
    """(ids whose text is missing, ids whose text differs from the manifest's sha256)."""
    missing, changed = [], []
    for row in rows:
        path = articles / f"{row['id']}.txt"
        if not path.exists():
            missing.append(row["id"])
        elif row.get("sha256") and hashlib.sha256(path.read_bytes()).hexdigest() != row["sha256"]:
            changed.append(row["id"])
    return missing, changed


def write_sidecar(rows: list[dict[str, str]], articles: Path) -> None:
    """The loader's ``metadata.csv`` from the manifest: what the page's address and the search told us."""
    with open(articles / "metadata.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=SIDECAR_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({"id": row["id"], "title": row.get("title", ""), "url": row.get("url", ""),
                             "outlet": row.get("outlet", ""), "published": row.get("published", ""),
                             "date_precision": "", "author": "", "note": "from manifest.csv"})


def score(scorer: Path, gold: dict, ids: set[str], pred: Path, corpus: Path, tmp: Path, name: str,
          verbose: bool) -> dict:
    part = {k: v for k, v in gold.items() if k in ids}
    gold_path = tmp / f"gold-{name}.json"
    gold_path.write_text(json.dumps(part), encoding="utf-8")
    base = [sys.executable, str(scorer), "--gold", str(gold_path), "--pred", str(pred), "--corpus", str(corpus),
            "--unit", "listing"]
    if verbose:
        detail = subprocess.run(base + ["-v"], capture_output=True, text=True)
        print(detail.stdout.rstrip())
    result = subprocess.run(base + ["--json"], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"error: the scorer failed on the {name} part: {result.stderr.strip()[-400:]}")
    return json.loads(result.stdout)


def report(name: str, n_articles: int, s: dict) -> None:
    f, e = s["figures"], s["exercises"]
    attrs = ", ".join(f"{k} {v:.2f}" for k, v in e["attribute_accuracy"].items())
    print(f"{name} ({n_articles} articles)")
    print(f"  figures:   P {f['p']:.2f} R {f['r']:.2f} F1 {f['f1']:.2f} strict-F1 {f['strict_f1']:.2f}"
          f"  ({f['tp']}/{f['gold']} gold, {f['pred']} predicted, provenance errors {f['provenance_errors']})")
    print(f"  exercises: P {e['p']:.2f} R {e['r']:.2f} F1 {e['f1']:.2f}  ({e['tp']}/{e['gold']} gold,"
          f" {e['pred']} listed, provenance errors {e['provenance_errors']})")
    print(f"             attributes: {attrs}")
    q = s.get("quotes")
    if q and q["gold"]:
        print(f"  quotes:    P {q['p']:.2f} R {q['r']:.2f} F1 {q['f1']:.2f}  ({q['tp']}/{q['gold']} gold)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=DEFAULT_SET, help="the development set's folder")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--split", choices=("all", "dev", "holdout"), default="all", help="which parts to print")
    ap.add_argument("--out", type=Path, help="keep the extracted tables here (default: a temporary folder)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the dev part's misses and errors")
    a = ap.parse_args(argv)
    articles = a.set / "articles"
    if not a.scorer.exists():
        print(f"skip: no scorer at {a.scorer} (the shared evaluation kit is not beside this checkout)")
        return 0
    rows = read_manifest(a.set)
    missing, changed = check_texts(rows, articles)
    if len(missing) == len(rows):
        print(f"skip: the development set's texts are not in {articles} (third-party, kept out of git); "
              f"rebuild them as {a.set / 'README.md'} says")
        return 0
    if missing:
        print(f"warning: {len(missing)} of {len(rows)} texts missing, scored without them: {', '.join(missing)}")
    if changed:
        print(f"warning: {len(changed)} texts differ from the manifest's sha256: {', '.join(changed)}")
    gold = json.loads((a.set / "gold.json").read_text(encoding="utf-8"))
    present = {r["id"] for r in rows} - set(missing)
    parts = {"all": present,
             "dev": {r["id"] for r in rows if r.get("split") == "dev"} & present,
             "holdout": {r["id"] for r in rows if r.get("split") == "holdout"} & present}
    write_sidecar(rows, articles)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        pred = a.out or tmp / "tables"
        subprocess.run([sys.executable, "-m", "analysis", "extract", str(articles), "--out", str(pred), "--quiet"],
                       check=True, cwd=ROOT)
        names = ("all", "dev", "holdout") if a.split == "all" else (a.split,)
        for name in names:
            s = score(a.scorer, gold, parts[name], pred, articles, tmp, name, a.verbose and name == "dev")
            report(name, len(parts[name] & set(gold)), s)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
