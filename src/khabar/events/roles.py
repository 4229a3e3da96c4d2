"""Argument roles of entity mentions around an event trigger (grammar of Arabic news prose).

The words just before a mention mark its role: على/ضد/بحق/من (after a death word) a target,
لـ/من قبل/على يد/برصاص an agent, في/قرب/جنوب/قرية/مدينة a place; mentions after بلباس/بزي
(disguised as X) and the speech source are skipped. Tables: ``khabar.events.cues``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from khabar.document import Document
from khabar.events.cues import (
    AGENT_MARKERS,
    DISGUISE_AFTER,
    DISGUISE_WORDS,
    LOCATIVE_WORDS,
    SPEECH_VERBS,
    TARGET_MARKERS,
)
from khabar.events.fatalities import NUMBER_WORDS
from khabar.events.scan import Word
from khabar.text.normalize import normalize_key

ACTOR_TYPES = frozenset({"ORG", "PER", "NORP", "GPE"})
PLACE_TYPES = frozenset({"GPE", "LOC"})

@dataclass(slots=True)
class MentionRef:
    start: int
    end: int
    entity: str
    type: str
    first_word: int
    last_word: int



def mention_index(doc: Document, words: list[Word]) -> list[MentionRef]:
    """Every entity mention with the indexes of the words it covers, in text order."""
    starts = [w.start for w in words]
    out: list[MentionRef] = []
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
           and not (m.type in PLACE_TYPES and generic_place(doc.text[m.start:m.end]))]
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
    "الولاية", "الإقليم", "الحي", "المخيم", "القطاع", "المدينتين", "البلدتين", "مدينتي", "بلدتي", "قريتي",
))
# Direction words: "مخمور شرق الموصل", "118 كم غربي بغداد" name a reference point, not the place.
DIRECTION_WORDS = frozenset(normalize_key(w) for w in (
    "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "شمال شرق", "جنوب غرب",
))
DISTANCE_UNITS = frozenset(normalize_key(w) for w in ("كم", "كلم", "كيلومترا", "كيلومترات", "ميلا", "أميال", "متر"))


# Place levels that act as a party (a state, a governorate's authorities); a town or district does not.
ACTING_PLACE_FEATURES = frozenset({"PCLI", "PCLD", "PCLS", "PCLIX", "ADM1", "TERR"})


def town(doc: Document, entity_id: str) -> bool:
    """A geocoded place below a state (حلب، بركي براك، بني سعد): never an actor or target."""
    entity = doc.entity(entity_id)
    return entity is not None and entity.geo is not None and entity.geo.feature is not None \
        and entity.geo.feature not in ACTING_PLACE_FEATURES


def generic_place(text: str) -> bool:
    key = normalize_key(text)
    return key in GENERIC_PLACE_NOUNS or (key[:1] in "بلو" and key[1:] in GENERIC_PLACE_NOUNS)


def reference_point(words: list[Word], ref: MentionRef, place_ends: set[int]) -> bool:
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
    if prev.norm.isdigit() or bare in NUMBER_WORDS:
        return False  # أربعة فلسطينيين، 5 تشيكيين: counted people, not an adjective
    return prev.norm not in NORP_HEAD_WORDS and bare not in NORP_HEAD_WORDS


def prev_norm(words: list[Word], index: int, back: int = 1) -> str:
    j = index - back
    if j < 0 or words[j].sentence != words[index].sentence:
        return ""
    norm = words[j].norm
    for cut in (1, 2):  # وفي، لمحافظة، ولمحافظة: a conjunction or preposition on a marker word
        if len(norm) > cut + 1 and all(c in "وفلب" for c in norm[:cut]) and norm[cut:] in _ALL_MARKERS:
            return norm[cut:]
    return norm


_ALL_MARKERS = LOCATIVE_WORDS | TARGET_MARKERS | AGENT_MARKERS | DISGUISE_WORDS


DATELINE_REACH = 45  # characters from the start of a line to the colon that ends its dateline


def dateline(text: str, start: int) -> bool:
    """A mention in a dateline ("رويترز- القاهرة:", "واس- صنعاء:", "سبق- جازان:"): the agency or the
    desk's city, neither an argument nor the event's place."""
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > DATELINE_REACH:
        return False
    colon = text.find(":", start, line_start + DATELINE_REACH + 15)
    if colon < 0:
        return False
    head = text[line_start:colon]
    return ("-" in head or "–" in head) and "." not in head and "،" not in head


CLAUSE_MARKS = frozenset("،,:؛;؟?!\u201c\u201d\"«»")


def clause_break(text: str, start: int, end: int) -> bool:
    """A clause mark (comma, colon, quotation mark ...) between ``start`` and ``end``."""
    return not CLAUSE_MARKS.isdisjoint(text[start:end])


# Verbs of a comment on an event (ندد، أدان، استنكر): their subject judged it, did not do it.
COMMENT_VERBS = frozenset(normalize_key(w) for w in (
    "ندد", "نددت", "أدان", "ادان", "أدانت", "ادانت", "دان", "دانت", "استنكر", "استنكرت", "شجب", "شجبت", "يدين",
    "تدين", "وندد", "ونددت", "وأدان", "وادان", "وأدانت", "وادانت", "واستنكر", "واستنكرت",
))
# Words that make the name after them the patron or leader of a force (قوات صالح، الموالية للرئيس هادي،
# بقيادة السعودية، تقوده الولايات المتحدة): the force acts, the patron is not the actor.
PATRON_WORDS = frozenset(normalize_key(w) for w in (
    "الموالية", "الموالي", "الموالين", "الموالون", "موالية", "الموالية", "بقيادة", "تقوده", "يقوده", "تقودها",
    "يقودها", "بزعامة", "أنصار", "انصار", "التابعة", "التابع", "قوات", "وقوات", "ميليشيات", "مليشيات", "وميليشيات",
    "ومليشيات", "للرئيس", "الرئيس",
))
PATRON_REACH = 3
# Person nouns whose following name is their employer or outlet (صحافي «نيويورك تايمز»، مراسل قناة ...).
EMPLOYEE_WORDS = frozenset(normalize_key(w) for w in (
    "صحافي", "صحفي", "الصحافي", "الصحفي", "مراسل", "مراسلة", "مراسلي", "مصور", "المصور", "موظف", "موظفي",
    "موظفة", "كاتب", "محرر", "مذيع", "مذيعة", "مراسلو", "صحافيي", "صحفيي",
))
# "بينهم X" after a toll: X is among the dead, not who killed them.
AMONG_WORDS = frozenset(normalize_key(w) for w in ("بينهم", "بينهما", "بينهن", "منهم", "ومنهم", "وبينهم"))


def _patron(words: list[Word], ref: MentionRef) -> bool:
    if ref.type not in ("PER", "GPE"):
        return False
    sentence = words[ref.first_word].sentence
    for k in range(ref.first_word - 1, max(-1, ref.first_word - 1 - PATRON_REACH), -1):
        if words[k].sentence != sentence:
            return False
        if words[k].norm in PATRON_WORDS:
            return words[k].norm not in ("للرئيس", "الرئيس") or any(
                words[j].norm in PATRON_WORDS for j in range(max(0, k - 2), k) if words[j].sentence == sentence)
    return False


def _among(words: list[Word], ref: MentionRef) -> bool:
    sentence = words[ref.first_word].sentence
    return any(words[k].norm in AMONG_WORDS for k in range(max(0, ref.first_word - 4), ref.first_word)
               if words[k].sentence == sentence)


# "that" after a name ends a reporting clause (أكد العقيد فلان، أنه ...): the name is the speaker.
THAT_WORDS = frozenset(normalize_key(w) for w in ("أن", "أنه", "أنها", "إن", "إنه", "بأن", "انه", "ان"))


# Place nouns that head a place name (منطقة X، مدينة X): X is a place even when tagged ORG or PER.
PLACE_HEADS = frozenset(normalize_key(w) for w in (
    "منطقة", "بمنطقة", "مدينة", "بمدينة", "قرية", "بقرية", "بلدة", "ببلدة", "محافظة", "بمحافظة", "حي", "بحي",
    "ناحية", "بناحية", "قضاء", "مديرية", "بمديرية", "ولاية", "بولاية", "مخيم", "بمخيم", "جبل", "بجبل",
))


def role_of(words: list[Word], ref: MentionRef) -> str | None:
    """loc | target | agent | disguise | None from the words before the mention."""
    first = words[ref.first_word].norm
    prev = prev_norm(words, ref.first_word)
    prev2 = prev_norm(words, ref.first_word, 2)
    after = ref.last_word + 1
    if prev in SPEECH_VERBS or (after < len(words) and words[after].sentence == words[ref.first_word].sentence
                                and words[after].norm in (SPEECH_VERBS | THAT_WORDS)):
        return "speaker"  # قال X، X قال، X أن ...: the one who tells, not who acted
    if prev in DISGUISE_WORDS or prev2 in DISGUISE_WORDS or (
            after < len(words) and words[after].norm in DISGUISE_AFTER):
        return "disguise"
    if prev in COMMENT_VERBS or prev2 in COMMENT_VERBS:
        return "speaker"  # ندد الرئيس فلان بالهجوم: who condemns is not who attacked
    if _patron(words, ref):
        return "patron"
    if prev in EMPLOYEE_WORDS or prev2 in EMPLOYEE_WORDS:
        return "patron"  # صحافي «نيويورك تايمز» فلان: the outlet employs the one it is about
    if _among(words, ref):
        return "among"
    if prev in PLACE_HEADS:
        return "loc"  # منطقة “الفاو”: a name after a place noun is a place, whatever its tagged type
    if ref.type in PLACE_TYPES and (first in PLACE_HEADS or first[1:] in PLACE_HEADS):
        return "loc"  # تابعة لمحافظة الأنبار: the place head is the mention's own first word
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
