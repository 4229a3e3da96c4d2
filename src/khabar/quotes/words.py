"""The tokens the attribution rules read (the text stage's), plus the closed word classes the
attribution rules need. Word lists: own curation from Arabic news style."""

from __future__ import annotations

from khabar.document import Document, Token
from khabar.text.normalize import normalize_key

QUOTE_MARKS = frozenset("\u201c\u201d\u201e\u201f\"\u00ab\u00bb\uff02")
SENTENCE_END = frozenset(".!?؟")
CLAUSE_PUNCT = frozenset("،,؛;")


# The text stage's tokens (offsets, surface text, folded ``norm``, ``is_word``) are read as they are.
Tok = Token


def strip_conj(norm: str) -> str:
    """The form without a leading و/ف conjunction (kept when the rest is too short)."""
    if len(norm) > 3 and norm[0] in "وف":
        return norm[1:]
    return norm


def source_tokens(doc: Document) -> list[Token]:
    """The tokens of ``doc``: those of the text stage when it ran (no second tokenization), else
    the text core's tokenizer run here."""
    if doc.tokens:
        return doc.tokens
    from khabar.text.tokenize import tokenize
    return tokenize(doc.text)


def _fold(words: str) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words.split())


# Complementizers that open reported speech (folded; with attached pronouns).
COMPLEMENTIZERS = _fold("""
إن أن ان إنه أنه انه إنها أنها انها إنهم أنهم انهم إنهما أنهما إنني أنني إنا أنا إننا أننا إنكم أنكم
بأن بان بأنه بانه بأنها بأنهم بأنهما بأننا فإن فان فإنه فإنها فإنهم
""")
PREPOSITIONS = _fold("في خلال إلى الى على عن من مع عبر أمام لدى منذ بعد قبل عند حول بشأن إزاء تجاه ضمن أثناء بين "
                     "بسبب جراء إثر عقب وسط")
# Prepositions with an attached pronoun (فيها، عليه، منهم): never the start of a speaker phrase.
PREP_PRONOUNS = frozenset(stem + suffix for stem in ("في", "علي", "عن", "من", "مع", "الي", "ب", "ل", "عند", "لدي")
                          for suffix in ("ه", "ها", "هم", "هما"))
