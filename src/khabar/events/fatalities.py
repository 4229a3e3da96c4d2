"""Death tolls of event mentions: the number a death word counts (مقتل 51، 27 قتيلا، لقي 8 مصرعهم).

Numbers come from ``doc.numbers`` when the numbers stage ran, else from digits and number words.
Without a number, a death word on one person (مصرعه، مقتل الرضيع، اغتيال فلان) counts 1 and a
dual victim noun (ضابطي شرطة، جنديين) counts 2.
"""

from __future__ import annotations

import re

from pyarabic.number import text2number

from khabar.document import Document
from khabar.events.cues import INJURED_WORDS
from khabar.events.scan import Trigger, Word
from khabar.text.normalize import normalize_key

# Number words (normalize_key forms) read when ``doc.numbers`` is empty; source: MSA cardinals.
NUMBER_WORDS = frozenset(normalize_key(w) for w in (
    "واحد", "واحدة", "اثنان", "اثنين", "اثنتين", "ثلاث", "ثلاثة", "أربع", "أربعة", "خمس", "خمسة", "ست",
    "ستة", "سبع", "سبعة", "ثمان", "ثماني", "ثمانية", "تسع", "تسعة", "عشر", "عشرة", "أحد", "إحدى", "اثنا",
    "اثني", "عشرون", "عشرين", "ثلاثون", "ثلاثين", "أربعون", "أربعين", "خمسون", "خمسين", "ستون", "ستين",
    "سبعون", "سبعين", "ثمانون", "ثمانين", "تسعون", "تسعين", "مئة", "مائة", "مئتين", "مائتين", "ألف",
    "آلاف", "الف", "و",
))
DIGITS_RE = re.compile(r"^\d{1,6}$")

def _number_value(doc: Document, words: list[Word], index: int) -> tuple[int | None, int]:
    """The integer written at word ``index`` (digits, doc.numbers or number words) and words used."""
    word = words[index]
    for number in doc.numbers:
        if number.start <= word.start < number.end and isinstance(number.value, int | float):
            used = 1
            while index + used < len(words) and words[index + used].start < number.end:
                used += 1
            value = number.value
            return (int(value) if value and float(value).is_integer() else None), used
    digits = word.norm.strip("«»\"'")
    if DIGITS_RE.match(digits):
        return int(digits), 1
    used = 0
    parts: list[str] = []
    while index + used < len(words) and used < 5:
        norm = words[index + used].norm
        bare = norm[1:] if norm.startswith("و") and len(norm) > 2 else norm
        if bare in NUMBER_WORDS and bare != "و":
            parts.append(words[index + used].text)
            used += 1
        else:
            break
    if parts:
        value = text2number(" ".join(parts))
        return (int(value) if value else None), used
    return None, 0

YEAR_WORDS = frozenset(normalize_key(w) for w in ("عام", "العام", "سنة", "السنة", "عامي", "مطلع", "أواخر", "اواخر"))
DEATH_VERBS = frozenset({"لقي", "لقى", "ولقي", "ولقى", "لقوا", "ولقوا"})
BACK_STOPS = frozenset({"ان", "إن", "أن", "بان", "انه", "قال", "قالت", "في", "خلال", "بعد"})

def _number_before(doc: Document, words: list[Word], trigger: Trigger, reach: int) -> int | None:
    """The nearest number within ``reach`` words before the trigger, not crossing a clause mark."""
    for back in range(1, reach + 1):
        j = trigger.first_word - back
        if j < 0 or words[j].sentence != trigger.sentence:
            return None
        if words[j].norm in INJURED_WORDS or words[j].norm in BACK_STOPS or any(
                ch in "،,:؛." for ch in doc.text[words[j].end:words[j + 1].start]):
            return None
        value, _used = _number_value(doc, words, j)
        if value == 2 and _dual_thing(words[j].norm):
            continue  # عشرة إرهابيين على سيارتين وقتلتهم: two cars, not two dead
        if value is not None:
            return value
    return None


def _dual_thing(norm: str) -> bool:
    """A dual noun read as 2 by the numbers stage (سيارتين، مركبتين) that counts no victims."""
    bare = norm[1:] if norm[:1] in "وب" and len(norm) > 4 else norm
    return not norm.isdigit() and bare not in NUMBER_WORDS and bare not in DUAL_VICTIMS \
        and bare.endswith(("ين", "ان", "تين", "تان"))


