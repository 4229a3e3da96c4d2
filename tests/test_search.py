"""Full-text search: clitic-aware Arabic matching, ranking, phrases, filters, snippets."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from khabar.document import Document, Meta
from khabar.store import Filters, open_store
from khabar.store.searchtext import highlight, mark, query_terms, variants
from tests.test_store import kerry_doc, naynaya_doc

ALEPPO = "شنت القوات السورية بغطاء جوي روسي هجوما من أجل استعادة مدينة حلب من المعارضة السورية."
REFUGEES = "وقدرت الأمم المتحدة أعداد النازحين من والموصل وبالموصل وللموصل بعشرات الآلاف."


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "k.db") as opened:
        opened.add_many([naynaya_doc(), kerry_doc(),
                         Document(ALEPPO, Meta(source="عنب بلدي", published="2016-10-20", title="حلب")),
                         Document(REFUGEES, Meta(published="2016-10-27"))])
        yield opened


def test_variants_strip_proclitics_but_keep_short_stems() -> None:
    assert "موصل" in variants("بالموصل") and "الموصل" in variants("والموصل")
    assert "موصل" in variants("للموصل") and "موصل" in variants("وبالموصل")
    assert variants("حلب") == ["حلب"]  # three letters: nothing to strip
    assert query_terms("الموصل") == [[["الموصل", "موصل"]]]
    assert query_terms("كيري") == [[["كيري"]]]  # a query word is never cut unless the article is there


@pytest.mark.parametrize("query", ["الموصل", "موصل", "والموصل", "بالموصل"])
def test_clitic_forms_find_each_other(store, query: str) -> None:
    hits = store.search(query)
    texts = {h.doc_id for h in hits}
    assert naynaya_doc().id in texts and kerry_doc().id in texts
    assert Document(REFUGEES).id in texts  # only والموصل / بالموصل / للموصل there
    assert Document(ALEPPO).id not in texts


def test_ranking_prefers_more_and_title_matches(store) -> None:
    hits = store.search("الموصل")
    assert hits[0].doc_id in (naynaya_doc().id, Document(REFUGEES).id)
    assert all(a.score >= b.score for a, b in itertools.pairwise(hits))


def test_all_words_required_and_phrases_in_order(store) -> None:
    assert [h.doc_id for h in store.search("لافروف كيري")] == [kerry_doc().id]
    assert [h.doc_id for h in store.search('"جون كيري"')] == [kerry_doc().id]
    assert store.search('"كيري جون"') == []
    assert store.search("طرابلس") == []


def test_snippet_highlights_the_original_words(store) -> None:
    [hit] = store.search("حلب", filters=Filters(source="عنب بلدي"))
    assert hit.title == "حلب" and hit.published == "2016-10-20"
    marked = mark(hit.snippet, hit.highlights)
    assert "[حلب]" in marked
    snippet, spans = highlight(REFUGEES, query_terms("الموصل"))
    assert [snippet[s:e] for s, e in spans] == ["والموصل", "وبالموصل", "وللموصل"]


def test_filters(store) -> None:
    naynaya, kerry = naynaya_doc().id, kerry_doc().id
    assert {h.doc_id for h in store.search("", Filters(entity="Mosul"))} == {naynaya, kerry}
    assert [h.doc_id for h in store.search("", Filters(entity="كيري", type="PER"))] == [kerry]
    assert store.search("", Filters(entity="كيري", type="GPE")) == []
    assert [h.doc_id for h in store.search("الموصل", Filters(event_type="ASSAULT"))] == [naynaya]
    assert [h.doc_id for h in store.search("", Filters(place="نينوى"))] == [naynaya]
    assert [h.doc_id for h in store.search("", Filters(speaker="John Kerry"))] == [kerry]
    assert [h.doc_id for h in store.search("الموصل", Filters(since="2016-10-26", until="2016-10-26"))] == [kerry]
    assert len(store.search("", Filters(since="2016-10-21"))) == 3


def test_limit_offset_and_odd_queries(store) -> None:
    first = store.search("الموصل", limit=1)
    second = store.search("الموصل", limit=1, offset=1)
    assert len(first) == 1 and len(second) == 1 and first[0].doc_id != second[0].doc_id
    for odd in ['"', "AND OR NOT", "*", "()", "NEAR(", "؟؟", "---"]:
        assert isinstance(store.search(odd), list)  # never an FTS syntax error
