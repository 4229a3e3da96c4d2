"""The link stage's working records: one ``Item`` per mention, grouped into ``Cluster`` s (future entities)."""

from __future__ import annotations

from dataclasses import dataclass, field

from khabar.document import Mention
from khabar.link.kb import KBEntry, Nationality
from khabar.link.resolve import Candidate
from khabar.link.titles import TitlePhrase


@dataclass(eq=False)
class Item:
    mention: Mention
    key: str
    kind: str = "name"                  # name | title | norp
    candidates: list[Candidate] = field(default_factory=list)
    nationality: Nationality | None = None
    title: TitlePhrase | None = None


@dataclass(eq=False)
class Cluster:
    items: list[Item]
    entry: KBEntry | None = None
    norp: Nationality | None = None
    country: str = ""                   # office country learned from an apposition title

    @property
    def start(self) -> int:
        return min(item.mention.start for item in self.items)
