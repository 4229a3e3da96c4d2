"""Streamed corpus exports over HTTP, in the same shapes as ``khabar export``.

``jsonl``: one ``khabar.document/1`` per line; ``csv``: one row per stored event (the columns of
``khabar export --format csv --table events``); ``acled``: events that happened, in ACLED's
export columns (``khabar.store.acled``). Rows are read from the store batch by batch, holding
the store lock only while a batch is read, so a large export never sits in memory.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from khabar.api.store import LockedStore

EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "acled")
BATCH = 500


def _csv_chunks(rows: Iterable[dict[str, Any]], columns: tuple[str, ...] | None) -> Iterator[str]:
    buffer = io.StringIO()
    writer: csv.DictWriter | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(columns or row.keys()), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(row)
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if writer is None and columns:
        csv.writer(buffer).writerow(columns)
    yield buffer.getvalue()


def _events(store: LockedStore, filters: Any) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        chunk = store.call("events", filters, BATCH, offset)
        yield from chunk
        if len(chunk) < BATCH:
            return
        offset += BATCH


def _flat(event: dict[str, Any]) -> dict[str, Any]:
    return {**event, "actors": "; ".join(event.get("actors") or []), "targets": "; ".join(event.get("targets") or [])}


def export_stream(store: LockedStore, fmt: str, filters: Any) -> tuple[str, str, Iterator[str]]:
    """(media type, file extension, chunks of text) for one export format."""
    if fmt == "jsonl":
        rows = store.iterate(lambda: store.inner.iter_documents(filters))
        return "application/x-ndjson; charset=utf-8", "jsonl", (row["doc_json"] + "\n" for row in rows)
    if fmt == "csv":
        return "text/csv; charset=utf-8", "csv", _csv_chunks((_flat(e) for e in _events(store, filters)), None)
    if fmt == "acled":
        from khabar.store.acled import ACLED_COLUMNS, acled_row

        if filters.status is None:
            filters.status = "happened"
        rows = (acled_row(event) for event in _events(store, filters))
        return "text/csv; charset=utf-8", "acled.csv", _csv_chunks(rows, ACLED_COLUMNS)
    raise ValueError(f"unknown export format {fmt!r}")
