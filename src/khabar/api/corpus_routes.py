"""Corpus endpoints: documents, search, entities, events, statistics, export (read only)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse

from khabar.api.entity_report import entity_report
from khabar.api.errors import ApiError, ErrorResponse
from khabar.api.export import EXPORT_FORMATS, export_stream
from khabar.api.models import DocumentJSON, EntityReport, Health, Page
from khabar.api.store import LockedStore
from khabar.document import ENTITY_TYPES, PLOVER_TYPES
from khabar.version import __version__

router = APIRouter()

EntityType = Enum("EntityType", {t: t for t in ENTITY_TYPES}, type=str)  # type: ignore[misc]
EventType = Enum("EventType", {t: t for t in PLOVER_TYPES}, type=str)  # type: ignore[misc]

_NO_STORE = {503: {"model": ErrorResponse, "description": "The server was started without a corpus database"}}
_BAD = {422: {"model": ErrorResponse, "description": "A query parameter is invalid (`error.fields` names it)"}}


def corpus(request: Request) -> LockedStore:
    store = request.app.state.store
    if store is None:
        raise ApiError(503, "no corpus database: start the server with --db PATH")
    return store


Store = Annotated[LockedStore, Depends(corpus)]
Limit = Annotated[int, Query(ge=1, le=200, description="results per page (1–200)")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="results to skip")]


class FilterParams:
    """The filters of ``khabar search``: every one optional, all must hold."""

    def __init__(
        self,
        entity: Annotated[str | None, Query(max_length=300, description="entity key, KB id, English or Arabic name")] = None,
        type: Annotated[EntityType | None, Query(description="entity type (with `entity`, or alone)")] = None,
        event_type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,
        place: Annotated[str | None, Query(max_length=300, description="place key or name")] = None,
        since: Annotated[dt.date | None, Query(description="published on or after (YYYY-MM-DD)")] = None,
        until: Annotated[dt.date | None, Query(description="published on or before (YYYY-MM-DD)")] = None,
        speaker: Annotated[str | None, Query(max_length=300, description="quoted speaker key or name")] = None,
        source: Annotated[str | None, Query(max_length=300, description="outlet")] = None,
    ) -> None:
        if since and until and since > until:
            raise ApiError(422, "invalid request: since is after until",
                           fields=[{"field": "since", "message": "after until"}])
        self.values: dict[str, Any] = {
            "entity": entity, "type": type.value if type else None,
            "event_type": event_type.value if event_type else None, "place": place,
            "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
            "speaker": speaker, "source": source,
        }

    def build(self, **extra: Any) -> Any:
        from khabar.store.model import Filters

        return Filters.from_dict({**self.values, **extra})

    @property
    def empty(self) -> bool:
        return not any(self.values.values())


Filtered = Annotated[FilterParams, Depends()]


def _json(value: Any) -> Any:
    to_json = getattr(value, "to_json", None)
    return to_json() if callable(to_json) else value


@router.get("/health", response_model=Health, tags=["server"], summary="Server status")
async def health(request: Request) -> dict[str, Any]:
    store: LockedStore | None = request.app.state.store
    count = await run_in_threadpool(store.call, "count") if store is not None else None
    return {"status": "ok", "version": __version__, "store": store is not None, "documents": count}


@router.get("/documents", response_model=Page, tags=["corpus"], summary="List stored documents (no text)",
            responses={**_NO_STORE, **_BAD})
async def list_documents(store: Store, filters: Filtered, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    items = await run_in_threadpool(store.call, "list_documents", limit, offset, filters.build())
    total = await run_in_threadpool(store.call, "count") if filters.empty else None
    return {"items": items, "limit": limit, "offset": offset, "total": total}


@router.get("/documents/{doc_id}", response_model=DocumentJSON, tags=["corpus"], summary="One stored document",
            responses={404: {"model": ErrorResponse, "description": "No such document"}, **_NO_STORE})
async def get_document(store: Store, doc_id: Annotated[str, Path(max_length=64)]) -> JSONResponse:
    document = await run_in_threadpool(store.call, "get", doc_id)
    if document is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    return JSONResponse(document.to_json())


@router.get("/search", response_model=Page, tags=["corpus"], summary="Full-text search with filters",
            description="All words must occur (Arabic clitics and spelling variants folded); "
                        "\"quoted phrases\" in order. Empty `q` lists the documents matching the filters. "
                        "Each item has a `snippet` and `highlights` ([start, end] offsets in the snippet).",
            responses={**_NO_STORE, **_BAD})
async def search(store: Store, filters: Filtered,
                 q: Annotated[str, Query(max_length=500, description="search words")] = "",
                 limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    hits = await run_in_threadpool(store.call, "search", q, filters.build(), limit, offset)
    return {"items": [_json(hit) for hit in hits], "limit": limit, "offset": offset, "total": None, "query": q}


@router.get("/entities/{key}", response_model=EntityReport, tags=["corpus"],
            summary="An entity across the corpus",
            description="`key`: a corpus entity key (`kb:Q…`, `PER:لافروف`), a KB id, or an English or Arabic "
                        "name. Answers its mentions in context, its quotes as speaker, the events it takes "
                        "part in, and a timeline of mentions by publication date.",
            responses={404: {"model": ErrorResponse, "description": "No such entity"}, **_NO_STORE})
async def get_entity(store: Store, key: Annotated[str, Path(min_length=1, max_length=300)],
                     limit: Annotated[int, Query(ge=1, le=500, description="most items per list")] = 100,
                     ) -> dict[str, Any]:
    report = await run_in_threadpool(entity_report, store, key, limit)
    if report is None:
        raise ApiError(404, f"no entity {key!r} in the corpus")
    return report


@router.get("/events", response_model=Page, tags=["corpus"], summary="Stored events with filters",
            responses={**_NO_STORE, **_BAD})
async def list_events(store: Store, filters: Filtered,
                      status: Annotated[str | None, Query(pattern="^(happened|planned|threatened|denied|"
                                                                  "hypothetical|claimed)$")] = None,
                      limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    events = await run_in_threadpool(store.call, "events", filters.build(status=status), limit, offset)
    return {"items": events, "limit": limit, "offset": offset, "total": None}


@router.get("/stats", tags=["corpus"], summary="Corpus statistics: sizes, top entities and speakers",
            responses=_NO_STORE)
async def stats(store: Store, top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    return await run_in_threadpool(store.call, "stats", top)


@router.get("/export", tags=["corpus"], summary="Export the corpus (streamed)",
            description="`jsonl`: one `khabar.document/1` per line; `csv`: one row per event; "
                        "`acled`: events in ACLED's export columns. Filters as for `/search`.",
            responses={200: {"content": {"application/x-ndjson": {}, "text/csv": {}}}, **_NO_STORE, **_BAD})
async def export(store: Store, filters: Filtered,
                 format: Annotated[str, Query(pattern="^(" + "|".join(EXPORT_FORMATS) + ")$")] = "jsonl",
                 ) -> StreamingResponse:
    media, extension, chunks = export_stream(store, format, filters.build())
    return StreamingResponse(chunks, media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="khabar-export.{extension}"'})
