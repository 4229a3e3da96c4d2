"""Event precision classes from the issue 6 audit of random system events on unseen articles.

A careful annotator rejected system events that told a series of happenings (سلسلة من الاحتجاجات),
an aim (لتنفيذ هجمات، لتفريق مظاهرات), what goes on (ما يحدث من اقتتال، كانت تدور فيها معارك), a lost
hold (فقدت سيطرتها على أطفالها), a state of control (المدينة التي سيطر عليها، منذ ... سيطر), a campaign
count (أكثر من 36 ألف غارة), several killings taken up again (عمليات القتل هذه) or the bomber as a person
(حسابات الانتحاري), and counted retellings of one happening twice. The sentences follow SaudiNewsNet
wording (not copied); each test also checks that the real happening beside the false one is kept.
"""

from __future__ import annotations

import pytest

from events_fixtures import event_runner
from khabar.document import Document, Event


@pytest.fixture(scope="module")
def run():
    return event_runner()


def _of(doc: Document, *types: str) -> list[Event]:
    return [e for e in doc.events if e.type in types]


def _triggered(doc: Document, word: str) -> bool:
    return any(word in e.trigger.text for e in doc.events)


@pytest.mark.parametrize("text,word", [
    # a series over weeks or a year
    ("ووافق البرلمان أمس على تشديد العقوبة بناء على تشريع طرح عقب سلسلة من الاحتجاجات في المدينة العام الماضي.",
     "الاحتجاجات"),
    ("وألقى المستشار الرئاسي مسؤولية أعمال العنف على المعارضة ومن هم وراء أسابيع من الاحتجاجات في العاصمة.",
     "الاحتجاجات"),
    # the aim of a doing noun, no set target
    ("وحذرت الاستخبارات قوات الأمن من عبور سبعة مسلحين إلى داخل البلاد لتنفيذ هجمات ضد أهداف فيها.", "هجمات"),
    ("وانتقدت منظمات حقوقية استخدام الذخيرة الحية لتفريق مظاهرات في الضفة الغربية خلال السنوات الأخيرة.",
     "مظاهرات"),
    # what goes on
    ("وهذا يذكر بما يحدث من اقتتال في سوريا بين التنظيمين منذ عامين.", "اقتتال"),
    ("وأحيا السكان ذكرى ضحايا الطائرة التي أسقطت فوق هذه المنطقة التي كانت تدور فيها معارك آنذاك.", "معارك"),
    # lost hold: a family, a driver
    ("وجدت أكثر من عائلة فقدت سيطرتها على أطفالها في إدارة أوقات فراغهم.", "سيطرتها"),
    ("وأوضح المرور أن السائق فقد السيطرة على المركبة فانحرفت عن الطريق.", "السيطرة"),
    # a state of control
    ("وكان يدير فرعا لشركة في تلك المدينة الصغيرة التي سيطر عليها تنظيم داعش في شرق ليبيا.", "سيطر"),
    ("ومنذ الإطاحة بالنظام السابق سيطر تنظيم القاعدة على درنة واستقبل مئات المقاتلين الأجانب.", "سيطر"),
    # a campaign count
    ("وبعد أكثر من تسعة أشهر وأكثر من 36 ألف غارة جوية على مواقع التنظيم لم تحقق الحملة هدفها.", "غارة"),
])
def test_no_specific_happening(run, text: str, word: str) -> None:
    doc = run(text)
    assert not _triggered(doc, word), [(e.type, e.trigger.text) for e in doc.events]


def test_killings_taken_up_again_add_no_event(run) -> None:
    text = ("قتل مسلحون الصحافي جاغندرا سينغ بالرصاص في ولاية أوتار براديش الشهر الماضي. "
            "ولا ينبغي النظر إلى عمليات القتل هذه باعتبارها حوادث فردية.")
    doc = run(text)
    assert len(_of(doc, "ASSAULT")) == 1
    assert not _triggered(doc, "القتل")


def test_suicide_bomber_as_person_is_no_event_but_attack_is(run) -> None:
    doc = run("ويمكن ملاحظة خلو حسابات الانتحاري من التكفير المباشر للحكام.")
    assert not _of(doc, "ASSAULT")
    doc = run("وأعلن رئيس الوزراء أن التنظيم يقف وراء الاعتداء الانتحاري الذي استهدف أمس مدينة سوروج "
              "وأوقع 30 قتيلا على الأقل.")
    attacks = _of(doc, "ASSAULT")
    assert len(attacks) == 1 and attacks[0].fatalities == 30


def test_done_series_of_strikes_is_kept(run) -> None:
    doc = run("وقال مصدر عسكري إن طيران الجيش نفذ اليوم سلسلة من الغارات الجوية على مواقع المسلحين في الحصيبة.")
    assert len(_of(doc, "ASSAULT")) == 1


def test_planned_attack_on_set_target_is_kept(run) -> None:
    doc = run("ورصدت الأجهزة الأمنية ثلاث خلايا يستعدون لشن هجمات على الارتكازات الأمنية جنوب الشيخ زويد.")
    assert _of(doc, "ASSAULT")


