"""Numbers: digits, number words, compounds, ranges, qualifiers, units, counted nouns; dates skipped."""

from __future__ import annotations

import time

import pytest

from helpers import number_reader
from khabar.document import Document
from khabar.numbers.stage import extract_numbers, number_expressions

numbers = number_reader("value", "unit", "about")


def test_seed(seed_text: str) -> None:
    doc = extract_numbers(Document(seed_text))
    by_text = {n.text: n for n in doc.numbers}
    assert by_text["خمسة"].value == 5 and by_text["خمسة"].about == "أشخاص"
    assert by_text["بين مئات الآلاف ومليون"].value == [100000, 1000000]
    assert by_text["بين مئات الآلاف ومليون"].about == "شخص"
    assert not any("2014" in n.text for n in doc.numbers)  # "سنة 2014" is a date


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("قتل خمسة وعشرون شخصا", "خمسة وعشرون", 25),
    ("نزح مئة وخمسون ألفا", "مئة وخمسون ألفا", 150000),
    ("يعيش فيها 3 ملايين نسمة", "3 ملايين", 3000000),
    ("أصيب أحد عشر جنديا", "أحد عشر", 11),
    ("حضر خمسة عشر لاعبا", "خمسة عشر", 15),
    ("بنى ثلاثمئة وخمسة منازل", "ثلاثمئة وخمسة", 305),
    ("وصل ثلاث مئة شخص", "ثلاث مئة", 300),
    ("يضم ثلاثة ملايين وخمسمئة ألف نسمة", "ثلاثة ملايين وخمسمئة ألف", 3500000),
    ("نحو مليون و200 ألف لاجئ", "نحو مليون و200 ألف", 1200000),
    ("نصف مليون طفل", "نصف مليون", 500000),
    ("دفع ألفين", "ألفين", 2000),
    ("قتل ٤٥ جنديا", "٤٥", 45),
    ("بلغ ۱۲۵ شخصا", "۱۲۵", 125),
    ("سجل ١٬٢٥٠ إصابة", "١٬٢٥٠", 1250),
    ("وصل عددهم إلى 12,500,000 نسمة", "12,500,000", 12500000),
    ("نما ٣٫٥ بالمئة", "٣٫٥ بالمئة", 3.5),
    ("مبيعات 02ر5 مليون سيارة", "02ر5 مليون", 5020000),
])
def test_values(text: str, surface: str, value: object) -> None:
    assert numbers(text)[surface][0] == value


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("ارتفع بنسبة 20%", "20%", 20, "percent"),
    ("ارتفع بنسبة ٢٥٪", "٢٥٪", 25, "percent"),
    ("بنسبة 3.5 في المئة", "3.5 في المئة", 3.5, "percent"),
    ("نسبة 40 في المائة", "40 في المائة", 40, "percent"),
    ("بلغت 2.5 مليار دولار", "2.5 مليار دولار", 2500000000, "USD"),
    ("بقيمة 300 مليون ريال سعودي", "300 مليون ريال سعودي", 300000000, "SAR"),
    ("دفع 500 يورو", "500 يورو", 500, "EUR"),
    ("بلغ 1500 دينار كويتي", "1500 دينار كويتي", 1500, "KWD"),
    ("بسعر 1000 ليرة سورية", "1000 ليرة سورية", 1000, "SYP"),
    ("على بعد 50 كيلومترا", "50 كيلومترا", 50, "km"),
])
def test_units(text: str, surface: str, value: object, unit: str) -> None:
    assert numbers(text)[surface][:2] == (value, unit)


def test_counted_nouns_and_duals() -> None:
    assert numbers("قتل ستة قتلى")["ستة"] == (6, None, "قتلى")
    assert numbers("قتل 51 من داعش")["51"] == (51, None, "داعش")
    assert numbers("سقط قتيلين في الهجوم")["قتيلين"] == (2, None, "قتيل")
    assert numbers("سيذهب شخصان")["شخصان"] == (2, None, "شخص")
    assert numbers("قتل شخص واحد")["واحد"] == (1, None, "شخص")


def test_ranges_and_qualifiers() -> None:
    assert numbers("بين 10 و20 قتيلا")["بين 10 و20"][0] == [10, 20]
    assert numbers("بين 3 و5 ملايين نسمة")["بين 3 و5 ملايين"][0] == [3000000, 5000000]
    assert numbers("عشرات الآلاف من الروبيات")["عشرات الآلاف"][0] == [10000, 99999]
    assert numbers("بضعة آلاف")["بضعة آلاف"][0] == [3000, 9999]
    assert numbers("شهد 10-15 هجوما")["10-15"][0] == [10, 15]
    found = {n.text: n for n in number_expressions("قتل أكثر من 50 شخصا ونحو 300 مدني")}
    assert (found["أكثر من 50"].value, found["أكثر من 50"].qualifier) == (50, "more_than")
    assert found["أكثر من 50"].about == "شخص"
    assert (found["نحو 300"].value, found["نحو 300"].qualifier) == (300, "about")


