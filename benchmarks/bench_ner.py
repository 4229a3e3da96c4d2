"""NER benchmark: model load time, tagging speed (one core) and peak memory.

Usage: python benchmarks/bench_ner.py [--model DIR] [--articles N]
Tags the first N SaudiNewsNet articles (local input only) with the NER stage and the raw tagger;
prints one JSON object (the stage cold, i.e. first sight of every word, and warm). The ANERcorp accuracy figures come from ``khabar eval ner``.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import zipfile

from khabar.document import Document
from khabar.ner.model import NerTagger
from khabar.paths import shared_data_dir
from khabar.text.tokenize import tokenize


def _articles(limit: int) -> list[str]:
    data = shared_data_dir()
    assert data is not None
    texts: list[str] = []
    for path in sorted((data / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                texts += [str(a.get("content") or "") for a in json.loads(archive.read(name))]
        if len(texts) >= limit:
            break
    return texts[:limit]


def _sentences(doc: Document) -> list[list[str]]:
    out: dict[int, list[str]] = {}
    for token in doc.tokens:
        out.setdefault(token.sentence, []).append(token.text)
    return list(out.values())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model")
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    from khabar.ner.stage import recognize_entities

    began = time.perf_counter()
    tagger = NerTagger.load(args.model)
    load_seconds = time.perf_counter() - began
    texts = _articles(args.articles)
    docs = []
    for text in texts:
        doc = Document(text)
        doc.tokens = tokenize(text)
        docs.append(doc)
    tokens = sum(len(d.tokens) for d in docs)
    began = time.perf_counter()
    for doc in docs:
        recognize_entities(doc, tagger)
    stage_seconds = time.perf_counter() - began  # cold: every word's features computed once
    mentions = sum(len(d.mentions) for d in docs)
    began = time.perf_counter()
    for doc in docs:
        doc.mentions = []
        recognize_entities(doc, tagger)
    warm_seconds = time.perf_counter() - began  # warm: per-word features cached
    began = time.perf_counter()
    for doc in docs:
        tagger.tag_document(_sentences(doc))
    tag_seconds = time.perf_counter() - began
    print(json.dumps({
        "model": str(tagger.path), "load_seconds": round(load_seconds, 3), "articles": len(docs), "tokens": tokens,
        "stage_tokens_per_second": round(tokens / stage_seconds),
        "stage_warm_tokens_per_second": round(tokens / warm_seconds),
        "tagger_tokens_per_second": round(tokens / tag_seconds), "mentions": mentions,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
