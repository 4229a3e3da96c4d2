"""Read articles from files, archives, directories and streams; bad inputs become ``ReadFailure``s.

``read_path`` and ``read_stream`` never raise for bad input: each article found is yielded as an
``Article`` and each input (or line, or array item) that cannot be read as a ``ReadFailure`` with a
one-line reason, so a batch goes on past it. Formats are chosen by file extension, and sniffed from
the content when the extension says nothing (stdin, ``.dat``, no extension):

- ``.txt`` plain text in any encoding (UTF-8/16 first, then detection: cp1256, ISO-8859-6, ...)
- ``.html``/``.htm`` main text, title and date via trafilatura
- ``.jsonl`` one JSON article per line; ``.json`` one article object or an array of them
- ``.rss``/``.atom``/``.xml`` RSS and Atom feeds via feedparser
- ``.gz`` and ``.zip`` archives of any of these; directories, recursively, hidden files skipped
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from khabar.document import Meta
from khabar.ingest.decode import DecodeError, decode_bytes, looks_binary
from khabar.ingest.formats import (
    FormatError,
    Parsed,
    article_from_html,
    article_from_object,
    articles_from_feed,
    articles_from_json,
)

DEFAULT_MAX_CHARS = 2_000_000
MAX_ARCHIVE_DEPTH = 3
MAX_JSON_BYTES = 1 << 30  # a JSON array larger than this should be JSONL

EXTENSIONS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".gz": "gz", ".zip": "zip",
}


@dataclass
class Article:
    """One article to analyze; ``origin`` says where it came from (path, ``path:LINE``, ``a.zip/m.json[3]``)."""

    text: str
    meta: Meta
    origin: str


@dataclass
class ReadFailure:
    """One input that could not be read; ``reason`` is one human-readable line."""

    origin: str
    reason: str


ReadResult = Article | ReadFailure


class _TooLarge(Exception):
    pass


def too_large_reason(size: int | None, max_chars: int, unit: str = "characters") -> str:
    amount = f"{size:,} {unit}" if size is not None else f"more than {max_chars:,} characters"
    return f"input too large: {amount} (limit {max_chars:,} characters; raise it with --max-chars)"


def make_article(text: str, meta: Meta, origin: str, max_chars: int) -> ReadResult:
    """Check one article's text (empty, NUL bytes, length) and wrap it."""
    if not text.strip():
        return ReadFailure(origin, "empty input")
    if "\x00" in text:
        return ReadFailure(origin, "binary content (NUL characters in the text)")
    if len(text) > max_chars:
        return ReadFailure(origin, too_large_reason(len(text), max_chars))
    return Article(text, meta, origin)


def format_of(name: str) -> str:
    """The reader for a file name ('sniff' when its extension says nothing)."""
    return EXTENSIONS.get(os.path.splitext(name)[1].lower(), "sniff")


def _read_capped(stream: BinaryIO, cap: int) -> bytes:
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise _TooLarge
    return data


def _byte_cap(kind: str, max_chars: int) -> int:
    if kind in ("json", "zip"):
        return max(MAX_JSON_BYTES, 4 * max_chars)
    if kind in ("html", "feed", "sniff"):
        return 16 * max_chars + 65_536  # markup around the text
    return 4 * max_chars + 4  # at most 4 bytes per code point (UTF-8/16/32), plus a BOM


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and re.search(rb"<(rss|feed|rdf)", head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if head.startswith((b"{", b"[")):
        return "json"
    return "txt"


def _from_parsed(items: list[Parsed | FormatError], origin: str, max_chars: int) -> Iterator[ReadResult]:
    for item in items:
        if isinstance(item, FormatError):
            message = str(item)
            if message.startswith("["):  # "[3] reason" -> origin[3]
                index, _, message = message.partition("] ")
                yield ReadFailure(f"{origin}{index}]", message)
            else:
                yield ReadFailure(origin, message)
        else:
            yield make_article(item.text, item.meta, origin + item.suffix, max_chars)


def _read_jsonl(stream: BinaryIO, origin: str, max_chars: int) -> Iterator[ReadResult]:
    line_cap = 4 * max_chars + 65_536
    found = False
    line_number = 0
    while True:
        raw = stream.readline(line_cap + 1)
        if not raw:
            break
        line_number += 1
        where = f"{origin}:{line_number}"
        if len(raw) > line_cap and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the overlong line
                raw = stream.readline(line_cap)
            found = True
            yield ReadFailure(where, too_large_reason(None, max_chars))
            continue
        if not raw.strip():
            continue
        found = True
        try:
            line, _ = decode_bytes(raw)
            parsed = article_from_object(json.loads(line))
        except (DecodeError, FormatError) as error:
            yield ReadFailure(where, str(error))
            continue
        except json.JSONDecodeError as error:
            yield ReadFailure(where, f"invalid JSON: {error.msg} at column {error.colno}")
            continue
        except RecursionError:
            yield ReadFailure(where, "invalid JSON: nested too deeply")
            continue
        yield make_article(parsed.text, parsed.meta, where, max_chars)
    if not found:
        yield ReadFailure(origin, "empty input")


def _read_zip(stream: BinaryIO, origin: str, max_chars: int, depth: int) -> Iterator[ReadResult]:
    if not stream.seekable():
        stream = io.BytesIO(_read_capped(stream, _byte_cap("zip", max_chars)))
    try:
        archive = zipfile.ZipFile(stream)
    except zipfile.BadZipFile as error:
        yield ReadFailure(origin, f"not a readable zip archive: {error}")
        return
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        members = [info for info in members
                   if not any(part.startswith(".") or part == "__MACOSX" for part in info.filename.split("/"))]
        if not members:
            yield ReadFailure(origin, "empty input (zip archive without files)")
        for info in members:
            where = f"{origin}/{info.filename}"
            if info.file_size > _byte_cap(format_of(info.filename), max_chars):
                yield ReadFailure(where, too_large_reason(info.file_size, max_chars, "bytes"))
                continue
            try:
                with archive.open(info) as member:
                    yield from _read_stream(member, info.filename, where, max_chars, depth + 1)
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, OSError) as error:
                yield ReadFailure(where, f"cannot extract from zip archive: {error}")


