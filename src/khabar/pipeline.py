"""The analysis pipeline: an ordered list of stages, each ``Document -> Document``.

Read ``STAGES`` top to bottom to see what Khabar does to an article. A stage reads the layers
earlier stages added and adds its own; it never re-parses another stage's strings. A stage that
fails on one document leaves a warning and the document continues through the rest, so a batch
never loses an article to one bad stage (the result is marked partial in ``warnings``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from khabar.document import Document, Meta
from khabar.events.stage import extract_events
from khabar.link.stage import link_entities
from khabar.ner.stage import recognize_entities
from khabar.numbers.stage import extract_numbers
from khabar.parallel import ordered_map
from khabar.quotes.stage import extract_quotes
from khabar.text.normalize import arabic_ratio, normalize_key
from khabar.text.stage import segment_text
from khabar.time.stage import extract_dates

log = logging.getLogger(__name__)

Stage = Callable[[Document], Document]

DEFAULT_MAX_CHARS = 1_000_000
"""Longest text analyzed without being asked (about 150k words); raise with ``max_chars``."""

MIN_ARABIC_RATIO = 0.5


class InputError(ValueError):
    """The input cannot be analyzed as given (empty, too large); the message says why."""


def check_language(doc: Document) -> Document:
    """Record the language and warn when the text is not (mostly) Arabic."""
    ratio = arabic_ratio(doc.text)
    if doc.meta.language is None:
        doc.meta.language = "ar" if ratio >= MIN_ARABIC_RATIO else None
    if ratio < MIN_ARABIC_RATIO:
        doc.warn(f"text is not Arabic ({ratio:.0%} of its letters are Arabic script): "
                 "results will be sparse or empty")
    return doc


STAGES: list[Stage] = [
    check_language,
    segment_text,        # quotation marks, sentences, tokens with clitic segments
    recognize_entities,  # typed name mentions (CRF + gazetteers)
    extract_numbers,     # cardinal numbers, ranges, units, what is counted
    extract_dates,       # absolute, weekday and relative dates resolved against meta.published
    link_entities,       # coreference, knowledge base, transliteration, geocoding
    extract_quotes,      # direct and reported speech with speaker, cue, addressee, channel
    extract_events,      # PLOVER events with actors, targets, place, date, fatalities, ACLED fields
]


def _meta(meta: Meta | dict[str, Any] | None, **overrides: str | None) -> Meta:
    if isinstance(meta, Meta):
        result = Meta(meta.source, meta.url, meta.published, meta.title, meta.language)
    else:
        result = Meta.from_json(meta)
    for name, value in overrides.items():
        if value is not None:
            setattr(result, name, value)
    return result


def run_stages(doc: Document, stages: Iterable[Stage] = STAGES) -> Document:
    for stage in stages:
        try:
            doc = stage(doc)
        except Exception as error:  # a stage bug must not lose the article
            log.debug("stage %s failed on document %s", stage.__name__, doc.id, exc_info=True)
            doc.warn(f"partial result: stage {stage.__name__} failed ({type(error).__name__}: {error})")
    return doc


def analyze(
    text: str,
    meta: Meta | dict[str, Any] | None = None,
    *,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    stages: Iterable[Stage] = STAGES,
) -> Document:
    """Analyze one article and return its annotated ``Document``.

    Raises ``InputError`` for text that is not a string, is empty or whitespace only, or is
    longer than ``max_chars`` code points.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if not normalize_key(text).strip():
        raise InputError("empty input: the text is empty or whitespace only")
    if len(text) > max_chars:
        raise InputError(f"input too large: {len(text):,} characters (limit {max_chars:,}; "
                         "raise it with max_chars / --max-chars)")
    if "\x00" in text:
        raise InputError("binary input: the text contains NUL characters")
    document = Document(text=text, meta=_meta(meta, published=published, source=source, url=url, title=title))
    return run_stages(document, stages)


@dataclass(slots=True)
class AnalysisFailure:
    """An item of a batch that could not be analyzed (the batch goes on)."""

    origin: str
    reason: str


BatchItem = Any  # str, (text, meta), dict with "text"/"content", or an object with .text and .meta


def _unpack(item: BatchItem) -> tuple[str, Meta | dict[str, Any] | None, str]:
    if isinstance(item, str):
        return item, None, ""
    if isinstance(item, tuple):
        text, meta = item
        return text, meta, ""
    if isinstance(item, dict):
        text = item.get("text") if item.get("text") is not None else item.get("content", "")
        meta = {k: v for k, v in item.items() if k not in ("text", "content")}
        return str(text), meta, str(item.get("url") or item.get("id") or "")
    return item.text, item.meta, getattr(item, "origin", "")


def _analyze_item(item: BatchItem, max_chars: int = DEFAULT_MAX_CHARS) -> Document | AnalysisFailure:
    text, meta, origin = _unpack(item)
    try:
        return analyze(text, meta, max_chars=max_chars)
    except InputError as error:
        return AnalysisFailure(origin, str(error))


def analyze_many(
    items: Iterable[BatchItem], *, workers: int = 1, max_chars: int = DEFAULT_MAX_CHARS, chunksize: int = 8,
) -> Iterator[Document | AnalysisFailure]:
    """Analyze a stream of articles in order, yielding a Document or an AnalysisFailure for each.

    ``workers > 1`` analyzes in that many processes (``0`` means one per CPU core); the input is
    consumed lazily, a few chunks ahead, so a million-article stream never sits in memory.
    """
    yield from ordered_map(partial(_analyze_item, max_chars=max_chars), items, workers=workers,
                           chunksize=chunksize)
