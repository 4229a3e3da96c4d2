"""Trigger words that do not report a specific happening: background, habits, names, repeats.

News prose uses event words for things that are not events of their own: a state of control
(تحت سيطرة، يسيطر على), a besieged place (بلدات محاصرة), a habit (يقصف النظام بانتظام), a
generic class (الهجمات التي تشنها، العمليات الإجرامية التي استهدفت), the name of a body or
document (قيادة عمليات الجزيرة، قانون مكافحة الإرهاب), a commemoration (ذكرى مجزرة), weapons found
or defused (ضبط عبوات ناسفة), the outlet's trailer that repeats the headline
(رابط الخبر بصحيفة ...), a toll counted over years (قتلت 40 ألف شخص منذ عام 1984), ongoing
activity and held ground (تواصل تقدمها وسيطرتها، تحاصر الفصائل البلدتين، في قبضة الحوثيين), attacks stepped up
(وكثفت الحركة هجماتها), an act
"everywhere" (ومحاصرة عناصره في كل مكان) and, in a sports text, play (هجوم الهلال، طرد اللاعب). The gold annotation does not code these as events (see the data README).
Word lists are in ``normalize_key`` form; source: reading SaudiNewsNet conflict articles.
"""

from __future__ import annotations

import re

from khabar.events.generic import not_specific
from khabar.events.scan import Trigger, Word
from khabar.text.normalize import key_set, normalize_key

# "under the control of", "imposes its control": a state, not a seizure.
CONTROL_STATE_PREV = key_set("تحت", "وتحت", "لسيطرة", "تفرض", "يفرض", "تفرضان", "يفرضون", "تبسط", "يبسط")
# Nouns a following محاصرة describes (adjective "besieged").
BESIEGED_HOLDERS = key_set("مدن", "قرى", "مناطق", "أحياء", "احياء", "بلدتي", "بلدتين", "مدينة", "بلدة", "قرية",
                         "منطقة", "مخيم", "المدينة", "البلدة", "القرية", "المنطقة", "المخيم")
# Adverbs of habit and repetition.
HABIT_WORDS = key_set("بانتظام", "باستمرار", "يوميا", "يومياً", "دائما", "دائماً", "عادة", "عادةً", "غالبا", "مرارا",
                    "مراراً", "تكرارا", "أحيانا", "احيانا", "يومي", "المتكررة", "المتكرره", "المستمرة",
                    "السنوي", "السنوية", "الموسمي", "الموسمية")
# Plural class nouns: "الهجمات التي ..." speaks of a class of events.
GENERIC_HEADS = key_set("العمليات", "الهجمات", "الاعتداءات", "الجرائم", "الغارات", "التفجيرات", "الانتهاكات",
                      "عمليات", "هجمات", "اعتداءات", "جرائم", "المجازر", "الأعمال", "أعمال", "اعمال")
RELATIVES = key_set("التي", "الذي", "الذين", "اللتين", "والتي", "والذي")
# Heads of names of bodies and documents: قيادة عمليات، قانون مكافحة، غرفة عمليات.
NAME_HEADS = key_set("قيادة", "قياده", "غرفة", "غرفه", "مديرية", "لجنة", "لجنه", "قانون", "مشروع", "وحدة", "ادارة",
                   "إدارة", "هيئة", "مكتب", "مركز", "شعبة", "قسم", "خلية", "جهاز", "فرقة", "مكافحة", "لمكافحة")
COMMEMORATION = key_set("ذكرى", "الذكرى", "ذكري", "الذكري", "بذكرى", "إحياء", "احياء", "تأبين", "ابعين")
# Seizure or defusing of weapons: the explosives found did not go off.
FOUND_WEAPON_CUES = key_set("ضبط", "وضبط", "ضبطت", "أبطلت", "ابطلت", "أبطل", "ابطل", "إبطال", "ابطال", "تفكيك",
                          "فككت", "فكك", "مصادرة", "ومصادرة", "صادرت", "العثور", "عثر", "عثرت", "حجز", "ضبطه",
                          "وأبطلت", "وابطلت", "وتفكيك", "ضبطها", "بحوزته", "بحوزتهم", "مخزن", "مستودع", "تصنيع",
                          "صنع", "تدخل")
WEAPON_MODES = frozenset({"ied", "explosives"})
TRAILER = (normalize_key("رابط"), normalize_key("الخبر"))
# Continuing activity: "تواصل تقدمها وسيطرتها", "يواصل التنظيم شن هجمات": ongoing, not one
# happening ("واستمرت الاشتباكات" tells what went on that day: not listed).
ONGOING_CUES = key_set("تواصل", "يواصل", "تواصلان", "يواصلون", "تستمر", "يستمر", "يستمرون", "مواصلة", "ومواصلة",
                     "استمرار", "باستمرار", "تتواصل", "تتواصلان")
