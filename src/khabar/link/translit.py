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
from dataclasses import dataclass, field
from functools import lru_cache
from heapq import heappop, heappush
from operator import itemgetter
from pathlib import Path

from khabar.caches import WORD_CACHE_SIZE
from khabar.paths import PACKAGE_DATA

MODEL_PATH = PACKAGE_DATA / "translit" / "model.json.gz"
NAMES_PATH = PACKAGE_DATA / "translit" / "names.tsv"
BOS, EOS = "^", "$"
BACKOFF = 0.4
LOG_BACKOFF = math.log10(BACKOFF)
# Accumulated backoff penalties after 0..3 failed lookups, summed as ``_score`` sums them.
_PENALTIES = [0.0, 0.0 + LOG_BACKOFF, 0.0 + LOG_BACKOFF + LOG_BACKOFF, 0.0 + LOG_BACKOFF + LOG_BACKOFF + LOG_BACKOFF]
SEP = "\t"
MEMO_SIZE = WORD_CACHE_SIZE
START_LETTERS = 4  # beams are remembered after each of a token's first letters
Beam = tuple[float, tuple[str, ...], str]  # (log score, last two graphones, English so far)
Row = tuple[list[tuple[float, str, str]], float]  # ((score, graphone, chunk) per chunk, best score)
# (trigram scores by history, sorted rows by history or by the last graphone alone), per letter
LetterMemo = tuple[dict[tuple[str, ...], dict[str, float]], dict[tuple[str, ...] | str, list[tuple[float, str, str]]]]

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
    # (history, letter) -> scored expansions: a beam search asks for the same rows again and again
    # (cleared when it grows past ``MEMO_SIZE`` rows).
    _memo: dict[tuple[tuple[str, ...], str], Row] = field(
        default_factory=dict, repr=False, compare=False)
    _by_history: dict[tuple[str, ...], dict[str, float]] | None = field(default=None, repr=False, compare=False)
    # (first letters, beam width) -> the beams after them: names share their first letters (محم، عبد).
    _starts: dict[tuple[str, int], list[Beam]] = field(default_factory=dict, repr=False, compare=False)
    # Per letter, for ``_step``: trigram scores by history and ``_row`` rows sorted best first (built on use).
    _by_letter: dict[str, dict[tuple[str, ...], dict[str, float]]] | None = field(
        default=None, repr=False, compare=False)
    _letters: dict[str, LetterMemo] = field(default_factory=dict, repr=False, compare=False)
    _ordered_count: int = field(default=0, repr=False, compare=False)
    _highest: float | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> TranslitModel:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
        return cls(data["words"], data["chunks"], data["ngrams"])

    def _tables(self) -> dict[tuple[str, ...], dict[str, float]]:
        """``ngrams`` regrouped by history: ``(g1, g2) -> {graphone: score}`` (built on first use)."""
        if self._by_history is None:
            tables: dict[tuple[str, ...], dict[str, float]] = {}
            for key, value in self.ngrams.items():
                *history, graphone = key.split(" ")
                tables.setdefault(tuple(history), {})[graphone] = value
            self._by_history = tables
        return self._by_history

    def _score(self, history: tuple[str, ...], graphone: str) -> float:
        """Stupid-backoff log score of ``graphone`` after ``history`` (up to two graphones)."""
        tables = self._tables()
        penalty = 0.0
        for size in range(len(history), -1, -1):
            table = tables.get(history[len(history) - size:])
            value = table.get(graphone) if table is not None else None
            if value is not None:
                return value + penalty
            penalty += LOG_BACKOFF
        return penalty - 7.0

    def _row(self, history: tuple[str, ...], letter: str) -> Row:
        """``(score, graphone, chunk)`` for every chunk of ``letter`` after ``history``, and the best score.

        Each score is exactly ``_score(history, graphone)`` (memoized). After two graphones, the
        bigram/unigram backoff scores depend on the last one only and are shared; trigrams (few per
        history) override them.
        """
        memo = self._memo
        found = memo.get((history, letter))
        if found is not None:
            return found
        if len(memo) > MEMO_SIZE:
            memo.clear()
        tables = self._tables()
        if len(history) == 2:
            found = self._backoff_row(history[1], letter)
            trigrams = tables.get(history)
            if trigrams is not None:
                row = [(trigrams[item[1]] + _PENALTIES[0], item[1], item[2]) if item[1] in trigrams else item
                       for item in found[0]]
                found = (row, max(item[0] for item in row))
        else:
            found = self._scored(letter, [(tables.get(history[len(history) - size:]) or {},
                                           _PENALTIES[len(history) - size]) for size in range(len(history), -1, -1)],
                                 _PENALTIES[len(history) + 1] - 7.0)
        memo[(history, letter)] = found
        return found

    def _backoff_row(self, previous: str, letter: str) -> Row:
        """The row after ``(any graphone, previous)`` when no trigram applies (memoized)."""
        key = ((previous,), letter + SEP)  # apart from ``_row`` keys, whose letter has no tab
        found = self._memo.get(key)
        if found is None:
            tables = self._tables()
            found = self._memo[key] = self._scored(
                letter, [(tables.get((previous,)) or {}, _PENALTIES[1]), (tables.get(()) or {}, _PENALTIES[2])],
                _PENALTIES[3] - 7.0)
        return found

    def _scored(self, letter: str, levels: list[tuple[dict[str, float], float]], floor: float) -> Row:
        """Backoff scores of every chunk of ``letter``: the first level knowing the graphone, plus its penalty."""
        row = []
        for chunk in self.chunks.get(letter) or [""]:
            graphone = letter + SEP + chunk
            score = floor
            for table, penalty in levels:
                value = table.get(graphone)
                if value is not None:
                    score = value + penalty
                    break
            row.append((score, graphone, chunk))
        return row, max(item[0] for item in row)

    def spell(self, arabic: str, beam: int = 12) -> str:
        """The best English spelling of one prepared Arabic token (no dictionary lookup)."""
        if not arabic:
            return ""
        starts = self._starts
        if len(starts) > MEMO_SIZE:
            starts.clear()
        done = min(len(arabic), START_LETTERS)
        while done and (arabic[:done], beam) not in starts:
            done -= 1
        beams: list[Beam] = starts[(arabic[:done], beam)] if done else [(0.0, (BOS,), "")]
        for position in range(done, len(arabic)):
            beams = self._step(beams, arabic[position], beam)
            if position < START_LETTERS:
                starts[(arabic[:position + 1], beam)] = beams
        final = [(score + self._score(history[-2:], EOS), text) for score, history, text in beams]
        return max(final)[1]

    def _letter_memo(self, letter: str) -> LetterMemo:
        """For ``letter``: the trigram scores of its graphones by history, and its sorted rows (see ``_ordered_row``)."""
        found = self._letters.get(letter)
        if found is None:
            if self._by_letter is None:
                tables: dict[str, dict[tuple[str, ...], dict[str, float]]] = {}
                for history, table in self._tables().items():
                    if len(history) == 2:
                        for graphone, value in table.items():
                            tables.setdefault(graphone.partition(SEP)[0], {}).setdefault(history, {})[graphone] = value
                self._by_letter = tables
            found = self._letters[letter] = (self._by_letter.get(letter) or {}, {})
        return found

    def _ordered_row(self, history: tuple[str, ...], letter: str) -> list[tuple[float, str, str]]:
        """``_row(history, letter)[0]`` best first (a stable sort: equal scores keep the row's order; memoized).

        After two graphones without a trigram for ``letter``, the row is the backoff row of the last
        graphone, shared by every such history (remembered under that graphone alone).
        """
        trigrams_by_history, ordered = self._letter_memo(letter)
        shared = len(history) == 2 and history not in trigrams_by_history
        key: tuple[str, ...] | str = history[1] if shared else history
        found = ordered.get(key)
        if found is not None:
            return found
        if shared:
            found = sorted(self._backoff_row(history[1], letter)[0], key=_negated_score)
        elif len(history) == 2:
            trigrams = trigrams_by_history[history]
            found = sorted([(trigrams[item[1]] + _PENALTIES[0], item[1], item[2]) if item[1] in trigrams else item
                            for item in self._backoff_row(history[1], letter)[0]], key=_negated_score)
        else:
            found = sorted(self._row(history, letter)[0], key=_negated_score)
        self._ordered_count += 1
        if self._ordered_count > MEMO_SIZE:
            for _memo_trigrams, rows in self._letters.values():
                rows.clear()
            self._ordered_count = 0
        ordered[key] = found
        return found

    def _step(self, beams: list[Beam], letter: str, size: int) -> list[Beam]:
        """The ``size`` best distinct expansions of ``beams`` by ``letter``: ``_dedupe(_expand(...), size)``.

        Expansions come out of a heap in the order a stable sort of all of them would give (score down,
        then beam, then row position), each beam's row read best first, so only the few expansions that
        can be kept are ever built. A beam's row is fetched only when the beam's own score (which no
        expansion of it exceeds: no model score is above ``top``) is reached.
        """
        top = self._top()
        trigrams_by_history, ordered = self._letter_memo(letter)
        rows: list[list[tuple[float, str, str]] | None] = [None] * len(beams)
        heap = [(-(beams[0][0] + top), 0, -1)] if beams else []
        kept: list[Beam] = []
        seen: set[tuple[tuple[str, ...], str]] = set()
        while heap and len(kept) < size:
            _negative, index, position = heappop(heap)
            score, history, text = beams[index]
            row = rows[index]
            if row is None:  # the beam's bound: fetch its row, and let the next beam in
                row = ordered.get(history[1] if len(history) == 2 and history not in trigrams_by_history
                                  else history) or self._ordered_row(history, letter)
                rows[index] = row
                heappush(heap, (-(score + row[0][0]), index, 0))
                if index + 1 < len(beams):
                    heappush(heap, (-(beams[index + 1][0] + top), index + 1, -1))
                continue
            value, graphone, chunk = row[position]
            pair = (history[-1], graphone)
            spelled = text + chunk
            if (pair, spelled) not in seen:
                seen.add((pair, spelled))
                kept.append((score + value, pair, spelled))
            if position + 1 < len(row):
                heappush(heap, (-(score + row[position + 1][0]), index, position + 1))
        return kept

    def _top(self) -> float:
        """The highest score any graphone gets (no expansion raises a beam's score by more)."""
        if self._highest is None:
            self._highest = max(0.0, *self.ngrams.values()) if self.ngrams else 0.0
        return self._highest

    def _expand(self, beams: list[Beam], letter: str, size: int) -> list[Beam]:
        """Every beam extended by every chunk of ``letter``, best first (a stable sort: ties keep their order).

        The reference for ``_step`` (kept for tests). Expansions that cannot be among the ``size`` best
        distinct ones are left out: once the first beams with distinct (last graphone, text) give ``size``
        expansions (all distinct) scoring at least ``floor``, a later expansion scoring at most ``floor``
        sorts after them all.
        """
        expanded: list[Beam] = []
        pool: set[tuple[str, str]] = set()
        pool_scores: list[float] = []
        floor: float | None = None
        for score, history, text in beams:  # a history holds at most two graphones
            row, top = self._row(history, letter)
            last = history[-1]
            if floor is None:
                expanded.extend([(score + value, (last, graphone), text + chunk) for value, graphone, chunk in row])
                if (last, text) not in pool:
                    pool.add((last, text))
                    pool_scores.extend(score + value for value, _, _ in row)
                    if len(pool_scores) >= size:
                        floor = sorted(pool_scores, reverse=True)[size - 1]
            elif score + top > floor:
                expanded.extend([(score + value, (last, graphone), text + chunk) for value, graphone, chunk in row
                                 if score + value > floor])
        expanded.sort(key=itemgetter(0), reverse=True)
        return expanded

    def word(self, token: str) -> str:
        prepared = prepare_arabic(token)
        if not prepared:
            return token if token.isascii() else ""
        known = self.words.get(prepared)
        if known:
            return known
        return self.spell(prepared)


def _negated_score(item: tuple[float, str, str]) -> float:
    return -item[0]


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
    name = unicodedata.normalize("NFKC", name)  # presentation forms (ﺍﻟﺘﻮﺍﻫﻲ) -> ordinary letters (التواهي)
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
