"""The speech-cue and channel lexicons (``data/quotes/*.tsv``), loaded once and folded for matching."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from khabar.paths import PACKAGE_DATA
from khabar.text.normalize import normalize_key

DATA_DIR = PACKAGE_DATA / "quotes"
# Proclitics a channel phrase may carry on its first word (وفي بيان، بمقابلة، لتلفزيون ...).
CHANNEL_STRIPS = ("", "و", "ب", "ل", "وب", "ف", "وف", "فب")


@dataclass(frozen=True, slots=True)
class CueForm:
    """One surface form of a speech cue."""

    form: str  # folded form
    lemma: str
    type: str  # verb | participle | source
    person: int
    prep: str | None  # folded preposition that may precede the complementizer
    channel: str | None
    strict: bool
    takes_object: bool
    reply: bool
    adjacent: bool = False
    comp_only: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: dict[str, tuple[CueForm, ...]]
    channels: dict[tuple[str, ...], str]
    channel_max_len: int
    channel_first: frozenset[str] = frozenset()  # first words of the channel phrases with their proclitics

    def lookup(self, norm: str) -> tuple[CueForm, ...]:
        return self.cues.get(norm, ())


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _opt(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    cues: dict[str, list[CueForm]] = {}
    for row in _rows(DATA_DIR / "cues.tsv"):
        lemma, type_, person, forms, prep, channel, flags = (row + ["-"] * 7)[:7]
        flag_set = {f.strip() for f in flags.split(",")}
        prep_norm = _opt(prep)
        for form in forms.split(","):
            norm = normalize_key(form.strip())
            if not norm:
                continue
            cue = CueForm(norm, lemma, type_, int(person), normalize_key(prep_norm) if prep_norm else None,
                          _opt(channel), "strict" in flag_set, "object" in flag_set, "reply" in flag_set, "adjacent" in flag_set,
                          "comp" in flag_set)
            cues.setdefault(norm, []).append(cue)
    channels: dict[tuple[str, ...], str] = {}
    for row in _rows(DATA_DIR / "channels.tsv"):
        if len(row) >= 2:
            channels[tuple(normalize_key(w) for w in row[0].split())] = row[1].strip()
    longest = max((len(k) for k in channels), default=1)
    return Lexicon({k: tuple(v) for k, v in cues.items()}, channels, longest, frozenset(
        strip + k[0] for k in channels for strip in CHANNEL_STRIPS))


def lexicon_size() -> tuple[int, int, int]:
    """(lemmas, surface forms, channel phrases)."""
    lex = load_lexicon()
    lemmas = {c.lemma for forms in lex.cues.values() for c in forms}
    return len(lemmas), len(lex.cues), len(lex.channels)
