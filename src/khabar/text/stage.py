"""The text-core pipeline stage: quotation marks, sentences and tokens of a document."""

from __future__ import annotations

from khabar.document import Document
from khabar.text.quotemarks import find_quotations
from khabar.text.sentences import split_sentences
from khabar.text.tokenize import tokenize


def segment_text(doc: Document) -> Document:
    """Fill ``doc.quotations``, ``doc.sentences`` and ``doc.tokens`` (each token's ``sentence`` set)."""
    text = doc.text or ""
    doc.quotations = find_quotations(text)
    doc.sentences = split_sentences(text, doc.quotations)
    doc.tokens = tokenize(text, doc.sentences)
    return doc
