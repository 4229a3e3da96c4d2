"""Normalization for matching never changes the stored text and maps back to exact offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from khabar.text.normalize import arabic_ratio, normalize, normalize_key


def test_foldings() -> None:
    assert normalize_key("إعدامهم") == "اعدامهم"
    assert normalize_key("أفغانستان") == "افغانستان"
    assert normalize_key("آلاف") == "الاف"
    assert normalize_key("مدينة") == "مدينه"
    assert normalize_key("على") == "علي"
    assert normalize_key("مُحَمَّدٌ") == "محمد"
    assert normalize_key("الـــموصل") == "الموصل"
    assert normalize_key("٢٠١٦ و۱۲") == "2016 و12"
    assert normalize_key("”حلب“ «نعم»") == '"حلب" "نعم"'
    assert normalize_key("مسؤول") == "مسوول"
    assert normalize_key("ک\u200fی") == "كي"


def test_offsets_map_back_through_removed_diacritics() -> None:
    text = "قالَ الرئيسُ: «نَعَم»"
    norm = normalize(text)
    assert norm.text == 'قال الرييس: "نعم"'
    start = norm.text.index("الرييس")
    begin, end = norm.span_to_original(start, start + len("الرييس"))
    assert text[begin:end] == "الرئيسُ"
    assert norm.to_original(len(norm.text)) == len(text)
    assert norm.from_original(text.index("الرئيس")) == start


@given(st.text(alphabet=st.sampled_from(list("قالَُِّـ«»”“ 0١٢abإأآةى\u200f")), max_size=60))
def test_offset_map_is_monotonic_and_exact(text: str) -> None:
    norm = normalize(text)
    assert len(norm.original_offsets) == len(norm.text)
    assert list(norm.original_offsets) == sorted(norm.original_offsets)
    for index, original in enumerate(norm.original_offsets):
        assert normalize_key(text[original]) == norm.text[index]


def test_arabic_ratio() -> None:
    assert arabic_ratio("قال لافروف") == 1.0
    assert arabic_ratio("The minister said") == 0.0
    assert arabic_ratio("1234 !!") == 0.0
    assert arabic_ratio("قال Lavrov") == 3 / 9
