"""Token features for the CRF: word forms, affixes, clitics, shape, gazetteer, clusters, context and
(optionally) document-level evidence about the same word elsewhere in the article."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.ner.arabic import shape, split_proclitics
from khabar.ner.lexicon import Lexicon
from khabar.ner.triggers import TRIGGERS
from khabar.text.normalize import normalize_key

CACHE_SIZE = WORD_CACHE_SIZE  # per-word feature lists kept (cleared when full)


@lru_cache(maxsize=1)
def _zipf():  # wordfreq loads its Arabic table (about 0.5 s) on first use only
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=WORD_CACHE_SIZE)
def rarity(word: str) -> str:
    return str(int(_zipf()(word, "ar")))


@dataclass
class FeatureConfig:
    lexicon: bool = True
    rarity: bool = False  # wordfreq Zipf buckets: measured slightly worse on dev (0.7754 vs 0.7806 without)
    clusters: bool = True
    window: int = 2
    affixes: bool = True
    document: bool = False  # features from the word's other occurrences in the same document
    left_pair: bool = True  # the two words before the token as one feature (dev F1 +0.0075)
    right_pair: bool = False  # the two words after the token as one feature
    options: dict[str, bool] = field(default_factory=dict)


@lru_cache(maxsize=8)
def _prefixes(window: int) -> tuple[tuple[int, str], ...]:
    """Neighbour offsets and their feature prefixes (``-2:`` ... ``2:``)."""
    return tuple((d, f"{d}:") for d in range(-window, window + 1) if d)


class _Base:
    """The cached, context-free part of one word's features."""

    __slots__ = ("arabic", "own", "shifted", "stem", "trigger")

    def __init__(self, own: list[str], stem: str, trigger: str | None, shifted: dict[int, list[str]],
                 arabic: bool) -> None:
        self.own = own
        self.stem = stem
        self.trigger = trigger
        self.shifted = shifted
        self.arabic = arabic


