"""The PostgreSQL backend (``open_store("postgresql://user@host/db")``), with a tsvector/GIN index.

The index holds the same normalized, clitic-expanded words as SQLite's FTS5 table
(``searchtext.index_text``), written as a tsvector literal so that no text-search parser or
dictionary touches them (the result does not depend on the server's locale or configuration):
title words weigh A, body words B. A query is the matching tsquery (every group required, each
word any of its forms), ranked by ``ts_rank_cd``. A batch's fact rows are bulk loaded with COPY.
Needs ``psycopg`` 3 (the ``postgres`` extra).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from khabar.store.base import DOCUMENT_COLUMNS, ENTITY_COLUMNS, TABLE_COLUMNS, Store, StoreError
from khabar.store.rows import DocRows
from khabar.store.searchtext import Query

MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_LEXEME_BYTES = 2046
# ts_rank_cd weights for D, C, B, A: the title (A) weighs 2.5 times the body (B).
RANK = "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', f.fts, %s::tsquery, 1)"
COPIED_TABLES = ("doc_entities", "mentions", "quotes", "events", "event_arguments", "numbers", "dates")


def safe_url(url: str) -> str:
    """``url`` without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(title: str, body: str) -> str:
    """A tsvector in PostgreSQL's input syntax: each index word with its positions and weight."""
    positions: dict[str, list[str]] = {}
    position = 0
    for text, weight in ((title, "A"), (body, "B")):
        for word in text.split():
            position = min(position + 1, MAX_POSITION)
            if len(word.encode("utf-8")) > MAX_LEXEME_BYTES:
                continue
            kept = positions.setdefault(word, [])
            if len(kept) < 256:  # PostgreSQL keeps at most 256 positions per lexeme
                kept.append(f"{position}{weight}")
    return " ".join(f"{_lexeme(word)}:{','.join(kept)}" for word, kept in positions.items())


def tsquery_literal(groups: Query) -> str:
    """The tsquery for a parsed query: all words required, each matching any of its forms.

    A phrase is matched as all of its words; ``Store.search`` then checks their order in the text.
    """
    words = []
    for group in groups:
        for forms in group:
            alternatives = " | ".join(_lexeme(form) for form in forms)
            words.append(f"({alternatives})" if len(forms) > 1 else alternatives)
    return " & ".join(words)


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _clean(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL: it becomes U+FFFD (one code point, so offsets stay valid)."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


class DatabaseError(StoreError):
    """A statement failed in PostgreSQL (the server's first message line)."""


class PostgresStore(Store):
    dialect = "postgresql"
    placeholder = "%s"

    def __init__(self, url: str, connect_timeout: int = 10) -> None:
        super().__init__(url)
        self._depth = 0
        self._cursor: Any = None
        self._fts_rows: list[tuple[int, str]] | None = None
        where = safe_url(url)
        try:
            self.db = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as error:
            raise StoreError(f"cannot connect to PostgreSQL at {where}: {_first_line(error)}") from None
        try:
            self.migrate()
        except DatabaseError as error:
            self.close()
            raise StoreError(f"{where} is not a usable khabar database ({error})") from None

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        if self._depth:
            yield self._cursor
            return
        self._depth = 1
        try:
            with self.db.transaction(), self.db.cursor() as cursor:
                self._cursor = cursor
                yield cursor
        except psycopg.OperationalError as error:
            raise StoreError(f"PostgreSQL at {safe_url(self.url)}: {_first_line(error)}") from None
        except psycopg.Error as error:
            raise DatabaseError(_first_line(error)) from None
        finally:
            self._depth = 0
            self._cursor = None

    def _index(self, cursor: Any, pk: int, title: str, body: str) -> None:
        literal = _clean(tsvector_literal(title, body))
        if self._fts_rows is not None:  # inside _write_batch: COPY'd with the batch
            self._fts_rows.append((pk, literal))
            return
        cursor.execute("INSERT INTO documents_fts (pk, fts) VALUES (%s, %s::tsvector)", [pk, literal])

    def _match(self, groups: Query) -> tuple[str, str, list[Any]]:
        query = tsquery_literal(groups)
        # The score comes before the join in the SELECT, hence the parameter order.
        return ("JOIN documents_fts f ON f.pk = d.pk AND f.fts @@ %s::tsquery",
                RANK, [query, query])

    def _write_batch(self, cursor: Any, batch: list[DocRows]) -> int:
        """Insert the documents (learning which are new) and COPY their index and fact rows."""
        columns = list(DOCUMENT_COLUMNS)
        cursor.executemany(f"INSERT INTO documents ({', '.join(columns)}) VALUES "
                           f"({', '.join('%s' for _ in columns)}) ON CONFLICT (id) DO NOTHING RETURNING pk",
                           [[_clean(rows.document[c]) for c in columns] for rows in batch], returning=True)
        pks: list[int | None] = []
        while True:  # one result per document: its pk, or nothing when it was already stored
            found = cursor.fetchone()
            pks.append(int(found[0]) if found else None)
            if not cursor.nextset():
                break
        new = [rows for rows, pk in zip(batch, pks, strict=True) if pk is not None]
        if not new:
            return 0
        self._fts_rows = []
        try:
            for rows, pk in zip(batch, pks, strict=True):
                if pk is not None:
                    self._index(cursor, pk, rows.index_title, rows.index_body)
            with cursor.copy("COPY documents_fts (pk, fts) FROM STDIN") as copy:
                for row in self._fts_rows:
                    copy.write_row(row)
        finally:
            self._fts_rows = None
        for table, attribute in zip(COPIED_TABLES, ("doc_entities", "mentions", "quotes", "events", "arguments",
                                                    "numbers", "dates"), strict=True):
            values = [row for rows in new for row in getattr(rows, attribute)]
            if values:
                with cursor.copy(f"COPY {table} ({', '.join(TABLE_COLUMNS[table])}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row([_clean(value) for value in row])
        merged: dict[str, dict[str, Any]] = {}
        for rows in new:  # one upsert per corpus entity and batch: n_documents counts documents
            for entity in rows.entities:
                seen = merged.get(entity["key"])
                if seen is None:
                    merged[entity["key"]] = {**entity, "n_documents": 1}
                else:
                    seen["n_documents"] += 1
                    seen["n_mentions"] += entity["n_mentions"]
                    for column in ("name_en", "lat", "lon", "country_code", "admin1"):
                        if seen[column] is None:
                            seen[column] = entity[column]
        if merged:
            names = (*ENTITY_COLUMNS, "n_documents", "n_mentions")
            cursor.executemany(
                f"INSERT INTO entities ({', '.join(names)}) VALUES ({', '.join('%s' for _ in names)}) "
                "ON CONFLICT (key) DO UPDATE SET n_documents = entities.n_documents + excluded.n_documents, "
                "n_mentions = entities.n_mentions + excluded.n_mentions, "
                "name_en = COALESCE(entities.name_en, excluded.name_en), "
                "lat = COALESCE(entities.lat, excluded.lat), lon = COALESCE(entities.lon, excluded.lon), "
                "country_code = COALESCE(entities.country_code, excluded.country_code), "
                "admin1 = COALESCE(entities.admin1, excluded.admin1)",
                [[e[c] for c in names] for e in sorted(merged.values(), key=lambda e: e["key"])])
        return len(new)