# One person named by a death word's object (مقتل مدير، قتل الرضيع); source: news usage.
SINGLE_VICTIMS = frozenset(normalize_key(w) for w in (
    "مدير", "قائد", "ضابط", "جندي", "شرطي", "رجل", "امرأة", "طفل", "طفلة", "الرضيع", "رضيع", "الطفل", "الطفلة",
    "شاب", "شابا", "فتاة", "مواطن", "مواطنا", "قيادي", "القيادي", "مسؤول", "المسؤول", "العقيد", "عقيد", "اللواء",
    "العميد", "عميد", "النقيب", "نقيب", "الرائد", "رائد", "المقدم", "الجندي", "الشرطي", "زعيم", "الزعيم", "أمير",
    "امير", "الأمير", "رئيس", "نائب", "عضو", "العضو", "الشيخ", "الإمام", "الامام", "صحفي", "الصحفي", "ناشط",
    "الناشط", "مسلح", "عنصر", "شخص", "شخصا", "إرهابي", "ارهابي", "الإرهابي", "الارهابي", "المتهم", "مستوطن",
))
# Dual victims: ضابطي شرطة، جنديين، شخصين.
DUAL_VICTIMS = frozenset(normalize_key(w) for w in (
    "ضابطي", "ضابطين", "جنديين", "جنديي", "شخصين", "طفلين", "شرطيين", "شرطيي", "مدنيين اثنين", "عنصرين",
    "مسلحين اثنين", "رجلين", "امرأتين", "شقيقين", "صحفيين اثنين",
))
SINGLE_ENCLITICS = ("ه", "ها")


def _one_or_two(doc: Document, words: list[Word], trigger: Trigger, person_starts: set[int]) -> int | None:
    """1 for مصرعه / a named or singular victim right after the word, 2 for a dual victim, else None."""
    norm = words[trigger.last_word].norm
    if trigger.entry.pos in ("N", "X") and any(norm.endswith(trigger.entry.form + e) for e in SINGLE_ENCLITICS):
        return 1  # مصرعه، مقتلها
    nxt = trigger.last_word + 1
    if nxt >= len(words) or words[nxt].sentence != trigger.sentence:
        return None
    if words[nxt].norm in DUAL_VICTIMS:
        return 2
    if words[nxt].norm in SINGLE_VICTIMS or words[nxt].start in person_starts:
        after = nxt + 1
        if after < len(words) and words[after].norm in INJURED_WORDS:
            return None
        return 1
    return None


def fatalities_near(doc: Document, words: list[Word], trigger: Trigger,
                    person_starts: set[int] | None = None) -> int | None:
    """The death toll a fatal trigger states (see the module docstring), or None."""
    value = _counted(doc, words, trigger)
    if value is None and trigger.entry.fatal and trigger.entry.mode != "execution":
        value = _one_or_two(doc, words, trigger, person_starts or set())
    return value


def _counted(doc: Document, words: list[Word], trigger: Trigger) -> int | None:
    """Deaths counted by a death word: مقتل 51، قتلوا خمسة أشخاص، 27 قتيلا، لقي 8 أشخاص مصرعهم."""
    if not trigger.entry.fatal:
        return None
    nxt = trigger.last_word + 1
    if nxt < len(words) and words[nxt].norm in INJURED_WORDS:
        return None  # مقتل وإصابة 60: killed and wounded together
    if trigger.entry.form == "مصرع":
        for back in range(1, 9):
            j = trigger.first_word - back
            if j < 0 or words[j].sentence != trigger.sentence:
                break
            if words[j].norm in DEATH_VERBS:
                for k in range(j + 1, trigger.first_word):
                    value, _used = _number_value(doc, words, k)
                    if value is not None:
                        return value
                return None
    value = _number_before(doc, words, trigger, 2 if trigger.entry.pos in ("N", "X") else 6)
    if value is not None:
        return value
    for ahead in range(1, 4):
        j = trigger.last_word + ahead
        if j >= len(words) or words[j].sentence != trigger.sentence or words[j].norm in INJURED_WORDS:
            break
        if ahead > 1 and any(ch in "،,:؛." for ch in doc.text[words[j - 1].end:words[j].start]):
            break
        if words[j - 1].norm in YEAR_WORDS:
            break  # وقتله في عام 2011: a year, not a toll
        value, used = _number_value(doc, words, j)
        if value is not None:
            after = j + used
            if after < len(words) and words[after].norm in INJURED_WORDS:
                return None
            return value
    return None
