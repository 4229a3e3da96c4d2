"""Evaluate the numbers and dates stages on the hand-annotated SaudiNewsNet articles.

The gold file (``tests/data/numbers_dates_gold.jsonl``) holds only references: the article URL,
the publication date used for resolution, and ``{start, end, value[, precision]}`` offsets into the
article's ``content``, a ``sha1`` of that content (an article whose text changed is reported and
skipped) and a ``split`` (``dev``: rules may be tuned on it; ``test``: annotated before any system run,
run once, its errors since known and fixed, so no longer blind; ``test2``: 9 further articles from
nine outlets, annotated by reading before any system run, never tuned on). Article texts are read at evaluation time from the shared SaudiNewsNet zips
(never copied into the repository).

Scores: precision/recall/F1 on exact spans, and on exact spans with the exact value; plus the
tracker's metric, ``value accuracy``: the share of gold items for which a predicted item whose span
overlaps the gold span carries the right value (each prediction used once). Numbers compare values
numerically (ranges element-wise); dates compare the ISO value string, so a month-precision gold
("2015-08") is right only when the prediction is that same month at month precision, a year gold
only when the prediction is that year at year precision, a week gold only with the same ISO week.
``day accuracy`` is the same share restricted to gold dates of day precision.

Annotation conventions (``test`` and ``test2`` articles were annotated by reading the text, before
any run):
- ``published``: the date of ``date_extracted``, unless the URL carries the issue date
  (".../20150805/...") or the text clearly dates itself ("اليوم الإثنين", "أمس الأحد" in an article
  extracted two days later): then that date;
- numbers: every cardinal quantity (digits, words, indefinite duals "قطارين", definite cardinals
  "القوى الست"), span = qualifier before + number + unit after (proclitic and counted noun left out);
  not annotated: ordinals, clock times, names with a number ("يوروفرست 300", "أبوللو 17", "تقييم-1"),
  digits inside a date, word fractions ("الثلثين");
- dates: every expression that names a day, week, month or year; a weekday written next to the
  date it names is one span ("يوم الاثنين 19/9/1436هـ"), two calendars joined by الموافق are two;
  a Hijri month resolves to the Gregorian month of its 15th, a Hijri year to the Gregorian year of
  its 1 Rajab; "منذ 43 عاما" is a year; bare "الشهر"/"خلال الأيام الأخيرة" are not annotated;
- (added with ``test2``) a year range "من 2007 إلى 2013" / "1981 - 2010" is two year dates, not a
  number range; a weekday joined to a date by الموافق is its own span, valued as the day it names;
  a month named generically ("أعلى حرارة في شهر يونيو سجلت عام 2014"), seasons ("الصيف الماضي"),
  holidays ("إجازة عيد الفطر") and a two-year academic year ("1437/1436هـ") are not annotated;
  "من متر إلى متر ونصف" is the range [1, 1.5]; a phone number is a name, not a quantity;
- (added with the second batch of ``dev`` articles) a match score "38-0" is two numbers; a figure in
  brackets is annotated without the brackets and without a scale or unit written after them
  ("(5.969.428) مليون" = 5969428, "(100.000)ريال" = 100000); the number of a law article, a match
  minute or an episode ("المادة (126)", "الدقيقة (17)") is a name; a verb of approach or excess
  right before a figure is its qualifier ("تقارب 2.3 مليار ريال", "تتجاوز ملياري ريال"); a year
  written after a relative year is one span ("العام الماضي 2014"); "19 منه" after "17 يوليو" is a
  day; a sports season of two Hijri years ("1435هـ ـ 1436هـ") is neither a date nor two numbers; a
  year after an event name ("أولمبياد ... 2016") is a year date. ``test3`` is a further held-out
  file or split, evaluated with ``--gold PATH --split test3``;
- (added with the third batch of ``dev`` articles, 10 date- and number-dense articles annotated by
  reading before any run) a quarter or half of a year is one date with the year it names
  ("الربع الثاني من العام الجاري" = ``2015-Q2``, precision ``quarter``; "النصف الأول من عام 2015" and
  "الأشهر الستة الأولى من العام الجاري" = ``2015-H1``, precision ``half``; the four older ``dev``
  articles that wrote only the year were brought in line); a count of months that is neither
  ("التسعة أشهر الأولى من عام 1436ه") is one date valued as the year; the count inside such a
  period is not a number; a week of a month ("الأسبوع الثاني من شهر صفر 1437") is the ISO week of
  the month's 8th day (1st, 8th, 15th, 22nd; the last week: its last day minus three); a range of
  days is two dates, the first taking the month and year of the second ("من 8 إلى 10-11-1436",
  "من الثامن إلى العاشر من شهر ذي القعدة", "من 30/12 وحتى 2/1/1437" crossing into 1437); an ordinal
  day is a day ("الأول من صفر 1437ه"); "يوم" alone and a part word ("نهاية الأسبوع الماضي") stay
  outside the span; a year range written with a tatweel ("1437ـ1441هـ") is two Hijri years; each
  year opening a line of a chronology ("1909 - استقالة ...") is a year; a bracketed range with a
  scale after it ("(3 - 10) آلاف ريال") is [3000, 10000]; a resolution number ("القرار 598") is a
  name; a day whose year the text does not give and the publication date cannot ("اندلعت في 19
  ديسمبر" in a chronology) is not annotated;
- (added with the fourth batch of ``dev`` articles, 12 articles from varied genres (courts, weather,
  gold and stock markets, consumer prices, sports, a chronology, statistics) annotated by reading
  before any run) an indefinite dual of persons ("شابين", "فتاتين") and of years ("السجن عامين") is
  2; the lashes of a sentence are a count ("240 جلدة": span "240"); a wave-height range written with
  unit nouns is one range with its من ("من متر إلى متر ونصف" = [1, 1.5]); "ما يزيد على 30 الف" keeps
  ما in the qualifier; two names of one month without a year are one month date ("أيار (مايو)",
  "أغسطس آب"); "الشهر السابق" after a month named in the text is the month before that one
  ("ارتفعت خلال حزيران (يونيو) ... مقارنة بالشهر السابق" = May); "قبل عام واحد" and "منذ 300 سنة"
  in a chronology line count from that line's year (1973 -> 1972); a birth-year age group
  ("مواليد ١٩٩٧م") and the years of events joined by و ("مونديالي 2006 و2010") are year dates; the
  number of an edition ("البطولة ١٢ للمنتخبات") and the minute of a goal written in brackets after
  the scorer ("بالاسيوس (27)") are names; "الربع الثاني من العام" is the quarter of the publication
  year.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.paths import PACKAGE_DIR, shared_data_dir

DEFAULT_GOLD = PACKAGE_DIR.parents[1] / "tests" / "data" / "numbers_dates_gold.jsonl"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<22} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(tp={self.tp} fp={self.fp} fn={self.fn})")


def load_articles(urls: Iterable[str], data_dir: Path | None = None) -> dict[str, str]:
    """``url -> content`` for the wanted URLs, read from the SaudiNewsNet zips."""
    wanted = set(urls)
    folder = (data_dir or shared_data_dir()) / "saudinewsnet"  # type: ignore[operator]
    found: dict[str, str] = {}
    for archive in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for article in json.loads(zf.read(name)):
                    if article.get("url") in wanted:
                        found[article["url"]] = article.get("content") or ""
        if len(found) == len(wanted):
            break
    return found


def load_gold(path: Path = DEFAULT_GOLD) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))
    return bool(a == b)


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    def line(self, name: str) -> str:
        return f"{name:<22} {self.share:.3f} ({self.right}/{self.total})"


def value_hits(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[bool]:
    """For each gold item: whether an overlapping prediction (each used once) has its value."""
    used: set[int] = set()
    hits = []
    for g in gold:
        hit = False
        for k, p in enumerate(predicted):
            if k not in used and p["start"] < g["end"] and g["start"] < p["end"] \
                    and _same_value(g["value"], p["value"]):
                used.add(k)
                hit = True
                break
        hits.append(hit)
    return hits


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> tuple[Score, Score]:
    """(span score, span+value score) for one article."""
    spans, values = Score(), Score()
    gold_by_span = {(g["start"], g["end"]): g for g in gold}
    pred_by_span = {(p["start"], p["end"]): p for p in predicted}
    for key, pred in pred_by_span.items():
        g = gold_by_span.get(key)
        if g is None:
            spans.fp += 1
            values.fp += 1
            continue
        spans.tp += 1
        if _same_value(g["value"], pred["value"]):
            values.tp += 1
        else:
            values.fp += 1
            values.fn += 1
    missing = len(set(gold_by_span) - set(pred_by_span))
    spans.fn += missing
    values.fn += missing
    return spans, values


SPLITS = ("dev", "test", "test2", "test3", "test4", "all")


def evaluate(layer: str, gold_path: Path = DEFAULT_GOLD, verbose: bool = False,
             split: str = "all") -> dict[str, Any]:
    """Score ``layer`` ("numbers" or "dates") on the gold articles of ``split``; prints the errors
    when verbose. Returns span scores, value accuracy and counts."""
    from khabar.document import Document, Meta
    from khabar.numbers.stage import extract_numbers
    from khabar.time.stage import extract_dates

    records = [r for r in load_gold(gold_path) if split == "all" or r.get("split", "dev") == split]
    texts = load_articles(r["url"] for r in records)
    spans_total, values_total = Score(), Score()
    accuracy, day_accuracy = Accuracy(), Accuracy()
    articles, skipped = 0, []
    for record in records:
        text = texts.get(record["url"])
        if text is None or ("sha1" in record and hashlib.sha1(text.encode("utf-8")).hexdigest() != record["sha1"]):
            skipped.append(record["url"])
            print(f"{'missing' if text is None else 'changed'} article, skipped: {record['url']}")
            continue
        articles += 1
        doc = Document(text, Meta(url=record["url"], published=record.get("published")))
        doc = extract_dates(doc) if layer == "dates" else extract_numbers(doc)
        predicted = [item.to_json() for item in (doc.dates if layer == "dates" else doc.numbers)]
        spans, values = score(record[layer], predicted)
        for total, part in ((spans_total, spans), (values_total, values)):
            total.tp, total.fp, total.fn = total.tp + part.tp, total.fp + part.fp, total.fn + part.fn
        for g, hit in zip(record[layer], value_hits(record[layer], predicted), strict=True):
            accuracy.right, accuracy.total = accuracy.right + hit, accuracy.total + 1
            if g.get("precision") == "day":
                day_accuracy.right, day_accuracy.total = day_accuracy.right + hit, day_accuracy.total + 1
        if verbose:
            print(f"# {record['url']} ({record.get('split', 'dev')}, published {record.get('published')})")
            _show_errors(text, record[layer], predicted)
    result: dict[str, Any] = {"layer": layer, "split": split, "articles": articles, "skipped": skipped,
                              "gold": accuracy.total, "span": spans_total, "span+value": values_total,
                              "value accuracy": accuracy}
    if layer == "dates":
        result["day accuracy"] = day_accuracy
    return result


def to_json(result: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in result.items():
        if isinstance(value, Score):
            out[key] = {"precision": round(value.precision, 4), "recall": round(value.recall, 4),
                        "f1": round(value.f1, 4), "tp": value.tp, "fp": value.fp, "fn": value.fn}
        elif isinstance(value, Accuracy):
            out[key] = {"share": round(value.share, 4), "right": value.right, "total": value.total}
        else:
            out[key] = value
    return out


def _show_errors(text: str, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> None:
    gold_by_span = {(g["start"], g["end"]): g for g in gold}
    pred_by_span = {(p["start"], p["end"]): p for p in predicted}
    for key in sorted(set(gold_by_span) | set(pred_by_span)):
        g, p = gold_by_span.get(key), pred_by_span.get(key)
        if g and p and _same_value(g["value"], p["value"]):
            continue
        context = text[max(0, key[0] - 25):key[0]] + "[" + text[key[0]:key[1]] + "]" + text[key[1]:key[1] + 15]
        print(f"  {text[key[0]:key[1]]!r}: gold={g and g['value']!r} predicted={p and p['value']!r}"
              f"  ...{' '.join(context.split())}...")
