"""Event arguments from the trigger's sentence: actors, targets, location, fatalities.

Roles of entity mentions come from ``roles`` (prepositions and word order); victims counted among
the dead from ``victims``; descriptive arguments no entity covers (أقدم شاب، قتل ثلاثة أشخاص، على
الضالع) from ``phrases``; the date from ``event_dates``.
"""

from __future__ import annotations

from khabar.document import Document
from khabar.events.cues import CIVILIAN_WORDS, LIGHT_VERBS
from khabar.events.fatalities import fatalities_near
from khabar.events.phrases import attacker_span, experiencer_verb, phrase_entity, victim_span
from khabar.events.roles import (
    ACTOR_TYPES,
    PLACE_TYPES,
    MentionRef,
    clause_break,
    generic_place,
    prev_norm,
    reference_point,
    role_of,
    town,
)
from khabar.events.scan import Trigger, Word
from khabar.events.victims import VERB_POS, Arguments, victims_to_targets
from khabar.text.normalize import normalize_key

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


# Words that end the object of a verb (سيطرت على ... بسبب انشغال القوات: the forces are no target).
OBJECT_BOUNDARIES = frozenset(normalize_key(w) for w in (
    "بسبب", "بعد", "إثر", "اثر", "جراء", "نتيجة", "عقب", "حيث", "بينما", "فيما", "لأن", "لان", "منذ",
))
# Retake words: "لاستعادتها من X" names X, the side the place is taken from (the target).
RETAKE_STEMS = tuple(normalize_key(w) for w in ("استعاد", "تحرير", "تحرر", "طرد"))
# Nouns that refer back to the city named before (سيطر على المدينة، هذه المدينة).
CITY_ANAPHORS = frozenset(normalize_key(w) for w in ("المدينة", "المدينه", "بالمدينة", "المدينة،"))




def _civilian_text(words: list[Word], trigger: Trigger) -> str | None:
    lo, hi = trigger.last_word + 1, min(len(words), trigger.last_word + 6)
    for j in range(lo, hi):
        if words[j].sentence != trigger.sentence:
            break
        if words[j].norm in CIVILIAN_WORDS or words[j].norm[1:] in CIVILIAN_WORDS:
            return words[j].text
    return None


