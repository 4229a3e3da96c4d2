"""English names for the descriptive entities the events stage creates (خمسة أشخاص -> "5 people").

Victims, attackers and places hit are often described rather than named (43 مدنيا، المصلين، الطفلة).
The events stage carries such a description as an entity so an event can point to it, and every
PER/ORG/LOC/GPE entity must have an English name a reader without Arabic can use. The name is the
count the numbers stage read inside the description plus an English gloss of its head noun; a
description whose head is not in the table falls back to the transliteration the link stage uses
for unknown names, so ``name_en`` is never empty.
"""

from __future__ import annotations

from khabar.document import Document
from khabar.link.translit import transliterate
from khabar.text.normalize import normalize_key

# Head nouns of victim and attacker descriptions (the forms of ``phrases.VICTIM_NOUNS`` and kin) and their
# English gloss; hand-written from the nouns' dictionary meanings.
_GLOSSES: tuple[tuple[str, str], ...] = (
    ("أشخاص", "people"), ("شخص", "person"), ("شخصا", "people"), ("مدنيين", "civilians"), ("مدنيا", "civilians"),
    ("مدني", "civilian"), ("مدنيون", "civilians"), ("عناصر", "members"), ("عنصرا", "members"), ("عنصر", "member"),
    ("جنود", "soldiers"), ("جنديا", "soldiers"), ("جندي", "soldier"), ("أطفال", "children"), ("طفل", "child"),
    ("طفلا", "children"), ("طفلة", "girl"), ("نساء", "women"), ("امرأة", "woman"), ("سيدة", "woman"),
    ("صحفيين", "journalists"), ("صحفيا", "journalists"), ("صحفي", "journalist"), ("إعلاميين", "journalists"),
    ("إعلاميا", "journalists"), ("قياديا", "commanders"), ("قياديين", "commanders"), ("قادة", "commanders"),
    ("مواطنين", "citizens"), ("مواطنا", "citizens"), ("مواطن", "citizen"), ("مقيمين", "residents"),
    ("مقيما", "residents"), ("شبان", "young men"), ("شابا", "young men"), ("شاب", "young man"), ("رجال", "men"),
    ("رجلا", "men"), ("رجل", "man"), ("رهائن", "hostages"), ("رهينة", "hostage"), ("أسرى", "prisoners"),
    ("معتقلين", "detainees"), ("متهمين", "suspects"), ("متهما", "suspects"), ("متهم", "suspect"),
    ("مشتبها", "suspects"), ("مشتبهين", "suspects"), ("مشتبه", "suspect"), ("مطلوبين", "wanted persons"),
    ("مطلوبا", "wanted persons"), ("مطلوب", "wanted person"), ("ناشطين", "activists"), ("ناشطا", "activists"),
    ("متظاهرين", "protesters"), ("محتجين", "protesters"), ("مصلين", "worshippers"), ("طلاب", "students"),
    ("عمال", "workers"), ("لاجئين", "refugees"), ("نازحين", "displaced people"), ("شرطيين", "policemen"),
    ("شرطيا", "policemen"), ("ضباط", "officers"), ("ضابطا", "officers"), ("أفراد", "members"), ("فردا", "members"),
    ("مسلحين", "gunmen"), ("إرهابيين", "terrorists"), ("إرهابيا", "terrorists"), ("قرويين", "villagers"),
    ("سكان", "residents"), ("أهالي", "residents"), ("أبناء", "sons"), ("عائلة", "family"), ("أسرة", "family"),
    ("جاني", "perpetrator"), ("جناة", "perpetrators"), ("ضحية", "victim"), ("ضحايا", "victims"),
    ("مخططين", "plotters"), ("زوجة", "wife"), ("شقيق", "brother"), ("شقيقة", "sister"), ("ابن", "son"),
    ("ابنة", "daughter"), ("والد", "father"), ("والدة", "mother"), ("أحياء", "neighbourhoods"),
    ("منازل", "houses"), ("مواقع", "positions"), ("قاعدة", "base"), ("مساحات", "areas"), ("مناطق", "areas"),
)
GLOSSES: dict[str, str] = {normalize_key(ar): en for ar, en in _GLOSSES}
ARTICLE = normalize_key("ال")
CONJUNCTIONS = ("و", "ف")


def _head_gloss(token: str) -> str | None:
    key = normalize_key(token)
    for candidate in (key, key[1:] if key[:1] in CONJUNCTIONS else key):
        if candidate in GLOSSES:
            return GLOSSES[candidate]
        if candidate.startswith(ARTICLE) and candidate[len(ARTICLE):] in GLOSSES:
            return "the " + GLOSSES[candidate[len(ARTICLE):]]
    return None


def _count(doc: Document, start: int, end: int) -> str | None:
    for number in doc.numbers:
        if start <= number.start and number.end <= end and isinstance(number.value, int | float):
            value = number.value
            return str(int(value)) if float(value).is_integer() else str(value)
    return None


NAMED_TYPES = frozenset({"PER", "ORG", "LOC", "GPE"})


def english_name(doc: Document, start: int, end: int, type_: str) -> str | None:
    """"5 people" for خمسة أشخاص, "the worshippers" for المصلين; else, for a PER/ORG/LOC/GPE entity, a
    transliteration of the text (other descriptions, such as objects hit, keep no English name)."""
    text = doc.text[start:end]
    words = text.split()
    # a person description may open with its count (خمسة أشخاص); any other keeps its head first
    gloss = next((g for g in map(_head_gloss, words if type_ in NAMED_TYPES else words[:1]) if g), None)
    if gloss is None:
        return (transliterate(text) or text) if type_ in NAMED_TYPES else None
    count = _count(doc, start, end)
    if count is not None and not gloss.startswith("the "):
        return f"{count} {gloss}"
    return gloss
