"""Arabic number words, units and currencies (keys in ``normalize_key`` form).

Source: standard Arabic grammar of the cardinal numbers (العدد والمعدود): both genders and the
nominative/accusative-genitive forms of 1-10, the teens (أحد عشر ... تسعة عشر), the tens
(عشرون/عشرين ...), hundreds written joined or apart (ثلاثمئة، ثلاث مائة), duals (مئتان، ألفان،
مليونين) and the construct duals (ألفي، ملياري); plural magnitudes (عشرات، مئات، آلاف، ملايين).
Currency ISO codes follow ISO 4217 (country adjectives pick the code; a bare riyal/dinar/pound
keeps a generic name because it is ambiguous).
"""

from __future__ import annotations

import re

from khabar.text.normalize import normalize_key

# kind: unit | teen_head | ten_word | ten | hundred | scale | scale_dual | scale_plural | vague |
#       fraction | def_scale_plural
NumberWord = tuple[str, float]

_UNITS = {
    1: ("واحد", "واحدة", "واحدا"),
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "ثنتان", "ثنتين"),
    3: ("ثلاثة", "ثلاث"),
    4: ("أربعة", "أربع"),
    5: ("خمسة", "خمس"),
    6: ("ستة", "ست"),
    7: ("سبعة", "سبع"),
    8: ("ثمانية", "ثماني", "ثمان"),
    9: ("تسعة", "تسع"),
}
_TEEN_HEADS = {1: ("أحد", "إحدى"), 2: ("اثنا", "اثني", "اثنتا", "اثنتي")}  # only before عشر/عشرة
_TEN_WORDS = ("عشرة", "عشر")
_TENS = {
    20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"), 50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"), 80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين"),
}
_HUNDRED_STEMS = {3: ("ثلاث",), 4: ("أربع",), 5: ("خمس",), 6: ("ست",), 7: ("سبع",), 8: ("ثمان", "ثماني"),
                  9: ("تسع",)}
_SCALES = {
    1e3: ("ألف", "ألفا"), 1e6: ("مليون", "مليونا"), 1e9: ("مليار", "مليارا", "بليون", "بليونا"),
    1e12: ("تريليون", "تريليونا"),
}
_SCALE_DUALS = {1e3: ("ألفان", "ألفين", "ألفي"), 1e6: ("مليونان", "مليونين", "مليوني"),
                1e9: ("ملياران", "مليارين", "ملياري", "بليونين"), 1e12: ("تريليونين",)}
_SCALE_PLURALS = {1e3: ("آلاف", "ألوف"), 1e6: ("ملايين",), 1e9: ("مليارات", "بلايين"),
                  1e12: ("تريليونات",)}


def _build() -> dict[str, NumberWord]:
    table: dict[str, NumberWord] = {}

    def add(kind: str, value: float, *forms: str) -> None:
        for form in forms:
            table.setdefault(normalize_key(form), (kind, value))

    for value, forms in _UNITS.items():
        add("unit", value, *forms)
    for value, forms in _TEEN_HEADS.items():
        add("teen_head", value, *forms)
    add("ten_word", 10, *_TEN_WORDS)
    for value, forms in _TENS.items():
        add("ten", value, *forms)
    add("hundred", 100, "مئة", "مائة")
    add("hundred_dual", 200, "مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مئتي", "مائتا", "مائتي")
    for unit, stems in _HUNDRED_STEMS.items():
        for stem in stems:
            add("hundred_full", unit * 100, stem + "مئة", stem + "مائة")
    for value, forms in _SCALES.items():
        add("scale", value, *forms)
    for value, forms in _SCALE_DUALS.items():
        add("scale_dual", value, *forms)
    for value, forms in _SCALE_PLURALS.items():
        add("scale_plural", value, *forms)
        add("def_scale_plural", value, *("ال" + f for f in forms))
    add("vague", 10, "عشرات")
    add("vague", 100, "مئات", "مئآت")
    add("vague_few", 3, "بضعة", "بضع")
    add("fraction", 0.5, "نصف")
    add("fraction", 0.25, "ربع")
    add("fraction", 1 / 3, "ثلث")
    return table


NUMBER_WORDS: dict[str, NumberWord] = _build()
# Words that are numbers only with a word after them (never at a clause end): ست "lady", خمس "fifth".
WEAK_UNITS: frozenset[str] = frozenset(normalize_key(w) for w in ("ست", "خمس", "سبع", "تسع", "ثمان", "ربع", "نصف", "ثلث"))

PERCENT_WORDS: tuple[tuple[str, ...], ...] = tuple(tuple(normalize_key(w) for w in words) for words in (
    ("بالمئة",), ("بالمائة",), ("بالمية",), ("في", "المئة"), ("في", "المائة"), ("في", "المية"),
    ("بالمئة",), ("بالميه",), ("نقطة", "مئوية"), ("بالألف",),
))
PERCENT_UNITS: dict[str, str] = {
    normalize_key("نقطة"): "percentage_point", normalize_key("بالألف"): "per_mille",
}

