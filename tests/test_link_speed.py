"""The link stage's speed-ups (issue 7) give exactly what the plain definitions give.

Word scanning, proclitic variants, phrase matching, the KB scan, the beam search step and the memoized
candidate look-ups are each compared with a straightforward reference written here, on the seed article.
"""

from __future__ import annotations

import random
import re

import pytest

from khabar.document import Document, Mention
from khabar.link.kb import KnowledgeBase, get_kb
from khabar.link.kbscan import _entries, _index, _phrases
from khabar.link.keys import clitic_forms, name_key
from khabar.link.resolve import cached_candidates, candidates
from khabar.link.scan import Word, match_phrases, words
from khabar.link.stage import link_entities
from khabar.link.translit import BOS, _dedupe, model, prepare_arabic

WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return get_kb()


def _reference_words(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), name_key(m.group())) for m in WORD.finditer(text) if name_key(m.group())]


def test_words_offsets_and_keys(seed_text: str) -> None:
    found = words(seed_text)
    assert found == _reference_words(seed_text)
    assert all(seed_text[w.start:w.end] and name_key(seed_text[w.start:w.end]) == w.key for w in found)
    text = "قالَ عبدالعزيز: الـرياض_الجديدة، و«لافروف»"
    assert [(text[w.start:w.end], w.key) for w in words(text)] == [
        ("قالَ", "قال"), ("عبدالعزيز", "عبد العزيز"), ("الـرياض_الجديدة", "الرياض الجديده"), ("و", "و"),
        ("لافروف", "لافروف")]
    for odd in ("", "   ", "...", "_", "Reuters 2016", "\u064b\u0640"):
        assert words(odd) == _reference_words(odd)


def _reference_clitic_forms(key: str) -> list[tuple[str, int]]:
    """Proclitics written plainly: the word, without و/ف, then each of those without ب/ل/ك (لل + X = ل + الX),
    then a word starting ل as the second half of لل + X (لجامعة = الجامعة)."""
    first, space, rest = key.partition(" ")
    forms = {first: 0}
    stems = [(first, 0)]
    if first[:1] in ("و", "ف") and len(first) >= 3:
        forms.setdefault(first[1:], 1)
        stems.append((first[1:], 1))
    for word, cost in stems:
        if word[:1] in ("ب", "ل", "ك") and len(word) >= 3:
            stem = word[1:]
            if word[0] == "ل" and stem[0] == "ل" and len(stem) >= 3:
                forms.setdefault("ا" + stem, cost + 1)
            forms.setdefault(stem, cost + 1)
    if first[:1] == "ل" and len(first) >= 4 and first[1] != "ل":  # the second half of a cut لل + X
        forms.setdefault("ا" + first, 1)
    return [(word + space + rest, cost) for word, cost in forms.items()]


def test_clitic_forms(seed_text: str) -> None:
    assert clitic_forms("وبالموصل") == (("وبالموصل", 0), ("بالموصل", 1), ("الموصل", 2))
    assert clitic_forms("للقوات العراقية") == (("للقوات العراقية", 0), ("القوات العراقية", 1), ("لقوات العراقية", 1))
    assert clitic_forms("لكيري") == (("لكيري", 0), ("كيري", 1), ("الكيري", 1))  # last: ل of a cut لل + X
    assert clitic_forms("موسكو") == (("موسكو", 0),)
    assert clitic_forms("وب") == (("وب", 0),)  # never below a 2-letter stem
    keys = {w.key for w in words(seed_text)} | {"ولل", "فلل", "للل", "كك", "ول", ""}
    for key in keys:
        assert list(clitic_forms(key)) == _reference_clitic_forms(key), key


def _reference_match(tokens: list[Word], phrases: set[str], max_words: int) -> list[tuple[int, int, str, int]]:
    """Longest phrase at each word (fewest stripped letters among equally long ones), left to right."""
    found, index = [], 0
    while index < len(tokens):
        best = None
        for size in range(min(max_words, len(tokens) - index), 0, -1):
            rest = "".join(" " + t.key for t in tokens[index + 1:index + size])
            best = next(((index, index + size - 1, variant + rest, cost) for variant, cost in clitic_forms(tokens[index].key)
                         if variant + rest in phrases), None)
            if best:
                break
        found.append(best) if best else None
        index = best[1] + 1 if best else index + 1
    return found


