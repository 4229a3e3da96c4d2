"""Descriptive arguments read from the clause when no entity names them.

News often names a victim or an attacker by a count and a noun, not a name: "قتل ثلاثة أشخاص",
"اختطاف 9 صحفيين", "إعدام 13 قياديًا", "القبض على الجاني", "مقتل زوجته", "أقدم شاب على قتل".
These phrases become entities (type PER, no KB id, mention source ``events``) so an event carries
its target's or actor's evidence span. Word tables: hand-curated from Arabic news usage (ACLED's
victim categories: civilians, members of a force, journalists, children ...).
"""

from __future__ import annotations

from khabar.document import Document, Entity, Mention
from khabar.events.fatalities import NUMBER_WORDS
from khabar.events.glosses import english_name
from khabar.events.roles import clause_break
from khabar.events.scan import Trigger, Word
from khabar.text.normalize import key_set, normalize_key

# Heads of a victim phrase (the people hit, held or killed), indefinite and definite forms.
VICTIM_NOUNS = key_set(
    "أشخاص", "شخص", "شخصا", "مدنيين", "مدنيا", "مدني", "مدنيون", "عناصر", "عنصرا", "عنصر", "جنود", "جنديا", "جندي",
    "أطفال", "طفل", "طفلا", "نساء", "امرأة", "سيدة", "صحفيين", "صحفيا", "صحفي", "إعلاميين", "إعلاميا", "قياديا",
    "قياديين", "قادة", "مواطنين", "مواطنا", "مواطن", "مقيمين", "مقيما", "شبان", "شابا", "رجال", "رجلا", "رهائن",
    "رهينة", "أسرى", "معتقلين", "متهمين", "متهما", "مشتبها", "مشتبهين", "مطلوبين", "مطلوبا", "ناشطين", "ناشطا",
    "متظاهرين", "محتجين", "مصلين", "طلاب", "عمال", "لاجئين", "نازحين", "شرطيين", "شرطيا", "ضباط", "ضابطا",
    "أفراد", "فردا", "مسلحين", "إرهابيين", "إرهابيا", "قرويين", "سكان", "أهالي", "أبناء", "عائلة", "أسرة",
    "الجاني", "الجناة", "الطفل", "الطفلة", "المتهم", "المتهمين", "المشتبه", "المطلوب", "الصحفي", "الصحفيين",
    "المدنيين", "الأطفال", "الجنود", "العناصر", "المواطنين", "الأهالي", "الرهائن", "المصلين", "المتظاهرين",
    "المحتجين", "الإرهابيين", "المسلحين", "المخططين", "المعتقلين", "الأسرى", "القادة", "القياديين", "الضحية",
    "زوجة", "زوجته", "زوجها", "شقيق", "شقيقه", "شقيقها", "شقيقة", "ابن", "ابنه", "ابنها", "ابنة", "ابنته",
    "والد", "والده", "والدة", "والدته", "أخيه", "أخاه", "عمه", "ابن عمه",
)
# Words a victim phrase may begin with before its head: counts, quantifiers, prepositions.
LEADING = key_set("على", "ضد", "بحق", "من", "نحو", "حوالي", "قرابة", "أكثر", "اكثر", "أقل", "جميع", "كل", "عدد",
                "بين", "بينهم", "مئات", "عشرات", "آلاف", "الاف")
# Heads of an unnamed single attacker named before the trigger (أقدم شاب على قتل ...).
ATTACKER_NOUNS = key_set("شاب", "رجل", "امرأة", "مواطن", "مقيم", "وافد", "عامل", "طالب", "مراهق", "مجهول", "الجاني",
                       "مسلح", "مسلحان", "مسلحين", "شخص", "سائق", "حارس", "جندي", "شرطي", "ضابط")
PROCLITICS = ("و", "ف", "ب", "ل")
# Verbs whose subject is the one who suffered the event (تعرض X لهجوم، نجا X من هجوم): a target.
EXPERIENCER_VERBS = key_set("تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض", "نجا", "نجت", "نجوا", "ينجو", "نجاة",
                          "وتعرض", "وتعرضت", "ونجا", "ونجت")
