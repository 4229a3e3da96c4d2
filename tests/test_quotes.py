"""Quote attribution on small real-style sentences, bad input, the lexicon and the gold file."""

from __future__ import annotations

import json
from pathlib import Path

from khabar.document import Document
from khabar.quotes import extract_quotes
from khabar.quotes.lexicon import lexicon_size, load_lexicon
from khabar.text.stage import segment_text

GOLD = Path(__file__).parent / "data" / "quotes" / "gold.jsonl"


def _run(text: str) -> Document:
    return extract_quotes(segment_text(Document(text)))


def test_bad_input_never_crashes() -> None:
    for text in ("", "   ", "hello world: \"quoted\"", "«" * 500, "قال: " + "،" * 1000, "\u201d\u201c" * 50):
        doc = _run(text)
        for q in doc.quotes:
            assert doc.text[q.content.start:q.content.end] == q.content.text


def test_colon_speech_and_channel() -> None:
    doc = _run("وقال وزير الخارجية في مؤتمر صحفي: نحن ندعم الحل السياسي.")
    (q,) = doc.quotes
    assert q.kind == "direct" and q.channel == "press_conference"
    assert q.speaker_text is not None and q.speaker_text.text == "وزير الخارجية"
    assert q.content.text.startswith("نحن ندعم الحل السياسي")


def test_quote_before_its_cue() -> None:
    doc = _run("«سنواصل العمليات حتى تحرير المدينة بالكامل»، قال المتحدث باسم الجيش.")
    (q,) = doc.quotes
    assert q.kind == "direct" and q.content.text.startswith("سنواصل العمليات")
    assert q.speaker_text is not None and q.speaker_text.text.startswith("المتحدث باسم الجيش")


def test_passive_cue_is_unattributed() -> None:
    doc = _run("وقيل إن الاجتماع تأجل إلى الأسبوع المقبل.")
    assert doc.quotes and doc.quotes[0].speaker is None and doc.quotes[0].speaker_text is None


def test_mixed_and_addressee() -> None:
    doc = _run("وقال الوزير للصحفيين إن الاتفاق \"خطوة مهمة\" نحو السلام.")
    (q,) = doc.quotes
    assert q.kind == "mixed" and q.addressee_text is not None and q.addressee_text.text == "للصحفيين"


def test_between_is_not_a_cue() -> None:
    assert not _run("وقع اتفاق بين الحكومة والمعارضة على أن تبدأ المفاوضات.").quotes


def test_lexicon_loads() -> None:
    lemmas, forms, channels = lexicon_size()
    assert lemmas >= 30 and forms >= 200 and channels >= 20
    assert any(c.type == "source" for c in load_lexicon().lookup("بحسب"))


def test_gold_file_holds_references_only() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 20
    for row in rows:
        assert set(row) == {"url", "source", "split", "sha1", "quotes"}
        for q in row["quotes"]:
            assert q["kind"] in ("direct", "indirect", "mixed")
            assert all(isinstance(v, int) for v in q["content"]) and q["content"][0] < q["content"][1]
