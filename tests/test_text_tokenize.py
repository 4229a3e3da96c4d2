"""Tokenization and clitic segmentation: seed article, tricky strings and random input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.document import Document, Token
from khabar.text.clitics import segment_word
from khabar.text.normalize import normalize_key
from khabar.text.sentences import split_sentences
from khabar.text.stage import segment_text
from khabar.text.tokenize import tokenize


def _check_tokens(text: str, tokens: list[Token]) -> None:
    previous_end = 0
    for token in tokens:
        assert token.text == text[token.start:token.end] and token.text
        assert token.start >= previous_end
        assert not any(ch.isspace() for ch in token.text)
        previous_end = token.end
        assert token.norm == normalize_key(token.text)
        assert [s.role for s in token.segments].count("stem") == 1
        assert token.segments[0].start == token.start and token.segments[-1].end == token.end
        for left, right in zip(token.segments, token.segments[1:], strict=False):
            assert left.end == right.start
        for segment in token.segments:
            assert segment.text == text[segment.start:segment.end]
    covered = {i for t in tokens for i in range(t.start, t.end)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def _pieces(word: str) -> list[str]:
    return [s.text for s in segment_word(word)]


def test_seed_tokens(seed_text: str) -> None:
    doc = segment_text(Document(seed_text))
    _check_tokens(seed_text, doc.tokens)
    assert len(doc.sentences) >= 8 and doc.quotations
    for token in doc.tokens:
        sentence = doc.sentences[token.sentence]
        assert sentence.start <= token.start and token.end <= sentence.end
    words = {t.text: t for t in doc.tokens}
    assert [s.text for s in words["لكيري"].segments] == ["ل", "كيري"]
    assert [s.text for s in words["بالعاصمة"].segments] == ["ب", "ال", "عاصمة"]
    assert [s.text for s in words["لأجيبه"].segments] == ["ل", "أجيب", "ه"]
    assert [s.role for s in words["لأجيبه"].segments] == ["proclitic", "stem", "enclitic"]
    # punctuation marks are tokens of their own
    assert sum(1 for t in doc.tokens if t.text == "”") == seed_text.count("”") == 8
    assert "2014" in words


@pytest.mark.parametrize(("word", "pieces"), [
    ("والموصل", ["و", "ال", "موصل"]),
    ("بالموصل", ["ب", "ال", "موصل"]),
    ("للقوات", ["ل", "ل", "قوات"]),
    ("وبالتالي", ["و", "ب", "ال", "تالي"]),
    ("فسيقوم", ["ف", "س", "يقوم"]),
    ("وإعدامهم", ["و", "إعدام", "هم"]),
    ("استعادتها", ["استعادت", "ها"]),
    ("كلها", ["كل", "ها"]),
    ("الإرهابيين", ["ال", "إرهابيين"]),
])
def test_clitics_split(word: str, pieces: list[str]) -> None:
    assert _pieces(word) == pieces


@pytest.mark.parametrize("word", [
    "وزير", "واشنطن", "بشار", "كيري", "فرنسا", "لبنان", "ليبيا", "فلسطين", "بغداد", "بيروت",
    "سوريا", "لندن", "وليد", "فيصل", "كمال", "وسام", "عربي", "روسي", "بنك", "الذي", "الله", "إلى",
    "كما", "لكن", "بين", "فقط",
])
def test_names_and_words_not_split(word: str) -> None:
    assert _pieces(word) == [word]


def test_diacritics_and_tatweel_stay_inside() -> None:
    text = "وَالْمَوْصِلُ والمـــوصل مُحَمَّدٌ"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["وَالْمَوْصِلُ", "والمـــوصل", "مُحَمَّدٌ"]
    assert [s.text for s in tokens[0].segments] == ["وَ", "الْ", "مَوْصِلُ"]
    assert [s.text for s in tokens[1].segments] == ["و", "ال", "مـــوصل"]
    assert tokens[1].norm == "والموصل"
    _check_tokens(text, tokens)


def test_numbers_punctuation_and_latin() -> None:
    text = "ارتفع المؤشر 3.5% إلى ١٢٫٥ نقطة (1,250,000 دولار) وفق Reuters-Ipsos، راجع https://x.org/a?b=1."
    tokens = [t.text for t in tokenize(text)]
    for expected in ("3.5", "%", "١٢٫٥", "(", "1,250,000", ")", "Reuters-Ipsos", "،",
                     "https://x.org/a?b=1", "."):
        assert expected in tokens
    assert tokens[-1] == "."


def test_mixed_script_words_split() -> None:
    assert [t.text for t in tokenize("عام2014م")] == ["عام", "2014", "م"]


def test_sentence_index() -> None:
    text = "وصل الوزير. ثم غادر إلى بغداد."
    tokens = tokenize(text)
    assert [t.sentence for t in tokens if t.text in ("الوزير", "بغداد")] == [0, 1]
    assert tokenize(text, split_sentences(text))[-1].sentence == 1


@pytest.mark.parametrize("text", ["", " ", "\n\t ", "\u200f", "ـــ", "\u064e", "🙂🙂", "a" * 5000])
def test_degenerate_inputs(text: str) -> None:
    tokens = tokenize(text)
    _check_tokens(text, tokens)
    doc = segment_text(Document(text))
    assert doc.tokens == tokens


def test_megabyte_text_runs(seed_text: str) -> None:
    text = "\n".join([seed_text] * (1_000_000 // len(seed_text) + 1))
    began = time.perf_counter()
    doc = segment_text(Document(text))
    assert time.perf_counter() - began < 45  # generous: a few seconds on one core
    assert len(doc.sentences) >= 8 * (len(text) // len(seed_text))
    assert doc.tokens[-1].end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("والموصلبكيهنا ًٌٍَُِّْـ.،؛؟!:\"“”«»‘’'()\n 0123٠١٫٬,xyzU")), max_size=80))
def test_property_arabic_like(text: str) -> None:
    doc = segment_text(Document(text))
    _check_tokens(text, doc.tokens)
    for quotation in doc.quotations:
        assert quotation.content.text == text[quotation.content.start:quotation.content.end]
        assert quotation.start <= quotation.content.start <= quotation.content.end <= quotation.end
    previous_end = 0
    for sentence in doc.sentences:
        chunk = text[sentence.start:sentence.end]
        assert chunk and chunk == chunk.strip() and sentence.start >= previous_end
        previous_end = sentence.end


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_property_any_unicode(text: str) -> None:
    doc = segment_text(Document(text))
    _check_tokens(text, doc.tokens)
