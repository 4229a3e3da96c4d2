"""Quote attribution on small real-style sentences, bad input, the lexicon and the gold file."""

from __future__ import annotations

import json
from pathlib import Path

from khabar.document import Document
from khabar.quotes.lexicon import lexicon_size, load_lexicon
from tests.helpers import quotes_of

GOLD = Path(__file__).parent / "data" / "quotes" / "gold.jsonl"


def test_bad_input_never_crashes() -> None:
    for text in ("", "   ", "hello world: \"quoted\"", "«" * 500, "قال: " + "،" * 1000, "\u201d\u201c" * 50):
        doc = quotes_of(text)
        for q in doc.quotes:
            assert doc.text[q.content.start:q.content.end] == q.content.text


def test_colon_speech_and_channel() -> None:
    doc = quotes_of("وقال وزير الخارجية في مؤتمر صحفي: نحن ندعم الحل السياسي.")
    (q,) = doc.quotes
    assert q.kind == "direct" and q.channel == "press_conference"
    assert q.speaker_text is not None and q.speaker_text.text == "وزير الخارجية"
    assert q.content.text.startswith("نحن ندعم الحل السياسي")


def test_quote_before_its_cue() -> None:
    doc = quotes_of("«سنواصل العمليات حتى تحرير المدينة بالكامل»، قال المتحدث باسم الجيش.")
    (q,) = doc.quotes
    assert q.kind == "direct" and q.content.text.startswith("سنواصل العمليات")
    assert q.speaker_text is not None and q.speaker_text.text.startswith("المتحدث باسم الجيش")


def test_passive_cue_is_unattributed() -> None:
    doc = quotes_of("وقيل إن الاجتماع تأجل إلى الأسبوع المقبل.")
    assert doc.quotes and doc.quotes[0].speaker is None and doc.quotes[0].speaker_text is None


def test_mixed_and_addressee() -> None:
    doc = quotes_of("وقال الوزير للصحفيين إن الاتفاق \"خطوة مهمة\" نحو السلام.")
    (q,) = doc.quotes
    assert q.kind == "mixed" and q.addressee_text is not None and q.addressee_text.text == "للصحفيين"


def test_between_is_not_a_cue() -> None:
    assert not quotes_of("وقع اتفاق بين الحكومة والمعارضة على أن تبدأ المفاوضات.").quotes


def test_verbal_noun_object_is_not_speech() -> None:
    # The announcement names an arrest; the أنهم clause belongs to يشتبه, not to أعلنت.
    doc = quotes_of("وأعلنت السلطات المغربية اعتقال ثمانية أشخاص يشتبه في أنهم كانوا يخططون لاعتداءات.")
    assert not doc.quotes
    doc = quotes_of("وتعلن السلطات بانتظام تفكيك \"خلايا إرهابية\".")
    assert not doc.quotes


def test_quoted_name_in_the_lead_in() -> None:
    doc = quotes_of("وقال \"كارتر\" للصحفيين: \"إن أحد الأسباب وراء كون هذه الصفقة جيدة هو أنها لم تمنع الخيار العسكري\".")
    (q,) = doc.quotes
    assert q.kind == "direct" and q.content.text.startswith("إن أحد الأسباب")
    assert q.speaker_text is not None and q.speaker_text.text == "كارتر"
    doc = quotes_of("وقال سفين دزيي، المتحدث الرسمي، لـ«الشرق الأوسط»: «الزيارة تأتي تكملة لزيارته الماضية إلى بغداد».")
    (q,) = doc.quotes
    assert q.content.text.startswith("الزيارة تأتي") and q.speaker_text is not None
    assert q.speaker_text.text == "سفين دزيي"


def test_participle_after_verb_is_one_quote() -> None:
    doc = quotes_of("وختم الدكتور عبدالغني قائلا: «هناك ستة أشهر على إيران أن تبرهن خلالها أنها تريد السلام».")
    (q,) = doc.quotes
    assert q.kind == "direct" and q.speaker_text is not None and q.speaker_text.text == "الدكتور عبدالغني"


def test_label_is_not_speech() -> None:
    assert not quotes_of("وهي الهيئة التي وصفتها وسائل الإعلام بـ\"الاف بي اي المغربي\" الجديد.").quotes


def test_lexicon_loads() -> None:
    lemmas, forms, channels = lexicon_size()
    assert lemmas >= 30 and forms >= 200 and channels >= 20
    assert any(c.type == "source" for c in load_lexicon().lookup("بحسب"))