def test_not_numbers() -> None:
    assert numbers("الفصل الخامس من الكتاب") == {}  # ordinal
    assert numbers("في القرن التاسع عشر") == {}
    assert numbers("اجتمعوا يوم الاثنين") == {}  # Monday
    assert numbers("لست أدري") == {}
    assert numbers("الساعة 10:30 صباحا") == {}
    assert numbers("في 26 أكتوبر 2016 وسنة 2014") == {}  # dates belong to the dates stage
    assert numbers("جاء عدد من المسلحين") == {}


def test_bad_input() -> None:
    assert extract_numbers(Document("")).numbers == []
    assert numbers("Five people, 5 cars") == {"5": (5, None, "cars")}
    assert numbers("؟؟؟ ... ٫٫ ،،") == {}
    big = "وقتل خمسة وعشرون شخصا و3 ملايين دولار بنسبة 20% في 26 أكتوبر 2016. " * 3000
    start = time.perf_counter()
    found = number_expressions(big)
    assert len(found) == 9000
    assert time.perf_counter() - start < 20


def test_names_and_clock_times_are_not_quantities() -> None:
    found = numbers("ارتفع مؤشر يوروفرست 300 ومؤشر كاك 40 بنسبة 1% عند الساعة 12 ظهرا")
    assert set(found) == {"1%"}


def test_definite_cardinal_after_definite_noun() -> None:
    assert numbers("أعلنت المجلة الصور العشر الفائزة")["العشر"][0] == 10
    assert numbers("اتفاق إيران والقوى العالمية الست")["الست"][0] == 6
    assert numbers("في القرن العشرين") == {}  # a definite ten after a noun is an ordinal


def test_from_to_range_versus_change() -> None:
    assert numbers("تتراوح العقوبة من 3 إلى 5 سنوات")["من 3 إلى 5"][0] == [3, 5]
    found = numbers("رفع عدد الأسرة من 50 إلى 100 سرير")
    assert found["50"][0] == 50 and found["100"][0] == 100  # a change, not a range


def test_dual_girl_and_no_kaf_reading() -> None:
    assert numbers("توفيت فتاتان في الحادث")["فتاتان"][0] == 2
    assert numbers("تم تداول كميات من الذهب") == {}  # "كميات" is not ك + مئات


def test_arabic_comma_thousands_separator() -> None:
    found = numbers("وبلغت تكلفة المشروع 15،000،000 ريال سعودي")
    assert found["15،000،000 ريال سعودي"][:2] == (15000000, "SAR")
    # A list with the Arabic comma is not one number: groups after the first are not 3 digits.
    assert set(numbers("فازت الفرق بالمراكز 10،20،30")) == {"10", "20", "30"}


def test_qualifier_after_two_letter_proclitic() -> None:
    found = {n.text: n for n in number_expressions("وبما يزيد عن 300 شخص، وقدرت الخسائر بأكثر من 20 مليون ريال")}
    assert (found["ما يزيد عن 300"].value, found["ما يزيد عن 300"].qualifier) == (300, "more_than")
    assert (found["أكثر من 20 مليون ريال"].value, found["أكثر من 20 مليون ريال"].qualifier) == (
        20000000, "more_than")


def test_dual_train_and_cubic_metres() -> None:
    assert numbers("اصطدم قطارين قرب محطة المدينة")["قطارين"] == (2, None, "قطار")
    assert numbers("تضخ المحطة 500 ألف متر مكعب يوميا")["500 ألف متر مكعب"][:2] == (500000, "m3")


def test_clock_time_ranges_are_not_numbers() -> None:
    assert numbers("تستقبل العيادة المراجعين من ٧ إلى ٨.٣٠ مساء يوميا") == {}
    assert numbers("يبدأ الدوام بين 7 و9 صباحا") == {}
    assert numbers("قتل 5 أشخاص مساء")["5"] == (5, None, "أشخاص")


def test_year_ranges_are_dates_not_number_ranges() -> None:
    assert numbers("عمل مديرا للشركة في الفترة من 2007 إلى 2013") == {}
    assert numbers("ارتفع سعر الطن من 2000 إلى 2013 ريالا")["2000"][0] == 2000  # a change of price
    assert numbers("في الفترة من 1436هـ حتى اليوم") == {}


def test_dead_is_not_two_hundred_but_the_dual_of_hundred_is() -> None:
    from khabar.numbers.stage import number_expressions

    assert [n.value for n in number_expressions("وعثر على الرجل ميتا في منزله")] == []
    assert [n.value for n in number_expressions("قتل مئتا شخص في الهجوم")] == [200]
    assert [n.value for n in number_expressions("أصيب أكثر من مئتين من المتظاهرين")] == [200]
    assert [n.value for n in number_expressions("ولدوا ميتين في المستشفى")] == []
