"""Document-level readings of generic mentions: the text's main country, bare national bodies, place nouns.

- a bare state body (وزارة العدل، مجلس الوزراء) is that of the country an adjective after it names, else of the
  country the text is mostly about (tuned on dev);
- a definite place noun (المدينة، البلاد، العاصمة، المنطقة) corefers with the last place of its kind named
  before it (المدينة = Mosul after "الموصل"; المنطقة = the region last named: منطقة جازان، الشرق الأوسط;
  البلاد = the country of the last place named: شرق البلاد after دونيتسك = Ukraine); an epithet may follow
  (المدينة المقدسة = Mecca after مكة المكرمة); without an antecedent it stays unlinked, except المدينة in a
  text about Saudi Arabia (Medina) and المنطقة in a text on several Middle-Eastern countries (the Middle East);
- "المملكة" alone is the Arab kingdom the text's names belong to most, else Saudi Arabia;
- ``scan_state_nouns`` finds the bare bodies and المملكة NER left untagged (the link stage keeps the resolved ones).
"""

from __future__ import annotations

from khabar.document import Mention
from khabar.link.items import Item
from khabar.link.kb import ARAB_LEAGUE, KBEntry, KnowledgeBase
from khabar.link.keys import clitic_forms, name_key
from khabar.link.resolve import Candidate
from khabar.link.scan import SpanSet, Word, match_phrases

# Definite place nouns a text uses for a place it named before, with the GeoNames features of the
# antecedent they can take. Source: Arabic news usage.
CITY_FEATURES = frozenset({"PPL", "PPLC"})
PLACE_NOUNS: dict[str, frozenset[str]] = {name_key(w): kinds for w, kinds in (
    ("المدينة", CITY_FEATURES), ("البلدة", CITY_FEATURES), ("القرية", CITY_FEATURES),
    ("العاصمة", frozenset({"PPLC"})), ("البلاد", frozenset({"PCLI"})),
    ("المنطقة", frozenset({"ADM1", "ADM2", "RGN"})), ("المحافظة", frozenset({"ADM1", "ADM2"})),
)}
COUNTRY = frozenset({"PCLI"})
# Epithets a place noun may carry without naming another place (هذه المدينة المقدسة). Source: news usage.
EPITHETS = frozenset(name_key(w) for w in (
    "المقدسة", "الساحلية", "الحدودية", "الصناعية", "الساحلي", "الحدودي", "الشمالية", "الجنوبية", "الشقيقة",
))
# "المملكة" alone is the kingdom the text is about: the Arab kingdoms (public facts), the one whose places,
# people or bodies the text names most, else Saudi Arabia (the standard short name in Saudi and Gulf news).
KINGDOM = name_key("المملكة")
ARAB_KINGDOMS = ("SA", "JO", "MA", "BH")
DEFAULT_KINGDOM = "SA"
# "المنطقة" with no region named before it, in a text on the affairs of several countries of the Middle East,
# is the Middle East ("الأوضاع في المنطقة"). Source: Arabic news usage.
REGION_NOUN = name_key("المنطقة")
MIDDLE_EAST = name_key("الشرق الأوسط")
MIDDLE_EAST_COUNTRIES = frozenset({*ARAB_LEAGUE, "IR", "TR", "IL"})
MEDINA_SHORT = name_key("المدينة")
# Bodies every state has, named bare in a text about one state (its KB entry is "<name> <adjective>"):
# ministries (any "وزارة ..."), the cabinet, the consultative council, the intelligence service.
# Source: Arabic news usage (Saudi and Gulf press name their own state's bodies bare).
MINISTRY = name_key("وزارة") + " "
STATE_BODIES = frozenset(name_key(w) for w in (
    "مجلس الوزراء", "مجلس الشورى", "الاستخبارات العامة", "رئاسة الاستخبارات العامة", "منظمة الطاقة الذرية",
))
LOCAL_WINDOW = 60  # characters between a place and the body it localizes (one clause)


