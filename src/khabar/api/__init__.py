"""Khabar's HTTP API and web page: ``create_app(store_url)`` returns a FastAPI application.

Run it with ``khabar serve --db corpus.db`` (binds 127.0.0.1:8000 unless told otherwise).
"""

from __future__ import annotations

from khabar.api.app import create_app

__all__ = ["create_app"]
