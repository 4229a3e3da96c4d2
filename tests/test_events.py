"""Events: triggers, arguments, status, merging and ACLED coding on real Arabic text.

The seed tests use hand-made entities/dates (``events_fixtures``) so they check the events stage
alone; ``test_events_pipeline.py`` runs the whole pipeline.
"""

from __future__ import annotations

import pytest

from events_fixtures import SEED_DATES, SEED_ENTITIES, make_doc
from khabar.document import Document, Geo, Meta
from khabar.events.acled import ACLED_COLUMNS, to_acled_rows
from khabar.events.lexicon import load_lexicon
from khabar.events.scan import find_triggers, sentences_of, words_of
from khabar.events.stage import extract_events


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> Document:
    return extract_events(make_doc(seed_text, SEED_ENTITIES, SEED_DATES, published="2016-10-26"))


def _find(doc: Document, type_: str, **wanted):
    for event in doc.events:
        if event.type != type_:
            continue
        if all((value in getattr(event, key)) if isinstance(getattr(event, key), list) else getattr(event, key) == value
               for key, value in wanted.items()):
            return event
    raise AssertionError(f"no {type_} event with {wanted}: {[e.to_json() for e in doc.events]}")


def _types(text: str) -> list[tuple[str, str | None, str]]:
    doc = Document(text)
    words = words_of(doc, sentences_of(doc))
    return [(t.entry.type, t.entry.mode, text[t.start:t.end]) for t in find_triggers(words)]


@pytest.mark.parametrize("text,type_,mode", [
    ("قتلوا خمسة أشخاص", "ASSAULT", None),
    ("وقتلت القوات ثلاثة", "ASSAULT", None),
    ("يقتل المسلحون", "ASSAULT", None),
    ("سقوط ستة قتلى", "ASSAULT", None),
    ("شنت الطائرات غارات على المدينة", "ASSAULT", "aerial"),
    ("وبالغارة الجوية", "ASSAULT", "aerial"),
    ("أعدموا الرهائن", "ASSAULT", "execution"),
    ("اشتباكات عنيفة", "ASSAULT", "armed_clash"),
    ("فجر انتحاري نفسه", "ASSAULT", "suicide"),
    ("يفجرون السيارات", "ASSAULT", "explosives"),
    ("اعتقلت الشرطة 41 عنصرا", "COERCE", "arrest"),
    ("اختطاف مقاتلين", "COERCE", "abduct"),
    ("اتصل هاتفيا بنظيره", "CONSULT", "phone"),
    ("التقى الوزير نظيره", "CONSULT", "meeting"),
    ("تظاهر آلاف", "PROTEST", "demonstrate"),
    ("ندد الوزير بالهجوم", "DISAPPROVE", "condemn"),
    ("فرض عقوبات على إيران", "SANCTION", "sanctions"),
])
def test_trigger_inflections(text: str, type_: str, mode: str | None) -> None:
    found = _types(text)
    assert any(t == type_ and (mode is None or m == mode) for t, m, _ in found), found


@pytest.mark.parametrize("text", [
    "صلاة الفجر في المسجد",   # فجر = dawn
    "رئيس تحرير الصحيفة",      # تحرير = editing
    "قوات الحشد الشعبي",       # a name, not mobilization
    "البحث عن المفقودين",      # search, not talks
])
def test_trigger_false_friends(text: str) -> None:
    assert [t for t in _types(text) if t[0] in ("ASSAULT", "MOBILIZE", "CONSULT")] == []


def test_lexicon_size() -> None:
    assert load_lexicon().size >= 150


def test_seed_naynaya_killing(seed_doc: Document) -> None:
    event = _find(seed_doc, "ASSAULT", fatalities=5)
    assert event.mode in ("execution", "firearms")
    assert event.status == "happened"
    assert event.actors == ["E9"]  # Popular Mobilization Forces, not the federal police they dressed as
    assert event.location in ("E12", "E13")  # Naynaya / Qayyarah
    assert event.reported_by == "E10"  # Anadolu
    assert event.acled["event_type"] == "Violence against civilians"
    assert event.acled["sub_event_type"] == "Attack"
    assert event.acled.get("civilian_targeting") == "Civilian targeting"
    # the execution sentence is the same event
    texts = " ".join(span.text for span in event.evidence)
    assert "وقتلوا خمسة أشخاص" in texts and "إعدام ميدانية" in texts
    assert sum(1 for e in seed_doc.events if e.fatalities == 5 or e.mode == "execution") == 1


