"""CoNLL reading/writing, IOB2 span extraction and entity-level (seqeval-style) scoring."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Sentence = list[tuple[str, str]]

# Type names used by the corpora, mapped to Khabar's (PERS in ANERcorp is PER here).
TYPE_ALIASES: dict[str, str] = {"PERS": "PER", "PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
_INVISIBLE = "\ufeff\u200e\u200f\u202a\u202b\u202c"


def clean_token(token: str) -> str:
    return token.strip(_INVISIBLE)


def normalize_tag(tag: str) -> str:
    """``B-PERS`` -> ``B-PER``; anything malformed -> ``O``."""
    tag = tag.strip()
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
        return "O"
    kind = tag[2:].strip("-")
    return f"{tag[0]}-{TYPE_ALIASES.get(kind, kind)}"


def read_conll(path: Path | str, sep: str | None = None) -> list[Sentence]:
    """Read ``token TAG`` lines (blank line between sentences); extra tag columns are ignored."""
    sentences: list[Sentence] = []
    current: Sentence = []
    with open(path, encoding="utf-8-sig", errors="replace") as handle:
        for raw in handle:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            parts = line.split(sep) if sep else line.split()
            if len(parts) < 2:
                parts = [*parts, "O"]
            token = clean_token(parts[0])
            if token:
                current.append((token, parts[1]))
    if current:
        sentences.append(current)
    return sentences


def write_conll(sentences: Iterable[Sentence], path: Path | str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for sentence in sentences:
            for token, tag in sentence:
                handle.write(f"{token} {tag}\n")
            handle.write("\n")


def spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Entity spans ``(type, start, end)`` (end exclusive) from IOB tags, conlleval/seqeval style:
    an ``I-X`` that does not continue an ``X`` chunk starts a new one."""
    found: list[tuple[str, int, int]] = []
    if tags.count("O") == len(tags):  # most sentences: nothing to scan
        return found
    kind: str | None = None
    start = 0
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if kind is not None and not continues:
            found.append((kind, start, index))
            kind = None
        if prefix in ("B", "I") and not continues:
            kind, start = label, index
    return found


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    support: int

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "support": self.support}


def _prf(correct: int, predicted: int, gold: int) -> Scores:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, gold)


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> tuple[Scores, dict[str, Scores]]:
    """Entity-level micro scores (exact span and type) overall and per type."""
    correct: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        gold_spans = set(spans(gold_tags))
        pred_spans = set(spans(pred_tags))
        n_gold.update(s[0] for s in gold_spans)
        n_pred.update(s[0] for s in pred_spans)
        correct.update(s[0] for s in gold_spans & pred_spans)
    per_type = {kind: _prf(correct[kind], n_pred[kind], n_gold[kind]) for kind in sorted(set(n_gold) | set(n_pred))}
    overall = _prf(sum(correct.values()), sum(n_pred.values()), sum(n_gold.values()))
    return overall, per_type
