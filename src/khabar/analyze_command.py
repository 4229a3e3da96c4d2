"""``khabar analyze PATH|- ...``: analyze articles from files, directories or stdin."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import TextIO

from khabar.cli_groups import CommandGroups
from khabar.document import Document
from khabar.ingest.readers import Article, ReadFailure, read_path, read_stream
from khabar.pipeline import DEFAULT_MAX_CHARS, AnalysisFailure, analyze_many
from khabar.render.html import render_html
from khabar.render.text import render_text

FORMATS = ("json", "jsonl", "text", "html")


def register(groups: CommandGroups) -> None:
    parser = groups.top.add_parser(
        "analyze", help="analyze Arabic articles and print the document JSON, a summary or an HTML page",
        description="PATH may be a .txt, .html, .json, .jsonl, .gz or .zip file, a directory of these, or - for stdin.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (resolves relative dates)")
    parser.add_argument("--outlet", "--source", dest="outlet", help="outlet / source name")
    parser.add_argument("--url")
    parser.add_argument("--title")
    parser.add_argument("--format", choices=FORMATS, default="json")
    parser.add_argument("--output", "-o", help="write to FILE instead of stdout")
    parser.add_argument("--workers", type=int, default=1, help="processes for a batch (0: one per core)")
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                        help=f"refuse texts longer than this (default {DEFAULT_MAX_CHARS:,})")
    parser.add_argument("--indent", type=int, default=None, help="indent JSON output")
    parser.set_defaults(handler=run)


def _articles(args: argparse.Namespace, failures: list[tuple[str, str]]) -> Iterator[Article]:
    overrides = {"published": args.published, "source": args.outlet, "url": args.url, "title": args.title}
    for raw in args.paths:
        items = (read_stream(sys.stdin.buffer, name="-", max_chars=args.max_chars) if raw == "-"
                 else read_path(Path(raw), max_chars=args.max_chars))
        for item in items:
            if isinstance(item, ReadFailure):
                failures.append((item.origin, item.reason))
                print(f"khabar: skipped {item.origin}: {item.reason}", file=sys.stderr)
                continue
            for name, value in overrides.items():
                if value is not None:
                    setattr(item.meta, name, value)
            yield item


class _Writer:
    """Writes documents as they come; JSON output is one object for one article, an array for more."""

    def __init__(self, fmt: str, out: TextIO, indent: int | None) -> None:
        self.fmt, self.out, self.indent = fmt, out, indent
        self.count = 0
        self.pending: Document | None = None  # the first JSON document, held until a second one arrives
        self.html_documents: list[Document] = []

    def add(self, doc: Document) -> None:
        self.count += 1
        if self.fmt == "json":
            if self.count == 1:
                self.pending = doc
                return
            if self.pending is not None:
                self.out.write("[\n" + self.pending.dumps(indent=self.indent))
                self.pending = None
            self.out.write(",\n" + doc.dumps(indent=self.indent))
        elif self.fmt == "jsonl":
            self.out.write(doc.dumps() + "\n")
        elif self.fmt == "text":
            self.out.write(("" if self.count == 1 else "\n" + "=" * 72 + "\n") + render_text(doc) + "\n")
        else:
            self.html_documents.append(doc)

    def close(self) -> None:
        if self.fmt == "json" and self.count:
            self.out.write(self.pending.dumps(indent=self.indent) + "\n" if self.pending else "\n]\n")
        elif self.fmt == "html" and self.html_documents:
            self.out.write(render_html(self.html_documents))


def run(args: argparse.Namespace) -> int:
    from khabar.cli import CommandError

    if args.published and not _is_iso_date(args.published):
        raise CommandError(f"--published must be YYYY-MM-DD, not {args.published!r}")
    failures: list[tuple[str, str]] = []
    target = open(args.output, "w", encoding="utf-8") if args.output else nullcontext(sys.stdout)
    with target as out:
        writer = _Writer(args.format, out, args.indent)
        for result in analyze_many(_articles(args, failures), workers=args.workers, max_chars=args.max_chars):
            if isinstance(result, AnalysisFailure):
                failures.append((result.origin, result.reason))
                print(f"khabar: skipped {result.origin or 'input'}: {result.reason}", file=sys.stderr)
            else:
                writer.add(result)
        writer.close()
    if writer.count == 0:
        reason = failures[0][1] if failures else "no articles found"
        raise CommandError(f"nothing analyzed: {reason}")
    if failures:
        print(f"khabar: analyzed {writer.count}, skipped {len(failures)}", file=sys.stderr)
    return 0


def _is_iso_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