# Currency nouns (singular, dual, plural, accusative) -> generic unit; adjectives refine to ISO 4217.
_CURRENCIES = {
    "USD": ("دولار", "دولارا", "دولارات", "دولاران", "دولارين", "دولاري"),
    "EUR": ("يورو",),
    "riyal": ("ريال", "ريالا", "ريالات", "ريالان", "ريالين", "ريالي"),
    "dinar": ("دينار", "دينارا", "دنانير", "ديناران", "دينارين"),
    "lira": ("ليرة", "ليرات", "ليرتين", "ليرتان"),
    "pound": ("جنيه", "جنيها", "جنيهات", "جنيهين"),
    "dirham": ("درهم", "درهما", "دراهم", "درهمين"),
    "GBP": ("إسترليني", "استرليني"),
    "CNY": ("يوان",),
    "RUB": ("روبل", "روبلات"),
    "JPY": ("ين",),
    "toman": ("تومان",),
    "rupee": ("روبية", "روبيات"),
    "cent": ("سنت", "سنتا", "سنتات"),
}
CURRENCIES: dict[str, str] = {normalize_key(f): code for code, forms in _CURRENCIES.items() for f in forms}
_CURRENCY_ADJECTIVES = {
    "riyal": {"سعودي": "SAR", "قطري": "QAR", "يمني": "YER", "عماني": "OMR", "إيراني": "IRR", "ايراني": "IRR"},
    "dinar": {"عراقي": "IQD", "كويتي": "KWD", "أردني": "JOD", "بحريني": "BHD", "تونسي": "TND", "ليبي": "LYD",
              "جزائري": "DZD"},
    "lira": {"سورية": "SYP", "سوري": "SYP", "لبنانية": "LBP", "لبناني": "LBP", "تركية": "TRY", "تركي": "TRY"},
    "pound": {"مصري": "EGP", "إسترليني": "GBP", "استرليني": "GBP", "سوداني": "SDG"},
    "dirham": {"إماراتي": "AED", "اماراتي": "AED", "مغربي": "MAD"},
    "USD": {"أمريكي": "USD", "أميركي": "USD", "كندي": "CAD", "أسترالي": "AUD", "استرالي": "AUD"},
}
CURRENCY_ADJECTIVES: dict[str, dict[str, str]] = {
    generic: {normalize_key(adj): code for adj, code in adjs.items()} | {
        normalize_key(adj)[:-1] + "ا": code for adj, code in adjs.items() if adj.endswith("ي")}
    for generic, adjs in _CURRENCY_ADJECTIVES.items()
}

_MEASURES = {
    "km": ("كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كم", "كيلو متر"),
    "m": ("متر", "مترا", "أمتار", "م"),
    "cm": ("سنتيمتر", "سنتيمترا", "سنتيمترات", "سم"),
    "kg": ("كيلوغرام", "كيلوغراما", "كيلوغرامات", "كيلوجرام", "كيلوجراما", "كجم", "كغ", "كيلو"),
    "g": ("غرام", "غراما", "جرام", "جراما"),
    "t": ("طن", "طنا", "أطنان"),
    "l": ("لتر", "لترا", "لترات"),
    "barrel": ("برميل", "برميلا", "براميل"),
    "ha": ("هكتار", "هكتارا", "هكتارات"),
    "MW": ("ميغاواط", "ميجاوات", "ميغاوات", "ميجاواط"),
    "mile": ("ميل", "ميلا", "أميال"),
    "degree": ("درجة", "درجات"),
    "celsius": ("درجة مئوية", "درجات مئوية", "درجة مئويه"),
    "km/h": ("كم/ساعة", "كم/س", "كيلومتر في الساعة", "كيلومترا في الساعة", "كلم/ساعة", "كم في الساعة"),
    "point": ("نقطة", "نقاط"),
    "km2": ("كيلومتر مربع", "كيلومترا مربعا", "كم مربع", "كم2"),
    "m2": ("متر مربع", "مترا مربعا", "م2"),
    "m3": ("متر مكعب", "مترا مكعبا", "أمتار مكعبة", "م3", "م مكعب"),
}
MEASURES: dict[tuple[str, ...], str] = {
    tuple(re.findall(r"[^\W\d_]+|\d+|\S", normalize_key(f))): code for code, forms in _MEASURES.items() for f in forms
}

