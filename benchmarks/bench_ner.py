"""NER benchmark: model load time, tagging speed (one core) and peak memory.

Usage: python benchmarks/bench_ner.py [--model DIR] [--articles N]
Tags the first N SaudiNewsNet articles (local input only) with the NER stage and the raw tagger;
prints one JSON object (the stage cold, i.e. first sight of every word, and warm; the tagger's fast
path and, for comparison, the direct CRFsuite path from feature strings, with how many sentences'
tags differ between the two: 0 expected). Speeds are per CPU second (``process_time``), which a
loaded machine disturbs less than wall time. The ANERcorp accuracy figures come from ``khabar eval ner``.
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
    clock = time.process_time
    began = clock()
    for doc in docs:
        recognize_entities(doc, tagger)
    stage_seconds = clock() - began  # cold: every word's features computed once
    mentions = sum(len(d.mentions) for d in docs)
    began = clock()
    for doc in docs:
        doc.mentions = []
        recognize_entities(doc, tagger)
    warm_seconds = clock() - began  # warm: per-word features cached
    sentences = [_sentences(doc) for doc in docs]
    began = clock()
    fast = [tagger.tag_document_marginals(s) for s in sentences]
    tag_seconds = clock() - began
    began = clock()
    reference = [tagger.reference_tags(s) for s in sentences]
    reference_seconds = clock() - began
    differing = sum(a[0] != b[0] for doc_a, doc_b in zip(fast, reference, strict=True)
                    for a, b in zip(doc_a, doc_b, strict=True))
    print(json.dumps({
        "model": str(tagger.path), "load_seconds": round(load_seconds, 3), "articles": len(docs), "tokens": tokens,
        "stage_ms_per_article": round(1000 * stage_seconds / max(len(docs), 1), 2),
        "stage_warm_ms_per_article": round(1000 * warm_seconds / max(len(docs), 1), 2),
        "stage_tokens_per_second": round(tokens / stage_seconds),
        "stage_warm_tokens_per_second": round(tokens / warm_seconds),
        "tagger_tokens_per_second": round(tokens / tag_seconds),
        "reference_tagger_tokens_per_second": round(tokens / reference_seconds),
        "sentences_tagged_differently": differing, "mentions": mentions,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
