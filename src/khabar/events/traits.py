"""Traits of one trigger mention read from the words around it (no arguments, no merging).

The refined mode of a consultation (phone, visit), whether the mention tells another happening like an
earlier one, is the content of a threat, is a force announcing its own toll, refers back (definite), opens
a new matter, and in which clause of its sentence it stands.
"""

from __future__ import annotations

from khabar.document import Document
from khabar.events.cues import (
    CLAUSE_BREAKS,
    SENTENCE_PLACE_OPENERS,
    SIMILAR_WORDS,
    TOPIC_SHIFT_HEADS,
    TOPIC_SHIFT_WORDS,
)
from khabar.events.scan import Trigger, Word
from khabar.events.status import Source
from khabar.text.normalize import normalize_key

PHONE_WORDS = frozenset({"هاتفيا", "هاتفي", "الهاتفيه", "الهاتف", "هاتفيه", "بالهاتف", "اتصالا", "اتصال"})
VISIT_WORDS = frozenset({"زياره", "زار", "يزور", "الزياره"})


def refine_mode(trigger: Trigger, words: list[Word]) -> str | None:
    mode = trigger.entry.mode
    if trigger.entry.type != "CONSULT":
        return mode
    lo, hi = max(0, trigger.first_word - 5), min(len(words), trigger.last_word + 6)
    around = {words[k].norm for k in range(lo, hi) if words[k].sentence == trigger.sentence}
    if around & PHONE_WORDS:
        return "phone"
    if around & VISIT_WORDS:
        return "visit"
    return mode


def is_similar(words: list[Word], trigger: Trigger) -> bool:
    """A singular event noun followed by مماثل/مشابه/آخر (هجوما مماثلا، غارة مشابهة): another happening
    (plurals such as هجمات أخرى sum several and may be retold)."""
    nxt = trigger.last_word + 1
    return trigger.entry.pos == "N" and nxt < len(words) and words[nxt].sentence == trigger.sentence \
        and words[nxt].norm in SIMILAR_WORDS


# A threat and its content: "وجه تهديدا ... بالقتل", "هدده بتفجير": the act is threatened, not done
# (the cue table of ``status`` holds the verbs; the nouns تهديد/تهديدات are added here).
THREAT_WORDS = frozenset(normalize_key(w) for w in (
    "تهديد", "تهديدا", "تهديدات", "التهديد", "هدد", "هددت", "هددوا", "يهدد", "تهدد", "يهددون", "توعد", "توعدت",
    "يتوعد", "وهدد", "وهددت", "تهديده", "تهديدها", "بتهديد", "متوعدا", "مهددا",
))
THREAT_REACH = 6


def threatened_with(words: list[Word], trigger: Trigger) -> bool:
    """A ب-marked attack noun a few words after a threat word: the content of the threat (status threatened)."""
    if not words[trigger.first_word].norm.startswith("ب"):
        return False
    lo = max(0, trigger.first_word - THREAT_REACH)
    return any(words[k].sentence == trigger.sentence and words[k].norm in THREAT_WORDS
               for k in range(lo, trigger.first_word))


POSSESSIVE_ENDINGS = ("هم", "ها", "ه", "هما", "هن")
ANNOUNCE_LINKS = frozenset(normalize_key(w) for w in ("عن", "ب"))


def announced_by_party(doc: Document, words: list[Word], trigger: Trigger, source: Source | None,
                       actors: list[str], targets: list[str]) -> bool:
    """"أعلن X عن مقتل ..." / "أفادت X بمقتل ...": a force announcing a toll it inflicted is its actor."""
    if trigger.entry.type != "ASSAULT" or actors or source is None or source.entity is None or source.is_news:
        return False
    entity = doc.entity(source.entity)
    if entity is None or entity.type != "ORG" or source.entity in targets:
        return False
    norm = words[trigger.first_word].norm
    prev = words[trigger.first_word - 1].norm if trigger.first_word > 0 else ""
    return trigger.entry.pos in ("N", "X") and (norm.startswith("بم") or prev in ANNOUNCE_LINKS)


def is_definite(norm: str, pos: str, text: str = "") -> bool:
    """A definite (الهجوم، بالانفجار) or possessed (هجومهم) event noun: it refers back (a final ta
    marbuta, folded to ه, is no possessive: بمهاجمة)."""
    possessed = len(norm) > 5 and norm.endswith(POSSESSIVE_ENDINGS) and not text.endswith("ة")
    return pos in ("N", "X") and (norm.startswith(("ال", "وال", "بال", "فال", "لل", "وبال", "فيال")) or possessed)


def opens_new_matter(words: list[Word], trigger: Trigger, places: dict[int, str]) -> tuple[bool, str | None]:
    """The trigger's sentence opens with a turn to another matter: "من جهة أخرى،" / "وعلى صعيد آخر،" /
    "وفي مأرب،" (then also the place entity named right after the opening في)."""
    first = trigger.first_word
    while first > 0 and words[first - 1].sentence == trigger.sentence:
        first -= 1
    head = [words[k].norm for k in range(first, min(len(words), first + 4)) if words[k].sentence == trigger.sentence]
    if head and head[0] in SENTENCE_PLACE_OPENERS and first + 1 in places:
        return True, places[first + 1]
    for k in range(len(head) - 1):
        if head[k] in TOPIC_SHIFT_HEADS and head[k + 1] in TOPIC_SHIFT_WORDS:
            return True, None
    return False, None


def clause_index(words: list[Word], trigger: Trigger) -> int:
    """How many clause breaks (فيما، بينما) stand before the trigger in its sentence."""
    count = 0
    k = trigger.first_word - 1
    while k >= 0 and words[k].sentence == trigger.sentence:
        count += words[k].norm in CLAUSE_BREAKS
        k -= 1
    return count

