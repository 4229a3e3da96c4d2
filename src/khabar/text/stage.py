"""The text-core pipeline stage: quotation marks, sentences and tokens of a document."""

from __future__ import annotations

from khabar.document import Document
from khabar.text.lexer import lex
from khabar.text.quotemarks import find_quotations
from khabar.text.sentences import split_sentences
from khabar.text.tokenize import tokenize


def segment_text(doc: Document) -> Document:
    """Fill ``doc.quotations``, ``doc.sentences`` and ``doc.tokens`` (each token's ``sentence`` set)."""
    text = doc.text or ""
    raw = lex(text)  # shared by sentence splitting and tokenizing
    doc.quotations = find_quotations(text)
    doc.sentences = split_sentences(text, doc.quotations, raw)
    doc.tokens = tokenize(text, doc.sentences, raw)
    return doc
