"""The corpus store: analyzed documents and their facts in SQLite (default) or PostgreSQL.

``open_store("khabar.db")`` or ``open_store("sqlite:///path/khabar.db")`` opens (and creates or
migrates) an SQLite file; ``open_store("postgresql://user@host/db")`` a PostgreSQL database
(needs ``psycopg``, the ``postgres`` extra). Both share one schema (``store.schema``) and one API
(``store.base.Store``); ``store.merge`` merges the events reported by several articles.
"""

from __future__ import annotations

from pathlib import Path

from khabar.store.base import Store, StoreError
from khabar.store.model import Filters, Hit

DEFAULT_DB = "khabar.db"


def open_store(url: str | Path = DEFAULT_DB) -> Store:
    """Open the store at ``url`` (a file path, ``sqlite:///path``, ``:memory:`` or ``postgresql://...``)."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        try:
            from khabar.store.postgres import PostgresStore
        except ModuleNotFoundError as error:
            raise StoreError(f"PostgreSQL backend unavailable: {error.name} is not installed "
                             "(pip install 'khabar[postgres]'), or use an SQLite file") from None
        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):] or ":memory:"
    elif "://" in text:
        raise StoreError(f"unsupported database URL {text!r}: use a file path or postgresql://...")
    from khabar.store.sqlite import SQLiteStore

    return SQLiteStore(text)


__all__ = ["DEFAULT_DB", "Filters", "Hit", "Store", "StoreError", "open_store"]
