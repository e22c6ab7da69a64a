"""Time on text that is not prose: the slow inputs a fuzzing pass found, each one article, timed
through article_from_text, extract_figures and extract_exercises (CPU seconds).

    .venv/bin/python benchmarks/bench_worst_cases.py

Each was once quadratic or worse in one sentence (a run of 32,000 dots took 37 s to split; 5,000
amounts in one line took 9 s to read). Runs of end marks are now read once, and a piece longer than
LONGEST_SENTENCE (analysis/corpus/sentences.py) is cut, so each grows linearly with the text; lines
of amounts stay the slowest (about 0.07 CPU-s per KB here). Not a test: the numbers depend on the machine.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.corpus import article_from_text  # noqa: E402
from analysis.extract.exercises import extract_exercises  # noqa: E402
from analysis.extract.figures import extract_figures  # noqa: E402

CASES = {
    "'.' * 32000": "." * 32000,
    "'!' * 12000": "!" * 12000,
    "'$1 ' * 5000": "$1 " * 5000,
    "'$1 in 2020 ' * 1000": "$1 in 2020 " * 1000,
    "'up 5% ' * 6000": "up 5% " * 6000,
    "'100,000 troops ' * 3300": "100,000 troops " * 3300,
    "'5% of GDP ' * 4900": "5% of GDP " * 4900,
    "'exercise ' * 5500": "exercise " * 5500,
    "'drills, ' * 4000": "drills, " * 4000,
    "'Vostok-2022 ' * 3000": "Vostok-2022 " * 3000,
    "'joint drills ' * 3800": "joint drills " * 3800,
    "'joint drills with ' + 'China and ' * 4900": "joint drills with " + "China and " * 4900,
}


def main() -> int:
    print(f"{'input':45s} {'KB':>5s} {'load':>6s} {'figures':>8s} {'exercises':>10s}  (CPU-s)")
    worst = 0.0
    for name, body in CASES.items():
        t0 = time.process_time()
        article = article_from_text("Title\n\n" + body, article_id="worst", published="2022-09-01")
        t1 = time.process_time()
        extract_figures(article)
        t2 = time.process_time()
        extract_exercises(article)
        t3 = time.process_time()
        worst = max(worst, t3 - t0)
        print(f"{name:45s} {len(body) / 1000:5.1f} {t1 - t0:6.2f} {t2 - t1:8.2f} {t3 - t2:10.2f}")
    print(f"slowest: {worst:.2f} CPU-s for one article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
