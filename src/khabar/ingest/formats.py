"""Parsers for one decoded input: JSON objects, HTML pages and RSS/Atom feeds to (text, Meta)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from khabar.document import Meta
from khabar.ingest.dates import normalize_published

log = logging.getLogger(__name__)

TEXT_FIELDS: tuple[str, ...] = ("text", "content", "body", "article")
SOURCE_FIELDS: tuple[str, ...] = ("source", "outlet", "publisher", "site")
DATE_FIELDS: tuple[str, ...] = ("published", "date", "date_published", "date_extracted", "pubDate", "time")


class FormatError(ValueError):
    """The input is not valid in its format; the message says why (one line)."""


@dataclass(slots=True)
class Parsed:
    text: str
    meta: Meta
    suffix: str = ""  # appended to the origin, e.g. "[3]" for the fourth item of an array


def _first_str(obj: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = obj.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _first_date(obj: dict[str, Any]) -> str | None:
    for name in DATE_FIELDS:
        if obj.get(name) not in (None, ""):
            normalized = normalize_published(obj[name])
            if normalized:
                return normalized
    return None


def article_from_object(obj: Any) -> Parsed:
    """One JSON article object: ``text``/``content`` plus title, url, source/outlet, published/date."""
    if not isinstance(obj, dict):
        raise FormatError(f"expected a JSON object with a 'text' or 'content' field, got {type(obj).__name__}")
    text = None
    for name in TEXT_FIELDS:
        if isinstance(obj.get(name), str):
            text = obj[name]
            break
    if text is None:
        raise FormatError("JSON object has no 'text' or 'content' string field")
    meta_obj = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    merged = {**obj, **meta_obj}
    language = merged.get("language") or merged.get("lang")
    meta = Meta(
        source=_first_str(merged, SOURCE_FIELDS),
        url=_first_str(merged, ("url", "link")),
        published=_first_date(merged),
        title=_first_str(merged, ("title", "headline")),
        language=language if isinstance(language, str) else None,
    )
    return Parsed(text, meta)


def articles_from_json(value: Any) -> list[Parsed | FormatError]:
    """A JSON document: one article object, or an array of them (each item may fail alone)."""
    if isinstance(value, list):
        results: list[Parsed | FormatError] = []
        for index, item in enumerate(value):
            try:
                parsed = article_from_object(item)
                parsed.suffix = f"[{index}]"
                results.append(parsed)
            except FormatError as error:
                error.args = (f"[{index}] {error}",)
                results.append(error)
        return results
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        return articles_from_json(value["articles"])
    return [article_from_object(value)]


def article_from_html(html: str) -> Parsed:
    """Main text, title and date of one HTML page, via trafilatura (offline, no fetching)."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                                favor_recall=True)
    except Exception as error:  # trafilatura/lxml may raise on pathological markup
        raise FormatError(f"malformed HTML: {type(error).__name__}: {error}") from None
    if extracted is None or not (extracted.text or "").strip():
        text = _html_plain_text(html)
        if not text.strip():
            raise FormatError("HTML page has no extractable main text")
        return Parsed(text, Meta())
    meta = Meta(
        source=extracted.sitename or None,
        url=extracted.url or None,
        published=normalize_published(extracted.date),
        title=extracted.title or None,
        language=extracted.language or None,
    )
    return Parsed(extracted.text, meta)


def _html_plain_text(html: str) -> str:
    """All visible text of an HTML fragment (for feed summaries and pages trafilatura rejects)."""
    if "<" not in html:
        return html
    try:
        import lxml.html

        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        for br in root.xpath("//br|//p|//div|//li|//h1|//h2|//h3"):
            br.tail = "\n" + (br.tail or "")
        lines = (" ".join(line.split()) for line in root.text_content().splitlines())
        return "\n".join(line for line in lines if line)
    except Exception:  # unparseable fragment: fall back to the raw string
        log.debug("could not parse HTML fragment", exc_info=True)
        return html


def articles_from_feed(data: bytes) -> list[Parsed | FormatError]:
    """Entries of an RSS or Atom feed; an entry's text is its content, else its summary."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise FormatError(f"not a readable RSS/Atom feed{': ' + str(reason) if reason else ' (no entries)'}")
    outlet = (feed.feed.get("title") or "").strip() or None
    results: list[Parsed | FormatError] = []
    for index, entry in enumerate(feed.entries):
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = body or entry.get("summary", "") or entry.get("description", "")
        text = _html_plain_text(body).strip()
        if not text:
            results.append(FormatError(f"[{index}] feed entry has no content or summary"))
            continue
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                year, month, day = entry[key][:3]
                published = f"{year:04d}-{month:02d}-{day:02d}"
                break
        if published is None:
            published = normalize_published(entry.get("published") or entry.get("updated"))
        meta = Meta(source=outlet, url=entry.get("link"), published=published,
                    title=(entry.get("title") or None))
        results.append(Parsed(text, meta, f"[{index}]"))
    return results
