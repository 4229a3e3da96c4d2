"""Quote patterns found on newly annotated articles (issue 5, round 3): quotation marks after
participles, cues inside a reported clause, source phrases with a colon, topic phrases before the
verb, long lead-ins (asides, time words, addressees), titles in quotation marks.

Sentences are written for these tests in Arabic news style (no article text is copied)."""

from __future__ import annotations

from tests.helpers import quote_starting, quotes_of, speaker_words


def _cues(doc) -> list[str]:
    return [q.cue.text for q in doc.quotes if q.cue]


def test_participle_never_takes_the_quotation_before_it() -> None:
    doc = quotes_of("وقال المتحدث: إن «الحوار مستمر مع جميع الأطراف»، واصفا «اللقاءات بأنها مثمرة وصريحة»، "
                    "لافتا إلى «وجود تباين في بعض الملفات».")
    described = quote_starting(doc, "اللقاءات بأنها")
    assert described.cue.text == "واصفا" and described.kind == "mixed"
    pointed = quote_starting(doc, "وجود تباين")
    assert pointed.cue.text == "لافتا" and pointed.kind == "mixed"
    assert "وجود تباين" not in described.content.text
    (first,) = [q for q in doc.quotes if "الحوار مستمر" in q.content.text]
    assert first.cue.text == "وقال" and first.kind == "direct"


def test_cue_inside_a_reported_clause_does_not_cut_it() -> None:
    doc = quotes_of("ويقول المحلل السياسي إن الحكومة دعت المعارضة «للحوار دون شروط»، وأطلقت مبادرة جديدة.")
    (q,) = doc.quotes
    assert q.cue.text == "ويقول" and q.content.text.startswith("الحكومة دعت المعارضة")
    assert speaker_words(q) == "المحلل السياسي"


def test_quote_inside_a_reported_clause_has_its_own_speaker() -> None:
    doc = quotes_of("وأشار المسؤول إلى أن رئيس الحزب اعتبر أن «التحالف باق رغم الخلافات». "
                    "وأكد أن الاتفاق صامد.")
    outer = quote_starting(doc, "رئيس الحزب اعتبر")
    assert speaker_words(outer) == "المسؤول" and outer.kind == "mixed"
    inner = quote_starting(doc, "التحالف باق")
    assert speaker_words(inner) == "رئيس الحزب"
    assert speaker_words(quote_starting(doc, "الاتفاق صامد")) == "المسؤول"


def test_source_phrase_with_a_colon_is_direct_speech() -> None:
    doc = quotes_of("وحسب المتحدث العسكري: «تم تدمير ثلاثة مواقع للتنظيم قرب الحدود».")
    (q,) = doc.quotes
    assert q.kind == "direct" and q.content.text.startswith("تم تدمير")
    assert speaker_words(q) == "المتحدث العسكري"


def test_topic_phrase_before_the_verb_is_not_the_speaker() -> None:
    doc = quotes_of("وقال المدرب خالد العمري إن الفريق جاهز. وعن استعدادات الفريق للموسم الجديد في أوروبا "
                    "قال: «نعمل بجد منذ أسابيع». وفيما يخص مطالبة الجماهير بالتغيير قال: «القرار للإدارة».")
    assert "العمري" in speaker_words(quote_starting(doc, "نعمل بجد"))
    assert "العمري" in speaker_words(quote_starting(doc, "القرار للإدارة"))


def test_kama_with_an_object_is_no_source_phrase() -> None:
    doc = quotes_of("وطالبت الشركة الراعية بتحقيق مستقل، كما أعربت شركة «النخيل» للأغذية عن قلقها.")
    assert doc.quotes == []


def test_colon_speech_ends_before_the_next_statement() -> None:
    doc = quotes_of("قال النائب: إن الحكومة تتحمل المسؤولية كاملة.. وعن الانتخابات المقبلة، رأى النائب "
                    "«أن المشاركة واجب على كل مواطن».")
    first = quote_starting(doc, "إن الحكومة")
    assert first.kind == "direct" and first.content.text.endswith("المسؤولية كاملة")
    second = quote_starting(doc, "أن المشاركة")
    assert second.cue.text == "رأى" and speaker_words(second) == "النائب"


def test_long_lead_ins() -> None:
    doc = quotes_of("وتحدثت مصادر عن أن الوزير سيستقيل قريبا. وقال المحاميان يومها «لا نثق في هذا التحقيق». "
                    "وأعلنت النيابة العامة (في العاصمة) أمس أنها أغلقت الملف.")
    assert speaker_words(quote_starting(doc, "الوزير سيستقيل")) == "مصادر"
    trusted = quote_starting(doc, "لا نثق")
    assert trusted.kind == "direct" and speaker_words(trusted) == "المحاميان"
    (closed,) = [q for q in doc.quotes if "أغلقت الملف" in q.content.text]
    assert speaker_words(closed) == "النيابة العامة"


