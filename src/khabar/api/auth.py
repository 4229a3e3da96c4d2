"""The optional API key: when the server has one, every write endpoint requires it (401 otherwise)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Request, Security
from fastapi.security import APIKeyHeader

from khabar.api.errors import ApiError

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="Required on POST endpoints when the server was started with a key "
                                          "(KHABAR_API_KEY); `Authorization: Bearer KEY` works too.")


async def require_api_key(request: Request, key: Annotated[str | None, Security(api_key_header)] = None) -> None:
    expected: str | None = request.app.state.settings.api_key
    if not expected:
        return
    if key is None:
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        key = token.strip() if scheme.lower() == "bearer" else None
    if not key or not hmac.compare_digest(key.encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(401, "API key required: send it in the X-API-Key header",
                       headers={"WWW-Authenticate": "Bearer"})
