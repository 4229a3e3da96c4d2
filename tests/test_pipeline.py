"""The pipeline end to end on the seed article, and its handling of bad input."""

from __future__ import annotations

import json
import pickle
from importlib import resources

import jsonschema
import pytest

import khabar
from khabar.pipeline import InputError, analyze_many, run_stages
from tests.helpers import assert_spans_match


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("khabar").joinpath("schema/document.schema.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> khabar.Document:
    return khabar.analyze(seed_text, published="2016-10-26", source="unknown outlet")


def test_seed_document_is_valid_and_offsets_exact(seed_doc, seed_text, schema) -> None:
    payload = json.loads(seed_doc.dumps())
    jsonschema.validate(payload, schema)
    assert payload["schema"] == "khabar.document/1"
    assert payload["text"] == seed_text
    assert len(payload["sentences"]) >= 8
    assert assert_spans_match(payload) > 20
    assert payload["meta"]["published"] == "2016-10-26"
    assert payload["meta"]["language"] == "ar"
    assert not [w for w in payload["warnings"] if w.startswith("partial result")]


def test_document_round_trips(seed_doc) -> None:
    again = khabar.Document.loads(seed_doc.dumps())
    assert again.to_json() == seed_doc.to_json()


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u200f\u064e \u0640"])
def test_empty_input_is_refused_clearly(text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        khabar.analyze(text)


def test_too_large_input_names_the_limit() -> None:
    with pytest.raises(InputError, match="limit 100"):
        khabar.analyze("قال " * 50, max_chars=100)


def test_binary_input_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        khabar.analyze("قال\x00\x01")


def test_non_arabic_text_is_processed_with_a_warning() -> None:
    doc = khabar.analyze("The Russian foreign minister said on Monday that the offensive would go on.")
    assert any("not Arabic" in warning for warning in doc.warnings)
    assert doc.sentences


def test_a_failing_stage_marks_a_partial_result_and_the_rest_runs() -> None:
    def broken(doc):
        raise RuntimeError("boom")

    def last(doc):
        doc.warn("last stage ran")
        return doc

    doc = run_stages(khabar.Document("قال لافروف"), [broken, last])
    assert doc.warnings[0].startswith("partial result: stage broken failed (RuntimeError: boom)")
    assert "last stage ran" in doc.warnings


def test_analyze_many_keeps_order_and_reports_failures(seed_text: str) -> None:
    items = ["قال لافروف إن الوضع مختلف.", "", {"text": seed_text, "published": "2016-10-26", "url": "u1"}]
    results = list(analyze_many(items))
    assert isinstance(results[0], khabar.Document) and results[0].text.startswith("قال")
    assert results[1].reason.startswith("empty input")
    assert results[2].meta.url == "u1" and results[2].meta.published == "2016-10-26"


def test_analyze_many_in_two_processes_matches_one(seed_text: str) -> None:
    items = [seed_text, "وقال المتحدث إن الهجوم فشل.", seed_text[:300]]
    one = [d.to_json() for d in analyze_many(items)]
    two = [d.to_json() for d in analyze_many(items, workers=2, chunksize=1)]
    assert one == two


def test_tatweel_runs_used_as_separators_do_not_break_any_stage() -> None:
    text = ("قال الوزير إن الأوضاع مستقرة. ـــ وأضاف المتحدث أن القوات انسحبت. ــــ "
            "ورأى آخرون \"أن الأمر ـــ لم يحسم بعد\"، مشيرا إلى أن الحوار مستمر.")
    doc = khabar.analyze(text, published="2016-10-26")
    assert not [w for w in doc.warnings if w.startswith("partial result")]
    assert doc.quotes and all(q.content.text.strip("ـ ") for q in doc.quotes)


def test_analyzed_documents_pickle_to_equal_documents(seed_doc) -> None:
    """Worker processes send documents back pickled: nothing may be lost on the way."""
    copy = pickle.loads(pickle.dumps(seed_doc))
    assert copy.to_json() == seed_doc.to_json()
    assert copy.tokens == seed_doc.tokens and copy.mentions == seed_doc.mentions
    assert any(token.segments for token in copy.tokens)
