"""Golden expectations for quote attribution on the seed article (Lavrov, Kerry, Anadolu).

Entities are annotated by hand here (NER and linking are separate stages), so the test checks the
quote stage alone on real segmentation from the text core.
"""

from __future__ import annotations

import re

import pytest

from khabar.document import Document, Entity, Mention, Quote
from khabar.quotes import extract_quotes
from khabar.text.stage import segment_text

ENTITY_SURFACES: dict[str, tuple[str, list[str]]] = {
    "E1": ("PER", ["سيرجي لافروف", "لافروف"]),
    "E2": ("PER", ["جون كيري", "كيري", "وزير الخارجية الأمريكي الحالي", "نظيره الأمريكين"]),
    "E3": ("ORG", ["وكالة الأناضول الإخبارية"]),
    "E4": ("ORG", ["الأمم المتحدة"]),
    "E5": ("ORG", ["الجيش العراقي"]),
}


def _entities(text: str) -> list[Entity]:
    taken: set[int] = set()
    out = []
    for eid, (etype, surfaces) in ENTITY_SURFACES.items():
        mentions = []
        for surface in sorted(surfaces, key=len, reverse=True):
            for match in re.finditer(re.escape(surface), text):
                if match.start() in taken or any(m.start <= match.start() < m.end for m in mentions):
                    continue
                taken.add(match.start())
                mentions.append(Mention(match.start(), match.end(), surface, etype))
        out.append(Entity(eid, etype, surfaces[0], mentions=sorted(mentions, key=lambda m: m.start)))
    return out


@pytest.fixture(scope="module")
def doc(seed_text: str) -> Document:
    document = segment_text(Document(seed_text))
    document.entities = _entities(seed_text)
    return extract_quotes(document)


@pytest.fixture(scope="module")
def bare_doc(seed_text: str) -> Document:
    return extract_quotes(segment_text(Document(seed_text)))


def _quote(doc: Document, content_start: str, cue: str | None = None) -> Quote:
    found = [q for q in doc.quotes if q.content.text.startswith(content_start)
             and (cue is None or (q.cue is not None and cue in q.cue.text))]
    assert found, f"no quote starting {content_start!r} (cue {cue!r}) in {[q.content.text[:30] for q in doc.quotes]}"
    return found[0]


def test_spans_index_the_text(doc: Document) -> None:
    for q in doc.quotes:
        for span in (q.content, q.cue, q.speaker_text, q.addressee_text):
            if span is not None:
                assert doc.text[span.start:span.end] == span.text
        assert q.kind in ("direct", "indirect", "mixed")
        assert 0.0 < q.confidence <= 1.0
    assert len({q.id for q in doc.quotes}) == len(doc.quotes)


def test_lavrov_forum_quote(doc: Document) -> None:
    q = _quote(doc, "بالأمس سألت جون كيري")
    assert q.kind == "direct" and q.speaker == "E1" and q.channel is None and q.reported_by is None


def test_nested_reply_to_kerry(doc: Document) -> None:
    outer = _quote(doc, "بالأمس سألت جون كيري")
    reply = _quote(doc, "وفي حلب أيضا يجب تحرير المدينة")
    assert reply.kind == "direct" and reply.speaker == "E1" and reply.addressee == "E2"
    assert reply.reported_by == outer.id


def test_kerry_reported_inside_lavrov(doc: Document) -> None:
    outer = _quote(doc, "بالأمس سألت جون كيري")
    q = _quote(doc, "يعدون عملية لاستعادة", cue="قال")
    assert q.kind == "indirect" and q.speaker == "E2" and q.channel == "phone" and q.reported_by == outer.id
    assert "الإرهابيين" in q.content.text and "لأجيبه" not in q.content.text


def test_lavrov_explained_to_kerry(doc: Document) -> None:
    q = _quote(doc, "شرح لكيري", cue="أضاف")
    assert q.kind == "indirect" and q.speaker == "E1" and q.addressee == "E2" and q.channel == "phone"
    assert "حيث أفاد" not in q.content.text


def test_lavrov_told_him(doc: Document) -> None:
    q = _quote(doc, "قلت له أن في الموصل", cue="أفاد")
    assert q.kind == "direct" and q.speaker == "E1"


def test_title_only_speaker_is_kerry(doc: Document) -> None:
    q = _quote(doc, "في الموصل خططنا كل هذا")
    assert q.kind == "direct" and q.speaker == "E2"
    assert q.speaker_text is not None and q.speaker_text.text == "وزير الخارجية الأمريكي الحالي"


def test_participles_take_the_clause_subject(doc: Document) -> None:
    considered = _quote(doc, "الوضع هو هو", cue="معتبرا")
    assert considered.kind == "indirect" and considered.speaker == "E1"
    assert "متابعا" not in considered.content.text
    continued = _quote(doc, "لكن تقديرات الأمم المتحدة", cue="متابعا")
    assert continued.kind == "direct" and continued.speaker == "E1"
    un = _quote(doc, "إذا تمت عملية الموصل", cue="تقول")
    assert un.kind == "indirect" and un.speaker == "E4" and un.reported_by == continued.id
    assert un.speaker_text is not None and "الأمم المتحدة" in un.speaker_text.text


def test_anadolu_and_its_sources(doc: Document) -> None:
    anadolu = _quote(doc, "مسلحين من الحشد الشعبي", cue="قالت")
    assert anadolu.kind == "indirect" and anadolu.speaker == "E3"
    assert "حسب ما أفاد" not in anadolu.content.text
    locals_ = [q for q in doc.quotes if q.speaker_text is not None and q.speaker_text.text == "الأهالي"]
    assert locals_ and locals_[0].speaker is None and locals_[0].reported_by == anadolu.id
    officer = _quote(doc, "الأشخاص الذين تم إعدامهم", cue="أفاد")
    assert officer.kind == "indirect" and officer.speaker is None
    assert officer.speaker_text is not None and officer.speaker_text.text == "مقدم في الجيش العراقي"
    assert officer.reported_by == anadolu.id


def test_works_without_entities(bare_doc: Document) -> None:
    q = _quote(bare_doc, "في الموصل خططنا كل هذا")
    assert q.speaker is None and q.speaker_text is not None and q.speaker_text.text == "وزير الخارجية الأمريكي الحالي"
    lavrov = _quote(bare_doc, "بالأمس سألت جون كيري")
    assert lavrov.speaker_text is not None and lavrov.speaker_text.text == "لافروف"
    anadolu = _quote(bare_doc, "مسلحين من الحشد الشعبي", cue="قالت")
    assert anadolu.speaker_text is not None and anadolu.speaker_text.text == "وكالة الأناضول الإخبارية"


def test_narrative_sentences_are_not_quotes(doc: Document) -> None:
    assert not any(q.content.text.startswith("وتقوم القوات العراقية") for q in doc.quotes)
    assert not any("ورغم كل هذا الدعم" in q.content.text for q in doc.quotes)


def test_haith_continues_the_embedded_clause(doc: Document, bare_doc: Document) -> None:
    # «وقال لافروف أن كيري ... حيث قال أن الوضع مختلف تماما»: Kerry says the situation differs.
    for document, expected in ((doc, "E2"), (bare_doc, None)):
        q = _quote(document, "الوضع مختلف تماما", cue="قال")
        assert q.kind == "indirect" and q.speaker == expected
        assert q.speaker_text is not None and q.speaker_text.text == "كيري"
