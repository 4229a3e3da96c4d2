"""Knowledge base: shipped files load, lookups by folded name, ranking by context, user files."""

from __future__ import annotations

from pathlib import Path

from khabar.link.kb import get_kb, load_kb
from khabar.link.keys import clitic_variants, name_key
from khabar.link.resolve import candidates, rank


def test_kb_has_people_organizations_and_places() -> None:
    counts = get_kb().counts()
    assert counts["PER"] >= 150 and counts["ORG"] >= 100 and counts["GPE"] >= 20000
    assert sum(v for k, v in counts.items() if k != "NORP forms") >= 1000


def test_clitic_variants() -> None:
    assert ("الموصل", 1) in clitic_variants(name_key("بالموصل"))
    assert any(v == "الموصل" for v, _ in clitic_variants(name_key("والموصل")))
    assert any(v == "القوات" for v, _ in clitic_variants(name_key("للقوات")))
    assert any(v == "كيري" for v, _ in clitic_variants(name_key("لكيري")))


def test_aliases_share_one_entry() -> None:
    kb = get_kb()
    ids = {kb.lookup(name_key(n))[0].id for n in ("داعش", "تنظيم الدولة", "الدولة الإسلامية", "تنظيم الدولة الإسلامية")}
    assert len(ids) == 1


def test_context_country_ranks_amman_over_oman() -> None:
    kb = get_kb()
    found = candidates(kb, name_key("عمان"), "LOC")
    assert rank(found, {"JO"})[0].entry.name_en == "Amman"
    assert rank(found, set())[0].entry.country in ("OM", "JO")


def test_descriptor_and_adjective_words_are_tolerated() -> None:
    kb = get_kb()
    assert candidates(kb, name_key("مدينة الموصل"), "LOC")[0].entry.name_en == "Mosul"
    assert candidates(kb, name_key("الحشد الشعبي الشيعي"), "ORG")[0].entry.name_en == "Popular Mobilization Forces"


def test_governorate_is_not_the_city() -> None:
    kb = get_kb()
    assert rank(candidates(kb, name_key("محافظة نينوى"), "LOC"), set())[0].entry.feature == "ADM1"


def test_user_file_extends_kb(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text("id\ttype\tname_ar\taliases_ar\tname_en\tcountry\troles\twikidata\n"
                    "jane-doe\tPER\tجين دو\tدو\tJane Doe\tGB\t\t\n", encoding="utf-8")
    kb = load_kb(extra_files=[user], include_user=False)
    entry = kb.lookup(name_key("جين دو"))[0]
    assert entry.name_en == "Jane Doe" and entry.kb_id == "khabar:jane-doe"


def test_curated_actors_table_has_at_least_a_thousand_entries() -> None:
    kb = get_kb()
    curated = [e for e in kb.entries if e.source == "curated"]
    assert len(curated) >= 1000
    assert len({e.id for e in curated}) == len(curated)
    assert {e.type for e in curated} == {"PER", "ORG"}


def test_common_words_are_not_standalone_aliases() -> None:
    kb = get_kb()
    for word in ("الشاهد", "جودة", "النسور", "العثماني", "الهيئة", "عرفات", "لولا"):
        assert not [e for e in kb.lookup(name_key(word), with_article_variants=False) if e.source == "curated"], word


def test_new_actor_families_are_linked() -> None:
    kb = get_kb()
    assert kb.lookup(name_key("وكالة الأنباء العمانية"))[0].country == "OM"
    assert kb.lookup(name_key("وزارة الداخلية السعودية"))[0].name_en == "Ministry of Interior (Saudi Arabia)"
    assert kb.lookup(name_key("سابك"))[0].name_en == "SABIC"
    assert kb.lookup(name_key("غروندبرغ"))[0].country == "UN"
    assert kb.lookup(name_key("ولاية سيناء"))[0].country == "EG"


def test_abd_compound_matches_both_spellings() -> None:
    assert name_key("عبدالعزيز") == name_key("عبد العزيز")
    king = get_kb().lookup(name_key("سلمان بن عبدالعزيز آل سعود"))
    assert king and king[0].id == "king-salman"


def test_saudi_regions_and_readable_admin1() -> None:
    kb = get_kb()
    asir = kb.lookup(name_key("منطقة عسير"))[0]
    assert asir.feature == "ADM1" and asir.country == "SA"
    mosul = next(e for e in kb.lookup(name_key("الموصل")) if e.country == "IQ")
    assert mosul.admin1_name == "Nineveh Governorate"
    aleppo = next(e for e in kb.lookup(name_key("حلب")) if e.country == "SY")
    assert aleppo.admin1_name == "Aleppo Governorate"


def test_small_foreign_homonym_is_not_linked_in_a_context() -> None:
    kb = get_kb()
    found = rank(candidates(kb, name_key("ميلو"), "GPE"), {"ML", "FR"})
    assert found == []
