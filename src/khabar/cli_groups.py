"""The command groups that feature packages register their sub-commands into.

Each feature package exposes ``commands.register(groups: CommandGroups) -> None``; it adds parsers
to ``groups.top`` (e.g. ``khabar ingest``) or to a group (``khabar train ner``, ``khabar eval ner``)
and sets ``handler=function(args) -> int`` with ``parser.set_defaults``.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass


@dataclass
class CommandGroups:
    top: argparse._SubParsersAction
    train: argparse._SubParsersAction
    eval: argparse._SubParsersAction
    bench: argparse._SubParsersAction
    kb: argparse._SubParsersAction
