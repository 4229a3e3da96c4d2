"""Event arguments from the trigger's sentence: actors, targets, location, fatalities.

Roles of entity mentions come from ``roles`` (prepositions and word order); victims counted among
the dead from ``victims``; descriptive arguments no entity covers (أقدم شاب، قتل ثلاثة أشخاص، على
الضالع) from ``phrases``; the date from ``event_dates``.
"""

from __future__ import annotations

from collections.abc import Callable

from khabar.document import Document
from khabar.events.agents import Ref, cause_agent
from khabar.events.cues import CIVILIAN_WORDS, LIGHT_VERBS
from khabar.events.fatalities import fatalities_near
from khabar.events.objects import object_target
from khabar.events.phrases import attacker_span, experiencer_verb, phrase_entity, victim_span
from khabar.events.roles import (
    ACTOR_TYPES,
    PLACE_TYPES,
    MentionRef,
    clause_break,
    dateline,
    generic_place,
    prev_norm,
    reference_point,
    role_of,
    town,
)
from khabar.events.scan import Trigger, Word
from khabar.events.sufferers import affiliation, doer, hedged_victims, met_death_victim
from khabar.events.victims import (
    VERB_POS,
    Arguments,
    counted_subject,
    victim_after,
    victim_before,
    victims_to_targets,
)
from khabar.text.normalize import normalize_key

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# A person named after titles (قتل مدير منفذ مدينة بنغازي البحري العقيد فلان): words between verb and name.
PERSON_REACH = 9
# Roles of mentions that are no party of the event: its place, a disguise, the one who tells or
# condemns it, a reference point, a dateline, the patron of a force (قوات صالح، بقيادة السعودية).
NOT_PARTIES = frozenset({"loc", "disguise", "speaker", "ref", "dateline", "patron"})


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
    # a nationality is never the teller itself (أعلنت الخارجية الإيطالية أن أربعة إيطاليين اختطفوا)
    excluded = {e for e in excluded if (entity := doc.entity(e)) is None or entity.type != "NORP"}
    lo, hi = window if window else (0, len(doc.text))
    in_sentence = [m for m in mentions
                   if words[m.first_word].sentence == trigger.sentence and lo <= m.start and m.end <= hi
                   and not (m.start < trigger.end and trigger.start < m.end)]
    before = [m for m in in_sentence if m.end <= trigger.start]
    after = [m for m in in_sentence if m.start >= trigger.end]
    roles = {id(m): "dateline" if dateline(doc.text, m.start) else role_of(words, m) for m in in_sentence}

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
                  and m.first_word <= trigger.last_word + 4 and not _verb_subject(doc, trigger, m)])
    if places and event_type != "CONSULT":
        args.location = places[0].entity
    towns = {m.entity for m in in_sentence if m.type == "GPE" and town(doc, m.entity)}

    def usable(m: MentionRef) -> bool:
        return (m.type in ACTOR_TYPES and roles[id(m)] not in NOT_PARTIES
                and m.entity not in excluded and m.entity != args.location and m.entity not in towns)

    def usable_id(entity_id: str, type_: str) -> bool:
        return (type_ in ACTOR_TYPES and entity_id not in excluded and entity_id != args.location
                and entity_id not in towns and not town(doc, entity_id))

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
        if usable(m) and (role == "target" or (role in ("of", "among") and trigger.entry.fatal)
                          or (role is None and victim_after(words, m, trigger)
                              and not clause_break(doc.text, trigger.end, m.start))):
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
    # قتلوا في هجوم نفذه مسلحون، مقتل 14 في غارة أمريكية: the attacker inside the cause phrase
    cause_known: list[str | None] = []

    def cause() -> str | None:
        """The attacker in the cause phrase (قتلوا في هجوم نفذه X), looked up once, when needed."""
        if not cause_known:
            refs = {m.first_word: Ref(m.entity, m.type, m.first_word) for m in after if roles[id(m)] != "among"}
            cause_known.append(cause_agent(doc, words, trigger, usable_id, args.targets, refs)
                               if not agents and antecedent is None and experienced is None else None)
        return cause_known[0]
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
    elif (passive or trigger.entry.fatal or not is_verb) and (caused := cause()) is not None:
        args.actors.append(caused)
        lost = counted_subject(words, before, trigger, usable)
        if lost is not None and lost != caused and lost not in args.targets:
            args.targets.append(lost)
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
        held = counted_subject(words, before, trigger, usable) if event_type == "COERCE" else None
        if held is not None:
            args.targets.append(held)  # أربعة إيطاليين اختطفوا: the counted were taken
        for m in reversed(before):
            if usable(m) and roles[id(m)] in (None, "agent") and m.entity not in args.targets:
                if victim_before(words, m, trigger):
                    if trigger.entry.fatal or event_type == "ASSAULT":
                        args.targets.append(m.entity)  # 10 إرهابيين ... وقتلتهم: the counted are the hit
                    continue  # قتل العشرات من عناصر داعش واعتقل ...: the dead did not arrest
                args.actors.append(m.entity)
                break
        else:
            light = [m for m in after if usable(m) and roles[id(m)] is None]
            if not is_verb and light and any(words[k].norm in LIGHT_VERBS for k in range(
                    trigger.last_word + 1, light[0].first_word)):
                args.actors.append(light[0].entity)  # الهجوم الذي تشنه القوات السورية
            elif not is_verb:
                doer_ = _light_verb_subject(words, before, trigger, usable, roles)
                if doer_ is not None and doer_ not in args.targets:
                    args.actors.append(doer_)  # ونفذت قوة من الجيش عمليات دهم
    # direct object of a verb: the first unmarked mention after it that is not the actor
    if is_verb and not args.targets:
        for m in after:
            if any(words[k].norm in OBJECT_BOUNDARIES for k in range(trigger.last_word + 1, m.first_word)):
                break
            if usable(m) and m.entity not in args.actors \
                    and (roles[id(m)] is None or (roles[id(m)] == "of" and trigger.entry.fatal)) \
                    and (m.first_word <= trigger.last_word + 4 or (
                        m.type == "PER" and m.first_word <= trigger.last_word + PERSON_REACH
                        and not clause_break(doc.text, trigger.end, m.start))):
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
    if not args.actors and (caused := cause()) is not None and caused not in args.targets:
        args.actors.append(caused)  # the victims were taken for the actor: the cause names the attacker
    persons = {words[m.first_word].start for m in after if m.type == "PER"}
    args.fatalities = fatalities_near(doc, words, trigger, persons)
    civ = _civilian_text(words, trigger)
    if civ and not args.targets:
        args.civilians = True
        args.target_text = civ
    if event_type in DESCRIBED_TYPES:
        _sufferers(doc, words, trigger, args, usable_id)
        _described(doc, words, trigger, args, experienced is not None)
        if not args.targets and trigger.entry.fatal:
            counted = hedged_victims(doc, words, trigger)
            if counted is not None and counted not in args.actors:
                args.targets.append(counted)
                args.described.add(counted)
        territorial_noun = trigger.entry.pos in ("N", "X") and trigger.entry.mode in ("seize", "retake")
        if not args.targets and not territorial_noun:  # قصفت الميليشيات الأحياء السكنية، غارات على قاعدة العند
            covered = {k for m in in_sentence for k in range(m.first_word, m.last_word + 1)}
            subject_before = any(m.entity in args.actors for m in before)
            aimed = object_target(doc, words, trigger, event_type, covered, subject_before)
            if aimed is not None and aimed not in args.actors:
                args.targets.append(aimed)
                args.described.add(aimed)
        for target in list(args.targets):  # مقتل 51 من عناصر تنظيم داعش: the side of the counted
            side = affiliation(doc, words, trigger, target, usable_id)
            if side is not None and side not in args.targets and side not in args.actors:
                args.targets.append(side)
    # a party both hit and hitting in one clause: the victim rules are the surer
    args.actors = [a for a in args.actors if a not in args.targets]
    return args


