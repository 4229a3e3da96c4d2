"""The fast Zipf lookup (``khabar.text.frequency``) answers exactly as ``wordfreq.zipf_frequency``."""

from __future__ import annotations

import pytest

from khabar.text.frequency import PLAIN_LETTERS, zipf

wordfreq = pytest.importorskip("wordfreq")


def test_every_frequency_band_matches_wordfreq() -> None:
    # wordfreq stores its Arabic list in bands of equal frequency: check a plain word of every band,
    # plus later words of a few bands (answered from the per-frequency table).
    checked = 0
    for band in wordfreq.get_frequency_list("ar"):
        plain = [word for word in band if PLAIN_LETTERS.issuperset(word)]
        for word in plain[:1] + plain[-1:]:
            assert zipf(word) == wordfreq.zipf_frequency(word, "ar"), word
            checked += 1
    assert checked > 500


def test_news_words_and_unusual_input_match_wordfreq() -> None:
    words = ["قال", "وزير", "الخارجية", "لافروف", "موسكو", "بالموصل", "نعينيعة", "كيري", "جداً", "الـعراق",
             "مُحَمَّد", "2016", "U.S.", "", " ", "قال لافروف", "ظظظظظظظ", "ﻻ", "پاکستان", "ابوظبي", "أ", "ى"]
    for word in words:
        assert zipf(word) == wordfreq.zipf_frequency(word, "ar"), word


def test_frequent_words_rank_above_rare_names() -> None:
    assert zipf("قال") > 5.0
    assert zipf("نعينيعة") < 2.0
