"""NER fast path: exact model weights, emission scores summed from per-word blocks, and tags that
are the same as CRFsuite's own tagging from the feature strings."""

from __future__ import annotations

import pytest

pytest.importorskip("numpy")  # the fast path needs numpy (a core dependency)

from khabar.ner.conll import spans
from khabar.ner.crfweights import read_weights
from khabar.ner.lexicon import Lexicon
from khabar.ner.model import MODEL_FILE, NerTagger
from khabar.text.tokenize import tokenize


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return NerTagger.load()


def _sentences(text: str) -> list[list[str]]:
    out: dict[int, list[str]] = {}
    for token in tokenize(text):
        out.setdefault(token.sentence, []).append(token.text)
    return list(out.values())


def test_weights_match_the_crfsuite_dump(tagger: NerTagger) -> None:
    weights = read_weights(tagger.path / MODEL_FILE)
    info = tagger._tagger.info()
    assert set(weights.labels) == set(info.labels)
    assert len(weights.attributes) == len(info.attributes)
    label = {name: i for i, name in enumerate(weights.labels)}
    attribute = {name: i for i, name in enumerate(weights.attributes)}
    for (name, tag), value in list(info.state_features.items())[:5000]:
        assert weights.state[attribute[name], label[tag]] == pytest.approx(value, abs=1e-6)
    for (source, target), value in info.transitions.items():
        assert weights.transitions[label[source], label[target]] == pytest.approx(value, abs=1e-6)


def test_fast_tags_equal_crfsuite_on_the_seed(tagger: NerTagger, seed_text: str) -> None:
    assert tagger._scorer is not None  # the fast path is on for the shipped model
    sentences = _sentences(seed_text)
    fast = tagger.tag_document_marginals(sentences)
    reference = tagger.reference_tags(sentences)
    assert [tags for tags, _ in fast] == [tags for tags, _ in reference]
    for (_, got), (_, expected) in zip(fast, reference, strict=True):
        assert got == pytest.approx(expected, abs=1e-9)
    found = {(kind, " ".join(words[s:e])) for words, (tags, _) in zip(sentences, fast, strict=True)
             for kind, s, e in spans(tags)}
    assert ("PER", "سيرجي لافروف") in found
    assert ("LOC", "موسكو") in found


@pytest.mark.parametrize("sentences", [
    [],
    [[]],
    [["قال", " ", "لافروف"], [], ["hello", "world", "123", "،"]],
    [["وزير", "الخارجية", "الروسي", "سيرجي", "لافروف"] * 100],  # longer than one tagging window
    [["|", "||", "a|b", "-1:x", "pad", "bias"]],  # strings that look like feature syntax
])
def test_fast_tags_equal_crfsuite_on_edge_cases(tagger: NerTagger, sentences: list[list[str]]) -> None:
    fast = tagger.tag_document_marginals(sentences)
    reference = tagger.reference_tags(sentences)
    assert [tags for tags, _ in fast] == [tags for tags, _ in reference]
    assert [len(tags) for tags, _ in fast] == [len(s) for s in sentences]


def test_phrase_matches_find_longest_multiword_names() -> None:
    lexicon = Lexicon({"الامم المتحده": {"O"}, "الامم": {"O"}, "مجلس الامن الدولي": {"O"},
                       "مجلس الامن": {"K:ORG"}})
    keys = ["قال", "مجلس", "الامن", "الدولي", "و", "الامم", "المتحده", "الامم"]
    assert lexicon.matches(keys, min_len=2) == [(1, 4, frozenset({"O"})), (5, 7, frozenset({"O"}))]
    assert lexicon.matches(keys[:3], min_len=2) == [(1, 3, frozenset({"K:ORG"}))]
    assert lexicon.matches([], min_len=2) == []
