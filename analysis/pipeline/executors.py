"""Where batches run: in this process, in a pool of processes (``--jobs N``) or on a Dask cluster
(``--scheduler tcp://HOST:PORT``). Each executor takes the batches and yields their results as they finish
(in any order: the run puts every row in place itself), with at most a few batches in flight so memory
stays bounded. A batch that cannot be completed is a :class:`RunError` naming it, never a silent gap.
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from analysis.pipeline.batch import BatchResult, run_batch
from analysis.pipeline.plan import Batch

__all__ = ["RunError", "SchedulerUnreachable", "in_process", "in_processes", "on_dask"]


class RunError(Exception):
    """A run could not finish: what was lost, and why."""


class SchedulerUnreachable(RunError):
    """The Dask scheduler given with ``--scheduler`` does not answer."""


def in_process(batches: Iterable[Batch]) -> Iterator[BatchResult]:
    for batch in batches:
        yield run_batch(batch)


def _warm_up() -> None:
    """Import the extractors before forking, so each worker process starts with them loaded."""
    from analysis.pipeline.registry import EXERCISES, STREAMED, resolve

    for entry in (*STREAMED, EXERCISES):
        resolve(entry.extract)
        if entry.frame:
            resolve(entry.frame)
    import analysis.corpus.load  # noqa: F401
    import analysis.reference.checks  # noqa: F401


def in_processes(batches: Iterable[Batch], jobs: int) -> Iterator[BatchResult]:
    """Batches in ``jobs`` worker processes; a worker that dies is a :class:`RunError` naming its batches."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    _warm_up()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pending = iter(batches)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        running: dict = {}

        def submit() -> None:
            for batch in pending:
                running[pool.submit(run_batch, batch)] = batch
                if len(running) >= 2 * jobs:
                    break

        submit()
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                batch = running.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    lost = [batch, *running.values()]
                    raise RunError(f"a worker process died; lost {len(lost)} batch(es) unfinished: "
                                   + "; ".join(b.describe() for b in lost)) from None
            submit()


def on_dask(batches: Iterable[Batch], address: str, connect_timeout: float = 10.0) -> Iterator[BatchResult]:
    """Batches as tasks on the ``dask.distributed`` cluster whose scheduler is at ``address``.

    The scheduler re-runs the tasks of a worker that dies on the other workers; a batch that still cannot
    finish (it killed every worker it was given to, or no worker is left) is a :class:`RunError` naming it.
    Every worker must be able to import this package and read the corpus at the same path.
    """
    try:
        from distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - dask is pinned in constraints.txt
        raise RunError(f"--scheduler needs dask.distributed ({exc}); install it with "
                       f"'pip install \"dask[distributed]\"'") from None
    try:
        client = Client(address, timeout=connect_timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SchedulerUnreachable(f"cannot reach the Dask scheduler at {address}: {reason}") from None
    try:
        pending = iter(batches)
        window = max(4, 2 * len(client.scheduler_info().get("workers", {})))
        running: dict = {}  # task key -> (future, batch)
        tag = f"{os.getpid():x}-{id(running):x}"

        def submit(n: int) -> list:
            started = []
            for batch in pending:
                future = client.submit(run_batch, batch, pure=False, key=f"analysis-batch-{batch.number}-{tag}")
                running[future.key] = (future, batch)
                started.append(future)
                if len(started) >= n:
                    break
            return started

        finished = as_completed(submit(window), loop=client.loop, with_results=False)
        for future in finished:
            _, batch = running.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker, a worker-side error: name the batch lost
                for other, _ in running.values():
                    other.cancel()
                still = f" (the {len(running)} batch(es) still running were cancelled)" if running else ""
                raise RunError(f"the Dask cluster lost {batch.describe()}: {type(exc).__name__}: {exc}{still}"
                               ) from None
            future.release()
            yield result
            for started in submit(1):
                finished.add(started)
    finally:
        client.close()
