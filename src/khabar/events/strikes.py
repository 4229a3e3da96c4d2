"""Further strikes told by one trigger: "غارات على قرية X ...، وعلى قرية Y" is one event per place.

``coordinated_places`` finds the places of the second (third ...) strike; ``second_strike`` copies the
first candidate to each of them.
"""

from __future__ import annotations

from dataclasses import replace

from khabar.events.cues import CLAUSE_BREAKS, LOCATIVE_WORDS
from khabar.events.merge import Candidate, Place
from khabar.events.scan import Trigger, Word
from khabar.events.weak import ON
from khabar.text.normalize import normalize_key

SECOND_ON = normalize_key("وعلى")
COORDINATION_REACH = 30


def coordinated_places(words: list[Word], trigger: Trigger, attack_words: set[int],
                       places: dict[int, str]) -> list[str | None]:
    """"غارات على قرية X ...، وعلى قرية Y": the places of a second (third ...) strike told by the same
    trigger, one per "وعلى" + place noun before the next attack word (None: a place without entity)."""
    nxt = trigger.last_word + 1
    if trigger.entry.type != "ASSAULT" or not any(
            _in(words, k, trigger.sentence) and words[k].norm == ON for k in (nxt, nxt + 1)):
        return []
    out: list[str | None] = []
    for k in range(nxt + 1, min(len(words), nxt + COORDINATION_REACH)):
        if words[k].sentence != trigger.sentence or k in attack_words or words[k].norm in CLAUSE_BREAKS:
            break
        if words[k].norm == SECOND_ON and _in(words, k + 1, trigger.sentence) \
                and words[k + 1].norm in LOCATIVE_WORDS:
            out.append(places.get(k + 2, places.get(k + 1)))
    return out


def _in(words: list[Word], k: int, sentence: int) -> bool:
    return 0 <= k < len(words) and words[k].sentence == sentence


def second_strike(candidate: Candidate, location: str | None, place: Place | None, number: int) -> Candidate:
    """A copy of ``candidate`` at another place (``place``: its coordinates): its own event (its toll is
    not told apart)."""
    return replace(candidate, location=location, place=place, fatalities=None,
                   clause=candidate.clause + 100 * number, distinct=True, actors=list(candidate.actors),
                   targets=list(candidate.targets), evidence=list(candidate.evidence),
                   sentences=set(candidate.sentences), described=set(candidate.described), clauses=set())