# Words before a number that qualify it (longest first when matching).
QUALIFIERS: dict[tuple[str, ...], str] = {tuple(normalize_key(w).split()): q for w, q in {
    "أكثر من": "more_than", "اكثر من": "more_than", "أزيد من": "more_than", "ما يزيد على": "more_than",
    "ما يزيد عن": "more_than", "ما يربو على": "more_than", "ما لا يقل عن": "at_least", "لا يقل عن": "at_least",
    "أقل من": "less_than", "ما لا يزيد على": "at_most",
    # verbs of approaching and exceeding right before the figure ("بقيمة تقارب 2.3 مليار")
    "تقارب": "about", "يقارب": "about", "قاربت": "about", "قارب": "about", "تناهز": "about", "يناهز": "about",
    "ناهز": "about", "ناهزت": "about", "تتجاوز": "more_than", "يتجاوز": "more_than", "تجاوز": "more_than",
    "تجاوزت": "more_than", "تفوق": "more_than", "يفوق": "more_than", "فاق": "more_than", "فاقت": "more_than",
    "تزيد على": "more_than", "يزيد على": "more_than", "تزيد عن": "more_than", "يزيد عن": "more_than",
    "تربو على": "more_than", "يربو على": "more_than", "لا تقل عن": "at_least", "ما لا تقل عن": "at_least", "ما لا يزيد عن": "at_most", "نحو": "about",
    "حوالي": "about", "حوالى": "about", "قرابة": "about", "زهاء": "about", "ما يقارب": "about",
    "ما يقرب من": "about", "تقريبا": "about", "قرابة الـ": "about", "نحو الـ": "about",
}.items()}

# Words after a number that are not what it counts.
NOT_COUNTED: frozenset[str] = frozenset(normalize_key(w) for w in (
    "في", "من", "على", "إلى", "الى", "عن", "مع", "أو", "او", "ثم", "حتى", "منذ", "خلال", "بعد", "قبل",
    "عند", "لدى", "بين", "إلى", "هو", "هي", "هم", "التي", "الذي", "الذين", "كما", "لكن", "أن", "إن", "قد",
    "لا", "لم", "لن", "ما", "هذا", "هذه", "ذلك", "تلك", "فقط", "أيضا", "تقريبا", "نحو", "حيث", "عام", "سنة",
    # comparisons and positions after a figure ("125.66 مقارنة بـ125.27", "نقطة واحدة أمام مطارده")
    "مقارنة", "مقابل", "أمام", "خلف", "ضد", "بنسبة", "بزيادة", "بارتفاع", "بانخفاض", "بعدما", "بينما",
))

# Counted nouns recognised in the dual (قتيلين -> 2 قتيل): singular forms (standard news vocabulary).
DUAL_NOUNS: tuple[str, ...] = (
    "قتيل", "جريح", "شخص", "طفل", "طفلة", "جندي", "عنصر", "رجل", "امرأة", "شاب", "شرطي", "ضابط", "يوم", "شهر", "عام", "سنة", "أسبوع", "ساعة", "دقيقة", "مرة", "دولة", "طائرة", "سيارة", "صاروخ",
    "قذيفة", "منزل", "هجوم", "انفجار", "هدف", "نقطة", "مقعد", "قرية", "مدينة", "مليار", "فريق", "مباراة",
    "طالب", "طالبة", "سجين", "حالة", "وفاة", "فتاة",
    "قطار", "سفينة", "حافلة", "مروحية", "دبابة", "مدرسة", "مسجد", "شقيق", "شقيقة",
    "سيدة", "رحلة", "شركة", "جولة", "عملية", "مشروع", "منطقة",
)
# Not added: nouns whose sound plural or broken plural looks like a dual (مواطنين، مقيمين، مصابين،
# لاعبين، بلدان).
# Dual-looking forms that are names: "طالبان" (the Taliban), not two students.
NOT_DUALS: frozenset[str] = frozenset(normalize_key(w) for w in ("طالبان",))
# Sound masculine plurals look like duals (مسلحين، مدنيين، لاعبين): such nouns are left out above.

# Ordinals before عشر/عشرة ("الخامس عشر", "حادي عشر"): then عشر is not the number 10.
ORDINALS: frozenset[str] = frozenset(normalize_key(w) for w in (
    "حادي", "الحادي", "ثاني", "الثاني", "ثالث", "الثالث", "رابع", "الرابع", "خامس", "الخامس", "سادس",
    "السادس", "سابع", "السابع", "ثامن", "الثامن", "تاسع", "التاسع", "حادية", "الحادية", "ثانية", "الثانية",
    "ثالثة", "الثالثة", "رابعة", "الرابعة", "خامسة", "الخامسة", "سادسة", "السادسة", "سابعة", "السابعة",
    "ثامنة", "الثامنة", "تاسعة", "التاسعة",
))

