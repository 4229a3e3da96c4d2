"""Victims: who was hit, when the clause names them by a count or a group word.

"مقتل 110 من عناصر داعش", "خمسة جنود قتلوا": a mention counted among the dead is a target, not
an actor. Word tables: hand-curated from Arabic news usage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from khabar.events.fatalities import NUMBER_WORDS
from khabar.events.roles import MentionRef
from khabar.events.scan import Trigger, Word
from khabar.text.normalize import normalize_key

VERB_POS = frozenset({"V", "V+", "I"})


@dataclass(slots=True)
class Arguments:
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    location: str | None = None
    fatalities: int | None = None
    civilians: bool = False
    target_text: str | None = None
    described: set[str] = field(default_factory=set)  # ids of descriptive phrase entities (ثلاثة أشخاص)


# Words of a victim phrase: "19 من عناصر داعش قتلوا", "مقتل 22 من ميليشيا الحوثي", "في صفوف الميليشيا".
VICTIM_WORDS = frozenset(normalize_key(w) for w in (
    "عناصر", "صفوف", "أفراد", "افراد", "جنود", "مقاتلي", "مسلحي", "قادة", "قيادات", "أعضاء", "اعضاء", "عنصرا",
    "قياديا", "قيادي", "القيادي", "عضوا", "مسؤولا", "قائد", "قائدا",
))
VICTIM_REACH = 4  # words before the mention looked at for a count or a victim word


def _counted(words: list[Word], first: int, sentence: int, lo: int) -> bool:
    """A count or a victim word within ``VICTIM_REACH`` words before word ``first`` (not before ``lo``)."""
    for k in range(first - 1, max(lo, first - VICTIM_REACH) - 1, -1):
        if words[k].sentence != sentence:
            return False
        norm = words[k].norm
        bare = norm[1:] if norm[:1] == "و" and len(norm) > 3 else norm  # وخمسة متطرفين
        if norm.isdigit() or bare in NUMBER_WORDS or norm in VICTIM_WORDS or norm[1:] in VICTIM_WORDS:
            return True
    return False


DEATH_HINTS = tuple(normalize_key(w) for w in ("قتل", "مقتل", "مصرع", "قتلى", "قتيل"))


def _death_word_near(words: list[Word], m: MentionRef, sentence: int, reach: int = 6) -> bool:
    """A death word (قتلوا، بمقتل، مصرع) within ``reach`` words of the mention, in its sentence."""
    for k in range(max(0, m.first_word - reach), min(len(words), m.last_word + reach + 1)):
        if words[k].sentence == sentence and not (m.first_word <= k <= m.last_word) \
                and any(hint in words[k].norm for hint in DEATH_HINTS):
            return True
    return False


def victim_before(words: list[Word], m: MentionRef, trigger: Trigger) -> bool:
    """A mention before the trigger counted among the dead (خمسة جنود قتلوا، مقتل 52 من عناصر داعش)."""
    verb_plural = trigger.entry.pos in VERB_POS and words[trigger.first_word].norm.endswith(("وا", "و"))
    return _counted(words, m.first_word, trigger.sentence, 0) and (
        (trigger.entry.fatal and verb_plural and m.last_word >= trigger.first_word - 3)
        or _death_word_near(words, m, trigger.sentence))


def victim_after(words: list[Word], m: MentionRef, trigger: Trigger) -> bool:
    """A mention after a death word counted among the dead (مقتل 110 من عناصر تنظيم داعش)."""
    return trigger.entry.fatal and m.first_word > trigger.last_word \
        and _counted(words, m.first_word, trigger.sentence, trigger.last_word + 1)


def victims_to_targets(words: list[Word], mentions: list[MentionRef], trigger: Trigger, args: Arguments) -> None:
    """An "actor" named as the ones counted dead (مقتل 110 من عناصر داعش، خمسة جنود قتلوا) is the target."""
    for actor in list(args.actors):
        refs = [m for m in mentions if m.entity == actor]
        if not refs:
            continue
        m = min(refs, key=lambda r: abs(r.first_word - trigger.first_word))
        after = m.first_word > trigger.last_word
        if after and trigger.entry.fatal and _counted(words, m.first_word, trigger.sentence, trigger.last_word + 1):
            victim = True  # مقتل 52 من عناصر داعش
        elif not after and victim_before(words, m, trigger):
            victim = True  # خمسة جنود قتلوا في انفجار، بمقتل 52 من عناصر داعش في غارات: the counted died
        else:
            victim = False
        if victim:
            args.actors.remove(actor)
            if actor not in args.targets:
                args.targets.append(actor)


def counted_subject(words: list[Word], before: list[MentionRef], trigger: Trigger,
                    usable: Callable[[MentionRef], bool]) -> str | None:
    """"خمسة أفراد من قوات الأمن قُتلوا", "19 من عناصر داعش قتلوا": the counted subject of a plural
    death verb is the side that lost them (a target), whoever the clause names as the attacker."""
    if not (trigger.entry.pos in VERB_POS and words[trigger.first_word].norm.endswith(("وا", "و"))):
        return None
    if not trigger.entry.fatal and trigger.entry.type != "COERCE":
        return None
    for m in reversed(before):
        if m.last_word < trigger.first_word - 4:
            return None
        if not trigger.entry.fatal and m.type not in ("NORP", "PER"):
            continue  # أربعة إيطاليين اختطفوا (held), not ثلاثة مسلحين اختطفوا (the abductors)
        if usable(m) and _counted(words, m.first_word, trigger.sentence, 0):
            return m.entity
    return None
