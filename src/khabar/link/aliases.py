"""Readings an organization's other names take from it in one text (a link-stage step after ranking).

- short forms: the first words of an organization named in full, followed there by a field complement
  (الاتحاد الأوروبي after الاتحاد الأوروبي لكرة القدم: UEFA, not the EU), or its head word alone (المرصد);
- bracketed aliases: ``X (Y)`` with Y linked and X not gives X Y's reading (الاتحاد الدولي (الفيفا)), unless Y
  abbreviates a name inside X (اللجنة التنفيذية للاتحاد الدولي لكرة القدم (فيفا) stays the committee).
"""

from __future__ import annotations

from khabar.link.items import Item
from khabar.link.keys import clitic_forms, name_key
from khabar.link.resolve import Candidate

# Single words never read as the short form of an organization, nor spread to other occurrences by the link
# stage (too often generic). Source: news usage.
GENERIC_HEADS = frozenset(name_key(w) for w in (
    "المدينة", "البلاد", "الدولة", "الحكومة", "المنطقة", "القرية", "العاصمة", "الجيش", "الشرطة", "القوات",
    "التحالف", "المعارضة", "النظام", "الرئيس", "الوزير", "الأمير", "الملك", "الشيخ", "المجلس", "الحزب",
))


def bracketed_aliases(items: list[Item], text: str) -> None:
    """X (Y): an unlinked name followed by a linked one of the same type in brackets is that entity
    (الاتحاد الدولي (الفيفا)). Source: Arabic news usage."""
    by_start = {i.mention.start: i for i in items if i.kind == "name" and i.candidates}
    for item in items:
        if item.kind != "name" or item.candidates or item.mention.type == "PER":
            continue
        end = item.mention.end
        gap = len(text[end:end + 3]) - len(text[end:end + 3].lstrip(" "))
        if text[end + gap:end + gap + 1] not in ("(", "«"):
            continue
        inner = by_start.get(end + gap + 1)
        if inner is None or inner.mention.type != item.mention.type or text[inner.mention.end:inner.mention.end + 1] \
                not in (")", "»"):
            continue
        entry = inner.candidates[0].entry
        tail = item.key.partition(" ")[2]  # اللجنة التنفيذية للاتحاد الدولي لكرة القدم (فيفا): FIFA is inside
        if not any(name_key(n)[1:] in tail for n in entry.names() if len(name_key(n)) > 4):
            item.candidates = [inner.candidates[0]]


def org_short_forms(items: list[Item]) -> None:
    """A short form of an organization the text names in full reads as that organization:
    its first words followed in the full name by a field complement (الاتحاد الأوروبي after الاتحاد الأوروبي
    لكرة القدم: UEFA, not the EU), or its head word alone when nothing else matches it (المرصد after
    المرصد السوري لحقوق الإنسان). Source: Arabic news usage (the full name first, short forms after)."""
    full = [(i.candidates[0].key.split(), i.candidates[0]) for i in items
            if i.kind == "name" and i.mention.type == "ORG" and i.candidates
            and len(i.candidates[0].key.split()) > 1]
    if not full:
        return
    for item in items:
        if item.kind != "name" or item.mention.type != "ORG":
            continue
        linked = item.candidates[0] if item.candidates else None
        for variant, cost in clitic_forms(item.key):
            size = len(variant.split())
            if size == 1 and (linked is not None or variant in GENERIC_HEADS):
                continue
            readings = {c.entry.id: c for words_, c in full if len(words_) > size
                        and words_[:size] == variant.split() and (size == 1 or words_[size].startswith("ل"))}
            if len(readings) == 1:
                target = next(iter(readings.values()))
                if linked is None or linked.entry.id != target.entry.id:
                    item.candidates = [Candidate(target.entry, cost + 0.5, variant, (0, size - 1))]
                break
