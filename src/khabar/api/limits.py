"""ASGI middleware: a request body size limit (413) and a same-origin check on writes (403).

The body limit holds whether or not the client sends ``Content-Length``: the body is read in
chunks, counted, and the request is refused as soon as it passes the limit, before any route runs.

Browsers send cross-site ``POST``s with ``text/plain`` bodies without a CORS preflight, so closing
CORS is not enough to stop another web site from driving a local server: a write whose
``Origin`` is neither this server nor an allowed origin is refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from khabar.api.errors import error_payload

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps(error_payload(status, message), ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        limit_text = f"request body too large: the limit is {self.max_body:,} bytes"
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                if int(declared) > self.max_body:
                    await _send_error(send, 413, limit_text)
                    return
            except ValueError:
                await _send_error(send, 400, "invalid Content-Length header")
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _send_error(send, 413, limit_text)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class SameOriginWriteMiddleware:
    """Refuse a write request whose ``Origin`` header names another site (unless allowed)."""

    def __init__(self, app: ASGIApp, allowed_origins: Iterable[str] = ()) -> None:
        self.app = app
        self.allowed = {_origin_of(origin) for origin in allowed_origins if origin != "*"}
        self.allow_all = "*" in set(allowed_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in WRITE_METHODS and not self.allow_all:
            headers = dict(scope.get("headers") or [])
            origin = headers.get(b"origin", b"").decode("latin-1").strip().lower()
            host = headers.get(b"host", b"").decode("latin-1").strip().lower()
            if origin and origin != "null" and urlsplit(origin).netloc != host and origin not in self.allowed:
                await _send_error(send, 403, f"cross-origin write refused: origin {origin} is not allowed "
                                             "(start the server with --cors-origin to allow it)")
                return
            if origin == "null":
                await _send_error(send, 403, "cross-origin write refused: opaque origin")
                return
        await self.app(scope, receive, send)
