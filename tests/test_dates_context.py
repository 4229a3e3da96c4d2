"""Dates that lean on their context: a year after a period, a month of a relative year, "19 منه",
a weekday joined by الموافق, seasons, dashed year ranges, event names with a year, Hijri months
after a preposition, part-of qualifiers, durations counted from an event."""

from __future__ import annotations

import pytest

from khabar.time.stage import date_expressions
from tests.helpers import date_reader

PUBLISHED = "2015-08-06"  # a Thursday
dates = date_reader(PUBLISHED)


@pytest.mark.parametrize(("text", "surface", "value", "precision"), [
    ("وارتفعت الواردات العام الماضي 2014، بنسبة 8 في المائة", "العام الماضي 2014", "2014", "year"),
    ("خلال النصف الأول من العام الحالي 2015 ؛ حيث", "النصف الأول من العام الحالي 2015", "2015-H1", "half"),
    ("حتى نهاية شهر يونيو من العام الحالي، بزيادة", "شهر يونيو من العام الحالي", "2015-06", "month"),
    ("في 20 مايو من العام الماضي", "20 مايو من العام الماضي", "2014-05-20", "day"),
    ("وسبق لتاهيتي الفوز على جزر كوك في 1971.", "1971", "1971", "year"),
    ("التصفيات المؤهلة لأولمبياد ريو دي جانيرو الصيفي 2016.", "2016", "2016", "year"),
])
def test_years_and_months(text: str, surface: str, value: str, precision: str) -> None:
    assert dates(text)[surface] == (value, precision)


def test_same_month_day_takes_the_month_before() -> None:
    found = dates("في أيام العيد منذ 17 يوليو (تموز) حتى 19 منه، حيث بلغ عدد الضحايا 157 شخصا")
    assert found["17 يوليو (تموز)"] == ("2015-07-17", "day")
    assert found["19 منه"] == ("2015-07-19", "day")
    assert dates("وأخذ 19 منه") == {}  # no month before: nothing to complete


def test_weekday_joined_to_a_date_takes_its_day() -> None:
    found = dates("ستبدأ العربية بتسيير رحلاتها اعتبارا من يوم الخميس الموافق 20 اغسطس بأربع رحلات")
    assert found["يوم الخميس"] == ("2015-08-20", "day")
    assert found["20 اغسطس"] == ("2015-08-20", "day")


def test_seasons_are_not_dates_and_dashed_years_are_two_years() -> None:
    assert dates("للموسم الرياضي 1435هـ ـ 1436هـ وعند الدقيقة") == {}
    assert dates("العام الدراسي 1437/1436هـ") == {}
    found = dates("خلال الفترة 2014-2015 ارتفعت")
    assert found == {"2014": ("2014", "year"), "2015": ("2015", "year")}


def test_hijri_month_after_a_preposition() -> None:
    assert dates("ارتفعت المبيعات خلال رمضان")["رمضان"] == ("2015-07", "month")
    assert dates("منذ شوال")["شوال"] == ("2015-07", "month")
    assert dates("التقى مع رجب طيب أردوغان") == {}  # a first name
    assert dates("وانتهت المباراة بنتيجة في صفر") == {}  # "صفر" is also "zero": never after a preposition


def test_part_qualifiers() -> None:
    found, _ = date_expressions("ويتوقع الانتهاء في أواخر يوليو", PUBLISHED)
    assert [(d.text, d.value, d.qualifier) for d in found] == [("يوليو", "2015-07", "late")]


def test_duration_counted_from_an_event_is_not_a_date() -> None:
    assert dates("بسقوط 1592 قتيلا، بعد سبعة أشهر على انتهاء المهمة القتالية") == {}
    assert dates("قبل ثلاثة أيام من الانتخابات") == {}
    assert dates("وصل قبل ثلاثة أيام") == {"قبل ثلاثة أيام": ("2015-08-03", "day")}


def test_weekday_and_hijri_day_with_muwafiq() -> None:
    text = "وستعاود عملها في يوم الأربعاء 06/10/1436هـ -حسب تقويم أم القرى- الموافق 22/07/2015م ."
    found = dates(text, "2015-07-15")
    assert found["يوم الأربعاء 06/10/1436هـ"] == ("2015-07-22", "day")
    assert found["22/07/2015م"] == ("2015-07-22", "day")


def test_dates_without_a_year() -> None:
    # News reports the past: a day months ahead of publication is last year's, unless near or future.
    assert dates("وقع الانفجار في 15 نوفمبر")["15 نوفمبر"] == ("2014-11-15", "day")
    assert dates("يبدأ المعرض في 20 أغسطس")["20 أغسطس"] == ("2015-08-20", "day")
    assert dates("ستعقد القمة في 15 نوفمبر")["15 نوفمبر"] == ("2015-11-15", "day")
    # A weekday written with the date picks the year in which they agree (10 March 2014: Monday).
    assert dates("الاثنين 10 مارس أجرى اتصالا", "2015-07-21")["الاثنين 10 مارس"] == ("2014-03-10", "day")
