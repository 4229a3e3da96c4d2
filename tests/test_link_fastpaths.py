"""The link stage's fast paths give exactly what the plain definitions give.

Each fast path (places file reader, ``name_key`` shortcut, overlap map, memoized beam search) is compared
with a straightforward reference written here.
"""

from __future__ import annotations

import math
import random
import re

from khabar.link.kb import PLACES_FILE, _rows, place_entries, place_from_row
from khabar.link.keys import name_key
from khabar.link.scan import SpanSet
from khabar.link.translit import BOS, EOS, SEP, model, prepare_arabic
from khabar.text.normalize import normalize_key


def test_places_reader_matches_csv_reader() -> None:
    assert list(place_entries(PLACES_FILE)) == [place_from_row(row) for row in _rows(PLACES_FILE)]


def _reference_name_key(text: str) -> str:
    folded = re.sub(r"[^\w\s]|_", " ", normalize_key(text))
    folded = re.sub(r"(?<!\S)عبد(?=ال\S)", "عبد ", folded)
    return re.sub(r"\s+", " ", folded).strip()


def test_name_key_matches_reference() -> None:
    samples = ["سيرجي لافروف", "عبدالعزيز", " عبد الله ", "الأمم_المتحدة", "«داعش»", "جون  كيري\n", "", "U.S.",
               "وزير الخارجية الأمريكي", "عبدالله-عبدالرحمن", "مُحَمَّد"]
    rng = random.Random(7)
    alphabet = [*"عبدال ـًٌ_-.،\t\nxyz1٢", "عبدال", "  "]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for text in samples:
        assert name_key(text) == _reference_name_key(text), repr(text)


def test_span_set_matches_pairwise_overlap() -> None:
    rng = random.Random(3)
    for _ in range(2000):
        length = rng.randint(0, 30)
        spans = [(rng.randint(0, length), rng.randint(0, length)) for _ in range(rng.randint(0, 6))]
        taken = SpanSet(length, spans)
        for _ in range(10):
            start, end = rng.randint(0, length + 2), rng.randint(0, length + 2)
            assert taken.overlaps(start, end) == any(start < e and s < end for s, e in spans)


def _reference_spell(arabic: str, beam: int = 12) -> str:
    """The beam search written plainly: every expansion scored, sorted, deduplicated."""
    current = model()
    assert current is not None

    def score(history: tuple[str, ...], graphone: str) -> float:
        penalty = 0.0
        for size in range(len(history), -1, -1):
            value = current.ngrams.get(" ".join((*history[len(history) - size:], graphone)))
            if value is not None:
                return value + penalty
            penalty += math.log10(0.4)
        return penalty - 7.0

    beams: list[tuple[float, tuple[str, ...], str]] = [(0.0, (BOS,), "")]
    for letter in arabic:
        expanded = [(total + score(history[-2:], letter + SEP + chunk), (*history[-1:], letter + SEP + chunk),
                     text + chunk) for total, history, text in beams for chunk in current.chunks.get(letter) or [""]]
        expanded.sort(key=lambda item: -item[0])
        seen: set[tuple[tuple[str, ...], str]] = set()
        beams = []
        for item in expanded:
            if (item[1], item[2]) not in seen:
                seen.add((item[1], item[2]))
                beams.append(item)
                if len(beams) == beam:
                    break
    return max((total + score(history[-2:], EOS), text) for total, history, text in beams)[1]


def test_beam_search_matches_reference() -> None:
    current = model()
    if current is None:
        return
    names = ["نعينيعة", "القيارة", "لافروف", "كيري", "شتاينماير", "زويد", "داسو", "بيكو", "ميلو", "حمدان",
             "اوباما", "بوتين", "كوباني", "عين العرب", "تلعفر", "سنجار", "نينوى", "محمد", "محمود", "محمدي"]
    for name in names:
        for word in name.split():
            prepared = prepare_arabic(word)
            assert current.spell(prepared) == _reference_spell(prepared), word
