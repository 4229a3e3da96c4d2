"""Quotation-mark pairing on the seed article and on tricky strings."""

from __future__ import annotations

import pytest

from khabar.text.quotemarks import find_quotations


@pytest.fixture(scope="module")
def seed(seed_text: str) -> str:
    return seed_text


def _after(text: str, marker: str) -> int:
    """Offset of the quotation mark that follows ``marker`` (spaces skipped)."""
    index = text.index(marker) + len(marker)
    while text[index] == " ":
        index += 1
    return index


def _by_start(text: str) -> dict[int, object]:
    return {q.start: q for q in find_quotations(text)}


def test_seed_every_quote_found(seed: str) -> None:
    quotes = _by_start(seed)
    for marker in ("موسكو :", "لأجيبه :", "أفاد :", "الحالي :", "متابعا :"):
        start = _after(seed, marker)
        assert start in quotes, f"no quotation after {marker!r}"
    assert len(quotes) == 5


def test_seed_reversed_marks_pair(seed: str) -> None:
    quote = _by_start(seed)[_after(seed, "الحالي :")]
    assert quote.open_mark == "”" and quote.close_mark == "”" and quote.closed
    assert quote.content.text.startswith("في الموصل خططنا")
    assert quote.content.text.endswith("والمدنيون يعانون")
    kerry = _by_start(seed)[_after(seed, "متابعا :")]
    assert kerry.content.text.startswith("لكن تقديرات الأمم المتحدة")
    assert kerry.content.text.endswith("ومليون شخص")


def test_seed_nested_quote(seed: str) -> None:
    quotes = _by_start(seed)
    outer = quotes[_after(seed, "موسكو :")]
    inner = quotes[_after(seed, "لأجيبه :")]
    assert inner.depth == outer.depth + 1
    assert inner.closed and inner.content.text == "وفي حلب أيضا يجب تحرير المدينة من الإرهابيين"
    assert outer.content.start < inner.start and inner.end <= outer.end
    assert outer.content.text.startswith("بالأمس سألت جون كيري")
    # the outer quote is never closed: it ends with its paragraph
    assert not outer.closed and outer.close_mark is None
    assert "\n" not in outer.content.text and "وأضاف" not in outer.content.text


def test_seed_curly_quote_after_colon(seed: str) -> None:
    quote = _by_start(seed)[_after(seed, "أفاد :")]
    assert quote.open_mark == "“"
    assert quote.content.text.startswith("قلت له أن في الموصل")
    assert quote.content.text.endswith("لمغادرة المدينة")
    assert "\n" not in quote.content.text


def test_offsets_are_exact(seed: str) -> None:
    for quote in find_quotations(seed):
        assert quote.content.text == seed[quote.content.start:quote.content.end]
        assert seed[quote.start] == quote.open_mark
        if quote.closed:
            assert seed[quote.end - 1] == quote.close_mark


@pytest.mark.parametrize("text", [
    "قال «نحن هنا» ثم غادر",
    "قال “نحن هنا” ثم غادر",
    "قال ”نحن هنا“ ثم غادر",
    'قال "نحن هنا" ثم غادر',
    "قال :”نحن هنا” ثم غادر",
    "قال: ” نحن هنا “ ثم غادر",
    "قال ‘نحن هنا’ ثم غادر",
])
def test_styles(text: str) -> None:
    quotes = find_quotations(text)
    assert len(quotes) == 1
    assert quotes[0].content.text == "نحن هنا" and quotes[0].closed


def test_nested_guillemets_in_curly() -> None:
    text = "قال الوزير: “نرفض ما سماه «الحل المؤقت» بشدة” ثم غادر."
    outer, inner = find_quotations(text)
    assert outer.content.text == "نرفض ما سماه «الحل المؤقت» بشدة" and outer.depth == 0
    assert inner.content.text == "الحل المؤقت" and inner.depth == 1


def test_unbalanced_closed_at_paragraph_end() -> None:
    text = "وقال: “سنواصل القتال حتى النهاية.\nوفي سياق آخر، أعلن الجيش “النصر”."
    quotes = find_quotations(text)
    assert len(quotes) == 2
    first, second = quotes
    assert not first.closed and first.content.text == "سنواصل القتال حتى النهاية."
    assert second.closed and second.content.text == "النصر"


def test_apostrophes_are_not_quotes() -> None:
    assert find_quotations("the Qur’an and don’t") == []


@pytest.mark.parametrize("text", ["", "   ", "\n", "”", "“", "«", '"', "«»", "““””", "a\"b"])
def test_degenerate_inputs(text: str) -> None:
    for quote in find_quotations(text):
        assert quote.content.text == text[quote.content.start:quote.content.end]
        assert quote.content.text.strip()
