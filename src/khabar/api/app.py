"""``create_app``: the FastAPI application serving the API, its reference and the web page.

Hardening in one place: a body size limit (413), content-type checks (415), one error envelope
with field names (422), an optional API key on writes (401), analyses in workers with a time
limit (503/504), a generic 500 with an error id and no trace, CORS closed unless origins are
given, cross-origin writes refused, and a strict Content-Security-Policy on every response.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from khabar.api.analyze_route import router as analyze_router
from khabar.api.corpus_routes import router as corpus_router
from khabar.api.errors import ERROR_RESPONSES, install_error_handlers
from khabar.api.limits import BodyLimitMiddleware, SameOriginWriteMiddleware
from khabar.api.pages import router as pages_router
from khabar.api.runner import AnalysisRunner, AnalyzeFn
from khabar.api.store import CorpusStore, open_corpus, wrap
from khabar.version import __version__

DEFAULT_MAX_BODY = 2 * 1024 * 1024
"""Largest request body in bytes (about 1M Arabic characters in UTF-8)."""
DEFAULT_MAX_CHARS = 300_000
"""Longest text analyzed over HTTP, in code points (a long article is under 20,000)."""
DEFAULT_TIMEOUT = 30.0

API_DESCRIPTION = """Khabar turns Arabic news text into structured, evidence-linked facts: entities, quotations,
events, numbers and dates, each pointing to code-point offsets in the unchanged text.

Every error answers `{"error": {"status", "code", "message", "fields"?, "error_id"?}}`.
Write endpoints (POST) need an API key when the server has one (`X-API-Key`).
"""

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                 b"script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                                 b"base-uri 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


@dataclass(frozen=True)
class Settings:
    api_key: str | None
    max_body: int
    max_chars: int
    analyze_timeout: float
    store_url: str | None


def create_app(
    store_url: str | None,
    *,
    api_key: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    analyze_timeout: float = DEFAULT_TIMEOUT,
    max_chars: int = DEFAULT_MAX_CHARS,
    workers: int = 0,
    cors_origins: Sequence[str] = (),
    warm_up: bool = False,
    store: CorpusStore | None = None,
    analyze_fn: AnalyzeFn | None = None,
) -> FastAPI:
    """The Khabar web application.

    ``store_url``: the corpus database (a SQLite path or a PostgreSQL URL), or None for an
    analyze-only server (corpus endpoints then answer 503). ``api_key`` defaults to the
    ``KHABAR_API_KEY`` environment variable. ``workers=0`` analyzes in threads, ``n >= 1`` in
    ``n`` processes. ``store`` and ``analyze_fn`` replace the real ones (tests, embedding).
    """
    if api_key is None:
        api_key = os.environ.get("KHABAR_API_KEY") or None
    if max_body < 1 or max_chars < 1 or analyze_timeout <= 0:
        raise ValueError("max_body, max_chars and analyze_timeout must be positive")
    corpus = wrap(store) if store is not None else (open_corpus(store_url) if store_url else None)
    runner = AnalysisRunner(analyze_fn, timeout=analyze_timeout, workers=workers)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            runner.warm_up()
        try:
            yield
        finally:
            runner.close()
            if corpus is not None:
                corpus.close()

    app = FastAPI(
        title="Khabar", version=__version__, description=API_DESCRIPTION, lifespan=lifespan,
        docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url=None,  # Swagger UI needs a CDN
        responses=ERROR_RESPONSES,
    )
    app.state.settings = Settings(api_key, max_body, max_chars, analyze_timeout, store_url)
    app.state.store = corpus
    app.state.runner = runner
    install_error_handlers(app)
    app.include_router(analyze_router)
    app.include_router(corpus_router)
    app.include_router(pages_router)
    # Middleware: the last added runs first. Body limit and origin check before anything reads the body.
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "X-API-Key", "Authorization"])
    app.add_middleware(BodyLimitMiddleware, max_body=max_body)
    app.add_middleware(SameOriginWriteMiddleware, allowed_origins=tuple(cors_origins))
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def describe(app: FastAPI) -> dict[str, Any]:
    """The settings a running app uses (for the serve command's start-up line)."""
    settings: Settings = app.state.settings
    return {"store": settings.store_url, "api_key": bool(settings.api_key), "max_body": settings.max_body,
            "max_chars": settings.max_chars, "timeout": settings.analyze_timeout}