def test_seed_mosul_offensive(seed_doc: Document) -> None:
    event = _find(seed_doc, "ASSAULT", location="E4", actors="E3", status="happened")
    assert event.mode is None or event.mode == "armed_clash"
    assert len(event.evidence) >= 2  # Lavrov's sentence and the body sentence


def test_seed_aleppo_offensive(seed_doc: Document) -> None:
    event = _find(seed_doc, "ASSAULT", location="E6", actors="E5")
    assert event.status in ("happened", "claimed")


def test_seed_phone_call(seed_doc: Document) -> None:
    event = _find(seed_doc, "CONSULT", mode="phone")
    assert set(event.actors) == {"E1", "E2"}
    assert event.date is not None and event.date.value == "2016-10-24"
    assert len([e for e in seed_doc.events if e.type == "CONSULT"]) == 1


def test_seed_status(seed_doc: Document) -> None:
    planned = [e for e in seed_doc.events if e.status == "planned"]
    # يعدون عملية لاستعادة هذه المدينة: the planned retake of Mosul (merged with "لإستعادة الموصل")
    assert any(any("يعدون عملية لاستعادة" in s.text for s in e.evidence) for e in planned)
    hypothetical = [e for e in seed_doc.events if e.status == "hypothetical"]
    assert any("عملية الموصل" in " ".join(s.text for s in e.evidence) for e in hypothetical)


def test_seed_isis_seized_mosul(seed_doc: Document) -> None:
    event = _find(seed_doc, "COERCE", mode="seize", actors="E8")
    assert event.date is not None and event.date.value == "2014"
    assert event.acled["sub_event_type"] == "Non-state actor overtakes territory"


def test_seed_acled_rows(seed_doc: Document) -> None:
    rows = to_acled_rows(seed_doc)
    assert rows and all(tuple(row) == ACLED_COLUMNS for row in rows)
    naynaya = next(row for row in rows if row["fatalities"] == 5)
    assert naynaya["actor1"] == "Popular Mobilization Forces"
    assert naynaya["country"] == "Iraq" and naynaya["iso"] == 368
    assert naynaya["location"] == "Naynaya" and naynaya["latitude"] == 35.95
    assert naynaya["source"] == "Anadolu Agency"
    assert naynaya["actor2"].startswith("Civilians") and naynaya["inter2"] == 7
    assert "نعينيعة" in naynaya["notes"]
    # planned/hypothetical events are not exported by default
    assert all(row["event_type"] for row in rows)


@pytest.mark.parametrize("text,fatalities", [
    ("مقتل 51 من داعش في قصف لطائرات التحالف", 51),
    ("وقتلوا خمسة أشخاص من أبناء القرية", 5),
    ("سقوط ستة قتلى في انفجار", 6),
    ("27 قتيلا و100 جريح بانفجار في بلدة", 27),
    ("مقتل وإصابة 60 شخصا في هجوم انتحاري", None),
])
def test_fatalities(text: str, fatalities: int | None) -> None:
    doc = extract_events(Document(text))
    assert doc.events, text
    assert doc.events[0].fatalities == fatalities
    assert len(doc.events) == 1  # one sentence, one happening


def test_status_cues() -> None:
    doc = extract_events(Document("نفى الجيش قصف المستشفى. وهدد التنظيم بتفجير الجسر. تستعد القوات لهجوم على المدينة."))
    statuses = {e.trigger.text: e.status for e in doc.events}
    assert statuses["قصف"] == "denied"
    assert statuses["بتفجير"] == "threatened"
    assert statuses["لهجوم"] == "planned"


def test_negation_is_no_event() -> None:
    assert extract_events(Document("لم تقصف الطائرات المدينة")).events == []


def test_claim_by_party_vs_agency() -> None:
    text = "قال المتحدث باسم الجيش إن القوات قتلت 100 مسلح. وقالت وكالة رويترز إن الغارات قتلت 20 مدنيا."
    doc = make_doc(text, [("E1", "ORG", "الجيش", "Army", ["الجيش"], None),
                          ("E2", "ORG", "رويترز", "Reuters", ["وكالة رويترز"], None)])
    extract_events(doc)
    by_count = {e.fatalities: e for e in doc.events}
    assert by_count[100].status == "claimed"
    assert by_count[20].status == "happened" and by_count[20].reported_by == "E2"


