"""Event error classes of issue 6 on real Arabic sentences (SaudiNewsNet wording) and the evaluator.

Unnamed actors carried as text spans, victims that are no actors, goal nouns, running totals and
hypothetical tolls that are no events, anaphoric mentions merged into one event, false trigger
matches (وزارة), and ``khabar eval events --gold/--split`` on any split.
"""

from __future__ import annotations

import json

import pytest

from events_fixtures import event_runner, mention_texts
from khabar.document import Document, Event
from khabar.events.evaluate import GoldError, load_gold, select
from khabar.events.lexicon import load_lexicon
from khabar.events.scan import candidate_words, find_triggers, sentences_of, words_of
from khabar.events.stage import extract_events


@pytest.fixture(scope="module")
def run():
    return event_runner()


def _assaults(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.type == "ASSAULT"]


def test_unnamed_actor_is_carried_as_a_text_span() -> None:
    doc = extract_events(Document("قال شهود إن مجهولين فجروا خمس سيارات في مدينة غزة فجر اليوم."))
    event = _assaults(doc)[0]
    assert any("مجهولين" in t for t in mention_texts(doc, event.actors))
    entity = doc.entity(event.actors[0])
    assert entity is not None and entity.kb_id is None and entity.type == "ORG"
    assert all(doc.text[m.start:m.end] == m.text for m in entity.mentions)


def test_gunmen_of_a_named_group(run) -> None:
    doc = run("قتل مسلحون من جماعة بوكو حرام المتطرفة عشرات الاشخاص في أربع قرى في شمال شرقي نيجيريا.")
    event = _assaults(doc)[0]
    assert event.actors, event.to_json()
    assert any("مسلحون" in t or "بوكو حرام" in t for t in mention_texts(doc, event.actors))


def test_counted_dead_are_targets_not_actors(run) -> None:
    doc = run("أفادت خلية الإعلام الحربي بمقتل 52 من عناصر تنظيم داعش في غارات شرقي الرمادي.")
    event = _assaults(doc)[0]
    assert event.fatalities == 52
    assert not any("داعش" in t for t in mention_texts(doc, event.actors))


def test_soldiers_who_were_killed_are_no_actors(run) -> None:
    doc = run("قال مسعفون إن خمسة جنود ليبيين قتلوا في انفجار قنبلة بمدينة بنغازي يوم الاثنين.")
    event = _assaults(doc)[0]
    assert event.fatalities == 5
    assert not any("ليبي" in t for t in mention_texts(doc, event.actors))


@pytest.mark.parametrize("text", [
    "دعت الحكومة المعترف بها دوليا إلى استعادة السيطرة على المدن الليبية كافة.",
    "تدعم جماعات مسلحة حكومتين تتنافسان من أجل السيطرة على البلاد.",
    "وبذلك يرتفع الى 600 عدد قتلى هجمات بوكو حرام منذ تولي الرئيس السلطة.",
    "ولم يعرف في الحال ما اذا كان الحادث اسفر عن قتلى آخرين.",
    "يواجه الجيش متمردي طالبان الذين يشنون هجومهم السنوي الواسع النطاق في الربيع.",
    "واستغل التنظيم الفوضى واستولى على عدد من البلدات.",
])
def test_no_event_of_its_own(text: str) -> None:
    doc = extract_events(Document(text))
    assert not [e for e in doc.events if e.type in ("ASSAULT", "COERCE")], [e.to_json() for e in doc.events]


def test_anaphoric_mentions_make_one_event(run) -> None:
    doc = run("قتل 14 جنديا افغانيا صباح أمس في غارة اميركية على حاجز للجيش في ولاية لوغار. "
              "وقال حاكم المنطقة إن الغارة وقعت في الساعة السادسة صباحا. "
              "وقال مسؤول عسكري اميركي إن التحقيق في الهجوم جار.")
    events = _assaults(doc)
    assert len(events) == 1, [e.to_json() for e in events]
    assert events[0].fatalities == 14


def test_ministry_and_social_are_no_triggers() -> None:
    text = "أعلنت وزارة الداخلية عبر مواقع التواصل الاجتماعي نتائج التحقيق."
    doc = Document(text)
    found = {text[t.start:t.end] for t in find_triggers(words_of(doc, sentences_of(doc)), load_lexicon())}
    assert "وزارة" not in found and "الاجتماعي" not in found


def test_candidate_words_keep_only_trigger_sentences(run) -> None:
    doc = run("ارتفعت أسعار النفط اليوم. وقتل ثلاثة أشخاص في قصف على مدينة حلب.")
    words = candidate_words(doc, doc.sentences)
    assert words and {w.sentence for w in words} == {1}
    assert all(doc.text[w.start:w.end] == w.text for w in words)
    assert [w.index for w in words] == list(range(len(words)))


def test_empty_and_foreign_input() -> None:
    assert extract_events(Document("")).events == []
    assert extract_events(Document("The weather is fine today.")).events == []


# --- evaluator -------------------------------------------------------------------------------------

def _gold_line(split: str) -> str:
    return json.dumps({"url": "http://example.invalid/a", "zip": "none.zip", "split": split, "events": [
        {"type": "ASSAULT", "triggers": [[0, 3]], "actors": [[4, 10]], "targets": [], "location": [],
         "fatalities": 2, "status": "happened", "date": "2015-07"}]})


def test_any_split_can_be_selected(tmp_path) -> None:
    path = tmp_path / "held.jsonl"
    path.write_text(_gold_line("test2") + "\n", encoding="utf-8")
    articles = load_gold(path)
    assert [a.split for a in select(articles, "test2")] == ["test2"]
    assert articles[0].events[0].date == "2015-07"
    assert len(select(articles, None)) == 1
    with pytest.raises(GoldError, match="test2"):  # the message names the splits present
        select(articles, "test3")


def test_cli_gold_option_reports_a_clear_error(tmp_path, capsys) -> None:
    from khabar.cli import main

    missing = tmp_path / "nope.jsonl"
    assert main(["eval", "events", "--gold", str(missing), "--split", "test2"]) == 2
    assert "not found" in capsys.readouterr().err
    path = tmp_path / "other.jsonl"
    path.write_text(_gold_line("dev") + "\n", encoding="utf-8")
    assert main(["eval", "events", "--gold", str(path), "--split", "test2"]) == 2
    assert "splits present: dev" in capsys.readouterr().err
