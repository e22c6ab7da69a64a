"""Score the quote extractor alone against a gold file, as ``../shared/eval/score.py`` scores quotes.

    .venv/bin/python benchmarks/quotes_accuracy.py seeds /work/shared/gold/seeds.json
    .venv/bin/python benchmarks/quotes_accuracy.py benchmarks/real-reporting/articles \
        benchmarks/real-reporting/gold.json --split dev -v
    .venv/bin/python benchmarks/quotes_accuracy.py ... --reported      # with reported speech
    .venv/bin/python benchmarks/quotes_accuracy.py ... --csv /tmp/q/quotes.csv   # also write the table

A gold quote is found when a row of its article holds the gold opening words and the gold
speaker's last word (the scorer's rule, after the scorer's normalisation). Precision counts every
row of a gold article. ``--split`` reads ``manifest.csv`` beside the articles folder; ``-v`` lists
misses and extra rows (use it on ``dev`` only). Also checks ``text[start:end] == quote`` and prints
the extractor's time.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import unicodedata
from pathlib import Path


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s or "")).lower().replace("’", "'").replace("‘", "'")
    return re.sub(r"[\s/_\-]+", " ", s).strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("gold")
    ap.add_argument("--split", choices=("dev", "holdout"))
    ap.add_argument("--reported", action="store_true", help="also extract reported speech")
    ap.add_argument("--keep-unattributed", action="store_true")
    ap.add_argument("--csv", help="write the quotes table here")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from analysis.corpus import load_corpus
    from analysis.extract.quotes import extract_quotes, quotes_frame

    gold = json.loads(Path(a.gold).read_text(encoding="utf-8"))
    if a.split:
        manifest = Path(a.corpus).parent / "manifest.csv"
        with manifest.open(encoding="utf-8") as f:
            keep = {r["id"] for r in csv.DictReader(f) if r["split"] == a.split}
        gold = {k: v for k, v in gold.items() if k in keep}
    corpus = load_corpus(a.corpus)
    articles = [art for art in corpus.articles if art.article_id in gold]
    t0 = time.process_time()
    rows = {art.article_id: extract_quotes(art, reported=a.reported, keep_unattributed=a.keep_unattributed)
            for art in articles}
    cpu = time.process_time() - t0
    bad = sum(art.text[q.start:q.end] != q.quote for art in articles for q in rows[art.article_id])
    tp = ngold = npred = 0
    for aid, g in gold.items():
        preds = rows.get(aid, [])
        npred += len(preds)
        used = set()
        for gq in g.get("quotes", []):
            ngold += 1
            last = _norm(gq["speaker"]).split()[-1]
            hits = [i for i, q in enumerate(preds) if _norm(gq["starts"]) in _norm(q.quote) and last in _norm(q.speaker)]
            tp += bool(hits)
            used.update(hits)
            if not hits and a.verbose:
                print(f"MISS {aid}: {gq['speaker']}: {gq['starts']!r}")
        if a.verbose:
            for i, q in enumerate(preds):
                if i not in used:
                    print(f"EXTRA {aid}: [{q.kind}] {q.speaker} ({q.cue}): {q.quote[:70]!r}")
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    mb = sum(len(art.text.encode("utf-8")) for art in articles) / 1e6
    print(f"quotes: P={p:.3f} R={r:.3f} F1={f1:.3f} tp={tp} pred={npred} gold={ngold} "
          f"offset_errors={bad} articles={len(articles)} cpu={cpu:.3f}s ({mb / cpu if cpu else 0:.2f} MB/s)")
    if a.csv:
        Path(a.csv).parent.mkdir(parents=True, exist_ok=True)
        quotes_frame(articles, lambda art: rows[art.article_id]).to_csv(a.csv, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