def test_seizure_told_as_time_point_is_kept(run) -> None:
    doc = run("ويقيم رئيس الوزراء في الشرق منذ أن سيطرت جماعة منافسة على العاصمة طرابلس في أغسطس الماضي.")
    assert _of(doc, "COERCE", "ASSAULT")


def test_same_toll_retold_is_one_event(run) -> None:
    text = ("وتتبادل الأطراف المسؤولية عن إسقاط الطائرة الذي أسفر عن 298 قتيلا فوق شرق أوكرانيا. "
            "وقال رئيس الوزراء إن الحكومة تسعى إلى تشكيل محكمة دولية لتحقيق العدالة من أجل عائلات "
            "298 شخصا قتلوا في الحادث معظمهم هولنديون.")
    doc = run(text)
    attacks = _of(doc, "ASSAULT")
    assert len(attacks) == 1 and attacks[0].fatalities == 298


def test_killer_pointed_at_again_is_one_event(run) -> None:
    text = ("وصلتني رسالة تقول إن جريمة قتل العقيد راشد الصفيان تأتي لتصرخ فينا جميعا. "
            "ويقول الكاتب إن هذا الشاب الذي قتل العقيد لم يتغير فكره في شهر أو شهرين.")
    doc = run(text)
    assert len(_of(doc, "ASSAULT")) == 1


def test_headline_repeated_in_closing_link_line_is_no_second_event(run) -> None:
    text = ("واوقفت الشرطة في بنغلادش خمسة اشخاص في قضية مقتل الفتى بعد تقييده الى عمود وضربه حتى الموت. "
            "وكان المشتبه به الرئيسي فر الى جدة بعد وقوع الجريمة.   "
            "رابط الخبر بصحيفة الوئام: بالفيديو.. المملكة توقف رجلاً قتل فتى في بنغلادش لأنه سرق دراجة")
    doc = run(text)
    assert len(_of(doc, "ASSAULT")) == 1
    assert all(e.trigger.start < text.index("رابط الخبر") for e in doc.events)


@pytest.mark.parametrize("text,word", [
    # the aim of an act: ل + a coercive verbal noun + its object, a verb of seeking before the noun
    ("واتهمت المنظمة السلطات باستخدام القوة غير المبررة لاعتقال أطفال تصل أعمار بعضهم إلى 11 عاما.", "لاعتقال"),
    ("وقال التقرير إن القوات اقتحمت البلدة أمس في طريقها لاقتحام مدن أخرى.", "لاقتحام"),
    ("وسيطر رجال المقاومة على المثلث أمس، وتسعى المقاومة للسيطرة على قاعدة العند الجوية.", "للسيطرة"),
    ("وقال إن البلاد مستهدفة عبر تجنيد أبنائها لقتال أبناء بلدهم في الخارج.", "لقتال"),
    # an abstract object of استهدف
    ("وقال إن التنظيم عمد إلى تكوين خلايا تستهدف إشعال الفتنة الطائفية في المجتمع.", "تستهدف"),
    # a risk
    ("ورفعت بريطانيا مستوى التأهب إلى ثاني أعلى مستوياته ما يشير إلى احتمالية وقوع هجوم.", "هجوم"),
    # pretend
    ("وجلست إلى مائدة العشاء وأتظاهر بأنه لم يحدث ما يعكر صفوي.", "وأتظاهر"),
    # an adjective of combat
    ("وتمنع السياسة القوات البرية من لعب أي دور قتالي مباشر في العراق.", "قتالي"),
])
def test_aims_risks_and_pretence_are_no_events(run, text: str, word: str) -> None:
    doc = run(text)
    assert not _triggered(doc, word), [(e.type, e.trigger.text) for e in doc.events]


def test_seizure_beside_an_aim_is_kept(run) -> None:
    doc = run("وسيطر رجال المقاومة على المثلث أمس، وتسعى المقاومة للسيطرة على قاعدة العند الجوية.")
    assert [e.trigger.text for e in _of(doc, "COERCE", "ASSAULT")] == ["وسيطر"]


def test_demonstrators_in_thousands_still_protest(run) -> None:
    doc = run("وتظاهر الآلاف أمس في العاصمة احتجاجا على قرار الحكومة، وتظاهروا بالآلاف أمام البرلمان.")
    assert _of(doc, "PROTEST")


def test_plan_against_a_set_target_stays_planned(run) -> None:
    doc = run("وأكدت مصادر في المقاومة أن رجالها في طريقهم لاقتحام قاعدة العند التي باتت محاصرة.")
    assert any(e.trigger.text == "لاقتحام" for e in doc.events)


def test_time_distance_from_one_attack_is_kept(run) -> None:
    doc = run("وكانت تونس في حالة تأهب بالفعل وذلك بعد أشهر من هجوم شنه مسلحان في متحف باردو في العاصمة.")
    assert _of(doc, "ASSAULT")
