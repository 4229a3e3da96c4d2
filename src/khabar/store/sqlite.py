"""The embedded SQLite backend (the default: ``khabar.db``), with an FTS5 index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from khabar.store.base import Store, StoreError
from khabar.store.searchtext import Query, fts5_query


class SQLiteStore(Store):
    dialect = "sqlite"
    placeholder = "?"

    def __init__(self, path: str | Path) -> None:
        super().__init__(str(path))
        self._depth = 0
        self.path = str(path)
        if self.path != ":memory:" and not Path(self.path).parent.is_dir():
            raise StoreError(f"cannot create database {self.path}: folder {Path(self.path).parent} does not exist")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=60, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA busy_timeout = 60000")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open database {self.path}: {error}") from None
        try:
            self.migrate()
        except sqlite3.DatabaseError as error:
            self.close()
            raise StoreError(f"{self.path} is not a khabar database ({error})") from None

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        if getattr(self, "_depth", 0):
            yield self.db.cursor()
            return
        self._depth = 1
        cursor = self.db.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:
            yield cursor
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        else:
            cursor.execute("COMMIT")
        finally:
            self._depth = 0
            cursor.close()

    def _index(self, cursor: Any, pk: int, title: str, body: str) -> None:
        cursor.execute("INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)", [pk, title, body])

    def _match(self, groups: Query) -> tuple[str, str, list[Any]]:
        # bm25() is lower for better matches; the title weighs twice the body.
        return ("JOIN documents_fts ON documents_fts.rowid = d.pk AND documents_fts MATCH ?",
                "-bm25(documents_fts, 2.0, 1.0)", [fts5_query(groups)])
