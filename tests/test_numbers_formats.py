"""Numbers: dotted thousands, bracketed figures, verb qualifiers, units, names and codes, duals,
and the region pre-filter (offsets and results equal to a whole-text reading)."""

from __future__ import annotations

import pytest

from helpers import number_reader
from khabar.numbers.stage import number_expressions
from khabar.text.normalize import normalize
from khabar.time.scan import fast_normalize, scan

numbers = number_reader("value", "unit", "qualifier")


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("بلغ العدد الإجمالي للركاب (6.671.878) حتى نهاية يونيو", "6.671.878", 6671878),
    ("بلغ عدد الركاب المسافرين 5.085.864 بزيادة", "5.085.864", 5085864),
    ("غرمت اللجنة النادي مبلغا قدره (100.000)ريال", "100.000", 100000),
    ("ارتفع المؤشر 62.65 نقطة", "62.65 نقطة", 62.65),  # a decimal point stays a decimal point
])
def test_dotted_thousands(text: str, surface: str, value: object) -> None:
    assert numbers(text)[surface][0] == value


def test_bracketed_figure_with_scale_or_unit_after_the_parenthesis() -> None:
    # The figure already written in full: "مليون" after it adds nothing and is not a second number.
    assert numbers("مقارنة بـ (5.969.428) مليون مسافر") == {"5.969.428": (5969428, None, None)}
    assert numbers("بلغ عدد الركاب (237.273) ألف راكب")["237.273"][0] == 237273
    assert numbers("برأسمال (55.1) مليون ريال")["55.1"][:2] == (55100000, "riyal")
    assert numbers("مبلغ قدره (100.000)ريال")["100.000"][1] == "riyal"


@pytest.mark.parametrize(("text", "surface", "value", "qualifier"), [
    ("بقيمة تقارب 2.3 مليار ريال.", "تقارب 2.3 مليار ريال", 2300000000, "about"),
    ("بتداولات قاربت 4.7 مليارات ريال.", "قاربت 4.7 مليارات ريال", 4700000000, "about"),
    ("وقيمة تتجاوز ملياري ريال، عن", "تتجاوز ملياري ريال", 2000000000, "more_than"),
    ("بسبب التعذيب ما لا يقل عن 3 أشخاص.", "ما لا يقل عن 3", 3, "at_least"),
    ("ولا يزال حوالى 13 الف جندي", "حوالى 13 الف", 13000, "about"),
    ("قتل مسلحون نحو 30 شخصا", "نحو 30", 30, "about"),
    ("وأكثر من 58 ألف قرض", "أكثر من 58 ألف", 58000, "more_than"),
])
def test_qualifiers(text: str, surface: str, value: object, qualifier: str) -> None:
    got = numbers(text)[surface]
    assert (got[0], got[2]) == (value, qualifier)


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("بلغت درجة الحرارة 49 درجة مئوية", "49 درجة مئوية", 49, "celsius"),
    ("بسرعة 120 كم/ساعة على الطريق", "120 كم/ساعة", 120, "km/h"),
    ("على بعد 45 كيلومترا من المدينة", "45 كيلومترا", 45, "km"),
    ("عند مستوى 9337.86 نقطة", "9337.86 نقطة", 9337.86, "point"),
    ("عجز بقيمة 24.60 مليار جنيه", "24.60 مليار جنيه", 24600000000, "pound"),
    ("بنسبة 8 في المائة", "8 في المائة", 8, "percent"),
])
def test_units(text: str, surface: str, value: object, unit: str) -> None:
    assert numbers(text)[surface][:2] == (value, unit)


def test_names_codes_and_references_are_not_quantities() -> None:
    text = ("عملا بالمواد (49) ووفق المادة (126) من اللائحة، وعند الدقيقة ( 17 ) من الشوط الثاني، "
            "للاستفسار الاتصال على الرقم 0112345678 أو الجوال 0501234567")
    assert numbers(text) == {}
    assert "2014" not in " ".join(numbers("شارك المنتخب في مونديال 2014 بالبرازيل"))


def test_scores_are_two_numbers_not_a_range() -> None:
    found = number_expressions("خسرت ميكرونيزيا بنتيجة 38-0 أمام فيجي")
    assert [n.value for n in found] == [38, 0]
    assert [n.value for n in number_expressions("تعادل 1-1 مع فانواتو")] == [1, 1]


def test_duals_and_the_taliban() -> None:
    assert numbers("قتل تنظيم داعش 4 مدنيين بينهم طفل وسيدتان")["سيدتان"][0] == 2
    assert numbers("تبدأ الشركة برحلتين أسبوعيا")["رحلتين"][0] == 2
    assert numbers("ومعظمهم من حركة طالبان.") == {}  # not two students


def test_years_in_dates_and_seasons_are_not_numbers() -> None:
    assert numbers("خلال الفترة 2014-2015 ارتفعت") == {}
    assert numbers("للموسم الرياضي 1435هـ ـ 1436هـ وعند") == {}
    assert numbers("وارتفعت الواردات العام الماضي 2014، بنسبة 8 في المائة") == {"8 في المائة": (8, "percent", None)}


def test_fast_normalize_matches_the_reference_normalizer() -> None:
    for text in ("قُتِلَ خمسةٌ وعشرونَ شخصًا في ٢٦ أكتوبر", "بلا تشكيل 12", "", "ـــ ً ٌ", "إلى أبريل آذار"):
        fast, reference = fast_normalize(text), normalize(text)
        assert fast.text == reference.text
        for offset in range(len(reference.text) + 1):
            assert fast.to_original(offset) == reference.to_original(offset)
            assert fast.span_to_original(0, offset) == reference.span_to_original(0, offset)
        for offset in range(len(text) + 1):
            assert fast.from_original(offset) == reference.from_original(offset)


def test_prefilter_keeps_every_number_of_a_long_text(seed_text: str) -> None:
    # Far-apart numbers in a long text: each gets its own region; offsets stay exact.
    filler = " ".join(["وقال المسؤول إن الوضع مستقر"] * 40)
    text = f"قتل خمسة أشخاص. {filler} وأصيب 12 آخرون. {filler} وبلغت الخسائر 3.5 مليار دولار. {seed_text}"
    values = [n.value for n in number_expressions(text)]
    assert values[:3] == [5, 12, 3500000000]
    assert len(scan(text).anchors) >= 3
