"""The rule layer over the CRF: well-known names, GPE vs other places, nationality adjectives (NORP)."""

from __future__ import annotations

from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.ner.arabic import split_proclitics
from khabar.ner.conll import spans
from khabar.ner.lexicon import Lexicon
from khabar.text.normalize import normalize_key

# Nisba endings after the stem (normalized: ة -> ه): العراقية، الأمريكيون، الأمريكيين
_NISBA_ENDINGS = ("ين", "ون", "ان", "ه", "")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def token_key(token: str) -> str:
    return split_proclitics(normalize_key(token))[1]


def stem_keys(tokens: list[str]) -> list[str]:
    return list(map(token_key, tokens))


def bare_clitic_keys(keys: list[str]) -> list[str | None]:
    """Each key without a leading bare proclitic (وأفغانستان -> أفغانستان, بداعش -> داعش)."""
    return [k[1:] if len(k) > 3 and k[0] in "وفبلك" else None for k in keys]


def apply_known_names(tokens: list[str], tags: list[str], lexicon: Lexicon,
                      keys: list[str] | None = None) -> list[str]:
    """Tag well-known names (``K:TYPE`` lexicon entries) that the CRF missed or cut short; a CRF
    name that overlaps one otherwise is kept. ``keys`` may pass ``stem_keys(tokens)``."""
    if keys is None:
        keys = stem_keys(tokens)
    out = list(tags)
    heads = lexicon.known_heads
    alternatives = bare_clitic_keys(keys)
    if heads.isdisjoint(keys) and heads.isdisjoint(alternatives):
        return out
    for start, end, flags in lexicon.matches(keys, alternatives, known_only=True):
        known = [f[2:] for f in flags if f.startswith("K:")]
        if not known:
            continue
        kind = known[0]
        overlapping = [s for s in spans(out) if s[1] < end and start < s[2]]
        if any(not (start <= s[1] and s[2] <= end) or (s[1], s[2]) == (start, end) for s in overlapping):
            continue  # the CRF's own reading wins unless it cut the known name short
        for _, s_start, s_end in overlapping:
            for k in range(s_start, s_end):
                out[k] = "O"
        out[start] = f"B-{kind}"
        for k in range(start + 1, end):
            out[k] = f"I-{kind}"
    return out


def is_gpe(tokens: list[str], lexicon: Lexicon) -> bool:
    """A place that is a country or a (large) city per the shipped gazetteer."""
    keys = stem_keys(tokens)
    flags = lexicon.flags(" ".join(keys))
    if len(keys) > 1 and not {"G", "C"} & flags and "N" in lexicon.flags(keys[-1].removesuffix("ه")):
        flags = lexicon.flags(" ".join(keys[:-1]))  # الولايات المتحدة الأمريكية
    return "G" in flags or "C" in flags


def is_nisba(token: str, lexicon: Lexicon) -> bool:
    """A nationality adjective: a nisba stem of the lexicon plus an ending (cached per lexicon)."""
    cache = lexicon.cache
    found = cache.get(token)
    if found is None:
        stem = token_key(token)
        found = False
        for ending in _NISBA_ENDINGS:
            if stem.endswith(ending) and len(stem) - len(ending) >= 3:
                base = stem[: len(stem) - len(ending)] if ending else stem
                if "N" in lexicon.flags(base):
                    found = True
                    break
        if len(cache) > WORD_CACHE_SIZE:
            cache.clear()
        cache[token] = found
    return found


def nisba_spans(tokens: list[str], tags: list[str], lexicon: Lexicon) -> list[tuple[int, int]]:
    """Single-token nationality adjectives (الروسي، العراقية) outside CRF names."""
    cache = lexicon.cache  # is_nisba's memo, read directly: this runs for every token
    found: list[tuple[int, int]] = []
    for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
        if tag == "O":
            known = cache.get(token)
            if known or (known is None and is_nisba(token, lexicon)):
                found.append((i, i + 1))
    return found


def propagate(sentences: list[list[str]], tags: list[list[str]], max_len: int = 4,
              keys: list[list[str]] | None = None) -> list[list[str]]:
    """Document-level consistency: a name tagged once in a document is tagged wherever else the
    same word sequence (article/clitic-insensitive) occurs untagged. ``keys`` may pass each
    sentence's ``stem_keys``."""
    names: dict[tuple[str, ...], str] = {}
    if keys is None:
        keys = [stem_keys(words) for words in sentences]
    for sentence_keys, sentence_tags in zip(keys, tags, strict=True):
        for kind, start, end in spans(sentence_tags):
            name = tuple(sentence_keys[start:end])
            if end - start <= max_len and all(len(k) >= 3 for k in name):
                names.setdefault(name, kind)
    if not names:
        return tags
    heads = {name[0] for name in names}
    out = []
    for sentence_keys, sentence_tags in zip(keys, tags, strict=True):
        fixed = list(sentence_tags)
        if heads.isdisjoint(sentence_keys):
            out.append(fixed)
            continue
        i = 0
        while i < len(fixed):
            if sentence_keys[i] not in heads:
                i += 1
                continue
            for j in range(min(len(fixed), i + max_len), i, -1):
                kind = names.get(tuple(sentence_keys[i:j]))
                if kind and all(t == "O" for t in fixed[i:j]):
                    fixed[i] = f"B-{kind}"
                    for k in range(i + 1, j):
                        fixed[k] = f"I-{kind}"
                    i = j - 1
                    break
            i += 1
        out.append(fixed)
    return out
