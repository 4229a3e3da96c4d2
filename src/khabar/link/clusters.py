"""Link step 2: mentions grouped into clusters (future entities).

Same KB entry; same name up to proclitics (لكيري = كيري) unless linked to two entries; a surname, a
shorter form or the first links of the lineage of a person named in full (لافروف = سيرجي لافروف;
فيصل بن خالد = فيصل بن خالد بن عبدالعزيز); ``X المعروف بـ Y`` pairs in one cluster; one cluster per
nationality group.
"""

from __future__ import annotations

from khabar.document import Mention
from khabar.link.items import Cluster, Item
from khabar.link.keys import clitic_forms
from khabar.link.resolve import NASAB_WORDS


def _lineage_prefix(short: list[str], full: list[str]) -> bool:
    """فيصل بن خالد after فيصل بن خالد بن عبدالعزيز: the first links of a longer lineage in the text."""
    return 3 <= len(short) < len(full) and full[:len(short)] == short and full[len(short)] in NASAB_WORDS


def alias_items(items: list[Item], aliases: list[tuple[Mention, Mention]]) -> list[tuple[Item, Item]]:
    """The (name, alias) item pairs of the ``X المعروف بـ Y`` mention pairs found at repair."""
    by_span = {(i.mention.start, i.mention.end): i for i in items if i.kind == "name"}
    pairs = [(by_span.get((n.start, n.end)), by_span.get((a.start, a.end))) for n, a in aliases]
    return [(n, a) for n, a in pairs if n is not None and a is not None]


def cluster_names(items: list[Item], aliases: list[tuple[Item, Item]], clusters: list[Cluster]) -> list[Cluster]:
    """Group the name and nationality items into ``clusters`` (extended); returns the new cluster list."""
    by_entry: dict[str, Cluster] = {}
    by_key: dict[str, Cluster] = {}
    persons = sorted((i for i in items if i.kind == "name" and i.mention.type == "PER"),
                     key=lambda i: -len(i.key.split()))
    full_names = [i for i in persons if len(i.key.split()) > 1]
    ordered = [i for i in items if i.kind == "name"]
    ordered.sort(key=lambda i: (-len(i.key.split()), i.mention.start))
    for item in ordered:
        cluster = _person_by_surname(item, full_names, by_key) if item.mention.type == "PER" else None
        entry = item.candidates[0].entry if item.candidates and cluster is None else None
        if cluster is None and entry is not None:
            cluster = by_entry.get(entry.id)
        if cluster is None:  # same name, unless both are linked to different entries (مجلس الوزراء of two states)
            cluster = next((by_key[v] for v, _ in clitic_forms(item.key) if v in by_key
                            and (entry is None or by_key[v].entry is None or by_key[v].entry is entry)), None)
        if cluster is None:
            cluster = Cluster([], entry)
            clusters.append(cluster)
        cluster.items.append(item)
        if cluster.entry is None and entry is not None:
            cluster.entry = entry
        if cluster.entry is not None:
            by_entry.setdefault(cluster.entry.id, cluster)
        for variant, _ in clitic_forms(item.key)[:1]:
            by_key.setdefault(variant, cluster)
    clusters = _merge_aliases(clusters, aliases)
    by_group: dict[str, Cluster] = {}
    for item in items:
        if item.kind == "norp":
            group = item.nationality.group_id if item.nationality else item.key
            if group not in by_group:
                by_group[group] = Cluster([], norp=item.nationality)
                clusters.append(by_group[group])
            by_group[group].items.append(item)
    return clusters


def _merge_aliases(clusters: list[Cluster], aliases: list[tuple[Item, Item]]) -> list[Cluster]:
    """Put each alias pair in one cluster (both unlinked: clustering alone would keep them apart)."""
    for name, alias in aliases:
        home = next((c for c in clusters if any(i is name for i in c.items)), None)
        other = next((c for c in clusters if any(i is alias for i in c.items)), None)
        if home is None or other is None or home is other:
            continue
        home.items.extend(other.items)
        home.entry = home.entry or other.entry
        other.items = []
    return [c for c in clusters if c.items]


def _person_by_surname(item: Item, full_names: list[Item], by_key: dict[str, Cluster]) -> Cluster | None:
    """A shorter person mention (لافروف, لكيري) joins the one full name in the text ending like it."""
    words_ = item.key.split()
    if len(words_) > 1 and any(item is f for f in full_names):
        if item.candidates:
            return None
        longer = {id(by_key[f.key]): by_key[f.key] for f in full_names
                  if f.key in by_key and _lineage_prefix(words_, f.key.split())}
        return next(iter(longer.values())) if len(longer) == 1 else None
    variants = {v for v, _ in clitic_forms(item.key)}
    matches = {id(by_key[f.key]): by_key[f.key] for f in full_names
               if f.key in by_key and f is not item and (" ".join(f.key.split()[-len(words_):]) in variants
                                                         or f.key.split()[0] in variants
                                                         or _lineage_prefix(words_, f.key.split()))}
    return next(iter(matches.values())) if len(matches) == 1 else None
