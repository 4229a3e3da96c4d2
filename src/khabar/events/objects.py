"""What an attack or an arrest was aimed at when no entity names it: places, positions, people by role.

"قصفت الميليشيات الأحياء السكنية", "غارات استهدفت قاعدة العند", "غارات على قرية كفر داعل",
"سيطر المقاتلون على نقاط عدة", "اعتقال المتورطين": the object phrase becomes a descriptive entity
(type MISC, mention source ``events``) so the event's target points to its evidence span.
Only used when the clause gave no target otherwise. Word tables: hand-curated from Arabic news
usage (SaudiNewsNet conflict reports).
"""

from __future__ import annotations

from khabar.document import Document
from khabar.events.descriptive import FORCE_WORDS, UNNAMED_ACTORS
from khabar.events.fatalities import NUMBER_WORDS
from khabar.events.phrases import phrase_entity
from khabar.events.roles import generic_place
from khabar.events.scan import Trigger, Word
from khabar.link.keys import clitic_variants, name_key
from khabar.text.normalize import key_set

# Words after which the aim of an attack follows (غارات على X، ضربات استهدفت X، إطلاق النار تجاه X).
TARGET_LINKS = key_set("على", "ضد", "بحق", "تجاه", "استهدف", "استهدفت", "استهدفوا", "مستهدفا", "مستهدفة", "تستهدف",
                     "يستهدف", "مستهدفين", "واستهدف", "واستهدفت")
# Words that end an object phrase or cannot begin one: prepositions, relatives, time words, hedges.
STOPS = key_set(
    "في", "من", "الى", "إلى", "عن", "مع", "قرب", "بالقرب", "داخل", "خلال", "بعد", "قبل", "منذ", "عند", "حيث",
    "التي", "الذي", "الذين", "ما", "مما", "بين", "على", "ضد", "بحق", "تجاه", "امس", "أمس", "اليوم", "الليلة",
    "صباح", "مساء", "فجر", "ظهر", "الاثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
    "الأحد", "الاحد", "أيضا", "ايضا", "كما", "فيما", "بينما", "لكن", "أن", "ان", "إن", "أنه", "انه", "قد", "لم",
    "لا", "هذا", "هذه", "ذلك", "تلك", "عدد", "بعض", "كل", "جميع", "الأقل", "الاقل", "نحو", "حوالي", "أكثر", "اكثر",
    "الماضي", "الماضية", "الجاري", "الحالي", "وسط", "شمال", "جنوب", "شرق", "غرب", "بشكل", "بصورة", "جراء",
    "إثر", "اثر", "عبر", "بواسطة", "مساء", "يوم", "ليل", "ليلة", "اليوم", "أمس", "بعدة", "عدة", "العديد",
    "عشرات", "مئات", "آلاف", "الاف", "هناك", "هنا", "الرغم", "رغم",
)
# Event modes whose genitive is the one it was done to (اعتقال المتورطين، اختطاف الصحفي).
PATIENT_NOUN_TYPES = frozenset({"COERCE"})
RELATIVES = key_set("الذي", "التي", "الذين", "اللذين", "اللتين", "والذي", "والتي")
REACH = 5  # words after the trigger looked at for a target link
MAX_WORDS = 3
PHRASE_BREAKS = frozenset("،,:؛;.()\"«»“”")


def _force(norm: str) -> bool:
    """A force or armed-group word (القوات، المسلحون): the doer, not what was hit."""
    key = name_key(norm)
    return any(v in FORCE_WORDS or v in UNNAMED_ACTORS for v, _ in clitic_variants(key))


def _stop(norm: str) -> bool:
    return norm in STOPS or norm.isdigit() or norm in NUMBER_WORDS


def _break(doc: Document, a: Word, b: Word) -> bool:
    return a.sentence != b.sentence or not PHRASE_BREAKS.isdisjoint(doc.text[a.end:b.start])


def _phrase(doc: Document, words: list[Word], first: int, covered: set[int]) -> tuple[int, int] | None:
    """The object phrase starting at word ``first``: a head and up to two words that continue it."""
    if first >= len(words) or _stop(words[first].norm) or first in covered:
        return None
    norm = words[first].norm
    if norm.startswith(("و", "ف")) or len(norm) < 3:
        return None  # a new clause (وأصيب ...) or a particle, not an object
    last = first
    if generic_place(words[first].text) and first + 1 < len(words) and first + 1 in covered \
            and not _break(doc, words[first], words[first + 1]):
        last = first + 1  # قرية كفر داعل: the head and the place name after it
        while last + 1 in covered and last - first + 1 < MAX_WORDS + 1:
            last += 1
        return words[first].start, words[last].end
    while last + 1 < len(words) and last - first + 1 < MAX_WORDS:
        nxt = words[last + 1]
        if (last + 1) in covered and not _break(doc, words[last], nxt):
            last += 1  # الغارات على تنظيم داعش: the head and the name it introduces
            while last + 1 in covered and last - first < MAX_WORDS + 2:
                last += 1
            break
        if _break(doc, words[last], nxt) or _stop(nxt.norm) or nxt.norm.startswith(("و", "ب", "ف", "ل")):
            break
        last += 1
    return words[first].start, words[last].end


def object_target(doc: Document, words: list[Word], trigger: Trigger, event_type: str,
                  covered: set[int], subject_before: bool) -> str | None:
    """A descriptive target for ``trigger`` (see the module docstring), or None.

    ``covered``: indexes of words inside entity mentions (those are handled by the role rules);
    ``subject_before``: the actor was named before a verb trigger (SVO), so the noun right after
    the verb is its object, not its subject (VSO: قصفت المعارضة بلدات).
    """
    last = trigger.last_word
    if last + 1 >= len(words) or _break(doc, words[last], words[last + 1]):
        return None
    pos, fatal = trigger.entry.pos, trigger.entry.fatal
    if pos in ("N", "X") and (trigger.entry.type in PATIENT_NOUN_TYPES or fatal) \
            and words[last + 1].norm.startswith("ال") and (last + 1) not in covered:
        span = _phrase(doc, words, last + 1, covered)  # اعتقال المتورطين
        if span is not None:
            return phrase_entity(doc, *span, type_="MISC")
    for k in range(last + 1, min(len(words), last + 1 + REACH)):
        if (k > last + 1 and _break(doc, words[k - 1], words[k])) or words[k].norm in RELATIVES:
            break  # a relative clause (الذي استهدف ...) tells another happening
        if words[k].norm in TARGET_LINKS:
            if k + 1 >= len(words) or _break(doc, words[k], words[k + 1]):
                return None
            span = _phrase(doc, words, k + 1, covered)
            return phrase_entity(doc, *span, type_="MISC") if span else None
    if pos in ("V", "V+") and not fatal:
        j = last + 1
        while j in covered and j < last + 1 + REACH:
            j += 1  # قصفت طائرات التحالف مواقع ...: past the subject
        if j > last + 1 and j < len(words) and words[j].norm.startswith("و"):
            for k in (j, j + 1):  # ميليشيات الحوثي وقوات صالح: past a coordinated second subject
                if k + 1 < len(words) and k + 1 in covered:
                    j = k + 1
                    while j in covered:
                        j += 1
                    break
        if j == last + 1 and not subject_before:
            return None  # قصفت المعارضة بلدات ...: the word after a verb is its subject
        if j < len(words) and not _break(doc, words[j - 1], words[j]) and not _force(words[j].norm):
            span = _phrase(doc, words, j, covered)
            return phrase_entity(doc, *span, type_="MISC") if span else None
    return None
