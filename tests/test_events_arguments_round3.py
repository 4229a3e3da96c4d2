"""Event arguments round 3: the attacker inside the cause phrase (قتلوا في هجوم نفذه X، غارة أمريكية،
اشتباكات مع X), counted victims and their side, لقي X مصرعه, the doer of قيام X بإطلاق النار,
speakers and datelines that are no party or place.

Sentences are from SaudiNewsNet articles (July-August 2015), shortened; entities are hand-made
(``events_fixtures``) so these tests check the events stage alone.
"""

from __future__ import annotations

from events_fixtures import make_doc, mention_texts
from khabar.document import Document, Geo
from khabar.events.stage import extract_events


def _assault(doc: Document):
    return next(e for e in doc.events if e.type == "ASSAULT")


SINAI = Geo(30.9, 33.8, None, "EG", None, "ADM1", "region")
CAIRO = Geo(30.06, 31.25, 360630, "EG", None, "PPLC", "city")


def test_attacker_in_a_relative_clause_after_the_attack_noun() -> None:
    text = ("رويترز- القاهرة: قالت مصادر أمنية إن خمسة أفراد من قوات الأمن المصرية قُتلوا في هجوم نفذه "
            "من يشتبه بأنهم إرهابيون، على نقاط تفتيش في شمال سيناء يوم السبت.")
    doc = extract_events(make_doc(text, [
        ("E1", "ORG", "قوات الأمن المصرية", "Egyptian security forces", ["قوات الأمن المصرية"], None),
        ("E2", "ORG", "إرهابيون", "terrorists", ["إرهابيون"], None),
        ("E3", "ORG", "رويترز", "Reuters", ["رويترز"], None),
        ("E4", "GPE", "القاهرة", "Cairo", ["القاهرة"], CAIRO),
        ("E5", "LOC", "شمال سيناء", "North Sinai", ["شمال سيناء"], SINAI),
    ]))
    event = _assault(doc)
    assert event.actors == ["E2"]
    assert "E1" in event.targets  # the five who died belong to the security forces
    assert event.fatalities == 5
    assert event.location != "E4"  # the dateline's city is where the desk is, not the attack


def test_nationality_adjective_of_an_air_strike_is_the_attacker() -> None:
    text = ("قتل 14 جنديًا افغانيًا على الاقل صباح امس الاثنين في غارة امريكية على حاجز للجيش في ولاية "
            "لوغار جنوب كابول، حيث ينتشر متمردو طالبان، كما اعلنت السلطات المحلية.")
    doc = extract_events(make_doc(text, [
        ("E1", "NORP", "أمريكي", "American", ["امريكية"], None),
        ("E2", "NORP", "أفغاني", "Afghan", ["افغانيًا"], None),
        ("E3", "ORG", "طالبان", "Taliban", ["طالبان"], None),
        ("E4", "GPE", "لوغار", "Logar", ["لوغار"], Geo(34.0, 69.2, None, "AF", None, "ADM1", "region")),
    ]))
    event = _assault(doc)
    assert event.actors == ["E1"]
    assert "E3" not in event.actors  # the insurgents are only where it happened
    assert event.fatalities == 14


def test_clash_partner_killed_the_counted_dead() -> None:
    text = ("أفادت مصادر في الجيش العراقي أن 19 من عناصر تنظيم داعش قتلوا في اشتباكات متفرقة مع القوات "
            "العراقية في مناطق تابعة لمحافظة الأنبار.")
    doc = extract_events(make_doc(text, [
        ("E1", "ORG", "داعش", "Islamic State", ["تنظيم داعش"], None),
        ("E2", "ORG", "القوات العراقية", "Iraqi forces", ["القوات العراقية"], None),
        ("E3", "ORG", "الجيش العراقي", "Iraqi army", ["الجيش العراقي"], None),
    ]))
    event = _assault(doc)
    assert event.actors == ["E2"]
    assert event.targets == ["E1"]
    assert event.fatalities == 19


