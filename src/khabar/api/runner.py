"""Runs analyses off the event loop with a time limit, in worker threads or worker processes.

Threads (``workers=0``) are the light default: a timed-out analysis answers 504 at once, but the
thread finishes its work in the background and keeps its slot until then, so a flood of huge
texts fills the slots and further requests get 503 instead of piling up. Processes
(``workers>=1``) use every core and are truly bounded: a worker that runs past the limit is
killed and the pool restarted (requests that shared the killed pool get 503 and may retry).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from khabar.api.errors import ApiError
from khabar.document import Document

log = logging.getLogger("khabar.api")

AnalyzeFn = Callable[..., Document]

WARMUP_TEXT = "قال وزير الخارجية الروسي سيرجي لافروف في موسكو إن المحادثات مستمرة."


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: leave when the server process is gone, even if it was killed outright."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="khabar-parent-watch", daemon=True).start()


def analyze_to_json(analyze_fn: AnalyzeFn, text: str, meta: dict[str, Any], max_chars: int) -> str:
    """Run one analysis in the worker and serialize it there: a JSON string crosses a process
    boundary far faster than a pickled Document with its tokens, and is sent to the client as is."""
    return analyze_fn(text, meta, max_chars).dumps()


def pipeline_analyze(text: str, meta: dict[str, Any], max_chars: int) -> Document:
    """The default analysis: ``khabar.pipeline.analyze`` (imported in the worker, on first use)."""
    from khabar.pipeline import analyze

    return analyze(text, meta, max_chars=max_chars)


class AnalysisRunner:
    def __init__(self, analyze_fn: AnalyzeFn | None = None, *, timeout: float = 30.0, workers: int = 0,
                 threads: int = 4, max_pending: int = 32) -> None:
        self.analyze_fn = analyze_fn or pipeline_analyze
        self.timeout, self.workers, self.threads, self.max_pending = timeout, workers, threads, max_pending
        self._lock = threading.Lock()
        self._pending = 0
        self._pool: Executor | None = None

    # -- pool management -------------------------------------------------------------------------
    def _new_pool(self) -> Executor:
        if self.workers >= 1:
            return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_exit_with_parent, initargs=(os.getpid(),))
        return ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="khabar-analyze")

    def _current_pool(self) -> Executor:
        with self._lock:
            if self._pool is None:
                self._pool = self._new_pool()
            return self._pool

    @staticmethod
    def _stop(pool: Executor, grace: float = 0.0) -> None:
        # the executor has no public way to stop a running task: terminate its processes
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + grace
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in processes:
            if process.is_alive():
                process.terminate()

    def _recycle(self, pool: Executor) -> None:
        """Kill a process pool whose worker ran past the time limit; the next request starts a fresh one."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        self._stop(pool)
        log.warning("analysis worker killed after the %.0f s time limit; pool restarted", self.timeout)

    def warm_up(self) -> None:
        """Load the pipeline in every worker now rather than on the first request."""
        pool = self._current_pool()
        count = max(1, self.workers if self.workers >= 1 else 1)
        futures = [pool.submit(analyze_to_json, self.analyze_fn, WARMUP_TEXT, {}, 10_000) for _ in range(count)]
        for future in futures:
            future.result()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            self._stop(pool, grace=3.0)

    # -- one analysis ----------------------------------------------------------------------------
    def _release(self, _: Future[Any]) -> None:
        with self._lock:
            self._pending -= 1

    async def analyze(self, text: str, meta: dict[str, Any], max_chars: int) -> str:
        """The ``khabar.document/1`` JSON of ``text``, or an ``ApiError`` (400, 503, 504)."""
        with self._lock:
            if self._pending >= self.max_pending:
                raise ApiError(503, "server busy: too many analyses in progress; retry shortly",
                               headers={"Retry-After": "5"})
            self._pending += 1
        pool = self._current_pool()
        try:
            future = pool.submit(analyze_to_json, self.analyze_fn, text, meta, max_chars)
        except (RuntimeError, BrokenProcessPool):  # the pool was shut down or broke meanwhile
            with self._lock:
                self._pending -= 1
            self._recycle(pool)
            raise ApiError(503, "analysis workers restarting; retry shortly", headers={"Retry-After": "2"}) from None
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=self.timeout)
        except TimeoutError:
            if isinstance(pool, ProcessPoolExecutor):
                self._recycle(pool)
            raise ApiError(504, f"analysis timed out after {self.timeout:g} s: send a shorter text "
                                "(or split the article)") from None
        except BrokenProcessPool:
            self._recycle(pool)
            raise ApiError(503, "analysis worker stopped (another request ran past the time limit); retry",
                           headers={"Retry-After": "2"}) from None
        except ValueError as error:
            from khabar.pipeline import InputError

            if isinstance(error, InputError):  # the pipeline's own input checks
                raise ApiError(400, str(error)) from None
            raise
