"""The corpus store: idempotent adds, round trips, corpus entities, events, stats, export, migrations."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from khabar.document import Document, Entity, Event, EventDate, Geo, Mention, Meta, NumberExpr, Quote, Span
from khabar.store import Filters, StoreError, open_store
from khabar.store.acled import ACLED_COLUMNS
from khabar.store.schema import LATEST

# From the seed article: Anadolu reports PMF fighters killed five villagers of Naynaya south of Mosul.
NAYNAYA = ("وقال لافروف في منتدى بالعاصمة الروسية موسكو إن ما يجري في الموصل يشبه ما يجري في حلب. "
           "وذكرت وكالة الأناضول أن عناصر من الحشد الشعبي متنكرين بزي الشرطة الاتحادية قتلوا خمسة من أهالي "
           "قرية نينوى التابعة لناحية القيارة جنوب الموصل.")
KERRY = "وأضاف لافروف أنه سأل جون كيري هاتفيا يوم الإثنين عما يجري في الموصل، فقال إنه لا يعرف بالضبط."


def _mention(text: str, word: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(start, start + len(word), word)


def naynaya_doc() -> Document:
    t = NAYNAYA
    doc = Document(t, Meta(source="الأناضول", url="http://example.org/naynaya", published="2016-10-25",
                           title="مقتل خمسة مدنيين جنوب الموصل"))
    doc.entities = [
        Entity("E1", "PER", "سيرجي لافروف", "Sergey Lavrov", "Q878", [_mention(t, "لافروف")]),
        Entity("E2", "GPE", "الموصل", "Mosul", "Q83000", [_mention(t, "الموصل"), _mention(t, "الموصل", 1)],
               Geo(36.34, 43.13, 99072, "IQ", "Nineveh", "PPLA", "city")),
        Entity("E3", "ORG", "الحشد الشعبي", "Popular Mobilization Forces", None, [_mention(t, "الحشد الشعبي")]),
        Entity("E4", "GPE", "نينوى", None, None, [_mention(t, "نينوى")]),
        Entity("E5", "ORG", "وكالة الأناضول", "Anadolu Agency", None, [_mention(t, "وكالة الأناضول")]),
    ]
    trigger = _mention(t, "قتلوا")
    doc.events = [Event("V1", "ASSAULT", Span(trigger.start, trigger.end, trigger.text), "firearms", "happened",
                        ["E3"], [], "E2", EventDate("2016-10-24", "day", None), 5, "E5",
                        {"event_type": "Violence against civilians", "sub_event_type": "Attack"})]
    five = _mention(t, "خمسة")
    doc.numbers = [NumberExpr(five.start, five.end, "خمسة", 5, None, "أهالي")]
    cue = _mention(t, "وقال")
    content_start = t.index("إن ما")
    content_end = t.index("حلب") + 3
    doc.quotes = [Quote("Q1", "indirect", Span.of(t, content_start, content_end), Span(cue.start, cue.end, cue.text),
                        "E1", Span.of(t, cue.end + 1, cue.end + 7))]
    return doc


def kerry_doc() -> Document:
    t = KERRY
    doc = Document(t, Meta(source="روسيا اليوم", published="2016-10-26"))
    doc.entities = [
        Entity("E1", "PER", "لافروف", "Sergey Lavrov", "Q878", [_mention(t, "لافروف")]),
        Entity("E2", "PER", "جون كيري", "John Kerry", "Q22316", [_mention(t, "جون كيري")]),
        Entity("E3", "GPE", "الموصل", "Mosul", "Q83000", [_mention(t, "الموصل")]),
    ]
    start = t.index("لا يعرف")
    doc.quotes = [Quote("Q1", "indirect", Span.of(t, start, len(t) - 1), None, "E2", Span.of(t, 26, 34))]
    return doc


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "k.db") as opened:
        yield opened


def test_add_is_idempotent_by_content_hash(store) -> None:
    doc = naynaya_doc()
    assert store.add(doc) is True
    assert store.add(naynaya_doc()) is False
    assert store.add_many([naynaya_doc(), kerry_doc()]) == 1
    assert store.count() == 2
    assert store.has(doc.id) and store.known_ids([doc.id, "0" * 16]) == {doc.id}


def test_get_round_trips_the_document(store) -> None:
    doc = naynaya_doc()
    store.add(doc, origin="naynaya.txt")
    loaded = store.get(doc.id)
    assert loaded is not None
    assert loaded.text == NAYNAYA and loaded.meta.published == "2016-10-25"
    assert loaded.to_json() == doc.to_json()
    assert store.get("ffffffffffffffff") is None
    [summary] = store.list_documents()
    assert summary["id"] == doc.id and summary["origin"] == "naynaya.txt" and "text" not in summary


def test_corpus_entities_merge_by_kb_id_across_documents(store) -> None:
    store.add_many([naynaya_doc(), kerry_doc()])
    mosul = store.entity("Q83000")
    assert mosul is not None
    assert mosul["key"] == "kb:Q83000" and mosul["n_documents"] == 2 and mosul["n_mentions"] == 3
    assert mosul["lat"] == pytest.approx(36.34) and mosul["country_code"] == "IQ"
    assert store.entity("Mosul")["key"] == "kb:Q83000"
    assert store.entity("الموصل")["key"] == "kb:Q83000"
    lavrov = store.entity("لافروف")
    assert lavrov["key"] == "kb:Q878" and lavrov["n_documents"] == 2
    # Unlinked names are one corpus entity per type and normalized name.
    assert store.entity("الحشد الشعبي")["key"] == "ORG:الحشد الشعبي"
    assert store.entity("nobody") is None


def test_events_with_arguments_and_place(store) -> None:
    store.add_many([naynaya_doc(), kerry_doc()])
    [event] = store.events()
    assert event["type"] == "ASSAULT" and event["fatalities"] == 5 and event["day"] == "2016-10-24"
    assert event["actors"] == ["الحشد الشعبي"] and event["location_name"] == "الموصل"
    assert event["lat"] == pytest.approx(36.34)
    assert "قتلوا" in event["notes"]
    assert store.events(Filters(place="Mosul")) and not store.events(Filters(place="حلب"))
    assert store.events(Filters(event_type="assault", since="2016-10-24", until="2016-10-24"))
    assert not store.events(Filters(since="2016-10-25"))
    assert not store.events(Filters(status="denied"))


def test_stats(store) -> None:
    store.add_many([naynaya_doc(), kerry_doc()])
    stats = store.stats()
    assert stats["documents"] == 2 and stats["events"] == 1 and stats["quotes"] == 2
    assert {e["key"] for e in stats["top_entities"][:2]} == {"kb:Q83000", "kb:Q878"}
    speakers = {s["speaker"]: s["quotes"] for s in stats["top_speakers"]}
    assert speakers == {"kb:Q878": 1, "kb:Q22316": 1}
    assert stats["events_by_day"] == [{"day": "2016-10-24", "events": 1}]


def test_export_formats(store, tmp_path: Path, capsys) -> None:
    store.add_many([naynaya_doc(), kerry_doc()])
    jsonl = tmp_path / "docs.jsonl"
    assert store.export("jsonl", str(jsonl)) == 2
    docs = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert {d["schema"] for d in docs} == {"khabar.document/1"} and docs[0]["text"] == NAYNAYA

    acled = tmp_path / "acled.csv"
    assert store.export("acled", str(acled)) == 1
    [row] = list(csv.DictReader(io.StringIO(acled.read_text(encoding="utf-8"))))
    assert tuple(row) == ACLED_COLUMNS
    assert row["event_date"] == "2016-10-24" and row["year"] == "2016" and row["fatalities"] == "5"
    assert row["event_type"] == "Violence against civilians" and row["disorder_type"] == "Political violence"
    assert row["country"] == "Iraq" and row["iso"] == "368" and row["location"] == "Mosul"
    assert row["actor1"] == "الحشد الشعبي" and row["source"] == "الأناضول"
    assert row["event_id_cnty"].startswith("IRQ-")

    parquet = tmp_path / "events.parquet"
    assert store.export("parquet", str(parquet), table="events") == 1
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert table.column("fatalities").to_pylist() == [5]

    assert store.export("csv", None, Filters(speaker="كيري"), table="quotes") == 1
    out = capsys.readouterr().out
    assert "لا يعرف" in out and "جون كيري" in out
    with pytest.raises(StoreError, match="--output"):
        store.export("parquet", None)


def test_acled_skips_events_that_did_not_happen(store, tmp_path: Path) -> None:
    doc = naynaya_doc()
    doc.events[0].status = "denied"
    store.add(doc)
    assert store.export("acled", str(tmp_path / "a.csv")) == 0
    assert store.export("acled", str(tmp_path / "b.csv"), all_statuses=True) == 1


def test_schema_version_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    with open_store(path) as store:
        assert store.schema_version() == LATEST
        store.add(naynaya_doc())
    with open_store(f"sqlite:///{path}") as again:
        assert again.count() == 1 and again.schema_version() == LATEST
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_version VALUES (?)", [LATEST + 1])
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_bad_database_paths(tmp_path: Path) -> None:
    not_db = tmp_path / "notes.db"
    not_db.write_text("هذا ليس قاعدة بيانات " * 100, encoding="utf-8")
    with pytest.raises(StoreError, match=r"not a (khabar )?database"):
        open_store(not_db)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "k.db")
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://localhost/x")


def test_failed_batch_stores_nothing(store, monkeypatch) -> None:
    calls = []
    original = store._index

    def failing_index(cursor, pk, title, body):
        calls.append(pk)
        if len(calls) == 2:
            raise OSError("disk full")  # the second document of the batch fails inside the transaction
        original(cursor, pk, title, body)

    monkeypatch.setattr(store, "_index", failing_index)
    with pytest.raises(OSError):
        store.add_many([naynaya_doc(), kerry_doc()])
    monkeypatch.undo()
    assert store.count() == 0 and store.stats()["entities"] == 0
    assert store.add_many([naynaya_doc(), kerry_doc()]) == 2
