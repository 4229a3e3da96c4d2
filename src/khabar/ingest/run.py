"""Corpus ingest: read inputs, analyze what is new, store it; idempotent and resumable.

Articles are identified by their content hash (``Document.id``); those already in the store are
skipped before analysis, so a re-run adds nothing and a run killed at any point resumes where its
last committed batch ended. Analysis runs in-process, in a process pool (``workers``) or on a Dask
cluster (``dask_address``); results are always written by this one process, one transaction per
batch, so a batch is stored entirely or not at all.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from khabar.document import Document, Meta, text_id
from khabar.ingest.readers import DEFAULT_MAX_CHARS, Article, ReadFailure, read_path, read_stream
from khabar.store.base import Store
from khabar.store.rows import DocRows, document_rows


@dataclass
class IngestSummary:
    read: int = 0
    ingested: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    report: str | None = None

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        rate = self.ingested / self.seconds if self.seconds > 0 else 0.0
        text = (f"ingested {self.ingested:,}, skipped {self.duplicates:,} duplicates, failed {self.failed:,}"
                f" in {self.seconds:.1f} s ({rate:.1f} articles/s)")
        if self.report and self.failed:
            text += f"; failure reasons in {self.report}"
        return text


def analyze_article(article: Article, max_chars: int) -> Document | ReadFailure:
    """Analyze one article (runs in a worker process or on a Dask worker)."""
    from khabar.pipeline import InputError, analyze

    try:
        return analyze(article.text, article.meta, max_chars=max_chars)
    except InputError as error:
        return ReadFailure(article.origin, str(error))
    except Exception as error:  # a pipeline bug must not stop a corpus run
        return ReadFailure(article.origin, f"analysis failed: {type(error).__name__}: {error}")


def prepare_article(article: Article, max_chars: int) -> DocRows | ReadFailure:
    """Analyze one article and turn it into store rows, in the worker: the single writer process
    then only writes (rows cross the process boundary far faster than a ``Document``)."""
    result = analyze_article(article, max_chars)
    if isinstance(result, ReadFailure):
        return result
    try:
        return document_rows(result, article.origin, added_at="")
    except Exception as error:  # a row-building bug must not stop a corpus run
        return ReadFailure(article.origin, f"storing failed: {type(error).__name__}: {error}")


def _local_results(articles: Iterable[Article], workers: int, max_chars: int) -> Iterator[Any]:
    from khabar.parallel import ordered_map

    yield from ordered_map(partial(prepare_article, max_chars=max_chars), articles, workers=workers)


def _dask_results(articles: Iterable[Article], address: Any, max_chars: int, window: int = 256) -> Iterator[Any]:
    """Analyze on a Dask cluster, at most ``window`` articles in flight, results in input order."""
    from distributed import Client

    client = address if isinstance(address, Client) else Client(address, timeout="30s")
    try:
        pending: deque[Any] = deque()
        for article in articles:
            pending.append(client.submit(prepare_article, article, max_chars, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        if client is not address:
            client.close()


def iter_inputs(paths: Iterable[str], max_chars: int) -> Iterator[tuple[int, Article | ReadFailure]]:
    """(input index, article or failure) for every path; '-' reads standard input."""
    for index, path in enumerate(paths):
        if path == "-":
            results: Iterable[Article | ReadFailure] = read_stream(sys.stdin.buffer, max_chars=max_chars)
        else:
            results = read_path(path, max_chars=max_chars)
        for result in results:
            yield index, result


ProgressHook = Callable[[IngestSummary, int], None]  # (summary so far, index of the current input)


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    workers: int = 1,
    dask_address: Any = None,
    published: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    batch_size: int = 64,
    report: str | Path | None = None,
    progress: ProgressHook | None = None,
) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store``; bad inputs are counted, never raised.

    ``published`` is used for articles that carry no publication date. Failures (origin and
    reason) are written as tab-separated lines to ``report`` when given.
    """
    summary = IngestSummary(report=str(report) if report else None)
    started = time.monotonic()
    origins: deque[tuple[str, int]] = deque()
    current = [0]

    def new_articles() -> Iterator[Article]:
        """Articles not yet stored (checked against the store a chunk at a time)."""
        chunk: list[tuple[int, Article]] = []

        def flush() -> Iterator[Article]:
            known = store.known_ids(text_id(a.text) for _, a in chunk)
            seen: set[str] = set()
            for index, article in chunk:
                doc_id = text_id(article.text)
                if doc_id in known or doc_id in seen:
                    summary.duplicates += 1
                    continue
                seen.add(doc_id)
                origins.append((article.origin, index))
                yield article

        for index, item in iter_inputs(paths, max_chars):
            current[0] = index
            if isinstance(item, ReadFailure):
                summary.failures.append((item.origin, item.reason))
                continue
            summary.read += 1
            if published and not item.meta.published:
                item.meta = Meta(item.meta.source, item.meta.url, published, item.meta.title, item.meta.language)
            chunk.append((index, item))
            if len(chunk) >= batch_size:
                yield from flush()
                chunk = []
        if chunk:
            yield from flush()

    if dask_address is not None:
        results = _dask_results(new_articles(), dask_address, max_chars)
    else:
        results = _local_results(new_articles(), workers, max_chars)
    batch: list[DocRows] = []

    def write() -> None:
        added = store.add_many(batch)
        summary.ingested += added
        summary.duplicates += len(batch) - added
        batch.clear()
        if progress:
            progress(summary, current[0])

    for result in results:
        origin, index = origins.popleft()
        current[0] = index
        if isinstance(result, DocRows):
            batch.append(result)
            if len(batch) >= batch_size:
                write()
        else:
            summary.failures.append((origin, getattr(result, "reason", str(result))))
    if batch:
        write()
    summary.seconds = time.monotonic() - started
    if report and summary.failures:
        with open(report, "w", encoding="utf-8") as handle:
            for origin, reason in summary.failures:
                handle.write(f"{origin}\t{reason}\n")
    if progress:
        progress(summary, current[0])
    return summary
