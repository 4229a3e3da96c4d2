"""Word tokens with folded forms and clitic-stripped variants, plus the closed word classes the
attribution rules need. Word lists: own curation from Arabic news style."""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.caches import WORD_CACHE_SIZE
from khabar.text.normalize import normalize_key

_TOKEN_RE = re.compile(r"[\w\u064B-\u065F\u0670\u0640\u06D6-\u06ED]+|[^\s\w]", re.UNICODE)
QUOTE_MARKS = frozenset("\u201c\u201d\u201e\u201f\"\u00ab\u00bb\uff02")
SENTENCE_END = frozenset(".!?؟")
CLAUSE_PUNCT = frozenset("،,؛;")


@dataclass(slots=True)
class Tok:
    index: int
    start: int
    end: int
    text: str
    norm: str
    is_word: bool

    @property
    def bare(self) -> str:
        """The form without a leading و/ف conjunction (kept when the rest is too short)."""
        return strip_conj(self.norm)


def strip_conj(norm: str) -> str:
    if len(norm) > 3 and norm[0] in "وف":
        return norm[1:]
    return norm


_WORD_CACHE: dict[str, tuple[str, bool]] = {}  # word -> (folded form, is a word)


def tokenize_words(text: str) -> list[Tok]:
    out: list[Tok] = []
    cache = _WORD_CACHE
    if len(cache) > WORD_CACHE_SIZE:
        cache.clear()
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        known = cache.get(word)
        if known is None:
            folded = normalize_key(word)  # a run of tatweel (ـــ, used as a separator) folds to "": not a word
            known = cache[word] = (folded, any(ch.isalnum() for ch in folded))
        out.append(Tok(len(out), match.start(), match.end(), word, known[0], known[1]))
    return out


def _fold(words: str) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words.split())


# Complementizers that open reported speech (folded; with attached pronouns).
COMPLEMENTIZERS = _fold("""
إن أن ان إنه أنه انه إنها أنها انها إنهم أنهم انهم إنهما أنهما إنني أنني إنا أنا إننا أننا إنكم أنكم
بأن بان بأنه بانه بأنها بأنهم بأنهما بأننا فإن فان فإنه فإنها فإنهم
""")
PREPOSITIONS = _fold("في خلال إلى الى على عن من مع عبر أمام لدى منذ بعد قبل عند حول بشأن إزاء تجاه ضمن أثناء بين")
TIME_WORDS = _fold("""
اليوم أمس الأمس بالأمس أمسي مساء صباح ظهر ليل ليلة فجر مساءأمس الليلة البارحة غدا الآن حاليا أيضا كذلك
الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم
""")
# Role nouns that may be followed by a prepositional phrase inside the speaker phrase
# (مقدم في الجيش العراقي، مصدر في الوزارة، المتحدث باسم الخارجية).
ROLE_NOUNS = _fold("""
مصدر مصادر مسؤول مسؤولة مسؤولون مسؤولين مقدم عقيد عميد لواء رائد نقيب ملازم ضابط ضباط عضو أعضاء نائب
قائد قيادي متحدث المتحدث الناطق ناطق خبير خبراء باحث أستاذ مدير رئيس مستشار ممثل سفير مندوب مراسل شاهد
شهود سكان ناشط ناشطون ناشطين عنصر عناصر قيادية مسؤولو
""")
INNER_LINKS = _fold("في باسم بن ابن بنت أبو أبي لدى")
# Words that end a subject phrase or cannot start one.
FUNCTION_WORDS = _fold("""
هو هي هم هما نحن أنا ذلك هذا هذه تلك الذي التي الذين ما ماذا لا لم لن قد كان كانت كما حيث بينما فيما إذا
إذ لكن لكنه لكنها ولكنه ولكنها ولكن كانوا كان كانت وكان وكانت يكون تكون أي كل بعض غير إلا ثم أو أم حتى عندما بما بأنه مما لما وهو وهي أنه إنه ليس قائلا
""")
# Source nouns: a source phrase (بحسب ...) names a speaker only when its head is one of these,
# a named entity, or ما + a cue verb.
SOURCE_HEADS = _fold("""
مصدر مصادر المصدر المصادر وكالة الوكالة صحيفة الصحيفة موقع الموقع قناة القناة تلفزيون التلفزيون إذاعة
وسائل مسؤول مسؤولين مسؤولون بيان البيان تقرير التقرير تقارير التقارير شهود الشهود سكان السكان الأهالي أهالي
ناشطون ناشطين الناشطين مراسل مصادرنا مراقبون المرصد مرصد إحصاءات إحصائيات أرقام تقديرات دراسة مسح
الأمم المنظمة منظمة متحدث المتحدث الناطق ناطق ذات نفس شاهد مصادره قول تصريحات تصريح
""")
SAME_SOURCE = _fold("ذات نفس")
ADDRESSEE_PRONOUNS = {normalize_key(w): w for w in ("له", "لها", "لهم", "لهما", "لي", "لنا", "لك", "لكم")}
OBJECT_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه", "ني", "نا", "ك")
OUTLET_WORDS = _fold("وكالة الوكالة صحيفة موقع قناة تلفزيون إذاعة المصدر مصدر")
COMMUNICATION_VERBS = _fold("شرح قال أبلغ أوضح أكد تحدث قلت أبلغت أخبر أخبرت تحدثت شرحت")
CONNECTORS = _fold("حيث بينما فيما كما و ثم")
# Given names that look like imperfect verbs (ي...), so that a speaker phrase may hold them.
VERB_LIKE_NAMES = _fold("يوسف يحيى يحيي يعقوب يونس يزيد ياسر ياسين يسري يمنى يوليو يونيو يناير")
# Nouns that open a verb's object rather than its subject or its words (أكد أهمية ...، جدد دعمه ...).
OBJECT_NOUNS = _fold("""
أهمية ضرورة رفض دعم حرص استعداد التزام تمسك ثقة أمل ترحيب تأييد إدانة استنكار قلق حق موقف عزم
""")
# A quotation opening with one of these continues the lead-in (مشيرا "الى التقدم ...").
FRAGMENT_PREPOSITIONS = _fold("الى إلى على عن")
# Cues that may follow their quotation with no comma: «...» قال فلان.
BACK_CUES = frozenset("قال أضاف تابع أكد أوضح".split())
# Media outlets: a source phrase headed by one relays a statement rather than making one.
MEDIA_WORDS = _fold("وكالة الوكالة وكالات صحيفة الصحيفة موقع الموقع قناة القناة تلفزيون التلفزيون إذاعة الإذاعة")
