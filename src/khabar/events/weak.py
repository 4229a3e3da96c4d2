"""Weak event mentions: a trigger that may add evidence to an event but is not one by itself.

An aim (لاستهداف الآليات، تسعى إلى بسط سيطرتها), a summary of several happenings (وقتل بعض الأجانب), a
running total (عدد قتلى هجمات ...), an earlier toll (حصيلة سابقة) or a toll only asked about (see ``merge``).
"""

from __future__ import annotations

from itertools import pairwise

from khabar.events.cues import EARLIER_TOLL_WORDS, UNDERGO_VERBS
from khabar.events.generic import reference_only
from khabar.events.scan import Trigger, Word
from khabar.text.normalize import normalize_key

# Goal and state nouns of taking ground (السيطرة، استعادة، تحرير) without a named place or side
# ("إلى استعادة السيطرة على المدن كافة", "من أجل السيطرة على البلاد") name an aim, not a happening;
# past markers before them (بعد، عقب، إعلان) make them one. Source: reading SaudiNewsNet conflict articles.
TERRITORIAL_MODES = frozenset({"seize", "retake"})
PAST_MARKERS = frozenset(normalize_key(w) for w in (
    "بعد", "وبعد", "عقب", "إثر", "اثر", "إعلان", "اعلان", "الاعلان", "الإعلان", "أعلن", "اعلن", "أعلنت", "اعلنت",
    "تمكنت", "تمكن", "استكمال", "اكتمال", "أكملت", "اكملت", "قامت", "قام", "قاموا", "بعدما",
))
# Words whose object is an aim: "استهدف الهجوم السيطرة على", "تسعى إلى بسط سيطرتها" (same source).
GOAL_WORDS = frozenset(normalize_key(w) for w in (
    "استهدف", "واستهدف", "استهدفت", "يستهدف", "تستهدف", "بهدف", "هدف", "بسط", "محاولة", "محاوله", "لمحاولة",
    "تحاول", "يحاول", "تسعى", "يسعى", "سعى", "سعت", "الى", "إلى", "اجل", "أجل",
))
SOME, ON = normalize_key("بعض"), normalize_key("على")
A_NUMBER_OF = (normalize_key("عدد"), normalize_key("من"))
TALLY_WORDS = frozenset(normalize_key(w) for w in ("عدد", "حصيلة", "إجمالي", "اجمالي", "مجموع"))


def _purpose(words: list[Word], trigger: Trigger, before: list[str]) -> bool:
    """ل + verbal noun + its definite object (لاستهداف الآليات، لذبح ضحاياهم، لتحرير المدينة), not after a
    verb of undergoing (تعرضت لقصف الطائرات): the aim of an act."""
    norm = words[trigger.first_word].norm
    if trigger.entry.pos not in ("N", "X") or trigger.entry.fatal or not norm.startswith(("ل", "ول")) \
            or norm.startswith(("لل", "ولل")) or (before and before[-1] in UNDERGO_VERBS):
        return False
    nxt = trigger.last_word + 1
    if nxt >= len(words) or words[nxt].sentence != trigger.sentence:
        return False
    return words[nxt].norm.startswith(("ال", "وال")) or words[nxt].norm.endswith(("هم", "ها"))


def is_weak(words: list[Word], trigger: Trigger, status: str, fatalities: int | None, aimed: bool) -> bool:
    """A mention that may add evidence to an event but is not one by itself (see ``merge``)."""
    entry = trigger.entry
    first = trigger.first_word
    before = [words[k].norm for k in range(max(0, first - 3), first) if words[k].sentence == trigger.sentence]
    if entry.mode == "expel" or reference_only(words, trigger):
        return True
    if _purpose(words, trigger, before):
        return True  # عبوات زرعت لاستهداف الآليات، لتحرير المدينة: an aim, not a happening  # طرده من بعض المناطق، طرد اللاعب، طرد السفير: rarely a coercive happening of its own
    goal = bool(before) and before[-1] in GOAL_WORDS
    goal = goal or (entry.pos in ("N", "X") and any(w in GOAL_WORDS for w in before[-2:]))
    if entry.mode in TERRITORIAL_MODES and goal:
        return True  # واستهدف الهجوم السيطرة على، تسعى إلى بسط سيطرتها: an aim
    if entry.pos in ("N", "X") and entry.mode in TERRITORIAL_MODES and not aimed:
        return not any(w in PAST_MARKERS or w[1:] in PAST_MARKERS for w in before)
    after = [words[k].norm for k in range(trigger.last_word + 1, min(len(words), trigger.last_word + 4))
             if words[k].sentence == trigger.sentence]
    if after[:1] == [ON]:
        after = after[1:]
    if after[:1] == [SOME] or after[:2] == list(A_NUMBER_OF):
        return True  # وقتل بعض الأجانب، واستولى على عدد من البلدات: a summary of several happenings
    if any(w in TALLY_WORDS for w in before[-2:]):
        return True  # عدد قتلى هجمات ...: a running total
    if earlier_toll(words, trigger):
        return True  # وكانت حصيلة سابقة أفادت بمقتل 43: an earlier count of the event told
    if entry.fatal and entry.pos in ("N", "X") and fatalities is None and status == "hypothetical":
        return True  # ما إذا كان الحادث أسفر عن قتلى
    return False


def earlier_toll(words: list[Word], trigger: Trigger) -> bool:
    """A toll noun (حصيلة) qualified as earlier or first within the four words before the trigger."""
    first = trigger.first_word
    before = [words[k].norm for k in range(max(0, first - 4), first) if words[k].sentence == trigger.sentence]
    return any(w in TALLY_WORDS and nxt in EARLIER_TOLL_WORDS for w, nxt in pairwise(before))
