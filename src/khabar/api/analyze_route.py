"""``POST /analyze``: one article in (JSON or plain text), one ``khabar.document/1`` out."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from khabar.api.auth import require_api_key
from khabar.api.errors import ApiError, ErrorResponse
from khabar.api.models import AnalyzeRequest, DocumentJSON
from khabar.document import Document

router = APIRouter()

JSON_TYPES = ("application/json",)
TEXT_TYPES = ("text/plain",)

ANALYZE_DESCRIPTION = """Analyze one Arabic article and return its `khabar.document/1` JSON.

Send either `application/json` (`{"text": ..., "published"?, "source"?, "url"?, "title"?}`) or a
`text/plain` UTF-8 body (metadata then goes in the query string).

* **400**: the text is empty or whitespace only, contains NUL bytes, or is not valid UTF-8.
* **413**: the body is larger than the server's limit, or the text longer than its character limit.
* **415**: the body is neither `application/json` nor `text/plain`.
* **422**: invalid JSON, or a field of the wrong type or missing (`error.fields` names it).
* **401**: the server requires an API key (`X-API-Key` header or `Authorization: Bearer KEY`).
* **503 / 504**: the server is busy, or the analysis ran past its time limit: send a shorter text.
* Text that is not Arabic is analyzed all the same: **200** with a message in `warnings`.

With `save=true` and a corpus database configured, the document is also stored
(header `X-Khabar-Stored: true` when it was new).
"""

_ERRORS = {
    status: {"model": ErrorResponse, "description": text} for status, text in {
        400: "Empty text, NUL bytes or a body that is not UTF-8",
        401: "API key missing or wrong (only when the server has one)",
        403: "Cross-origin write refused",
        413: "Body or text too large",
        415: "Content type neither application/json nor text/plain",
        422: "Invalid JSON or a field of the wrong type (`error.fields` names it)",
        503: "Server busy (retry later) or no corpus database for save=true",
        504: "Analysis timed out",
    }.items()
}

_REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {"schema": AnalyzeRequest.model_json_schema()},
        "text/plain": {"schema": {"type": "string", "description": "The article text, UTF-8"}},
    },
}


def _media_type(request: Request) -> tuple[str, str]:
    raw = request.headers.get("content-type", "")
    media, _, params = raw.partition(";")
    charset = "utf-8"
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip('"').lower()
    return media.strip().lower(), charset


def _decode(body: bytes, charset: str) -> str:
    try:
        return body.decode(charset)
    except LookupError:
        raise ApiError(415, f"unsupported charset {charset!r}: send UTF-8") from None
    except UnicodeDecodeError as error:
        raise ApiError(400, f"the body is not valid {charset} text (byte {error.start})") from None


def _parse_json(body: bytes) -> AnalyzeRequest:
    try:
        data = json.loads(_decode(body, "utf-8"))
    except json.JSONDecodeError as error:
        raise ApiError(422, f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
                       fields=[{"field": "body", "message": f"invalid JSON: {error.msg}"}]) from None
    if not isinstance(data, dict):
        raise ApiError(422, "invalid request: the JSON body must be an object with a \"text\" field",
                       fields=[{"field": "body", "message": "expected a JSON object"}])
    return AnalyzeRequest.model_validate(data)


@router.post(
    "/analyze", summary="Analyze one article", description=ANALYZE_DESCRIPTION, tags=["analyze"],
    response_model=DocumentJSON, responses=_ERRORS, openapi_extra={"requestBody": _REQUEST_BODY},
    dependencies=[Depends(require_api_key)],
)
async def analyze_article(
    request: Request,
    save: Annotated[bool, Query(description="also store the document in the corpus database")] = False,
    published: Annotated[dt.date | None, Query(description="publication date (text/plain bodies)")] = None,
    source: Annotated[str | None, Query(max_length=500, description="outlet (text/plain bodies)")] = None,
    url: Annotated[str | None, Query(max_length=4000)] = None,
    title: Annotated[str | None, Query(max_length=2000)] = None,
) -> Response:
    settings = request.app.state.settings
    media, charset = _media_type(request)
    body = await request.body()
    if media in JSON_TYPES or media.endswith("+json"):
        article = _parse_json(body)
    elif media in TEXT_TYPES:
        article = AnalyzeRequest(text=_decode(body, charset))
    else:
        shown = media or "none"
        raise ApiError(415, f"unsupported content type {shown}: send application/json or text/plain")
    meta = article.meta()
    for name, value in (("published", published.isoformat() if published else None), ("source", source),
                        ("url", url), ("title", title)):
        if meta.get(name) is None and value is not None:
            meta[name] = value
    text = article.text
    if not text.strip():
        raise ApiError(400, "empty text: nothing to analyze", fields=[{"field": "text", "message": "empty"}])
    if len(text) > settings.max_chars:
        raise ApiError(413, f"text too long: {len(text):,} characters (the limit is {settings.max_chars:,})",
                       fields=[{"field": "text", "message": "too long"}])
    if "\x00" in text:
        raise ApiError(400, "binary input: the text contains NUL characters",
                       fields=[{"field": "text", "message": "contains NUL"}])
    store = request.app.state.store
    if save and store is None:
        raise ApiError(503, "save=true but the server has no corpus database (start it with --db)")
    payload = await request.app.state.runner.analyze(text, meta, settings.max_chars)
    headers = {}
    if save:
        stored = await run_in_threadpool(store.add, Document.loads(payload))
        headers["X-Khabar-Stored"] = "true" if stored else "false"
    return Response(payload.encode("utf-8"), media_type="application/json", headers=headers)
