"""Conservative Arabic clitic segmentation guided by word frequencies.

A word is cut into proclitics (conjunction و/ف, then one of the prepositions ب/ل/ك or the future
marker س, then the article ال; ل + ال is written لل), a stem, and an enclitic pronoun. Proclitics
and enclitics are peeled one at a time (conjunction, preposition, enclitic); each step is kept only
when the form left after it is clearly a word of its own, judged with the Arabic Zipf frequencies
of the ``wordfreq`` package: the remaining form must be at least as frequent as the form before
the step, by a margin that grows as the remaining stem gets shorter. Names therefore stay whole
(وزير, واشنطن, بشار, كيري, لبنان, ليبيا are each far more frequent than زير, اشنطن, شار, يري, بنان,
يبيا), while و+الموصل, ب+ال+موصل, ل+كيري, ل+أجيب+ه are cut. The article is split by rule
(ال + at least two letters), except in the listed words where ال is not an article.

The analysis works on the word's letters only (diacritics and tatweel skipped) and returns letter
counts, so segments keep exact original offsets whatever marks the word carries.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.document import Segment
from khabar.text.frequency import zipf

# Arabic letters a segmentable word may consist of (hamza..yeh, plus the letters used for Persian
# and loanword sounds). Words with any other letter (Latin etc.) are never segmented.
ARABIC_WORD_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset("پچڤگکی")
_MARK_SET = frozenset(
    chr(c) for lo, hi in ((0x0300, 0x036F), (0x0610, 0x061A), (0x064B, 0x065F), (0x06D6, 0x06ED))
    for c in range(lo, hi + 1)
) | frozenset("\u0670\u0640\u200c\u200d")

CONJUNCTIONS = ("و", "ف")  # wa-, fa- (Buckwalter w+, f+)
PREPOSITIONS = ("ب", "ل", "ك")  # bi-, li-, ka-
FUTURE = "س"  # sa- before an imperfect verb
FUTURE_NEXT = frozenset("يتنأ")  # the imperfect prefixes that may follow sa-
ARTICLE = "ال"

# Enclitic pronouns (Buckwalter +h +hA +hm +hmA +hn +km +kmA +kn +nA +ny +y +k), longest first,
# with the shortest stem each may leave. ي and ك (and ني) also end countless nouns and names
# (عربي, روسي, بنك, ملك), so they need a longer stem and a stronger frequency gain.
ENCLITICS: tuple[tuple[str, int], ...] = (
    ("هما", 2), ("كما", 3), ("ها", 2), ("هم", 2), ("هن", 2), ("كم", 3), ("كن", 3), ("نا", 3),
    ("ني", 3), ("ه", 2), ("ي", 3), ("ك", 3),
)
RISKY_ENCLITICS = frozenset({"ي", "ك", "ني", "كن", "كما"})
RISKY_EXTRA_GAIN = 0.7

# Words starting with ال whose ال is not the article (relative pronouns, particles, the name of God,
# and foreign names that happen to begin with Al-); source: standard Arabic grammar + frequent names.
ARTICLE_EXCEPTIONS = frozenset({
    "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللائي", "اللواتي",
    "الى", "الي", "الا", "الله", "اللهم", "الان", "الآن",
    "المانيا", "الكسندر", "اليكس", "الياس", "الفريد", "البرت", "الينوي", "الاباما", "الاسكا",
    "البانيا", "اليسا", "الفونسو", "الن", "اليزابيث", "البرتو",
})
# Particles a preposition never attaches to (بالي is Bali or "in mind", not ب + إلى).
NO_PREPOSITION_BEFORE = frozenset({"الى", "الي", "الا", "الذي", "التي", "الذين"})
# Frequent function words that are never cut although they look like clitic + word.
NEVER_SPLIT = frozenset({
    "كما", "لكن", "لكي", "لدى", "لذا", "لله", "بل", "كي", "لن", "لم", "لا", "ليس", "لعل", "كأن",
    "بين", "بعد", "لما", "مما", "عما", "فقط", "فوق", "بدون", "لأن", "لان", "كلا", "كلما", "بينما", "لولا", "لوما", "فيما",
})

CONJUNCTION_LONG_GAIN = -0.6  # و/ف + frequent 4+ letter word: the whole may be ~4 times more frequent
ARTICLE_FORM_GAIN = -1.2  # clitic + ال + stem may be up to ~16 times rarer than the ال-form and still cut
MIN_ZIPF = 2.0
MAX_WORD_CHARS = 60  # longer "words" (runs of letters, heavily vocalized text aside) are not segmented

# Closed-class words that و/ف attach to (وهو, فقد, ولم): cut whatever their frequencies.
CONJUNCT_FUNCTION_WORDS = frozenset({
    "هو", "هي", "هم", "هما", "هن", "نحن", "أنا", "أنت", "أنتم", "قد", "لم", "لن", "لا", "ما", "من",
    "في", "إن", "أن", "إذ", "إذا", "لو", "لكن", "لقد", "كان", "كانت", "هذا", "هذه", "ذلك", "تلك",
    "هؤلاء", "أو", "أي", "أيضا", "كل", "بعد", "قبل", "عن", "على", "إلى", "مع", "منذ", "حتى", "كما",
    "لذلك", "بين", "عند", "غير", "ليس", "لعل", "كأن", "كأنه", "بل", "ثم", "إنه", "أنه", "إنها", "أنها",
})
# Frequent prepositional forms whose whole is more frequent than their stem (source: the most
# frequent clitic forms of a 1,500-article SaudiNewsNet sample); always cut.
ALWAYS_SPLIT = frozenset({
    "بسبب", "بشكل", "بحسب", "بهدف", "بعنوان", "بمثابة", "بمناسبة", "لمدة", "للغاية", "بالإضافة",
    "بسرعة", "لصالح", "بفضل", "بدلا", "بواسطة", "بخصوص", "بشأن", "بنسبة", "بقيمة", "بمشاركة",
    "بحضور", "بالنسبة", "بالفعل", "بالتالي", "بالقرب", "بالضبط", "بالأمس",
})  # the final stem form must be at least this frequent (about 1 per 10 M words)


def _required_gain(stem_letters: int) -> float | None:
    """How much more frequent (in Zipf units) the form after a step must be; None: too short."""
    if stem_letters >= 4:
        return 0.1
    if stem_letters == 3:
        return 0.5
    if stem_letters == 2:
        return 0.8
    return None


def _stem_zipf(stem: str) -> float:
    """Frequency of a stem left by an enclitic, undoing the spelling changes a suffix causes."""
    candidates = [stem]
    last = stem[-1]
    if last == "ت":
        candidates.append(stem[:-1] + "ة")  # مدينت+ه <- مدينة
    elif last == "ا":
        candidates.append(stem[:-1] + "ى")  # مجرا+ه <- مجرى
    elif last == "ي":
        candidates.append(stem[:-1] + "ى")  # علي+ه <- على
    elif last in "ئؤ":
        candidates.append(stem[:-1] + "ء")  # أبنائ+هم <- أبناء
    return max(zipf(c) for c in candidates)


def _core_letters(form: str) -> int:
    """Letters of a form without its article and a preposition before it (the part a name would be)."""
    if form[:1] in PREPOSITIONS and form[1:3] == ARTICLE and len(form) >= 6:
        return len(form) - 3  # بالتالي: ب + ال + تالي
    if form.startswith("لل") and len(form) >= 5 and "ا" + form[1:] not in ARTICLE_EXCEPTIONS:
        return len(form) - 2
    if form.startswith(ARTICLE) and form not in ARTICLE_EXCEPTIONS and len(form) >= 4:
        return len(form) - 2
    return len(form)


def _accept(before: float, after: float, after_letters: int, extra: float = 0.0) -> bool:
    gain = _required_gain(after_letters)
    return gain is not None and after - before >= gain + extra


def _strip_preposition(form: str) -> tuple[list[str], str] | None:
    """Peel one preposition or the future marker; returns (clitics, remaining lookup form)."""
    if len(form) < 3:
        return None
    first, rest = form[0], form[1:]
    if first == "ل" and rest.startswith("ل") and len(rest) >= 3:
        # li- + al-: the article's alef is dropped (للقوات = ل + ل + قوات); look up القوات.
        article_form = "ا" + rest
        if article_form not in ARTICLE_EXCEPTIONS:
            return ["ل", "ل"], article_form
    if first in PREPOSITIONS and rest not in NO_PREPOSITION_BEFORE:
        return [first], rest
    if first == FUTURE and rest[0] in FUTURE_NEXT:
        return [first], rest
    return None


def _article_certain(before: float, form: str) -> bool:
    """A rare word clitic + ال + 3 or more letters is a clitic form even if the stem is unknown."""
    return (form.startswith(ARTICLE) and form not in ARTICLE_EXCEPTIONS and len(form) >= 5
            and before < MIN_ZIPF + 0.5)


def _try_step(form: str, rest: str) -> bool:
    if form in ALWAYS_SPLIT:
        return True
    if form[0] in CONJUNCTIONS and (rest in CONJUNCT_FUNCTION_WORDS or rest in ALWAYS_SPLIT):
        return True
    before = zipf(form)
    after = zipf(rest)
    core = _core_letters(rest)
    if form[0] in CONJUNCTIONS and core >= 4 and after >= MIN_ZIPF + 1.0:
        # و/ف before a frequent 4+ letter word (وأضاف, ولكن, وغيرها): names such as واشنطن, وارسو
        # have no frequent remainder.
        return after - before >= CONJUNCTION_LONG_GAIN
    if core >= 3 and core < len(rest) and after >= MIN_ZIPF:
        # clitic + article + 3 letters is a clitic form even when the whole is an idiom more frequent
        # than its rest (بالأمس, بالضبط); foreign names such as بالتيمور fail the frequency floor.
        return after - before >= ARTICLE_FORM_GAIN
    return _accept(before, after, core) or _article_certain(before, rest)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def analyze(letters: str) -> tuple[tuple[str, int], ...]:
    """Segment a word given as bare Arabic letters: ``((role, letter_count), ...)``.

    Roles are ``proclitic``, ``stem`` and ``enclitic``; counts add up to ``len(letters)``.
    The article (and the ل of لل) are proclitics of their own.
    """
    if len(letters) < 3 or letters in NEVER_SPLIT or not ARABIC_WORD_LETTERS.issuperset(letters):
        return (("stem", len(letters)),)
    prefix: list[str] = []
    form = letters  # the form looked up (لل restored to ال)
    if form[0] in CONJUNCTIONS and _try_step(form, form[1:]):
        prefix.append(form[0])
        form = form[1:]
    best = _finish(prefix, form)
    step = None if form in NEVER_SPLIT else _strip_preposition(form)
    if step is not None and _try_step(form, step[1]):
        with_preposition = _finish(prefix + step[0], step[1])
        # Keep the preposition unless the word reads better as stem + enclitic (كلها = كل + ها,
        # not ك + لها).
        if not best[1] or form in ALWAYS_SPLIT or with_preposition[2] >= best[2]:
            best = with_preposition
    return _pieces(len(letters), *best)


def _finish(prefix: list[str], form: str) -> tuple[list[str], str, float, bool]:
    """(proclitics, enclitic, stem frequency, article) for a form after its proclitics."""
    if prefix[-2:] == ["ل", "ل"]:
        return prefix, "", zipf(form), True  # لل: the second ل is the article
    if form.startswith(ARTICLE) and form not in ARTICLE_EXCEPTIONS and len(form) >= 4:
        return prefix, "", zipf(form), True
    if form in NEVER_SPLIT:
        return prefix, "", zipf(form), False
    enclitic = _find_enclitic(form)
    if enclitic:
        return prefix, enclitic, _stem_zipf(form[: -len(enclitic)]), False
    return prefix, "", zipf(form), False


def _pieces(length: int, prefix: list[str], enclitic: str, _score: float,
            article: bool) -> tuple[tuple[str, int], ...]:
    pieces: list[tuple[str, int]] = [("proclitic", len(c)) for c in prefix]
    stem_len = length - len(prefix) - len(enclitic)
    if article and prefix[-2:] != ["ل", "ل"]:
        pieces.append(("proclitic", 2))
        stem_len -= 2
    pieces.append(("stem", stem_len))
    if enclitic:
        pieces.append(("enclitic", len(enclitic)))
    return tuple(pieces)


def _find_enclitic(form: str) -> str:
    before = zipf(form)
    best, best_zipf = "", -1.0
    for suffix, min_stem in ENCLITICS:
        if not form.endswith(suffix) or len(form) - len(suffix) < min_stem:
            continue
        stem = form[: -len(suffix)]
        if suffix in RISKY_ENCLITICS and stem[-1] in "اى":
            continue  # كوباني, روحاني: nisba names, not stem + ني
        after = _stem_zipf(stem)
        extra = RISKY_EXTRA_GAIN if suffix in RISKY_ENCLITICS else 0.0
        if after >= MIN_ZIPF and _accept(before, after, len(stem), extra) and after > best_zipf:
            best, best_zipf = suffix, after
    return best


def segment_word(word: str, offset: int = 0) -> list[Segment]:
    """Clitic segments of one word (as written, marks included), offsets shifted by ``offset``.

    Diacritics and tatweel stay with the letter before them; there is always exactly one stem.
    """
    if not word:
        return [Segment(offset, offset, word, "stem")]
    if len(word) > MAX_WORD_CHARS:
        return [Segment(offset, offset + len(word), word, "stem")]
    if _MARK_SET.isdisjoint(word):  # most words carry no marks
        positions: Sequence[int] = range(len(word))
        letters = word
    else:
        positions = [i for i, ch in enumerate(word) if ch not in _MARK_SET]
        letters = "".join(word[i] for i in positions)
    if len(letters) < 3:
        return [Segment(offset, offset + len(word), word, "stem")]
    pieces = analyze(letters)
    if len(pieces) == 1:
        return [Segment(offset, offset + len(word), word, "stem")]
    segments: list[Segment] = []
    letter_index = 0
    start = 0
    for number, (role, count) in enumerate(pieces):
        letter_index += count
        end = len(word) if number == len(pieces) - 1 else positions[letter_index]
        segments.append(Segment(offset + start, offset + end, word[start:end], role))  # type: ignore[arg-type]
        start = end
    return segments
