"""Cross-article event merging: one real event reported by several outlets becomes one corpus event."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from khabar.document import Document, Entity, Event, EventDate, Geo, Mention, Meta, Span
from khabar.store import Filters, open_store
from khabar.store.merge import MergeRules, fatalities_compatible, haversine_km, modes_compatible
from tests.test_store_postgres import pg_server, pg_url  # noqa: F401  (fixtures: a schema on a real server)

IDLIB = Geo(35.9306, 36.6339, 169389, "SY", "Idlib", "PPLA", "city")
MAARAT_MISREEN = Geo(36.0114, 36.6717, 166365, "SY", "Idlib", "PPL", "town")  # about 9 km north of Idlib
ALEPPO = Geo(36.2021, 37.1343, 170063, "SY", "Aleppo", "PPLA", "city")
MOSUL = Geo(36.335, 43.1189, 99072, "IQ", "Nineveh", "PPLA", "city")

# Three outlets report the same air strike on Idlib (12, then 13 dead) over three days.
STRIKE_1 = "قتل 12 مدنيا على الأقل اليوم الجمعة في غارات جوية شنها الطيران الروسي على مدينة إدلب شمال غربي سوريا."
STRIKE_2 = "ارتفع عدد ضحايا الغارات الجوية على مدينة إدلب إلى 13 قتيلا بينهم أطفال، وفق الدفاع المدني."
STRIKE_3 = ("قال ناشطون إن الطيران الروسي استهدف أمس بلدة معرة مصرين في ريف إدلب، ما أسفر عن "
            "مقتل 13 شخصا.")
# The same day elsewhere, or the same place with another kind of event.
ALEPPO_STRIKE = "قتل 12 شخصا في غارات جوية استهدفت أحياء في مدينة حلب يوم الجمعة."
IDLIB_SHOOTING = "قتل مسلحون مجهولون 12 شخصا بإطلاق النار عليهم في مدينة إدلب يوم الجمعة."
IDLIB_MASSACRE = "قتل أربعون مدنيا في غارات جوية على مدينة إدلب يوم الجمعة في أعنف قصف منذ أشهر."
MOSUL_PROTEST = "تظاهر مئات من أهالي الموصل يوم الجمعة احتجاجا على انقطاع الكهرباء."
MOSUL_KILLING = "قتل مسلحون موظفا حكوميا في الموصل يوم الجمعة."


def _at(text: str, word: str) -> Mention:
    start = text.index(word)
    return Mention(start, start + len(word), word)


def report(text: str, source: str, published: str, trigger: str, place: str, geo: Geo | None, *,
           kb_id: str | None = None, event_type: str = "ASSAULT", mode: str | None = "aerial",
           fatalities: int | None = None, date: str | None = None, actor: str | None = None) -> Document:
    """One article with one event at ``place`` (an entity with ``geo``), optionally by ``actor``."""
    doc = Document(text, Meta(source=source, published=published, url=f"https://example.org/{source}/{published}"))
    doc.entities = [Entity("E1", "GPE", place, None, kb_id, [_at(text, place)], geo)]
    actors = []
    if actor:
        doc.entities.append(Entity("E2", "ORG", actor, None, None, [_at(text, actor)]))
        actors = ["E2"]
    hit = _at(text, trigger)
    doc.events = [Event("V1", event_type, Span(hit.start, hit.end, hit.text), mode, "happened", actors, [], "E1",
                        EventDate(date, "day", None) if date else None, fatalities)]
    return doc


def idlib_reports() -> list[Document]:
    return [
        report(STRIKE_1, "الجزيرة", "2019-05-10", "غارات", "إدلب", IDLIB, kb_id="Q131333", fatalities=12,
               date="2019-05-10", actor="الطيران الروسي"),
        report(STRIKE_2, "عنب بلدي", "2019-05-11", "الغارات", "إدلب", IDLIB, kb_id="Q131333", fatalities=13),
        report(STRIKE_3, "الأناضول", "2019-05-12", "استهدف", "معرة مصرين", MAARAT_MISREEN, fatalities=13,
               date="2019-05-11", actor="الطيران الروسي"),
    ]


def other_reports() -> list[Document]:
    return [
        report(ALEPPO_STRIKE, "الجزيرة", "2019-05-10", "غارات", "حلب", ALEPPO, kb_id="Q41183", fatalities=12),
        report(IDLIB_SHOOTING, "الجزيرة", "2019-05-10", "بإطلاق النار", "إدلب", IDLIB, kb_id="Q131333",
               mode="firearms", fatalities=12),
        report(IDLIB_MASSACRE, "سمارت", "2019-05-10", "غارات", "إدلب", IDLIB, kb_id="Q131333", fatalities=40),
        report(MOSUL_PROTEST, "السومرية", "2019-05-10", "تظاهر", "الموصل", MOSUL, kb_id="Q83000",
               event_type="PROTEST", mode=None),
        report(MOSUL_KILLING, "السومرية", "2019-05-10", "قتل", "الموصل", MOSUL, kb_id="Q83000", mode="firearms",
               fatalities=1),
    ]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    url = str(tmp_path / "k.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with open_store(url) as opened:
        yield opened


def test_distance_and_tolerances() -> None:
    assert haversine_km(IDLIB.lat, IDLIB.lon, ALEPPO.lat, ALEPPO.lon) == pytest.approx(56, abs=4)
    assert haversine_km(IDLIB.lat, IDLIB.lon, MAARAT_MISREEN.lat, MAARAT_MISREEN.lon) < 12
    assert haversine_km(MOSUL.lat, MOSUL.lon, MOSUL.lat, MOSUL.lon) == 0
    rules = MergeRules()
    assert fatalities_compatible(12, 13, rules) and fatalities_compatible(None, 40, rules)
    assert fatalities_compatible(40, 50, rules) and not fatalities_compatible(12, 40, rules)
    assert modes_compatible("aerial", "shelling") and modes_compatible(None, "firearms")
    assert not modes_compatible("aerial", "firearms")


def test_empty_store_merges_nothing(store) -> None:
    assert store.merge_events() == {"events": 0, "corpus_events": 0, "merged": 0}
    assert store.corpus_events() == [] and store.stats()["corpus_events"] == 0


def test_reports_of_one_strike_merge_and_others_do_not(store) -> None:
    store.add_many(idlib_reports() + other_reports())
    counts = store.merge_events()
    assert counts == {"events": 8, "corpus_events": 6, "merged": 1}
    events = store.corpus_events()
    [idlib] = [e for e in events if e["n_reports"] > 1]
    assert idlib["type"] == "ASSAULT" and idlib["n_reports"] == 3 and idlib["n_sources"] == 3
    assert idlib["fatalities"] == 13 and idlib["fatalities_reported"] == "12; 13; 13"
    assert idlib["first_day"] == "2019-05-10" and idlib["last_day"] == "2019-05-11"
    assert idlib["location_key"] == "kb:Q131333" and idlib["lat"] == pytest.approx(IDLIB.lat)
    assert idlib["actors"] == "الطيران الروسي" and idlib["country_code"] == "SY"
    assert {r["doc_id"] for r in idlib["reports"]} == {d.id for d in idlib_reports()}
    assert set(idlib["sources"].split("; ")) == {"الجزيرة", "عنب بلدي", "الأناضول"}
    # Aleppo the same day, a shooting and a far larger toll in Idlib, a protest and a killing in Mosul:
    # each stays its own corpus event.
    singles = [e for e in events if e["n_reports"] == 1]
    assert sorted((e["type"], e["location_name"], e["fatalities"]) for e in singles) == [
        ("ASSAULT", "إدلب", 12), ("ASSAULT", "إدلب", 40), ("ASSAULT", "الموصل", 1), ("ASSAULT", "حلب", 12),
        ("PROTEST", "الموصل", None)]


def test_merging_is_repeatable_and_follows_new_reports(store) -> None:
    store.add_many(idlib_reports()[:2])
    assert store.merge_events()["corpus_events"] == 1
    first = store.corpus_events()
    assert store.merge_events()["corpus_events"] == 1 and store.corpus_events()[0]["id"] == first[0]["id"]
    store.add(idlib_reports()[2])
    store.merge_events()
    [event] = store.corpus_events()
    assert event["id"] == first[0]["id"] and event["n_reports"] == 3


def test_a_claim_merges_with_the_attack_but_a_threat_does_not(store) -> None:
    docs = idlib_reports()
    docs[1].events[0].status = "claimed"
    docs[2].events[0].status = "threatened"
    store.add_many(docs)
    assert store.merge_events() == {"events": 3, "corpus_events": 2, "merged": 1}
    statuses = sorted((e["status"], e["n_reports"]) for e in store.corpus_events())
    assert statuses == [("happened", 2), ("threatened", 1)]


def test_date_window_and_missing_place(store) -> None:
    late = report(STRIKE_1.replace("12", "11"), "الجزيرة", "2019-05-20", "غارات", "إدلب", IDLIB, kb_id="Q131333",
                  fatalities=11, date="2019-05-20")
    nowhere = report(STRIKE_2.replace("13", "14"), "عنب بلدي", "2019-05-11", "الغارات", "إدلب", None)
    nowhere.events[0].location = None
    store.add_many([*idlib_reports(), late, nowhere])
    assert store.merge_events() == {"events": 5, "corpus_events": 3, "merged": 1}
    assert len(store.corpus_events(Filters(since="2019-05-15"))) == 1
    assert len(store.corpus_events(Filters(place="Q131333", until="2019-05-12"))) == 1
    assert store.corpus_events(Filters(event_type="protest")) == []
    rules = MergeRules(days=10)
    from khabar.store.merge import merge_events

    assert merge_events(store, rules)["corpus_events"] == 2  # a wider window takes the late report in


def test_stats_and_export_expose_corpus_events(store, tmp_path: Path) -> None:
    store.add_many(idlib_reports() + other_reports())
    store.merge_events()
    stats = store.stats()
    assert stats["corpus_events"] == 6 and stats["corpus_events_merged"] == 1
    assert stats["top_corpus_events"][0]["n_reports"] == 3
    out = tmp_path / "corpus.csv"
    assert store.export("csv", str(out), table="corpus_events") == 6
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    [merged] = [r for r in rows if r["n_reports"] == "3"]
    assert merged["fatalities"] == "13" and len(merged["reports"].split("; ")) == 3
    assert merged["urls"].count("https://example.org/") == 3


def test_cli_merge_events_stats_and_export(tmp_path: Path, capsys) -> None:
    from khabar.cli import main

    db = str(tmp_path / "k.db")
    with open_store(db) as store:
        store.add_many(idlib_reports() + other_reports())
    assert main(["merge-events", "--db", db]) == 0
    assert "merged 8 events into 6 corpus events (1 reported by several articles)" in capsys.readouterr().out
    assert main(["stats", "--db", db]) == 0
    assert "corpus events 6 (1 from several articles)" in capsys.readouterr().out
    assert main(["stats", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["corpus_events"] == 6
    assert main(["export", "--db", db, "--format", "jsonl", "--table", "corpus_events"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(events) == 6 and sorted(len(e["reports"]) for e in events) == [1, 1, 1, 1, 1, 3]
    assert main(["export", "--db", db, "--format", "csv", "--table", "corpus_events"]) == 0
    assert capsys.readouterr().out.count("\n") == 7
    assert main(["merge-events", "--db", str(tmp_path / "missing.db")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("khabar: error: no database") and err.count("\n") == 1
