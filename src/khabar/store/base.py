"""The SQL store shared by the SQLite and PostgreSQL backends (DB-API 2, same schema).

A backend supplies the connection, the placeholder style, the transaction and the full-text
parts (``_index``/``_match``); everything else (rows, filters, entity and event queries,
statistics) is written once here.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from khabar.document import Document
from khabar.store.model import Filters, Hit
from khabar.store.rows import PLACE_TYPES, DocRows, document_rows, name_key
from khabar.store.schema import LATEST, MIGRATIONS
from khabar.store.searchtext import Query, highlight, phrase_found, query_terms

log = logging.getLogger(__name__)

DOCUMENT_COLUMNS = ("id", "source", "url", "published", "title", "language", "origin", "n_chars", "text",
                    "doc_json", "added_at")
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "doc_entities": ("doc_id", "local_id", "entity_key", "type", "name", "n_mentions"),
    "mentions": ("doc_id", "local_id", "entity_key", "start_pos", "end_pos", "text"),
    "quotes": ("doc_id", "quote_id", "kind", "speaker_key", "speaker_name", "speaker_norm", "speaker_text",
               "cue", "content", "content_start", "content_end", "addressee_key", "addressee_name",
               "channel", "confidence"),
    "events": ("doc_id", "event_id", "type", "mode", "status", "trigger_text", "trigger_start", "trigger_end",
               "location_key", "location_name", "date_value", "date_precision", "date_text", "day",
               "fatalities", "reported_by_key", "acled_event_type", "acled_sub_event_type", "confidence",
               "notes"),
    "event_arguments": ("doc_id", "event_id", "role", "position", "entity_key", "name"),
    "numbers": ("doc_id", "start_pos", "end_pos", "text", "value", "value_high", "unit", "about"),
    "dates": ("doc_id", "start_pos", "end_pos", "text", "value", "precision"),
}
ENTITY_COLUMNS = ("key", "type", "name", "name_norm", "name_en", "kb_id", "lat", "lon", "geonames_id",
                  "country_code", "admin1", "feature")


def _like(value: str) -> str:
    """``value`` with LIKE wildcards taken literally (no ESCAPE clause needed: they are dropped)."""
    return value.replace("%", "").replace("_", "")


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message says why (one line)."""


