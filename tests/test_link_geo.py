"""Geocoding and place linking: the shipped KB's Saudi coverage, homonyms, place nouns, coarse fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.document import Document, Entity, Geo, Mention
from khabar.link.build import add_towns, common_name_first
from khabar.link.eval_metrics import haversine_km
from khabar.link.evaluate import _same_span, grown_kb, load_gold
from khabar.link.geo import place_unlocated, relation_gap
from khabar.link.kb import get_kb
from khabar.link.keys import name_key
from khabar.link.repair import in_idiom, repair_mentions
from khabar.link.resolve import candidates, rank, without_nasab
from khabar.link.scan import words
from khabar.link.stage import link_entities


def mention(text: str, surface: str, kind: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.find(surface, start + 1)
    assert start >= 0, surface
    return Mention(start, start + len(surface), surface, kind, "hand")


def best(name: str, kind: str = "GPE", context: frozenset[str] = frozenset()):
    found = rank(candidates(get_kb(), name_key(name), kind), set(context))
    return found[0].entry if found else None


# Town centres (public facts, rounded): every one must be linked within 25 km.
SAUDI_TOWNS = {
    "رفحاء": (29.63, 43.50), "رابغ": (22.80, 39.03), "الأحساء": (25.38, 49.59), "محايل عسير": (18.55, 42.05),
    "القنفذة": (19.13, 41.08), "شرورة": (17.47, 47.12), "بيشة": (20.00, 42.60), "الخفجي": (28.43, 48.49),
    "وادي الدواسر": (20.47, 44.78), "دومة الجندل": (29.81, 39.87), "الدوادمي": (24.51, 44.39),
}


@pytest.mark.parametrize("name", sorted(SAUDI_TOWNS))
def test_saudi_towns_are_in_the_kb(name: str) -> None:
    entry = best(name, context=frozenset({"SA"}))
    assert entry is not None and entry.country == "SA" and entry.lat is not None and entry.lon is not None
    assert haversine_km(entry.lat, entry.lon, *SAUDI_TOWNS[name]) < 25


def test_famous_city_beats_small_homonym_in_a_named_country() -> None:
    # a text naming the United States still means Rome, Italy by روما (not Rome, Georgia)
    assert best("روما", context=frozenset({"US"})).country == "IT"
    assert best("باريس", context=frozenset({"US", "SA"})).country == "FR"
    # a sizeable town of a country the text names still wins over a capital elsewhere
    assert best("طرابلس", context=frozenset({"LB"})).country == "LB"


def test_arab_homonym_outside_the_text_countries_is_dropped() -> None:
    # الحمراء (a Jordanian and a Syrian village) in a Saudi text: neither is meant
    assert best("الحمراء", context=frozenset({"SA"})) is None
    assert best("الحمراء", context=frozenset({"JO"})).country == "JO"


def test_names_without_arabic_in_geonames() -> None:
    assert best("سوروتش", context=frozenset({"TR"})).name_en.startswith("Suru")
    assert best("سبتة", context=frozenset({"ES", "MA"})).country == "ES"
    assert best("كوباني", context=frozenset({"SY"})).country == "SY"


def test_nasab_is_optional_for_known_people() -> None:
    assert without_nasab(name_key("عبداللطيف بن راشد الزياني")) == name_key("عبداللطيف الزياني")
    assert without_nasab(name_key("محمد بن سلمان")) == name_key("محمد بن سلمان")  # two words: kept
    found = candidates(get_kb(), name_key("عبداللطيف بن راشد الزياني"), "PER")
    assert found and found[0].entry.name_en.endswith("Zayani")


def test_region_noun_takes_the_region_named_before() -> None:
    text = "زار قائد حرس الحدود في منطقة جازان المصابين، وهنأ منسوبي حرس الحدود في المنطقة في وحداتهم."
    doc = link_entities(Document(text, mentions=[mention(text, "منطقة جازان", "GPE"),
                                                 mention(text, "المنطقة", "GPE", 0)]))
    region = doc.entity_at(text.find("في المنطقة") + 3, text.find("في المنطقة") + 10)
    assert region is not None and region.name_en == "Jazan Region"


def test_country_noun_is_the_country_of_the_last_place() -> None:
    text = ("أعلنت روسيا أنها تتابع الوضع. وقتل خمسة جنود في هجوم قرب دونيتسك، فيما تتواصل المعارك في شرق البلاد "
            "منذ أشهر.")
    doc = link_entities(Document(text, mentions=[mention(text, "روسيا", "GPE"), mention(text, "دونيتسك", "GPE"),
                                                 mention(text, "البلاد", "GPE")]))
    country = doc.entity_at(text.find("البلاد"), text.find("البلاد") + len("البلاد"))
    assert country is not None and country.name_en == "Ukraine"


def test_region_name_extends_over_its_official_descriptor() -> None:
    text = "توقعت الأرصاد هطول أمطار رعدية على منطقة عسير اليوم."
    doc = link_entities(Document(text, mentions=[mention(text, "عسير", "GPE")]))
    asir = next(e for e in doc.entities if e.type == "GPE")
    assert [m.text for m in asir.mentions] == ["منطقة عسير"] and asir.name_en == "Asir Region"


def test_set_phrases_are_not_places() -> None:
    text = "أعاده الله على وطننا الغالي باليمن والبركات، وارتفعت الأسعار 50 في المائة."
    doc = Document(text, mentions=[mention(text, "اليمن", "GPE"), mention(text, "المائة", "GPE"),
                                   mention(text, "الله", "PER")])
    repaired = repair_mentions(doc, get_kb(), words(text))
    assert [m.text for m in repaired.mentions] == ["الله"]
    tokens = words(text)
    yemen = next(i for i, t in enumerate(tokens) if text[t.start:t.end] == "باليمن")
    assert in_idiom(tokens, yemen, yemen) and not in_idiom(tokens, 0, 0)


def _place(entity_id: str, text: str, surface: str, geo: Geo | None, kb_id: str | None = None) -> Entity:
    return Entity(entity_id, "GPE", surface, surface, kb_id, [mention(text, surface, "GPE")], geo)


def test_unknown_place_takes_the_enclosing_place_never_a_list_neighbour() -> None:
    taif = Geo(21.27, 40.42, 107968, "SA", None, "PPL", "city")
    riyadh = Geo(24.69, 46.72, 108410, "SA", None, "PPLC", "city")
    text = "وصل الحجاج إلى قرية الزهراء والطائف، ثم إلى هجرة العطيف جنوب الرياض."
    entities = [_place("E1", text, "الزهراء", None), _place("E2", text, "الطائف", taif),
                _place("E3", text, "العطيف", None), _place("E4", text, "الرياض", riyadh)]
    place_unlocated(text, entities, get_kb())
    listed, related = entities[0].geo, entities[2].geo
    assert related is not None and related.precision == "approximate" and (related.lat, related.lon) == (24.69, 46.72)
    assert listed is not None and listed.precision == "country" and listed.country_code == "SA"  # coarse, not Taif


def test_every_place_gets_a_point() -> None:
    text = "قالت السلطات في الرياض إن قافلة وصلت إلى بلدة الهجيرة."
    doc = link_entities(Document(text, mentions=[mention(text, "الرياض", "GPE"), mention(text, "الهجيرة", "GPE")]))
    assert all(e.geo is not None for e in doc.entities if e.type in ("GPE", "LOC"))


def test_stage_relates_places_by_words_never_by_a_list() -> None:
    # the link stage itself: العطيف is "جنوب الرياض" (Riyadh's point, approximate); الزهراء is only listed
    # before الطائف, so it gets Saudi Arabia's point, not Taif's
    text = "وصل الحجاج إلى قرية الزهراء والطائف، ثم إلى هجرة العطيف جنوب الرياض."
    doc = link_entities(Document(text, mentions=[mention(text, s, "GPE") for s in ("الزهراء", "الطائف", "العطيف",
                                                                                   "الرياض")]))
    by_name = {e.name: e for e in doc.entities}
    atif, zahra = by_name["العطيف"].geo, by_name["الزهراء"].geo
    assert atif is not None and atif.precision == "approximate" and abs(atif.lat - 24.69) < 0.1
    assert zahra is not None and zahra.precision == "country" and zahra.country_code == "SA"
    assert abs(zahra.lat - 21.27) > 1 or abs(zahra.lon - 40.42) > 1  # not Taif's point


def test_kb_scan_does_not_re_add_an_idiom() -> None:
    # باليمن والبركات is "with blessings", not Yemen: neither the repair step nor the KB scan may add it
    text = "أعاده الله على وطننا الغالي باليمن والبركات، وزار الرئيس مدينة عدن."
    doc = link_entities(Document(text))
    names = {e.name for e in doc.entities}
    assert "عدن" in names and "اليمن" not in names and "البركات" not in names


def test_relation_gaps() -> None:
    assert relation_gap(" في ناحية ") and relation_gap(" بمحافظة ") and relation_gap(" ب") and relation_gap(" جنوب ")
    assert not relation_gap(" و") and not relation_gap("، ") and not relation_gap(". في ")


def test_display_name_is_the_usual_arabic_form() -> None:
    assert common_name_first(["رم", "روما"]) == ["روما", "رم"]
    assert common_name_first(["لأندأن", "لندن"])[0] == "لندن"
    assert common_name_first(["ئاممان", "امان", "عمان"])[0] == "عمان"
    assert common_name_first(["الى", "إيلاي"])[0] != "الى"  # a function word is never the display name


def test_towns_file_rows(tmp_path: Path) -> None:
    towns = tmp_path / "towns_test.tsv"
    towns.write_text("id\ttype\tfeature\tname_ar\taliases_ar\tname_en\tcc\tanchor\tlat\tlon\tpopulation\n"
                     "t-named\tGPE\tPPL\tمدينة أ\t\tA\tSA\t1\t\t\t\n"
                     "t-unnamed\tGPE\tPPL\tبلدة ب\tب\tB\tSA\t2\t\t\t\n"
                     "t-hand\tGPE\tPPL\tقرية ج\t\tC\tSA\t\t25.5\t49.6\t900\n"
                     "t-none\tGPE\tPPL\tقرية د\t\tD\tSA\t\t\t\t\n", encoding="utf-8")
    named = {"id": "geonames:1", "name_ar": "أ", "aliases_ar": "", "cc": "SA", "feature": "PPL", "admin1": "06",
             "lat": "25.4", "lon": "49.6"}
    unnamed = {"2": {"geonameid": "2", "countrycode": "SA", "admin1code": "10", "latitude": "24.0",
                     "longitude": "46.0", "population": "5000"}}
    rows = [named]
    added = add_towns([towns], rows, {"1": named}, unnamed)
    assert named["aliases_ar"] == "مدينة أ"
    assert [r["id"] for r in added] == ["geonames:2", "khabar:t-hand"]
    assert added[0]["name_ar"] == "بلدة ب" and added[0]["population"] == "5000"
    assert added[1]["admin1"] == "06" and added[1]["lat"] == "25.5"  # admin-1 of the nearest GeoNames place


def test_eval_span_and_grown_kb_rules() -> None:
    text = "استهداف المصلين بقرية الدالوة بمحافظة الأحساء"
    gold = (text.find("الأحساء"), len(text))
    assert _same_span(text, gold, (text.find("محافظة"), len(text)))
    assert not _same_span(text, gold, (text.find("الدالوة"), len(text)))
    coordinates = {"khabar:sa-dalwah": (25.40, 49.69), "geonames:108410": (24.69, 46.72)}
    item = {"type": "GPE", "kb_id": None, "lat": 25.402, "lon": 49.687}
    assert grown_kb(item, "khabar:sa-dalwah", coordinates)
    assert not grown_kb(item, "geonames:108410", coordinates)
    assert not grown_kb({**item, "kb_id": "geonames:1"}, "khabar:sa-dalwah", coordinates)


def test_unknown_split_is_an_error() -> None:
    with pytest.raises((ValueError, FileNotFoundError)):
        load_gold(split="no-such-split")
