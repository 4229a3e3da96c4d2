"""The web page (``/``), its static files, a plain HTML API reference (``/docs``) and the JSON Schema.

Everything is served from the package: no CDN, no external fonts, nothing fetched by the browser
from anywhere but this server (FastAPI's Swagger UI is not used because it loads from a CDN).
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from khabar.api.errors import ApiError
from khabar.paths import PACKAGE_DIR

router = APIRouter(include_in_schema=False)

STATIC_DIR = Path(__file__).resolve().parent / "static"
SCHEMA_FILE = PACKAGE_DIR / "schema" / "document.schema.json"
STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
                ".json": "application/json", ".svg": "image/svg+xml", ".html": "text/html; charset=utf-8",
                ".ico": "image/x-icon", ".png": "image/png"}

@router.get("/")
async def index() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8",
                        headers={"Cache-Control": "no-cache"})


@router.get("/static/{name}")
async def static_file(name: str) -> FileResponse:
    path = (STATIC_DIR / name).resolve()
    if path.parent != STATIC_DIR or not path.is_file() or path.suffix not in STATIC_TYPES:
        raise ApiError(404, f"no static file {name!r}")
    return FileResponse(path, media_type=STATIC_TYPES[path.suffix], headers={"Cache-Control": "no-cache"})


@router.get("/favicon.ico")
async def favicon() -> Response:
    return Response(status_code=204)


@router.get("/schema/document.json")
async def document_schema() -> JSONResponse:
    return JSONResponse(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def _params(operation: dict[str, Any]) -> str:
    rows = []
    for param in operation.get("parameters", []):
        schema = param.get("schema", {})
        kind = schema.get("type") or " | ".join(s.get("type", "") for s in schema.get("anyOf", []) if s.get("type"))
        if "enum" in schema or any("enum" in s for s in schema.get("anyOf", [])):
            kind = "one of: " + ", ".join(str(v) for s in [schema, *schema.get("anyOf", [])] for v in s.get("enum", []))
        rows.append(f"<tr><td><code>{escape(param['name'])}</code></td><td>{escape(param['in'])}</td>"
                    f"<td>{escape(kind or '')}</td><td>{'yes' if param.get('required') else ''}</td>"
                    f"<td>{escape(param.get('description', ''))}</td></tr>")
    if not rows:
        return ""
    return ("<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th><th>description</th></tr>"
            + "".join(rows) + "</table>")


def render_reference(spec: dict[str, Any]) -> str:
    parts = [f"<h1>{escape(spec['info']['title'])} API {escape(spec['info']['version'])}</h1>",
             f"<pre>{escape(spec['info'].get('description', ''))}</pre>",
             '<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI), '
             '<a href="/schema/document.json">/schema/document.json</a> (document JSON Schema). '
             'Web page: <a href="/">/</a>.</p>']
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            body = operation.get("requestBody", {}).get("content", {})
            responses = ", ".join(f"<b>{escape(code)}</b> {escape(r.get('description', ''))}"
                                  for code, r in operation.get("responses", {}).items())
            parts.append(
                f'<h2><span class="m {method.upper()}">{method.upper()}</span> <code>{escape(path)}</code> '
                f"— {escape(operation.get('summary', ''))}</h2>"
                f"<pre>{escape(operation.get('description', ''))}</pre>{_params(operation)}"
                + (f"<p>Body: {escape(', '.join(body))}</p>" if body else "")
                + f"<p>Responses: {responses}</p>")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Khabar API</title>'
            f'<link rel="stylesheet" href="/static/docs.css"></head><body>{"".join(parts)}</body></html>')


@router.get("/docs")
async def reference(request: Request) -> HTMLResponse:
    return HTMLResponse(render_reference(request.app.openapi()))
