"""Train and evaluate the name transliteration model (``khabar train translit`` / ``khabar eval translit``).

Training data (shared data folder ``name-transliteration/``, never shipped):
- ``wikidata-coling2018/wd_arabic_64`` (train), ``_16`` (dev), ``_20`` (test): CC0 person-name tokens;
- ``google-ar2en/ar2en-{train,eval,test}.txt``: Apache-2.0 Wikipedia name pairs.
ANETAC (``anetac/``) has no license, so it is used for evaluation only, never for the shipped model.

Steps: soft EM alignment of Arabic letters to English chunks of 0-4 letters; Viterbi alignment;
trigram counts over (letter, chunk) pairs stored as stupid-backoff log10 scores; a word dictionary
of the most frequent English spelling of each training token.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from khabar.link.translit import BOS, EOS, MODEL_PATH, SEP, TranslitModel, prepare_arabic, prepare_english

log = logging.getLogger(__name__)
MAX_CHUNK = 4
Pair = tuple[str, str, int]


def _read_wikidata(path: Path) -> list[Pair]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        count = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
        pairs.append((prepare_arabic(parts[1].replace(" ", "")), prepare_english(parts[0]), count))
    return pairs


def _read_tsv(path: Path) -> list[Pair]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            pairs.append((prepare_arabic(parts[0]), prepare_english(parts[1]), 1))
    return pairs


def _read_anetac(folder: Path, split: str) -> list[Pair]:
    arabic = (folder / f"translit_{split}.ar").read_text(encoding="utf-8").splitlines()
    english = (folder / f"translit_{split}.en").read_text(encoding="utf-8").splitlines()
    return [(prepare_arabic(a), prepare_english(e), 1) for a, e in zip(arabic, english, strict=False)]


def _sane(pairs: Iterable[Pair]) -> list[Pair]:
    """Drop empty and badly mismatched pairs (the Wikidata token alignment has some noise)."""
    kept = []
    for arabic, english, count in pairs:
        if not arabic or not english or " " in english:
            continue
        if not 0.6 <= len(english) / len(arabic) <= MAX_CHUNK:
            continue
        kept.append((arabic, english, count))
    return kept


def load_split(data_dir: Path, split: str) -> dict[str, list[Pair]]:
    """``split`` is train, dev or test; returns pairs per source (ANETAC only for dev/test)."""
    base = data_dir / "name-transliteration"
    wd = {"train": "wd_arabic_64", "dev": "wd_arabic_16", "test": "wd_arabic_20"}[split]
    google = {"train": "ar2en-train.txt", "dev": "ar2en-eval.txt", "test": "ar2en-test.txt"}[split]
    sources = {
        "wikidata": _read_wikidata(base / "wikidata-coling2018" / wd),
        "google": _read_tsv(base / "google-ar2en" / google),
    }
    if split != "train" and (base / "anetac").is_dir():
        sources["anetac"] = _read_anetac(base / "anetac", split)
    return {name: _sane(pairs) for name, pairs in sources.items()}


def _em(pairs: list[Pair], iterations: int) -> dict[tuple[str, str], float]:
    prob: dict[tuple[str, str], float] = defaultdict(lambda: 1.0)
    for iteration in range(iterations):
        counts: dict[tuple[str, str], float] = defaultdict(float)
        for arabic, english, _count in pairs:
            n, m = len(arabic), len(english)
            alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
            beta = [[0.0] * (m + 1) for _ in range(n + 1)]
            alpha[0][0] = 1.0
            for i in range(n):
                row, nxt, letter = alpha[i], alpha[i + 1], arabic[i]
                for j in range(m + 1):
                    if row[j] == 0.0:
                        continue
                    for k in range(min(MAX_CHUNK, m - j) + 1):
                        p = prob.get((letter, english[j:j + k]), 0.0) if iteration else 1.0
                        if p:
                            nxt[j + k] += row[j] * p
            total = alpha[n][m]
            if total <= 0.0:
                continue
            beta[n][m] = 1.0
            for i in range(n - 1, -1, -1):
                letter = arabic[i]
                for j in range(m + 1):
                    acc = 0.0
                    for k in range(min(MAX_CHUNK, m - j) + 1):
                        after = beta[i + 1][j + k]
                        if after == 0.0:
                            continue
                        p = prob.get((letter, english[j:j + k]), 0.0) if iteration else 1.0
                        if p:
                            share = alpha[i][j] * p * after / total
                            if share > 1e-9:
                                counts[(letter, english[j:j + k])] += share
                            acc += p * after
                    beta[i][j] = acc
        totals: dict[str, float] = defaultdict(float)
        for (letter, _chunk), value in counts.items():
            totals[letter] += value
        prob = {key: value / totals[key[0]] for key, value in counts.items() if value / totals[key[0]] > 1e-4}
        log.info("EM iteration %d: %d letter-chunk pairs", iteration + 1, len(prob))
    return dict(prob)


def _viterbi(arabic: str, english: str, prob: dict[tuple[str, str], float]) -> list[str] | None:
    n, m = len(arabic), len(english)
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n):
        for j in range(m + 1):
            if best[i][j] == -math.inf:
                continue
            for k in range(min(MAX_CHUNK, m - j) + 1):
                p = prob.get((arabic[i], english[j:j + k]))
                if p and best[i][j] + math.log(p) > best[i + 1][j + k]:
                    best[i + 1][j + k] = best[i][j] + math.log(p)
                    back[i + 1][j + k] = k
    if best[n][m] == -math.inf:
        return None
    chunks, j = [], m
    for i in range(n, 0, -1):
        k = back[i][j]
        chunks.append(english[j - k:j])
        j -= k
    return chunks[::-1]


def train(data_dir: Path, iterations: int = 5, min_trigram: int = 2) -> dict[str, object]:
    sources = load_split(data_dir, "train")
    pairs = [pair for items in sources.values() for pair in items]
    log.info("training on %d pairs", len(pairs))
    prob = _em(pairs, iterations)
    grams: Counter[tuple[str, ...]] = Counter()
    chunk_counts: dict[str, Counter[str]] = defaultdict(Counter)
    word_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for arabic, english, count in pairs:
        word_counts[arabic][english] += count
        chunks = _viterbi(arabic, english, prob)
        if chunks is None:
            continue
        seq = [BOS] + [letter + SEP + chunk for letter, chunk in zip(arabic, chunks, strict=True)] + [EOS]
        for letter, chunk in zip(arabic, chunks, strict=True):
            chunk_counts[letter][chunk] += 1
        for i in range(1, len(seq)):
            for size in (1, 2, 3):
                if i - size + 1 >= 0:
                    grams[tuple(seq[i - size + 1:i + 1])] += 1
    history: Counter[tuple[str, ...]] = Counter()
    for gram, count in grams.items():
        history[gram[:-1]] += count
    ngrams = {}
    for gram, count in grams.items():
        if len(gram) == 3 and count < min_trigram:
            continue
        ngrams[" ".join(gram)] = round(math.log10(count / history[gram[:-1]]), 3)
    chunks = {letter: [c for c, n in counter.most_common(14) if n >= 3] for letter, counter in chunk_counts.items()}
    words = {}
    for arabic, counter in word_counts.items():
        english, count = counter.most_common(1)[0]
        if count >= 2 or len(counter) == 1:
            words[arabic] = english
    return {"words": words, "chunks": chunks, "ngrams": ngrams,
            "meta": {"pairs": len(pairs), "sources": {k: len(v) for k, v in sources.items()}}}


def save(model_data: dict[str, object], path: Path = MODEL_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        json.dump(model_data, handle, ensure_ascii=False, separators=(",", ":"))


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def character_error_rate(model: TranslitModel, pairs: list[Pair], use_words: bool = True) -> float:
    errors = length = 0
    for arabic, english, _count in pairs:
        guess = model.word(arabic) if use_words else model.spell(arabic)
        errors += edit_distance(prepare_english(guess), english)
        length += len(english)
    return errors / max(1, length)


def evaluate(data_dir: Path, model: TranslitModel, splits: tuple[str, ...] = ("dev", "test")) -> dict[str, dict[str, float]]:
    report: dict[str, dict[str, float]] = {}
    for split in splits:
        for source, pairs in load_split(data_dir, split).items():
            report[f"{split}/{source}"] = {
                "pairs": len(pairs),
                "cer": round(character_error_rate(model, pairs), 4),
                "cer_model_only": round(character_error_rate(model, pairs, use_words=False), 4),
            }
    return report
