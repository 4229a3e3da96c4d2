"""The ``khabar`` command line: analyze | ingest | search | serve | export | eval | bench | train | kb.

Every command reports bad input as one line on stderr and a non-zero exit status, never a
traceback. Feature packages register their own sub-commands (see ``cli_groups``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from khabar.cli_groups import CommandGroups
from khabar.version import __version__

# Feature packages whose ``commands.register(groups)`` adds sub-commands; absent ones are skipped
# only when the package itself is not installed, never silently on an import error inside it.
FEATURE_COMMANDS: tuple[str, ...] = (
    "khabar.analyze_command",
    "khabar.ner.commands",
    "khabar.numbers.commands",
    "khabar.link.commands",
    "khabar.quotes.commands",
    "khabar.events.commands",
    "khabar.ingest.commands",
    "khabar.api.commands",
    "khabar.bench",
)


class CommandError(Exception):
    """A user-facing error: printed as one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khabar", description="Offline Arabic news intelligence: entities, quotes, events, numbers, dates."
    )
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and stage details to stderr")
    top = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups = CommandGroups(
        top=top,
        train=top.add_parser("train", help="rebuild a shipped model from ../shared/data").add_subparsers(
            dest="what", metavar="MODEL", required=True),
        eval=top.add_parser("eval", help="measure accuracy on annotated data").add_subparsers(
            dest="what", metavar="TASK", required=True),
        bench=top.add_parser("bench", help="measure speed and memory").add_subparsers(
            dest="what", metavar="TASK", required=True),
        kb=top.add_parser("kb", help="build, extend and query the knowledge base").add_subparsers(
            dest="what", metavar="ACTION", required=True),
    )
    for module_name in FEATURE_COMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and module_name.startswith(error.name):
                continue
            raise
        module.register(groups)
    parser.bench_tasks = set(groups.bench.choices)  # type: ignore[attr-defined]
    return parser


def _default_bench(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``khabar bench [PATH...] [--limit N]`` means ``khabar bench corpus ...`` (the corpus benchmark)."""
    if not argv or argv[0] != "bench":
        return argv
    if len(argv) == 1 or (argv[1] not in parser.bench_tasks and argv[1] not in ("-h", "--help")):
        return ["bench", "corpus", *argv[1:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_default_bench(list(sys.argv[1:] if argv is None else argv), parser))
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="khabar: %(levelname)s: %(message)s")
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(handler(args) or 0)
    except CommandError as error:
        print(f"khabar: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("khabar: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # last resort: one line, details only with --verbose
        if args.verbose:
            logging.exception("unexpected error")
        print(f"khabar: error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
