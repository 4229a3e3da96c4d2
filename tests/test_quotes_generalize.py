"""Speaker attribution patterns that must hold beyond the annotated articles (issue 5), the eval
command's ``--gold``/``--split`` options, and the stage reading the text stage's tokens.

Sentences are written for these tests in Arabic news style (no article text is copied)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.cli import main
from khabar.document import Document
from khabar.quotes import extract_quotes
from khabar.quotes.evaluate import split_names
from tests.helpers import quote_starting, quotes_of, speaker_words


def test_subject_after_the_verb_with_title_and_name() -> None:
    doc = quotes_of("وقال وزير الخارجية السعودي عادل الجبير إن المملكة تدعم الحل السياسي في اليمن.")
    q = quote_starting(doc, "المملكة تدعم")
    assert q.kind == "indirect" and speaker_words(q) == "وزير الخارجية السعودي عادل الجبير"


@pytest.mark.parametrize("text, speaker", [
    ("وقال ولي العهد الأمير محمد بن سلمان إن المملكة ماضية في الإصلاح.", "ولي العهد الأمير محمد بن سلمان"),
    ("وأكد نائب وزير الخارجية الروسي ميخائيل بوغدانوف أن موسكو تدعم الحوار.",
     "نائب وزير الخارجية الروسي ميخائيل بوغدانوف"),
    ("ونقلت وكالة الأنباء السعودية عن مصدر مسؤول قوله إن المملكة تدين الهجوم.", "مصدر مسؤول"),
])
def test_titles_and_names(text: str, speaker: str) -> None:
    (q,) = quotes_of(text).quotes
    assert q.kind == "indirect" and speaker_words(q) == speaker


def test_subject_before_the_verb() -> None:
    doc = quotes_of("الأمم المتحدة تقول إن عدد النازحين تجاوز مليون شخص.")
    assert speaker_words(quote_starting(doc, "عدد النازحين")) == "الأمم المتحدة"


def test_dropped_subjects_take_the_last_speaker() -> None:
    doc = quotes_of("وقال المتحدث باسم الجيش إن القوات تقدمت نحو المدينة. وأضاف أن الاشتباكات مستمرة، "
                    "مشيرا إلى أن المدنيين غادروا الأحياء الشرقية.")
    for start in ("القوات تقدمت", "الاشتباكات مستمرة", "المدنيين غادروا"):
        assert speaker_words(quote_starting(doc, start)) == "المتحدث باسم الجيش"


def test_auxiliary_verb_is_not_the_speaker() -> None:
    doc = quotes_of("وقال رئيس الوزراء إن الحكومة ستواصل الإصلاحات. ومضى يقول إن الميزانية تحتاج إلى مراجعة.")
    assert speaker_words(quote_starting(doc, "الميزانية تحتاج")) == "رئيس الوزراء"


def test_time_expression_after_the_verb_is_not_the_speaker() -> None:
    doc = quotes_of("وكان الرئيس قال أول من أمس إن المفاوضات وصلت إلى طريق مسدود.")
    assert speaker_words(quote_starting(doc, "المفاوضات وصلت")) == "الرئيس"


def test_outlet_speaks() -> None:
    doc = quotes_of("وذكرت وكالة الأنباء السعودية أن خادم الحرمين الشريفين استقبل الوفد في جدة.")
    q = quote_starting(doc, "خادم الحرمين")
    assert speaker_words(q) is not None and speaker_words(q).startswith("وكالة الأنباء السعودية")


def test_passive_cue_stays_unattributed() -> None:
    doc = quotes_of("قال وزير الداخلية إن الوضع مستقر. ويرجح أن الانتخابات ستجرى في موعدها.")
    assert all(speaker_words(q) != "وزير الداخلية" for q in doc.quotes if q.content.text.startswith("الانتخابات"))


@pytest.mark.parametrize("text, speaker", [
    ("قتل عشرة أشخاص في قصف على المدينة، بحسب المرصد السوري لحقوق الإنسان.", "المرصد السوري لحقوق الإنسان"),
    ("ووفقا لمصادر طبية، فإن عدد الجرحى ارتفع إلى ثلاثين.", "مصادر طبية"),
    ("وصلت طائرة المساعدات إلى المطار، بحسبما أفاد مراسل وكالة الصحافة الفرنسية.", "مراسل وكالة الصحافة الفرنسية"),
])
def test_source_phrases(text: str, speaker: str) -> None:
    doc = quotes_of(text)
    (q,) = doc.quotes
    assert q.speaker_text is not None and q.speaker_text.text.removeprefix("ل") == speaker


def test_quotation_after_the_cue_preposition_is_mixed() -> None:
    doc = quotes_of("وأشار المتحدث إلى \"انهيار عشرات المنازل في الحي\"، مضيفا أن فرق الإنقاذ تعمل.")
    q = quote_starting(doc, "انهيار عشرات")
    assert q.kind == "mixed" and speaker_words(q) == "المتحدث"


def test_quoted_verbal_noun_object_is_mixed() -> None:
    doc = quotes_of("وأكد القاضي \"استمرار توقيف المشتبه بهم والتحقيق معهم\".")
    assert quote_starting(doc, "استمرار توقيف").kind == "mixed"


def test_plural_relative_pronoun_names_the_speakers() -> None:
    doc = quotes_of("والتقى الوزير عددا من الأطباء العاملين في المستشفى الذين أكدوا أنهم مستمرون في العمل.")
    q = quote_starting(doc, "مستمرون")
    assert speaker_words(q) is not None and "الأطباء" in speaker_words(q)


def test_first_speaker_from_the_previous_sentence() -> None:
    doc = quotes_of("قدمت الحكومة الفلسطينية طلباً رسمياً للانضمام إلى المنظمة.\n"
                    "وأعلنت في بيان: \"تقدمت دولة فلسطين بطلب انضمام رسمي\".")
    q = quote_starting(doc, "تقدمت دولة")
    assert q.kind == "direct" and speaker_words(q) is not None and speaker_words(q).startswith("الحكومة الفلسطينية")
    assert "طلب" not in speaker_words(q)  # the accusative object is not part of the subject


def test_statement_before_kama_alanat() -> None:
    doc = quotes_of("أرجئت محاكمة الرئيس السابق إلى السابع من سبتمبر، كما أعلنت المحكمة الخاصة أمس.")
    q = quote_starting(doc, "أرجئت محاكمة")
    assert speaker_words(q) is not None and speaker_words(q).startswith("المحكمة الخاصة")


def test_possessed_noun_is_not_a_running_speaker() -> None:
    doc = quotes_of("وأكد المحافظ أن الأضرار محدودة. ونقل تحياته للأهالي. وقال إن الأمن مستتب.")
    assert speaker_words(quote_starting(doc, "الأمن مستتب")) == "المحافظ"


def test_reporter_comment_ends_the_clause() -> None:
    doc = quotes_of("وأكد الرئيس أن البديل هو الحرب، الأمر الذي رفضه معارضوه بشدة.")
    assert quote_starting(doc, "البديل هو الحرب").content.text == "البديل هو الحرب"


def test_same_quotes_with_or_without_the_text_stage() -> None:
    text = "وقال المتحدث: «لن نتراجع عن قرارنا». وأضاف أن الحكومة ستعلن التفاصيل غدا."
    with_stage = [(q.kind, q.content.start, q.content.end) for q in quotes_of(text).quotes]
    without = [(q.kind, q.content.start, q.content.end) for q in extract_quotes(Document(text)).quotes]
    assert with_stage == without and len(with_stage) == 2


def _gold_file(tmp_path: Path, split: str) -> Path:
    path = tmp_path / "gold.jsonl"
    row = {"url": "http://example.invalid/none", "source": "x", "split": split, "sha1": "0", "quotes": []}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return path


def test_eval_accepts_a_gold_file_and_its_splits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = _gold_file(tmp_path, "test2")
    assert split_names(gold) == {"test2"}
    assert main(["eval", "quotes", "--gold", str(gold), "--split", "dev"]) == 2
    assert "test2" in capsys.readouterr().out
    assert main(["eval", "quotes", "--gold", str(tmp_path / "missing.jsonl")]) == 2


def test_eval_rejects_a_malformed_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "bad.jsonl"
    gold.write_text("{not json\n", encoding="utf-8")
    assert main(["eval", "quotes", "--gold", str(gold)]) == 2
    assert "line 1" in capsys.readouterr().out
