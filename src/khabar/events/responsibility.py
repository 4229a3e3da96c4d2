"""Claims of responsibility and attributions: "تبنى تنظيم داعش التفجير", "نسبته الحكومة إلى تنظيم الدولة".

The one who carried out an attack is often named in another clause than the attack's (a suicide
bomber in the clause, the group that sent him in the next). A sentence with a responsibility word
names the group behind the nearest violent event told before it or in it; the group becomes that
event's first actor when the event has only an unnamed one (انتحاري، مسلحون) or none.
Word list in ``normalize_key`` form; source: reading SaudiNewsNet conflict articles.
"""

from __future__ import annotations

from khabar.document import Document, Sentence
from khabar.events.merge import Candidate
from khabar.text.normalize import normalize_key

RESPONSIBILITY_WORDS = frozenset(normalize_key(w) for w in (
    "تبنى", "تبنت", "وتبنى", "وتبنت", "يتبنى", "مسؤوليته", "مسؤوليتها", "المسؤولية", "مسئوليته", "مسئوليتها",
    "المسئولية", "نسبته", "نسبتها", "ونسبت", "نسبت", "ينسب", "تنسب", "منفذ", "منفذي", "نفذه", "نفذته",
))
# Letter runs every responsibility word contains in its usual spelling (a cheap pre-test).
RAW_STEMS = ("تبن", "مسؤول", "مسئول", "نسب", "نفذ", "منفذ")
VIOLENT_TYPES = frozenset({"ASSAULT"})
GROUP_TYPES = frozenset({"ORG"})


def _words(text: str) -> set[str]:
    return {normalize_key(w.strip("«»\"'،,.:؛()“”")) for w in text.split()}


def attribute_claims(doc: Document, sentences: list[Sentence], events: list[Candidate]) -> None:
    """Give the violent event told before a responsibility sentence the group that sentence names."""
    violent = [e for e in events if e.type in VIOLENT_TYPES]
    if not violent or not sentences:
        return
    if not any(stem in doc.text for stem in RAW_STEMS):
        return  # no responsibility word anywhere (a plain substring test on the original text)
    for sentence in sentences:
        text = doc.text[sentence.start:sentence.end]
        if not any(stem in text for stem in RAW_STEMS) or RESPONSIBILITY_WORDS.isdisjoint(_words(text)):
            continue
        groups = [(m.start, entity) for entity in doc.entities if entity.type in GROUP_TYPES and entity.kb_id
                  for m in entity.mentions if sentence.start <= m.start < sentence.end]
        if not groups:
            continue
        before = [e for e in violent if e.trigger.start < sentence.end]
        if not before:
            continue
        event = max(before, key=lambda e: e.trigger.start)
        group = min(groups, key=lambda g: g[0])[1]
        if group.id in event.targets or group.id in event.actors:
            continue
        named = [a for a in event.actors if (entity := doc.entity(a)) is not None and entity.kb_id]
        if not named:
            event.actors.insert(0, group.id)