def extract_arguments(doc: Document, words: list[Word], mentions: list[MentionRef], trigger: Trigger,
                      event_type: str, excluded: set[str], window: tuple[int, int] | None = None) -> Arguments:
    """Fill actors/targets/location/fatalities for one trigger, looking within its sentence.

    ``excluded`` holds entity ids that cannot be arguments (the speech source); ``window``
    optionally narrows the look-up to a character range (a quote's content).
    """
    args = Arguments()
    lo, hi = window if window else (0, len(doc.text))
    in_sentence = [m for m in mentions
                   if words[m.first_word].sentence == trigger.sentence and lo <= m.start and m.end <= hi
                   and not (m.start < trigger.end and trigger.start < m.end)]
    before = [m for m in in_sentence if m.end <= trigger.start]
    after = [m for m in in_sentence if m.start >= trigger.end]
    roles = {id(m): role_of(words, m) for m in in_sentence}

    # location: a place-marked mention after the trigger in its clause, else before it, else any
    # place-type mention after it in the clause
    clause_after = [m for m in after if not clause_break(doc.text, trigger.end, m.start)]
    clause_before = [m for m in before if not clause_break(doc.text, m.end, trigger.start)]
    place_ends = {m.last_word for m in in_sentence if m.type in PLACE_TYPES}
    for m in in_sentence:
        if m.type in PLACE_TYPES and reference_point(words, m, place_ends):
            roles[id(m)] = "ref"
    places = ([m for m in clause_after if roles[id(m)] == "loc"]
              or [m for m in reversed(clause_before) if roles[id(m)] == "loc"]
              or [m for m in clause_after if m.type in PLACE_TYPES and roles[id(m)] is None
                  and m.first_word <= trigger.last_word + 4])
    if places and event_type != "CONSULT":
        args.location = places[0].entity
    towns = {m.entity for m in in_sentence if m.type == "GPE" and town(doc, m.entity)}

    def usable(m: MentionRef) -> bool:
        return (m.type in ACTOR_TYPES and roles[id(m)] not in ("loc", "disguise", "speaker", "ref")
                and m.entity not in excluded and m.entity != args.location and m.entity not in towns)

    if event_type in SYMMETRIC_TYPES:
        for m in in_sentence:
            if usable(m) and m.type in ("PER", "ORG") and m.entity not in args.actors:
                args.actors.append(m.entity)
        people = [a for a in args.actors if any(m.entity == a and m.type == "PER" for m in in_sentence)]
        if people:  # a call or meeting between persons: organizations named in it are its topic
            args.actors = people
        if not args.actors:
            args.actors = [m.entity for m in in_sentence if usable(m) and m.type == "GPE"][:2]
        return args

    # targets: marked mentions after the trigger (على/ضد/بحق, من after a death word)
    for m in after:
        if any(words[k].norm in OBJECT_BOUNDARIES for k in range(trigger.last_word + 1, m.first_word)):
            break
        role = roles[id(m)]
        if usable(m) and (role == "target" or (role == "of" and trigger.entry.fatal)):
            if m.entity not in args.targets:
                args.targets.append(m.entity)
    # actor: agent-marked mention after the trigger (لـ only right after it)
    agents = [m for m in after if usable(m) and m.entity not in args.targets and (
        (roles[id(m)] == "agent" and m.first_word <= trigger.last_word + 5)
        or (roles[id(m)] == "lam" and m.first_word <= trigger.last_word + 2))]
    is_verb = trigger.entry.pos in VERB_POS
    nxt = trigger.last_word + 1
    passive = trigger.first_word > 0 and words[trigger.first_word - 1].norm in ("تم", "وتم", "جري")
    antecedent = _relative_antecedent(words, before, trigger, usable)
    experienced = experiencer_verb(words, trigger) if not agents else None
    genitive = after[0] if (not is_verb and not trigger.entry.fatal and event_type == "ASSAULT" and after
                            and after[0].first_word == nxt and roles[id(after[0])] in (None, "lam")
                            and usable(after[0]) and _definite_name(doc, words, after[0])) else None
    if experienced is not None:
        # تعرض X لهجوم، نجا X من هجوم: X suffered it (a target), never the attacker
        sufferer = next((m for m in before if m.first_word > experienced and usable(m)), None)
        if sufferer is not None:
            args.targets.append(sufferer.entity)
    if agents:
        args.actors.append(agents[0].entity)
    elif antecedent is not None:
        args.actors.append(antecedent)  # تنظيم الدولة ... والذي كان قد سيطر
    elif passive:
        pass
    elif genitive is not None:
        args.actors.append(genitive.entity)  # هجوم الميليشيات الحوثية على الضالع: the attackers
    elif is_verb and after and usable(after[0]) and after[0].first_word <= nxt + 1 and roles[id(after[0])] is None \
            and not words[trigger.first_word].norm.endswith(("وا", "و")):
        args.actors.append(after[0].entity)  # VSO: قصفت طائرات التحالف ...
    elif experienced is not None:
        pass
    else:
        # SVO or light verb: the nearest unmarked mention before the trigger
        for m in reversed(before):
            if usable(m) and roles[id(m)] in (None, "agent") and m.entity not in args.targets:
                args.actors.append(m.entity)
                break
        else:
            light = [m for m in after if usable(m) and roles[id(m)] is None]
            if not is_verb and light and any(words[k].norm in LIGHT_VERBS for k in range(
                    trigger.last_word + 1, light[0].first_word)):
                args.actors.append(light[0].entity)  # الهجوم الذي تشنه القوات السورية
    # direct object of a verb: the first unmarked mention after it that is not the actor
    if is_verb and not args.targets:
        for m in after:
            if any(words[k].norm in OBJECT_BOUNDARIES for k in range(trigger.last_word + 1, m.first_word)):
                break
            if usable(m) and m.entity not in args.actors and roles[id(m)] in (None, "of") \
                    and m.first_word <= trigger.last_word + 4:
                args.targets.append(m.entity)
                break
    # a noun's genitive: مقتل قائد الفرقة، اغتيال فلان
    if not is_verb and not args.targets and after and trigger.entry.fatal:
        m = after[0]
        if usable(m) and m.first_word <= trigger.last_word + 3 and m.entity not in args.actors:
            args.targets.append(m.entity)
    if not args.targets and event_type == "ASSAULT":
        args.targets.extend(_retaken_from(words, after, usable))
    if not args.targets and event_type == "ASSAULT":
        args.targets.extend(_facility_holder(words, after, trigger, usable, args.actors))
    if args.location is None and event_type != "CONSULT":
        args.location = _city_anaphor(doc, words, mentions, trigger)
    if trigger.entry.fatal or event_type == "ASSAULT":
        victims_to_targets(words, in_sentence, trigger, args)
    persons = {words[m.first_word].start for m in after if m.type == "PER"}
    args.fatalities = fatalities_near(doc, words, trigger, persons)
    civ = _civilian_text(words, trigger)
    if civ and not args.targets:
        args.civilians = True
        args.target_text = civ
    if event_type in DESCRIBED_TYPES:
        _described(doc, words, trigger, args, experienced is not None)
    return args


# Event types whose unnamed victims and attackers are read from the clause (see ``phrases``).
DESCRIBED_TYPES = frozenset({"ASSAULT", "COERCE"})