def test_gold_file_holds_references_only() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 40
    assert {row["split"] for row in rows} == {"dev", "test"}
    assert sum(q["kind"] == "direct" for row in rows for q in row["quotes"]) >= 40
    assert len({row["url"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row) == {"url", "source", "split", "sha1", "quotes"}
        for q in row["quotes"]:
            assert q["kind"] in ("direct", "indirect", "mixed")
            assert all(isinstance(v, int) for v in q["content"]) and q["content"][0] < q["content"][1]
            assert set(q) == {"kind", "content", "cue", "speaker", "addressee"}


def test_speaker_scoring_is_strict() -> None:
    from khabar.document import Entity, Mention, Quote, Span
    from khabar.quotes.evaluate import speaker_entity_ok, speaker_ok
    text = "قال سيرجي لافروف إن الوضع صعب. وأضاف لافروف أن الحل سياسي."
    doc = Document(text)
    first, second = text.index("سيرجي"), text.index("لافروف أن")
    doc.entities = [Entity("E1", "PER", "سيرجي لافروف", mentions=[
        Mention(first, first + 12, "سيرجي لافروف", "PER"), Mention(second, second + 6, "لافروف", "PER")])]
    content = Span(0, 1, text[0])
    far = Quote(id="Q1", kind="indirect", content=content, speaker="E1", speaker_text=Span(first, first + 12, "سيرجي لافروف"))
    gold = [second, second + 6]
    assert not speaker_ok(gold, far)  # the words match, but it is another mention: not a strict hit
    assert speaker_entity_ok(doc, gold, far)  # the same entity: an entity-level hit
    assert speaker_ok(None, Quote(id="Q2", kind="indirect", content=content))


def test_quoted_object_is_not_speech() -> None:
    # A noun object before the quotation, or a quotation opening with a preposition, is not speech.
    doc = quotes_of("كما أكد أهمية دور مصر “كدولة محورية في المنطقة وركيزة للأمن والاستقرار فيها”. "
                    "واستعرض هادي الأوضاع مشيرا “الى التقدم الذي أحرزته القوات الوطنية في عدن”.")
    assert not [q for q in doc.quotes if q.kind == "direct"]
    doc = quotes_of("أكد الرئيس اليمني مجددا اليوم “أهمية استعادة الشرعية الدستورية في اليمن”.")
    (q,) = doc.quotes
    assert q.kind == "mixed" and q.speaker_text is not None and q.speaker_text.text.startswith("الرئيس اليمني")


def test_colon_content_stops_before_participle() -> None:
    doc = quotes_of("وقال إردوغان: يجب إدانة الإرهاب بغض النظر عن مصدره، داعيا إلى حملة دولية لمكافحة الإرهاب.")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert direct and direct[0].content.text == "يجب إدانة الإرهاب بغض النظر عن مصدره"


def test_content_starts_after_attached_pronoun() -> None:
    doc = quotes_of("وقال تنظيم داعش إنه خطف ثلاثة مسيحيين أفارقة في شرق ليبيا.")
    (q,) = doc.quotes
    assert q.content.text.startswith("خطف ثلاثة") and q.speaker_text is not None
    assert q.speaker_text.text == "تنظيم داعش"


def test_trailing_outlet_is_not_a_new_statement() -> None:
    doc = quotes_of("قال وزير الدفاع الأمريكي إن خيار العمل العسكري ما زال قائماً، حسب موقع هيئة الإذاعة البريطانية.")
    assert len(doc.quotes) == 1 and doc.quotes[0].speaker_text is not None
    assert doc.quotes[0].speaker_text.text == "وزير الدفاع الأمريكي"


def test_quoted_via_names_the_speaker() -> None:
    doc = quotes_of("ونقلت وكالة رويترز عن دبلوماسيين قولهم إن الولايات المتحدة ستوزع مشروع قرار جديد.")
    (q,) = doc.quotes
    assert q.speaker_text is not None and q.speaker_text.text == "دبلوماسيين"


def test_unclosed_quote_is_cut_before_next_statement() -> None:
    text = ("وأضاف: «برغم إسناد المقاومين في محافظة إب، إلا أن المقاومين بحاجة للأسلحة الثقيلة. "
            "واستطرد النهاري: «المقاومة الشعبية أثبتت استبسالها طيلة الأيام الماضية».")
    doc = quotes_of(text)
    first = next(q for q in doc.quotes if q.content.text.startswith("برغم"))
    assert "واستطرد" not in first.content.text
    last = next(q for q in doc.quotes if q.content.text.startswith("المقاومة الشعبية"))
    assert last.kind == "direct" and last.speaker_text is not None and last.speaker_text.text == "النهاري"
