"""Link step 6: one ``Entity`` per cluster, with its Arabic ``name``, English ``name_en`` and, for places, ``geo``.

The name is the KB entry's, else the longest mention without proclitics; ``name_en`` is the KB's, else a
transliteration; NORP entities take their country's KB id (see ``geo.py`` for places).
"""

from __future__ import annotations

from khabar.document import Entity
from khabar.link.geo import geo_of, place_unlocated
from khabar.link.items import Cluster, Item
from khabar.link.kb import PLACE_TYPES, KnowledgeBase
from khabar.link.keys import name_key
from khabar.link.translit import transliterate


def _display(item: Item) -> str:
    """The mention's name without proclitics when its key was matched in a stripped form."""
    text = item.mention.text.strip()
    if item.candidates:
        matched = item.candidates[0].key.split()[0]
        first = text.split()[0] if text.split() else text
        folded = name_key(first)
        if folded != matched and folded.endswith(matched):
            letters = len(folded) - len(matched)
            kept = [i for i, ch in enumerate(first) if name_key(ch)]
            if letters < len(kept):
                return text[kept[letters]:]
    return text


def build_entities(text: str, clusters: list[Cluster], kb: KnowledgeBase) -> list[Entity]:
    """The entities E1, E2, ... of the non-empty clusters in text order."""
    ordered = sorted((c for c in clusters if c.items), key=lambda c: c.start)
    built: list[tuple[Cluster, Entity]] = []
    for number, cluster in enumerate(ordered, 1):
        built.append((cluster, _entity(kb, f"E{number}", cluster)))
    place_unlocated(text, [entity for _, entity in built], kb)
    return [entity for _, entity in built]


def _entity(kb: KnowledgeBase, entity_id: str, cluster: Cluster) -> Entity:
    mentions = sorted((i.mention for i in cluster.items), key=lambda m: (m.start, m.end))
    if cluster.norp is not None or all(i.kind == "norp" for i in cluster.items):
        norp = cluster.norp
        country = kb.country(norp.country) if norp and norp.country else None
        kb_id = country.kb_id if country else (f"khabar:group-{norp.group_id}" if norp else None)
        name = norp.adjective if norp else mentions[0].text
        name_en = norp.name_en if norp else transliterate(name)
        return Entity(entity_id, "NORP", name, name_en, kb_id, mentions, None, 0.8 if norp else 0.5)
    entry = cluster.entry
    names = [i for i in cluster.items if i.kind == "name"]
    if entry is not None:
        best = min((i.candidates[0].cost for i in names if i.candidates), default=0.0)
        confidence = max(0.5, 0.95 - 0.1 * best - (0.1 if len(entry.name_ar.split()) > 1 and all(
            len(i.key.split()) == 1 for i in names) else 0.0))
        return Entity(entity_id, entry.type, entry.name_ar, entry.name_en or transliterate(entry.name_ar),
                      entry.kb_id, mentions, geo_of(entry) if entry.type in PLACE_TYPES else None,
                      round(confidence, 3))
    types = [i.mention.type for i in names] or ["PER"]
    entity_type = max(sorted(set(types)), key=types.count)  # ties: a fixed order, not hash order
    display = max((_display(i) for i in names), key=len, default=mentions[0].text)
    confidence = sum(i.mention.confidence for i in names) / max(1, len(names)) * 0.7
    return Entity(entity_id, entity_type, display, transliterate(display), None, mentions, None,
                  round(confidence, 3))
