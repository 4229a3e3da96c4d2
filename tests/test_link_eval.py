"""Metric functions of ``khabar eval link`` (B-cubed, 25 km geocoding, gold clusters) and the gold file's format."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from khabar.link.eval_metrics import (
    BCubed,
    IssueTally,
    bcubed,
    gold_cluster,
    haversine_km,
    share,
    within_km,
)
from khabar.link.evaluate import DEFAULT_GOLD, gold_points

RIYADH = (24.68773, 46.72185)
JEDDAH = (21.49012, 39.18624)
MECCA = (21.42664, 39.82563)


def test_haversine_known_distances() -> None:
    assert haversine_km(*RIYADH, *RIYADH) == 0.0
    # one degree of latitude along a meridian is about 111.2 km
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.19, abs=0.05)
    # Jeddah - Mecca is about 66 km, Riyadh - Jeddah about 850 km as the crow flies
    assert 60 < haversine_km(*JEDDAH, *MECCA) < 72
    assert 830 < haversine_km(*RIYADH, *JEDDAH) < 870
    assert haversine_km(*RIYADH, *JEDDAH) == pytest.approx(haversine_km(*JEDDAH, *RIYADH))


def test_within_25_km() -> None:
    near = (RIYADH[0] + 0.2, RIYADH[1])  # 22.2 km north
    far = (RIYADH[0] + 0.25, RIYADH[1])  # 27.8 km north
    assert within_km(near, [RIYADH])
    assert not within_km(far, [RIYADH])
    assert within_km(far, [JEDDAH, RIYADH], limit=30)  # any of the accepted points
    assert not within_km(None, [RIYADH])
    assert not within_km(RIYADH, [])
    assert not within_km(JEDDAH, [MECCA])  # 66 km: a wrong city is not "geocoded"


def test_bcubed_hand_example() -> None:
    # gold {a b c} {d e}; system {a b} {c d e}
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    system = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    # precision per mention: 1, 1, 1/3, 2/3, 2/3 -> 11/15; recall: 2/3, 2/3, 1/3, 1, 1 -> 11/15
    scores = bcubed(gold, system)
    assert scores["precision"] == pytest.approx(11 / 15, abs=1e-4)
    assert scores["recall"] == pytest.approx(11 / 15, abs=1e-4)
    assert scores["f1"] == pytest.approx(11 / 15, abs=1e-4)
    assert scores["mentions"] == 5


def test_bcubed_extremes_and_unlinked_mentions() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed(gold, {"a": 9, "b": 9, "c": 8})["f1"] == 1.0
    # everything merged: precision (2/3 + 2/3 + 1/3) / 3 = 5/9, recall 1
    merged = bcubed(gold, {"a": 0, "b": 0, "c": 0})
    assert merged["precision"] == pytest.approx(5 / 9, abs=1e-4)
    assert merged["recall"] == 1.0
    # a mention without a system entity is a singleton: a alone, b and c split -> recall (1/2 + 1/2 + 1) / 3
    alone = bcubed(gold, {"b": 5, "c": 6})
    assert alone["precision"] == 1.0
    assert alone["recall"] == pytest.approx(2 / 3, abs=1e-4)
    # mentions only the system has are not scored
    assert bcubed({"a": 1}, {"a": 1, "z": 1})["f1"] == 1.0


def test_bcubed_micro_average_over_articles() -> None:
    total = BCubed()
    total.add({"a": 1, "b": 1}, {"a": 1, "b": 2})  # P 1, 1; R 1/2, 1/2
    total.add({"c": 1}, {"c": 1})  # P 1; R 1
    scores = total.scores()
    assert scores["mentions"] == 3
    assert scores["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert BCubed().scores()["f1"] == 0.0  # nothing scored: no division by zero


def test_gold_cluster_labels() -> None:
    assert gold_cluster({"kb_id": "geonames:108410"}, 0) == "geonames:108410"
    assert gold_cluster({"kb_id": None, "cluster": "rafha"}, 3) == "rafha"
    assert gold_cluster({"kb_id": None}, 3) == ("singleton", 3)
    assert gold_cluster({"kb_id": None}, 3) != gold_cluster({"kb_id": None}, 4)


def test_gold_points() -> None:
    coordinates = {"geonames:108410": RIYADH, "khabar:sa-makkah": MECCA, "geonames:104515": MECCA}
    assert gold_points({"kb_id": "geonames:108410"}, coordinates) == [RIYADH]
    assert gold_points({"kb_id": None, "lat": 29.637, "lon": 43.499}, coordinates) == [(29.637, 43.499)]
    assert len(gold_points({"kb_id": "khabar:sa-makkah", "alt": ["geonames:104515"]}, coordinates)) == 2
    assert gold_points({"kb_id": None}, coordinates) == []  # no point: not scored


def test_issue_tally_counts() -> None:
    items = [
        {"type": "GPE", "kb_id": "geonames:108410"},   # found, right place
        {"type": "GPE", "kb_id": "geonames:108410"},   # found, wrong place (Jeddah)
        {"type": "LOC", "kb_id": None},                # no gold point: unscorable
        {"type": "PER", "kb_id": "khabar:king-salman"},  # right link
        {"type": "PER", "kb_id": None},                # NIL left unlinked: right
        {"type": "ORG", "kb_id": None},                # not found by the system
    ]
    tally = IssueTally()
    tally.add(items, found=[True, True, True, True, True, False],
              entity_ids=["E1", "E2", "E3", "E4", "E5", None],
              kb_ids=["geonames:108410", "geonames:105343", None, "khabar:king-salman", None, None],
              geos=[RIYADH, JEDDAH, None, None, None, None],
              points=[[RIYADH], [RIYADH], [], [], [], []],
              accepted=[{"geonames:108410"}, {"geonames:108410"}, set(), {"khabar:king-salman"}, set(), set()])
    report = tally.report(strict=True)
    assert report["places_within_25km"]["correct"] == 1
    assert report["places_within_25km"]["total"] == 2
    assert report["places_within_25km"]["unscorable_no_coordinates"] == 1
    assert report["places_within_25km"]["entities"] == share(0, 1)  # Riyadh's two mentions: one wrong
    assert report["per_org_linked"]["correct"] == 2 and report["per_org_linked"]["total"] == 2
    assert report["per_org_linked"]["all_gold"] == share(2, 3)
    assert report["gold_mentions_found"] == share(5, 6)
    # the two Riyadh mentions are split by the system: B-cubed recall below 1, precision 1
    assert report["coreference_bcubed"]["precision"] == 1.0
    assert report["coreference_bcubed"]["recall"] == pytest.approx(4 / 5, abs=1e-4)


def test_gold_file_format() -> None:
    """Every gold line is well formed: offsets, types, clusters and points as README_link.md describes."""
    lines = [json.loads(line) for line in DEFAULT_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) >= 32
    assert sum(1 for r in lines if r["split"] == "test") >= 18
    assert len({r["url"] for r in lines}) == len(lines)
    for record in lines:
        assert set(record) == {"archive", "url", "sha1", "split", "mentions"}  # no article text
        assert len(record["sha1"]) == 40
        spans = sorted((m["start"], m["end"]) for m in record["mentions"])
        assert all(a[1] <= b[0] for a, b in pairwise(spans)), record["url"]
        for mention in record["mentions"]:
            assert mention["type"] in {"PER", "ORG", "GPE", "LOC"}
            assert 0 <= mention["start"] < mention["end"]
            assert set(mention) <= {"start", "end", "type", "kb_id", "alt", "cc", "cluster", "lat", "lon"}
            assert ("lat" in mention) == ("lon" in mention)
            if "lat" in mention:
                assert mention["type"] in {"GPE", "LOC"} and mention["kb_id"] is None
                assert -90 <= mention["lat"] <= 90 and -180 <= mention["lon"] <= 180
            if "cluster" in mention:
                assert mention["kb_id"] is None and isinstance(mention["cluster"], str)
