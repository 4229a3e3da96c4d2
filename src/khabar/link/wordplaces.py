"""Ordinary words read as small far-away towns (an audit of unseen news, issue 4).

The audit of unseen SaudiNewsNet articles found one-word mentions (NER's or the KB scan's) that are frequent
Arabic words linked to a homonymous town: لأول مرة "for the first time" -> Laval (Canada), وعشاق السفر
"travel lovers" -> Uşak (Turkey), جائزة نوبل -> Noble (Oklahoma), في مايو -> Mayo (Maryland), بحصار ممنهج "a
siege" -> Hisar (India), النمل الأبيض "white ants" -> El Obeid (Sudan). Such a reading is rejected when its
written form is a frequent word (wordfreq Zipf), no locative word introduces it (في، مدينة، جنوب ... X; a
bare بـ proclitic is not enough for a frequent word), and every KB reading is a small populated place (never
a country, region, governorate or capital) outside the countries the text names; an Arab-world town must be
an even more frequent word. A place mention so rejected is dropped; a MISC mention stays, unlinked.
"""

from __future__ import annotations

from bisect import bisect_right

from khabar.document import Mention
from khabar.link.items import Item
from khabar.link.kb import ARAB_LEAGUE, PLACE_TYPES
from khabar.link.kbscan import LOCATIVE_WORDS, word_zipf
from khabar.link.national import PLACE_NOUNS
from khabar.link.scan import Word

FREQUENT_WORD_ZIPF = 4.0        # a written form this frequent is a word at least as often as a far town
ARAB_WORD_ZIPF = 4.5            # an Arab-world town must be a more frequent word to be rejected (العين)
SMALL_TOWN_POPULATION = 500_000  # towns at least this big are named in news as themselves (ميلان، ميدان)
CHECKED_TYPES = frozenset({"GPE", "LOC", "MISC"})


def _introduced(tokens: list[Word], index: int) -> bool:
    return index > 0 and tokens[index - 1].key in LOCATIVE_WORDS


def word_not_town(text: str, tokens: list[Word], item: Item, countries: set[str]) -> bool:
    """Whether ``item`` is an ordinary word whose only readings are small towns (see the module doc)."""
    mention: Mention = item.mention
    if mention.type not in CHECKED_TYPES or not item.candidates or " " in mention.text.strip():
        return False
    if item.key in PLACE_NOUNS:  # البلاد، المدينة: the place-noun rules resolve them (national.py)
        return False
    index = bisect_right(tokens, mention.start, key=lambda t: t.start) - 1
    if index < 0 or tokens[index].end < mention.end:
        return False
    zipf = word_zipf(mention.text)
    if zipf < FREQUENT_WORD_ZIPF or _introduced(tokens, index):
        return False
    return all(c.entry.type in PLACE_TYPES and c.entry.feature == "PPL"
               and c.entry.population < SMALL_TOWN_POPULATION and c.entry.country not in countries
               and (c.entry.country not in ARAB_LEAGUE or zipf >= ARAB_WORD_ZIPF) for c in item.candidates)


def inside_date(mention: Mention, dates: list[tuple[int, int]]) -> bool:
    """Whether the mention lies within a date expression (في مايو الماضي: the month, not Mayo, Maryland)."""
    return any(start <= mention.start and mention.end <= end for start, end in dates)
