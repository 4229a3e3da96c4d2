"""Event arguments round 2: descriptive victims and attackers, experiencers, positions hit, genitive
attackers, places in the trigger's clause, dates that keep happenings apart, threats.

Sentences are from SaudiNewsNet articles (July-August 2015), shortened; entities are hand-made
(``events_fixtures``) so these tests check the events stage alone.
"""

from __future__ import annotations

from events_fixtures import make_doc, mention_texts
from khabar.document import Document, Geo
from khabar.events.stage import extract_events


def _assaults(doc: Document) -> list:
    return [e for e in doc.events if e.type == "ASSAULT"]


def test_unnamed_attacker_and_counted_victims() -> None:
    text = "أقدم شاب يشتبه بأنه مريض نفسيا على قتل ثلاثة أشخاص بينهم شقيقه في خيبر الجنوب شرق مدينة أبها."
    doc = extract_events(Document(text))
    [event] = _assaults(doc)
    assert event.fatalities == 3
    assert "ثلاثة أشخاص" in mention_texts(doc, event.targets)
    assert "شاب" in mention_texts(doc, event.actors)


def test_arrest_of_described_person() -> None:
    doc = extract_events(Document("وورد بلاغ عن إطلاق نار، وقبض على الجاني، وهو شاب في العقد الثالث من العمر."))
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.mode == "arrest"
    assert mention_texts(doc, arrest.targets) == ["الجاني"]


def test_abductions_on_different_days_stay_apart() -> None:
    text = ("وأكد الصحفي أن الصحفي وحيد الصوفي اختطف من وسط العاصمة في 6 أبريل الماضي، مشيرا إلى أن المركز "
            "تلقى بلاغا عن اختطاف 9 صحفيين في 9 يونيو الماضي.")
    doc = extract_events(make_doc(
        text, [("E1", "PER", "وحيد الصوفي", "Waheed al-Sufi", ["وحيد الصوفي"], None)],
        dates=[("6 أبريل الماضي", "2015-04-06", "day"), ("9 يونيو الماضي", "2015-06-09", "day")],
        published="2015-08-06"))
    abductions = [e for e in doc.events if e.type == "COERCE"]
    assert sorted(e.date.value for e in abductions if e.date) == ["2015-04-06", "2015-06-09"]
    june = next(e for e in abductions if e.date and e.date.value == "2015-06-09")
    assert "9 صحفيين" in mention_texts(doc, june.targets)


def test_experiencer_is_the_target_not_the_attacker() -> None:
    text = ("تعرض الإعلامي السوري منهل عبدالقادر، مقدم البرامج في قناة الرسالة، لحادث إطلاق نار على أحد "
            "الطرق السريعة بالعاصمة اللبنانية بيروت.")
    beirut = Geo(33.89, 35.49, 276781, "LB", None, "PPLC", "city")
    doc = extract_events(make_doc(text, [
        ("E1", "PER", "منهل عبدالقادر", "Muhannad Abdulqader", ["منهل عبدالقادر"], None),
        ("E2", "ORG", "قناة الرسالة", "Al-Resalah", ["قناة الرسالة"], None),
        ("E3", "GPE", "بيروت", "Beirut", ["بيروت"], beirut),
    ]))
    [event] = _assaults(doc)
    assert event.targets == ["E1"]
    assert "E2" not in event.actors
    assert event.location == "E3"


def test_genitive_attacker_and_positions_hit() -> None:
    text = "نجا الطفل من هجوم الميليشيات الحوثية على الضالع. وشن طيران التحالف غارات على مواقع للمتمردين الحوثيين في تعز."
    dhale = Geo(13.7, 44.73, 76184, "YE", None, "PPLA", "city")
    taiz = Geo(13.58, 44.02, 70225, "YE", None, "PPLA", "city")
    doc = extract_events(make_doc(text, [
        ("E1", "ORG", "الحوثيون", "Houthis", ["الميليشيات الحوثية", "المتمردين الحوثيين"], None),
        ("E2", "ORG", "التحالف", "Coalition", ["طيران التحالف"], None),
        ("E3", "GPE", "الضالع", "Ad Dali", ["الضالع"], dhale),
        ("E4", "GPE", "تعز", "Taiz", ["تعز"], taiz),
    ]))
    attack = next(e for e in _assaults(doc) if e.trigger.text == "هجوم")
    assert attack.actors == ["E1"] and attack.location == "E3"
    strikes = next(e for e in _assaults(doc) if e.mode == "aerial")
    assert strikes.actors == ["E2"] and strikes.location == "E4"
    assert any("متمردين" in text for text in mention_texts(doc, strikes.targets))  # the side whose positions were hit


def test_threat_to_kill_is_threatened() -> None:
    doc = extract_events(Document("وكان المعرف قد وجه تهديدا مباشرا للممثل ناصر القصبي بالقتل اعتراضا على الحلقة."))
    killing = [e for e in _assaults(doc)]
    assert all(e.status == "threatened" for e in killing)


def test_retake_named_by_two_words_is_one_event() -> None:
    doc = extract_events(Document("تمكن الجيش الوطني والمقاومة الشعبية من استعادة السيطرة على محافظة لحج."))
    territorial = [e for e in doc.events if e.mode in ("retake", "seize")]
    assert len(territorial) == 1


def test_bad_input_gives_no_events() -> None:
    for text in ("", "   ", "no Arabic here at all", "قتل" * 5000, "\u0000\ufffd"):
        doc = extract_events(Document(text))
        assert isinstance(doc.events, list)
