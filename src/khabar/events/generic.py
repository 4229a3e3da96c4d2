"""More trigger words that tell no specific happening (issue 6 precision audit on unseen articles).

Error classes found by judging random system events on unseen SaudiNewsNet conflict articles:
a series or span of many happenings (سلسلة من الاحتجاجات، أسابيع من الاحتجاجات), the aim of a
doing noun (لتنفيذ هجمات، لتفريق مظاهرات), what happens or went on (ما يحدث من اقتتال، كانت تدور
فيها معارك), lost control (فقدت سيطرتها على أطفالها، فقد السيطرة على المركبة), a state of control
(المدينة التي سيطر عليها التنظيم، ومنذ الإطاحة بالنظام سيطر), thousands counted (أكثر من 36 ألف
غارة), a plural taken up again (عمليات القتل هذه) and the suicide bomber as a person (حسابات
الانتحاري). Word lists are in ``normalize_key`` form; source: reading SaudiNewsNet conflict articles.
"""

from __future__ import annotations

from khabar.events.scan import Trigger, Word
from khabar.text.normalize import key_set, normalize_key

# Heads of "<head> من <plural event noun>": a series or a span of several happenings.
SERIES_HEADS = key_set("سلسلة", "سلسله", "موجة", "موجه", "أسابيع", "اسابيع", "أشهر", "اشهر", "شهور", "سنوات",
                     "أعوام", "اعوام", "عقود", "عقدين", "سنين", "مسلسل")
FROM = normalize_key("من")
# Span heads among the series heads, and the words that make "<span> من X" a distance in time.
TIME_SPANS = key_set("أسابيع", "اسابيع", "أشهر", "اشهر", "شهور", "سنوات", "أعوام", "اعوام", "عقود", "عقدين", "سنين")
TIME_DISTANCE = key_set("بعد", "قبل", "عقب")
# Past verbs of carrying out: "نفذت سلسلة من الغارات" tells the series as done (an event).
DOING_VERBS = key_set("نفذ", "نفذت", "نفذوا", "شن", "شنت", "شنوا", "نظم", "نظمت", "نظموا", "ارتكب", "ارتكبت")
# Doing nouns whose ل-form names an aim: "لتنفيذ هجمات ضد أهداف"، "لتفريق مظاهرات"، "لشن غارات".
AIM_NOUNS = key_set("لتنفيذ", "لشن", "لتفريق", "لقمع", "لارتكاب", "للقيام", "لمنع", "لصد", "لإحباط", "لاحباط",
                  "وتنفيذ", "تنفيذ", "بتنفيذ", "لتنظيم", "لمواجهة")
AIM_PREFIX = normalize_key("ل")
AGAINST = key_set("على", "ضد", "علي")
# "what happens / goes on": ما يحدث من اقتتال، التي كانت تدور فيها معارك، المواجهات التي ما زالت تدور.
OCCUR_VERBS = key_set("يحدث", "تحدث", "يدور", "تدور", "يجري", "تجري", "تدور", "يحصل", "تحصل", "تشهد", "يشهد")
OCCUR_REACH = 3
# Losing hold: "فقدت سيطرتها على أطفالها"، "فقد السيطرة على المركبة" (a traffic accident).
LOSE_WORDS = key_set("فقد", "فقدت", "يفقد", "تفقد", "فقدان", "وفقد", "وفقدت", "ففقد", "لفقدان", "بفقدان", "افقد",
                   "أفقد", "افقده", "أفقده", "فقده", "فقدانه", "فقدانها")
