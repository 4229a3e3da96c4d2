"""CLI: ``khabar ingest``, ``search``, ``export``, ``stats`` and ``merge-events``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from khabar.cli_groups import CommandGroups
from khabar.document import PLOVER_TYPES
from khabar.ingest.readers import DEFAULT_MAX_CHARS
from khabar.store import DEFAULT_DB, Filters, Store, StoreError, open_store
from khabar.store.export import FORMATS, TABLES
from khabar.store.searchtext import mark


def _fail(message: str) -> int:
    print(f"khabar: error: {message}", file=sys.stderr)
    return 2


def _open_existing(db: str) -> Store:
    if "://" not in db and db != ":memory:" and not Path(db).is_file():
        raise StoreError(f"no database at {db}: create it with 'khabar ingest PATH --db {db}'")
    return open_store(db)


def _filters(args: argparse.Namespace) -> Filters:
    return Filters(entity=args.entity, type=args.type, event_type=args.event_type, place=args.place,
                   since=args.since, until=args.until, speaker=args.speaker, source=args.source)


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, help="SQLite file or postgresql://... URL (default: %(default)s)")
    parser.add_argument("--entity", help="only documents mentioning this entity (name, English name or KB id)")
    parser.add_argument("--type", choices=["PER", "ORG", "LOC", "GPE", "NORP", "MISC"], help="entity type")
    parser.add_argument("--event-type", type=str.upper, choices=PLOVER_TYPES, metavar="TYPE",
                        help="only documents with an event of this PLOVER type (e.g. ASSAULT)")
    parser.add_argument("--place", help="only documents mentioning this place")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="published on or after this date")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="published on or before this date")
    parser.add_argument("--speaker", help="only documents quoting this speaker")
    parser.add_argument("--source", help="only documents from this outlet")


def _progress(enabled: bool, total_inputs: int) -> tuple[Any, Any]:
    """(rich Progress or None, hook) — a live bar with rate and ETA on a terminal only."""
    if not enabled:
        return None, None
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    progress = Progress(TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.completed}/{task.total} inputs"),
                        TextColumn("{task.fields[line]}"), TimeElapsedColumn(), TextColumn("ETA"),
                        TimeRemainingColumn(), transient=True)
    task = progress.add_task("ingest", total=max(1, total_inputs), line="")

    def hook(summary: Any, index: int) -> None:
        import time

        elapsed = time.monotonic() - started
        rate = summary.ingested / elapsed if elapsed > 0 else 0.0
        progress.update(task, completed=index, line=f"{summary.ingested:,} stored · {summary.duplicates:,} dup · "
                                                    f"{summary.failed:,} failed · {rate:.1f}/s")

    import time

    started = time.monotonic()
    return progress, hook


def run_ingest(args: argparse.Namespace) -> int:
    from khabar.ingest.run import ingest

    if args.workers < 0:
        return _fail("--workers must be 0 (one per core) or more")
    if args.max_chars <= 0:
        return _fail("--max-chars must be positive")
    published = None
    if args.published:
        from khabar.ingest.dates import normalize_published

        published = normalize_published(args.published)
        if published is None:
            return _fail(f"--published {args.published!r} is not a date (use YYYY-MM-DD)")
    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    if missing and len(missing) == len(args.paths):
        return _fail(f"no such file or directory: {', '.join(missing)}")
    report = args.report
    if report is None:
        base = Path(args.db) if "://" not in args.db and args.db != ":memory:" else Path("khabar")
        report = str(base.with_name(base.name + ".failures.tsv"))
    workers = args.workers
    if workers == 0:
        import os

        workers = os.cpu_count() or 1
    try:
        store = open_store(args.db)
    except StoreError as error:
        return _fail(str(error))
    progress, hook = _progress(sys.stderr.isatty() and not args.quiet, len(args.paths))
    try:
        if progress is not None:
            progress.start()
        summary = ingest(args.paths, store, workers=workers, dask_address=args.dask, published=published,
                         max_chars=args.max_chars, batch_size=args.batch_size, report=report, progress=hook)
        merged = store.merge_events() if summary.ingested and not args.no_merge else None
    except StoreError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"cannot connect to the Dask scheduler {args.dask}: {error}" if args.dask else str(error))
    finally:
        if progress is not None:
            progress.stop()
        store.close()
    print(summary.line())
    if merged is not None:
        print(_merge_line(merged))
    return 1 if summary.read == 0 and summary.failed else 0


def _merge_line(counts: dict[str, int]) -> str:
    return (f"merged {counts['events']:,} events into {counts['corpus_events']:,} corpus events "
            f"({counts['merged']:,} reported by several articles)")


def run_merge(args: argparse.Namespace) -> int:
    from khabar.store.merge import MergeRules, merge_events

    if args.max_km <= 0 or args.days < 0:
        return _fail("--max-km must be positive and --days 0 or more")
    try:
        with _open_existing(args.db) as store:
            counts = merge_events(store, MergeRules(max_km=args.max_km, days=args.days))
    except StoreError as error:
        return _fail(str(error))
    print(_merge_line(counts))
    return 0


def run_search(args: argparse.Namespace) -> int:
    try:
        with _open_existing(args.db) as store:
            hits = store.search(args.query, _filters(args), limit=args.limit, offset=args.offset)
    except StoreError as error:
        return _fail(str(error))
    if args.json:
        for hit in hits:
            print(json.dumps(hit.to_json(), ensure_ascii=False))
        return 0
    if not hits:
        print("no matching documents", file=sys.stderr)
        return 0
    bold = sys.stdout.isatty()
    for rank, hit in enumerate(hits, 1 + args.offset):
        head = " · ".join(x for x in (hit.published, hit.source, hit.title) if x)
        print(f"{rank}. [{hit.score:.2f}] {hit.doc_id} {head}")
        snippet = mark(hit.snippet, hit.highlights, "\033[1m" if bold else "[", "\033[0m" if bold else "]")
        print(f"   {snippet}")
        if hit.url or hit.origin:
            print(f"   {hit.url or hit.origin}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    try:
        with _open_existing(args.db) as store:
            count = store.export(args.format, args.output, _filters(args), table=args.table,
                                 all_statuses=args.all_statuses)
    except StoreError as error:
        return _fail(str(error))
    if args.output not in (None, "-"):
        print(f"exported {count:,} records to {args.output}", file=sys.stderr)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    try:
        with _open_existing(args.db) as store:
            stats = store.stats(top=args.top)
    except StoreError as error:
        return _fail(str(error))
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    print(f"documents {stats['documents']:,} · entities {stats['entities']:,} · quotes {stats['quotes']:,} · "
          f"events {stats['events']:,} · numbers {stats['numbers']:,} · dates {stats['dates']:,}")
    print("top entities:")
    for row in stats["top_entities"]:
        print(f"  {row['n_documents']:>6,} docs  {row['type']:<4} {row['name']}"
              + (f" ({row['name_en']})" if row["name_en"] else ""))
    print("most quoted speakers:")
    for row in stats["top_speakers"]:
        print(f"  {row['quotes']:>6,} quotes  {row['name']}")
    print("events by type:")
    for row in stats["events_by_type"]:
        print(f"  {row['events']:>6,}  {row['type']}")
    print("events by day:")
    for row in stats["events_by_day"][-args.top * 3:]:
        print(f"  {row['day']}  {row['events']:,}")
    print(f"corpus events {stats['corpus_events']:,} ({stats['corpus_events_merged']:,} from several articles); "
          "most reported:")
    for row in stats["top_corpus_events"]:
        print(f"  {row['n_reports']:>4,} reports {row['n_sources']:>3,} sources  {row['day'] or '?'}  {row['type']}"
              f"  {row['location_name'] or ''}" + (f"  {row['fatalities']} killed" if row["fatalities"] else ""))
    return 0


def register(groups: CommandGroups) -> None:
    ingest = groups.top.add_parser("ingest", help="analyze files into a database (idempotent, resumable)")
    ingest.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, folders, .zip/.gz archives, JSONL, HTML, RSS; '-' for stdin")
    ingest.add_argument("--db", default=DEFAULT_DB, help="SQLite file or postgresql://... URL (default: %(default)s)")
    ingest.add_argument("--workers", type=int, default=1, help="analysis processes (0 = one per core)")
    ingest.add_argument("--dask", metavar="tcp://HOST:PORT", help="analyze on this Dask distributed scheduler")
    ingest.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for articles without one")
    ingest.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, help="longest article accepted")
    ingest.add_argument("--batch-size", type=int, default=64, help="articles per transaction")
    ingest.add_argument("--report", help="failure report file (default: DB.failures.tsv)")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ingest.add_argument("--no-merge", action="store_true",
                        help="do not rebuild the corpus events (cross-article merging) after ingesting")
    ingest.set_defaults(handler=run_ingest)

    search = groups.top.add_parser("search", help="full-text search with filters, ranked (bm25)")
    search.add_argument("query", help='words (all required); "quoted phrase"; empty string lists by filters')
    _add_filters(search)
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--offset", type=int, default=0)
    search.add_argument("--json", action="store_true", help="one JSON hit per line")
    search.set_defaults(handler=run_search)

    export = groups.top.add_parser("export", help="export documents, tables or ACLED events")
    _add_filters(export)
    export.add_argument("--format", choices=FORMATS, default="jsonl")
    export.add_argument("--table", choices=TABLES, default="documents", help="table for csv/parquet (jsonl: documents, or corpus_events)")
    export.add_argument("--all-statuses", action="store_true",
                        help="acled: include planned/threatened/denied/claimed events (default: happened only)")
    export.add_argument("--output", "-o", help="output file (default: stdout)")
    export.set_defaults(handler=run_export)

    merge = groups.top.add_parser("merge-events", help="merge the events reported by several articles")
    merge.add_argument("--db", default=DEFAULT_DB, help="SQLite file or postgresql://... URL (default: %(default)s)")
    merge.add_argument("--max-km", type=float, default=25.0, help="farthest places of one event (km)")
    merge.add_argument("--days", type=int, default=2, help="most days between reports' event dates")
    merge.set_defaults(handler=run_merge)

    stats = groups.top.add_parser("stats", help="corpus facts: top entities, speakers, events by day")
    stats.add_argument("--db", default=DEFAULT_DB)
    stats.add_argument("--top", type=int, default=10)
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(handler=run_stats)