class Store(ABC):
    """A corpus of analyzed documents: add, get, search, filter, export, statistics."""

    dialect: str = ""
    placeholder: str = "?"

    def __init__(self, url: str) -> None:
        self.url = url
        self.db: Any = None

    # ---- backend parts -------------------------------------------------------------------
    @abstractmethod
    def transaction(self) -> AbstractContextManager[Any]:
        """A context manager around one transaction; yields a cursor."""

    @abstractmethod
    def _index(self, cursor: Any, pk: int, title: str, body: str) -> None:
        """Add one document's index text to the full-text index."""

    @abstractmethod
    def _match(self, groups: Query) -> tuple[str, str, list[Any]]:
        """(FROM/JOIN clause, score expression (higher is better), parameters) for a text query."""

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- helpers ---------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self.transaction() as cursor:
            cursor.execute(self._sql(sql), list(params))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def migrate(self) -> int:
        """Apply missing migrations in order; returns the schema version."""
        with self.transaction() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            cursor.execute("SELECT MAX(version) FROM schema_version")
            current = cursor.fetchone()[0] or 0
        if current > LATEST:
            raise StoreError(f"database schema version {current} is newer than this khabar ({LATEST}): upgrade khabar")
        for version in range(current + 1, LATEST + 1):
            with self.transaction() as cursor:
                for statement in MIGRATIONS[version - 1](self.dialect):
                    cursor.execute(statement)
                cursor.execute(self._sql("INSERT INTO schema_version (version) VALUES (?)"), [version])
            log.info("store schema migrated to version %d", version)
        return LATEST

    def schema_version(self) -> int:
        return int(self._rows("SELECT MAX(version) AS v FROM schema_version")[0]["v"] or 0)

    # ---- writing ---------------------------------------------------------------------------
    def _insert(self, cursor: Any, rows: DocRows) -> bool:
        columns = ", ".join(DOCUMENT_COLUMNS)
        marks = ", ".join("?" for _ in DOCUMENT_COLUMNS)
        cursor.execute(self._sql(f"INSERT INTO documents ({columns}) VALUES ({marks}) "
                                 "ON CONFLICT (id) DO NOTHING RETURNING pk"),
                       [rows.document[c] for c in DOCUMENT_COLUMNS])
        found = cursor.fetchone()
        if found is None:
            return False
        self._index(cursor, int(found[0]), rows.index_title, rows.index_body)
        for table, values in (("doc_entities", rows.doc_entities), ("mentions", rows.mentions),
                              ("quotes", rows.quotes), ("events", rows.events),
                              ("event_arguments", rows.arguments), ("numbers", rows.numbers),
                              ("dates", rows.dates)):
            if values:
                names = TABLE_COLUMNS[table]
                cursor.executemany(self._sql(f"INSERT INTO {table} ({', '.join(names)}) VALUES "
                                             f"({', '.join('?' for _ in names)})"), values)
        if rows.entities:
            names = (*ENTITY_COLUMNS, "n_documents", "n_mentions")
            cursor.executemany(self._sql(
                f"INSERT INTO entities ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)}) "
                "ON CONFLICT (key) DO UPDATE SET n_documents = entities.n_documents + 1, "
                "n_mentions = entities.n_mentions + excluded.n_mentions, "
                "name_en = COALESCE(entities.name_en, excluded.name_en), "
                "lat = COALESCE(entities.lat, excluded.lat), lon = COALESCE(entities.lon, excluded.lon), "
                "country_code = COALESCE(entities.country_code, excluded.country_code), "
                "admin1 = COALESCE(entities.admin1, excluded.admin1)"),
                [[e[c] for c in ENTITY_COLUMNS] + [1, e["n_mentions"]] for e in rows.entities])
        return True

    def add(self, doc: Document, origin: str | None = None) -> bool:
        """Store ``doc``; False when a document with the same content hash is already stored."""
        return self.add_many([(doc, origin)]) == 1

    def add_many(self, docs: Iterable[Document | DocRows | tuple[Document, str | None]]) -> int:
        """Store a batch in one transaction (all or nothing); returns how many were new.

        Items are documents, ``(document, origin)`` pairs, or rows already made by
        ``document_rows`` (an ingest worker prepares them so the writer only writes).
        """
        added_at = datetime.now(UTC).isoformat(timespec="seconds")
        prepared = []
        for item in docs:
            if isinstance(item, DocRows):
                item.document["added_at"] = added_at
                prepared.append(item)
                continue
            doc, origin = item if isinstance(item, tuple) else (item, None)
            prepared.append(document_rows(doc, origin, added_at))
        with self.transaction() as cursor:
            return self._write_batch(cursor, prepared)

    def _write_batch(self, cursor: Any, batch: list[DocRows]) -> int:
        """Write prepared documents inside the open transaction; returns how many were new."""
        return sum(self._insert(cursor, rows) for rows in batch)

    # ---- reading ---------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored."""
        ids = list(dict.fromkeys(ids))
        known: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            known.update(r["id"] for r in self._rows(f"SELECT id FROM documents WHERE id IN ({marks})", chunk))
        return known

    def has(self, doc_id: str) -> bool:
        return bool(self.known_ids([doc_id]))

    def count(self) -> int:
        return int(self._rows("SELECT COUNT(*) AS n FROM documents")[0]["n"])

    def get(self, doc_id: str) -> Document | None:
        rows = self._rows("SELECT doc_json FROM documents WHERE id = ?", [doc_id])
        return Document.loads(rows[0]["doc_json"]) if rows else None

    def list_documents(self, limit: int = 20, offset: int = 0,
                       filters: Filters | None = None) -> list[dict[str, Any]]:
        """Document summaries (no text), newest publication first."""
        where, params = self._where(filters or Filters())
        return self._rows(
            "SELECT d.id, d.title, d.source, d.url, d.published, d.origin, d.n_chars, d.added_at "
            f"FROM documents d WHERE {where} ORDER BY d.published DESC NULLS LAST, d.pk LIMIT ? OFFSET ?",
            [*params, limit, offset])

    def iter_documents(self, filters: Filters | None = None, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every matching document row (with ``text`` and ``doc_json``), in storage order."""
        where, params = self._where(filters or Filters())
        last = 0
        while True:
            rows = self._rows(f"SELECT d.pk, {', '.join('d.' + c for c in DOCUMENT_COLUMNS)} FROM documents d "
                              f"WHERE {where} AND d.pk > ? ORDER BY d.pk LIMIT ?", [*params, last, batch])
            if not rows:
                return
            yield from rows
            last = rows[-1]["pk"]

    # ---- filters ---------------------------------------------------------------------------
    def _entity_keys_sql(self, value: str, types: tuple[str, ...] | None) -> tuple[str, list[Any]]:
        # A name matches whole words of the entity's name: لافروف finds سيرجي لافروف.
        sql = ("SELECT key FROM entities WHERE (key = ? OR kb_id = ? OR name_norm = ? OR LOWER(name_en) = ? "
               "OR (' ' || name_norm || ' ') LIKE ? OR (' ' || LOWER(name_en) || ' ') LIKE ?)")
        params: list[Any] = [value, value, name_key(value), value.lower(), f"% {_like(name_key(value))} %",
                             f"% {_like(value.lower())} %"]
        if types:
            sql += f" AND type IN ({', '.join('?' for _ in types)})"
            params += list(types)
        return sql, params

    def _where(self, filters: Filters, alias: str = "d") -> tuple[str, list[Any]]:
        clauses: list[str] = ["1 = 1"]
        params: list[Any] = []
        if filters.entity:
            keys, key_params = self._entity_keys_sql(filters.entity, (filters.type,) if filters.type else None)
            clauses.append(f"{alias}.id IN (SELECT doc_id FROM doc_entities WHERE entity_key IN ({keys}))")
            params += key_params
        elif filters.type:
            clauses.append(f"{alias}.id IN (SELECT doc_id FROM doc_entities WHERE type = ?)")
            params.append(filters.type)
        if filters.place:
            keys, key_params = self._entity_keys_sql(filters.place, PLACE_TYPES)
            clauses.append(f"{alias}.id IN (SELECT doc_id FROM doc_entities WHERE entity_key IN ({keys}))")
            params += key_params
        if filters.event_type:
            clauses.append(f"{alias}.id IN (SELECT doc_id FROM events WHERE type = ?)")
            params.append(filters.event_type.upper())
        if filters.speaker:
            keys, key_params = self._entity_keys_sql(filters.speaker, None)
            clauses.append(f"{alias}.id IN (SELECT doc_id FROM quotes WHERE speaker_key IN ({keys}) "
                           "OR (' ' || speaker_norm || ' ') LIKE ?)")
            params += [*key_params, f"% {_like(name_key(filters.speaker))} %"]
        if filters.source:
            clauses.append(f"{alias}.source = ?")
            params.append(filters.source)
        if filters.since:
            clauses.append(f"{alias}.published >= ?")
            params.append(filters.since)
        if filters.until:
            clauses.append(f"{alias}.published <= ?")
            params.append(filters.until + "\uffff" if len(filters.until) < 11 else filters.until)
        return " AND ".join(clauses), params

    # ---- search ----------------------------------------------------------------------------
    def search(self, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0) -> list[Hit]:
        """Ranked documents matching ``query`` (all words; "quoted phrases" in order) and ``filters``.

        An empty query lists the documents matching the filters, newest first.
        """
        filters = filters or Filters()
        groups = query_terms(query or "")
        where, params = self._where(filters)
        columns = "d.id, d.title, d.source, d.url, d.published, d.origin, d.text"
        has_phrase = any(len(group) > 1 for group in groups)
        if groups:
            join, score, match_params = self._match(groups)
            fetch = (limit + offset) * 5 + 20 if has_phrase else limit
            rows = self._rows(f"SELECT {columns}, {score} AS score FROM documents d {join} WHERE {where} "
                              "ORDER BY score DESC, d.pk LIMIT ? OFFSET ?",
                              [*match_params, *params, fetch, 0 if has_phrase else offset])
            if has_phrase:
                rows = [r for r in rows if phrase_found(r["text"], groups)][offset:offset + limit]
        else:
            rows = self._rows(f"SELECT {columns}, 0.0 AS score FROM documents d WHERE {where} "
                              "ORDER BY d.published DESC NULLS LAST, d.pk LIMIT ? OFFSET ?", [*params, limit, offset])
        hits = []
        for row in rows:
            snippet, spans = highlight(row["text"], groups)
            hits.append(Hit(row["id"], round(float(row["score"] or 0.0), 6), row["title"], row["source"],
                            row["url"], row["published"], row["origin"], snippet, spans))
        return hits

    # ---- entities, events, stats ------------------------------------------------------------
    def entity(self, key_or_name: str) -> dict[str, Any] | None:
        """A corpus entity (by key, KB id or name) with its documents and quotes counts."""
        keys_sql, params = self._entity_keys_sql(key_or_name, None)
        rows = self._rows(f"SELECT * FROM entities WHERE key IN ({keys_sql}) ORDER BY n_documents DESC", params)
        if not rows:
            return None
        entity = rows[0]
        key = entity["key"]
        entity["documents"] = [r["doc_id"] for r in self._rows(
            "SELECT DISTINCT doc_id FROM doc_entities WHERE entity_key = ? ORDER BY doc_id LIMIT 100", [key])]
        entity["n_quotes"] = self._rows("SELECT COUNT(*) AS n FROM quotes WHERE speaker_key = ?", [key])[0]["n"]
        entity["n_events"] = self._rows(
            "SELECT COUNT(DISTINCT doc_id || '/' || event_id) AS n FROM event_arguments WHERE entity_key = ?",
            [key])[0]["n"]
        return entity

    def _event_kind_where(self, alias: str, filters: Filters) -> tuple[list[str], list[Any]]:
        """Type, status and place conditions on an events-like table (events, corpus_events)."""
        clauses, params = ["1 = 1"], []
        if filters.event_type:
            clauses.append(f"{alias}.type = ?")
            params.append(filters.event_type.upper())
        if filters.status:
            clauses.append(f"{alias}.status = ?")
            params.append(filters.status)
        if filters.place:
            keys, key_params = self._entity_keys_sql(filters.place, PLACE_TYPES)
            clauses.append(f"{alias}.location_key IN ({keys})")
            params += key_params
        return clauses, params

    def _event_where(self, filters: Filters) -> tuple[str, list[Any]]:
        clauses, params = self._event_kind_where("ev", filters)
        if filters.entity:
            keys, key_params = self._entity_keys_sql(filters.entity, (filters.type,) if filters.type else None)
            clauses.append("EXISTS (SELECT 1 FROM event_arguments a WHERE a.doc_id = ev.doc_id AND "
                           f"a.event_id = ev.event_id AND a.entity_key IN ({keys}))")
            params += key_params
        if filters.since:
            clauses.append("ev.day >= ?")
            params.append(filters.since)
        if filters.until:
            clauses.append("ev.day <= ?")
            params.append(filters.until)
        doc_filters = Filters(source=filters.source, speaker=filters.speaker)
        doc_where, doc_params = self._where(doc_filters)
        clauses.append(doc_where)
        return " AND ".join(clauses), params + doc_params

    def events(self, filters: Filters | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stored events with their document's metadata, the location's coordinates and arguments."""
        where, params = self._event_where(filters or Filters())
        sql = ("SELECT ev.*, d.source, d.url, d.published, d.title, d.added_at, e.lat, e.lon, e.country_code, "
               "e.admin1, e.feature, e.name_en AS location_name_en FROM events ev "
               "JOIN documents d ON d.id = ev.doc_id LEFT JOIN entities e ON e.key = ev.location_key "
               f"WHERE {where} ORDER BY ev.day, ev.doc_id, ev.event_id")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        events = self._rows(sql, params)
        if events:
            arguments: dict[tuple[str, str], dict[str, list[str]]] = {}
            doc_ids = sorted({e["doc_id"] for e in events})
            for start in range(0, len(doc_ids), 500):
                chunk = doc_ids[start:start + 500]
                for arg in self._rows("SELECT doc_id, event_id, role, name FROM event_arguments WHERE doc_id IN "
                                      f"({', '.join('?' for _ in chunk)}) ORDER BY position", chunk):
                    roles = arguments.setdefault((arg["doc_id"], arg["event_id"]), {})
                    roles.setdefault(arg["role"], []).append(arg["name"] or "")
            for event in events:
                roles = arguments.get((event["doc_id"], event["event_id"]), {})
                event["actors"] = roles.get("actor", [])
                event["targets"] = roles.get("target", [])
        return events

    def corpus_events(self, filters: Filters | None = None, limit: int | None = None,
                      offset: int = 0) -> list[dict[str, Any]]:
        """Events merged across articles (built by ``merge_events``), each with its reports."""
        from khabar.store.merge import corpus_events

        return corpus_events(self, filters, limit, offset)

    def merge_events(self) -> dict[str, int]:
        """Rebuild the corpus events from the stored events (see ``store.merge``)."""
        from khabar.store.merge import merge_events

        return merge_events(self)

    def export(self, fmt: str, output: str | None = None, filters: Filters | None = None,
               table: str = "documents", all_statuses: bool = False) -> int:
        """Write matching records as jsonl|csv|parquet|acled to ``output`` (see ``store.export``)."""
        from khabar.store.export import export

        return export(self, fmt, output, filters, table=table, all_statuses=all_statuses)

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Corpus facts: sizes, top entities, most quoted speakers, events by type and by day."""
        count = lambda table: self._rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]  # noqa: E731
        return {
            "documents": count("documents"), "entities": count("entities"), "quotes": count("quotes"),
            "events": count("events"), "numbers": count("numbers"), "dates": count("dates"),
            "sources": self._rows("SELECT source, COUNT(*) AS documents FROM documents GROUP BY source "
                                  "ORDER BY documents DESC, source LIMIT ?", [top]),
            "top_entities": self._rows(
                "SELECT key, type, name, name_en, n_documents, n_mentions FROM entities "
                "ORDER BY n_documents DESC, n_mentions DESC, key LIMIT ?", [top]),
            "top_speakers": self._rows(
                "SELECT COALESCE(speaker_key, speaker_norm) AS speaker, MIN(speaker_name) AS name, "
                "COUNT(*) AS quotes, COUNT(DISTINCT doc_id) AS documents FROM quotes "
                "WHERE speaker_key IS NOT NULL OR speaker_norm IS NOT NULL "
                "GROUP BY COALESCE(speaker_key, speaker_norm) ORDER BY quotes DESC, speaker LIMIT ?", [top]),
            "events_by_type": self._rows("SELECT type, COUNT(*) AS events FROM events GROUP BY type "
                                         "ORDER BY events DESC, type"),
            "events_by_day": self._rows("SELECT day, COUNT(*) AS events FROM events WHERE day IS NOT NULL "
                                        "GROUP BY day ORDER BY day"),
            "corpus_events": count("corpus_events"),
            "corpus_events_merged": self._rows("SELECT COUNT(*) AS n FROM corpus_events WHERE n_reports > 1")[0]["n"],
            "top_corpus_events": self._rows(
                "SELECT id, type, day, location_name, fatalities, n_reports, n_sources FROM corpus_events "
                "ORDER BY n_reports DESC, n_sources DESC, day DESC, id LIMIT ?", [top]),
        }