def test_clash_noun_itself_keeps_its_partner_out_of_the_actors() -> None:
    text = "وأضاف المصدر أن القوات العراقية انسحبت من منطقة الملعب على خلفية اشتباكات مسلحة مع داعش."
    doc = extract_events(make_doc(text, [
        ("E1", "ORG", "داعش", "Islamic State", ["داعش"], None),
        ("E2", "ORG", "القوات العراقية", "Iraqi forces", ["القوات العراقية"], None),
    ]))
    clash = next(e for e in doc.events if e.trigger.text == "اشتباكات")
    assert "E1" not in clash.actors


def test_met_death_names_the_dead_as_target() -> None:
    text = ("لقي ستة من مقاتلي المعارضة السورية على الأقل مصرعهم في اشتباكات بين القوات النظامية ومقاتلي "
            "الفصائل الإسلامية في مدينة الزبداني قرب الحدود مع لبنان.")
    doc = extract_events(make_doc(text, [
        ("E1", "ORG", "المعارضة السورية", "Syrian opposition", ["المعارضة السورية"], None),
        ("E2", "ORG", "القوات النظامية", "Syrian government forces", ["القوات النظامية"], None),
        ("E3", "GPE", "الزبداني", "Zabadani", ["الزبداني"], Geo(33.72, 36.1, None, "SY", None, "PPL", "town")),
    ]))
    event = _assault(doc)
    assert event.fatalities == 6
    assert "E2" not in event.targets  # the government forces fought; the six were opposition fighters
    assert any(t.startswith("ستة") or t == "المعارضة السورية" for t in mention_texts(doc, event.targets))


def test_counted_victims_bring_their_side_as_target() -> None:
    text = ("أفاد المرصد السوري لحقوق الإنسان بمقتل 51 عنصرا من تنظيم داعش جراء قصف طائرات التحالف الدولي "
            "مواقع التنظيم في دير الزور.")
    doc = extract_events(make_doc(text, [
        ("E1", "ORG", "داعش", "Islamic State", ["تنظيم داعش"], None),
        ("E2", "ORG", "التحالف الدولي", "International coalition", ["التحالف الدولي"], None),
        ("E3", "ORG", "المرصد السوري لحقوق الإنسان", "SOHR", ["المرصد السوري لحقوق الإنسان"], None),
    ]))
    event = _assault(doc)
    assert "E1" in event.targets
    assert event.actors == ["E2"]
    assert event.fatalities == 51


def test_doer_of_a_shooting_and_the_spokesman_who_told_it() -> None:
    text = ("وأكد الناطق الإعلامي بشرطة الشرقية العقيد زياد الرقيطي، أنه ورد بلاغ لشرطة محافظة حفر الباطن "
            "عن قيام ثلاثة أشخاص يستقلون مركبة بيضاء اللون بإطلاق النار تجاه مركبة مواطن ترافقه زوجته.")
    doc = extract_events(make_doc(text, [
        ("E1", "PER", "زياد الرقيطي", "Ziyad al-Ruqaiti", ["زياد الرقيطي"], None),
        ("E2", "GPE", "حفر الباطن", "Hafar al-Batin", ["حفر الباطن"], Geo(28.43, 45.97, None, "SA", None, "PPL", "city")),
    ]))
    event = _assault(doc)
    assert "E1" not in event.actors
    assert "ثلاثة أشخاص" in mention_texts(doc, event.actors)


def test_counted_nationals_are_the_victims() -> None:
    text = ("قال مسؤولون في قطاع الصحة ان انفجارا أسفر عن مقتل أربعة فلسطينيين واصابة 30 آخرين في مدينة رفح "
            "بجنوب قطاع غزة.")
    doc = extract_events(make_doc(text, [
        ("E1", "NORP", "فلسطيني", "Palestinian", ["فلسطينيين"], None),
        ("E2", "GPE", "رفح", "Rafah", ["رفح"], Geo(31.28, 34.25, None, "PS", None, "PPL", "city")),
    ]))
    event = _assault(doc)
    assert "E1" in event.targets
    assert event.fatalities == 4


