"""Event detection precision and status (issue 6, round 3) on Arabic news sentences.

Error classes found by annotating unseen SaudiNewsNet articles before running the system: sports
"هجوم", running totals over years, ongoing activity and states (تواصل سيطرتها، تحاصر منذ، في قبضة),
aims (استهدف الهجوم السيطرة), expulsion words, two happenings in one sentence (…، بينما قتل …),
turns of topic (وفي مأرب،), and the status conventions of the held-out annotators: ``claimed``
only when a side of the conflict asserts the fact, ``happened`` for neutral sources, own losses and
facts a condemnation takes for granted. The sentences follow SaudiNewsNet wording (not copied).
"""

from __future__ import annotations

import pytest

from events_fixtures import event_runner
from khabar.document import Document, Event
from khabar.events.background import sports_text


@pytest.fixture(scope="module")
def run():
    return event_runner()


def _of(doc: Document, type_: str) -> list[Event]:
    return [e for e in doc.events if e.type == type_]


SPORTS = (
    "يرى لاعب النصر السابق أن الفريق يتفوق في المباراة المقبلة، فالمدرب اعتمد على الهجمات المرتدة. "
    "وقال إن هجوم الهلال ضعيف هذا الموسم، وإن هجمة مرتدة سريعة أدت إلى طرد المدافع في المباراة الماضية "
    "قبل ركلة الجزاء، وإن الفريقين يستحقان التأهل إلى النهائي في كأس الملك."
)


def test_sports_attack_and_red_card_are_no_events(run) -> None:
    assert sports_text(SPORTS)
    doc = run(SPORTS)
    assert not _of(doc, "ASSAULT") and not _of(doc, "COERCE")


def test_war_report_is_no_sports_text() -> None:
    text = ("قتل 14 جنديا في غارة على حاجز للجيش، وقال حاكم المنطقة إن مروحيتين هاجمتا الحاجز. "
            "وأصيب ثمانية آخرون في الهجوم الذي وقع قرب ملعب البلدة.")
    assert not sports_text(text)


@pytest.mark.parametrize("text,type_", [
    # a toll counted over decades
    ("وتخشى أنقرة أن تعيد الفوضى إشعال الانتفاضة الكردية التي قتلت نحو 40 ألف شخص منذ عام 1984.", "ASSAULT"),
    # an ongoing advance and hold, told by the state agency
    ("وقالت الوكالة إن قوات النظام تواصل تقدمها وسيطرتها على نقاط في مدينة الزبداني.", "COERCE"),
    # a siege as a state since March
    ("وتحاصر فصائل المعارضة بلدتي الفوعة وكفريا بشكل كامل منذ نهاية آذار الماضي.", "COERCE"),
    # ground still held by a side
    ("وتسعى المقاومة إلى استعادة المواقع التي لا تزال في قبضة الحوثيين.", "COERCE"),
    # expelled from some areas: background of a report on attacks
    ("وواصل التنظيم شن هجمات داخل المدينة على الرغم من طرده من بعض المناطق.", "COERCE"),
])
def test_totals_states_and_expulsions_are_no_events(run, text: str, type_: str) -> None:
    assert not _of(run(text), type_)


def test_aim_of_an_attack_is_no_seizure(run) -> None:
    doc = run("وفشل هجوم ضخم شنه التنظيم الشهر الماضي على مدينة الحسكة. واستهدف الهجوم السيطرة على المدينة.")
    assert _of(doc, "ASSAULT")
    assert not _of(doc, "COERCE")


def test_two_happenings_in_one_sentence_stay_apart(run) -> None:
    doc = run("وفي مأرب، قصفت طائرات التحالف مواقع الحوثيين في جبهة الجفينة، بينما قتل 9 من الحوثيين "
              "في هجوم للمقاومة الشعبية في منطقة صرواح.")
    assaults = _of(doc, "ASSAULT")
    assert len(assaults) == 2
    assert sorted(e.fatalities or 0 for e in assaults) == [0, 9]


def test_neutral_co_source_makes_it_happened(run) -> None:
    doc = run("قالت الشرطة ومصادر طبية إن تفجيرا انتحاريا بسيارة ملغومة قتل 12 شخصا في سوق ببلدة الخالص.")
    (event,) = _of(doc, "ASSAULT")
    assert event.status == "happened"


def test_security_source_makes_it_claimed(run) -> None:
    doc = run('وقال مصدر أمني "فرض تنظيم داعش سيطرته على منطقة الملعب شمالي الرمادي".')
    (event,) = _of(doc, "COERCE")
    assert event.status == "claimed"


def test_own_losses_told_by_the_army_happened(run) -> None:
    doc = run("وأعلن المتحدث العسكري للجيش المصري أن ثلاثة من أفراد الجيش قتلوا إثر سقوط قذيفة في الشيخ زويد.")
    (event,) = _of(doc, "ASSAULT")
    assert event.status == "happened" and event.fatalities == 3


def test_army_claim_of_enemy_dead_is_claimed(run) -> None:
    doc = run("وأعلن المتحدث العسكري للجيش المصري أن قوات الجيش قتلت 20 من العناصر الإرهابية في الشيخ زويد.")
    (event,) = _of(doc, "ASSAULT")
    assert event.status == "claimed"


def test_condemned_attack_is_taken_as_fact(run) -> None:
    doc = run("أعلن البيت الأبيض إدانته الشديدة للاعتداء الانتحاري الذي أوقع 30 قتيلا في مدينة سوروتش التركية.")
    (event,) = _of(doc, "ASSAULT")
    assert event.status == "happened"


def test_doubt_about_the_attacker_is_no_doubt_about_the_attack(run) -> None:
    doc = run("قال المرصد السوري إن ستة متطرفين قتلوا في غارة جوية قرب مدينة الحسكة. وأضاف المرصد أنه لم يعرف "
              "ما إذا كان الهجوم الجوي نفذه الجيش السوري أو التحالف.")
    (event,) = _of(doc, "ASSAULT")
    assert event.status == "happened" and event.fatalities == 6


def test_party_acting_after_a_clause_break_is_the_outlets_fact(run) -> None:
    doc = run("وأعلنت المقاومة اليوم عن مقتل 22 من ميليشيا الحوثي باشتباكات قرب قاعدة العند، فيما قتل 9 "
              "من الحوثيين في هجوم للمقاومة الشعبية بمأرب.")
    by_toll = {e.fatalities: e for e in _of(doc, "ASSAULT")}
    assert by_toll[22].status == "claimed"
    assert by_toll[9].status == "happened"