def main_country(items: list[Item]) -> str:
    """The country most of the linked names belong to ('' on a tie or without any)."""
    votes: dict[str, int] = {}
    for item in items:
        country = item.nationality.country if item.nationality else (
            item.candidates[0].entry.country if item.candidates else "")
        if len(country) == 2:
            votes[country] = votes.get(country, 0) + 1
    ranked = sorted(votes.items(), key=lambda pair: -pair[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return ""
    return ranked[0][0]


def resolve_national_bodies(items: list[Item], kb: KnowledgeBase, text: str = "") -> None:
    """A bare state body ORG without candidates (وزارة العدل، مجلس الوزراء، الاستخبارات العامة) gets the
    KB body of that name of the country named by an adjective right after it (مجلس الوزراء الكويتي, the
    adjective qualifying the title before it), else of a place named just before it in the same clause, else of
    the text's main country (on a tie, the country of most of its linked people and organizations)."""
    main = ""
    for item in items:
        if item.candidates or item.kind != "name" or item.mention.type != "ORG" or not _state_body(item.key):
            continue
        country = (_next_adjective_country(text, item.mention.end, kb) or _local_country(items, item, text)) if text else ""
        if not country:
            main = main or main_country(items) or main_country(
                [i for i in items if i.candidates and i.candidates[0].entry.type in ("PER", "ORG")]) or "-"
            country = main
        if country == "-":
            continue
        adjectives = {n.adjective for n in kb.nationalities.values() if n.country == country}
        item.candidates = _national_body(item.key, adjectives, kb, country)


def _state_body(key: str) -> bool:
    return any(v.startswith(MINISTRY) or v in STATE_BODIES for v, _ in clitic_forms(key))


def _local_country(items: list[Item], item: Item, text: str) -> str:
    """The country of a place named just before the body in the same sentence (وفي طهران، أعلن عضو مجلس الشورى)."""
    start = item.mention.start
    before = [i for i in items if i.mention.end <= start and start - i.mention.end <= LOCAL_WINDOW and i.candidates
              and i.candidates[0].entry.type in ("GPE", "LOC") and len(i.candidates[0].entry.country) == 2]
    if not before:
        return ""
    place = max(before, key=lambda i: i.mention.end)
    return "" if any(c in text[place.mention.end:start] for c in ".؟!\n") else place.candidates[0].entry.country


def _next_adjective_country(text: str, end: int, kb: KnowledgeBase) -> str:
    """The country of a nationality adjective written right after a mention (one space between)."""
    if text[end:end + 1] != " ":
        return ""
    word = text[end + 1:end + 24].split(maxsplit=1)[0] if text[end + 1:end + 24].strip() else ""
    nationality = kb.nationalities.get(name_key(word)) if word else None
    return nationality.country if nationality and nationality.country else ""


def _national_body(key: str, adjectives: set[str], kb: KnowledgeBase, country: str) -> list[Candidate]:
    for variant, cost in clitic_forms(key):
        if len(variant) < 5:
            continue
        for adjective in sorted(adjectives):
            for form in (f"ال{adjective}ة", f"ال{adjective}"):
                full = f"{variant} {name_key(form)}"
                found = [e for e in kb.lookup(full, with_article_variants=False)
                         if e.type == "ORG" and e.country == country]
                if found:
                    return [Candidate(found[0], cost + 1.0, full, (0, len(key.split()) - 1))]
    return []


def place_noun(item: Item, kb: KnowledgeBase) -> frozenset[str] | None:
    """The antecedent features when the mention is a definite place noun (المدينة, بالمدينة, المدينة السنية)."""
    size = len(item.key.split())
    if size > 1 and item.candidates and item.candidates[0].cost == 0 and item.candidates[0].words == (0, size - 1):
        return None  # a KB name as written (العاصمة المقدسة = Mecca), not a noun for another place
    first, _, rest = item.key.partition(" ")
    if any(word not in kb.nationalities and word not in EPITHETS for word in rest.split()):
        return None
    return next((PLACE_NOUNS[v] for v, _ in clitic_forms(first) if v in PLACE_NOUNS), None)


def resolve_place_nouns(items: list[Item], kb: KnowledgeBase) -> None:
    """A tagged definite place noun takes the last place of its kind named before it (see the module doc)."""
    ordered = sorted(items, key=lambda i: i.mention.start)
    main: str | None = None
    nouns = [place_noun(item, kb) for item in ordered]
    whole: str | None = None
    seen: dict[str, int] = {}  # kingdom votes of the names before the current one
    for position, item in enumerate(ordered):
        kinds = nouns[position]
        if item.kind == "name" and item.mention.type != "PER" and not item.candidates and _is_noun(item, KINGDOM, kb):
            if whole is None:
                whole = _kingdom(ordered)
            before = max(sorted(seen), key=lambda c: seen[c]) if seen else ""
            chosen = before or whole or DEFAULT_KINGDOM
            if chosen != DEFAULT_KINGDOM and _contrasted(ordered, item, chosen):
                chosen = DEFAULT_KINGDOM  # من المملكة إلى البحرين: the kingdom named beside it is the other one
            kingdom = kb.country(chosen)
            if kingdom is not None:
                item.candidates = [Candidate(kingdom, 0.5, item.key, (0, 0))]
            continue
        if item.candidates and item.candidates[0].entry.country in ARAB_KINGDOMS:
            seen[item.candidates[0].entry.country] = seen.get(item.candidates[0].entry.country, 0) + 1
        if kinds is None or item.kind != "name" or item.mention.type == "PER":
            continue
        before = list(zip(reversed(nouns[:position]), reversed(ordered[:position]), strict=True))
        antecedent = (_country_antecedent(before, kb) if kinds == COUNTRY else None) or next(
            (i.candidates[0] for k, i in before if k is None and i.candidates and i.candidates[0].entry.feature in kinds),
            None)
        if antecedent is not None:
            item.candidates = [Candidate(antecedent.entry, 0.5, item.key, (0, 0))]
            continue
        if main is None:
            main = main_country(items)
        if main == "SA" and any(v == MEDINA_SHORT for v, _ in clitic_forms(item.key)):
            continue
        region = _middle_east(items, kb) if _is_noun(item, REGION_NOUN, kb) else None
        item.candidates = [Candidate(region, 0.5, item.key, (0, 0))] if region is not None else []


def _is_noun(item: Item, noun: str, kb: KnowledgeBase) -> bool:
    first, _, rest = item.key.partition(" ")
    return (any(v == noun for v, _ in clitic_forms(first))
            and all(w in EPITHETS or w in kb.nationalities for w in rest.split()))


def _contrasted(items: list[Item], noun: Item, country: str) -> bool:
    """Whether the country ``country`` is named by its own name within a clause of the noun ``noun``."""
    start, end = noun.mention.start, noun.mention.end
    return any(other is not noun and other.candidates and other.candidates[0].entry.country == country
               and other.candidates[0].entry.feature == "PCLI"
               and start - LOCAL_WINDOW <= other.mention.start and other.mention.end <= end + LOCAL_WINDOW
               for other in items)


def _kingdom(items: list[Item]) -> str:
    """The Arab kingdom the linked names of ``items`` belong to most often ('' when none)."""
    votes: dict[str, int] = {}
    for item in items:
        country = item.candidates[0].entry.country if item.candidates else ""
        if country in ARAB_KINGDOMS:
            votes[country] = votes.get(country, 0) + 1
    return max(sorted(votes), key=lambda c: votes[c]) if votes else ""


def _middle_east(items: list[Item], kb: KnowledgeBase) -> KBEntry | None:
    """The Middle East, for a text about international affairs: its linked names belong to two or more
    countries, one of them in the Middle East (a local text's المنطقة is a region the KB may lack)."""
    countries = {i.candidates[0].entry.country for i in items if i.candidates and len(i.candidates[0].entry.country) == 2}
    if len(countries) < 2 or not countries & MIDDLE_EAST_COUNTRIES:
        return None
    return next((e for e in kb.lookup(MIDDLE_EAST) if e.type == "LOC"), None)


def _country_antecedent(before: list[tuple[frozenset[str] | None, Item]], kb: KnowledgeBase) -> Candidate | None:
    """البلاد: the country of the last place named before it (a country, or a city's or region's country)."""
    for kinds, item in before:
        if kinds is not None or not item.candidates or item.candidates[0].entry.type not in ("GPE", "LOC"):
            continue
        entry = item.candidates[0].entry
        country = entry if entry.feature in COUNTRY else (kb.country(entry.country) if entry.country else None)
        if country is not None:
            return Candidate(country, 0.5, item.key, (0, 0))
    return None


# Generic state nouns NER rarely tags that the scan adds as candidate mentions (kept only when resolved):
# the bodies above (مجلس الوزراء، مجلس الشورى ...) and "المملكة" (the kingdom of the text).
SCANNED_NOUNS = {key: "ORG" for key in STATE_BODIES} | {KINGDOM: "GPE"}
NAME_CONTINUATIONS = frozenset(name_key(w) for w in ("المتحدة", "العربية", "الهاشمية"))
SCANNED_FIRST = {key.split()[0]: max(len(k.split()) for k in SCANNED_NOUNS if k.split()[0] == key.split()[0])
                 for key in SCANNED_NOUNS}


def scan_state_nouns(text: str, tokens: list[Word], taken: list[tuple[int, int]], kb: KnowledgeBase) -> list[Mention]:
    """Occurrences of ``SCANNED_NOUNS`` outside the existing mentions (source "kb", for the national rules);
    not when the next word continues a name (المملكة المتحدة، المملكة الأردنية، مجلس الوزراء العراقي is the
    KB's own name)."""
    if not any(key in text for key in ("مجلس", "المملكة", "الاستخبارات", "لمملكة")):
        return []
    spans = SpanSet(len(text), taken)
    found: list[Mention] = []
    for match in match_phrases(text, tokens, SCANNED_NOUNS.__contains__, SCANNED_FIRST):
        start, end = match.name_start, tokens[match.last].end
        if spans.overlaps(start, end):
            continue
        following = tokens[match.last + 1].key if match.last + 1 < len(tokens) else ""
        if following in NAME_CONTINUATIONS or (following in kb.nationalities and SCANNED_NOUNS[match.key] == "GPE"):
            continue
        found.append(Mention(start, end, text[start:end], SCANNED_NOUNS[match.key], "kb", 0.7))
    return found
