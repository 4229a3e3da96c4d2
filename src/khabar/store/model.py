"""Query filters and results returned by every store backend."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Filters:
    """Restrictions on documents (search, export) or events (events, ACLED export).

    ``entity``/``place``/``speaker`` match a KB id, a corpus entity key (``kb:Q...``,
    ``GPE:الموصل``), an English name or the normalized Arabic name; ``since``/``until`` are ISO
    dates, inclusive, on the publication date (documents) or the event day (events).
    """

    entity: str | None = None
    type: str | None = None
    event_type: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    speaker: str | None = None
    source: str | None = None
    status: str | None = None  # events only: e.g. "happened"; None = every status

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Filters:
        data = data or {}
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__ and v not in (None, "")})


@dataclass
class Hit:
    """One search result: the document's metadata, its score (higher is better) and a snippet."""

    doc_id: str
    score: float
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    origin: str | None
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["highlights"] = [list(span) for span in self.highlights]
        return data
