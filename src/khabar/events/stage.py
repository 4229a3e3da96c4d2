"""Pipeline stage: PLOVER events with actors, targets, place, date, fatalities, source and ACLED type.

Runs last. Reads tokens/sentences (text core), entities (NER + linking), numbers, dates and quotes
when earlier stages filled them; without them it still finds triggers, status and death tolls.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from khabar.caches import WORD_CACHE_SIZE
from khabar.document import Document, Event, Quotation, Sentence, Span
from khabar.events.acled import classify
from khabar.events.arguments import extract_arguments
from khabar.events.background import is_background, sporting_sense, sports_text
from khabar.events.cues import (
    CLAUSE_BREAKS,
    EARLIER_TOLL_WORDS,
    LOCATIVE_WORDS,
    SENTENCE_PLACE_OPENERS,
    SIMILAR_WORDS,
    TOPIC_SHIFT_HEADS,
    TOPIC_SHIFT_WORDS,
    UNDERGO_VERBS,
)
from khabar.events.event_dates import event_date
from khabar.events.gazetteer import add_argument_entities
from khabar.events.generic import reference_only, retold, trailer_start
from khabar.events.lexicon import TriggerEntry, load_lexicon, stripped_forms
from khabar.events.merge import (
    LEAD_SENTENCES,
    SUMMARY_FORMS,
    Candidate,
    Place,
    mark_summaries,
    merge_candidates,
    protest_clashes,
)
from khabar.events.places import settle_location
from khabar.events.responsibility import attribute_claims
from khabar.events.roles import MentionRef, mention_index
from khabar.events.scan import (
    Trigger,
    Word,
    candidate_words,
    find_triggers,
    negated,
    sentences_of,
)
from khabar.events.status import Source, cue_status, decide_status, find_source, presupposed, victim_phrase
from khabar.text.normalize import normalize_key

log = logging.getLogger(__name__)

PHONE_WORDS = frozenset({"هاتفيا", "هاتفي", "الهاتفيه", "الهاتف", "هاتفيه", "بالهاتف", "اتصالا", "اتصال"})
VISIT_WORDS = frozenset({"زياره", "زار", "يزور", "الزياره"})


def _refine_mode(trigger: Trigger, words: list[Word]) -> str | None:
    mode = trigger.entry.mode
    if trigger.entry.type != "CONSULT":
        return mode
    lo, hi = max(0, trigger.first_word - 5), min(len(words), trigger.last_word + 6)
    around = {words[k].norm for k in range(lo, hi) if words[k].sentence == trigger.sentence}
    if around & PHONE_WORDS:
        return "phone"
    if around & VISIT_WORDS:
        return "visit"
    return mode


def _find_quotations(text: str) -> list[Quotation]:
    """Quotation-mark pairs from the text core when the segment stage did not run (hand-made docs)."""
    try:
        from khabar.text.quotemarks import find_quotations
    except ImportError:  # text core not installed: no quotation marks known
        return []
    return find_quotations(text)


OPERATION_WORDS = frozenset({"عمليه", "عمليات"})
MILITARY_WORDS = frozenset({"عسكريه", "العسكريه", "عسكريا"})
@lru_cache(maxsize=WORD_CACHE_SIZE)
def _is_operation(norm: str) -> bool:
    return not OPERATION_WORDS.isdisjoint(stripped_forms(norm))


OPERATION_ENTRY = TriggerEntry("عمليه", "N", "ASSAULT", None, False, frozenset(), frozenset())


def operation_triggers(words: list[Word], mentions: list[MentionRef], taken: set[int],
                       candidates: set[int]) -> list[Trigger]:
    """"عملية الموصل" / "عملية عسكرية": a military operation named by its place or kind.

    ``candidates``: indexes of the words that are عملية/عمليات (with clitics).
    """
    place_starts = {m.first_word for m in mentions if m.type in ("GPE", "LOC")}
    out: list[Trigger] = []
    for i in sorted(candidates):
        word = words[i]
        if i in taken or i + 1 >= len(words):
            continue
        nxt = words[i + 1]
        if word.norm.endswith(("ياته", "ياتها", "ياتهم")):
            continue  # صعد الجيش من عملياته العسكرية: its operations in general, no one happening
        if nxt.sentence == word.sentence and (i + 1 in place_starts or nxt.norm in MILITARY_WORDS):
            out.append(Trigger(word.start, word.end, OPERATION_ENTRY, i, i, word.sentence))
    return out


# Goal and state nouns of taking ground (السيطرة، استعادة، تحرير) without a named place or side
# ("إلى استعادة السيطرة على المدن كافة", "من أجل السيطرة على البلاد") name an aim, not a happening;
# past markers before them (بعد، عقب، إعلان) make them one. Source: reading SaudiNewsNet conflict articles.
TERRITORIAL_MODES = frozenset({"seize", "retake"})
PAST_MARKERS = frozenset(normalize_key(w) for w in (
    "بعد", "وبعد", "عقب", "إثر", "اثر", "إعلان", "اعلان", "الاعلان", "الإعلان", "أعلن", "اعلن", "أعلنت", "اعلنت",
    "تمكنت", "تمكن", "استكمال", "اكتمال", "أكملت", "اكملت", "قامت", "قام", "قاموا", "بعدما",
))
# Words whose object is an aim: "استهدف الهجوم السيطرة على", "تسعى إلى بسط سيطرتها" (same source).
GOAL_WORDS = frozenset(normalize_key(w) for w in (
    "استهدف", "واستهدف", "استهدفت", "يستهدف", "تستهدف", "بهدف", "هدف", "بسط", "محاولة", "محاوله", "لمحاولة",
    "تحاول", "يحاول", "تسعى", "يسعى", "سعى", "سعت", "الى", "إلى", "اجل", "أجل",
))
SOME, ON = normalize_key("بعض"), normalize_key("على")
A_NUMBER_OF = (normalize_key("عدد"), normalize_key("من"))
TALLY_WORDS = frozenset(normalize_key(w) for w in ("عدد", "حصيلة", "إجمالي", "اجمالي", "مجموع"))


def _purpose(words: list[Word], trigger: Trigger, before: list[str]) -> bool:
    """ل + verbal noun + its definite object (لاستهداف الآليات، لذبح ضحاياهم، لتحرير المدينة), not after a
    verb of undergoing (تعرضت لقصف الطائرات): the aim of an act."""
    norm = words[trigger.first_word].norm
    if trigger.entry.pos not in ("N", "X") or trigger.entry.fatal or not norm.startswith(("ل", "ول")) \
            or norm.startswith(("لل", "ولل")) or (before and before[-1] in UNDERGO_VERBS):
        return False
    nxt = trigger.last_word + 1
    if nxt >= len(words) or words[nxt].sentence != trigger.sentence:
        return False
    return words[nxt].norm.startswith(("ال", "وال")) or words[nxt].norm.endswith(("هم", "ها"))


def _weak(words: list[Word], trigger: Trigger, status: str, fatalities: int | None, aimed: bool) -> bool:
    """A mention that may add evidence to an event but is not one by itself (see ``merge``)."""
    entry = trigger.entry
    first = trigger.first_word
    before = [words[k].norm for k in range(max(0, first - 3), first) if words[k].sentence == trigger.sentence]
    if entry.mode == "expel" or reference_only(words, trigger):
        return True
    if _purpose(words, trigger, before):
        return True  # عبوات زرعت لاستهداف الآليات، لتحرير المدينة: an aim, not a happening  # طرده من بعض المناطق، طرد اللاعب، طرد السفير: rarely a coercive happening of its own
    goal = bool(before) and before[-1] in GOAL_WORDS
    goal = goal or (entry.pos in ("N", "X") and any(w in GOAL_WORDS for w in before[-2:]))
    if entry.mode in TERRITORIAL_MODES and goal:
        return True  # واستهدف الهجوم السيطرة على، تسعى إلى بسط سيطرتها: an aim
    if entry.pos in ("N", "X") and entry.mode in TERRITORIAL_MODES and not aimed:
        return not any(w in PAST_MARKERS or w[1:] in PAST_MARKERS for w in before)
    after = [words[k].norm for k in range(trigger.last_word + 1, min(len(words), trigger.last_word + 4))
             if words[k].sentence == trigger.sentence]
    if after[:1] == [ON]:
        after = after[1:]
    if after[:1] == [SOME] or after[:2] == list(A_NUMBER_OF):
        return True  # وقتل بعض الأجانب، واستولى على عدد من البلدات: a summary of several happenings
    if any(w in TALLY_WORDS for w in before[-2:]):
        return True  # عدد قتلى هجمات ...: a running total
    if earlier_toll(words, trigger):
        return True  # وكانت حصيلة سابقة أفادت بمقتل 43: an earlier count of the event told
    if entry.fatal and entry.pos in ("N", "X") and fatalities is None and status == "hypothetical":
        return True  # ما إذا كان الحادث أسفر عن قتلى
    return False


def earlier_toll(words: list[Word], trigger: Trigger) -> bool:
    """A toll noun (حصيلة) qualified as earlier or first within the four words before the trigger."""
    first = trigger.first_word
    before = [words[k].norm for k in range(max(0, first - 4), first) if words[k].sentence == trigger.sentence]
    return any(w in TALLY_WORDS and nxt in EARLIER_TOLL_WORDS for w, nxt in pairwise(before))


def _similar(words: list[Word], trigger: Trigger) -> bool:
    """A singular event noun followed by مماثل/مشابه/آخر (هجوما مماثلا، غارة مشابهة): another happening
    (plurals such as هجمات أخرى sum several and may be retold)."""
    nxt = trigger.last_word + 1
    return trigger.entry.pos == "N" and nxt < len(words) and words[nxt].sentence == trigger.sentence \
        and words[nxt].norm in SIMILAR_WORDS


SECOND_ON = normalize_key("وعلى")
COORDINATION_REACH = 30


def coordinated_places(words: list[Word], trigger: Trigger, attack_words: set[int],
                       places: dict[int, str]) -> list[str | None]:
    """"غارات على قرية X ...، وعلى قرية Y": the places of a second (third ...) strike told by the same
    trigger, one per "وعلى" + place noun before the next attack word (None: a place without entity)."""
    nxt = trigger.last_word + 1
    if trigger.entry.type != "ASSAULT" or not any(
            _in(words, k, trigger.sentence) and words[k].norm == ON for k in (nxt, nxt + 1)):
        return []
    out: list[str | None] = []
    for k in range(nxt + 1, min(len(words), nxt + COORDINATION_REACH)):
        if words[k].sentence != trigger.sentence or k in attack_words or words[k].norm in CLAUSE_BREAKS:
            break
        if words[k].norm == SECOND_ON and _in(words, k + 1, trigger.sentence) \
                and words[k + 1].norm in LOCATIVE_WORDS:
            out.append(places.get(k + 2, places.get(k + 1)))
    return out


def _in(words: list[Word], k: int, sentence: int) -> bool:
    return 0 <= k < len(words) and words[k].sentence == sentence


def _second_strike(doc: Document, candidate: Candidate, location: str | None, number: int) -> Candidate:
    """A copy of ``candidate`` at another place: its own event (its toll is not told apart)."""
    return replace(candidate, location=location, place=_place(doc, location), fatalities=None,
                   clause=candidate.clause + 100 * number, distinct=True, actors=list(candidate.actors),
                   targets=list(candidate.targets), evidence=list(candidate.evidence),
                   sentences=set(candidate.sentences), described=set(candidate.described), clauses=set())


# A threat and its content: "وجه تهديدا ... بالقتل", "هدده بتفجير": the act is threatened, not done
# (the cue table of ``status`` holds the verbs; the nouns تهديد/تهديدات are added here).
THREAT_WORDS = frozenset(normalize_key(w) for w in (
    "تهديد", "تهديدا", "تهديدات", "التهديد", "هدد", "هددت", "هددوا", "يهدد", "تهدد", "يهددون", "توعد", "توعدت",
    "يتوعد", "وهدد", "وهددت", "تهديده", "تهديدها", "بتهديد", "متوعدا", "مهددا",
))
THREAT_REACH = 6


def _threatened_with(words: list[Word], trigger: Trigger) -> bool:
    """A ب-marked attack noun a few words after a threat word: the content of the threat (status threatened)."""
    if not words[trigger.first_word].norm.startswith("ب"):
        return False
    lo = max(0, trigger.first_word - THREAT_REACH)
    return any(words[k].sentence == trigger.sentence and words[k].norm in THREAT_WORDS
               for k in range(lo, trigger.first_word))


POSSESSIVE_ENDINGS = ("هم", "ها", "ه", "هما", "هن")


ANNOUNCE_LINKS = frozenset(normalize_key(w) for w in ("عن", "ب"))


def _announced_by_party(doc: Document, words: list[Word], trigger: Trigger, source: Source | None,
                        actors: list[str], targets: list[str]) -> bool:
    """"أعلن X عن مقتل ..." / "أفادت X بمقتل ...": a force announcing a toll it inflicted is its actor."""
    if trigger.entry.type != "ASSAULT" or actors or source is None or source.entity is None or source.is_news:
        return False
    entity = doc.entity(source.entity)
    if entity is None or entity.type != "ORG" or source.entity in targets:
        return False
    norm = words[trigger.first_word].norm
    prev = words[trigger.first_word - 1].norm if trigger.first_word > 0 else ""
    return trigger.entry.pos in ("N", "X") and (norm.startswith("بم") or prev in ANNOUNCE_LINKS)


def _definite(norm: str, pos: str, text: str = "") -> bool:
    """A definite (الهجوم، بالانفجار) or possessed (هجومهم) event noun: it refers back (a final ta
    marbuta, folded to ه, is no possessive: بمهاجمة)."""
    possessed = len(norm) > 5 and norm.endswith(POSSESSIVE_ENDINGS) and not text.endswith("ة")
    return pos in ("N", "X") and (norm.startswith(("ال", "وال", "بال", "فال", "لل", "وبال", "فيال")) or possessed)


def _fresh(words: list[Word], trigger: Trigger, places: dict[int, str]) -> tuple[bool, str | None]:
    """The trigger's sentence opens with a turn to another matter: "من جهة أخرى،" / "وعلى صعيد آخر،" /
    "وفي مأرب،" (then also the place entity named right after the opening في)."""
    first = trigger.first_word
    while first > 0 and words[first - 1].sentence == trigger.sentence:
        first -= 1
    head = [words[k].norm for k in range(first, min(len(words), first + 4)) if words[k].sentence == trigger.sentence]
    if head and head[0] in SENTENCE_PLACE_OPENERS and first + 1 in places:
        return True, places[first + 1]
    for k in range(len(head) - 1):
        if head[k] in TOPIC_SHIFT_HEADS and head[k + 1] in TOPIC_SHIFT_WORDS:
            return True, None
    return False, None


def _clause(words: list[Word], trigger: Trigger) -> int:
    """How many clause breaks (فيما، بينما) stand before the trigger in its sentence."""
    count = 0
    k = trigger.first_word - 1
    while k >= 0 and words[k].sentence == trigger.sentence:
        count += words[k].norm in CLAUSE_BREAKS
        k -= 1
    return count


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
    operation_words = {i for i, w in enumerate(words) if _is_operation(w.norm)}
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
        if _announced_by_party(doc, words, trigger, source, args.actors, args.targets):
            args.actors.append(source.entity)  # أعلن الجيش عن مقتل ثمانية عناصر: the army's own action
        cue = "threatened" if _threatened_with(words, trigger) else cue_status(words, trigger)
        status = decide_status(entry.type, cue, None if presupposed(words, trigger) else source, args.actors,
                               args.targets, victim_phrase(words, trigger, source) or args.target_text)
        sentence = sentences[trigger.sentence] if sentences else None
        s_start, s_end = (sentence.start, sentence.end) if sentence else (0, len(doc.text))
        fresh, scene = _fresh(words, trigger, places)
        if args.location is None and scene is not None:
            args.location = scene  # "وفي مأرب، قصفت طائرات التحالف ...": the sentence's scene
        weak = _weak(words, trigger, status, args.fatalities, bool(args.location or args.targets))
        if weak and earlier_toll(words, trigger):
            args.fatalities = None  # the toll was raised since: it never conflicts with the final one
        out.append(Candidate(
            type=entry.type, mode=_refine_mode(trigger, words), status=status,
            trigger=doc.span(trigger.start, trigger.end), sentence=trigger.sentence,
            actors=args.actors, targets=args.targets, location=args.location,
            date=event_date(doc, trigger, s_start, s_end, quotations), fatalities=args.fatalities, fatal=entry.fatal,
            reported_by=source.entity if source else None, civilians=args.civilians,
            target_text=args.target_text, evidence=[_trimmed(doc, s_start, s_end)],
            sentences={trigger.sentence}, definite=_definite(words[trigger.first_word].norm, entry.pos, words[trigger.first_word].text)
            or (entry.mode == "suicide" and entry.pos in ("N", "X") and trigger.first_word == trigger.last_word)
            or retold(words, trigger),
            confidence=0.5 + 0.1 * bool(args.actors) + 0.1 * bool(args.location),
            place=_place(doc, args.location), weak=weak, described=args.described,
            clause=_clause(words, trigger), fresh=fresh, distinct=_similar(words, trigger),
            summary=entry.form in SUMMARY_FORMS and trigger.sentence < LEAD_SENTENCES,
        ))
        for number, place in enumerate(coordinated_places(words, trigger, attack_words, places), start=1):
            if place is None or place != args.location:
                out.append(_second_strike(doc, out[-1], place, number))
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
    return doc