# Stepping up attacks: "وكثفت بوكو حرام هجماتها في ..."، "يصعد متطرفو طالبان هجماتهم": a trend of
# several attacks, not one happening (said of plural or possessed attack nouns only).
INTENSIFY_CUES = key_set("كثف", "كثفت", "كثفوا", "يكثف", "تكثف", "يكثفون", "صعد", "صعدت", "صعدوا", "يصعد", "تصعد",
                       "يصعدون", "تصعيد", "بتصعيد", "زاد", "زادت", "يزيد", "تزيد")
GRIP_WORDS = key_set("قبضة", "قبضه", "قبضتها", "قبضته", "قبضتهم")
IN_WORDS = key_set("في", "فى", "تحت")
STATE_MODES = frozenset({"seize", "siege"})
EVERYWHERE = (normalize_key("في"), normalize_key("كل"), normalize_key("مكان"))
# "since the start of the war / since 1984" after a toll: a running total.
SINCE = normalize_key("منذ")
SINCE_SPANS = key_set("عام", "العام", "بداية", "بدايه", "اندلاع", "بدء", "مطلع", "سنوات", "أعوام", "اعوام", "عقود",
                    "عقدين", "انطلاق", "انطلاقة")
TOTAL_REACH = 8
THOUSANDS = key_set("آلاف", "الاف", "الآلاف", "ألوف", "الوف")


def _same(words: list[Word], i: int, sentence: int) -> bool:
    return 0 <= i < len(words) and words[i].sentence == sentence


