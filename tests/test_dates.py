"""Dates: absolute (both month systems, Maghrebi, numeric, Hijri), weekday and relative resolution."""

from __future__ import annotations

import time

import pytest

from khabar.document import Document, Meta
from khabar.text.normalize import normalize_key
from khabar.time.stage import NO_PUBLISHED_WARNING, date_expressions, extract_dates
from khabar.time.tables import GREGORIAN_MONTHS
from tests.helpers import date_reader

PUBLISHED = "2016-10-26"  # a Wednesday
dates = date_reader(PUBLISHED)


def test_seed_resolved_against_publication(seed_text: str) -> None:
    doc = extract_dates(Document(seed_text, Meta(published=PUBLISHED)))
    by_text = {d.text: (d.value, d.precision) for d in doc.dates}
    assert by_text["يوم الإثنين"] == ("2016-10-24", "day")
    assert by_text["الأمس"] == ("2016-10-25", "day")  # "بالأمس": the proclitic ب is left out
    assert by_text["سنة 2014"] == ("2014", "year")
    assert doc.warnings == []


def test_seed_without_publication_date(seed_text: str) -> None:
    doc = extract_dates(Document(seed_text))
    by_text = {d.text: d for d in doc.dates}
    assert by_text["يوم الإثنين"].value is None
    assert by_text["الأمس"].value is None
    assert by_text["سنة 2014"].value == "2014"  # absolute dates still resolve
    assert doc.warnings.count(NO_PUBLISHED_WARNING) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("وصل في 26 أكتوبر 2016 إلى بغداد", ("26 أكتوبر 2016", "2016-10-26", "day")),
    ("في 26 تشرين الأول 2016", ("26 تشرين الأول 2016", "2016-10-26", "day")),
    ("بتاريخ 26/10/2016 صدر", ("26/10/2016", "2016-10-26", "day")),
    ("بتاريخ 2016-10-26", ("2016-10-26", "2016-10-26", "day")),
    ("خلال أكتوبر 2016", ("أكتوبر 2016", "2016-10", "month")),
    ("منذ عام 2014م", ("عام 2014م", "2014", "year")),
    ("في 12 جانفي 2015 بالجزائر", ("12 جانفي 2015", "2015-01-12", "day")),
    ("يوم 5 جويلية 1962", ("5 جويلية 1962", "1962-07-05", "day")),
    ("في 3 شتنبر 2015 بالرباط", ("3 شتنبر 2015", "2015-09-03", "day")),
    ("15 محرم 1438 هـ", ("15 محرم 1438 هـ", "2016-10-16", "day")),
    ("الموافق ١٥ محرم ١٤٣٨هـ", ("١٥ محرم ١٤٣٨هـ", "2016-10-16", "day")),
    ("في ٢٧ نوفمبر عام ١٩٥٧", ("٢٧ نوفمبر عام ١٩٥٧", "1957-11-27", "day")),
    ("الثلاثاء 21 يوليو (تموز) 2015", ("الثلاثاء 21 يوليو (تموز) 2015", "2015-07-21", "day")),
    ("حتى 31 آذار/مارس المقبل", ("31 آذار/مارس المقبل", "2017-03-31", "day")),
])
def test_absolute(text: str, expected: tuple[str, str, str]) -> None:
    surface, value, precision = expected
    assert dates(text)[surface] == (value, precision)


@pytest.mark.parametrize(("text", "surface", "value", "precision"), [
    ("وقع الهجوم الأحد الماضي", "الأحد الماضي", "2016-10-23", "day"),
    ("سيزور بغداد الأحد المقبل", "الأحد المقبل", "2016-10-30", "day"),
    ("يوم الأربعاء", "يوم الأربعاء", "2016-10-26", "day"),  # the publication day itself
    ("الأربعاء الماضي", "الأربعاء الماضي", "2016-10-19", "day"),
    ("وصل أول أمس", "أول أمس", "2016-10-24", "day"),
    ("يعود غدا", "غدا", "2016-10-27", "day"),
    ("صرح اليوم (الأربعاء)", "اليوم (الأربعاء)", "2016-10-26", "day"),
    ("الأسبوع الماضي", "الأسبوع الماضي", "2016-W42", "week"),
    ("الشهر الماضي", "الشهر الماضي", "2016-09", "month"),
    ("العام الماضي", "العام الماضي", "2015", "year"),
    ("قبل ثلاثة أيام", "قبل ثلاثة أيام", "2016-10-23", "day"),
    ("قبل يومين", "قبل يومين", "2016-10-24", "day"),
    ("قبل 20 عاما", "قبل 20 عاما", "1996", "year"),
    ("في يوليو الماضي", "يوليو الماضي", "2016-07", "month"),
    ("في شهر رمضان", "شهر رمضان", "2016-06", "month"),
])
def test_relative(text: str, surface: str, value: str, precision: str) -> None:
    assert dates(text)[surface] == (value, precision)


def test_approximate_offset_keeps_bound_and_qualifier() -> None:
    found, _ = date_expressions("تقوم القوات منذ أكثر من أسبوع بهجوم", PUBLISHED)
    (item,) = found
    assert (item.text, item.value, item.precision, item.qualifier) == (
        "منذ أكثر من أسبوع", "2016-W42", "week", "more_than")


