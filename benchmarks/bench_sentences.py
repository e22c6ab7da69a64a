"""Sentence splitting: our rules against pysbd, for agreement and speed on the seed bodies.

    .venv/bin/python benchmarks/bench_sentences.py [--repeat N]

Prints, per splitter, MB per CPU-second and the sentences where the two disagree, so the
choice in analysis/corpus/sentences.py can be re-checked when either changes.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from analysis import load_corpus
from analysis.corpus.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def body_lines(corpus):
    for article in corpus.articles:
        for line in article.lines:
            if line.zone == "body":
                yield article.text[line.start:line.end]


def rate(fn, lines, repeat):
    size = sum(len(s.encode("utf-8")) for s in lines) * repeat
    started = time.process_time()
    for _ in range(repeat):
        for line in lines:
            fn(line)
    spent = time.process_time() - started
    return size / 1e6 / spent if spent else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="passes over the seed text (default 50)")
    args = parser.parse_args()
    lines = list(body_lines(load_corpus(ROOT / "seeds")))
    ours = lambda text: [t for _, _, t in split_sentences(text)]  # noqa: E731
    print(f"rules : {rate(ours, lines, args.repeat):7.2f} MB per CPU-second")
    try:
        import pysbd
    except ImportError:
        print("pysbd : not installed (pip install pysbd==0.3.4 to compare)")
        return
    segmenter = pysbd.Segmenter(language="en", clean=False)
    theirs = lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]  # noqa: E731
    print(f"pysbd : {rate(theirs, lines, max(1, args.repeat // 25)):7.2f} MB per CPU-second")
    same = total = 0
    for line in lines:
        a, b = ours(line), theirs(line)
        total += 1
        same += a == b
        if a != b:
            print("  differ:\n    rules:", a, "\n    pysbd:", b)
    print(f"body lines split identically: {same}/{total}")


if __name__ == "__main__":
    main()
