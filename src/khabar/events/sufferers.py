"""Who suffered an event, and who did it, when the clause names them around the trigger.

- "لقي X مصرعه/مصرعهم/حتفه": X, between the verb and the death noun, is the one who died (a target);
- "مقتل 51 من عناصر تنظيم داعش", "14 جنديا أفغانيا", "41 عنصرا من تنظيم الدولة": counted victims
  belong to a side, named right after the count (من X، في صفوف X، a genitive or a nationality
  adjective): that side is hit too (ACLED's actor 2);
- "قيام ثلاثة أشخاص ... بإطلاق النار", "أقدم مسلحون على قتل": the one who carried it out is named
  between the light verb and the event noun (an actor).
Word tables: hand-curated from Arabic news usage (SaudiNewsNet conflict and crime reports).
"""

from __future__ import annotations

from collections.abc import Callable

from khabar.document import Document
from khabar.events.agents import mention_starts
from khabar.events.fatalities import NUMBER_WORDS
from khabar.events.phrases import VICTIM_NOUNS, phrase_entity
from khabar.events.roles import clause_break
from khabar.events.scan import Trigger, Word
from khabar.text.normalize import key_set, normalize_key

MET_VERBS = key_set("لقي", "لقى", "ولقي", "ولقى", "لقوا", "ولقوا", "يلقى", "تلقى", "لقيت", "ولقيت")
DEATH_NOUNS = ("مصرع", "حتف")
# Words that end the victim phrase after لقي (its place, its cause, a hedge).
VICTIM_PHRASE_STOPS = key_set("في", "جراء", "اثر", "إثر", "خلال", "بعد", "على", "برصاص", "بنيران", "عند", "قرب",
                            "بسبب", "نتيجة", "و")
MET_REACH = 10  # words between لقي and مصرعه
# Links between a count of victims and the side they belong to: 51 من عناصر X، في صفوف X.
AFFILIATION_LINKS = key_set("من", "في", "صفوف", "عناصر", "أفراد", "افراد", "مقاتلي", "مسلحي", "جنود", "أعضاء",
                          "اعضاء", "قوات", "عدد", "رجال", "منتسبي", "تنظيم")
AFFILIATION_REACH = 4
PHRASE_BREAKS = frozenset("،,:؛;.()")  # words after the victim phrase looked at for the side
# Light verbs whose subject carried out the act named by the ب/على noun after it (قيام X بإطلاق النار).
DOER_VERBS = key_set("قيام", "قام", "قامت", "قاموا", "أقدم", "اقدم", "أقدمت", "اقدمت", "أقدموا", "اقدموا", "يقوم",
                   "تقوم", "إقدام", "اقدام")
# Heads of an unnamed doer (ثلاثة أشخاص، مجهولين، شاب).
DOER_NOUNS = key_set("أشخاص", "اشخاص", "شخص", "شخصين", "شخصان", "شاب", "شابين", "شبان", "رجل", "رجال", "رجلين",
                   "مجهول", "مجهولين", "مجهولون", "ملثمين", "ملثمون", "مسلح", "مسلحين", "مسلحون", "مسلحان",
                   "امرأة", "سيدة", "مقيم", "مواطن", "وافد", "عامل", "الجاني", "الجناة")
DOER_REACH = 8


def met_death_victim(doc: Document, words: list[Word], trigger: Trigger) -> str | None:
    """"لقي ستة من مقاتلي المعارضة مصرعهم": the entity (named, or a new descriptive one) of the dead."""
    if not words[trigger.first_word].norm.lstrip("وب").startswith(DEATH_NOUNS):
        return None
    verb = None
    for k in range(trigger.first_word - 1, max(-1, trigger.first_word - 1 - MET_REACH), -1):
        if words[k].sentence != trigger.sentence:
            return None
        if words[k].norm in MET_VERBS:
            verb = k
            break
    if verb is None or verb + 1 >= trigger.first_word:
        return None
    first = verb + 1
    last = first
    while last + 1 < trigger.first_word and last - first < 3 and words[last + 1].norm not in VICTIM_PHRASE_STOPS \
            and not clause_break(doc.text, words[last].end, words[last + 1].start):
        last += 1
    refs = mention_starts(doc, words, first, last + 1)
    named = [ref for ref in refs.values() if ref.type in ("PER", "ORG", "NORP")]
    if named:
        return named[0].entity
    return phrase_entity(doc, words[first].start, words[last].end)