def _read_stream(stream: BinaryIO, name: str, origin: str, max_chars: int, depth: int = 0) -> Iterator[ReadResult]:
    """Read one file-like input whose format follows from ``name`` (or its content)."""
    kind = format_of(name)
    if depth > MAX_ARCHIVE_DEPTH:
        yield ReadFailure(origin, f"archives nested more than {MAX_ARCHIVE_DEPTH} deep")
        return
    try:
        if kind == "gz":
            with gzip.GzipFile(fileobj=stream) as inner:
                yield from _read_stream(inner, name[:-3], origin, max_chars, depth + 1)
            return
        if kind == "zip":
            yield from _read_zip(stream, origin, max_chars, depth)
            return
        if kind == "jsonl":
            yield from _read_jsonl(stream, origin, max_chars)
            return
        data = _read_capped(stream, _byte_cap(kind, max_chars))
    except _TooLarge:
        yield ReadFailure(origin, too_large_reason(None, max_chars))
        return
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        yield ReadFailure(origin, f"not a readable gzip file: {error or 'truncated'}")
        return
    except OSError as error:
        yield ReadFailure(origin, f"cannot read: {error.strerror or error}")
        return
    yield from _read_bytes(data, kind, origin, max_chars)


def _read_bytes(data: bytes, kind: str, origin: str, max_chars: int) -> Iterator[ReadResult]:
    if not data.strip():
        yield ReadFailure(origin, "empty input")
        return
    if looks_binary(data):
        yield ReadFailure(origin, "binary file (contains NUL or control bytes): not a text article")
        return
    if kind == "sniff":
        kind = _sniff(data)
    try:
        if kind == "feed":
            yield from _from_parsed(articles_from_feed(data), origin, max_chars)
            return
        text, _ = decode_bytes(data, declared=_declared_charset(data) if kind == "html" else None)
        if kind == "html":
            parsed = article_from_html(text)
            yield make_article(parsed.text, parsed.meta, origin, max_chars)
        elif kind == "json":
            try:
                value = json.loads(text)
            except json.JSONDecodeError as error:
                if format_of(origin) == "json":
                    yield ReadFailure(origin, f"invalid JSON: {error.msg} at line {error.lineno} "
                                              f"column {error.colno}")
                    return
                value = None  # sniffed JSON that is not JSON: plain text starting with { or [
            if value is None:
                yield make_article(text, Meta(), origin, max_chars)
            else:
                yield from _from_parsed(articles_from_json(value), origin, max_chars)
        else:
            yield make_article(text, Meta(), origin, max_chars)
    except (DecodeError, FormatError) as error:
        yield ReadFailure(origin, str(error))
    except RecursionError:
        yield ReadFailure(origin, "invalid input: nested too deeply")


def _walk(directory: Path) -> Iterator[Path | ReadFailure]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for error in errors:
            yield ReadFailure(str(error.filename or root), f"cannot read directory: {error.strerror or error}")
        errors.clear()
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name
    for error in errors:
        yield ReadFailure(str(error.filename or directory), f"cannot read directory: {error.strerror or error}")


def read_path(path: str | Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadResult]:
    """Yield every article in a file, archive or directory (recursive, sorted, hidden files skipped)."""
    path = Path(path)
    origin = str(path)
    if path.is_dir():
        found = False
        for item in _walk(path):
            found = True
            if isinstance(item, ReadFailure):
                yield item
            else:
                yield from read_path(item, max_chars=max_chars)
        if not found:
            yield ReadFailure(origin, "empty input (directory without files)")
        return
    try:
        if not path.exists():
            yield ReadFailure(origin, "no such file or directory")
            return
        if not path.is_file():
            yield ReadFailure(origin, "not a regular file")
            return
        stream = path.open("rb")
    except OSError as error:
        yield ReadFailure(origin, f"cannot read: {error.strerror or error}")
        return
    with stream:
        yield from _read_stream(stream, path.name, origin, max_chars)  # type: ignore[arg-type]


def read_stream(stream: BinaryIO, *, name: str = "-", max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadResult]:
    """Yield the articles in a binary stream (e.g. stdin); ``name``'s extension picks the format."""
    yield from _read_stream(stream, name, name, max_chars)
