"""Numbers, round 3: figures that label rather than count (goal minutes, editions, model names,
ids, list items, verse references, "one of"), spaced and scaled ranges, and wave-height ranges
written with unit nouns. Sentences from Saudi and Arab news of July 2015."""

from __future__ import annotations

import pytest

from helpers import number_reader
from khabar.numbers.stage import number_expressions

numbers = number_reader()


def test_goal_minutes_in_brackets_are_not_counts() -> None:
    text = ("وتقدم بوكا جونيورز بهدفين لسيباستيان بالاسيوس (27) وجوناثان كاليري (53)، وقلص اليكسيس كانيو "
            "الفارق. تناوب على تسجيلها سيباستيان بلانكو (7) وخورخي كوربيلو (67 خطأ في مرمى فريقه).")
    assert numbers(text) == {"هدفين": 2}


def test_bracketed_count_outside_a_match_report_stays_a_number() -> None:
    assert numbers("وأصيب (12) شخصا في حادث مروري على طريق الرياض")["12"] == 12


@pytest.mark.parametrize("text", [
    "للمشاركة في البطولة ١٢ للمنتخبات الخليجية لكرة القدم",
    "ويحتل الفريق المركز 3 في الترتيب العام",
    "طائرات «إف 16» الأربع الجديدة",
    "«أستون مارتن دي بي 9» على أيدي إيان كالوم",
    "وواجهة ميزو Flyme 4.5 OS الجديدة",
    "{إنه لا يحب المسرفين} [الأعراف: 31]. أنحن حقا",
    "29116 3601129119 3601129120",
    "ومن العمليات التي تم إحباطها ما يلي:- 1 - عملية انتحارية",
])
def test_labels_are_not_quantities(text: str) -> None:
    assert numbers(text) == {}


def test_edition_noun_before_a_counted_noun_counts() -> None:
    assert numbers("يشارك في البطولة 12 منتخبا")["12"] == 12


def test_one_of_is_not_one() -> None:
    assert numbers("وهي أقوى إنتاج وأحد أفضل الموديلات تجهيزا") == {}
    assert numbers("تقدم لمحة عن شخصية كل واحدة من السيدات") == {}
    assert numbers("فاز بمباراة واحدة") == {"واحدة": 1}
    assert numbers("وضمت القائمة أحد عشر لاعبا")["أحد عشر"] == 11


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("بسرعة 15 - 35 كم/ساعة، وارتفاع", "15 - 35 كم/ساعة", [15, 35]),
    ("بسرعة 15-35 كم/ساعة", "15-35 كم/ساعة", [15, 35]),
    ("تتراوح أسعارها بين 20-30 ألف ريال", "20-30 ألف ريال", [20000, 30000]),
    ("بتكلفة 3-5 ملايين دولار", "3-5 ملايين دولار", [3000000, 5000000]),
    ("قتل 5 - 6 أشخاص في الهجوم", "5 - 6", [5, 6]),
])
def test_digit_ranges(text: str, surface: str, value: list[int]) -> None:
    assert numbers(text)[surface] == value


def test_a_spaced_score_is_two_numbers() -> None:
    assert numbers("وفاز الأهلي 1 - 3 على ضيفه") == {"1": 1, "3": 3}


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("وارتفاع الموج من متر إلى متر ونصف، وحالة البحر متوسط الموج", "من متر إلى متر ونصف", [1, 1.5]),
    ("وارتفاع الموج من نصف متر الى متر، وحالة البحر خفيف الموج", "من نصف متر الى متر", [0.5, 1]),
])
def test_wave_heights_written_with_unit_nouns(text: str, surface: str, value: list[float]) -> None:
    found = [n for n in number_expressions(text) if n.text == surface]
    assert found and found[0].value == value and found[0].unit == "m"


def test_weather_bulletin_temperatures() -> None:
    text = ("فإن مكة المكرمة تسجل اليوم 43 درجة مئوية والمدينة المنورة 40، فيما تسجل الرياض 43 درجة "
            "مئوية والدمام 47 والأحساء 48 وبريدة 43، وتسجل جدة 39 درجة مئوية.")
    found = [(n.text, n.value) for n in number_expressions(text)]
    assert found == [("43 درجة مئوية", 43), ("40", 40), ("43 درجة مئوية", 43), ("47", 47), ("48", 48),
                     ("43", 43), ("39 درجة مئوية", 39)]


@pytest.mark.parametrize("text", ["", "   ", "abc 12345678901234567890123", "٣٦٠١١٢٩١٢٨٣٦٠١١٢٩١٢٨" * 50,
                                  "من متر إلى", "(((((", "- 1 -", "«» 5 »"])
def test_bad_input_is_safe(text: str) -> None:
    for item in number_expressions(text):
        assert text[item.start:item.end] == item.text


@pytest.mark.parametrize(("text", "surface", "about"), [
    ("وعزز صدارته برصيد 37 نقطة بفارق نقطة واحدة أمام مطارده", "واحدة", "نقطة"),
    ("انتقل إلى البرازيل للعب مع كورنثيانز لموسم واحد قبل التوجه", "واحد", "موسم"),
    ("بلغت 134 زيجة، انتهت منها حالة واحدة بالطلاق.", "واحدة", "حالة"),
    ("وأصيب (12) شخصا في حادث مروري", "12", "شخص"),
    ("رابط الخبر: اسـلام «145» امرأة بشمـال الرياض", "145", "امرأة"),
])
def test_what_is_counted(text: str, surface: str, about: str) -> None:
    found = {n.text: n.about for n in number_expressions(text)}
    assert found[surface] == about


def test_a_comparison_is_not_what_is_counted() -> None:
    found = {n.text: n.about for n in number_expressions("ارتفع الرقم القياسي إلى 125.66 مقارنة بـ125.27 خلال مايو")}
    assert found["125.66"] is None


def test_codes_after_a_letter_or_a_code_word() -> None:
    assert numbers("الأمر الملكي رقم ( أ / 14 ) بتاريخ 3 / 3 / 1414هـ") == {}
    assert numbers("رسالة تبدأ بالرمز ( 48 ) ثم مسافة") == {}


def test_quoted_figure_with_a_scale_after_the_quote() -> None:
    assert numbers("بصحيفة الوئام: « 12 » ألف موظف وموظفة يتأهبون") == {"12": 12000}
