"""Arabic word frequencies on wordfreq's Zipf scale, fast for plain Arabic words.

``wordfreq.zipf_frequency(word, "ar")`` preprocesses and tokenizes its input on every call (tens of
microseconds), and the clitic segmenter and the linker ask for hundreds of new words per article.
For a word made only of plain Arabic letters (no marks, tatweel, digits or other scripts) that
preprocessing is the identity and yields the word as its only token, so its value depends only on its
frequency in wordfreq's own table: the first word met with a given frequency is answered by
``zipf_frequency`` itself, and every later plain word with that frequency (or missing from the table)
gets the same answer from a dictionary. Every other input goes to ``zipf_frequency``.
``tests/test_text_frequency.py`` checks that the two paths agree.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE

# Letters hamza..ghain and feh..yeh (U+0621..U+063A, U+0641..U+064A): tatweel (U+0640) and the
# marks that wordfreq strips from Arabic (U+064B..) are outside this range.
PLAIN_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x063B)) | frozenset(chr(c) for c in range(0x0641, 0x064B))
_MISSING = -1.0  # the table key under which words absent from wordfreq's list are answered


class _Frequencies:
    def __init__(self, table: dict[str, float], slow: Callable[[str], float]) -> None:
        self.table = table
        self.slow = slow
        self.by_frequency: dict[float, float] = {}

    def zipf(self, word: str) -> float:
        if not word or not PLAIN_LETTERS.issuperset(word):
            return self.slow(word)
        frequency = self.table.get(word, _MISSING)
        value = self.by_frequency.get(frequency)
        if value is None:
            value = self.by_frequency[frequency] = self.slow(word)
        return value


@lru_cache(maxsize=1)
def _frequencies() -> _Frequencies | None:
    try:
        from wordfreq import get_frequency_dict, zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a declared dependency
        return None

    def slow(word: str) -> float:
        try:
            return float(zipf_frequency(word, "ar"))
        except Exception:  # malformed input never breaks an analysis
            return 0.0

    return _Frequencies(get_frequency_dict("ar", "best"), slow)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def zipf(word: str) -> float:
    """Arabic Zipf frequency of ``word``, as ``wordfreq.zipf_frequency(word, "ar")`` (0.0 without wordfreq)."""
    frequencies = _frequencies()
    return 0.0 if frequencies is None else frequencies.zipf(word)
