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
    "الولاية", "الإقليم", "الحي", "المخيم", "القطاع", "المدينتين", "البلدتين",
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


CLAUSE_MARKS = frozenset("،,:؛;؟?!\u201c\u201d\"«»")


def clause_break(text: str, start: int, end: int) -> bool:
    """A clause mark (comma, colon, quotation mark ...) between ``start`` and ``end``."""
    return any(ch in CLAUSE_MARKS for ch in text[start:end])


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
                                and words[after].norm in SPEECH_VERBS):
        return "speaker"
    if prev in DISGUISE_WORDS or prev2 in DISGUISE_WORDS or (
            after < len(words) and words[after].norm in DISGUISE_AFTER):
        return "disguise"
    if prev in PLACE_HEADS:
        return "loc"  # منطقة “الفاو”: a name after a place noun is a place, whatever its tagged type
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
