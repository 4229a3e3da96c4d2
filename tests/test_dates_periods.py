"""Parts of a year and of a month, ordinal days, ranges of days, chronology lines, compact
spellings: the date expressions of economy reports, sports fixtures and schedules."""

from __future__ import annotations

import pytest

from khabar.numbers.stage import number_expressions
from khabar.time.stage import date_expressions
from tests.helpers import date_reader

PUBLISHED = "2015-08-06"  # a Thursday; 21 Shawwal 1436
dates = date_reader(PUBLISHED)


@pytest.mark.parametrize(("text", "surface", "value", "precision"), [
    ("ارتفعت الأرباح خلال الربع الثاني من العام الجاري بنسبة 12%", "الربع الثاني من العام الجاري", "2015-Q2", "quarter"),
    ("مقارنة بالربع الثاني من العام الماضي البالغة 3 ملايين", "الربع الثاني من العام الماضي", "2014-Q2", "quarter"),
    ("وصلت البطالة إلى 11% في الربع الأخير من عام 2010، ثم تراجعت", "الربع الأخير من عام 2010", "2010-Q4", "quarter"),
    ("توزيع أرباح عن الربع الثاني 2015م بإجمالي", "الربع الثاني 2015م", "2015-Q2", "quarter"),
    ("وانخفض المعدل مقارنة بالربع الأول، وهو أقوى تراجع", "الربع الأول", "2015-Q1", "quarter"),
    ("خلال النصف الأول لعام 2015 سجلت الشركة", "النصف الأول لعام 2015", "2015-H1", "half"),
    ("من المتوقع الانتهاء منه في النصف الأول من العام المقبل.", "النصف الأول من العام المقبل", "2016-H1", "half"),
    ("بلغت الواردات خلال الأشهر الستة الأولى من العام الجاري مليوني طن", "الأشهر الستة الأولى من العام الجاري",
     "2015-H1", "half"),
    ("هربوا خلال الستة أشهر الأولى من هذا العام، وأغلبهم", "الستة أشهر الأولى من هذا العام", "2015-H1", "half"),
    ("بلغت قيمة الصفقات في التسعة أشهر الأولى من عام 1436ه نحو 200 مليار", "التسعة أشهر الأولى من عام 1436ه",
     "2015", "year"),
])
def test_parts_of_a_year(text: str, surface: str, value: str, precision: str) -> None:
    assert dates(text)[surface] == (value, precision)


def test_a_part_of_a_year_blocks_its_count_as_a_number() -> None:
    text = "بلغت الواردات خلال الأشهر الستة الأولى من العام الجاري 2.5 مليون طن"
    assert [n.value for n in number_expressions(text)] == [2500000]


def test_half_of_a_match_is_not_a_date() -> None:
    assert dates("سجل الفريق هدفين في النصف الأول من المباراة") == {}


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("سيبدأ الدوري من الأسبوع الثاني من شهر صفر 1437 على أن", "الأسبوع الثاني من شهر صفر 1437", "2015-W47"),
    ("يبدأ دوري الدرجة الأولى في الأسبوع الأول من شهر المحرم المقبل", "الأسبوع الأول من شهر المحرم المقبل", "2015-W42"),
    ("تقام البطولة في الأسبوع الأخير من شهر ذي الحجة 1436 بمشاركة", "الأسبوع الأخير من شهر ذي الحجة 1436", "2015-W41"),
    ("عادت الأوضاع بدءا من الأسبوع الثاني من شهر يوليو الجاري", "الأسبوع الثاني من شهر يوليو الجاري", "2015-W28"),
])
def test_week_of_a_month(text: str, surface: str, value: str) -> None:
    assert dates(text)[surface] == (value, "week")


def test_ordinal_days_and_ranges_of_days() -> None:
    found = dates("يعلن عن الأسماء خلال الفترة من الثامن إلى العاشر من شهر ذي القعدة المقبل.")
    assert found["الثامن"] == ("2015-08-23", "day")
    assert found["العاشر من شهر ذي القعدة المقبل"] == ("2015-08-25", "day")
    found = dates("وتصدر الموافقة من 30 ذي الحجة وحتى الأول من صفر 1437ه")
    assert found["الأول من صفر 1437ه"] == ("2015-11-13", "day")
    found = dates("تنشر أهم الأحداث في مثل هذا اليوم الموافق للعشرين من شهر يوليو (تموز) على النحو التالي")
    assert found["لعشرين من شهر يوليو (تموز)"] == ("2015-07-20", "day")


@pytest.mark.parametrize(("text", "first", "first_value", "second", "second_value"), [
    ("خلال الفترة من 8 إلى 10 -11 \n-1436, وأكد", "8", "2015-08-23", "10 -11 \n-1436", "2015-08-25"),
    ("وستكون فترة الموافقة من 30/12 وحتى 2/1 / 1437, وأضاف", "30/12", "2015-10-13", "2/1 / 1437", "2015-10-15"),
    ("وبطولة الكأس من 26-4 إلى 11-5 -1437 ثم", "26-4", "2016-02-05", "11-5 -1437", "2016-02-20"),
    ("وحددت الفترة من 7 إلى 11 يونيو الجاري موعدا", "7", "2015-06-07", "11 يونيو الجاري", "2015-06-11"),
    ("البطولة التي ستقام خلال الفترة من 6 إلى 15 أغسطس. ويشارك", "6", "2015-08-06", "15 أغسطس", "2015-08-15"),
])
def test_first_end_of_a_range_takes_the_month_of_the_second(
        text: str, first: str, first_value: str, second: str, second_value: str) -> None:
    found = dates(text)
    assert found[first] == (first_value, "day")
    assert found[second] == (second_value, "day")
    assert number_expressions(text) == []


