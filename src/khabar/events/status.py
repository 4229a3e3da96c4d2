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

from khabar.document import Document, Entity, Quotation, Quote
from khabar.events.cues import (
    ACCORDING_TO,
    CLAUSE_BREAKS,
    CONDEMN_WORDS,
    DENIAL_CUES,
    GENERIC_FORCE_WORDS,
    HYPOTHETICAL_CUES,
    NEUTRAL_SOURCE_WORDS,
    NEWS_SOURCE_WORDS,
    PARTY_WORDS,
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
    party: bool = False  # the source is a side of the conflict (an army, a militia, a ministry ...)
    speaker: str = ""  # the words that name the source (its entity's names, the reporting clause)


COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "انها", "انهم", "بانه", "بانها", "بانهم", ":"})


def _content_start(words: list[Word], verb: int, trigger: Trigger) -> int | None:
    for k in range(verb + 1, trigger.first_word):
        if words[k].norm in COMPLEMENTIZERS:
            return words[k].end
    return None


def _strip_conj(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


COPULAS = frozenset(normalize_key(w) for w in ("كان", "كانت", "تكون", "يكون", "أن", "ان"))


def _definite_subject(words: list[Word], cue: int, trigger: Trigger) -> bool:
    """"ما إذا كان الهجوم ..." / "احتمال أن تكون عملية الخطف مرتبطة": the definite event noun is the
    subject of a copula after the doubt word (the doubt is about what is said of it)."""
    first = words[trigger.first_word]
    if trigger.entry.pos not in ("N", "X"):
        return False
    between = [words[k].norm for k in range(cue + 1, trigger.first_word)]
    definite = first.norm.startswith("ال") or (between and between[-1] in ("عمليه", "عمليات"))
    return bool(definite) and any(w in COPULAS for w in between) and len(between) <= 3


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
            if _definite_subject(words, j, trigger):
                return None  # ما إذا كان الهجوم نفذه ...: what is in doubt is said of the event, not the event
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
        text = _quote_subject(doc, quote)
        news = is_news_source(speaker, text)
        return _with_side(doc, Source(quote.speaker or _carrier(doc, quote.reported_by), news, True,
                                      quote.content.start), text)
    sentence = trigger.sentence
    # "قالت X إن <event>": the subject of a speech verb before the trigger in the same sentence
    for j in range(trigger.first_word - 1, -1, -1):
        word = words[j]
        if word.sentence != sentence:
            break
        if word.norm in CLAUSE_BREAKS:
            break  # "أعلنت المقاومة عن مقتل 22 ..., فيما قتل 9": the outlet's own clause
        if word.norm in SPEECH_VERBS or _strip_conj(word.norm) in SPEECH_VERBS:
            entity_id, tail = _entity_after(doc, words, j)
            subject = _subject(words, j, trigger)
            if entity_id is not None or is_news_source(None, tail) or _keys_of(subject) & PARTY_WORDS:
                return _with_side(doc, Source(entity_id, is_news_source(doc.entity(entity_id), tail), True,
                                              _content_start(words, j, trigger)), subject)
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
            return _with_side(doc, Source(entity_id, is_news_source(doc.entity(entity_id), tail), False), tail)
    for quotation in quotations if quotations is not None else doc.quotations:
        if quotation.content.start <= trigger.start and trigger.end <= quotation.content.end:
            return Source(None, False, True, quotation.content.start)
    return None


QUOTE_SUBJECT_REACH = 80  # characters between a quote's cue and its content read as the speaker phrase


def _quote_subject(doc: Document, quote: Quote) -> str | None:
    """The speaker phrase of a quote: its speaker span, widened to the words between the cue and the
    content ("قالت [الشرطة ومصادر طبية] إن": the speaker span may hold only the first name)."""
    text = quote.speaker_text.text if quote.speaker_text else None
    if quote.cue is None:
        return text
    start = quote.cue.end
    if quote.speaker_text is not None:
        start = min(start, quote.speaker_text.start)
    if 0 < quote.content.start - start <= QUOTE_SUBJECT_REACH:
        return " ".join(x for x in (text, doc.text[start:quote.content.start]) if x)
    return text


SUBJECT_REACH = 8  # words of a reporting clause's subject looked at ("قالت الشرطة ومصادر طبية")
# Entity types that speak for a side when no word says otherwise (a state, an armed group, a party).
SIDE_TYPES = frozenset({"ORG", "GPE", "NORP"})


def _subject(words: list[Word], verb: int, trigger: Trigger) -> str:
    """The words between a speech verb and what was said (its subject), in text form."""
    out: list[str] = []
    for k in range(verb + 1, min(trigger.first_word, verb + 1 + SUBJECT_REACH)):
        if words[k].norm in COMPLEMENTIZERS:
            break
        out.append(words[k].text)
    return " ".join(out)


def _keys_of(text: str) -> set[str]:
    return {normalize_key(w) for w in text.split()}


def _bare_keys(keys: set[str]) -> set[str]:
    """Keys without a leading و/ب/ل and the article: للجيش، الجيش، جيش -> جيش."""
    out: set[str] = set()
    for key in keys:
        if key.startswith("لل") and len(key) > 4:
            key = key[2:]
        elif len(key) > 4 and key[0] in "وبلف":
            key = key[1:]
        if key.startswith("ال") and len(key) > 4:
            key = key[2:]
        out.add(key)
    return out


def _with_side(doc: Document, source: Source, text: str | None) -> Source:
    """Fill ``speaker`` and ``party``: neutral words (medics, residents, monitors, agencies) win over
    side words (army, police, militia, ministry, spokesman); an organisation, state or group with
    neither speaks for a side."""
    entity = doc.entity(source.entity) if source.entity else None
    names = [text or ""]
    if entity is not None:
        names.append(entity.name)
        names.extend(m.text for m in entity.mentions)
    source.speaker = " ".join(n for n in names if n)
    keys = _keys_of(source.speaker)
    if keys & NEUTRAL_SOURCE_WORDS:
        source.is_news, source.party = True, False
    elif keys & PARTY_WORDS:
        source.is_news, source.party = False, True
    else:
        source.party = entity is not None and entity.type in SIDE_TYPES and not source.is_news
    return source


def _admission(source: Source, targets: list[str], victims: str | None) -> bool:
    """The source tells of its own side's losses (المتحدث العسكري للجيش: ثلاثة من أفراد الجيش قتلوا)."""
    if source.entity is not None and source.entity in targets:
        return True
    if not victims:
        return False
    speaker = _keys_of(source.speaker)
    side = _bare_keys((speaker & PARTY_WORDS) - GENERIC_FORCE_WORDS) - _bare_keys(set(GENERIC_FORCE_WORDS))
    return bool(side & _bare_keys(_keys_of(victims) - GENERIC_FORCE_WORDS))


PARTITIVE = normalize_key("من")
VICTIM_REACH = 4


def victim_phrase(words: list[Word], trigger: Trigger, source: Source | None) -> str | None:
    """"ثلاثة من أفراد الجيش قُتلوا": the words after a partitive من between the reported content's
    start and a death word (who died, as the source tells it)."""
    if source is None or source.window_start is None or not trigger.entry.fatal:
        return None
    lo = trigger.first_word
    while lo > 0 and words[lo - 1].sentence == trigger.sentence and words[lo - 1].start >= source.window_start:
        lo -= 1
    for k in range(lo, trigger.first_word):
        if words[k].norm == PARTITIVE:
            return " ".join(w.text for w in words[k + 1:min(trigger.first_word, k + 1 + VICTIM_REACH)])
    return None


CONDEMN_REACH = 3


def presupposed(words: list[Word], trigger: Trigger) -> bool:
    """The event is the object of a condemnation (أدان/ندد/استنكر الهجوم): a fact the speaker takes
    for granted, not a claim of theirs."""
    lo = max(0, trigger.first_word - CONDEMN_REACH)
    return any(words[k].sentence == trigger.sentence and (words[k].norm in CONDEMN_WORDS
               or _strip_conj(words[k].norm) in CONDEMN_WORDS) for k in range(lo, trigger.first_word))


def decide_status(event_type: str, cue: str | None, source: Source | None, actors: list[str],
                  targets: list[str] | None = None, victims: str | None = None) -> str:
    """The cue's status; else ``claimed`` for a violent or coercive event that only a side of the
    conflict asserts (not its own losses); else ``happened`` (the outlet, a neutral source)."""
    if cue is not None:
        return cue
    if source is None or source.is_news or not source.party:
        return "happened"
    if event_type in CONTESTED_TYPES and not _admission(source, targets or [], victims):
        return "claimed"
    return "happened"