def _described(doc: Document, words: list[Word], trigger: Trigger, args: Arguments, experienced: bool) -> None:
    """Victims and attackers named by a description (ثلاثة أشخاص، الجاني، شاب), not by a name."""
    if not args.targets:
        span = victim_span(doc, words, trigger)
        if span is not None:
            args.targets.append(phrase_entity(doc, *span))
            args.described.add(args.targets[-1])
    if not args.actors and not experienced:
        span = attacker_span(doc, words, trigger)
        if span is not None:
            entity = phrase_entity(doc, *span)
            if entity not in args.targets:
                args.actors.append(entity)
                args.described.add(entity)




RELATIVE_PRONOUNS = frozenset(normalize_key(w) for w in ("الذي", "والذي", "التي", "والتي", "الذين", "والذين"))
RELATIVE_FILLERS = frozenset(normalize_key(w) for w in ("كان", "كانت", "كانوا", "قد", "قام", "قامت"))


def _relative_antecedent(words: list[Word], before: list[MentionRef], trigger: Trigger, usable: object) -> str | None:
    """The subject of a verb in a relative clause is the noun before الذي/التي (its antecedent)."""
    k = trigger.first_word - 1
    while k >= 0 and words[k].sentence == trigger.sentence and words[k].norm in RELATIVE_FILLERS:
        k -= 1
    if k < 0 or words[k].sentence != trigger.sentence or words[k].norm not in RELATIVE_PRONOUNS:
        return None
    pronoun = words[k]
    for m in reversed(before):
        if m.end <= pronoun.start and callable(usable) and usable(m):
            return m.entity if m.last_word >= k - 4 else None
    return None


def _retaken_from(words: list[Word], after: list[MentionRef], usable: object) -> list[str]:
    """من أجل استعادتها من تنظيم الدولة: the mention after "من" following a retake word."""
    for m in after:
        if prev_norm(words, m.first_word) != "من" or not callable(usable) or not usable(m):
            continue
        for back in (2, 3):
            word = prev_norm(words, m.first_word, back)
            bare = word[1:] if word[:1] in "لوب" else word
            if bare.startswith(RETAKE_STEMS) or word.startswith(RETAKE_STEMS):
                return [m.entity]
    return []


def _city_anaphor(doc: Document, words: list[Word], mentions: list[MentionRef], trigger: Trigger) -> str | None:
    """"على المدينة" right after the trigger refers to the last city named before it."""
    for k in range(trigger.last_word + 1, min(len(words), trigger.last_word + 4)):
        if words[k].sentence != trigger.sentence:
            break
        if words[k].norm in CITY_ANAPHORS:
            # every mention before the trigger, also in sentences whose words were not read
            best: tuple[int, str] | None = None
            for entity in doc.entities:
                if entity.type not in PLACE_TYPES or entity.geo is None or entity.geo.precision != "city":
                    continue
                for mention in entity.mentions:
                    if mention.end <= trigger.start and not generic_place(mention.text) \
                            and (best is None or mention.end > best[0]):
                        best = (mention.end, entity.id)
            return best[1] if best else None
    return None


# Positions, bases and vehicles of a side: "غارات على مواقع للمتمردين"، "استهدف تجمعات داعش": the side is hit.
FACILITY_WORDS = frozenset(normalize_key(w) for w in (
    "مواقع", "موقع", "مقر", "مقرات", "تجمعات", "تجمع", "معاقل", "معقل", "مراكز", "آليات", "اليات", "عربات",
    "دوريات", "دورية", "حاجز", "حواجز", "نقاط", "نقطة", "مخازن", "ثكنات", "ثكنة", "منازل", "مخيمات", "قوافل",
))
FACILITY_REACH = 6  # words after the trigger


def _facility_holder(words: list[Word], after: list[MentionRef], trigger: Trigger, usable: object,
                     actors: list[str]) -> list[str]:
    """The side whose positions were hit: a mention right after a facility word (مواقع لـX، مقر X)."""
    for m in after:
        if m.first_word > trigger.last_word + FACILITY_REACH:
            break
        prev = prev_norm(words, m.first_word)
        bare = prev[1:] if prev[:1] in "وبل" and prev[1:] in FACILITY_WORDS else prev
        if bare in FACILITY_WORDS and callable(usable) and usable(m) and m.entity not in actors:
            return [m.entity]
    return []


def _definite_name(doc: Document, words: list[Word], ref: MentionRef) -> bool:
    """A name or a definite noun phrase (الميليشيات الحوثية), not an indefinite adjective (هجوم انتحاري)."""
    entity = doc.entity(ref.entity)
    if entity is not None and (entity.kb_id or entity.type == "PER"):
        return True
    return words[ref.first_word].norm.startswith(("ال", "لل"))
