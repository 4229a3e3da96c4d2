"""Factuality of an event mention and who reports it.

Conventions (documented in the package README):
- ``planned`` / ``threatened`` / ``denied`` / ``hypothetical`` come from cue words before the
  trigger in its clause (يعتزم، هدد بـ، نفى، إذا ...), a purpose ل on the trigger (لاستعادة) or a
  future س on it (سيقصف).
- An event inside speech (a ``doc.quotes`` content span, or the clause after "قالت X إن", or a
  sentence with "حسب/بحسب/وفقا لـ X") gets ``reported_by`` = the speaker/source entity.
- If that source is a news outlet, agency, monitor or witness, the event is ``happened`` (they
  report facts); if it is anyone else (a spokesman, an army, a minister, a party to the conflict)
  a violent or coercive event is ``claimed``. Diplomatic events (CONSULT, AGREE, ...) told by a
  participant stay ``happened``.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.document import Document, Entity, Quotation
from khabar.events.cues import (
    ACCORDING_TO,
    DENIAL_CUES,
    HYPOTHETICAL_CUES,
    NEWS_SOURCE_WORDS,
    PLANNED_CUES,
    SPEECH_VERBS,
    THREAT_CUES,
)
from khabar.events.scan import Trigger, Word
from khabar.text.normalize import normalize_key

CONTESTED_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "RETREAT", "CRIME", "SANCTION"})
CUE_WINDOW = 6
# Verbal nouns that, with a purpose لـ (لاستعادة، لتحرير، للسيطرة), name a goal, not a fact.
PURPOSE_MODES = frozenset({"retake", "seize", "arrest", "abduct", "siege", "release", "withdraw"})  # words looked at before the trigger for a status cue


@dataclass(slots=True)
class Source:
    entity: str | None
    is_news: bool
    quoted: bool  # inside quotation marks or a quote span (not only "according to")
    window_start: int | None = None  # where the reported content starts (arguments are looked for after it)


COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "انها", "انهم", "بانه", "بانها", "بانهم", ":"})


def _content_start(words: list[Word], verb: int, trigger: Trigger) -> int | None:
    for k in range(verb + 1, trigger.first_word):
        if words[k].norm in COMPLEMENTIZERS:
            return words[k].end
    return None


def _strip_conj(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


def cue_status(words: list[Word], trigger: Trigger) -> str | None:
    """planned | threatened | denied | hypothetical from words before the trigger, else None."""
    trig = words[trigger.first_word]
    if trig.norm.startswith(("ل", "لل")) and trigger.entry.mode in PURPOSE_MODES:
        return "planned"  # purpose: لاستعادة، لتحرير
    if trig.norm.startswith(("سي", "ست", "سن", "وسي", "وست", "فسي")) and trigger.entry.pos == "I":
        return "planned"
    lo = max(0, trigger.first_word - CUE_WINDOW)
    for j in range(trigger.first_word - 1, lo - 1, -1):
        word = words[j]
        if word.sentence != trig.sentence:
            break
        norm = _strip_conj(word.norm)
        if word.norm in DENIAL_CUES or norm in DENIAL_CUES:
            return "denied"
        if word.norm in THREAT_CUES or norm in THREAT_CUES:
            return "threatened" if trigger.entry.type != "THREATEN" else None
        if word.norm in HYPOTHETICAL_CUES or norm in HYPOTHETICAL_CUES:
            return "hypothetical"
        if word.norm in PLANNED_CUES or norm in PLANNED_CUES:
            return "planned"
    return None


def is_news_source(entity: Entity | None, text: str | None = None) -> bool:
    names: list[str] = []
    if entity is not None:
        names.append(entity.name)
        names.extend(m.text for m in entity.mentions)
    if text:
        names.append(text)
    for name in names:
        if any(normalize_key(w) in NEWS_SOURCE_WORDS for w in name.split()):
            return True
    return False


def _entity_after(doc: Document, words: list[Word], index: int, limit: int = 4) -> tuple[str | None, str]:
    """The first entity mentioned within ``limit`` words after word ``index`` and its text."""
    for j in range(index + 1, min(len(words), index + 1 + limit)):
        if words[j].sentence != words[index].sentence or words[j].norm in COMPLEMENTIZERS:
            break  # "قال شهود إن مجهولين ...": who is named after إن is what was said, not who said it
        entity = doc.entity_at(words[j].start, words[j].end)
        if entity is not None:
            return entity.id, words[j].text
    tail = " ".join(w.text for w in words[index + 1:index + 1 + limit] if w.sentence == words[index].sentence)
    return None, tail


def _carrier(doc: Document, reference: str | None, depth: int = 0) -> str | None:
    """The entity behind a quote's ``reported_by``: an entity id, or a quote id whose speaker is used."""
    if reference is None or depth > 5:
        return None
    if doc.entity(reference) is not None:
        return reference
    for quote in doc.quotes:
        if quote.id == reference:
            return quote.speaker or _carrier(doc, quote.reported_by, depth + 1)
    return None


def find_source(doc: Document, words: list[Word], trigger: Trigger,
                quotations: list[Quotation] | None = None) -> Source | None:
    """Who the event mention is attributed to, if anyone."""
    inside = [q for q in doc.quotes if q.content.start <= trigger.start and trigger.end <= q.content.end]
    if inside:
        quote = min(inside, key=lambda q: q.content.end - q.content.start)  # the innermost quote
        speaker = doc.entity(quote.speaker)
        news = is_news_source(speaker, quote.speaker_text.text if quote.speaker_text else None)
        return Source(quote.speaker or _carrier(doc, quote.reported_by), news, True, quote.content.start)
    sentence = trigger.sentence
    # "قالت X إن <event>": the subject of a speech verb before the trigger in the same sentence
    for j in range(trigger.first_word - 1, -1, -1):
        word = words[j]
        if word.sentence != sentence:
            break
        if word.norm in SPEECH_VERBS or _strip_conj(word.norm) in SPEECH_VERBS:
            entity_id, tail = _entity_after(doc, words, j)
            if entity_id is not None or is_news_source(None, tail):
                return Source(entity_id, is_news_source(doc.entity(entity_id), tail), True,
                              _content_start(words, j, trigger))
            break
    # "according to X" anywhere in the sentence (words are in text order: scan out from the trigger)
    lo = trigger.first_word
    while lo > 0 and words[lo - 1].sentence == sentence:
        lo -= 1
    hi = trigger.last_word
    while hi + 1 < len(words) and words[hi + 1].sentence == sentence:
        hi += 1
    for j in range(lo, hi + 1):
        word = words[j]
        if word.norm in ACCORDING_TO:
            entity_id, tail = _entity_after(doc, words, j)
            return Source(entity_id, is_news_source(doc.entity(entity_id), tail), False)
    for quotation in quotations if quotations is not None else doc.quotations:
        if quotation.content.start <= trigger.start and trigger.end <= quotation.content.end:
            return Source(None, False, True, quotation.content.start)
    return None


def decide_status(event_type: str, cue: str | None, source: Source | None, actors: list[str]) -> str:
    if cue is not None:
        return cue
    if source is None or source.is_news:
        return "happened"
    if event_type in CONTESTED_TYPES and source.quoted:
        return "claimed"
    return "happened"