def _bare(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


def _trailer(words: list[Word], trigger: Trigger) -> bool:
    """The trigger sits in the "رابط الخبر بصحيفة ...: <headline>" line that ends many articles."""
    for k in range(trigger.first_word - 1, max(-1, trigger.first_word - 25), -1):
        if not _same(words, k, trigger.sentence):
            return False
        if words[k].norm == TRAILER[1] and k > 0 and words[k - 1].norm == TRAILER[0]:
            return True
    return False


def _generic_relative(words: list[Word], trigger: Trigger) -> bool:
    """الهجمات التي تشنها / العمليات الإجرامية التي استهدفت: a class of events, not one."""
    nxt = [k for k in range(trigger.last_word + 1, trigger.last_word + 3) if _same(words, k, trigger.sentence)]
    if words[trigger.first_word].norm in GENERIC_HEADS and trigger.entry.pos in ("N", "X"):
        for k in nxt:
            if words[k].norm in RELATIVES and _same(words, k + 1, trigger.sentence) \
                    and words[k + 1].norm[:1] in "يت":
                return True  # followed by an imperfect verb: what they do, not what they did
    if trigger.entry.pos in ("V", "V+", "I"):
        k = trigger.first_word - 1
        if _same(words, k, trigger.sentence) and words[k].norm in RELATIVES:
            for back in (k - 1, k - 2, k - 3, k - 4):
                if _same(words, back, trigger.sentence) and words[back].norm in GENERIC_HEADS:
                    return True
    return False


# Football and other sports: "هجوم الهلال ضعيف" (the attack line), "طرد كريري" (a red card), "هزمناه".
# Words of match reports (source: reading the SaudiNewsNet sports pages); a text with several of
# them is a sports text, where attack/expel words without a death are sport, not violence.
SPORTS_RE = re.compile(
    "(?<!\\w)[وفبل]?(?:ال)?(مبارا[ةهت]|مباريات|دوري|كأس|بطولة|ركل[ةه]|ركلات|ترجيح|هدفين|أهداف|مرمى|"
    "مدرب|لاعب|لاعبي|الفريقين|منتخب|شوط|تسديدة|تأهل|هجومية|دفاعية|جزاء|نادي|ملاعب|مهاجم|هجمة|مرتدة)"
    "(?:ه|ها|هم|نا)?(?!\\w)"
)
SPORTS_MIN = 4  # distinct sports words in the text
SPORT_MODES = frozenset({None, "armed_clash", "expel"})


def sports_text(text: str) -> bool:
    """The text reads as a sports report (several match words)."""
    seen: set[str] = set()
    for match in SPORTS_RE.finditer(text):
        seen.add(match.group(1))
        if len(seen) >= SPORTS_MIN:
            return True
    return False


def sporting_sense(trigger: Trigger) -> bool:
    """A trigger that, in a sports text, means play: not a killing, an attack or expulsion word."""
    entry = trigger.entry
    return not entry.fatal and entry.type in ("ASSAULT", "COERCE") and entry.mode in SPORT_MODES


def _running_total(words: list[Word], trigger: Trigger) -> bool:
    """قتلت نحو 40 ألف شخص منذ عام 1984: a toll counted over years, not one happening; also a killer
    described by its thousands of victims (المسلحين الذين قتلوا آلاف الأشخاص)."""
    if not trigger.entry.fatal:
        return False
    first = trigger.first_word
    if _same(words, first - 1, trigger.sentence) and words[first - 1].norm in RELATIVES \
            and any(_same(words, k, trigger.sentence) and _bare(words[k].norm) in THOUSANDS
                    for k in range(trigger.last_word + 1, trigger.last_word + 3)):
        return True
    for k in range(trigger.last_word + 1, min(len(words), trigger.last_word + 1 + TOTAL_REACH)):
        if not _same(words, k, trigger.sentence):
            return False
        if words[k].norm == SINCE or _bare(words[k].norm) == SINCE:
            return _same(words, k + 1, trigger.sentence) and words[k + 1].norm in SINCE_SPANS
    return False


def _everywhere(words: list[Word], trigger: Trigger) -> bool:
    """"ومحاصرة عناصره في كل مكان": an act without a place or time, a generic aim."""
    after = [words[k].norm for k in range(trigger.last_word + 1, min(len(words), trigger.last_word + 5))
             if words[k].sentence == trigger.sentence]
    return any(after[k:k + 3] == list(EVERYWHERE) for k in range(len(after) - 2))


def _ongoing(words: list[Word], trigger: Trigger) -> bool:
    """A continuing-activity verb right before the trigger (يواصل شن هجمات، تواصل تقدمها وسيطرتها)."""
    first = trigger.first_word
    for k in range(first - 1, max(-1, first - 4), -1):
        if not _same(words, k, trigger.sentence):
            return False
        if words[k].norm in ONGOING_CUES or _bare(words[k].norm) in ONGOING_CUES:
            return True
    return False


def _stepped_up(words: list[Word], trigger: Trigger) -> bool:
    """A plural or possessed attack noun within three words after a verb of stepping up."""
    norm = words[trigger.first_word].norm
    if not (trigger.entry.pos == "X" or (trigger.entry.pos == "N" and norm.endswith(("ها", "هم")))):
        return False
    first = trigger.first_word
    return any(_same(words, k, trigger.sentence) and (words[k].norm in INTENSIFY_CUES
                                                      or _bare(words[k].norm) in INTENSIFY_CUES)
               for k in range(max(0, first - 3), first))


def is_background(words: list[Word], trigger: Trigger) -> bool:
    """True when the trigger does not report one specific happening (see the module docstring)."""
    entry = trigger.entry
    first = trigger.first_word
    prev = words[first - 1].norm if _same(words, first - 1, trigger.sentence) else ""
    if _trailer(words, trigger):
        return True
    if words[first].norm in GRIP_WORDS and (prev in IN_WORDS or _bare(prev) in IN_WORDS):
        return True  # لا تزال في قبضة الحوثيين: held, a state
    if entry.mode == "seize" and (prev in CONTROL_STATE_PREV or _bare(prev) in CONTROL_STATE_PREV):
        return True
    if entry.mode == "seize" and entry.pos == "I" and not words[first].norm.startswith(("س", "وس", "ل")):
        return True  # يسيطر على: holds, a state
    if entry.mode == "siege" and entry.pos == "N" and words[first].norm in ("محاصره", "المحاصره"):
        prev2 = words[first - 2].norm if _same(words, first - 2, trigger.sentence) else ""
        if prev in BESIEGED_HOLDERS or prev.endswith("ات") or prev2 in BESIEGED_HOLDERS or prev2.endswith("ات"):
            return True  # أربع بلدات (شيعية) محاصرة: an adjective
    if entry.pos in ("N", "X") and (prev in NAME_HEADS or _bare(prev) in NAME_HEADS):
        return True
    window = [words[k].norm for k in range(max(0, first - 4), first) if words[k].sentence == trigger.sentence]
    if any(w in COMMEMORATION or _bare(w) in COMMEMORATION for w in window):
        return True
    if entry.mode in WEAPON_MODES and entry.pos in ("N", "X"):
        before = [words[k].norm for k in range(max(0, first - 6), first) if words[k].sentence == trigger.sentence]
        if any(w in FOUND_WEAPON_CUES for w in before):
            return True
    if entry.pos in ("I", "N", "X"):
        lo, hi = max(0, first - 3), min(len(words), trigger.last_word + 6)
        if any(words[k].norm in HABIT_WORDS for k in range(lo, hi) if words[k].sentence == trigger.sentence):
            return True
    if (entry.pos in ("N", "X", "I") or entry.mode in STATE_MODES) and _ongoing(words, trigger):
        return True
    if entry.mode == "siege" and entry.pos == "I" and not words[first].norm.startswith(("س", "وس", "ل")):
        return True  # تحاصر الفصائل البلدتين منذ آذار: a state
    if _running_total(words, trigger) or _everywhere(words, trigger) or _stepped_up(words, trigger):
        return True
    return _generic_relative(words, trigger) or not_specific(words, trigger)
