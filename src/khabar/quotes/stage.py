"""The pipeline stage: ``extract_quotes(doc) -> doc`` fills ``doc.quotes``."""

from __future__ import annotations

from khabar.document import Document, Quotation
from khabar.quotes.context import Context
from khabar.quotes.extract import Builder
from khabar.quotes.hits import find_hits
from khabar.quotes.lexicon import load_lexicon
from khabar.quotes.words import source_tokens

MAX_CHARS = 2_000_000


def _quotations(doc: Document) -> list[Quotation]:
    if doc.quotations:
        return doc.quotations
    try:
        from khabar.text.quotemarks import find_quotations
    except ImportError:  # text core not available
        return []
    return find_quotations(doc.text)


def extract_quotes(doc: Document) -> Document:
    """Attribute the statements of ``doc``: direct, reported and mixed quotes with speaker,
    addressee, channel and the reported-by chain. Reads quotation marks and entities when present."""
    if not doc.text or not doc.text.strip():
        doc.quotes = []
        return doc
    if len(doc.text) > MAX_CHARS:
        doc.warn(f"quotes: text longer than {MAX_CHARS} characters; quote extraction skipped")
        return doc
    ctx = Context(doc, source_tokens(doc), _quotations(doc), load_lexicon())
    hits = find_hits(ctx)
    quotes = Builder(ctx, hits).run()
    quotes = [q for q in quotes if q.id]
    quotes.sort(key=lambda q: (min(q.content.start, q.cue.start if q.cue else q.content.start), q.content.start))
    mapping = {q.id: f"Q{i + 1}" for i, q in enumerate(quotes)}
    for q in quotes:
        q.id = mapping[q.id]
        q.reported_by = mapping.get(q.reported_by) if q.reported_by else None
    doc.quotes = quotes
    return doc