def test_close_source_and_source_verbs() -> None:
    doc = quotes_of("وحذر مصدر مقرب من رئيس الوزراء من أن «التصعيد يضر بالجميع». "
                    "وطبقا لما أعلنته قيادة العمليات فإن المسلحين انسحبوا من القرية.")
    assert speaker_words(quote_starting(doc, "التصعيد يضر")) == "مصدر مقرب من رئيس الوزراء"
    (withdrawn,) = [q for q in doc.quotes if "انسحبوا" in q.content.text]
    assert withdrawn.content.text.startswith("المسلحين") and speaker_words(withdrawn) == "قيادة العمليات"


def test_quantified_sources_but_not_rules() -> None:
    doc = quotes_of("وبحسب بعض العارفين بالملف، فإن الاتفاق لن يصمد طويلا. "
                    "وبحسب اللوائح، فإن آخر موعد للترشح في أكتوبر.")
    (q,) = doc.quotes
    assert q.content.text.startswith("الاتفاق لن يصمد") and speaker_words(q).startswith("بعض العارفين")


def test_masdar_cue_and_reported_announcement() -> None:
    doc = quotes_of("ويشرح الخبير الاقتصادي أسباب الأزمة، بالقول إن «الأسعار ارتفعت بسبب المضاربة». "
                    "ولفت ما أعلنه الوزير يوم أمس في حديث إلى وكالة الأنباء عن أن «الحكومة باقية».")
    crisis = quote_starting(doc, "الأسعار ارتفعت")
    assert crisis.kind == "mixed" and speaker_words(crisis) == "الخبير الاقتصادي"
    assert speaker_words(quote_starting(doc, "الحكومة باقية")) == "الوزير"


def test_long_quoted_statement_opening_with_a_verbal_noun_is_direct() -> None:
    doc = quotes_of("وأوضح المدرب \"تطوير الفريق، كما أراه، مسؤولية الجميع، ويمكننا أن نحقق الكثير إذا عملنا "
                    "معا بروح واحدة طوال الموسم المقبل\".")
    (q,) = doc.quotes
    assert q.kind == "direct" and q.content.text.startswith("تطوير الفريق")


def test_name_spelled_with_ba_is_the_subject() -> None:
    (q,) = quotes_of("أعلن بلاتيني أنه لن يترشح لرئاسة الاتحاد.").quotes
    assert speaker_words(q) == "بلاتيني"


def test_denied_rumour_is_no_quote() -> None:
    assert quotes_of("ونفت مصادر مطلعة ما تم تداوله عن أن الحزب عقد صفقة مع الحكومة.").quotes == []


def test_speaker_named_before_a_second_verb() -> None:
    doc = quotes_of("تحدث بعد ذلك المدير التنفيذي فقال إن «الشركة ستربح هذا العام». "
                    "وأردف «لن نقبل أي تدخل سياسي».")
    assert speaker_words(quote_starting(doc, "الشركة ستربح")) == "المدير التنفيذي"
    assert speaker_words(quote_starting(doc, "لن نقبل")) == "المدير التنفيذي"


def test_cue_quoted_inside_a_quotation_stays_inside() -> None:
    doc = quotes_of("وقال المسؤول إن «الجبهة لا تعترف بالقضاء وتطالب بتغييره»، فضلا عن «دعوتها لتأسيس جيش جديد».")
    assert "وتطالب" not in _cues(doc)


def test_dates_asides_and_outlets_do_not_lengthen_the_lead_in() -> None:
    doc = quotes_of("وكانت السفارة في العاصمة أعلنت في تحذير سابق أصدرته في مايو (أيار) الماضي أن «الرعايا "
                    "يجب أن يحذروا من التنقل ليلا». فقد أعلنت النيابة العامة أمس لوكالة الأنباء الفرنسية، "
                    "أنها أغلقت التحقيق في القضية.")
    warned = quote_starting(doc, "الرعايا يجب")
    assert "السفارة" in speaker_words(warned)
    (closed,) = [q for q in doc.quotes if "أغلقت التحقيق" in q.content.text]
    assert speaker_words(closed) == "النيابة العامة"


def test_subjunctive_verbs_report_nothing_but_past_verbs_do() -> None:
    assert quotes_of("كان مقررا لها أن تحدث في: مايو ويونيو وأغسطس من العام المقبل.").quotes == []
    (q,) = quotes_of("وسبق للرئيس أن أكد أن الاتفاق جيد للطرفين.").quotes
    assert q.content.text.startswith("الاتفاق جيد")


def test_causal_haythu_anna_is_not_the_cue_complementizer() -> None:
    assert quotes_of("ترى هناك حاجة لإعادة الفحص حيث إن آخر فحص كان قبل سنوات؟").quotes == []


def test_title_in_apposition_does_not_lengthen_the_lead_in() -> None:
    doc = quotes_of("أكد سالم العبيدي، عضو البرلمان عن كتلة «الوفاق» التي يتزعمها رئيس المجلس، في تصريح "
                    "لـ«الشرق الأوسط» إن «الوضع الأمني خطير جدا».")
    q = quote_starting(doc, "الوضع الأمني")
    assert speaker_words(q) == "سالم العبيدي" and q.kind == "mixed"


def test_ra_a_with_a_colon_is_seeing_not_saying() -> None:
    assert quotes_of("وذلك لأنهم رأوا فيما فعل الآتي: أولا تحديا دستوريا، وثانيا خرقا للأعراف.").quotes == []
