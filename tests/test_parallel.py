"""The ordered process map used by ``analyze_many`` and ``khabar ingest``."""

from __future__ import annotations

import os

from khabar.parallel import ordered_map, worker_count


def _pid_and_square(value: int) -> tuple[int, int]:
    return os.getpid(), value * value


def test_results_keep_input_order_across_processes() -> None:
    results = list(ordered_map(_pid_and_square, range(200), workers=2, chunksize=3))
    assert [square for _, square in results] == [n * n for n in range(200)]
    assert os.getpid() not in {pid for pid, _ in results}


def test_input_is_consumed_lazily_a_few_chunks_ahead() -> None:
    consumed: list[int] = []

    def source():
        for n in range(10_000):
            consumed.append(n)
            yield n

    stream = ordered_map(_pid_and_square, source(), workers=2, chunksize=4)
    next(stream)
    assert len(consumed) <= 2 * 3 * 4 + 4  # workers x chunks in flight x chunk size, plus one chunk
    stream.close()


def test_one_worker_runs_in_this_process_and_empty_input_yields_nothing() -> None:
    assert {pid for pid, _ in ordered_map(_pid_and_square, [1, 2], workers=1)} == {os.getpid()}
    assert list(ordered_map(_pid_and_square, [], workers=2)) == []
    assert worker_count(0) == (os.cpu_count() or 1)