def affiliation(doc: Document, words: list[Word], trigger: Trigger, target: str,
                usable: Callable[[str, str], bool]) -> str | None:
    """The side a counted victim phrase belongs to (مقتل 51 من عناصر تنظيم داعش -> تنظيم داعش)."""
    entity = doc.entity(target)
    if entity is None or not entity.mentions:
        return None
    near = [m for m in entity.mentions if trigger.start - 200 <= m.start <= trigger.end + 200]
    if not near:
        return None
    mention = min(near, key=lambda m: abs(m.start - trigger.start))
    if not _counted_text(mention.text):
        return None
    end_word = next((k for k, w in enumerate(words) if w.start < mention.end <= w.end), None)
    if end_word is None:
        return None
    refs = mention_starts(doc, words, end_word + 1, end_word + 1 + AFFILIATION_REACH)
    for k in range(end_word + 1, min(len(words), end_word + 1 + AFFILIATION_REACH)):
        if words[k].sentence != words[end_word].sentence or not PHRASE_BREAKS.isdisjoint(
                doc.text[words[k - 1].end:words[k].start]):
            return None  # a comma ends the phrase; quotation marks around a name (تنظيم "داعش") do not
        ref = refs.get(k)
        if ref is not None:
            return ref.entity if ref.entity != target and usable(ref.entity, ref.type) else None
        norm = words[k].norm
        if norm not in AFFILIATION_LINKS and norm[1:] not in AFFILIATION_LINKS:
            return None
    return None


def _counted_text(text: str) -> bool:
    """The phrase starts with a count (digits or a number word): 51 عنصرا، خمسة أشخاص، 14 جنديا."""
    first = normalize_key(text.split()[0]) if text.split() else ""
    return first.isdigit() or any(ch.isdigit() for ch in first) or first in NUMBER_WORDS


def doer(doc: Document, words: list[Word], trigger: Trigger, usable: Callable[[str, str], bool]) -> str | None:
    """"قيام ثلاثة أشخاص ... بإطلاق النار": the doer between the light verb and the ب/على event noun."""
    norm = words[trigger.first_word].norm
    prev = words[trigger.first_word - 1].norm if trigger.first_word > 0 else ""
    if not (norm.startswith("ب") or prev in ("علي", "على")):
        return None
    for k in range(trigger.first_word - 1, max(-1, trigger.first_word - 1 - DOER_REACH), -1):
        if words[k].sentence != trigger.sentence:
            return None
        if words[k].norm in DOER_VERBS or words[k].norm[1:] in DOER_VERBS:
            refs = mention_starts(doc, words, k + 1, trigger.first_word)
            for j in range(k + 1, trigger.first_word):
                ref = refs.get(j)
                if ref is not None and usable(ref.entity, ref.type):
                    return ref.entity
                if words[j].norm in DOER_NOUNS or words[j].norm[1:] in DOER_NOUNS:
                    start = words[j - 1].start if j - 1 > k and _count(words[j - 1].norm) else words[j].start
                    return phrase_entity(doc, start, words[j].end)
            return None
    return None


# Hedges before a count of victims (قتل ما لا يقل عن 49 شخصا، مقتل أكثر من 20 مدنيا).
HEDGES = key_set("ما", "لا", "يقل", "عن", "نحو", "حوالي", "حوالى", "قرابة", "اكثر", "أكثر", "من", "زهاء", "يزيد",
               "يناهز", "على", "الأقل", "الاقل")
HEDGE_REACH = 5


def hedged_victims(doc: Document, words: list[Word], trigger: Trigger) -> str | None:
    """"قتل ما لا يقل عن 49 شخصا": a counted victim phrase after hedge words (a new descriptive entity)."""
    k = trigger.last_word + 1
    skipped = 0
    while k < len(words) and words[k].sentence == trigger.sentence and words[k].norm in HEDGES \
            and skipped < HEDGE_REACH:
        k += 1
        skipped += 1
    if skipped == 0 or k + 1 >= len(words) or words[k + 1].sentence != trigger.sentence:
        return None
    if not _count(words[k].norm) or words[k + 1].norm not in VICTIM_NOUNS:
        return None
    if clause_break(doc.text, trigger.end, words[k + 1].start):
        return None
    return phrase_entity(doc, words[k].start, words[k + 1].end)


def _count(norm: str) -> bool:
    return norm.isdigit() or norm in NUMBER_WORDS
