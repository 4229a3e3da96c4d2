"""Search keys for Arabic full-text search: normalized tokens plus their proclitic-stripped forms.

Arabic attaches conjunctions, prepositions and the article to the word (والموصل = و + ال + موصل),
so an index of surface words would not find بالموصل when searching الموصل. Each token is indexed
with every form obtained by stripping a valid proclitic sequence (conjunction و/ف, then a
preposition ب/ك/ل or future س, then the article ال, with ل + ال written لل), keeping at least
``MIN_STEM`` letters; a query word is searched by its shortest such form. This is the light
stemming of Larkey, Ballesteros and Connell (2002, "Improving stemming for Arabic information
retrieval"), limited to prefixes so that names are never cut at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from khabar.caches import WORD_CACHE_SIZE
from khabar.text.normalize import normalize_key

MIN_STEM = 3
_WORD = re.compile(r"\w+")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ك", "ل", "س")


def _strip_article(word: str) -> list[str]:
    return [word[2:]] if word.startswith("ال") and len(word) - 2 >= MIN_STEM else []


def variants(word: str) -> list[str]:
    """``word`` (already normalized) and its proclitic-stripped forms, longest first, no repeats."""
    forms = [word]
    conj = [word]
    if word[:1] in _CONJUNCTIONS and len(word) - 1 >= MIN_STEM:
        conj.append(word[1:])
    for base in conj:
        if base is not word:
            forms.append(base)
        forms.extend(_strip_article(base))
        if base[:1] in _PREPOSITIONS and len(base) - 1 >= MIN_STEM:
            rest = base[1:]
            forms.append(rest)
            forms.extend(_strip_article(rest))
            if base[0] == "ل" and rest.startswith("ل") and len(rest) - 1 >= MIN_STEM:
                forms.append(rest[1:])  # لل = ل + ال: للموصل -> موصل
    seen: set[str] = set()
    return [f for f in forms if not (f in seen or seen.add(f))]


_ARTICLE_PREFIX = re.compile(r"^(?:[وف]?[بكل]?ال|[وف]?لل)")


def query_forms(word: str) -> list[str]:
    """The forms one query word matches: itself, and without a proclitic sequence ending in the article.

    Only prefixes ending in ال (ال، بال، وال، وبال، لل ...) are removed from a query word: a word
    typed as وزير or كيري is searched as typed (its attached forms ووزير, للوزير are indexed), so
    a name starting with a letter like ك or ب is never cut.
    """
    match = _ARTICLE_PREFIX.match(word)
    if match and len(word) - match.end() >= MIN_STEM:
        return [word, word[match.end():]]
    return [word]


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, normalized word)`` for each word of ``text``, offsets into ``text``."""
    for match in _WORD.finditer(text):
        key = normalize_key(match.group()).lower()
        if key:
            yield match.start(), match.end(), key


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _index_word(surface: str) -> str:
    """One surface word as indexed: its normalized form followed by its stripped forms ('' if none)."""
    key = normalize_key(surface).lower()
    return " ".join(variants(key)) if key else ""


def index_text(text: str | None) -> str:
    """The text to put in the full-text index: every word followed by its stripped forms."""
    if not text:
        return ""
    return " ".join(filter(None, map(_index_word, _WORD.findall(text))))


Query = list[list[list[str]]]  # groups (all required) of words (in order) of alternative forms


def query_terms(query: str) -> Query:
    """Parse a query into required groups: one word, or a quoted phrase of several words."""
    groups: list[list[str]] = []
    for match in re.finditer(r'"([^"]*)"|(\S+)', normalize_key(query)):
        if match.group(1) is not None:
            phrase = [query_forms(w) for _, _, w in words(match.group(1))]
            if phrase:
                groups.append(phrase)
        else:
            groups.extend([query_forms(w)] for _, _, w in words(match.group(2)))
    return groups


def _fts5_word(forms: list[str]) -> str:
    quoted = ['"' + form.replace('"', '""') + '"' for form in forms]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def fts5_query(groups: Query) -> str:
    """An FTS5 MATCH expression: every group required; a phrase needs all its words close together.

    FTS5 NEAR takes plain phrases only, so a phrase is matched as all of its words (the hits are
    then checked in order by ``phrase_found``).
    """
    return " AND ".join(_fts5_word(forms) for group in groups for forms in group)


def phrase_found(text: str, groups: Query) -> bool:
    """True when every multi-word group of the query occurs as consecutive words of ``text``."""
    phrases = [group for group in groups if len(group) > 1]
    if not phrases:
        return True
    sequence = [set(variants(w)) for _, _, w in words(text)]
    for phrase in phrases:
        size = len(phrase)
        if not any(all(sequence[i + k].intersection(phrase[k]) for k in range(size))
                   for i in range(len(sequence) - size + 1)):
            return False
    return True


def highlight(text: str, groups: Query, width: int = 240) -> tuple[str, list[tuple[int, int]]]:
    """A snippet of ``text`` around the densest cluster of query matches, with match offsets in it."""
    wanted = {form for group in groups for forms in group for form in forms}
    matches = [(s, e) for s, e, w in words(text) if wanted.intersection(variants(w))]
    if not matches:
        snippet = text[:width]
        return snippet.strip(), []
    best, best_count = matches[0][0], 0
    for start, _ in matches:
        count = sum(1 for s, e in matches if start <= s and e <= start + width)
        if count > best_count:
            best, best_count = start, count
    begin = max(0, best - width // 4)
    newline = text.rfind("\n", begin, best)
    if newline != -1:
        begin = newline + 1
    end = min(len(text), begin + width)
    spans = [(s - begin, e - begin) for s, e in matches if begin <= s and e <= end]
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    spans = [(s + len(prefix), e + len(prefix)) for s, e in spans]
    return prefix + text[begin:end].replace("\n", " ") + suffix, spans


def mark(snippet: str, spans: list[tuple[int, int]], before: str = "[", after: str = "]") -> str:
    """``snippet`` with each highlighted span wrapped in ``before``/``after``."""
    out, last = [], 0
    for start, end in spans:
        out.append(snippet[last:start] + before + snippet[start:end] + after)
        last = end
    out.append(snippet[last:])
    return "".join(out)
