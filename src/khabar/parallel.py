"""An ordered, bounded, streaming map over worker processes.

``concurrent.futures`` offers ``pool.map``, which reads its whole input before yielding; cutting the
input into windows instead leaves the workers idle while the caller consumes each window. Here the
input is cut into chunks (one inter-process message each) and a fixed number of chunks stays in
flight, so the workers are busy while the caller writes results, memory stays bounded on a
million-article stream, and results come back in input order.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

CHUNKS_IN_FLIGHT_PER_WORKER = 3
"""Enough for a worker to start its next chunk while the caller reads the previous one."""


def _run_chunk(function: Callable[[In], Out], chunk: list[In]) -> list[Out]:
    return [function(item) for item in chunk]


def worker_count(workers: int) -> int:
    """``0`` means one worker per CPU core."""
    return workers if workers > 0 else (os.cpu_count() or 1)


def ordered_map(function: Callable[[In], Out], items: Iterable[In], *, workers: int,
                chunksize: int = 8) -> Iterator[Out]:
    """``function(item)`` for every item, in input order, computed in ``workers`` processes.

    ``function`` must be picklable (a module-level function or a ``functools.partial`` of one).
    With one worker everything runs in this process.
    """
    workers = worker_count(workers)
    if workers <= 1:
        yield from map(function, items)
        return
    source = iter(items)
    in_flight = workers * CHUNKS_IN_FLIGHT_PER_WORKER
    pending: deque[Future[list[Out]]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        while True:
            while len(pending) < in_flight:
                chunk = list(islice(source, chunksize))
                if not chunk:
                    break
                pending.append(pool.submit(_run_chunk, function, chunk))
            if not pending:
                return
            yield from pending.popleft().result()
