"""Pipeline stage: PLOVER events with actors, targets, place, date, fatalities, source and ACLED type.

Runs last. Reads tokens/sentences (text core), entities (NER + linking), numbers, dates and quotes
when earlier stages filled them; without them it still finds triggers, status and death tolls.

This module builds one ``Candidate`` per trigger mention (``candidates_of``) and turns the merged
candidates into ``doc.events``; the word-level checks live in ``traits``, ``weak``, ``operations`` and
``strikes``.
"""

from __future__ import annotations

import logging

from khabar.document import Document, Event, Quotation, Sentence, Span
from khabar.events.acled import classify
from khabar.events.arguments import extract_arguments
from khabar.events.background import is_background, sporting_sense, sports_text
from khabar.events.event_dates import event_date
from khabar.events.gazetteer import add_argument_entities
from khabar.events.generic import retold, trailer_start
from khabar.events.lexicon import load_lexicon
from khabar.events.merge import (
    LEAD_SENTENCES,
    SUMMARY_FORMS,
    Candidate,
    Place,
    mark_summaries,
    merge_candidates,
    protest_clashes,
)
from khabar.events.operations import is_operation, operation_triggers
from khabar.events.places import settle_location
from khabar.events.responsibility import attribute_claims
from khabar.events.roles import mention_index
from khabar.events.scan import (
    Trigger,
    Word,
    candidate_words,
    find_triggers,
    negated,
    sentences_of,
)
from khabar.events.status import cue_status, decide_status, find_source, presupposed, victim_phrase
from khabar.events.strikes import coordinated_places, second_strike
from khabar.events.traits import (
    announced_by_party,
    clause_index,
    is_definite,
    is_similar,
    opens_new_matter,
    refine_mode,
    threatened_with,
)
from khabar.events.weak import TERRITORIAL_MODES, earlier_toll, is_weak
from khabar.link.geo import place_unlocated
from khabar.link.kb import PLACE_TYPES, get_kb

log = logging.getLogger(__name__)


def _find_quotations(text: str) -> list[Quotation]:
    """Quotation-mark pairs from the text core when the segment stage did not run (hand-made docs)."""
    try:
        from khabar.text.quotemarks import find_quotations
    except ImportError:  # text core not installed: no quotation marks known
        return []
    return find_quotations(text)


def _trimmed(doc: Document, start: int, end: int) -> Span:
    text = doc.text[start:end]
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    return doc.span(start + left, start + max(left, right))


def _place(doc: Document, entity_id: str | None) -> Place | None:
    entity = doc.entity(entity_id) if entity_id else None
    if entity is None or entity.geo is None or entity.geo.lat is None or entity.geo.lon is None:
        return None
    return Place(entity.geo.lat, entity.geo.lon, entity.geo.country_code, entity.geo.feature)


def _sentence_spans(doc: Document, sentences: list[Sentence], numbers: set[int]) -> list[tuple[int, int]]:
    if not sentences:
        return [(0, len(doc.text))]
    return [(sentences[k].start, sentences[k].end) for k in sorted(numbers) if k < len(sentences)]


def _add_gazetteer(doc: Document, spans: list[tuple[int, int]], words: list[Word]) -> None:
    try:
        add_argument_entities(doc, spans=spans, words=[(w.start, w.end, w.text) for w in words])
    except (OSError, ValueError) as error:  # KB missing or unreadable: arguments from existing entities only
        doc.warn(f"events: knowledge-base places/actors unavailable ({error})")


