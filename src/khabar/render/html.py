"""A standalone right-to-left HTML page showing documents with their annotations highlighted."""

from __future__ import annotations

from html import escape
from itertools import pairwise

from khabar.document import Document

STYLE = """
body{font-family:'Noto Naskh Arabic','Amiri','Segoe UI',Tahoma,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;line-height:2;color:#1d2733;background:#fcfcfa}
article{border-bottom:1px solid #ccd;padding-bottom:1.5rem;margin-bottom:1.5rem}
.text{white-space:pre-wrap;font-size:1.15rem}
.PER{background:#ffe1b3}.ORG{background:#c9e6ff}.GPE,.LOC{background:#d3f5d0}.NORP{background:#efd9ff}
.MISC{background:#eee}.q{border-bottom:2px dotted #b03a2e}.num{color:#0b5d8a;font-weight:600}
.date{color:#7a4b00;font-weight:600}.trig{outline:1px solid #b03a2e}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.95rem}
td,th{border:1px solid #dde;padding:.2rem .5rem;text-align:right;vertical-align:top}
.warn{color:#a33}.legend span{padding:0 .4rem;margin-left:.3rem}
"""


def _classes_for(doc: Document) -> list[tuple[int, int, str, str]]:
    marks: list[tuple[int, int, str, str]] = []
    for entity in doc.entities:
        label = f"{entity.type}: {entity.name_en or entity.name}"
        for mention in entity.mentions:
            marks.append((mention.start, mention.end, entity.type, label))
    for quote in doc.quotes:
        speaker = doc.entity(quote.speaker)
        who = speaker.name_en or speaker.name if speaker else (quote.speaker_text.text if quote.speaker_text else "?")
        marks.append((quote.content.start, quote.content.end, "q", f"{quote.kind} quote — {who}"))
    for number in doc.numbers:
        marks.append((number.start, number.end, "num", f"= {number.value}"))
    for date in doc.dates:
        marks.append((date.start, date.end, "date", f"= {date.value or 'unresolved'}"))
    for event in doc.events:
        marks.append((event.trigger.start, event.trigger.end, "trig", f"event {event.type}"))
    return marks


def highlight(doc: Document) -> str:
    """The document text as HTML, split at every annotation boundary (annotations may overlap)."""
    marks = _classes_for(doc)
    cuts = sorted({0, len(doc.text), *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces: list[str] = []
    for start, end in pairwise(cuts):
        active = [m for m in marks if m[0] <= start and end <= m[1]]
        chunk = escape(doc.text[start:end])
        if active:
            classes = " ".join(sorted({m[2] for m in active}))
            title = escape(" | ".join(dict.fromkeys(m[3] for m in active)))
            pieces.append(f'<span class="{classes}" title="{title}">{chunk}</span>')
        else:
            pieces.append(chunk)
    return "".join(pieces)


def _tables(doc: Document) -> str:
    parts: list[str] = []
    if doc.quotes:
        rows = "".join(
            f"<tr><td>{escape(q.kind)}</td><td>{escape(_who(doc, q.speaker, q.speaker_text))}</td>"
            f"<td>{escape(q.cue.text if q.cue else '')}</td><td>{escape(q.content.text)}</td></tr>"
            for q in doc.quotes)
        parts.append(f"<h3>الاقتباسات / Quotes</h3><table><tr><th>kind</th><th>speaker</th><th>cue</th>"
                     f"<th>content</th></tr>{rows}</table>")
    if doc.events:
        rows = "".join(
            f"<tr><td>{escape(e.type)}</td><td>{escape(e.status)}</td><td>{escape(e.trigger.text)}</td>"
            f"<td>{escape(', '.join(_who(doc, a, None) for a in e.actors))}</td>"
            f"<td>{escape(', '.join(_who(doc, t, None) for t in e.targets))}</td>"
            f"<td>{escape(_who(doc, e.location, None) if e.location else '')}</td>"
            f"<td>{'' if e.fatalities is None else e.fatalities}</td></tr>"
            for e in doc.events)
        parts.append("<h3>الأحداث / Events</h3><table><tr><th>type</th><th>status</th><th>trigger</th>"
                     f"<th>actors</th><th>targets</th><th>place</th><th>fatalities</th></tr>{rows}</table>")
    if doc.warnings:
        parts.append("".join(f'<p class="warn">⚠ {escape(w)}</p>' for w in doc.warnings))
    return "".join(parts)


def _who(doc: Document, entity_id: str | None, fallback: object) -> str:
    entity = doc.entity(entity_id)
    if entity:
        return f"{entity.name} ({entity.name_en})" if entity.name_en else entity.name
    text = getattr(fallback, "text", None)
    return text or "?"


def render_html(documents: list[Document]) -> str:
    articles = []
    for doc in documents:
        title = escape(doc.meta.title or doc.id)
        articles.append(f'<article><h2>{title}</h2><div class="text">{highlight(doc)}</div>{_tables(doc)}</article>')
    legend = ('<p class="legend"><span class="PER">شخص PER</span><span class="ORG">منظمة ORG</span>'
              '<span class="GPE">مكان GPE/LOC</span><span class="NORP">جنسية NORP</span>'
              '<span class="q">اقتباس quote</span><span class="num">رقم number</span>'
              '<span class="date">تاريخ date</span></p>')
    return (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            f"<title>Khabar</title><style>{STYLE}</style></head><body><h1>خبر — Khabar</h1>{legend}"
            f"{''.join(articles)}</body></html>\n")
