"""Export stored documents and facts: JSONL documents, CSV/Parquet tables, ACLED events."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from khabar.store.acled import ACLED_COLUMNS, acled_row
from khabar.store.base import Store, StoreError
from khabar.store.model import Filters

FORMATS = ("jsonl", "csv", "parquet", "acled")
TABLES = ("documents", "events", "corpus_events", "quotes", "entities", "numbers", "dates")
DOCUMENT_EXPORT = ("id", "published", "source", "url", "title", "language", "origin", "n_chars", "added_at", "text")


def table_rows(store: Store, table: str, filters: Filters) -> Iterator[dict[str, Any]]:
    """Rows of one table restricted to the documents (or events) matching ``filters``."""
    if table == "documents":
        for row in store.iter_documents(filters):
            yield {c: row[c] for c in DOCUMENT_EXPORT}
    elif table == "events":
        for event in store.events(filters):
            event["actors"] = "; ".join(event["actors"])
            event["targets"] = "; ".join(event["targets"])
            yield event
    elif table == "corpus_events":
        for event in store.corpus_events(filters):
            reports = event.pop("reports")
            event["reports"] = "; ".join(f"{r['doc_id']}/{r['event_id']}" for r in reports)
            event["urls"] = "; ".join(dict.fromkeys(r["url"] for r in reports if r["url"]))
            yield event
    elif table == "entities":
        yield from store._rows("SELECT * FROM entities ORDER BY n_documents DESC, key")
    elif table in ("quotes", "numbers", "dates"):
        where, params = store._where(filters)
        yield from store._rows(f"SELECT t.* FROM {table} t JOIN documents d ON d.id = t.doc_id WHERE {where} "
                               "ORDER BY d.pk", params)
    else:
        raise StoreError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")


@contextmanager
def _text_output(output: str | None) -> Iterator[TextIO]:
    if output in (None, "-"):
        yield sys.stdout
        return
    try:
        handle = open(output, "w", encoding="utf-8", newline="")
    except OSError as error:
        raise StoreError(f"cannot write {output}: {error.strerror}") from None
    with handle:
        yield handle


def _write_csv(rows: Iterator[dict[str, Any]], output: str | None, columns: tuple[str, ...] | None) -> int:
    count = 0
    with _text_output(output) as handle:
        writer: csv.DictWriter | None = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(handle, fieldnames=list(columns or row.keys()), extrasaction="ignore")
                writer.writeheader()
            writer.writerow(row)
            count += 1
        if writer is None and columns:
            csv.writer(handle).writerow(columns)
    return count


def _write_parquet(rows: Iterator[dict[str, Any]], output: str | None) -> int:
    if output in (None, "-"):
        raise StoreError("parquet is a binary format: give an output file with --output FILE.parquet")
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    count = 0
    batch: list[dict[str, Any]] = []
    schema = None

    def flush() -> None:
        nonlocal writer, schema
        table = pa.Table.from_pylist(batch, schema=schema)
        if writer is None:
            schema = table.schema
            writer = pq.ParquetWriter(output, schema)
        writer.write_table(table)

    try:
        for row in rows:
            batch.append(row)
            count += 1
            if len(batch) >= 2000:
                flush()
                batch = []
        if batch or writer is None:
            flush()
    finally:
        if writer is not None:
            writer.close()
    return count


def export(store: Store, fmt: str, output: str | None = None, filters: Filters | None = None,
           table: str = "documents", all_statuses: bool = False) -> int:
    """Write the matching records to ``output`` (stdout when None or '-'); returns how many.

    ``jsonl``: one full ``khabar.document/1`` JSON per line (with ``table="corpus_events"``: one
    corpus event with its reports per line); ``csv``/``parquet``: the rows of
    ``table``; ``acled``: events in ACLED's columns, happened events only unless ``all_statuses``.
    """
    filters = filters or Filters()
    if fmt == "jsonl" and table == "corpus_events":
        count = 0
        with _text_output(output) as handle:
            for event in store.corpus_events(filters):
                handle.write(json.dumps(event, ensure_ascii=False) + "\n")
                count += 1
        return count
    if fmt == "jsonl":
        count = 0
        with _text_output(output) as handle:
            for row in store.iter_documents(filters):
                handle.write(json.dumps(json.loads(row["doc_json"]), ensure_ascii=False) + "\n")
                count += 1
        return count
    if fmt == "acled":
        if not all_statuses and filters.status is None:
            filters.status = "happened"
        rows = (acled_row(event) for event in store.events(filters))
        return _write_csv(rows, output, ACLED_COLUMNS)
    if fmt == "csv":
        return _write_csv(table_rows(store, table, filters), output, None)
    if fmt == "parquet":
        return _write_parquet(table_rows(store, table, filters), output)
    raise StoreError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


def to_csv_string(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()
