"""Numbers next to brackets, percent signs typed first, compound teens after و, and figures that
name a resolution."""

from __future__ import annotations

from helpers import number_reader
from khabar.numbers.stage import number_expressions

numbers = number_reader()


def test_bracketed_range_takes_the_scale_after_the_bracket() -> None:
    found = numbers("وتضمنت الدراسة 12 شريحة تتراوح أسعارها بين (3 - 10) آلاف ريال، فيما عدا الأبراج")
    assert found == {"12": 12, "3 - 10": [3000, 10000]}
    assert numbers("ومراجعة يومية تراوحت ما بين (200 - 250) مراجعا") == {"200 - 250": [200, 250]}
    assert "1180 - 1225" not in numbers("كان الخليفة الناصر (1180 - 1225) يكتب")


def test_a_score_is_two_numbers() -> None:
    assert numbers("انتهت المباراة بنتيجة 3 - 1 لصالح الهلال") == {"3": 3, "1": 1}
    assert numbers("بنتيجة (3 - 1) لصالح الهلال") == {"3": 3, "1": 1}


def test_qualifier_before_a_percent_sign_typed_first() -> None:
    found = number_expressions("التي تمثل أكثر من %70 من إجمالي موجوداتها")
    assert [(n.text, n.value, n.unit, n.qualifier) for n in found] == [("أكثر من %70", 70, "percent", "more_than")]


def test_compound_teen_after_conjunction() -> None:
    assert numbers("نتائج 12 بنكا مدرجا، وأحد عشر فرعا لبنوك أجنبية") == {"12": 12, "أحد عشر": 11}
    assert numbers("وصل واحد وعشرون لاعبا") == {"واحد وعشرون": 21}


def test_resolution_number_is_a_name() -> None:
    assert numbers("مجلس الأمن يعتمد القرار 598 الذي يقضي بوقف إطلاق النار") == {}