def test_match_phrases_clitics_and_longest() -> None:
    text = "التقى لافروف بنظيره جون كيري، وقال لكيري إن للقوات العراقية دورا."
    tokens = words(text)
    phrases = {name_key(p) for p in ("كيري", "جون كيري", "القوات العراقية", "لافروف")}
    found = list(match_phrases(text, tokens, phrases.__contains__, {p.split()[0] for p in phrases}, 2))
    assert [(m.key, text[m.name_start:tokens[m.last].end]) for m in found] == [
        ("لافروف", "لافروف"), ("جون كيري", "جون كيري"), ("كيري", "كيري"), ("القوات العراقيه", "للقوات العراقية")]
    assert [(m.first, m.last, m.key, m.clitic_cost) for m in found] == _reference_match(tokens, phrases, 2)


def test_match_phrases_matches_reference(seed_text: str) -> None:
    tokens = words(seed_text)
    rng = random.Random(11)
    for _ in range(40):
        phrases = set()
        for _ in range(12):
            at, size = rng.randrange(len(tokens)), rng.randint(1, 3)
            key = " ".join(t.key for t in tokens[at:at + size])
            phrases.add(key[1:] if rng.random() < 0.3 and len(key) > 4 else key)
        firsts = {p.split()[0] for p in phrases}
        found = match_phrases(seed_text, tokens, phrases.__contains__, firsts, 3)
        assert [(m.first, m.last, m.key, m.clitic_cost) for m in found] == _reference_match(tokens, phrases, 3)


def test_kb_scan_phrases_match_reference(seed_text: str, kb: KnowledgeBase) -> None:
    keys = _index(kb).keys
    text = seed_text + "\nوفي مدينة الموصل قال مسؤول في الحشد الشعبي إن بغداد ومحافظة نينوى بخير."
    tokens = words(text)
    found = [(m.first, m.last, m.key, m.clitic_cost) for m in _phrases(text, tokens, kb)]
    assert found == _reference_match(tokens, set(keys), 8)
    named = {m[2] for m in found}
    assert {name_key(place) for place in ("الموصل", "بغداد")} <= named
    assert any(key.endswith(name_key("نينوى")) for key in named)  # alone or as محافظة نينوى
    assert all(_entries(kb, key) for key in named)


def test_beam_step_is_sorted_expansion() -> None:
    current = model()
    if current is None:
        pytest.skip("no transliteration model")
    rng = random.Random(5)
    for name in ("نعينيعة", "شتاينماير", "القيارة", "كوباني", "عبدالرحمن", "ستولتنبرغ"):
        beams = [(0.0, (BOS,), "")]
        for letter in prepare_arabic(name):
            for size in (1, 3, 12):
                assert current._step(beams, letter, size) == _dedupe(current._expand(beams, letter, size), size)
            beams = current._step(beams, letter, 12)
            if len(beams) > 2 and rng.random() < 0.5:  # equal scores: order must follow the beams
                beams = [(round(s, 1), h, t) for s, h, t in beams]


def test_candidate_memo_gives_fresh_equal_candidates(kb: KnowledgeBase) -> None:
    for key, kind in (("موسكو", "GPE"), ("الموصل", "GPE"), ("لافروف", "PER"), ("داعش", "ORG"), ("زززز", "PER")):
        expected = candidates(kb, name_key(key), kind)
        first, second = cached_candidates(kb, name_key(key), kind), cached_candidates(kb, name_key(key), kind)
        assert first == expected == second
        assert all(a is not b for a, b in zip(first, second, strict=True))
    assert kb.lookup("موسكو") is not kb.lookup("موسكو")  # callers may change what they get


def test_link_twice_same_output(seed_text: str, kb: KnowledgeBase) -> None:
    def linked() -> list[dict]:
        doc = Document(seed_text)
        at = seed_text.find("لافروف")
        doc.mentions = [Mention(at, at + 6, "لافروف", "PER", "ner", 0.9)] if at >= 0 else []
        return [e.to_json() for e in link_entities(doc, kb).entities]

    first = linked()
    assert first and first == linked()
    assert any(e["type"] == "PER" and e["name_en"] for e in first)
