"""One error envelope for every failure, and handlers that never leak a stack trace.

Every error response is ``{"error": {"status", "code", "message", "fields"?, "error_id"?}}``;
``fields`` lists the request fields that failed validation, ``error_id`` ties an unexpected
server error to the server log line that holds its details.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("khabar.api")

STATUS_CODES: dict[int, str] = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_request",
    500: "internal_error", 503: "unavailable", 504: "timeout",
}


class FieldError(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    fields: list[FieldError] | None = None
    error_id: str | None = None


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorBody


class ApiError(Exception):
    """An error the client can act on: its message is shown to them as is."""

    def __init__(self, status: int, message: str, *, fields: list[dict[str, str]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.fields, self.headers = status, message, fields, headers


def error_payload(status: int, message: str, *, fields: list[dict[str, str]] | None = None,
                  error_id: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status, "code": STATUS_CODES.get(status, "error"), "message": message}
    if fields:
        body["fields"] = fields
    if error_id:
        body["error_id"] = error_id
    return {"error": body}


def error_response(status: int, message: str, *, fields: list[dict[str, str]] | None = None,
                   error_id: str | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_payload(status, message, fields=fields, error_id=error_id), status_code=status,
                        headers=headers)


def validation_fields(errors: list[Any]) -> list[dict[str, str]]:
    """``[{"field": "text", "message": "Field required"}]`` from pydantic/FastAPI error dicts."""
    result = []
    for item in errors:
        location = [str(part) for part in item.get("loc", ()) if part not in ("body", "query", "path", "header")]
        result.append({"field": ".".join(location) or "body", "message": str(item.get("msg", "invalid value"))})
    return result


def _describe(fields: list[dict[str, str]]) -> str:
    return "invalid request: " + "; ".join(f"{f['field']}: {f['message']}" for f in fields)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.message, fields=error.fields, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def _request_invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        fields = validation_fields(list(error.errors()))
        return error_response(422, _describe(fields), fields=fields)

    @app.exception_handler(ValidationError)
    async def _model_invalid(_: Request, error: ValidationError) -> JSONResponse:
        fields = validation_fields(list(error.errors()))
        return error_response(422, _describe(fields), fields=fields)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else STATUS_CODES.get(error.status_code, "error")
        if error.status_code == 404 and message == "Not Found":
            message = "not found: no such endpoint (see /openapi.json or /docs)"
        return error_response(error.status_code, message, headers=getattr(error, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        error_id = uuid.uuid4().hex[:12]
        log.error("error %s on %s %s", error_id, request.method, request.url.path, exc_info=error)
        return error_response(500, f"internal error (id {error_id}): the details are in the server log",
                              error_id=error_id)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    500: {"model": ErrorResponse, "description": "Unexpected server error: the body holds an error id, never a trace"},
}
