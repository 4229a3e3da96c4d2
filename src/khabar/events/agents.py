"""The attacker named inside the attack phrase that follows a death or attack word.

Arabic news often tells a death first and its cause after it, with the attacker inside the cause:
"قُتلوا في هجوم نفذه مسلحون", "قتل 14 جنديا في غارة أمريكية", "مقتل 110 في غارات شنتها مروحيات
الجيش", "قتلوا في اشتباكات مع القوات العراقية", "جراء القصف المكثف لطيران التحالف", "خلال قتال
جماعات إسلامية", "على يد متطرف". The attacker of the cause is the actor of the death.
Word tables: hand-curated from Arabic news usage (SaudiNewsNet conflict reports) and the PLOVER /
ACLED notion of an event's initiator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.document import Document
from khabar.events.scan import Trigger, Word
from khabar.text.normalize import key_set

# Nouns of an attack or a fight that carry their attacker (bare forms, without ال or a proclitic).
ATTACK_NOUNS = key_set(
    "غارة", "غارات", "هجوم", "هجمات", "هجومين", "هجوما", "قصف", "كمين", "قتال", "نيران", "رصاص", "صاروخ",
    "صواريخ", "قذيفة", "قذائف", "اشتباكات", "اشتباك", "مواجهات", "ضربات", "ضربة", "تفجير", "تفجيرات",
    "اعتداء", "اعتداءات", "عملية", "قنص", "طلقات", "إطلاق", "اطلاق", "استهداف", "حملة", "ضربة", "غاره",
)
# Clash nouns: "اشتباكات مع X" / "قتال X": X is the other side, the one who killed those named before.
CLASH_NOUNS = key_set("اشتباكات", "اشتباك", "مواجهات", "قتال", "معارك", "معركة")
WITH = key_set("مع")
# Verbs of a relative clause after an attack noun whose subject is the attacker (غارات شنتها X).
AGENT_VERBS = key_set(
    "شنها", "شنته", "شنه", "شنتها", "شنوه", "شنوها", "نفذها", "نفذه", "نفذته", "نفذتها", "نفذوه", "نفذوها",
    "اطلقها", "اطلقته", "اطلقه", "اطلقتها", "اطلقوها", "تشنه", "يشنه", "تشنها", "يشنها", "ينفذه", "تنفذه",
    "شنّها", "شنّه", "شنّته", "شنّتها", "أطلقتها", "أطلقته", "أطلقها", "أطلقه",
)
# Markers of the agent after a death word, at any distance in the clause (قتل على يد X، برصاص X).
AGENT_PHRASE_MARKERS = key_set("يد", "يدي", "قبل", "برصاص", "بنيران", "بسلاح")
# Words of blame after an attack (ألقي باللوم فيه على X، يشتبه بوقوف X وراءه، اتهم X بتنفيذه): X is its actor.
BLAME_WORDS = key_set("باللوم", "اللوم", "بوقوف", "وقوف", "بالمسؤولية")
# Words that end the cause phrase: a new clause, a second happening or the source of the report.
STOP_WORDS = key_set(
    "فيما", "بينما", "حيث", "كما", "وقال", "قال", "وقالت", "قالت", "واضاف", "واضافت", "بحسب", "حسب", "وفق",
    "وفقا", "الذي", "التي", "الذين", "والذي", "والتي", "ان", "إن", "أن", "بعد", "منذ", "وفي", "لكن", "ولكن",
)
# Prepositions after an attack noun that introduce its target or place, not its attacker.
# Owner words (عربة تابعة للعناصر الإرهابية): the ل-mention after them owns the thing hit, it did not hit.
NOT_AGENT_LINKS = key_set("على", "ضد", "في", "من", "عن", "الى", "إلى", "بين", "قرب", "داخل", "بحق", "تابعة",
                        "التابعة", "تابع", "التابع", "تابعين", "التابعين", "تابعه", "التابعه")
BETWEEN = key_set("بين")
# Heads of an armed force named after "من" (قصف من طائرات النظام، هجوم من قوات ...): the attacker.
FORCE_HEADS = key_set("طائرات", "طائره", "طيران", "مقاتلات", "مروحيات", "قوات", "جيش", "مسلحي", "عناصر", "ميليشيات",
                    "مليشيات", "ميليشيا", "مليشيا", "بوارج", "زوارق", "دبابات", "مدفعية")
PROCLITICS = ("و", "ف", "ب", "ل", "ك")
REACH = 14  # words after the trigger looked at for the cause phrase
NOUN_REACH = 4  # words after an attack noun looked at for its attacker


@dataclass(frozen=True, slots=True)
class Ref:
    """An entity mention at a word: the entity's id, its type and the word index it starts at."""

    entity: str
    type: str
    word: int


@lru_cache(maxsize=WORD_CACHE_SIZE)
def bare(norm: str) -> str:
    """The word without one or two proclitics and the article (بالغارة -> غاره)."""
    out = norm
    for _ in range(2):
        if len(out) > 3 and out[0] in PROCLITICS:
            out = out[1:]
    if out.startswith("ال") and len(out) > 3:
        out = out[2:]
    elif out.startswith("لل") and len(out) > 3:
        out = out[2:]
    return out