def test_the_dead_of_one_clause_do_not_make_the_next_arrest() -> None:
    text = ("قتل العشرات من عناصر تنظيم داعش الإرهابي واعتقل سبعة مطلوبين في مناطق العمليات العسكرية التي "
            "تقوم بها القوات العراقية في محافظة الأنبار غربي العراق.")
    doc = extract_events(make_doc(text, [
        ("E1", "ORG", "داعش", "Islamic State", ["تنظيم داعش"], None),
        ("E2", "ORG", "القوات العراقية", "Iraqi forces", ["القوات العراقية"], None),
    ]))
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert "E1" not in arrest.actors
    assert "سبعة مطلوبين" in mention_texts(doc, arrest.targets)


def test_odd_inputs_do_not_crash() -> None:
    for text in ("", "   ", "هجوم", "قتلوا في", "Gunmen killed five people in Mosul.", "قتل " * 2000,
                 "لقي مصرعه", "قيام بإطلاق", "رويترز- :"):
        doc = extract_events(Document(text))
        assert all(e.type for e in doc.events)


def test_places_and_positions_hit_are_targets() -> None:
    text = ("وأفاد المصادر بأن التحالف العربي شن سلسلة غارات استهدفت قاعدة العند ومعسكر لبوزة المجاور للقاعدة.")
    doc = extract_events(make_doc(text, [("E1", "ORG", "التحالف العربي", "Arab coalition", ["التحالف العربي"], None)]))
    event = _assault(doc)
    assert event.actors == ["E1"]
    assert any("قاعدة العند" in t for t in mention_texts(doc, event.targets))


def test_shelled_neighbourhoods_are_the_target_not_the_patron() -> None:
    text = "وفي وقت سابق قصفت ميليشيات الحوثي وقوات صالح الأحياء السكنية في تعز بصورة عشوائية."
    doc = extract_events(make_doc(text, [
        ("E1", "ORG", "الحوثيون", "Houthis", ["ميليشيات الحوثي"], None),
        ("E2", "PER", "علي عبد الله صالح", "Ali Abdullah Saleh", ["صالح"], None),
        ("E3", "GPE", "تعز", "Taiz", ["تعز"], Geo(13.58, 44.02, None, "YE", None, "PPLA", "city")),
    ]))
    event = _assault(doc)
    assert event.actors == ["E1"]
    assert "E2" not in event.actors  # the former president's forces, not the man himself
    assert "الأحياء السكنية" in mention_texts(doc, event.targets)
    assert event.location == "E3"


def test_coalition_led_by_a_state_is_the_actor() -> None:
    text = ("شن طيران التحالف العربي، بقيادة السعودية، صباح الخميس، ضربات جوية استهدفت تجمعات ومواقع الحوثيين "
            "في محافظة أبين جنوبي اليمن.")
    doc = extract_events(make_doc(text, [
        ("E1", "ORG", "التحالف العربي", "Arab coalition", ["طيران التحالف العربي"], None),
        ("E2", "GPE", "السعودية", "Saudi Arabia", ["السعودية"], Geo(24.0, 45.0, None, "SA", None, "PCLI", "country")),
        ("E3", "ORG", "الحوثيون", "Houthis", ["الحوثيين"], None),
    ]))
    event = _assault(doc)
    assert "E2" not in event.actors
    assert "E3" in event.targets


def test_the_army_alone_is_an_actor_and_the_condemner_is_not() -> None:
    doc = extract_events(Document("وفي بيان سابق قال المتحدث إن الجيش استهدف مقرا لتجمع العناصر الإرهابية بمنطقة "
                                  "جبل العليقة."))
    event = _assault(doc)
    assert "الجيش" in mention_texts(doc, event.actors)
    text = "ندد الرئيس التركي رجب طيب أردوغان بالهجوم الانتحاري الذي أوقع أمس 30 قتيلا في مدينة سوروتش."
    doc = extract_events(make_doc(text, [("E1", "PER", "رجب طيب أردوغان", "Erdogan", ["رجب طيب أردوغان"], None)]))
    assert all("E1" not in e.actors for e in doc.events)