TIME_WORDS = _fold("""
اليوم أمس الأمس بالأمس أمسي مساء صباح ظهر ليل ليلة فجر مساءأمس الليلة البارحة غدا الآن حاليا أيضا كذلك
الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم
بوضوح صراحة بصراحة مرارا مجددا مؤخرا سابقا آنذاك انذاك حينها حينذاك بدوره بدورها بدورهم أخيرا كذلك
يومها وقتها يومئذ حينئذ
""")
# Auxiliary verbs before an imperfect cue (ومضى يقول، وعاد ليؤكد، وظل يردد): the cue's subject is
# the running speaker, not the auxiliary.
AUX_VERBS = _fold("مضى مضت عاد عادت ظل ظلت راح راحت استمر استمرت واصل واصلت أخذ أخذت")
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
إذ لكن لكنه لكنها ولكنه ولكنها ولكن كانوا كان كانت وكان وكانت يكون تكون أي كل غير إلا وهو وهي وهم وهما فهو فهي فهم ثم أو أم حتى عندما بما بأنه مما لما وهو وهي أنه إنه ليس قائلا
""")
# Source nouns: a source phrase (بحسب ...) names a speaker only when its head is one of these,
# a named entity, or ما + a cue verb.
SOURCE_HEADS = _fold("""
مصدر مصادر المصدر المصادر وكالة الوكالة صحيفة الصحيفة موقع الموقع قناة القناة تلفزيون التلفزيون إذاعة
وسائل مسؤول مسؤولين مسؤولون بيان البيان تقرير التقرير تقارير التقارير شهود الشهود سكان السكان الأهالي أهالي
ناشطون ناشطين الناشطين مراسل مصادرنا مراقبون المرصد مرصد إحصاءات إحصائيات أرقام تقديرات دراسة مسح
الأمم المنظمة منظمة متحدث المتحدث الناطق ناطق ذات نفس شاهد مصادره قول تصريحات تصريح
منظمات المنظمات مقربين مقربون المقربين أوساط الأوساط دبلوماسيين دبلوماسيون خبراء الخبراء محللون محللين
مراقبين المراقبين
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
# Imperfect cues that, clause-initial with no subject, read as agentless passives (يُرجَّح أن، يُعتقد أن).
IMPERSONAL_CUES = _fold("يرجح يعتقد يتوقع يقال يعتبر يزعم يفترض")
# Agentless notes of the reporter (يذكر أن …: "it is worth noting"): no statement of anyone.
NOTE_CUES = _fold("يذكر ويذكر")
# Names whose first word reads as a complementizer (بان كي مون): (that word, the next word).
NAME_NOT_COMP = frozenset((normalize_key(a), normalize_key(b)) for a, b in (("بان", "كي"),))
# Circumstantial participles that open a new clause of the reporter without being speech cues
# (…، مبديا ثقته …، معربا عن …): they end a reported clause.
CLAUSE_PARTICIPLES = _fold("""
مبديا مبدية مبدين معربا معربة معبرا معبرة مقدما مقدمة متمنيا متمنية مطالبا مطالبة مثمنا مثمنة مشيدا مشيدة
متوعدا متوعدة مهددا مهددة معلقا معلقة
""")
# Cues of plain saying: a quotation right after them is direct speech even when it opens with a noun.
SAY_LEMMAS = frozenset("قال أضاف تابع أردف استطرد صرح كتب هتف تساءل أجاب سأل".split())
# Cues that may follow their quotation with no comma: «...» قال فلان.
BACK_CUES = frozenset("قال أضاف تابع أكد أوضح".split())
# Media outlets: a source phrase headed by one relays a statement rather than making one.
MEDIA_WORDS = _fold("وكالة الوكالة وكالات صحيفة الصحيفة موقع الموقع قناة القناة تلفزيون التلفزيون إذاعة الإذاعة")

# Topic openers: a sentence that opens with one of them (وعن رؤيته للبطولة قال: …، وفيما يخص X قال: …,
# وبشأن …) puts the topic before the verb, not the speaker. Source: the Khabar team's reading of
# Arabic news style (interviews, press conferences); no external list.
TOPIC_OPENERS = _fold("عن وعن حول وحول بشأن وبشأن بخصوص وبخصوص")
TOPIC_VERBS = _fold("يخص يتعلق")  # فيما يخص، وفيما يتعلق بـ

# Adjectives that link a source to its circle with من/على (مصدر مقرب من الرئيس، مصادر مطلعة على الملف):
# the prepositional phrase belongs to the speaker phrase. Source: Arabic news style (own curation).
SOURCE_LINK_ADJECTIVES = _fold("مقرب مقربة مقربون مقربين قريب قريبة قريبون قريبين مطلع مطلعة مطلعون مطلعين")
# Quantifiers heading a source phrase (بحسب بعض العارفين، وفقا لعدد من المراقبين). Own curation.
SOURCE_QUANTIFIERS = _fold("بعض أحد عدد")
# Month names of both systems and their qualifiers, skipped in a lead-in (أصدرته في مايو (أيار)
# الماضي أن …). Source: the standard Gregorian month names in Arabic (Egyptian/Gulf and Levantine).
MONTH_WORDS = _fold("""
يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الثاني الأول الماضي المقبل الحالي
""")
# Relative pronouns of a generic clause (لست ممن يرى أن …): the cue names no speaker.
GENERIC_RELATIVES = _fold("ممن لمن عمن")
# Particles of the subjunctive before a verb (أن تحدث، لن يقول، كي يقول): no statement is reported.
SUBJUNCTIVE = _fold("أن لن كي لكي")
# Cue lemmas that never introduce colon speech: رأى is also "to see" (رأوا فيما فعل الآتي: …).
NO_COLON_LEMMAS = frozenset(("رأى",))
