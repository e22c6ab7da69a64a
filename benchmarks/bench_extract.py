"""Speed and memory as a user meets them, then per stage; against quantulum3 on the same text.

    .venv/bin/python benchmarks/bench_extract.py [--articles 2000] [--memory-articles 8000] [--repeat 5]
                                                 [--quantulum-sample 50]

First, end to end: the command a user runs, ``python -m analysis extract CORPUS --out DIR``, on ``--articles``
copies of the seed articles (varied ids), its CPU (user + sys of the process and its children, as
``/usr/bin/time`` counts them) as MB per CPU-second and its peak RSS; the same command on
``--memory-articles`` copies for peak RSS (memory must not grow with the corpus: within 1.25x and under
400 MB); and the CPU of ``python -m analysis --help`` against ``python -c "import pandas"`` (best of three).
Then, stage by stage, in CPU seconds (``time.process_time``), in this process:
``load_corpus`` + ``extract_figures`` + ``extract_exercises`` over all of
them (load + extract), then, reported beside it, the exercise table
with its event ids and the merge into events (``mentions_frame`` + ``events_frame``), and quantulum3's ``parser.parse`` over
a sample of the same articles, scaled per MB. Prints MB per CPU-second, articles/s, peak RSS and
whether the targets are met (>= 5 MB/CPU-s end to end, >= 50x quantulum3, peak RSS <= 1 GB).
The extractors run as ``build_tables`` runs them, with the loaded corpus left out of garbage
collections (``analysis._gc``). Each stage is timed ``--repeat`` times and its fastest run reported (as ``timeit`` does): what else
the machine is doing only ever adds time. Not a test: the numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import load_corpus  # noqa: E402
from analysis._gc import heap_frozen  # noqa: E402
from analysis.extract.events import events_frame  # noqa: E402
from analysis.extract.exercises import extract_exercises, mentions_frame  # noqa: E402
from analysis.extract.figures import extract_figures  # noqa: E402

TARGET_MB_PER_CPU_S = 5.0
TARGET_END_TO_END = 4.0  # MB per CPU-second, the whole extract command
TARGET_VS_QUANTULUM = 50.0
TARGET_RSS_MB = 1024.0
TARGET_RSS_GROWTH = 1.25  # peak RSS on --memory-articles / on --articles
TARGET_RSS_LARGE_MB = 400.0
TARGET_HELP_VS_PANDAS = 1.5


def run_measured(args: list[str]) -> tuple[float, float, int]:
    """Run a command; return (CPU seconds: user + sys of it and its children, peak RSS in MB, exit code)."""
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode


def end_to_end(articles: int, memory_articles: int) -> dict:
    """The extract command on corpora of seed copies, and --help against importing pandas."""
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in dict.fromkeys([articles, memory_articles]):
            if n <= 0:
                continue
            folder = Path(tmp) / f"corpus-{n}"
            folder.mkdir()
            nbytes = build_corpus(folder, n)
            cpu, rss, code = run_measured([sys.executable, "-m", "analysis", "extract", str(folder), "--out",
                                           str(Path(tmp) / f"out-{n}"), "--quiet"])
            if code != 0:
                raise SystemExit(f"extract failed on {n} articles (exit {code})")
            out[n] = (nbytes / 1e6, cpu, rss)
    best = lambda args: min(run_measured(args)[0] for _ in range(3))  # noqa: E731
    out["pandas"] = best([sys.executable, "-c", "import pandas"])
    out["help"] = best([sys.executable, "-m", "analysis", "--help"])
    out["extract help"] = best([sys.executable, "-m", "analysis", "extract", "--help"])
    return out


def build_corpus(folder: Path, n: int) -> int:
    """Write n articles (the seeds, round-robin, with varied ids); return the bytes written."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    total = 0
    for i in range(n):
        src = seeds[i % len(seeds)]
        data = src.read_bytes()
        (folder / f"{i:05d}_{src.stem.split('_', 1)[-1]}.txt").write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5, help="time each stage this many times, report the fastest")
    ap.add_argument("--memory-articles", type=int, default=8000,
                    help="a second, larger corpus for the peak-RSS comparison (0: skip)")
    ap.add_argument("--quantulum-sample", type=int, default=50)
    args = ap.parse_args(argv)

    e2e = end_to_end(args.articles, args.memory_articles)
    mb, cpu, rss = e2e[args.articles]
    e2e_rate = mb / cpu
    print(f"end to end: python -m analysis extract on {args.articles} seed copies ({mb:.2f} MB): "
          f"{cpu:.2f} CPU-s = {e2e_rate:.2f} MB/CPU-s, peak RSS {rss:.0f} MB; "
          f"target >= {TARGET_END_TO_END} MB/CPU-s: {'met' if e2e_rate >= TARGET_END_TO_END else 'NOT met'}")
    ok = e2e_rate >= TARGET_END_TO_END
    if args.memory_articles > 0 and args.memory_articles != args.articles:
        big_mb, big_cpu, big_rss = e2e[args.memory_articles]
        growth = big_rss / rss
        met = growth <= TARGET_RSS_GROWTH and big_rss < TARGET_RSS_LARGE_MB
        print(f"memory:     {args.memory_articles} seed copies ({big_mb:.2f} MB): peak RSS {big_rss:.0f} MB = "
              f"{growth:.2f}x the {args.articles}-article peak ({big_cpu:.2f} CPU-s, {big_mb / big_cpu:.2f} MB/CPU-s); "
              f"target <= {TARGET_RSS_GROWTH}x and < {TARGET_RSS_LARGE_MB:.0f} MB: {'met' if met else 'NOT met'}")
        ok = ok and met
    help_ratio = max(e2e["help"], e2e["extract help"]) / e2e["pandas"]
    print(f"start-up:   --help {e2e['help']:.2f} CPU-s, extract --help {e2e['extract help']:.2f} CPU-s, "
          f"import pandas {e2e['pandas']:.2f} CPU-s ({help_ratio:.2f}x); target <= {TARGET_HELP_VS_PANDAS}x: "
          f"{'met' if help_ratio <= TARGET_HELP_VS_PANDAS else 'NOT met'}")
    ok = ok and help_ratio <= TARGET_HELP_VS_PANDAS
    print("stages (in this process):")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        nbytes = build_corpus(folder, args.articles)
        mb = nbytes / 1e6

        t_load = t_fig = t_ex = t_ev = float("inf")
        for _ in range(max(1, args.repeat)):
            corpus = mentions = None  # one corpus alive at a time, so peak RSS is one run's
            t0 = time.process_time()
            corpus = load_corpus(folder)
            t_load = min(t_load, time.process_time() - t0)
            n_fig = 0
            with heap_frozen():  # as build_tables runs the extractors
                t0 = time.process_time()
                for article in corpus.articles:
                    n_fig += len(extract_figures(article))
                t_fig = min(t_fig, time.process_time() - t0)
                t0 = time.process_time()
                mentions = [m for article in corpus.articles for m in extract_exercises(article)]
                n_ex = len(mentions)
                t_ex = min(t_ex, time.process_time() - t0)
            t0 = time.process_time()
            n_ev = len(events_frame(mentions_frame(mentions)))
            t_ev = min(t_ev, time.process_time() - t0)
        total = t_load + t_fig + t_ex
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        sample = corpus.articles[:args.quantulum_sample]
        q_rate = None
        try:
            from quantulum3 import parser as qparser
        except ImportError:
            qparser = None
        if qparser is not None and sample:
            qparser.parse("warm up: $5 billion")  # loads its models outside the timing
            q_bytes = sum(len(a.text.encode("utf-8")) for a in sample)
            t0 = time.process_time()
            for a in sample:
                qparser.parse(a.text)
            q_cpu = time.process_time() - t0
            q_rate = (q_bytes / 1e6) / q_cpu

    rate = mb / total
    fig_rate = mb / t_fig
    print(f"corpus: {len(corpus.articles)} articles, {mb:.2f} MB, {len(corpus.problems)} problems; "
          f"fastest of {max(1, args.repeat)} runs per stage")
    print(f"load_corpus:      {t_load:7.2f} CPU-s  ({mb / t_load:6.1f} MB/CPU-s)")
    print(f"extract_figures:  {t_fig:7.2f} CPU-s  ({fig_rate:6.1f} MB/CPU-s, {n_fig} figures)")
    print(f"extract_exercises:{t_ex:7.2f} CPU-s  ({mb / t_ex:6.1f} MB/CPU-s, {n_ex} mentions)")
    print(f"load + extract:   {total:7.2f} CPU-s  = {rate:.2f} MB/CPU-s, {len(corpus.articles) / total:.0f} articles/s")
    print(f"tables + events:  {t_ev:7.2f} CPU-s  (mentions table with event ids, merged into {n_ev} events)")
    print(f"whole pipeline:   {total + t_ev:7.2f} CPU-s  = {mb / (total + t_ev):.2f} MB/CPU-s")
    print(f"peak RSS:         {rss_mb:.0f} MB")
    ok = ok and rate >= TARGET_MB_PER_CPU_S and rss_mb <= TARGET_RSS_MB
    print(f"target >= {TARGET_MB_PER_CPU_S} MB/CPU-s load + extract: {'met' if rate >= TARGET_MB_PER_CPU_S else 'NOT met'}")
    print(f"target peak RSS <= {TARGET_RSS_MB:.0f} MB: {'met' if rss_mb <= TARGET_RSS_MB else 'NOT met'}")
    if q_rate is not None:
        ratio = e2e_rate / q_rate
        ratio_fig = fig_rate / q_rate
        print(f"quantulum3:       {q_rate:.3f} MB/CPU-s on {len(sample)} articles")
        print(f"speed-up vs quantulum3: {ratio:.0f}x the whole extract command, {rate / q_rate:.0f}x load + extract, "
              f"{ratio_fig:.0f}x figures alone; "
              f"target >= {TARGET_VS_QUANTULUM:.0f}x: {'met' if ratio >= TARGET_VS_QUANTULUM else 'NOT met'}")
        ok = ok and ratio >= TARGET_VS_QUANTULUM
    else:
        print("quantulum3: not installed; speed-up not measured")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
