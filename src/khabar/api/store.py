"""The corpus as the API sees it: a small protocol over ``khabar.store`` and a thread-safe wrapper.

The API only needs the methods below; any object that has them (the SQLite or PostgreSQL store,
or a test double) can back the server. Calls are serialized with a lock because a store holds
one database connection and the API calls it from worker threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any, Protocol, TypeVar, runtime_checkable

from khabar.document import Document

T = TypeVar("T")


@runtime_checkable
class CorpusStore(Protocol):
    def add(self, doc: Document) -> bool: ...
    def get(self, doc_id: str) -> Document | None: ...
    def count(self) -> int: ...
    def list_documents(self, limit: int = 20, offset: int = 0, filters: Any = None) -> list[dict[str, Any]]: ...
    def search(self, query: str, filters: Any = None, limit: int = 20, offset: int = 0) -> list[Any]: ...
    def entity(self, key_or_name: str) -> dict[str, Any] | None: ...
    def events(self, filters: Any = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]: ...
    def stats(self, top: int = 10) -> dict[str, Any]: ...


class LockedStore:
    """Serializes every call to the wrapped store; ``call`` runs any method under the lock.

    A store opened from a URL (``opener``) is closed when the server stops and reopened on the
    next call, so one app can start and stop several times (tests do); a store handed in by
    the caller is never closed here.
    """

    def __init__(self, store: Any, opener: Callable[[], Any] | None = None) -> None:
        self._inner = store
        self.opener = opener
        self.lock = threading.RLock()

    @property
    def inner(self) -> Any:
        with self.lock:
            if self._inner is None and self.opener is not None:
                self._inner = self.opener()
            return self._inner

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            return getattr(self.inner, method)(*args, **kwargs)

    def add(self, doc: Document) -> bool:
        return bool(self.call("add", doc))

    def iterate(self, make: Callable[[], Iterator[T]], batch: int = 200) -> Iterator[T]:
        """Pull from a store iterator in batches, holding the lock only while a batch is read."""
        iterator: Iterator[T] | None = None
        while True:
            with self.lock:
                if iterator is None:
                    iterator = make()
                chunk = []
                for item in iterator:
                    chunk.append(item)
                    if len(chunk) >= batch:
                        break
            if not chunk:
                return
            yield from chunk
            if len(chunk) < batch:
                return

    def close(self) -> None:
        with self.lock:
            if self.opener is None or self._inner is None:
                return
            inner, self._inner = self._inner, None
            close = getattr(inner, "close", None)
            if callable(close):
                close()


def open_corpus(url: str) -> LockedStore:
    """Open (creating if needed) the corpus database at ``url`` (a SQLite path or a PostgreSQL URL)."""
    from khabar.store import open_store

    return LockedStore(open_store(url), opener=lambda: open_store(url))


def wrap(store: Any) -> LockedStore:
    return store if isinstance(store, LockedStore) else LockedStore(store)