def test_not_dates() -> None:
    assert dates("في اليوم التالي عاد") == {}
    assert dates("وقع البلدان الاثنين اتفاقا") == {}  # no weekday here
    assert dates("مارس الضغط على الحكومة") == {}  # the verb, not March


def test_bad_input() -> None:
    assert extract_dates(Document("")).dates == []
    assert dates("The meeting was on Monday, 24 October 2016.") == {}
    doc = extract_dates(Document("وصل أمس", Meta(published="not a date")))
    assert doc.dates[0].value is None and doc.warnings
    big = ("قال الوزير يوم الإثنين إن 5 أشخاص قتلوا في 26 أكتوبر 2016. " * 3000)
    start = time.perf_counter()
    found, _ = date_expressions(big, PUBLISHED)
    assert len(found) == 6000
    assert time.perf_counter() - start < 10


def test_month_table_covers_cldr_names() -> None:
    babel_dates = pytest.importorskip("babel.dates")
    for locale in ("ar", "ar_IQ", "ar_LB", "ar_DZ", "ar_TN", "ar_MA"):
        for number, name in babel_dates.get_month_names("wide", locale=locale).items():
            assert GREGORIAN_MONTHS[normalize_key(name)] == number


def test_bare_year_after_a_noun() -> None:
    assert dates("خفضت الشركة توقعاتها لأرباح 2015.")["2015"] == ("2015", "year")
    assert "2000" not in dates("بلغ عدد الزوار 2000.")


def test_today_that_is_not_the_publication_day() -> None:
    assert dates("عين اليوم – متابعات") == {}
    assert dates("ففي هذا اليوم يتبادل الجميع التهاني") == {}


def test_named_weekday_overrides_today() -> None:
    # Published on a Wednesday, but the text says "today, Monday": that Monday.
    assert dates("أعلن المستشفى اليوم الإثنين")["اليوم الإثنين"] == ("2016-10-24", "day")


def test_future_tense_picks_the_next_weekday() -> None:
    assert dates("ستعقد اللجنة اجتماعها يوم الخميس")["يوم الخميس"] == ("2016-10-27", "day")
    assert dates("عقدت اللجنة اجتماعها يوم الخميس")["يوم الخميس"] == ("2016-10-20", "day")


def test_two_month_names_and_hijri_month_relative() -> None:
    assert dates("أضعف مستوياته منذ فبراير شباط 2010")["فبراير شباط 2010"] == ("2010-02", "month")
    # Published 2015-08-05 (Shawwal 1436): next Dhu al-Qadah is mid-August to mid-September 2015.
    assert dates("مطلع شهر ذي القعدة المقبل", "2015-08-05")["شهر ذي القعدة المقبل"] == ("2015-08", "month")


def test_weekday_with_day_month_and_no_year() -> None:
    # Sunday 26/7: the Gregorian reading is the one that falls on a Sunday (26 July 2015).
    assert dates("يبدأ التسجيل يوم الأحد 26/7", "2015-07-21")["يوم الأحد 26/7"] == ("2015-07-26", "day")


def test_weekday_with_day_month_does_not_cross_muwafiq() -> None:
    # Published Wednesday 2015-08-05; 21 Shawwal 1436 is Thursday 2015-08-06.
    found = dates("تبدأ الدراسة غدا الخميس الموافق 21 /10 /1436هـ في جميع المدارس", "2015-08-05")
    assert found["غدا الخميس"] == ("2015-08-06", "day")
    assert found["21 /10 /1436هـ"] == ("2015-08-06", "day")
    assert "الخميس الموافق 21 /10" not in found


def test_weekday_before_numeric_date_is_one_span() -> None:
    found = dates("وتنطلق الفعاليات يوم الاثنين 19/9/1436هـ في الرياض", "2015-07-01")
    assert found == {"يوم الاثنين 19/9/1436هـ": ("2015-07-06", "day")}
    # Year first keeps its era sign: 12 Shawwal 1436 = 2015-07-28.
    assert dates("صدر القرار بتاريخ 1436/10/12هـ", "2015-08-01")["1436/10/12هـ"] == ("2015-07-28", "day")


def test_bare_hijri_year() -> None:
    # A Hijri year resolves to the Gregorian year of its 1 Rajab (1 Rajab 1436 = 2015-04-20).
    assert dates("أنجزت الوزارة المشروع في 1436هـ", "2015-08-01")["1436هـ"] == ("2015", "year")


def test_since_month_is_in_the_past() -> None:
    # Published in July 2015: "since December" is December 2014, not the coming December.
    assert dates("لم يتسلم العمال رواتبهم منذ ديسمبر", "2015-07-21")["ديسمبر"] == ("2014-12", "month")
    assert dates("ويستمر العرض حتى ديسمبر", "2015-07-21")["ديسمبر"] == ("2015-12", "month")


def test_year_range_gives_two_years() -> None:
    found = dates("شغل منصب المدير العام في الفترة من 2007 إلى 2013 قبل تقاعده")
    assert found == {"2007": ("2007", "year"), "2013": ("2013", "year")}
