"""Arabic calendar vocabulary: month names, weekdays and relative-time words.

Sources: the Gregorian month names of the three Arabic systems are the CLDR names (as shipped by
Babel for the locales ``ar``/``ar_SA`` (Egypt/Gulf), ``ar_IQ``/``ar_LB``/``ar_SY`` (Levantine/Iraqi
Syriac names), ``ar_DZ``/``ar_TN`` (Maghrebi French-derived) and ``ar_MA`` (Moroccan)), plus common
spelling variants seen in news (يونيه، يوليه، إبريل، تشرين أول ...). Hijri month names and weekday
names are standard Arabic. Every key is stored in ``normalize_key`` form, so the matcher runs on
normalized text (hamza/alef, ta marbuta and alef maqsura folded).
"""

from __future__ import annotations

from khabar.text.normalize import normalize_key


def _fold(table: dict[str, int]) -> dict[str, int]:
    return {normalize_key(name): value for name, value in table.items()}


GREGORIAN_MONTHS: dict[str, int] = _fold({
    # Egypt / Gulf (CLDR ar) and variants
    "يناير": 1, "فبراير": 2, "فبرير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "أغسطوس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "أكتوبير": 10, "نوفمبر": 11, "نوفمير": 11, "ديسمبر": 12,
    # Levantine / Iraqi (CLDR ar_IQ, ar_LB, ar_SY)
    "كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين أول": 10, "تشرين الثاني": 11,
    "تشرين ثاني": 11, "كانون الأول": 12, "كانون أول": 12,
    # Maghrebi (CLDR ar_DZ, ar_TN) and Moroccan (CLDR ar_MA)
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "جويليه": 7, "أوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
})

# Month names that are also common words (آب "father", مارس "practised", ماي, أوت, تموز as a
# name): accepted only with a day or a year next to them, never alone.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset(normalize_key(w) for w in ("آب", "مارس", "ماي", "أوت", "أيار"))

HIJRI_MONTHS: dict[str, int] = _fold({
    "محرم": 1, "المحرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع أول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "ربيع ثاني": 4, "ربيع آخر": 4, "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6,
    "جمادى الثانية": 6, "جمادى الآخر": 6, "جمادى الثاني": 6, "رجب": 7, "شعبان": 8, "رمضان": 9,
    "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
})

# Monday = 0 (Python's ``date.weekday()``).
WEEKDAYS: dict[str, int] = _fold({
    "الإثنين": 0, "الاثنين": 0, "الأثنين": 0, "الثلاثاء": 1, "الثلاثا": 1, "الأربعاء": 2, "الاربعا": 2,
    "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6,
})

# Relative days: offset from the publication date.
RELATIVE_DAYS: dict[str, int] = _fold({
    "أمس": -1, "الأمس": -1, "يوم أمس": -1, "البارحة": -1, "أول أمس": -2, "أول من أمس": -2,
    "أمس الأول": -2, "اليوم": 0, "غدا": 1, "غداً": 1, "الغد": 1, "يوم غد": 1, "بعد غد": 2,
})

# Duals ("نيسان/أبريل حتى نهاية حزيران/يونيو الماضيين") qualify the last of two months named.
PAST: frozenset[str] = frozenset(normalize_key(w) for w in (
    "الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق", "السابقة",
    "الماضيين", "الماضيتين", "المنصرمين", "الفائتين"))
FUTURE: frozenset[str] = frozenset(normalize_key(w) for w in (
    "المقبل", "المقبلة", "القادم", "القادمة", "المقبلين", "القادمين"))
CURRENT: frozenset[str] = frozenset(normalize_key(w) for w in (
    "الجاري", "الجارية", "الحالي", "الحالية", "هذا", "هذه"))

# Period nouns (definite, for "الشهر الماضي") -> precision.
PERIODS: dict[str, str] = _fold({"الأسبوع": "week", "الشهر": "month", "العام": "year", "السنة": "year"})

# Counted time units (for "قبل ثلاثة أيام"): form -> (unit, count implied by a dual or None).
DURATION_UNITS: dict[str, tuple[str, int | None]] = {
    normalize_key(form): value for form, value in {
        "يوم": ("day", None), "يوما": ("day", None), "أيام": ("day", None), "يومين": ("day", 2),
        "يومان": ("day", 2),
        "أسبوع": ("week", None), "أسبوعا": ("week", None), "أسابيع": ("week", None),
        "أسبوعين": ("week", 2), "أسبوعان": ("week", 2),
        "شهر": ("month", None), "شهرا": ("month", None), "أشهر": ("month", None), "شهور": ("month", None),
        "شهرين": ("month", 2), "شهران": ("month", 2),
        "عام": ("year", None), "عاما": ("year", None), "أعوام": ("year", None), "عامين": ("year", 2),
        "عامان": ("year", 2), "سنة": ("year", None), "سنوات": ("year", None), "سنين": ("year", None),
        "سنتين": ("year", 2), "سنتان": ("year", 2),
    }.items()
}

