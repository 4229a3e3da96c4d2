"""Arabic -> English transliteration of names (``name_en`` for names the knowledge base lacks).

Model (``data/translit/model.json.gz``, trained by ``khabar train translit``):
- a word dictionary: frequent Arabic name tokens -> their most common English spelling;
- a joint-sequence ("graphone") trigram model in the style of Bisani & Ney: each Arabic letter is
  paired with the English chunk (0-4 letters) it was aligned to by EM on the training pairs, and a
  trigram model over those pairs, decoded by beam search, spells unknown tokens.

``transliterate(name)`` works token by token, keeps the article ``ال`` as ``al-`` and title-cases.
"""

from __future__ import annotations

import gzip
import json
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from khabar.paths import PACKAGE_DATA

MODEL_PATH = PACKAGE_DATA / "translit" / "model.json.gz"
NAMES_PATH = PACKAGE_DATA / "translit" / "names.tsv"
BOS, EOS = "^", "$"
BACKOFF = 0.4
SEP = "\t"

# Letters kept by ``prepare_arabic`` (hamza forms, ta marbuta and alef maqsura stay distinct: they
# carry vowel information); diacritics and tatweel are dropped; Persian/Urdu letters folded.
_FOLD = {"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c1": "\u0647", "\u0671": "\u0627"}


def prepare_arabic(token: str) -> str:
    out = []
    for ch in token:
        ch = _FOLD.get(ch, ch)
        if "\u0621" <= ch <= "\u063a" or "\u0641" <= ch <= "\u064a" or ch in "\u067e\u0686\u06a4\u06af\u0698":
            out.append(ch)
    return "".join(out)


def prepare_english(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


@dataclass
class TranslitModel:
    words: dict[str, str]
    chunks: dict[str, list[str]]          # Arabic letter -> candidate English chunks
    ngrams: dict[str, float]              # "g1 g2 g3" (graphones as letter+TAB+chunk) -> log10 score

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> TranslitModel:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
        return cls(data["words"], data["chunks"], data["ngrams"])

    def _score(self, history: tuple[str, ...], graphone: str) -> float:
        """Stupid-backoff log score of ``graphone`` after ``history`` (up to two graphones)."""
        penalty = 0.0
        for size in range(len(history), -1, -1):
            key = " ".join((*history[len(history) - size:], graphone))
            value = self.ngrams.get(key)
            if value is not None:
                return value + penalty
            penalty += math.log10(BACKOFF)
        return penalty - 7.0

    def spell(self, arabic: str, beam: int = 12) -> str:
        """The best English spelling of one prepared Arabic token (no dictionary lookup)."""
        if not arabic:
            return ""
        beams: list[tuple[float, tuple[str, ...], str]] = [(0.0, (BOS,), "")]
        for letter in arabic:
            candidates = self.chunks.get(letter) or [""]
            expanded: list[tuple[float, tuple[str, ...], str]] = []
            for score, history, text in beams:
                for chunk in candidates:
                    graphone = letter + SEP + chunk
                    new = score + self._score(history[-2:], graphone)
                    expanded.append((new, (*history[-1:], graphone), text + chunk))
            expanded.sort(key=lambda item: -item[0])
            beams = _dedupe(expanded, beam)
        final = [(score + self._score(history[-2:], EOS), text) for score, history, text in beams]
        return max(final)[1]

    def word(self, token: str) -> str:
        prepared = prepare_arabic(token)
        if not prepared:
            return token if token.isascii() else ""
        known = self.words.get(prepared)
        if known:
            return known
        return self.spell(prepared)


def _dedupe(items: list[tuple[float, tuple[str, ...], str]], size: int) -> list[tuple[float, tuple[str, ...], str]]:
    seen: set[tuple[tuple[str, ...], str]] = set()
    kept = []
    for item in items:
        key = (item[1], item[2])
        if key in seen:
            continue
        seen.add(key)
        kept.append(item)
        if len(kept) == size:
            break
    return kept


@lru_cache(maxsize=1)
def model() -> TranslitModel | None:
    """The shipped model, loaded once; None when it is missing (then a letter table is used)."""
    if not MODEL_PATH.is_file():
        return None
    return TranslitModel.load(MODEL_PATH)


# Fallback letter table (used only when the trained model is absent): a plain, readable romanization.
_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ب": "b", "ت": "t", "ث": "th",
    "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh",
    "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a", "پ": "p",
    "چ": "ch", "ڤ": "v", "گ": "g", "ژ": "zh",
}


def _fallback(token: str) -> str:
    return "".join(_LETTERS.get(ch, "") for ch in prepare_arabic(token))


@lru_cache(maxsize=1)
def common_names() -> dict[str, str]:
    """Hand-written spellings of frequent name tokens (``names.tsv``), keyed by prepared Arabic."""
    table: dict[str, str] = {}
    if NAMES_PATH.is_file():
        for line in NAMES_PATH.read_text(encoding="utf-8").splitlines()[2:]:
            arabic, _, english = line.partition("\t")
            if english:
                table[" ".join(prepare_arabic(w) for w in arabic.split())] = english
    return table


def _title(word: str) -> str:
    return word[:1].upper() + word[1:]


@lru_cache(maxsize=50_000)
def transliterate_token(token: str) -> str:
    """English spelling of one Arabic token, lower case (``ال`` prefix kept as ``al-``)."""
    if not token:
        return ""
    if token.isascii():
        return token if any(ch.isalpha() for ch in token) else ""
    current = model()
    prepared = prepare_arabic(token)
    if current is not None and prepared in current.words:
        return current.words[prepared]
    if prepared.startswith("ال") and len(prepared) > 3:
        rest = prepared[2:]
        spelled = current.word(rest) if current else _fallback(rest)
        return "al-" + spelled if spelled else ""
    return current.word(prepared) if current else _fallback(prepared)


def transliterate(name: str) -> str:
    """A readable English form of an Arabic name, e.g. ``نعينيعة`` -> ``Naynaya`` (model output)."""
    words: list[str] = []
    tokens = [prepare_arabic(t) or t for t in name.replace("-", " ").split()]
    table = common_names()
    index = 0
    while index < len(tokens):
        pair = " ".join(tokens[index:index + 2])
        if index + 1 < len(tokens) and pair in table:
            words.append(table[pair])
            index += 2
            continue
        token = tokens[index]
        index += 1
        if token in table:
            words.append(table[token])
            continue
        spelled = transliterate_token(token)
        if not spelled:
            continue
        if spelled.startswith("al-"):
            parts = spelled.split("-", 1)
            spelled = ("Al-" if not words else "al-") + _title(parts[1])
        else:
            spelled = _title(spelled)
        words.append(spelled)
    return " ".join(words)
