"""Khabar: offline, Arabic-first news intelligence.

``khabar.analyze(text, published="2016-10-26")`` returns a ``Document`` (schema ``khabar.document/1``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from khabar.document import SCHEMA_VERSION, Document, Meta
from khabar.version import __version__

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from khabar.pipeline import AnalysisFailure


def analyze(text: str, meta: Meta | dict[str, Any] | None = None, **options: Any) -> Document:
    """Analyze one Arabic article; see ``khabar.pipeline.analyze`` for the options."""
    from khabar.pipeline import analyze as run

    return run(text, meta, **options)


def analyze_many(items: Iterable[Any], **options: Any) -> Iterator[Document | AnalysisFailure]:
    """Analyze a stream of articles in order; see ``khabar.pipeline.analyze_many``."""
    from khabar.pipeline import analyze_many as run

    return run(items, **options)


__all__ = ["SCHEMA_VERSION", "Document", "Meta", "__version__", "analyze", "analyze_many"]