# Eras after a year: Hijri (هـ, ه, للهجرة, هجرية) or Gregorian (م, للميلاد, ميلادية).
HIJRI_ERAS: frozenset[str] = frozenset(normalize_key(w) for w in ("هـ", "ه", "للهجرة", "هجرية", "هجري"))
GREGORIAN_ERAS: frozenset[str] = frozenset(normalize_key(w) for w in ("م", "للميلاد", "ميلادية", "ميلادي"))

# Words that introduce a year: "سنة 2014", "عام 2014" (part of the span) ...
YEAR_NOUNS: tuple[str, ...] = tuple(normalize_key(w) for w in ("سنة", "عام", "العام", "السنة"))
# ... and prepositions after which a bare 19xx/20xx is a year ("في 2014": span is the year).
YEAR_PREPOSITIONS: tuple[str, ...] = tuple(normalize_key(w) for w in (
    "في", "منذ", "خلال", "حتى", "قبل", "بعد", "مطلع", "منتصف", "أواخر", "أوائل", "نهاية", "بداية", "مع",
    "العام", "عامي", "موسم",
    # age groups in sports news: "منتخب مواليد 1997"
    "مواليد", "لمواليد"))

# Small cardinals for "قبل ثلاثة أيام" (standard Arabic, both genders).
SMALL_NUMBERS: dict[str, int] = _fold({
    "واحد": 1, "واحدة": 1, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5,
    "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9,
    "عشرة": 10, "عشر": 10, "بضعة": 3, "بضع": 3, "عدة": 3,
})

# Qualifiers before a count ("منذ أكثر من أسبوع").
QUALIFIERS: dict[str, str] = _fold({
    "أكثر من": "more_than", "أقل من": "less_than", "نحو": "about", "حوالي": "about", "حوالى": "about",
    "قرابة": "about", "زهاء": "about", "ما يقرب من": "about", "ما يزيد على": "more_than",
    "ما يزيد عن": "more_than", "أزيد من": "more_than",
})

# Prepositions after which a bare month name is a month ("للتسليم في سبتمبر"): span is the month.
MONTH_PREPOSITIONS: tuple[str, ...] = tuple(normalize_key(w) for w in (
    "في", "منذ", "خلال", "حتى", "مطلع", "منتصف", "أواخر", "أوائل", "نهاية", "بداية", "لشهر", "شهر", "بشهر",
    # commodity contracts, Reuters style: "عقد أغسطس", "خام برنت تسليم سبتمبر"
    "عقد", "عقود", "تسليم", "لتسليم", "للتسليم"))

# Words before "اليوم" that make it not the publication day: the outlet "عين اليوم", the paper
# "اليوم" ("صحيفة اليوم"), and "هذا/ذلك/نفس اليوم" (a day named earlier in the text).
NOT_TODAY_BEFORE: frozenset[str] = frozenset(normalize_key(w) for w in (
    "عين", "صحيفة", "جريدة", "لصحيفة", "لجريدة", "هذا", "ذلك", "نفس", "ذات", "هذه"))

# Future markers before a bare weekday ("ستعقد يوم الخميس", "من المقرر أن ... يوم الأحد"): the
# weekday is then the next occurrence. A verb with the future prefix س (سي/ست/سن/سأ + stem) is
# detected by shape; the nouns below share that shape and are not verbs.
FUTURE_MARKERS: frozenset[str] = frozenset(normalize_key(w) for w in (
    "سوف", "يعتزم", "تعتزم", "نعتزم", "المقرر", "المتوقع", "المنتظر", "يرتقب", "يترقب", "المرتقب", "ينتظر",
    "يتوقع", "المزمع", "يزمع", "تزمع"))
NOT_FUTURE_VERBS: frozenset[str] = frozenset(normalize_key(w) for w in (
    "سيارة", "سيارات", "سياسة", "سياسي", "سياسية", "سياسيه", "سيطرة", "سيطره", "سيدة", "سيده", "سيول", "ستة",
    "ستين", "سنة", "سنه", "سنوات", "سنوي", "سنويا", "سنوية", "ستاد", "سياحة", "سياحي", "سياحية", "سياق", "سيناريو",
    "سيناء", "سيف", "سيرة", "سيره", "ستار", "ستارة", "سنغافورة", "سنتر", "سنتا", "سنترال", "سيمفونية",
    "سياج", "سيادة", "سياده", "سيتي", "سيول", "سيئة", "سييء", "ستوكهولم", "ستراتيجية", "سنابل"))

