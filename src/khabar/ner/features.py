"""Token features for the CRF: word forms, affixes, clitics, shape, gazetteer, rarity, clusters, context."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from khabar.ner.arabic import shape, split_proclitics
from khabar.ner.lexicon import Lexicon
from khabar.ner.triggers import TRIGGERS
from khabar.text.normalize import normalize_key


@lru_cache(maxsize=1)
def _zipf():  # wordfreq loads its Arabic table (about 0.5 s) on first use only
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=300_000)
def rarity(word: str) -> str:
    return str(int(_zipf()(word, "ar")))


@dataclass
class FeatureConfig:
    lexicon: bool = True
    rarity: bool = False  # wordfreq Zipf buckets: measured slightly worse on dev (0.7754 vs 0.7806 without)
    clusters: bool = True
    window: int = 2
    affixes: bool = True
    options: dict[str, bool] = field(default_factory=dict)


@dataclass
class Featurizer:
    lexicon: Lexicon
    clusters: dict[str, str] = field(default_factory=dict)
    config: FeatureConfig = field(default_factory=FeatureConfig)
    _cache: dict[str, tuple[list[str], list[str], dict[int, list[str]]]] = field(default_factory=dict, repr=False)

    def _base(self, token: str) -> tuple[list[str], list[str], dict[int, list[str]]]:
        """(own features, features shared with neighbours, those features as seen from each
        neighbour offset) of one token, cached by token."""
        cached = self._cache.get(token)
        if cached is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            own, ctx = self._compute(token)
            win = self.config.window
            shifted = {d: [f"{d}:{f}" for f in ctx] + ([f"{d}:{own[1]}"] if abs(d) == 1 else [])
                       for d in range(-win, win + 1) if d}
            cached = self._cache[token] = (own, ctx, shifted)
        return cached

    def _compute(self, token: str) -> tuple[list[str], list[str]]:
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
            for flag in self.lexicon.flags(stem):
                ctx.append(f"lx={flag}")
            if not pre and norm[:1] in "وفب" and len(norm) > 3:
                for flag in self.lexicon.flags(norm[1:]):
                    own.append(f"lx1={flag}")
        if self.config.rarity and kind == "arabic":
            ctx.append(f"zf={rarity(token)}")
        if self.config.clusters and self.clusters:
            cluster = self.clusters.get(stem) or self.clusters.get(norm)
            if cluster:
                ctx += [f"c{level}={code}" for level, code in enumerate(cluster.split("."))]
        return own, ctx

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        bases = [self._base(t) for t in tokens]
        stems = [b[1][1][2:] for b in bases]
        gaz: list[str] = ["O"] * len(tokens)
        if self.config.lexicon:
            for start, end, flags in self.lexicon.matches(stems):
                if end - start > 1:
                    label = "".join(sorted(f for f in flags if len(f) == 1 or f.startswith("K")))
                    gaz[start] = f"B{label}"
                    for k in range(start + 1, end):
                        gaz[k] = f"I{label}"
        out: list[list[str]] = []
        n = len(tokens)
        win = self.config.window
        for i in range(n):
            own, ctx, _shifted = bases[i]
            feats = ["bias", *own, *ctx, f"g={gaz[i]}"]
            for d in range(-win, win + 1):
                if d == 0:
                    continue
                j = i + d
                if 0 <= j < n:
                    feats += bases[j][2][d]
                    if abs(d) == 1:
                        feats.append(f"{d}:g={gaz[j]}")
                else:
                    feats.append(f"{d}:pad")
            if i > 0:
                feats.append(f"bg-={stems[i - 1]}|{stems[i]}")
            if i + 1 < n:
                feats.append(f"bg+={stems[i]}|{stems[i + 1]}")
            out.append(feats)
        return out