def candidates_of(doc: Document, gazetteer: bool = False) -> list[Candidate]:
    """Event mentions of the document, one per trigger (``gazetteer``: add KB arguments first)."""
    sentences = sentences_of(doc)
    words = candidate_words(doc, sentences)  # only the sentences with a trigger candidate
    if not words:
        return []  # no trigger word anywhere: nothing else to do
    lexicon_triggers = find_triggers(words, load_lexicon())
    operation_words = {i for i, w in enumerate(words) if is_operation(w.norm)}
    if not lexicon_triggers and not operation_words:
        return []  # nothing happens here: no knowledge-base scan, no argument look-up
    if gazetteer:
        numbers = {t.sentence for t in lexicon_triggers} | {words[i].sentence for i in operation_words}
        _add_gazetteer(doc, _sentence_spans(doc, sentences, numbers), [w for w in words if w.sentence in numbers])
    mentions = mention_index(doc, words)
    quotations = doc.quotations or _find_quotations(doc.text)
    out: list[Candidate] = []
    taken = {k for t in lexicon_triggers for k in range(t.first_word, t.last_word + 1)}
    triggers = sorted(lexicon_triggers + operation_triggers(words, mentions, taken, operation_words),
                      key=lambda t: t.start)
    places = {m.first_word: m.entity for m in mentions if m.type in ("GPE", "LOC")}
    attack_words = {k for t in triggers if t.entry.type == "ASSAULT" for k in range(t.first_word, t.last_word + 1)}
    previous: Trigger | None = None
    sports: bool | None = None  # the text is a sports report (computed at the first ambiguous word)
    trailer = trailer_start(doc.text)
    for trigger in triggers:
        if trailer is not None and trigger.start >= trailer:
            break  # رابط الخبر بصحيفة ...: the headline repeated
        adjacent = previous is not None and previous.last_word + 1 == trigger.first_word \
            and previous.entry.mode in TERRITORIAL_MODES and trigger.entry.mode in TERRITORIAL_MODES
        previous = trigger
        if adjacent:
            continue  # استعادة السيطرة: one taking of ground, named by two words
        if negated(words, trigger.first_word) or is_background(words, trigger):
            continue
        if sporting_sense(trigger):
            sports = sports_text(doc.text) if sports is None else sports
            if sports:
                continue  # هجوم الهلال، طرد اللاعب: play, not violence
        entry = trigger.entry
        source = find_source(doc, words, trigger, quotations)
        excluded = {source.entity} if source and source.entity and entry.type not in ("CONSULT", "AGREE") else set()
        window = (source.window_start, len(doc.text)) if source and source.window_start is not None else None
        args = extract_arguments(doc, words, mentions, trigger, entry.type, excluded, window)
        if entry.type in ("CONSULT", "AGREE") and source and source.quoted and source.entity:
            if source.entity not in args.actors:
                args.actors.insert(0, source.entity)  # "سألت كيري هاتفيا": the speaker took part
        if announced_by_party(doc, words, trigger, source, args.actors, args.targets):
            args.actors.append(source.entity)  # أعلن الجيش عن مقتل ثمانية عناصر: the army's own action
        cue = "threatened" if threatened_with(words, trigger) else cue_status(words, trigger)
        status = decide_status(entry.type, cue, None if presupposed(words, trigger) else source, args.actors,
                               args.targets, victim_phrase(words, trigger, source) or args.target_text)
        sentence = sentences[trigger.sentence] if sentences else None
        s_start, s_end = (sentence.start, sentence.end) if sentence else (0, len(doc.text))
        fresh, scene = opens_new_matter(words, trigger, places)
        if args.location is None and scene is not None:
            args.location = scene  # "وفي مأرب، قصفت طائرات التحالف ...": the sentence's scene
        weak = is_weak(words, trigger, status, args.fatalities, bool(args.location or args.targets))
        if weak and earlier_toll(words, trigger):
            args.fatalities = None  # the toll was raised since: it never conflicts with the final one
        out.append(Candidate(
            type=entry.type, mode=refine_mode(trigger, words), status=status,
            trigger=doc.span(trigger.start, trigger.end), sentence=trigger.sentence,
            actors=args.actors, targets=args.targets, location=args.location,
            date=event_date(doc, trigger, s_start, s_end, quotations), fatalities=args.fatalities, fatal=entry.fatal,
            reported_by=source.entity if source else None, civilians=args.civilians,
            target_text=args.target_text, evidence=[_trimmed(doc, s_start, s_end)],
            sentences={trigger.sentence}, definite=is_definite(words[trigger.first_word].norm, entry.pos, words[trigger.first_word].text)
            or (entry.mode == "suicide" and entry.pos in ("N", "X") and trigger.first_word == trigger.last_word)
            or retold(words, trigger),
            confidence=0.5 + 0.1 * bool(args.actors) + 0.1 * bool(args.location),
            place=_place(doc, args.location), weak=weak, described=args.described,
            clause=clause_index(words, trigger), fresh=fresh, distinct=is_similar(words, trigger),
            summary=entry.form in SUMMARY_FORMS and trigger.sentence < LEAD_SENTENCES,
        ))
        for number, place in enumerate(coordinated_places(words, trigger, attack_words, places), start=1):
            if place is None or place != args.location:
                out.append(second_strike(out[-1], place, _place(doc, place), number))
    protest_clashes(out)
    mark_summaries(out)
    return out


def _dedupe_spans(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    out: list[Span] = []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            out.append(span)
    return out


def extract_events(doc: Document) -> Document:
    """Append the document's events (ids V1, V2, ...) to ``doc.events``."""
    if not doc.text or not doc.text.strip():
        return doc
    merged = merge_candidates(candidates_of(doc, gazetteer=True))
    attribute_claims(doc, sentences_of(doc), merged)
    start = len(doc.events)
    for number, candidate in enumerate(merged, start=start + 1):
        settle_location(doc, candidate)
        event = Event(
            id=f"V{number}", type=candidate.type, trigger=candidate.trigger, mode=candidate.mode,
            status=candidate.status, actors=candidate.actors, targets=candidate.targets,
            location=candidate.location, date=candidate.date, fatalities=candidate.fatalities,
            reported_by=candidate.reported_by, confidence=round(candidate.confidence, 3),
            evidence=_dedupe_spans(candidate.evidence),
        )
        event.acled = classify(event, doc, civilians=candidate.civilians)
        doc.events.append(event)
    if any(e.type in PLACE_TYPES and e.geo is None for e in doc.entities):
        place_unlocated(doc.text, doc.entities, get_kb())  # villages added here get a point, as in the link stage
    return doc