# Words after which a number is part of a name, not a quantity: stock indices ("يوروفرست 300",
# "ستاندرد آند بورز 500", "كاك 40", "فايننشال تايمز 100", "نيكي 225"; names as written by Arabic
# financial news agencies) and the clock ("الساعة 12", "الساعة 1438 بتوقيت جرينتش").
NAME_BEFORE_NUMBER: frozenset[str] = frozenset(normalize_key(w) for w in (
    "يوروفرست", "ستوكس", "كاك", "بورز", "تايمز", "فوتسي", "نيكي", "نيكاي", "راسل", "داكس", "إم إس سي آي",
    "الساعة", "الساعه", "للساعة", "بالساعة",
    # numbers that name or point, not count: articles of a law, match minutes, phone numbers, codes
    "المادة", "المواد", "بالمواد", "للمادة", "بالمادة", "البند", "الفقرة", "الدقيقة", "رقم", "برقم", "الرقم",
    "القرار", "قرار", "بالقرار", "للقرار", "والقرار",
    "هاتف", "الهاتف", "جوال", "الجوال", "واتساب", "فاكس", "الفاكس", "كود", "رمز", "الرمز", "الحلقة", "الجولة",
    "مونديال", "المونديال", "أولمبياد", "الأولمبياد", "إكسبو", "مونديالي",
))

# The number of an edition, a stage or a rank, written after its definite noun: "البطولة ١٢
# للمنتخبات الخليجية", "الدورة 16 لكأس الخليج", "احتل المركز 3 في" (an ordinal, not a count);
# a name only when what follows is not a counted noun ("يشارك في البطولة 12 منتخبا" counts teams).
# Source: the sports pages of the Saudi press (SaudiNewsNet, July 2015).
EDITION_BEFORE_NUMBER: frozenset[str] = frozenset(normalize_key(w) for w in (
    "البطولة", "للبطولة", "بالبطولة", "الدورة", "للدورة", "بالدورة", "النسخة", "للنسخة", "بالنسخة", "الطبعة",
    "المرحلة", "للمرحلة", "بالمرحلة", "المركز", "بالمركز", "المرتبة", "بالمرتبة", "الأسبوع", "للأسبوع"))

# Words of a football report: with them, a bare figure in brackets after a player's name is the
# minute of a goal ("بهدفين لسيباستيان بالاسيوس (27) وجوناثان كاليري (53)"), a name, not a count.
# Matched as substrings of the normalized text (stems: هدف covers أهداف، بهدفين، الهدف).
SCORING_WORDS: tuple[str, ...] = tuple(normalize_key(w) for w in (
    "هدف", "سجل", "تسجيل", "ثلاثية", "ثنائية", "رباعية", "ركلة جزاء", "مرمى"))

# Parts of the day after a clock time ("7 مساء", "من ٧ إلى ٨.٣٠ مساءً"): the number before is an hour.
TIME_OF_DAY: frozenset[str] = frozenset(normalize_key(w) for w in (
    "صباحا", "صباح", "مساء", "مساءا", "مساءً", "ظهرا", "ظهر", "عصرا", "عصر", "فجرا", "فجر", "ليلا", "ليل",
))

# Words that make "من X إلى Y" a change (X then Y: two numbers) rather than a range of counts:
# verbal nouns and verbs of rising, falling, raising and cutting (stems, matched as prefixes after
# a proclitic and the article are removed).
CHANGE_STEMS: tuple[str, ...] = tuple(normalize_key(w) for w in (
    "ارتفع", "ارتفاع", "يرتفع", "ترتفع", "زياد", "زاد", "يزيد", "تزيد", "رفع", "يرفع", "ترفع", "ترقي", "تراجع",
    "يتراجع", "انخفض", "انخفاض", "ينخفض", "تنخفض", "هبط", "هبوط", "يهبط", "صعد", "صعود", "نما", "نمو", "ينمو",
    "قفز", "يقفز", "تقليص", "قلص", "خفض", "تخفيض", "يخفض", "تغيير", "تحول", "تحويل", "تعديل", "انتقل", "نقل",
    "تضاعف", "ضاعف", "زيد", "تطور", "وصل", "يصل",
))

# Singular nouns after which "الـ20" is an ordinal or a name, not a count ("للشهر الـ20 على التوالي",
# "القرن الـ11", "الدورة الـ16", "اللقاء التشاوري الـ15"); keys without the article.
ORDINAL_NOUNS: frozenset[str] = frozenset(normalize_key(w) for w in (
    "شهر", "قرن", "عام", "دورة", "نسخة", "جولة", "مركز", "دور", "أسبوع", "يوم", "ذكرى", "مرتبة", "حلقة",
    "موسم", "لقاء", "قمة", "مؤتمر", "مطار", "مرة", "طبعة", "بطولة", "وجهة", "فقرة", "مادة", "بند", "صفحة",
    "تشاوري", "سنوي", "سنوية", "عيد"))
