"""Direct quotes and their boundaries beyond the annotated articles (issue 5, round 2): quotes that
run over a paragraph break, lead-ins with a topic phrase (وعن …، قال:), an addressee before the
subject, repeated cues (وتابع قائلا), the reporter's notes (يذكر أن), names that read as a
complementizer (بان كي مون), quoted outlet names, and where unmarked colon speech ends.

Sentences are written for these tests in Arabic news style (no article text is copied)."""

from __future__ import annotations

from tests.helpers import quote_starting, quotes_of, speaker_words


def test_quote_carried_over_a_paragraph_break() -> None:
    doc = quotes_of("وقال المدرب سامي الجابر: «خسرنا مباراة صعبة أمام فريق قوي. \n"
                    " لكننا سنعود أقوى في المباريات المقبلة».\nوسيغادر الفريق إلى الدمام غدا.")
    q = quote_starting(doc, "خسرنا مباراة")
    assert q.kind == "direct" and q.content.text.endswith("المباريات المقبلة")
    assert speaker_words(q) == "المدرب سامي الجابر"
    assert len(doc.quotes) == 1


def test_topic_phrase_before_the_cue_is_no_speaker() -> None:
    doc = quotes_of("وقال اللاعب البرازيلي إلتون: «أنا سعيد بالانضمام إلى الفريق».\n"
                    "وعن الفريق الهلالي، قال: «الأخبار التي وصلتني عنه تبشر بالخير».\n"
                    "وعن عدم مشاركته في المباراة النهائية بسبب الإيقاف قال: «لا خوف على الفريق».")
    for start in ("الأخبار التي", "لا خوف"):
        q = quote_starting(doc, start)
        assert q.kind == "direct" and speaker_words(q) == "اللاعب البرازيلي إلتون"


def test_closing_words_of_a_speech_take_the_running_speaker() -> None:
    doc = quotes_of("وقال الكابتن ماجد عبدالله: «الدوري هذا الموسم قوي جدا».\n"
                    "واختتم حديثه قائلا: «أشكر الجماهير على الحضور الكبير».")
    assert speaker_words(quote_starting(doc, "أشكر الجماهير")) == "الكابتن ماجد عبدالله"


def test_subject_after_the_addressee() -> None:
    doc = quotes_of('وأكد لـ "الاقتصادية" مصدر خاص أن إدارة النادي بدأت التفاوض مع لاعب جديد. '
                    'وقال: "المفاوضات تسير بشكل جيد وسنعلن التفاصيل قريبا". '
                    'وزاد: "اللاعب وافق مبدئيا على العرض".')
    assert speaker_words(quote_starting(doc, "إدارة النادي بدأت")) == "مصدر خاص"
    for start in ("المفاوضات تسير", "اللاعب وافق"):
        q = quote_starting(doc, start)
        assert q.kind == "direct" and speaker_words(q) == "مصدر خاص"


def test_repeated_cue_makes_one_quote() -> None:
    doc = quotes_of('وتابع المخرج قائلا إن "العمل في المسرح أحب إلي من السينما".')
    assert len(doc.quotes) == 1
    assert doc.quotes[0].kind == "mixed" and speaker_words(doc.quotes[0]) == "المخرج"


def test_reporter_note_is_no_quote() -> None:
    doc = quotes_of("يذكر أن الفريق أعار ثلاثة لاعبين إلى أندية أخرى الموسم الماضي.")
    assert doc.quotes == []


def test_name_that_reads_as_a_complementizer() -> None:
    doc = quotes_of("ودعا الأمين العام للأمم المتحدة بان كي مون إلى دعم الوكالة.")
    assert doc.quotes == []
    doc = quotes_of("وقال الأمين العام للأمم المتحدة بان كي مون إن الوكالة ركيزة للاستقرار.")
    q = quote_starting(doc, "الوكالة ركيزة")
    assert q.kind == "indirect" and q.content.text == "الوكالة ركيزة للاستقرار"
    assert (speaker_words(q) or "").startswith("الأمين العام")


def test_quoted_outlet_name_is_no_quote() -> None:
    doc = quotes_of('وحسب موقع "الخليج اليوم"، قال الوزير: "سنفتتح المشروع الشهر المقبل".')
    assert [q.content.text.strip('"') for q in doc.quotes] == ["سنفتتح المشروع الشهر المقبل"]
    assert speaker_words(doc.quotes[0]) == "الوزير"


def test_participle_describing_with_a_complementizer() -> None:
    doc = quotes_of('هاجم المسؤول الأمني الحزب، واصفا إياه بأنه لا يفقه في السياسة شيئا.')
    q = quote_starting(doc, "لا يفقه")
    assert q.kind == "indirect" and (speaker_words(q) or "").startswith("المسؤول الأمني")


def test_unmarked_colon_speech_ends_where_the_reporter_resumes() -> None:
    doc = quotes_of("وأكدت إدارة النادي في بيان قائلة: إنها ستعلن اسم الراعي الجديد قريبا. "
                    "مبدية اعتزازها بكل شركاء النادي.")
    q = quote_starting(doc, "إنها ستعلن")
    assert q.kind == "direct" and q.content.text.endswith("قريبا")
    assert speaker_words(q) == "إدارة النادي"


def test_reporter_comment_ends_the_reported_clause() -> None:
    doc = quotes_of("وأوضح المدرب أنه ينوي ضم لاعبين جديدين، وهو الأمر الذي قد يؤجل مباراة الفريق المقبلة.")
    q = quote_starting(doc, "ينوي ضم")
    assert q.content.text.endswith("لاعبين جديدين")


def test_describing_participle_ends_the_reported_clause() -> None:
    doc = quotes_of("وقال قائد الفريق إن التمارين بدأت بشكل خفيف، مبديا ثقته في المدرب الجديد.")
    assert quote_starting(doc, "التمارين بدأت").content.text.endswith("بشكل خفيف")


def test_quoted_name_after_a_sentence_initial_verb() -> None:
    doc = quotes_of('وخاطب "العمري" وزير الإسكان بقوله: "عليك أن تبدأ بتطبيق الرسوم على الأراضي".')
    q = quote_starting(doc, "عليك أن تبدأ")
    assert q.kind == "direct" and speaker_words(q) == "العمري"