# Words before a bare year ("لأرباح 2015.") that make it not a year: number words, qualifiers,
# currencies and verbs of amount ("بلغ 2000.").
NOT_YEAR_BEFORE: frozenset[str] = frozenset(normalize_key(w) for w in (
    "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "بلغ", "بلغت", "يبلغ", "تبلغ", "إلى", "الى", "من", "على", "عن",
    "رقم", "برقم", "الرقم", "هاتف", "جوال", "ص.ب", "صندوق", "بريد", "كود", "مقابل", "بواقع", "قدره", "قدرها",
    "مجموع", "إجمالي", "اجمالي", "أصل", "بين", "و", "أو", "او", "عددهم", "عددها", "عدد", "بمعدل", "متوسط",
    "سعر", "بسعر", "مستوى", "نقطة", "عند", "لتصل", "ليصل", "ليبلغ", "لتبلغ", "وصل", "وصلت", "سجل", "سجلت",
    "ارتفع", "ارتفعت", "انخفض", "انخفضت", "تراجع", "تراجعت", "صعد", "صعدت", "هبط", "هبطت", "يوروفرست", "ستوكس",
    "كاك", "بورز", "تايمز", "نيكي", "فوتسي"))

# Event names followed by their year ("مونديال 2014", "أولمبياد ريو دي جانيرو الصيفي 2016",
# "إكسبو 2020"): the year is a date, not a quantity (the name may have up to four words between).
EVENT_NAMES: frozenset[str] = frozenset(normalize_key(w) for w in (
    "مونديال", "المونديال", "لمونديال", "أولمبياد", "الأولمبياد", "لأولمبياد", "بأولمبياد", "أولمبياد",
    "اكسبو", "إكسبو", "كأس", "بطولة", "دورة", "انتخابات", "رؤية", "موسم",
    # construct duals of two editions: "نهائيات مونديالي 2006 و2010"
    "مونديالي", "لمونديالي", "بطولتي", "دورتي", "أولمبيادي",
    # events named by their year in Arab news: "ثورة 2011", "حرب 1967", "انتفاضة 2000", "قمة 2015",
    # "ميزانية 2015"
    "ثورة", "حرب", "انتفاضة", "نكسة", "نكبة", "أحداث", "قمة", "ميزانية", "موازنة", "عيد"))

# Prepositions after which a bare Hijri month name is a month ("خلال رمضان", "منذ شوال").
HIJRI_MONTH_PREPOSITIONS: tuple[str, ...] = tuple(normalize_key(w) for w in (
    "في", "منذ", "خلال", "حتى", "مطلع", "منتصف", "أواخر", "أوائل", "نهاية", "بداية", "قبل", "بعد", "طوال"))
# Hijri month names that are also common words or names ("صفر" zero, "رجب" a first name).
AMBIGUOUS_HIJRI_MONTHS: frozenset[str] = frozenset(normalize_key(w) for w in ("صفر", "رجب"))
# Words just before a date that say which part of it is meant ("أواخر يوليو", "منتصف الشهر الماضي").
PART_QUALIFIERS: dict[str, str] = _fold({
    "منتصف": "mid", "أواسط": "mid", "أواخر": "late", "نهاية": "late", "أوائل": "early", "مطلع": "early",
    "بداية": "early", "مستهل": "early"})

# Ordinal days of a month, written as words ("من الثامن إلى العاشر من شهر ذي القعدة", "الأول من صفر",
# "للعشرين من شهر يوليو"): standard Arabic ordinals 1-10, the teens and the tens (masculine).
_UNITS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
ORDINAL_DAYS: dict[str, int] = _fold({
    **{word: k + 1 for k, word in enumerate(_UNITS)}, "العاشر": 10, "الحادي عشر": 11,
    **{f"{word} عشر": k + 1 + 10 for k, word in enumerate(_UNITS) if k > 0},
    "العشرين": 20, "الثلاثين": 30, "الحادي والعشرين": 21, "الحادي والثلاثين": 31,
    **{f"{word} والعشرين": k + 21 for k, word in enumerate(_UNITS) if k > 0},
})

# Ordinals of a part of a year or a month ("الربع الثاني", "الأسبوع الأخير"): index, -1 = the last.
PART_ORDINALS: dict[str, int] = _fold({
    "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": -1, "الاخير": -1})
# "الأشهر الستة الأولى", "التسعة أشهر الأولى": month counts of a part of a year.
MONTH_COUNTS: dict[str, int] = _fold({
    "الثلاثة": 3, "الثلاث": 3, "الستة": 6, "الست": 6, "التسعة": 9, "التسع": 9})
FIRST_LAST: dict[str, int] = _fold({"الأولى": 1, "الاولى": 1, "الأخيرة": -1, "الاخيرة": -1})
# Nouns of a period after which "من 2014" names a year ("بنفس الشهر من 2014").
PERIOD_OF_YEAR_NOUNS: tuple[str, ...] = tuple(normalize_key(w) for w in (
    "الشهر", "الفترة", "الفترات", "المدة", "الربع", "النصف", "الموسم", "الأشهر", "الشهور", "الأسبوع", "العام"))

# Definite names ending like a dual ("سلمت اليونان الاثنين دفعتين"): then الاثنين after them is Monday.
# Country and region names of the Arabic press.
NOT_DUAL_NAMES: frozenset[str] = frozenset(normalize_key(w) for w in (
    "اليونان", "السودان", "اليابان", "البلقان", "الفاتيكان", "الباكستان", "الأفغان", "البرلمان", "الطليان",
    "الشيشان", "الأمريكان", "الإخوان"))
