"""Link step 3: title phrases (وزير الخارجية الأمريكي الحالي, نظيره الأمريكي) become mentions of their holder.

The holder is the person named in apposition, the one named earlier under the same title, the one
person in the text the KB gives that office, or else the KB's one holder in the publication year.
"""

from __future__ import annotations

from khabar.document import Mention
from khabar.link.items import Cluster, Item
from khabar.link.kb import KnowledgeBase
from khabar.link.keys import name_key
from khabar.link.scan import Word
from khabar.link.titles import TitlePhrase, find_titles

APPOSITION_GAP = frozenset(" \t\n،,:-–")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def resolve_titles(text: str, tokens: list[Word], kb: KnowledgeBase, year: int | None, items: list[Item],
                   clusters: list[Cluster]) -> None:
    """Add each title phrase as a mention of its holder's cluster (``clusters`` may gain a KB holder's)."""
    existing = [(i.mention.start, i.mention.end) for i in items if i.mention.type == "PER"]
    registry: dict[tuple[str, str], Cluster] = {}
    for title in find_titles(tokens, kb):
        if _overlaps(title.start, title.end, existing):
            continue
        cluster = _title_holder(text, kb, year, clusters, title, registry)
        if cluster is None:
            continue
        mention = Mention(title.start, title.end, text[title.start:title.end], "PER", "kb", 0.8)
        cluster.items.append(Item(mention, name_key(mention.text), "title", title=title))
        if title.role != "counterpart":
            registry.setdefault((title.role, title.country), cluster)


def _persons(clusters: list[Cluster]) -> list[Cluster]:
    def is_person(cluster: Cluster) -> bool:
        if cluster.entry is not None:
            return cluster.entry.type == "PER"
        return cluster.norp is None and any(i.mention.type == "PER" for i in cluster.items)

    return [c for c in clusters if is_person(c)]


def _title_holder(text: str, kb: KnowledgeBase, year: int | None, clusters: list[Cluster], title: TitlePhrase,
                  registry: dict[tuple[str, str], Cluster]) -> Cluster | None:
    persons = _persons(clusters)
    if title.role == "counterpart":
        same = [c for c in persons if (c.entry and c.entry.country == title.country) or c.country == title.country]
        return same[0] if len(same) == 1 else None
    for cluster in persons:  # apposition: "سيرجي لافروف، وزير الخارجية الروسي"
        for item in cluster.items:
            gap = text[item.mention.end:title.start]
            if item.mention.end <= title.start and len(gap) <= 3 and set(gap) <= APPOSITION_GAP:
                cluster.country = cluster.country or title.country
                return cluster
    if (title.role, title.country) in registry:
        return registry[(title.role, title.country)]
    holders = {e.id for e in kb.by_role(title.role, title.country)}
    named = [c for c in persons if c.entry is not None and c.entry.id in holders]
    if len(named) == 1:
        return named[0]
    if year is not None and not title.former:
        current = [e for e in kb.by_role(title.role, title.country)
                   if any(r.name == title.role and r.covers(year) for r in e.roles)]
        if len(current) == 1:
            cluster = Cluster([], current[0])
            clusters.append(cluster)
            return cluster
    return None
