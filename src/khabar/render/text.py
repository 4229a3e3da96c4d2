"""A readable terminal summary of an analyzed document."""

from __future__ import annotations

from khabar.document import Document


def _clip(value: str, width: int = 90) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"


def render_text(doc: Document) -> str:
    lines: list[str] = []
    meta = doc.meta
    head = f"document {doc.id}"
    if meta.title:
        head += f" — {meta.title}"
    lines.append(head)
    details = [f"{name}: {value}" for name, value in
               (("outlet", meta.source), ("published", meta.published), ("url", meta.url), ("language", meta.language))
               if value]
    if details:
        lines.append("  " + " | ".join(details))
    lines.append(f"  {len(doc.text):,} characters, {len(doc.sentences)} sentences, {len(doc.tokens)} tokens")
    if doc.entities:
        lines.append(f"\nentities ({len(doc.entities)})")
        for entity in sorted(doc.entities, key=lambda e: (-len(e.mentions), e.type)):
            extra = f" [{entity.kb_id}]" if entity.kb_id else ""
            if entity.geo:
                extra += f" ({entity.geo.lat:.2f}, {entity.geo.lon:.2f})"
            lines.append(f"  {entity.type:<5} {entity.name} = {entity.name_en or '?'}{extra} ×{len(entity.mentions)}")
    if doc.quotes:
        lines.append(f"\nquotes ({len(doc.quotes)})")
        for quote in doc.quotes:
            speaker = doc.entity(quote.speaker)
            who = speaker.name if speaker else (quote.speaker_text.text if quote.speaker_text else "?")
            extra = ""
            addressee = doc.entity(quote.addressee)
            if addressee:
                extra += f" → {addressee.name}"
            if quote.channel:
                extra += f" ({quote.channel})"
            lines.append(f"  [{quote.kind}] {who}{extra}: {_clip(quote.content.text)}")
    if doc.events:
        lines.append(f"\nevents ({len(doc.events)})")
        for event in doc.events:
            def names(ids: list[str]) -> str:
                return ", ".join(e.name for e in (doc.entity(i) for i in ids) if e) or "?"
            place = doc.entity(event.location)
            parts = [f"{event.type}/{event.mode or '-'} {event.status}", f"trigger «{event.trigger.text}»",
                     f"actors: {names(event.actors)}", f"targets: {names(event.targets)}"]
            if place:
                parts.append(f"at {place.name}")
            if event.date and event.date.value:
                parts.append(f"on {event.date.value}")
            if event.fatalities is not None:
                parts.append(f"fatalities {event.fatalities}")
            reporter = doc.entity(event.reported_by)
            if reporter:
                parts.append(f"reported by {reporter.name}")
            lines.append("  " + "; ".join(parts))
    if doc.numbers:
        lines.append(f"\nnumbers ({len(doc.numbers)})")
        for number in doc.numbers:
            about = f" ({number.about})" if number.about else ""
            lines.append(f"  {number.text} = {number.value}{about}")
    if doc.dates:
        lines.append(f"\ndates ({len(doc.dates)})")
        for date in doc.dates:
            lines.append(f"  {date.text} = {date.value or 'unresolved'} ({date.precision or '-'})")
    if doc.warnings:
        lines.append("\nwarnings")
        lines.extend(f"  ! {warning}" for warning in doc.warnings)
    return "\n".join(lines)
