"""Link steps 4 and 5: further occurrences of the document's names and its nationality adjectives.

Step 4 adds the occurrences of a cluster's names NER missed (source "coref"); step 5 turns each
nationality/group adjective (العراقية, الروسي, الشيعي) into a mention of one NORP cluster per nationality.
"""

from __future__ import annotations

from khabar.document import Mention
from khabar.link.aliases import GENERIC_HEADS
from khabar.link.items import Cluster, Item
from khabar.link.kb import Nationality
from khabar.link.keys import INSTITUTION_HEADS, name_key
from khabar.link.scan import SpanSet, Word, match_phrases

GENERIC = GENERIC_HEADS  # single words never spread to other occurrences (see ``aliases.py``)


def propagate(text: str, tokens: list[Word], clusters: list[Cluster]) -> None:
    """Add each further occurrence of a name that only one cluster holds as a "coref" mention."""
    surfaces: dict[str, Cluster | None] = {}
    for cluster in clusters:
        if cluster.norp:
            continue
        keys = {i.candidates[0].key if i.candidates else i.key for i in cluster.items if i.kind == "name"}
        if cluster.entry is not None:
            keys |= {name_key(n) for n in cluster.entry.names() if len(n.split()) > 1}
        for key in keys:
            if len(key.replace(" ", "")) < 3 or key in GENERIC:
                continue
            surfaces[key] = None if key in surfaces and surfaces[key] is not cluster else cluster
    taken = SpanSet(len(text), [(i.mention.start, i.mention.end) for c in clusters for i in c.items])
    first_words = {key.split()[0] for key in surfaces}
    longest = max((len(key.split()) for key in surfaces), default=1)
    for match in match_phrases(text, tokens, lambda k: surfaces.get(k) is not None,
                               first_words, longest):
        start, end = match.name_start, tokens[match.last].end
        if taken.overlaps(start, end) or (match.first > 0 and tokens[match.first - 1].key in INSTITUTION_HEADS):
            continue  # أمانة العاصمة المقدسة: the place is part of an institution's name
        cluster = surfaces[match.key]
        assert cluster is not None
        mention_type = cluster.entry.type if cluster.entry else cluster.items[0].mention.type
        mention = Mention(start, end, text[start:end], mention_type, "coref", 0.7)
        cluster.items.append(Item(mention, match.key))
        taken.add(start, end)


def add_nationalities(text: str, clusters: list[Cluster],
                      nationality_words: list[tuple[Word, Nationality]]) -> None:
    """Add each nationality adjective no other mention covers to its NORP cluster (made when missing)."""
    # a KB-scanned organisation may hold an adjective (القوات العراقية): both are kept, as when NER tags
    # the adjective; a person's name never does (محمد شياع السوداني is not "Sudanese")
    taken = SpanSet(len(text), [(i.mention.start, i.mention.end) for c in clusters for i in c.items
                                if i.mention.source != "kb" or i.kind != "name"
                                or i.mention.type == "PER"])
    by_group = {c.norp.group_id: c for c in clusters if c.norp}
    for token, nationality in nationality_words:
        if taken.overlaps(token.start, token.end):
            continue
        mention = Mention(token.start, token.end, text[token.start:token.end], "NORP", "kb", 0.8)
        cluster = by_group.get(nationality.group_id)
        if cluster is None:
            cluster = by_group[nationality.group_id] = Cluster([], norp=nationality)
            clusters.append(cluster)
        cluster.items.append(Item(mention, token.key, "norp", nationality=nationality))