@dataclass
class Featurizer:
    lexicon: Lexicon
    clusters: dict[str, str] = field(default_factory=dict)
    config: FeatureConfig = field(default_factory=FeatureConfig)
    _cache: dict[str, _Base] = field(default_factory=dict, repr=False)

    def _base(self, token: str) -> _Base:
        cached = self._cache.get(token)
        if cached is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            cached = self._cache[token] = self._compute(token)
        return cached

    def word(self, token: str) -> tuple[list[str], list[str], str, str | None, bool]:
        """One word's context-free features: ``(own, context, stem, trigger, arabic)``; the token's
        own feature list is ``["bias", *own, *context]``, and its neighbours at offset ``d`` see
        ``context`` (plus the shape at ±1) prefixed with ``d:``."""
        norm = normalize_key(token)
        pre, stem = split_proclitics(norm)
        kind = shape(token)
        own = [f"w={token}", f"sh={kind}", f"len={min(len(stem), 8)}"]
        ctx = [f"n={norm}", f"s={stem}"]
        if pre:
            own.append(f"pre={pre}")
        if self.config.affixes and kind == "arabic":
            own += [f"p2={stem[:2]}", f"p3={stem[:3]}", f"x1={norm[-1:]}", f"x2={norm[-2:]}",
                    f"x3={norm[-3:]}", f"x4={norm[-4:]}"]
            if norm[:1] in "وفبلك" and len(norm) > 3:
                own.append(f"w1={norm[1:]}")
        trigger = TRIGGERS.get(stem)
        if trigger:
            ctx.append(f"tr={trigger}")
        if self.config.lexicon:
            for flag in sorted(self.lexicon.flags(stem)):
                ctx.append(f"lx={flag}")
            if not pre and norm[:1] in "وفب" and len(norm) > 3:
                for flag in sorted(self.lexicon.flags(norm[1:])):
                    own.append(f"lx1={flag}")
        if self.config.rarity and kind == "arabic":
            ctx.append(f"zf={rarity(token)}")
        if self.config.clusters and self.clusters:
            cluster = self.clusters.get(stem) or self.clusters.get(norm)
            if cluster:
                ctx += [f"c{level}={code}" for level, code in enumerate(cluster.split("."))]
        return own, ctx, stem, trigger, kind == "arabic"

    def _compute(self, token: str) -> _Base:
        own, ctx, stem, trigger, arabic = self.word(token)
        shifted = {}
        for d, prefix in _prefixes(self.config.window):
            shifted[d] = [prefix + f for f in ctx]
            if d == 1 or d == -1:
                shifted[d].append(prefix + own[1])
        return _Base(["bias", *own, *ctx], stem, trigger, shifted, arabic)

    def gazetteer(self, stems: list[str]) -> list[str]:
        """Each token's multi-word lexicon match label (``B``/``I`` + type letters, or ``O``)."""
        n = len(stems)
        gaz: list[str] = ["O"] * n
        if self.config.lexicon and n > 1:
            for start, end, flags in self.lexicon.matches(stems, min_len=2):
                label = "".join(sorted(f for f in flags if len(f) == 1 or f.startswith("K")))
                gaz[start] = f"B{label}"
                for k in range(start + 1, end):
                    gaz[k] = f"I{label}"
        return gaz

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        return self.document([tokens])[0]

    def document(self, sentences: list[list[str]]) -> list[list[list[str]]]:
        """Feature lists for every token of every sentence of one document."""
        bases = [[self._base(t) for t in tokens] for tokens in sentences]
        extra = self._document_features(bases) if self.config.document else None
        return [self._sentence(b, extra) for b in bases]

    def _sentence(self, bases: list[_Base], extra: dict[str, list[str]] | None) -> list[list[str]]:
        n = len(bases)
        stems = [b.stem for b in bases]
        gaz = self.gazetteer(stems)
        offsets = _prefixes(self.config.window)
        left_pair = self.config.left_pair
        right_pair = self.config.right_pair
        out: list[list[str]] = []
        for i in range(n):
            feats = [*bases[i].own, "g=" + gaz[i]]
            for d, prefix in offsets:
                j = i + d
                if 0 <= j < n:
                    feats += bases[j].shifted[d]
                    if d == 1 or d == -1:
                        feats.append(prefix + "g=" + gaz[j])
                else:
                    feats.append(prefix + "pad")
            if i > 0:
                feats.append(f"bg-={stems[i - 1]}|{stems[i]}")
            if i + 1 < n:
                feats.append(f"bg+={stems[i]}|{stems[i + 1]}")
            if left_pair and i > 1:
                feats.append(f"lp={stems[i - 2]}|{stems[i - 1]}")  # الناطق باسم، وزير الخارجية
            if right_pair and i + 2 < n:
                feats.append(f"rp={stems[i + 1]}|{stems[i + 2]}")
            if extra:
                more = extra.get(stems[i])
                if more:
                    feats += more
            out.append(feats)
        return out

    def _document_features(self, bases: list[list[_Base]]) -> dict[str, list[str]]:
        """For each word (stem) seen more than once in the document: how often, and which trigger
        kinds (رئيس، وزارة، مدينة ...) stood right before its occurrences."""
        count: dict[str, int] = defaultdict(int)
        after: dict[str, set[str]] = defaultdict(set)
        for sentence in bases:
            previous: _Base | None = None
            for base in sentence:
                if base.arabic and len(base.stem) >= 3 and base.trigger is None:
                    count[base.stem] += 1
                    if previous is not None and previous.trigger:
                        after[base.stem].add(previous.trigger)
                previous = base
        out: dict[str, list[str]] = {}
        for stem, seen in count.items():
            if seen > 1 or after[stem]:
                out[stem] = [f"dn={min(seen, 3)}", *(f"dtr={k}" for k in sorted(after[stem]))]
        return out
