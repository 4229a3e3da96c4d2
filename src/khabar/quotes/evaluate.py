"""Evaluation on the annotated articles (``tests/data/quotes/gold.jsonl``).

The gold file stores only references (URL, SHA-1 of the text, offsets); the article texts are read
from the shared SaudiNewsNet zips at evaluation time and never copied into the repository.
Matching: a system quote matches a gold quote of the same group (direct; reported = indirect or
mixed) when their content spans, trimmed of spaces, punctuation and quote marks, overlap by at least
``DIRECT_OVERLAP`` (direct, 90%) or ``REPORTED_OVERLAP`` (reported, 50%) of the longer span.
Speaker accuracy is measured on matched quotes, two ways:
- strict span: both unattributed, or the system's speaker span overlaps the gold speaker span;
- entity: as strict, or the system's speaker entity has a mention overlapping the gold speaker span
  (coreference: ``وأضاف`` attributed to the entity of ``سيرجي لافروف`` when the gold marks ``لافروف``).
  Without entities (NER not in the pipeline) the entity figure equals the strict one.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.document import Document, Quote
from khabar.paths import PACKAGE_DIR, shared_data_dir

GOLD_PATH = PACKAGE_DIR.parents[1] / "tests" / "data" / "quotes" / "gold.jsonl"
DIRECT_OVERLAP = 0.9
REPORTED_OVERLAP = 0.5
_TRIM = " \t\n\r\u00a0.,،:;؛!?؟\"'“”«»„‟()"


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    matched: int = 0

    def scores(self) -> dict[str, float | int]:
        p = self.matched / self.system if self.system else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"gold": self.gold, "system": self.system, "matched": self.matched,
                "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Report:
    direct: Counts = field(default_factory=Counts)
    reported: Counts = field(default_factory=Counts)
    speaker_total: int = 0
    speaker_correct: int = 0
    speaker_entity_correct: int = 0
    articles: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        total = self.speaker_total
        acc = self.speaker_correct / total if total else 0.0
        ent = self.speaker_entity_correct / total if total else 0.0
        return {"articles": self.articles, "thresholds": {"direct_overlap": DIRECT_OVERLAP,
                                                          "reported_overlap": REPORTED_OVERLAP},
                "direct": self.direct.scores(), "reported": self.reported.scores(),
                "speaker": {"matched_quotes": total, "correct": self.speaker_correct, "accuracy": round(acc, 4),
                            "entity_correct": self.speaker_entity_correct, "entity_accuracy": round(ent, 4)}}


def load_gold(path: Path = GOLD_PATH, split: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as error:
            raise ValueError(f"{path.name} line {number}: not a JSON record ({error})") from None
        if not isinstance(row, dict) or "url" not in row or not isinstance(row.get("quotes", []), list):
            raise ValueError(f"{path.name} line {number}: a record needs a url and a list of quotes")
        rows.append(row)
    return [r for r in rows if split in (None, "all") or r.get("split") == split]


def split_names(path: Path = GOLD_PATH) -> set[str]:
    """The split labels present in a gold file."""
    return {str(r.get("split")) for r in load_gold(path) if r.get("split") is not None}


def load_texts(urls: set[str], data_dir: Path | None = None) -> dict[str, str]:
    folder = (data_dir or shared_data_dir()) / "saudinewsnet"  # type: ignore[operator]
    texts: dict[str, str] = {}
    for archive in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                for article in json.loads(zf.read(name)):
                    if article.get("url") in urls and article["url"] not in texts:
                        texts[article["url"]] = article.get("content") or ""
    return texts


def default_analyzer(text: str) -> Document:
    from khabar.quotes.stage import extract_quotes
    doc: Document | None = None
    try:
        from khabar import pipeline
        doc = pipeline.analyze(text)
        if any(getattr(s, "__name__", "") == "extract_quotes" for s in pipeline.STAGES):
            return doc
    except Exception:
        doc = None
    doc = doc or Document(text)
    if not doc.sentences:
        from khabar.text.stage import segment_text
        doc = segment_text(doc)
    return extract_quotes(doc)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _overlap(text: str, a: tuple[int, int], b: tuple[int, int]) -> float:
    a, b = _trimmed(text, *a), _trimmed(text, *b)
    inter = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0])
    return inter / longest if inter > 0 and longest > 0 else 0.0


def speaker_ok(gold: list[int] | None, quote: Quote) -> bool:
    """Strict span check: both unattributed, or the two speaker spans overlap."""
    span = quote.speaker_text
    if gold is None or span is None:
        return gold is None and span is None
    return min(gold[1], span.end) > max(gold[0], span.start)


def speaker_entity_ok(doc: Document, gold: list[int] | None, quote: Quote) -> bool:
    """Entity-level check: strict, or a mention of the system's speaker entity overlaps the gold span."""
    if speaker_ok(gold, quote):
        return True
    entity = doc.entity(quote.speaker) if quote.speaker and gold is not None else None
    return entity is not None and gold is not None and any(
        min(gold[1], m.end) > max(gold[0], m.start) for m in entity.mentions)


def _group(kind: str) -> str:
    return "direct" if kind == "direct" else "reported"


def evaluate(split: str | None = "dev", analyzer: Callable[[str], Document] = default_analyzer,
             gold_path: Path = GOLD_PATH, data_dir: Path | None = None) -> Report:
    rows = load_gold(gold_path, split)
    texts = load_texts({r["url"] for r in rows}, data_dir)
    report = Report()
    for row in rows:
        text = texts.get(row["url"])
        if text is None or hashlib.sha1(text.encode()).hexdigest() != row.get("sha1", hashlib.sha1(
                text.encode()).hexdigest()):
            report.errors.append({"url": row["url"], "error": "text missing or changed"})
            continue
        report.articles += 1
        doc = analyzer(text)
        for group in ("direct", "reported"):
            counts: Counts = getattr(report, group)
            gold = [g for g in row["quotes"] if _group(g["kind"]) == group]
            system = [q for q in doc.quotes if _group(q.kind) == group]
            counts.gold += len(gold)
            counts.system += len(system)
            threshold = DIRECT_OVERLAP if group == "direct" else REPORTED_OVERLAP
            used: set[int] = set()
            for g in gold:
                best, best_score = None, 0.0
                for k, q in enumerate(system):
                    if k in used:
                        continue
                    score = _overlap(text, tuple(g["content"]), (q.content.start, q.content.end))
                    if score >= threshold and score > best_score:
                        best, best_score = k, score
                if best is None:
                    report.errors.append({"url": row["url"], "missed": group,
                                          "content": text[g["content"][0]:g["content"][1]][:80]})
                    continue
                used.add(best)
                counts.matched += 1
                report.speaker_total += 1
                q = system[best]
                strict = speaker_ok(g.get("speaker"), q)
                report.speaker_correct += strict
                report.speaker_entity_correct += speaker_entity_ok(doc, g.get("speaker"), q)
                if not strict:
                    gs = g.get("speaker")
                    report.errors.append({"url": row["url"], "speaker": q.speaker_text.text if q.speaker_text
                                          else None, "gold_speaker": text[gs[0]:gs[1]] if gs else None,
                                          "content": q.content.text[:60]})
            for k, q in enumerate(system):
                if k not in used:
                    report.errors.append({"url": row["url"], "spurious": group, "cue": q.cue.text if q.cue
                                          else None, "content": q.content.text[:80]})
    return report
