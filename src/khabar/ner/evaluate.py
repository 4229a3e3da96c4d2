"""Entity-level evaluation of a tagger on CoNLL data, with throughput."""

from __future__ import annotations

import time
from collections.abc import Callable

from khabar.ner.conll import Sentence, score
from khabar.ner.rules import propagate


def evaluate(tag: Callable[[list[list[str]]], list[list[str]]], sentences: list[Sentence], model: str = "",
             doc_window: int = 40, propagation: bool = True,
             known: Callable[[list[str], list[str]], list[str]] | None = None) -> dict[str, object]:
    """Score ``tag`` (a document -> tags function, e.g. ``NerTagger.tag_document``) on gold
    sentences. Each run of ``doc_window`` consecutive sentences is one document (0: each sentence
    alone); ``propagation`` tags a name's other occurrences in the document, as the pipeline does per
    article; ``known`` is an optional per-sentence rule layer applied last."""
    gold = [[t for _, t in s] for s in sentences]
    words = [[w for w, _ in s] for s in sentences]
    began = time.perf_counter()
    window = doc_window if doc_window > 0 else 1
    predicted: list[list[str]] = []
    for i in range(0, len(words), window):
        block = tag(words[i:i + window])
        predicted += propagate(words[i:i + window], block) if propagation and doc_window > 0 else block
    if known is not None:
        predicted = [known(w, p) for w, p in zip(words, predicted, strict=True)]
    seconds = time.perf_counter() - began
    tokens = sum(map(len, sentences))
    overall, per_type = score(gold, predicted)
    return {
        "overall": overall.as_dict(),
        "per_type": {kind: s.as_dict() for kind, s in per_type.items()},
        "tokens": tokens,
        "sentences": len(sentences),
        "tokens_per_second": round(tokens / seconds) if seconds > 0 else None,
        "model": model,
    }


def format_report(result: dict[str, object]) -> str:
    lines = [f"model: {result['model']}", f"{'type':<6} {'P':>7} {'R':>7} {'F1':>7} {'support':>8}"]
    per_type = result["per_type"]
    assert isinstance(per_type, dict)
    for kind, s in [*per_type.items(), ("ALL", result["overall"])]:
        lines.append(f"{kind:<6} {s['precision']:>7.4f} {s['recall']:>7.4f} {s['f1']:>7.4f} {s['support']:>8}")
    lines.append(f"{result['tokens']} tokens, {result['tokens_per_second']} tokens/s")
    return "\n".join(lines)
