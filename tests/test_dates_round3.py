"""Dates, round 3: month names written twice ("أيار (مايو)", "أغسطس آب", "مارس - آذار"), "لامس"
is not أمس, a quarter of "العام", Gregorian years marked م and age groups, event years joined by و,
month ranges, "يومي 28 و29", numeric month/year, fiscal years, and "الشهر السابق" anchored on the
month the text last named. Sentences from Saudi and Arab news of July 2015."""

from __future__ import annotations

import pytest

from helpers import date_reader
from khabar.numbers.stage import number_expressions
from khabar.time.stage import date_expressions

dates = date_reader("2015-07-22")


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("سجلت الأسعار ارتفاعا مقارنة بأيار (مايو). وقال المركز", "أيار (مايو)", "2015-05"),
    ("هبطت عقود الذهب الآجلة تسليم أغسطس آب 15.50 دولار", "أغسطس آب", "2015-08"),
    ("أكبر خسائرها الشهرية منذ مارس - آذار في ظل تخمة المعروض", "مارس - آذار", "2015-03"),
    ("منذ مارس - آذار 2014 وحتى الآن", "مارس - آذار 2014", "2014-03"),
    ("قتل أكثر من 3200 شخص منذ مارس الماضي.", "مارس الماضي", "2015-03"),
    ("خلال شهر أيار/مايو وقال", "شهر أيار/مايو", "2015-05"),
])
def test_two_names_of_one_month(text: str, surface: str, value: str) -> None:
    assert dates(text)[surface] == (value, "month")


def test_lamas_is_a_verb_not_yesterday() -> None:
    assert dates("وفي وقت سابق من اليوم لامس الذهب أقل سعر منذ مارس اذار 2010") == {
        "اليوم": ("2015-07-22", "day"), "مارس اذار 2010": ("2010-03", "month")}


def test_quarter_of_the_bare_year_is_the_publication_year() -> None:
    assert dates("زيادة 32 في المئة في أرباح الربع الثاني من العام. وتراجع السهم")[
        "الربع الثاني من العام"] == ("2015-Q2", "quarter")


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("للمنتخبات الخليجية مواليد ١٩٩٧م لكرة القدم", "١٩٩٧م", "1997"),
    ("منتخب مواليد 1999 لكرة القدم", "1999", "1999"),
    ("وخاض نهائيات مونديالي 2006 و2010 وأحرز ذهبية", "2010", "2010"),
    ("قبل ثورة 2011 وبعدها", "2011", "2011"),
    ("جرت قبل عام واحد.", "قبل عام واحد", "2014"),
])
def test_years(text: str, surface: str, value: str) -> None:
    assert dates(text)[surface] == (value, "year")
    assert not any(n.text == surface for n in number_expressions(text))


def test_month_and_day_ranges_give_both_ends() -> None:
    assert dates("بين 47-60 دولاراً من يناير وحتى يونيو 2015م، أي بتراجع") == {
        "يناير": ("2015-01", "month"), "يونيو 2015م": ("2015-06", "month")}
    assert dates("في اجتماعه المقرر يومي 28 و29 من تموز (يوليو) وإن") == {
        "28": ("2015-07-28", "day"), "29 من تموز (يوليو)": ("2015-07-29", "day")}


def test_hijri_day_ranges_of_tournaments() -> None:
    text = "والتي سوف تقام بالأردن خلال الفترة من 11 حتى 25 /10 /1436هـ والتي سيشارك فيها"
    assert dates(text) == {"11": ("2015-07-27", "day"), "25 /10 /1436هـ": ("2015-08-10", "day")}


def test_numeric_month_and_year_and_fiscal_years() -> None:
    assert dates("تاريخ الإصدار: 05 / 2015 * تقييم")["05 / 2015"] == ("2015-05", "month")
    text = "إلا أنه في عام 2013/ 2014 انخفضت النسبة"
    assert dates(text) == {} and number_expressions(text) == []


def test_previous_month_is_the_month_before_the_one_named() -> None:
    text = ("سجلت أسعار الأغذية ارتفاعا خلال حزيران (يونيو) مقداره 0.75 في المائة مقارنة بالشهر السابق. "
            "وقال المركز إن الرقم تراجع الشهر الماضي.")
    found = dates(text, "2015-07-20")
    assert found["الشهر السابق"] == ("2015-05", "month")
    assert found["الشهر الماضي"] == ("2015-06", "month")  # الماضي counts from publication


def test_previous_month_without_a_named_month_counts_from_publication() -> None:
    assert dates("ارتفعت الأسعار مقارنة بالشهر السابق.", "2015-07-20")["الشهر السابق"] == ("2015-06", "month")


@pytest.mark.parametrize("text", ["لامس", "أيار (", "مارس - ", "05 / 99999", "من يناير وحتى", "2013/",
                                  "يومي 28 و", "١٩٩٧م" * 200])
def test_malformed_dates_do_not_crash(text: str) -> None:
    found, _ = date_expressions(text, "2015-07-22")
    for item in found:
        assert text[item.start:item.end] == item.text


def test_monday_after_a_country_name_ending_like_a_dual() -> None:
    assert dates("سلمت اليونان الاثنين دفعتين تخلفت عن سدادهما")["الاثنين"] == ("2015-07-20", "day")
    assert "الاثنين" not in dates("واتفق البلدين الاثنين على")


def test_since_yesterday_is_yesterday() -> None:
    assert dates("بعد تغيبه عن المنزل منذ يوم أمس. وقال ذووه") == {"يوم أمس": ("2015-07-21", "day")}


def test_hijri_day_with_a_relative_word() -> None:
    found = dates("وسيشارك في تنفيذها بدءًا من 28 شعبان الجاري حتى الخامس من رمضان المقبل")
    assert found["28 شعبان الجاري"] == ("2015-06-15", "day")  # 28 Sha'ban 1436
    # 22 July 2015 is 6 Shawwal 1436: "the coming 10 Shawwal" is four days later, a Sunday
    assert dates("يوم الأحد 10 شوال القادم")["يوم الأحد 10 شوال القادم"] == ("2015-07-26", "day")


def test_weekday_before_a_bracketed_date_is_one_span() -> None:
    assert dates("وقال الثلاثاء (21 يوليو) إن المفاوضات") == {"الثلاثاء (21 يوليو)": ("2015-07-21", "day")}
