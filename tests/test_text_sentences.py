"""Sentence segmentation on the seed article and on tricky strings."""

from __future__ import annotations

import pytest

from khabar.text.quotemarks import find_quotations
from khabar.text.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_seed_sentences(seed_text: str) -> None:
    sentences = split_sentences(seed_text)
    assert len(sentences) >= 8
    paragraphs = [p for p in seed_text.split("\n") if p.strip()]
    assert len(paragraphs) == 9
    # every paragraph starts a sentence and no sentence crosses a paragraph break
    starts = {s.start for s in sentences}
    offset = 0
    for paragraph in seed_text.split("\n"):
        if paragraph.strip():
            assert offset in starts
        offset += len(paragraph) + 1
    for sentence in sentences:
        assert "\n" not in seed_text[sentence.start:sentence.end]


def test_seed_sentences_cover_text(seed_text: str) -> None:
    sentences = split_sentences(seed_text)
    covered = set()
    previous_end = 0
    for sentence in sentences:
        chunk = seed_text[sentence.start:sentence.end]
        assert chunk == chunk.strip() and chunk
        assert sentence.start >= previous_end
        previous_end = sentence.end
        covered.update(range(sentence.start, sentence.end))
    assert all(i in covered for i, ch in enumerate(seed_text) if not ch.isspace())


def test_seed_closed_quote_not_split(seed_text: str) -> None:
    # the quoted Kerry sentence (with commas inside) stays in one sentence with its cue
    texts = _texts(seed_text)
    kerry = [t for t in texts if "متابعا" in t]
    assert len(kerry) == 1 and kerry[0].endswith("شخص”.")


def test_arabic_punctuation() -> None:
    text = "هل انتهت الحرب؟ لا، لم تنته! قال ذلك؛ ثم غادر. وانتهى الأمر…"
    assert _texts(text) == ["هل انتهت الحرب؟", "لا، لم تنته!", "قال ذلك؛", "ثم غادر.", "وانتهى الأمر…"]


def test_arabic_comma_does_not_split() -> None:
    assert len(split_sentences("وصل الوزير، والتقى الرئيس، ثم غادر.")) == 1


def test_abbreviations_and_numbers() -> None:
    text = ("قال د. محمد علي إن النسبة بلغت 3.5 في المئة عام 2014 م. في بغداد. "
            "وأكد أ.د. سمير أن الاجتماع عقد في 12.10.2016 بحضور U.S. officials. وانتهى.")
    assert _texts(text) == [
        "قال د. محمد علي إن النسبة بلغت 3.5 في المئة عام 2014 م. في بغداد.",
        "وأكد أ.د. سمير أن الاجتماع عقد في 12.10.2016 بحضور U.S. officials.",
        "وانتهى.",
    ]


def test_latin_abbreviations() -> None:
    assert _texts("Mr. Smith met Dr. Jones. They talked.") == ["Mr. Smith met Dr. Jones.", "They talked."]


def test_urls_and_emails() -> None:
    text = "راجع www.example.com/a.html أو اكتب إلى info@example.org. شكرا."
    assert len(split_sentences(text)) == 2


def test_quote_content_not_split() -> None:
    text = "قال الوزير: “لن نتراجع. سنواصل العمل.” ثم غادر القاعة. وانتهى الاجتماع."
    assert _texts(text) == ["قال الوزير: “لن نتراجع. سنواصل العمل.” ثم غادر القاعة.", "وانتهى الاجتماع."]


def test_closing_mark_after_terminator_stays_in_sentence() -> None:
    text = "قال: «انتهى الأمر.» وغادر. ثم عاد."
    assert _texts(text) == ["قال: «انتهى الأمر.» وغادر.", "ثم عاد."]


def test_given_quotations_are_used() -> None:
    text = "قال: “لن نتراجع. سنواصل.” ثم غادر."
    assert len(split_sentences(text, [])) == 3
    assert len(split_sentences(text, find_quotations(text))) == 1


def test_paragraphs_split_without_punctuation() -> None:
    assert _texts("العنوان الأول\n\nنص الخبر هنا\r\nسطر آخر") == ["العنوان الأول", "نص الخبر هنا", "سطر آخر"]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\u200f"])
def test_empty_and_blank(text: str) -> None:
    sentences = split_sentences(text)
    assert all(text[s.start:s.end].strip() for s in sentences)
    if not text.strip():
        assert sentences == []
