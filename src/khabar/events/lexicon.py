"""The trigger lexicon: Arabic event words typed to PLOVER, with their inflections.

``triggers.tsv`` (see its header) lists stems with a word class; this module expands each stem
into the surface forms it takes (past and imperfect verb affixes, noun plural/dual/tanwin
endings) and matches a word after peeling proclitics (و ف ب ل ك س ال) and enclitic pronouns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from khabar.caches import WORD_CACHE_SIZE
from khabar.paths import PACKAGE_DATA
from khabar.text.normalize import normalize_key

TRIGGERS_PATH = PACKAGE_DATA / "events" / "triggers.tsv"

# Verb and noun endings (normalize_key forms); source: standard Arabic morphology tables.
PAST_SUFFIXES: tuple[str, ...] = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "و")
IMPERFECT_PREFIXES: tuple[str, ...] = ("ي", "ت", "ن", "ا")
IMPERFECT_SUFFIXES: tuple[str, ...] = ("", "ون", "ان", "ين", "وا", "ن", "و", "ا")
NOUN_SUFFIXES: tuple[str, ...] = ("", "ات", "ين", "ون", "ان", "ا", "ي", "يه")
# Proclitic sequences (conjunction, preposition or future marker, article), longest first.
PROCLITICS: tuple[str, ...] = tuple(sorted({
    c + p + a
    for c in ("", "و", "ف")
    for p in ("", "ب", "ل", "ك", "س")
    for a in ("", "ال")
} | {"لل", "ولل", "فلل"}, key=len, reverse=True))
PROCLITIC_SET = frozenset(p for p in PROCLITICS if p)
MAX_PROCLITIC = max(len(p) for p in PROCLITIC_SET)
ENCLITICS: tuple[str, ...] = ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ك")
MIN_STEM = 3
# Words whose clitic-stripped form looks like a trigger but never is one (normalize_key forms):
# وزارة "ministry" (و + زار + ه "he visited him"), الاجتماعي "social" (الاجتماع "the meeting" + ي).
# Source: the most frequent false matches over SaudiNewsNet articles.
NEVER_TRIGGERS = frozenset(normalize_key(w) for w in (
    "وزارة", "الوزارة", "بوزارة", "لوزارة", "ووزارة", "وزارات", "الوزارات", "ووزارات", "وزاره",
    "الاجتماعي", "الاجتماعية", "والاجتماعي", "والاجتماعية", "اجتماعي", "اجتماعية", "الاجتماعيين", "اجتماعيا",
    "الاجتماعيه", "والاجتماعيه", "اجتماعيه",
    # قتالي "combat" (an adjective: دور قتالي، مهمات قتالية، قدرات قتالية) = قتال + ي: issue 6 audit
    "قتالي", "القتالي", "قتالية", "القتالية", "قتاليه", "القتاليه", "قتاليا", "والقتالية", "والقتاليه",
    "قتاليين", "القتاليين",
))


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    form: str
    pos: str
    type: str
    mode: str | None
    fatal: bool
    block_prev: frozenset[str]
    block_next: frozenset[str]

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.form.split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    single: dict[str, TriggerEntry]
    phrases: dict[str, list[TriggerEntry]]  # first word (exact) -> phrases starting with it
    size: int
    stems: frozenset[str] = frozenset()  # every single-word surface form (a fast pre-filter)
    _memo: dict[tuple[str, str | None], tuple[bool, TriggerEntry | None]] = field(
        default_factory=dict, compare=False, repr=False)

    def probe(self, word_norm: str, stem_norm: str | None = None) -> tuple[bool, TriggerEntry | None]:
        """(a phrase may start here, the single-word entry) for one word; memoized per word form."""
        memo = self._memo
        key = (word_norm, stem_norm)
        found = memo.get(key)
        if found is None:
            if len(memo) >= WORD_CACHE_SIZE:
                memo.clear()
            if word_norm in NEVER_TRIGGERS:
                memo[key] = (False, None)
                return False, None
            forms = stripped_forms(word_norm)
            found = (any(form in self.phrases for form in forms), self.lookup(word_norm, stem_norm))
            memo[key] = found
        return found

    def lookup(self, word_norm: str, stem_norm: str | None = None) -> TriggerEntry | None:
        """The entry for one normalized word (clitics allowed), or None."""
        if self.stems.isdisjoint(stripped_forms(word_norm)) and (stem_norm is None or stem_norm not in self.single):
            return None  # fast path: no clitic-stripped form of the word is a trigger form
        for candidate, proclitic in _candidates(word_norm, stem_norm):
            entry = self.single.get(candidate)
            if entry is not None and _compatible(entry.pos, proclitic):
                return entry
        return None


def _compatible(pos: str, proclitic: str) -> bool:
    """Verbs take no article and no preposition; only imperfect verbs take the future marker."""
    if pos in ("V", "V+"):
        return proclitic in ("", "و", "ف")
    if pos == "I":
        return "ال" not in proclitic and not any(p in proclitic for p in "بك")
    return "س" not in proclitic


def _surface_forms(form: str, pos: str) -> list[str]:
    if pos in ("V", "V+"):
        return [form + s for s in PAST_SUFFIXES if pos == "V" or s not in ("", "ا")]
    if pos == "I":
        return [p + form + s for p in IMPERFECT_PREFIXES for s in IMPERFECT_SUFFIXES]
    if pos == "N":
        forms = [form + s for s in NOUN_SUFFIXES]
        if form.endswith("ه"):  # ta marbuta: غاره -> غارات, غارتين
            base = form[:-1]
            forms += [base + "ات", base + "تين", base + "تان", base + "ت"]
        return forms
    return [form]


def _parse_block(value: str) -> tuple[frozenset[str], frozenset[str]]:
    prev, nxt = set(), set()
    for item in (v.strip() for v in value.split(",")):
        if item.startswith("<"):
            prev.add(normalize_key(item[1:]))
        elif item.startswith(">"):
            nxt.add(normalize_key(item[1:]))
    return frozenset(prev), frozenset(nxt)


def parse_lexicon(lines: list[str]) -> Lexicon:
    single: dict[str, TriggerEntry] = {}
    phrases: dict[str, list[TriggerEntry]] = {}
    size = 0
    header_seen = False
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            if line.startswith("form\t"):
                continue
        cols = (line.split("\t") + [""] * 6)[:6]
        form, pos, type_, mode, fatal, block = (c.strip() for c in cols)
        form = normalize_key(form)
        prev, nxt = _parse_block(block)
        entry = TriggerEntry(form, pos, type_, None if mode in ("", "-") else mode, fatal == "1", prev, nxt)
        size += 1
        if " " in form:
            phrases.setdefault(form.split()[0], []).append(entry)
            continue
        for surface in _surface_forms(form, pos):
            single.setdefault(surface, entry)
    for entries in phrases.values():
        entries.sort(key=lambda e: -len(e.words))
    return Lexicon(single, phrases, size, frozenset(single))


@lru_cache(maxsize=4)
def load_lexicon(path: Path = TRIGGERS_PATH) -> Lexicon:
    return parse_lexicon(path.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _candidates(word: str, stem: str | None = None) -> tuple[tuple[str, str], ...]:
    """(form, proclitic) pairs of ``word`` with proclitics and/or an enclitic removed, whole word first.

    ``stem`` is the stem segment the text core found, when there is one (its proclitic is unknown,
    so it is tried as if bare).
    """
    out: list[tuple[str, str]] = [(word, "")]
    if stem and stem != word:
        out.append((stem, ""))
    bases = [(word, "")]
    for size in range(min(MAX_PROCLITIC, len(word) - MIN_STEM), 0, -1):  # longest proclitic first
        pro = word[:size]
        if pro in PROCLITIC_SET:
            bases.append((word[size:], pro))
    for base, pro in bases:
        if (base, pro) not in out:
            out.append((base, pro))
        for enc in ENCLITICS:
            if base.endswith(enc) and len(base) - len(enc) >= MIN_STEM:
                cut = (base[: -len(enc)], pro)
                if cut not in out:
                    out.append(cut)
    return tuple(out)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def stripped_forms(word: str) -> tuple[str, ...]:
    """The clitic-stripped forms of ``word`` (used for phrase words and cue lookups); cached per word."""
    return tuple(dict.fromkeys(form for form, _ in _candidates(word)))
