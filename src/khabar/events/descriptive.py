"""Descriptive argument entities: forces, unnamed actors and villages no name list covers.

- descriptive forces: a force word with a nationality adjective the link stage found
  (القوات العراقية، الجيش الليبي) or a group adjective (الميليشيات الحوثية) -> an ORG named by the phrase;
- unnamed actors (مسلحون، مسلحان، مجهولين، متطرفون) and state forces named by their kind (قوات الأمن);
- villages introduced by their head word (قرية نعينيعة).
Word tables: hand-curated from Arabic news usage and ACLED actor naming.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.document import Document, Entity
from khabar.link.kb import KBEntry
from khabar.link.keys import clitic_variants, name_key
from khabar.link.scan import Word, _skip_letters
from khabar.link.translit import transliterate

# A single-word place name this frequent in Arabic text is taken only after a locative word
# (المدينة "the city", أمس ...); Zipf scale of the wordfreq package.
COMMON_WORD_ZIPF = 5.0
# Force words that, with a nationality adjective after them, name an armed force or authority.
# English heads for the descriptive name; source: ACLED actor naming ("Military Forces of Iraq").
FORCE_WORDS: dict[str, str] = {name_key(ar): en for ar, en in (
    ("القوات", "forces"), ("قوات", "forces"), ("الجيش", "army"), ("جيش", "army"), ("الشرطة", "police"),
    ("شرطة", "police"), ("الطيران", "air force"), ("طيران", "air force"), ("طائرات", "aircraft"),
    ("الطائرات", "aircraft"), ("مروحيات", "helicopters"), ("مروحيتين", "helicopters"), ("مقاتلات", "jets"),
    ("السلطات", "authorities"), ("الحكومة", "government"), ("الاستخبارات", "intelligence"),
    ("الميليشيات", "militias"), ("ميليشيات", "militias"), ("المليشيات", "militias"), ("مليشيات", "militias"),
    ("الميليشيا", "militia"), ("ميليشيا", "militia"), ("مليشيا", "militia"), ("البحرية", "navy"),
    ("الأجهزة", "services"), ("أجهزة", "services"), ("القوة", "force"), ("قوة", "force"),
    ("جنود", "soldiers"), ("الجنود", "soldiers"), ("عناصر", "members"), ("مسلحي", "gunmen"),
)}
# Words allowed between the force word and the adjective: قوات الأمن العراقية، القوات المسلحة المصرية.
FORCE_MODIFIERS = frozenset(name_key(w) for w in (
    "الأمن", "الامن", "الأمنية", "الامنية", "المسلحة", "الحكومية", "النظامية", "الخاصة", "الجوية",
    "البرية", "الموالية", "العسكرية", "الشعبية", "النظام",
))



@dataclass(slots=True)
class Found:
    start: int
    end: int
    entry: KBEntry | None
    type: str
    name: str
    name_en: str



def common(word: str) -> bool:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # optional: without it every notable place name is taken
        return False
    return zipf_frequency(word, "ar") >= COMMON_WORD_ZIPF


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)



@lru_cache(maxsize=WORD_CACHE_SIZE)
def _force_word(key: str) -> str | None:
    return next((v for v, _ in clitic_variants(key) if v in FORCE_WORDS), None)


def forces(doc: Document, tokens: list[Word], taken: list[tuple[int, int]]) -> list[Found]:
    """A force word followed (maybe through a modifier) by a NORP mention: القوات العراقية."""
    norp: dict[int, Entity] = {}
    for entity in doc.entities:
        if entity.type == "NORP":
            for mention in entity.mentions:
                norp[mention.start] = entity
    found: list[Found] = []
    if not norp:
        return []  # a force is named by its nationality adjective: none in the document
    for index, token in enumerate(tokens):
        variant = _force_word(token.key)
        if variant is None:
            continue
        last = index + 1
        while last < len(tokens) and last <= index + 2 and tokens[last].key in FORCE_MODIFIERS:
            last += 1
        if last >= len(tokens) or tokens[last].start not in norp:
            continue
        if any(ch in "،,.:؛\n" for ch in doc.text[token.end:tokens[last].start]):
            continue
        stripped = len(token.key) - len(variant)
        start = _skip_letters(doc.text, token.start, stripped) if stripped > 0 else token.start
        end = tokens[last].end
        name = doc.text[start:end]
        if stripped == 0 and variant != token.key:  # للقوات = ل + القوات
            name = "ا" + name[1:]
        adjective = norp[tokens[last].start]
        found.append(Found(start, end, None, "ORG", name, f"{adjective.name_en or adjective.name} {FORCE_WORDS[variant]}"))
        taken.append((start, end))
    return found


# Unnamed actors (ACLED "Unidentified Armed Group" and kin): they are no names, so NER leaves them,
# yet they are who acted (مسلحون، مجهولون، متطرفون). English gloss for ``name_en``.
UNNAMED_ACTORS: dict[str, str] = {name_key(ar): en for ar, en in (
    ("مسلحون", "gunmen"), ("مسلحين", "gunmen"), ("مسلح", "gunman"), ("مسلحا", "gunman"), ("المسلحون", "gunmen"),
    ("المسلحين", "gunmen"), ("المسلح", "gunman"), ("مجهولون", "unidentified persons"),
    ("مجهولين", "unidentified persons"), ("المجهولين", "unidentified persons"), ("متطرفون", "extremists"),
    ("متطرفين", "extremists"), ("المتطرفين", "extremists"), ("إسلاميون", "Islamists"), ("إسلاميين", "Islamists"),
    ("الإسلاميين", "Islamists"), ("مقاتلون", "fighters"), ("مقاتلين", "fighters"), ("المقاتلين", "fighters"),
    ("المقاتلون", "fighters"), ("متمردون", "rebels"), ("متمردين", "rebels"), ("المتمردين", "rebels"),
    ("المتمردون", "rebels"), ("انتحاري", "suicide attacker"), ("الانتحاري", "suicide attacker"),
    ("ملثمون", "masked men"), ("ملثمين", "masked men"), ("إرهابيون", "terrorists"), ("إرهابيين", "terrorists"),
    ("الإرهابيين", "terrorists"), ("جماعات", "groups"), ("جماعة", "group"), ("مستوطنون", "settlers"),
    ("مستوطنين", "settlers"), ("انتحاريات", "suicide attackers"), ("انتحارية", "suicide attacker"),
    ("الانتحارية", "suicide attacker"), ("انتحاريون", "suicide attackers"), ("انتحاريين", "suicide attackers"),
    ("الانتحاريين", "suicide attackers"), ("الانتحاريات", "suicide attackers"), ("العناصر", "members"),
    ("عناصر", "members"), ("الإرهابيون", "terrorists"), ("المتشددين", "militants"), ("متشددين", "militants"),
    ("متشددون", "militants"), ("مهاجمين", "attackers"), ("مهاجمون", "attackers"), ("المهاجمين", "attackers"),
    ("الطائرات", "aircraft"), ("طائرات", "aircraft"), ("طائرة", "aircraft"), ("الطائرة", "aircraft"),
)}
# Words that, after an unnamed actor, belong to its description (مقاتلون إسلاميون، جماعات مسلحة).
UNNAMED_MODIFIERS = frozenset(name_key(w) for w in (
    "إسلاميون", "إسلاميين", "إسلامية", "الإسلامية", "مسلحون", "مسلحين", "مسلحة", "المسلحة", "مجهولون", "مجهولين",
    "ملثمون", "ملثمين", "محليون", "محليين", "متطرفون", "متطرفين", "متطرفة", "المتطرفة", "الموالين", "الموالون",
    "المعارضة", "معارضة", "منافسة", "إرهابية", "الإرهابية", "متشددة", "متشددون", "متشددين", "قاصرات",
    "الارهابية", "المتطرفة", "التكفيرية", "المسلحة", "المقاتلة", "مقاتلة", "حربية", "الحربية", "مجهولة",
    "المجهولة",
))
# A bare group word is a description only with a modifier (جماعة منافسة), never alone (جماعة = a name's head).
NEEDS_MODIFIER = frozenset(name_key(w) for w in (
    "جماعات", "جماعة", "العناصر", "عناصر", "الطائرات", "طائرات", "طائرة", "الطائرة",
))
# Force words that name a state force without a nationality (قوات الأمن، القوات الأمنية، قوات عسكرية).
STATE_FORCE_MODIFIERS = frozenset(name_key(w) for w in (
    "الأمن", "الأمنية", "الامنية", "أمنية", "عسكرية", "العسكرية", "الحكومية", "حكومية", "النظامية", "الخاصة",
    "الشرطة", "الجيش", "الطوارئ", "المسلحة",
))


# Definite force words that alone name the state's force of the country the article is about
# (الجيش، الشرطة): kept when no nationality adjective or name follows (those make a longer name).
BARE_STATE_FORCES = frozenset(name_key(w) for w in ("الجيش", "الشرطة"))


def unnamed(doc: Document, tokens: list[Word], taken: list[tuple[int, int]]) -> list[Found]:
    """Unnamed actors (مسلحون، مجهولين، مقاتلون إسلاميون) and state forces named by their kind (قوات الأمن)."""
    found: list[Found] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        head, gloss, stripped = _unnamed_head(token.key)
        last = index
        if head is not None:
            while last + 1 < len(tokens) and last < index + 2 and tokens[last + 1].key in UNNAMED_MODIFIERS:
                last += 1
            if head in NEEDS_MODIFIER and last == index:
                head = None
        else:
            variant = _force_word(token.key)
            if variant is not None and index + 1 < len(tokens) and tokens[index + 1].key in STATE_FORCE_MODIFIERS:
                head, gloss, last = variant, f"{FORCE_WORDS[variant]} (state)", index + 1
                stripped = len(token.key) - len(variant)
            elif variant in BARE_STATE_FORCES:  # إن الجيش استهدف، ثلاثة من أفراد الجيش قتلوا
                head, gloss, last = variant, f"{FORCE_WORDS[variant]} (state)", index
                stripped = len(token.key) - len(variant)
        if head is None or any(ch in "،,.:؛\n" for ch in doc.text[token.end:tokens[last].start]):
            index += 1
            continue
        start = _skip_letters(doc.text, token.start, stripped) if stripped > 0 else token.start
        end = tokens[last].end
        if overlaps(start, end, taken):
            index += 1
            continue
        name = doc.text[start:end]
        found.append(Found(start, end, None, "ORG", name, gloss or name))
        taken.append((start, end))
        index = last + 1
    return found


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _unnamed_head(key: str) -> tuple[str | None, str | None, int]:
    """(the unnamed-actor word behind ``key``, its gloss, letters of proclitics stripped) or Nones."""
    for variant, _cost in clitic_variants(key):
        if variant in UNNAMED_ACTORS:
            return variant, UNNAMED_ACTORS[variant], len(key) - len(variant)
    return None, None, 0


# Heads that introduce a village or town by its name: قرية نعينيعة، بلدة فوتوكول.
VILLAGE_HEADS = frozenset(name_key(w) for w in (
    "قرية", "بقرية", "وقرية", "لقرية", "بلدة", "ببلدة", "وبلدة", "لبلدة", "قريتي", "بلدتي", "قرى", "بلدات",
))
# Words a village head is followed by that are no names (قرية واحدة، بلدة صغيرة، القرية المجاورة).
NOT_NAMES = frozenset(name_key(w) for w in (
    "واحدة", "صغيرة", "كبيرة", "مجاورة", "نائية", "حدودية", "سورية", "عراقية", "تركية", "أخرى", "اخرى", "في",
    "على", "قرب", "من", "الى", "إلى", "عن", "شمال", "جنوب", "شرق", "غرب", "بريف", "ريف", "تابعة", "تقع",
))


def villages(doc: Document, tokens: list[Word], taken: list[tuple[int, int]]) -> list[Found]:
    """"قرية X" / "بلدة X": X, a rare word no entity covers, names a place the KB does not know."""
    found: list[Found] = []
    for index, token in enumerate(tokens[:-1]):
        if token.key not in VILLAGE_HEADS:
            continue
        name = tokens[index + 1]
        if name.key in NOT_NAMES or len(name.key) < 3 or name.key.startswith("ال") or overlaps(name.start, name.end, taken):
            continue
        if any(ch in "،,.:؛\n" for ch in doc.text[token.end:name.start]) or common(doc.text[name.start:name.end]):
            continue
        text = doc.text[name.start:name.end]
        found.append(Found(name.start, name.end, None, "LOC", text, transliterate(text)))
        taken.append((name.start, name.end))
    return found
