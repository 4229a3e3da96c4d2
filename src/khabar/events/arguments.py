"""Event arguments from the trigger's sentence: actors, targets, location, date, fatalities.

Roles come from the words just before an entity mention (grammar of Arabic news prose):
على/ضد/بحق/من (after a death word) mark a target, لـ/من قبل/على يد/برصاص an agent, في/قرب/جنوب/
قرية/مدينة a place; an unmarked actor-type mention before the trigger (SVO) or right after a verb
(VSO) is its subject. Mentions after بلباس/بزي (disguised as X) and the speech source are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from khabar.document import DateExpr, Document, EventDate, Quotation
from khabar.events.cues import (
    AGENT_MARKERS,
    CIVILIAN_WORDS,
    DISGUISE_AFTER,
    DISGUISE_WORDS,
    LIGHT_VERBS,
    LOCATIVE_WORDS,
    SPEECH_VERBS,
    TARGET_MARKERS,
)
from khabar.events.fatalities import NUMBER_WORDS, fatalities_near
from khabar.events.scan import Trigger, Word
from khabar.text.normalize import normalize_key

ACTOR_TYPES = frozenset({"ORG", "PER", "NORP", "GPE"})
PLACE_TYPES = frozenset({"GPE", "LOC"})
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
VERB_POS = frozenset({"V", "V+", "I"})


@dataclass(slots=True)
class MentionRef:
    start: int
    end: int
    entity: str
    type: str
    first_word: int
    last_word: int


@dataclass(slots=True)
class Arguments:
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    location: str | None = None
    fatalities: int | None = None
    civilians: bool = False
    target_text: str | None = None


def mention_index(doc: Document, words: list[Word]) -> list[MentionRef]:
    """Every entity mention with the indexes of the words it covers, in text order."""
    starts = [w.start for w in words]
    out: list[MentionRef] = []
    from bisect import bisect_left, bisect_right

    for entity in doc.entities:
        for mention in entity.mentions:
            first = bisect_right(starts, mention.start) - 1
            last = bisect_left(starts, mention.end) - 1
            if first >= 0 and words[first].end <= mention.start:
                first += 1  # the mention starts between words (a quotation mark): its first word is next
            if first < 0 or last < first or first >= len(words) or words[first].start >= mention.end:
                continue  # before the first word, or in a sentence whose words were left out
            out.append(MentionRef(mention.start, mention.end, entity.id, entity.type, first, last))
    out.sort(key=lambda m: (m.start, -m.end))
    out = [m for m in out if not (m.type == "NORP" and _attributive(doc.text, words, m))
           and not (m.type in PLACE_TYPES and _generic_place(doc.text[m.start:m.end]))]
    # a mention inside a longer one of another entity (العراقية in القوات العراقية) is not an argument;
    # sorted by start (longest first), so only earlier mentions that reach this one can contain it
    kept: list[MentionRef] = []
    open_: list[MentionRef] = []
    for m in out:
        open_ = [o for o in open_ if o.end > m.start]
        if not any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                   and o.entity != m.entity for o in open_):
            kept.append(m)
        open_.append(m)
    return kept


# Common nouns a tagger may take for a place name (المدينة is also Medina): they refer back to the
# place named before (see ``_city_anaphor``), so they are never a place of their own.
GENERIC_PLACE_NOUNS = frozenset(normalize_key(w) for w in (
    "المدينة", "مدينة", "البلدة", "بلدة", "القرية", "قرية", "المنطقة", "منطقة", "البلاد", "العاصمة", "المحافظة",
    "الولاية", "الإقليم", "الحي", "المخيم", "القطاع", "المدينتين", "البلدتين",
))
# Direction words: "مخمور شرق الموصل", "118 كم غربي بغداد" name a reference point, not the place.
DIRECTION_WORDS = frozenset(normalize_key(w) for w in (
    "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "شمال شرق", "جنوب غرب",
))
DISTANCE_UNITS = frozenset(normalize_key(w) for w in ("كم", "كلم", "كيلومترا", "كيلومترات", "ميلا", "أميال", "متر"))


# Place levels that act as a party (a state, a governorate's authorities); a town or district does not.
ACTING_PLACE_FEATURES = frozenset({"PCLI", "PCLD", "PCLS", "PCLIX", "ADM1", "TERR"})


def _town(doc: Document, entity_id: str) -> bool:
    """A geocoded place below a state (حلب، بركي براك، بني سعد): never an actor or target."""
    entity = doc.entity(entity_id)
    return entity is not None and entity.geo is not None and entity.geo.feature is not None \
        and entity.geo.feature not in ACTING_PLACE_FEATURES


def _generic_place(text: str) -> bool:
    key = normalize_key(text)
    return key in GENERIC_PLACE_NOUNS or (key[:1] in "بلو" and key[1:] in GENERIC_PLACE_NOUNS)


def _reference_point(words: list[Word], ref: MentionRef, place_ends: set[int]) -> bool:
    """A place after a direction word that follows another place or a distance: a reference point."""
    k = ref.first_word - 1
    if k < 1 or words[k].sentence != words[ref.first_word].sentence or words[k].norm not in DIRECTION_WORDS:
        return False
    before = words[k - 1]
    return (k - 1) in place_ends or before.norm in DISTANCE_UNITS or before.norm.isdigit()


# Words after which a nationality adjective is itself the argument (من الأمريكيين، ضد الأكراد).
NORP_HEAD_WORDS = frozenset(normalize_key(w) for w in (
    "من", "على", "ضد", "بحق", "بين", "مع", "عن", "الى", "إلى", "قبل", "يد", "و", "في",
))


def _attributive(text: str, words: list[Word], ref: MentionRef) -> bool:
    """A nationality adjective right after a noun (القوات العراقية، المدينة السنية، جوي روسي).

    It describes that noun, so it is no actor or target itself; a plural people noun (الأمريكيون)
    or one after a preposition stays.
    """
    if ref.first_word == 0 or (normalize_key(text[ref.start:ref.end]).endswith(("ون", "يين", "ين")) and \
            not normalize_key(text[ref.start:ref.end]).endswith(("يين",))):
        return False
    prev = words[ref.first_word - 1]
    if prev.sentence != words[ref.first_word].sentence or text[prev.end:ref.start].strip():
        return False
    bare = prev.norm[1:] if len(prev.norm) > 2 and prev.norm[0] in "وف" else prev.norm
    return prev.norm not in NORP_HEAD_WORDS and bare not in NORP_HEAD_WORDS


def _prev_norm(words: list[Word], index: int, back: int = 1) -> str:
    j = index - back
    if j < 0 or words[j].sentence != words[index].sentence:
        return ""
    norm = words[j].norm
    for cut in (1, 2):  # وفي، لمحافظة، ولمحافظة: a conjunction or preposition on a marker word
        if len(norm) > cut + 1 and all(c in "وفلب" for c in norm[:cut]) and norm[cut:] in _ALL_MARKERS:
            return norm[cut:]
    return norm


_ALL_MARKERS = LOCATIVE_WORDS | TARGET_MARKERS | AGENT_MARKERS | DISGUISE_WORDS


CLAUSE_MARKS = frozenset("،,:؛;؟?!\u201c\u201d\"«»")


def _clause_break(text: str, start: int, end: int) -> bool:
    """A clause mark (comma, colon, quotation mark ...) between ``start`` and ``end``."""
    return any(ch in CLAUSE_MARKS for ch in text[start:end])


def _role_of(words: list[Word], ref: MentionRef) -> str | None:
    """loc | target | agent | disguise | None from the words before the mention."""
    first = words[ref.first_word].norm
    prev = _prev_norm(words, ref.first_word)
    prev2 = _prev_norm(words, ref.first_word, 2)
    after = ref.last_word + 1
    if prev in SPEECH_VERBS or (after < len(words) and words[after].sentence == words[ref.first_word].sentence
                                and words[after].norm in SPEECH_VERBS):
        return "speaker"
    if prev in DISGUISE_WORDS or prev2 in DISGUISE_WORDS or (
            after < len(words) and words[after].norm in DISGUISE_AFTER):
        return "disguise"
    if ref.type in PLACE_TYPES and (prev in LOCATIVE_WORDS or first in LOCATIVE_WORDS
                                    or first.startswith(("بال", "وبال", "في"))
                                    or (first.startswith("ب") and ref.type == "GPE")):
        return "loc"
    if ref.type in PLACE_TYPES and prev == "علي":
        return "loc"  # قصف على دار سعد: the place hit is where it happened
    if prev in TARGET_MARKERS:
        return "target"
    if prev in AGENT_MARKERS or (prev == "من" and prev2 == "مسلحين") or prev2 in ("يد", "قبل"):
        return "agent"
    if first.startswith("ل") and ref.type in ("ORG", "NORP", "GPE"):
        return "lam"  # غارات للتحالف (agent right after a noun trigger) or ينتمون لداعش
    if prev == "من":
        return "of"
    if ref.type in PLACE_TYPES and prev in ("من", "الى", "الي"):
        return "loc"
    return None




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
    roles = {id(m): _role_of(words, m) for m in in_sentence}

    # location: a place-marked mention after the trigger in its clause, else before it, else any
    # place-type mention after it in the clause
    clause_after = [m for m in after if not _clause_break(doc.text, trigger.end, m.start)]
    clause_before = [m for m in before if not _clause_break(doc.text, m.end, trigger.start)]
    place_ends = {m.last_word for m in in_sentence if m.type in PLACE_TYPES}
    for m in in_sentence:
        if m.type in PLACE_TYPES and _reference_point(words, m, place_ends):
            roles[id(m)] = "ref"
    places = ([m for m in clause_after if roles[id(m)] == "loc"]
              or [m for m in reversed(clause_before) if roles[id(m)] == "loc"]
              or [m for m in clause_after if m.type in PLACE_TYPES and roles[id(m)] is None
                  and m.first_word <= trigger.last_word + 4])
    if places and event_type != "CONSULT":
        args.location = places[0].entity
    towns = {m.entity for m in in_sentence if m.type == "GPE" and _town(doc, m.entity)}

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
    if agents:
        args.actors.append(agents[0].entity)
    elif antecedent is not None:
        args.actors.append(antecedent)  # تنظيم الدولة ... والذي كان قد سيطر
    elif passive:
        pass
    elif is_verb and after and usable(after[0]) and after[0].first_word <= nxt + 1 and roles[id(after[0])] is None \
            and not words[trigger.first_word].norm.endswith(("وا", "و")):
        args.actors.append(after[0].entity)  # VSO: قصفت طائرات التحالف ...
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
    if args.location is None and event_type != "CONSULT":
        args.location = _city_anaphor(doc, words, mentions, trigger)
    if trigger.entry.fatal or event_type == "ASSAULT":
        _victims_to_targets(words, in_sentence, trigger, args)
    persons = {words[m.first_word].start for m in after if m.type == "PER"}
    args.fatalities = fatalities_near(doc, words, trigger, persons)
    civ = _civilian_text(words, trigger)
    if civ and not args.targets:
        args.civilians = True
        args.target_text = civ
    return args


# Words of a victim phrase: "19 من عناصر داعش قتلوا", "مقتل 22 من ميليشيا الحوثي", "في صفوف الميليشيا".
VICTIM_WORDS = frozenset(normalize_key(w) for w in (
    "عناصر", "صفوف", "أفراد", "افراد", "جنود", "مقاتلي", "مسلحي", "قادة", "قيادات", "أعضاء", "اعضاء", "عنصرا",
))
VICTIM_REACH = 4  # words before the mention looked at for a count or a victim word


def _counted(words: list[Word], first: int, sentence: int, lo: int) -> bool:
    """A count or a victim word within ``VICTIM_REACH`` words before word ``first`` (not before ``lo``)."""
    for k in range(first - 1, max(lo, first - VICTIM_REACH) - 1, -1):
        if words[k].sentence != sentence:
            return False
        norm = words[k].norm
        if norm.isdigit() or norm in NUMBER_WORDS or norm in VICTIM_WORDS or norm[1:] in VICTIM_WORDS:
            return True
    return False


DEATH_HINTS = tuple(normalize_key(w) for w in ("قتل", "مقتل", "مصرع", "قتلى", "قتيل"))


def _death_word_near(words: list[Word], m: MentionRef, sentence: int, reach: int = 6) -> bool:
    """A death word (قتلوا، بمقتل، مصرع) within ``reach`` words of the mention, in its sentence."""
    for k in range(max(0, m.first_word - reach), min(len(words), m.last_word + reach + 1)):
        if words[k].sentence == sentence and not (m.first_word <= k <= m.last_word) \
                and any(hint in words[k].norm for hint in DEATH_HINTS):
            return True
    return False


def _victims_to_targets(words: list[Word], mentions: list[MentionRef], trigger: Trigger, args: Arguments) -> None:
    """An "actor" named as the ones counted dead (مقتل 110 من عناصر داعش، خمسة جنود قتلوا) is the target."""
    verb_plural = trigger.entry.pos in VERB_POS and words[trigger.first_word].norm.endswith(("وا", "و"))
    for actor in list(args.actors):
        refs = [m for m in mentions if m.entity == actor]
        if not refs:
            continue
        m = min(refs, key=lambda r: abs(r.first_word - trigger.first_word))
        after = m.first_word > trigger.last_word
        if after and trigger.entry.fatal and _counted(words, m.first_word, trigger.sentence, trigger.last_word + 1):
            victim = True  # مقتل 52 من عناصر داعش
        elif not after and _counted(words, m.first_word, trigger.sentence, 0) and (
                (trigger.entry.fatal and verb_plural and m.last_word >= trigger.first_word - 3)
                or _death_word_near(words, m, trigger.sentence)):
            victim = True  # خمسة جنود قتلوا في انفجار، بمقتل 52 من عناصر داعش في غارات: the counted died
        else:
            victim = False
        if victim:
            args.actors.remove(actor)
            if actor not in args.targets:
                args.targets.append(actor)


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
        if _prev_norm(words, m.first_word) != "من" or not callable(usable) or not usable(m):
            continue
        for back in (2, 3):
            word = _prev_norm(words, m.first_word, back)
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
                    if mention.end <= trigger.start and not _generic_place(mention.text) \
                            and (best is None or mention.end > best[0]):
                        best = (mention.end, entity.id)
            return best[1] if best else None
    return None


RELATIVE_DATE_WORDS = ("امس", "اليوم", "غدا", "الماضي", "المقبل", "القادم")


def _quoted(quotations: list[Quotation], start: int) -> bool:
    return any(q.content.start <= start < q.content.end for q in quotations)


def event_date(doc: Document, trigger: Trigger, sentence_start: int, sentence_end: int,
               quotations: list[Quotation] | None = None) -> EventDate | None:
    """The date expression nearest the trigger in its clause, else the publication date.

    A relative date inside quotation marks ("بالأمس" said at an undated forum) is anchored to the
    speech, not to the publication, so it is not used.
    """
    best: DateExpr | None = None
    best_distance = 0
    for date in doc.dates:
        if not (sentence_start <= date.start and date.end <= sentence_end and date.value):
            continue
        lo, hi = (date.end, trigger.start) if date.end <= trigger.start else (trigger.end, date.start)
        if _clause_break(doc.text, lo, hi) and hi - lo > 40:
            continue
        relative = bool(getattr(date, "relative", False)) or any(
            w in normalize_key(date.text) for w in RELATIVE_DATE_WORDS)
        if relative and _quoted(quotations if quotations is not None else doc.quotations, date.start):
            continue
        distance = min(abs(date.start - trigger.end), abs(trigger.start - date.end))
        if best is None or distance < best_distance:
            best, best_distance = date, distance
    if best is not None:
        return EventDate(best.value, best.precision, best.text)
    if doc.meta.published:
        return EventDate(doc.meta.published[:10], "publication", None)
    return None