def test_victim_named_after_titles_and_arrested_by_description() -> None:
    text = ("قتل مدير منفذ مدينة بنغازي البحري العقيد عبد الله محمد عبد المولى السعيطي جراء الاشتباكات الدائرة "
            "في منطقة الليثي بالمدينة.")
    doc = extract_events(make_doc(text, [
        ("E1", "PER", "عبد الله محمد عبد المولى السعيطي", "Abdullah al-Saiti", ["عبد الله محمد عبد المولى السعيطي"], None),
    ]))
    assert "E1" in _assault(doc).targets
    doc = extract_events(Document("أعلن وزير الداخلية اليوم الأحد اعتقال المتورطين بالتفجير الذي استهدف ناحية بني سعد."))
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert any(t.startswith("المتورطين") for t in mention_texts(doc, arrest.targets))


def test_light_verb_subject_and_counted_nationals_taken() -> None:
    doc = extract_events(Document("ونفذت قوة من الجيش يوم أمس عمليات دهم للفنادق والمطاعم في منطقة البقاع."))
    raid = next(e for e in doc.events if e.type == "COERCE")
    assert any("الجيش" in t for t in mention_texts(doc, raid.actors))
    text = "أعلنت وزارة الخارجية الإيطالية أن أربعة إيطاليين اختطفوا في ليبيا بالقرب من مجمع شركة للطاقة."
    doc = extract_events(make_doc(text, [
        ("E1", "NORP", "إيطالي", "Italian", ["الإيطالية", "إيطاليين"], None),
        ("E2", "GPE", "ليبيا", "Libya", ["ليبيا"], Geo(27.0, 17.0, None, "LY", None, "PCLI", "country")),
    ]))
    abduction = next(e for e in doc.events if e.type == "COERCE")
    assert "E1" in abduction.targets
    assert "E1" not in abduction.actors


def test_first_side_of_a_clash_between_two() -> None:
    text = "وذكرت مصادر محلية أن اشتباكات عنيفة بين مليشيات الحوثي وجنود الحرس الجمهوري اندلعت في مزرعة المشهور."
    doc = extract_events(make_doc(text, [
        ("E1", "ORG", "الحوثيون", "Houthis", ["مليشيات الحوثي"], None),
        ("E2", "ORG", "الحرس الجمهوري", "Republican Guard", ["الحرس الجمهوري"], None),
    ]))
    assert _assault(doc).actors[:1] == ["E1"]


def test_the_one_blamed_for_an_arson_is_its_actor() -> None:
    text = ("بعد أربعة أيام من مقتل الرضيع الفلسطيني حرقا في جريمة يشتبه بوقوف مستوطنين متطرفين وراءها.")
    doc = extract_events(make_doc(text, [("E1", "ORG", "مستوطنين متطرفين", "extremist settlers",
                                          ["مستوطنين متطرفين"], None)]))
    assert _assault(doc).actors == ["E1"]


def test_described_victims_have_an_english_name(seed_text: str) -> None:
    """The seed's five killed villagers are an entity a reader without Arabic can use: 5 people."""
    from khabar.pipeline import analyze

    doc = analyze(seed_text, published="2016-10-26")
    victims = [e for e in doc.entities if e.name == "خمسة أشخاص"]
    assert victims and victims[0].name_en == "5 people"
    assert all(e.name_en for e in doc.entities if e.type in ("PER", "ORG", "LOC", "GPE"))


def test_english_name_of_a_definite_description() -> None:
    from khabar.document import Document
    from khabar.events.glosses import english_name

    doc = Document("استهدف الهجوم المصلين في المسجد")
    start = doc.text.index("المصلين")
    assert english_name(doc, start, start + len("المصلين"), "PER") == "the worshippers"
    assert english_name(doc, 0, len("استهدف"), "MISC") is None


def test_a_village_the_events_stage_adds_gets_a_point() -> None:
    """بلدة عرى is named with no place after it: it takes the article's country point, never none."""
    from khabar.pipeline import analyze

    doc = analyze("قتل خمسة أشخاص في قصف لقوات النظام على بلدة عرى، وقال المرصد السوري لحقوق الإنسان "
                  "إن الطيران السوري شن غارات أخرى.", published="2015-07-20")
    village = next(e for e in doc.entities if e.name == "عرى")
    assert village.geo is not None and village.geo.country_code == "SY"
    assert all(e.geo is not None for e in doc.entities if e.type in ("LOC", "GPE"))