@pytest.mark.parametrize("text", ["", "   ", "hello world", "1234 !!", "قتل" * 5000])
def test_bad_input_never_crashes(text: str) -> None:
    doc = extract_events(Document(text, meta=Meta(published="2015-07-21")))
    assert isinstance(doc.events, list)
    for event in doc.events:
        assert doc.text[event.trigger.start:event.trigger.end] == event.trigger.text


# --- background statements are no events (gold convention, see data/events/README.md) ---------
@pytest.mark.parametrize("text", [
    "ويقصف النظام بانتظام مناطق المعارضة في مدينة حلب وريفها",       # a habit
    "يسكن أقاربه في حي المغاير الواقع تحت سيطرة المعارضة",            # a state of control
    "أمطرت الفصائل أربع بلدات محاصرة في شمال سوريا",                  # an adjective
    "تسللت قوة عسكرية من قيادة عمليات الجزيرة والبادية",              # the name of a command
    "وأبطلت القوات مفعول ست عبوات ناسفة تم زرعها على الطريق",        # weapons defused
    "رابط الخبر بصحيفة الوئام: مقتل 19 من عناصر داعش",                # the outlet's headline trailer
    "اعترفوا بمسؤوليتهم عن العمليات الإجرامية التي استهدفت المواطنين",  # a class of events
    "وأحيا السكان ذكرى مجزرة القرية",                                   # a commemoration
])
def test_background_is_no_event(text: str) -> None:
    doc = extract_events(Document(text))
    assert [e.trigger.text for e in doc.events if e.type in ("ASSAULT", "COERCE")] == []


@pytest.mark.parametrize("text,type_", [
    ("قصفت الطائرات مواقع المسلحين في المدينة أمس", "ASSAULT"),
    ("سيطر التنظيم على المدينة بعد معارك عنيفة", "COERCE"),
    ("انفجرت عبوة ناسفة في سوق المدينة", "ASSAULT"),
])
def test_specific_happenings_stay_events(text: str, type_: str) -> None:
    assert any(e.type == type_ for e in extract_events(Document(text)).events), text


@pytest.mark.parametrize("text,fatalities", [
    ("ولقي العقيد مصرعه برصاص مسلحين", 1),       # singular enclitic
    ("قتل مدير منفذ بنغازي البحري", 1),         # a singular victim noun
    ("أعلن الحزب قتل ضابطي شرطة", 2),           # a dual victim noun
    ("لقي 8 أشخاص مصرعهم بقصف", 8),              # a plural enclitic needs the number
])
def test_fatalities_of_one_or_two(text: str, fatalities: int) -> None:
    doc = extract_events(Document(text))
    assert [e.fatalities for e in doc.events if e.type == "ASSAULT"] == [fatalities]


def test_reference_point_is_not_the_place() -> None:
    text = "أطلق عناصر التنظيم عشرات الصواريخ على قضاء مخمور شرق الموصل ما أسفر عن مقتل 18 من البيشمركة"
    doc = make_doc(text, [
        ("E1", "GPE", "مخمور", "Makhmur", ["مخمور"], Geo(35.77, 43.58, 99131, "IQ", "Nineveh", "PPL", "town")),
        ("E2", "GPE", "الموصل", "Mosul", ["الموصل"], Geo(36.34, 43.13, 99072, "IQ", "Nineveh", "PPLA", "city")),
    ])
    events = [e for e in extract_events(doc).events if e.type == "ASSAULT"]
    assert len(events) == 1 and events[0].location == "E1" and events[0].fatalities == 18


def test_generic_place_noun_is_not_a_place() -> None:
    text = "وقالت مصادر إن القوات قصفت المدينة أمس في حلب"
    doc = make_doc(text, [
        ("E1", "GPE", "المدينة", "Medina", ["المدينة"], Geo(24.47, 39.61, 109223, "SA", "Medina", "PPL", "city")),
        ("E2", "GPE", "حلب", "Aleppo", ["حلب"], Geo(36.20, 37.16, 170063, "SY", "Aleppo", "PPLA", "city")),
    ])
    events = [e for e in extract_events(doc).events if e.type == "ASSAULT"]
    assert events and events[0].location == "E2"