def test_a_range_of_counts_is_not_a_range_of_days() -> None:
    assert dates("ارتفع عدد الفرق من 8 إلى 10 فرق") == {}


def test_compact_spellings() -> None:
    found = dates("يقام الحفل الساعة التاسعة مساء الأحد10شوال 1436هـ (26يوليو 2015م) بمقر النادي")
    assert found["الأحد10شوال 1436هـ"] == ("2015-07-26", "day")
    assert found["26يوليو 2015م"] == ("2015-07-26", "day")
    assert dates("وتولى أمانة اللجنة حتى عام1435هـ، ثم")["عام1435هـ"] == ("2014", "year")
    assert dates("وهو أقوى تراجع منذ عام .1998 وبعد")["عام .1998"] == ("1998", "year")
    found = dates("تطوير السوق في السنوات الخمس المقبلة (1437ـ1441هـ)؛ تفعيلا")
    assert found["1437"] == ("2016", "year")
    assert found["1441هـ"] == ("2020", "year")
    assert [n.value for n in number_expressions("في السنوات المقبلة (1437ـ1441هـ)؛ تفعيلا")] == []


def test_chronology_lines_and_old_years() -> None:
    text = "على النحو التالي : 1909 - استقالة رئيس الحكومة. 1945 - وفاة الشاعر بول فاليري (ولد في 1871). "
    found = dates(text)
    assert found["1909"] == ("1909", "year")
    assert found["1945"] == ("1945", "year")
    assert found["1871"] == ("1871", "year")
    assert number_expressions(text) == []
    assert dates("ارتفعت الأسعار 1909 - 2000 ريال") .get("1909") is None


def test_year_of_a_period_and_dual_relative_words() -> None:
    found = dates("تراجع 227 مليار ريال مقارنة بنفس الشهر من 2014. وتراجعت")
    assert found["2014"] == ("2014", "year")
    found = dates("في الفترة بين مطلع نيسان/أبريل حتى نهاية حزيران/يونيو الماضيين وذلك")
    assert found["حزيران/يونيو الماضيين"] == ("2015-06", "month")
    assert dates("خلال شهر رمضان 23.2 مليار ريال", "2015-07-22")["شهر رمضان"] == ("2015-07", "month")


def test_without_publication_date_relative_parts_stay_unresolved() -> None:
    found, unresolved = date_expressions("خلال الربع الثاني من العام الجاري", None)
    assert [(d.text, d.value, d.precision) for d in found] == [("الربع الثاني من العام الجاري", None, "quarter")]
    assert unresolved
    found, unresolved = date_expressions("خلال الربع الثاني من عام 2014", None)
    assert [(d.value, d.precision) for d in found] == [("2014-Q2", "quarter")]
    assert not unresolved


@pytest.mark.parametrize(("text", "surface", "value", "precision"), [
    ("يبدأ التسجيل في 15 من الشهر الجاري ويستمر", "15 من الشهر الجاري", "2015-08-15", "day"),
    ("وتنطلق البطولة يوم 20 الجاري بمشاركة", "20 الجاري", "2015-08-20", "day"),
    ("عقد الاجتماع في الرابع من الشهر الماضي", "الرابع من الشهر الماضي", "2015-07-04", "day"),
    ("تستمر الأعمال حتى نهاية العام.", "العام", "2015", "year"),
    ("ارتفع المؤشر منذ بداية العام بنسبة 5%", "العام", "2015", "year"),
])
def test_days_and_parts_of_the_current_period(text: str, surface: str, value: str, precision: str) -> None:
    assert dates(text)[surface] == (value, precision)


def test_a_named_period_is_not_the_current_one() -> None:
    assert dates("مع نهاية العام الدراسي ") == {}
    assert dates("بلغ عدد الطلاب 20 الف طالب") == {}


def test_two_months_named_together() -> None:
    found = dates("ارتفعت المبيعات خلال شهري يونيو ويوليو 2015 بنسبة 5%")
    assert found == {"شهري يونيو": ("2015-06", "month"), "يوليو 2015": ("2015-07", "month")}
    found = dates("سجلت الأسواق نشاطا في شهري ديسمبر ويناير 2016")
    assert found["شهري ديسمبر"] == ("2015-12", "month")


def test_weekday_before_an_ordinal_day_is_one_span() -> None:
    found = dates("ويختتم البرنامج يوم الخميس الثامن والعشرين من الشهر الجاري بورشة عمل")
    assert found == {"يوم الخميس الثامن والعشرين من الشهر الجاري": ("2015-08-28", "day")}