def _sufferers(doc: Document, words: list[Word], trigger: Trigger, args: Arguments,
               usable_id: Callable[[str, str], bool]) -> None:
    """لقي X مصرعه (X died: a target); قيام X بإطلاق النار (X did it: the actor)."""
    if trigger.entry.fatal:
        dead = met_death_victim(doc, words, trigger)
        if dead is not None:
            if dead in args.actors:
                args.actors.remove(dead)
            if dead not in args.targets:
                args.targets.insert(0, dead)
            if _descriptive(doc, dead):
                args.described.add(dead)
    if not args.actors:
        did = doer(doc, words, trigger, usable_id)
        if did is not None and did not in args.targets:
            args.actors.append(did)
            if _descriptive(doc, did):
                args.described.add(did)


def _descriptive(doc: Document, entity_id: str) -> bool:
    entity = doc.entity(entity_id)
    return entity is not None and entity.kb_id is None and bool(entity.mentions) \
        and entity.mentions[0].source == "events"


# Event types whose unnamed victims and attackers are read from the clause (see ``phrases``).
DESCRIBED_TYPES = frozenset({"ASSAULT", "COERCE"})


LIGHT_REACH = 8  # words between a light verb and its event noun


def _light_verb_subject(words: list[Word], before: list[MentionRef], trigger: Trigger,
                        usable: Callable[[MentionRef], bool], roles: dict[int, str | None]) -> str | None:
    """"نفذت قوة من الجيش عمليات دهم": the mention between a light verb and the event noun after it."""
    for k in range(trigger.first_word - 1, max(-1, trigger.first_word - 1 - LIGHT_REACH), -1):
        if words[k].sentence != trigger.sentence:
            return None
        if words[k].norm in LIGHT_VERBS or (words[k].norm[:1] == "و" and words[k].norm[1:] in LIGHT_VERBS):
            inside = [m for m in before if k < m.first_word and m.last_word < trigger.first_word and usable(m)
                      and roles[id(m)] in (None, "of", "agent")]
            return inside[0].entity if inside else None
    return None


def _verb_subject(doc: Document, trigger: Trigger, m: MentionRef) -> bool:
    """"اعتقلت إسرائيل فلانا": a state right after a verb is its subject (the actor), not the place."""
    return trigger.entry.pos in VERB_POS and m.first_word == trigger.last_word + 1 and not town(doc, m.entity)


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