RELATIVES = key_set("التي", "الذي", "الذين", "والتي", "والذي")
SINCE = key_set("منذ", "ومنذ")
SINCE_REACH = 6
# A time of the happening after "التي سيطر عليها": then it is told as an act (أمس، الشهر الماضي ...).
TIME_WORDS = key_set("أمس", "امس", "الماضي", "الماضية", "اليوم", "الأسبوع", "الاسبوع", "فجر", "صباح", "مساء",
                   "ليل", "ليلة", "مؤخرا", "مؤخراً", "للتو", "الجمعة", "السبت", "الأحد", "الاحد", "الاثنين",
                   "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "يوم")
TIME_REACH = 8
THOUSAND_COUNTS = key_set("ألف", "الف", "آلاف", "الاف", "ألوف", "مئات", "ألفا", "الفا", "ألفي", "الفي")
DEMONSTRATIVES = key_set("هذه", "تلك", "هؤلاء", "اولئك", "أولئك")
# Nouns a "suicide" adjective describes (اعتداء انتحاري، تفجير انتحاري، حزام انتحاري): then it is the attack.
# (matched as parts of the word before: للاعتداء، بالهجوم، تفجيرات).
SUICIDE_HOSTS = key_set("هجوم", "هجمات", "اعتداء", "تفجير", "عملي", "حزام", "احزمه", "انفجار", "عمل", "مفخخ", "سيار",
                      "هجم")
PERSON_FORMS = key_set("الانتحاري", "والانتحاري", "للانتحاري", "فالانتحاري")
# Broken plurals of event nouns (the sound plurals end in ات).
BROKEN_PLURALS = key_set("معارك", "المعارك", "اشتباكات", "قتلى", "القتلى", "مجازر", "المجازر", "جرائم", "الجرائم")


def _same(words: list[Word], k: int, sentence: int) -> bool:
    return 0 <= k < len(words) and words[k].sentence == sentence


def _bare(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


def _plural(norm: str) -> bool:
    return norm.endswith("ات") or norm in BROKEN_PLURALS or _bare(norm) in BROKEN_PLURALS


def _before(words: list[Word], trigger: Trigger, reach: int) -> list[str]:
    first = trigger.first_word
    return [words[k].norm for k in range(max(0, first - reach), first) if words[k].sentence == trigger.sentence]


def _series(words: list[Word], trigger: Trigger, before: list[str]) -> bool:
    """سلسلة من الاحتجاجات / أسابيع من الاحتجاجات: many happenings over a span."""
    if trigger.entry.pos not in ("N", "X") or len(before) < 2 or before[-1] != FROM \
            or not (before[-2] in SERIES_HEADS or _bare(before[-2]) in SERIES_HEADS):
        return False
    if any(_bare(w) in DOING_VERBS for w in before[-5:-2]):
        return False  # نفذت اليوم سلسلة من الغارات: done
    norm = words[trigger.first_word].norm
    if _bare(before[-2]) in TIME_SPANS and ((before[-3:-2] and _bare(before[-3]) in TIME_DISTANCE)
                                            or not (_plural(norm) or norm.startswith("ال"))):
        return False  # بعد أشهر من هجوم شنه مسلحان: a time distance from one happening
    return True


def _aim(words: list[Word], trigger: Trigger, before: list[str]) -> bool:
    """لتنفيذ هجمات / لتفريق مظاهرات: an indefinite plural event noun as the object of an aim."""
    norm = words[trigger.first_word].norm
    if trigger.entry.pos not in ("N", "X") or trigger.entry.fatal or not _plural(norm) or norm.startswith("ال"):
        return False
    if not before or before[-1] not in AIM_NOUNS or not before[-1].startswith(AIM_PREFIX):
        return False
    nxt = [words[k].norm for k in range(trigger.last_word + 1, trigger.last_word + 3)
           if _same(words, k, trigger.sentence)]
    # لشن هجمات على الارتكازات الأمنية: a plan against a set target (status planned), still an event
    return not (len(nxt) == 2 and nxt[0] in AGAINST and nxt[1].startswith("ال"))


def _occurring(words: list[Word], trigger: Trigger, before: list[str]) -> bool:
    """ما يحدث من اقتتال / كانت تدور فيها معارك: what goes on, not one happening (nouns only)."""
    if trigger.entry.pos not in ("N", "X") or trigger.entry.fatal:
        return False
    return any(w in OCCUR_VERBS or _bare(w) in OCCUR_VERBS for w in before[-OCCUR_REACH:])


def _lost_control(words: list[Word], trigger: Trigger, before: list[str]) -> bool:
    """فقدت سيطرتها على / فقد السيطرة على المركبة: losing hold, no seizure."""
    return trigger.entry.mode == "seize" and any(w in LOSE_WORDS for w in before[-2:])


def _control_state(words: list[Word], trigger: Trigger, before: list[str]) -> bool:
    """المدينة التي سيطر عليها داعش / ومنذ الإطاحة بالنظام سيطر: a state of control, unless a time is told."""
    if trigger.entry.mode != "seize" or trigger.entry.pos not in ("V", "V+"):
        return False
    relative = bool(before) and before[-1] in RELATIVES
    window = before[-SINCE_REACH:]
    # "منذ أن بسطت جماعة سيطرتها": the seizure is the time point, a past act (not a state)
    since = any(w in SINCE and window[k + 1:k + 2] not in (["ان"], ["أن"]) for k, w in enumerate(window))
    if not (relative or since):
        return False
    after = [words[k].norm for k in range(trigger.last_word + 1, min(len(words), trigger.last_word + 1 + TIME_REACH))
             if words[k].sentence == trigger.sentence]
    return since or not any(w in TIME_WORDS or _bare(w) in TIME_WORDS for w in after)


def _thousands(words: list[Word], trigger: Trigger, before: list[str]) -> bool:
    """أكثر من 36 ألف غارة / مئات الهجمات: a count over a campaign, not one happening."""
    return trigger.entry.pos in ("N", "X") and not trigger.entry.fatal and bool(before) \
        and _bare(before[-1]) in THOUSAND_COUNTS


def _taken_up(words: list[Word], trigger: Trigger) -> bool:
    """عمليات القتل هذه / هذه الهجمات: several happenings told before, taken up again."""
    first, last = trigger.first_word, trigger.last_word
    norm = words[first].norm
    prev = words[first - 1].norm if _same(words, first - 1, trigger.sentence) else ""
    if not (_plural(norm) or _plural(prev)):
        return False
    nxt = last + 1
    return (_same(words, nxt, trigger.sentence) and words[nxt].norm in DEMONSTRATIVES) \
        or (prev in DEMONSTRATIVES and norm.startswith("ال") and _plural(norm))


def _bomber(words: list[Word], trigger: Trigger, before: list[str]) -> bool:
    """حسابات الانتحاري / بثها الانتحاري: the suicide bomber as a person, not an attack word."""
    if trigger.entry.mode != "suicide" or words[trigger.first_word].norm not in PERSON_FORMS:
        return False
    return not before or not any(host in before[-1] for host in SUICIDE_HOSTS)


def not_specific(words: list[Word], trigger: Trigger) -> bool:
    """True when the trigger tells a series, an aim, an ongoing state or a count, not one happening."""
    before = _before(words, trigger, SINCE_REACH)
    return _series(words, trigger, before) or _aim(words, trigger, before) or aimed_act(words, trigger) \
        or _occurring(words, trigger, before) or _lost_control(words, trigger, before) \
        or _control_state(words, trigger, before) or _thousands(words, trigger, before)


def reference_only(words: list[Word], trigger: Trigger) -> bool:
    """True when the mention refers to happenings told elsewhere (عمليات القتل هذه) or to a person
    (حسابات الانتحاري): it may add evidence to an event, never be one by itself."""
    return _taken_up(words, trigger) or _bomber(words, trigger, _before(words, trigger, 2))


# Retelling cues (source: reading SaudiNewsNet articles): an event verb in a relative clause on a
# demonstrative (هذا الشاب الذي قتل العقيد), a demonstrative object (اعتقلت هؤلاء السائحين) or "in the
# incident" after the word (298 شخصا قتلوا في الحادث) refer to a happening told before.
POINTERS = DEMONSTRATIVES | key_set("هذا", "ذلك", "هذان", "هاتان")
INCIDENT_NOUNS = key_set("الحادث", "الحادثة", "الحادثه", "الهجوم", "الاعتداء", "التفجير", "الانفجار", "الجريمة",
                       "الجريمه", "المجزرة", "المجزره", "العملية", "العمليه")
IN_PREPS = ("في", "ب", "جراء", "خلال")
PLUPERFECT_REACH = 8


def retold(words: list[Word], trigger: Trigger) -> bool:
    """True when a verb trigger refers back to a happening told before (see the cues above)."""
    if trigger.entry.pos not in ("V", "V+"):
        return False
    last, sentence = trigger.last_word, trigger.sentence
    before = _before(words, trigger, PLUPERFECT_REACH)
    if before and before[-1] in RELATIVES and any(w in POINTERS for w in before[-4:-1]):
        return True  # هذا الشاب الذي قتل العقيد (a relative alone may tell a new one: القرية التي قتل فيها)
    after = [words[k].norm for k in range(last + 1, min(len(words), last + 4)) if words[k].sentence == sentence]
    if after and after[0] in DEMONSTRATIVES:
        return True
    for w in after:
        for prep in IN_PREPS:
            if w.startswith(prep) and w[len(prep):] in INCIDENT_NOUNS:
                return True
        if w in INCIDENT_NOUNS:
            return True
    return False


# The outlet's closing line "رابط الخبر بصحيفة الوئام: <headline>" repeats the headline; the sentence
# splitter may cut it at "بالفيديو.." so the word check in ``background`` misses it (source: alweeam
# articles in SaudiNewsNet, 610 of which end with their title).
TRAILER_MARK = "رابط الخبر"
TRAILER_TAIL = 300  # characters: the line stands at the very end of the text


def trailer_start(text: str) -> int | None:
    """Where the closing "رابط الخبر ..." line begins, when the text ends with one."""
    start = text.rfind(TRAILER_MARK)
    return start if start >= 0 and len(text) - start <= TRAILER_TAIL else None


# Second audit round (a fresh sample of unseen articles): aims and plans were the largest class.
# "لاعتقال أطفال فلسطينيين": ل + a coercive verbal noun + an indefinite object names the aim of an act,
# no set target (a plan against a set one, يعدون عملية لاستعادة هذه المدينة، is an event with status
# planned; the definite-object case is in ``weak._purpose``); verbs of seeking before a noun of taking
# ground (وتسعى المقاومة للسيطرة على) make it a goal. Source: reading SaudiNewsNet articles.
AIM_MODES = frozenset({"arrest", "raid", "seize", "retake", "abduct", "siege", "destroy", "armed_clash"})
SEEK_MODES = frozenset({"seize", "retake"})
CAUSE_WORDS = key_set("نتيجة", "نتيجه", "إثر", "اثر", "عرضة", "عرضه", "ضحية", "ضحيه", "ضحايا", "تعرض", "تعرضت",
                    "تعرضوا", "يتعرض", "تتعرض", "ردا", "رداً", "تصديه", "تصديها", "تصدت", "تصدى")
SEEK_WORDS = key_set("تسعى", "يسعى", "سعت", "سعى", "يسعون", "تحاول", "يحاول", "حاولت", "حاول", "يحاولون", "تخطط",
                   "يخطط", "خططت", "تعتزم", "يعتزم", "تنوي", "ينوي", "طريقها", "طريقه", "طريقهم", "تستعد", "يستعد",
                   "تهدف", "يهدف", "هدفها", "هدفه", "ترمي", "يرمي")
SEEK_REACH = 3
# "خلايا تستهدف إشعال الفتنة": استهدف with an abstract object is an aim, not an attack.
TARGET_VERB = normalize_key("ستهدف")  # استهدف، تستهدف، يستهدف
ABSTRACT_OBJECTS = key_set("إشعال", "اشعال", "زعزعة", "زعزعه", "تقويض", "نشر", "إثارة", "اثاره", "اثارة", "النيل",
                         "المساس", "تشويه", "تمزيق", "أمن", "امن", "وحدة", "وحده", "استقرار", "عقول", "العقول",
                         "الفكر", "فكر", "الشباب", "شباب", "تجنيد", "بث", "خلق", "إفشال", "افشال", "تعطيل")
# "احتمالية وقوع هجوم"، "خشية وقوع هجمات"، "تحسبا لأي هجوم": a risk, not a happening.
RISK_WORDS = key_set("احتمال", "احتمالية", "احتماليه", "لاحتمالية", "لاحتمال", "إمكانية", "امكانية", "امكانيه",
                   "خطر", "مخاطر", "خشية", "خشيه", "تحسبا", "تحسباً", "مخاوف", "لمنع", "منع", "لاحتماليه",
                   "أي", "اي", "لأي", "لاي")
OCCURRENCE = key_set("وقوع", "حدوث", "تنفيذ", "شن")
# "وأتظاهر بأنه لم يحدث"، "يتظاهر بالنوم": تظاهر ب = to pretend (not with a crowd size: تظاهروا بالآلاف).
PRETEND_NEXT = ("بان", "بانه", "بانها", "بانهم", "بذلك", "بالنوم", "بالموت", "بعدم", "بالجهل", "بالمرض")


def _stem_of(norm: str) -> str:
    for prefix in ("و", "ف"):
        if norm.startswith(prefix) and len(norm) > 4:
            return norm[len(prefix):]
    return norm


def _unset_object(words: list[Word], trigger: Trigger) -> bool:
    """The object after the verbal noun is indefinite and not in a construct with a name or a definite
    noun (أطفال فلسطينيين، not قاعدة العند or هذه المدينة)."""
    k, sentence = trigger.last_word + 1, trigger.sentence
    if not _same(words, k, sentence) or words[k].norm.startswith(("ال", "وال")) or words[k].norm in POINTERS:
        return False
    return not (_same(words, k + 1, sentence) and words[k + 1].norm.startswith("ال"))


def aimed_act(words: list[Word], trigger: Trigger) -> bool:
    """An aim, a plan, a risk or a pretence told with an event word (see the tables above)."""
    entry = trigger.entry
    first, sentence = trigger.first_word, trigger.sentence
    norm = words[first].norm
    before = _before(words, trigger, SEEK_REACH)
    nxt = words[trigger.last_word + 1].norm if _same(words, trigger.last_word + 1, sentence) else ""
    if entry.type == "PROTEST" and entry.pos in ("V", "I") and nxt.startswith(PRETEND_NEXT):
        return True
    if entry.type == "ASSAULT" and entry.pos in ("V", "I") and TARGET_VERB in _stem_of(norm) \
            and _stem_of(nxt) in ABSTRACT_OBJECTS:
        return True
    if entry.pos in ("N", "X") and not entry.fatal:
        last = _stem_of(before[-1]) if before else ""
        if last in RISK_WORDS or (last in OCCURRENCE and len(before) >= 2 and _stem_of(before[-2]) in RISK_WORDS):
            return True  # احتمالية وقوع هجوم / تحسبا لأي هجوم
        if entry.mode in AIM_MODES and norm.startswith(("ل", "ول")) and not norm.startswith(("لل", "ولل")) \
                and not (before and _stem_of(before[-1]) in CAUSE_WORDS) and _unset_object(words, trigger):
            return True  # لاعتقال أطفال فلسطينيين: no set target (a plan against one is an event: planned)
        if entry.mode in SEEK_MODES and any(_stem_of(w) in SEEK_WORDS for w in before):
            return True  # وتسعى المقاومة للسيطرة على: a goal of taking ground (as in ``weak.is_weak``)
    return False