def mention_starts(doc: Document, words: list[Word], lo: int, hi: int) -> dict[int, Ref]:
    """Entity mentions that begin in words ``lo``..``hi`` (a proclitic before the name allowed)."""
    spans = [(k, words[k].start, words[k].end) for k in range(lo, min(hi, len(words)))]
    if not spans:
        return {}
    first, last = spans[0][1], spans[-1][2]
    out: dict[int, Ref] = {}
    for entity in doc.entities:
        for mention in entity.mentions:
            if mention.start < first or mention.start >= last:
                continue
            for k, start, end in spans:
                if start <= mention.start < end:
                    old = out.get(k)
                    if old is None or (old.type == "NORP" and entity.type != "NORP"):
                        out[k] = Ref(entity.id, entity.type, k)
                    break
    return out


def _agent_marker(words: list[Word], j: int) -> bool:
    """على يد / من قبل / برصاص / بنيران at word ``j``: the next mention is the agent."""
    norm = words[j].norm
    prev = words[j - 1].norm if j > 0 and words[j - 1].sentence == words[j].sentence else ""
    if norm in ("يد", "يدي"):
        return prev in ("علي", "على")
    if norm == "قبل":
        return prev == "من"
    return norm in AGENT_PHRASE_MARKERS


def _is_attack(norm: str) -> bool:
    return bare(norm) in ATTACK_NOUNS or norm in ATTACK_NOUNS


def norp_at(doc: Document, word: Word) -> Ref | None:
    """A nationality mention starting in ``word`` (غارة أمريكية), also one the argument index leaves out
    as an adjective."""
    for entity in doc.entities:
        if entity.type == "NORP" and any(word.start <= m.start < word.end for m in entity.mentions):
            return Ref(entity.id, entity.type, -1)
    return None


def cause_agent(doc: Document, words: list[Word], trigger: Trigger, usable: Callable[[str, str], bool],
                targets: list[str], refs: dict[int, Ref] | None = None) -> str | None:
    """The attacker named in the attack phrase after ``trigger`` (the trigger itself when it is one).

    ``usable(entity_id, type)`` says whether an entity may be an actor (not the speaker, not a town);
    ``refs``: the mentions of the trigger's sentence by the index of their first word (found here
    when not given).
    """
    sentence = trigger.sentence
    hi = min(len(words), trigger.last_word + 1 + REACH)
    if refs is None:
        refs = mention_starts(doc, words, trigger.last_word + 1, hi + NOUN_REACH)

    def ok(ref: Ref | None) -> bool:
        return ref is not None and ref.entity not in targets and usable(ref.entity, ref.type)

    start = trigger.first_word if _is_attack(words[trigger.first_word].norm) else trigger.last_word + 1
    for j in range(start, hi):
        word = words[j]
        if word.sentence != sentence or (j > trigger.last_word and word.norm in STOP_WORDS):
            return None
        if j > trigger.last_word and words[j].norm in BLAME_WORDS:
            for m in range(j + 1, min(len(words), j + 1 + NOUN_REACH)):  # ألقي باللوم فيه على X، بوقوف X وراءه
                if ok(refs.get(m)):
                    ref = refs.get(m)
                    return ref.entity if ref else None
        if j > trigger.last_word and _agent_marker(words, j):
            ref = refs.get(j + 1)
            if ok(ref):
                return ref.entity if ref else None
        if not _is_attack(word.norm):
            continue
        found = _noun_agent(doc, words, j, refs, ok, cause=j > trigger.last_word)
        if found is not None:
            return found
    return None


def _noun_agent(doc: Document, words: list[Word], j: int, refs: dict[int, Ref],
                ok: Callable[[Ref | None], bool], cause: bool) -> str | None:
    """The attacker of the attack noun at word ``j``: its genitive, لـX, a NORP adjective, شنها X, مع X.

    ``cause``: the noun tells the cause of a death named before it, so "اشتباكات مع X" names the
    killer; a clash noun that is the event itself has X as its other side (a target), not its actor.
    """
    sentence = words[j].sentence
    clash = bare(words[j].norm) in CLASH_NOUNS
    for k in range(j + 1, min(len(words), j + 1 + NOUN_REACH)):
        word = words[k]
        if word.sentence != sentence:
            return None
        ref = refs.get(k)
        if ref is None and k == j + 1:
            ref = norp_at(doc, word)
        if word.norm in AGENT_VERBS:
            for m in range(k + 1, k + 5):  # نفذه من يشتبه بأنهم إرهابيون
                if ok(refs.get(m)):
                    ref = refs.get(m)
                    return ref.entity if ref else None
            return None
        if word.norm in BETWEEN and clash:
            nxt = refs.get(k + 1)  # اشتباكات بين القوات النظامية و...: the first side named
            return nxt.entity if ok(nxt) else None
        if word.norm == "من" and k + 1 < len(words) and bare(words[k + 1].norm) in FORCE_HEADS:
            nxt = refs.get(k + 1)  # قصف من طائرات النظام السوري
            return nxt.entity if ok(nxt) else None
        if word.norm in WITH:
            nxt = refs.get(k + 1)
            return nxt.entity if clash and cause and ok(nxt) else None
        if ref is not None:
            if not ok(ref):
                return None
            if k == j + 1 and (ref.type == "NORP" or clash or _definite(word.norm)):
                return ref.entity  # غارة أمريكية، هجوم الميليشيات، قتال جماعات إسلامية
            if word.norm.startswith("ل") and ref.type in ("ORG", "NORP", "GPE"):
                return ref.entity  # القصف المكثف لطيران التحالف، كمين للمقاومة
            return None
        if word.norm in NOT_AGENT_LINKS or bare(word.norm) in NOT_AGENT_LINKS:
            return None  # the target or the place follows, not the attacker
    return None


def _definite(norm: str) -> bool:
    return norm.startswith(("ال", "لل", "وال"))