VICTIM_REACH = 6  # words after a trigger looked at for a victim phrase
ATTACKER_REACH = 8  # words before a trigger looked at for an attacker noun


def _forms(norm: str) -> tuple[str, ...]:
    """The word and the word without one proclitic (و ف ب ل) or the double لل/ولل article."""
    out = [norm]
    if len(norm) > 3 and norm[0] in PROCLITICS:
        out.append(norm[1:])
        if norm[1] in PROCLITICS and len(norm) > 4:
            out.append(norm[2:])
    if norm.startswith(("لل", "ولل")):
        out.append("ال" + norm[norm.index("لل") + 2:])
    return tuple(out)


def _is(norm: str, table: frozenset[str]) -> bool:
    return any(form in table for form in _forms(norm))


def _count(norm: str) -> bool:
    return norm.isdigit() or any(form in NUMBER_WORDS for form in _forms(norm))


def victim_span(doc: Document, words: list[Word], trigger: Trigger) -> tuple[int, int] | None:
    """"قتل ثلاثة أشخاص" / "اعتقال 9 صحفيين" / "القبض على الجاني": the victim phrase after the trigger."""
    start: int | None = None
    for k in range(trigger.last_word + 1, min(len(words), trigger.last_word + 1 + VICTIM_REACH)):
        word = words[k]
        if word.sentence != trigger.sentence or clause_break(doc.text, words[k - 1].end, word.start):
            return None
        if _is(word.norm, VICTIM_NOUNS):
            return (word.start if start is None else start, word.end)
        if _count(word.norm):
            start = word.start if start is None else start
            continue
        if _is(word.norm, LEADING):
            continue
        return None
    return None


def attacker_span(doc: Document, words: list[Word], trigger: Trigger) -> tuple[int, int] | None:
    """"أقدم شاب ... على قتل": an unnamed attacker noun before the trigger in its clause."""
    for k in range(trigger.first_word - 1, max(-1, trigger.first_word - 1 - ATTACKER_REACH), -1):
        word = words[k]
        if word.sentence != trigger.sentence or clause_break(doc.text, word.end, words[k + 1].start):
            return None
        if _is(word.norm, ATTACKER_NOUNS):
            before = words[k - 1].norm if k > 0 and words[k - 1].sentence == word.sentence else ""
            if before in LEADING or (_is(word.norm, VICTIM_NOUNS) and _count(before)):
                return None  # على شاب / ثلاثة أشخاص: an object or a count, not a subject
            return (word.start, word.end)
    return None


def experiencer_verb(words: list[Word], trigger: Trigger, reach: int = 40) -> int | None:
    """The index of a تعرض/نجا verb before the trigger in its sentence: its subject suffered the event."""
    for k in range(trigger.first_word - 1, max(-1, trigger.first_word - 1 - reach), -1):
        if words[k].sentence != trigger.sentence:
            return None
        if words[k].norm in EXPERIENCER_VERBS:
            return k
    return None


def phrase_entity(doc: Document, start: int, end: int, type_: str = "PER") -> str:
    """The id of the entity with a mention at exactly ``start:end``, else of a new descriptive one."""
    for entity in doc.entities:
        if any(m.start == start and m.end == end for m in entity.mentions):
            return entity.id
    text = doc.text[start:end]
    key = normalize_key(text)
    for entity in doc.entities:  # the same description again (ثلاثة أشخاص in the lead and the body)
        if entity.kb_id is None and entity.mentions and entity.mentions[0].source == "events" \
                and normalize_key(entity.name) == key:
            mention = Mention(start, end, text, entity.type, "events", 0.5)
            entity.mentions.append(mention)
            doc.mentions.append(mention)
            return entity.id
    numbers = [int(e.id[1:]) for e in doc.entities if e.id[:1] == "E" and e.id[1:].isdigit()]
    entity = Entity(f"E{max(numbers, default=0) + 1}", type_, text, english_name(doc, start, end, type_), None, [], None, 0.5)
    mention = Mention(start, end, text, type_, "events", 0.5)
    entity.mentions.append(mention)
    doc.entities.append(entity)
    doc.mentions.append(mention)
    return entity.id
