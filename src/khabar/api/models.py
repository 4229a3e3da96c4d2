"""Request and response models: they are the OpenAPI schema clients (and the fuzz tests) read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

DOCUMENT_SCHEMA_DOC = (
    "A `khabar.document/1` object: `schema`, `id`, `text` (unchanged; every offset is a Unicode code point "
    "into it), `meta`, `sentences`, `entities`, `quotes`, `events`, `numbers`, `dates`, `warnings`. "
    "The full JSON Schema is served at `/schema/document.json`."
)


class AnalyzeRequest(BaseModel):
    """An article to analyze. Only `text` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article text (Arabic). Empty or whitespace-only text is refused "
                                  "with 400; non-Arabic text is analyzed and answered 200 with a warning.")
    published: dt.date | None = Field(None, description="Publication date YYYY-MM-DD: resolves relative "
                                                        "dates such as 'يوم الإثنين' and 'بالأمس'.")
    source: str | None = Field(None, max_length=500, description="Outlet / source name.")
    url: str | None = Field(None, max_length=4000)
    title: str | None = Field(None, max_length=2000)

    def meta(self) -> dict[str, Any]:
        return {"published": self.published.isoformat() if self.published else None, "source": self.source,
                "url": self.url, "title": self.title}


class DocumentJSON(BaseModel):
    """A `khabar.document/1` document (see `/schema/document.json` for every field)."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"description": DOCUMENT_SCHEMA_DOC})

    schema_: str = Field(alias="schema", examples=["khabar.document/1"])
    id: str
    text: str
    meta: dict[str, Any]
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    warnings: list[str]


class Page(BaseModel):
    """A page of results: `total` is the number of matches when the store can count them, else null."""

    model_config = ConfigDict(extra="allow")

    items: list[dict[str, Any]]
    limit: int
    offset: int
    total: int | None = None


class EntityReport(BaseModel):
    """An entity across the corpus: its mentions, its quotes as speaker, its events, a timeline."""

    model_config = ConfigDict(extra="allow")

    entity: dict[str, Any]
    mentions: list[dict[str, Any]] = Field(default_factory=list)
    quotes: list[dict[str, Any]] = Field(default_factory=list)
    events: list[dict[str, Any]] = Field(default_factory=list)
    timeline: list[dict[str, Any]] = Field(default_factory=list,
                                           description="[{date: YYYY-MM-DD, mentions: n}] in date order")


class Health(BaseModel):
    status: str
    version: str
    store: bool
    documents: int | None = None
