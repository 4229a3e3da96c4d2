"""NER: span scoring, the shipped CRF model on the seed article, the stage's offsets, train/eval CLI."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from khabar.document import Document
from khabar.ner.conll import score, spans
from khabar.ner.model import NerTagger
from khabar.ner.stage import mention_start, recognize_entities
from khabar.text.normalize import normalize_key

PLACES = ("LOC", "GPE")

# A hand-annotated sentence from the seed article (IOB2, ANERcorp tag names).
SEED_CONLL = """وفي O
سياق O
متصل O
، O
قالت O
وكالة B-ORG
الأناضول I-ORG
الإخبارية O
أن O
مسلحين O
من O
الحشد B-ORG
الشعبي I-ORG
تخفوا O
بلباس O
الشرطة B-ORG
الاتحادية I-ORG
، O
جنوب O
مدينة O
الموصل B-LOC
. O

وقال O
لافروف B-PERS
في O
منتدى O
بالعاصمة O
الروسية O
موسكو B-LOC
: O
سألت O
جون B-PERS
كيري I-PERS
هاتفيا O
"""


def test_spans_follow_conlleval_rules() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "I-PER"]
    assert spans(tags) == [("PER", 0, 2), ("LOC", 3, 5), ("ORG", 5, 6), ("PER", 6, 7)]
    overall, per_type = score([tags], [["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "O"]])
    assert per_type["PER"].recall == 0.5 and per_type["LOC"].f1 == 1.0
    assert overall.precision == 1.0 and overall.recall == 0.5


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    began = time.perf_counter()
    loaded = NerTagger.load()
    assert time.perf_counter() - began < 5  # generous here; the benchmark reports the real figure
    return loaded


@pytest.fixture(scope="module")
def seed_doc(seed_text: str, tagger: NerTagger) -> Document:
    return recognize_entities(Document(seed_text), tagger)


def _types_of(doc: Document, name: str) -> set[str]:
    key = normalize_key(name)
    return {m.type for m in doc.mentions if normalize_key(m.text) == key}


def test_tagger_handles_edge_cases(tagger: NerTagger) -> None:
    assert tagger.tag([]) == []
    assert len(tagger.tag(["hello", " ", "123", "،"])) == 4
    assert len(tagger.tag(["كلمة"] * 1000)) == 1000


@pytest.mark.parametrize("name", ["لافروف", "كيري"])
def test_seed_people(seed_doc: Document, name: str) -> None:
    assert "PER" in _types_of(seed_doc, name)


@pytest.mark.parametrize("name", ["الموصل", "حلب", "موسكو", "القيارة", "إيران", "أفغانستان", "لبنان"])
def test_seed_places(seed_doc: Document, name: str) -> None:
    assert _types_of(seed_doc, name) & set(PLACES), name


@pytest.mark.parametrize("name", ["الأمم المتحدة", "وكالة الأناضول", "الحشد الشعبي", "داعش",
                                  "الشرطة الاتحادية", "الجيش العراقي"])
def test_seed_organisations(seed_doc: Document, name: str) -> None:
    assert "ORG" in _types_of(seed_doc, name), name


def test_seed_mentions_point_into_text(seed_doc: Document) -> None:
    assert seed_doc.mentions
    for mention in seed_doc.mentions:
        assert seed_doc.text[mention.start:mention.end] == mention.text
        assert mention.source == "ner" and 0.0 <= mention.confidence <= 1.0
    # names written with a clitic (وأفغانستان، ولبنان، بداعش، لكيري) start after it
    texts = {m.text for m in seed_doc.mentions}
    assert not texts & {"وأفغانستان", "ولبنان", "بداعش", "لداعش", "لكيري", "بالموصل", "والموصل"}
    assert "GPE" in _types_of(seed_doc, "موسكو")
    assert "NORP" in _types_of(seed_doc, "الروسي")


def test_mention_starts_after_clitics() -> None:
    doc = Document("قتل خمسة بالموصل وللأمم المتحدة")
    from khabar.document import Token

    token = Token(9, 16, "بالموصل", normalize_key("بالموصل"))
    assert doc.text[mention_start(token):16] == "الموصل"
    other = Token(0, 3, "بغداد", "بغداد")
    assert mention_start(other) == 0


def test_stage_on_bad_input(tagger: NerTagger) -> None:
    assert recognize_entities(Document(""), tagger).mentions == []
    doc = recognize_entities(Document("The quick brown fox 123 !!!"), tagger)
    for mention in doc.mentions:
        assert doc.text[mention.start:mention.end] == mention.text


def test_eval_cli_prints_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from khabar.cli import main

    data = tmp_path / "seed.conll"
    data.write_text(SEED_CONLL, encoding="utf-8")
    assert main(["eval", "ner", "--data", str(data), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result["overall"]) >= {"precision", "recall", "f1"}
    assert 0.5 <= result["overall"]["f1"] <= 1.0
    assert "PER" in result["per_type"] and result["tokens_per_second"] > 0
    assert main(["eval", "ner", "--data", str(data)]) == 0
    assert "ALL" in capsys.readouterr().out
    assert main(["eval", "ner", "--data", str(tmp_path / "missing.conll")]) == 2


def test_train_subset(tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    from khabar.cli import main

    out = tmp_path / "model"
    # the default reuses the shipped word clusters: no numpy/scipy/scikit-learn needed
    assert main(["train", "ner", "--subset", "60", "--iterations", "15", "--output", str(out)]) == 0
    assert "trained NER on 60 sentences" in capsys.readouterr().out
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["features"]["clusters"] and (out / "clusters.tsv.gz").is_file()
    small = NerTagger.load(out)
    assert len(small.tag(["قال", "لافروف", "في", "موسكو"])) == 4
    assert len(small.tag_document([["قال", "لافروف"], [], ["في", "موسكو"]])[2]) == 2


def test_lexicon_builds_from_redistributable_sources_only(tmp_path: Path) -> None:
    """The shipped lexicon may not contain research-use-only gazetteers (ANERGazet, ANETAC): building
    it must work from a data folder that holds only the redistributable sources."""
    from khabar.ner.lexicon import build_lexicon, stem_key

    names = tmp_path / "name-transliteration"
    (names / "wikidata-coling2018").mkdir(parents=True)
    for fname in ("wd_arabic_64", "wd_arabic_16", "wd_arabic_20"):
        (names / "wikidata-coling2018" / fname).write_text("hisham\tه ش ا م\t9\n", encoding="utf-8")
    (names / "google-ar2en").mkdir()
    for fname in ("ar2en-train.txt", "ar2en-eval.txt", "ar2en-test.txt"):
        (names / "google-ar2en" / fname).write_text("آرثر\tarthur\n", encoding="utf-8")
    geo = tmp_path / "geonames-arabic"
    geo.mkdir()
    (geo / "countries_arabic_names.tsv").write_text(
        "alpha2\tname_ar\tofficial_name_ar\nIQ\tالعراق\tجمهورية العراق\n", encoding="utf-8")
    (geo / "places_arabic_names_cities500.tsv").write_text(
        "arabic_script_names\tpopulation\nالموصل\t1739800\n", encoding="utf-8")
    yemen = tmp_path / "yemen-admin-gazetteer"
    yemen.mkdir()
    for fname in ("governorates.tsv", "districts.tsv"):
        (yemen / fname).write_text("name_ar\nعدن\n", encoding="utf-8")
    lexicon = build_lexicon(tmp_path)
    assert "P" in lexicon.flags("هشام") and "P" in lexicon.flags(stem_key("آرثر"))
    assert {"G", "L"} <= lexicon.flags(stem_key("الموصل")) and "C" in lexicon.flags(stem_key("العراق"))
    # Khabar's curated KB: a person's first/last name tokens and organisation head words
    assert {"F", "S"} & lexicon.flags(stem_key("لافروف"))
    assert "O" in lexicon.flags(stem_key("الأمم") + " " + stem_key("المتحدة"))
