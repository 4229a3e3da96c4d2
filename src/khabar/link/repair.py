"""Mention repair against the knowledge base, before linking.

NER spans are sometimes one word too long or too short. Three repairs, each checked against the KB:
0. a prayer time tagged as a place (صلاة المغرب) is dropped; a place right after an institution head
   (أمانة الرياض، جوازات منطقة مكة المكرمة) becomes that institution, an ORG (linked only if the KB knows it);
1. **extend**: a KB name covers the mention plus adjacent words (الحشد -> الحشد الشعبي, روسيا ->
   روسيا البيضاء, السعودية -> وزارة الداخلية السعودية); the longest such name within a few words wins,
   never across punctuation, and a mention it swallows whole is dropped;
2. **trim**: a mention with no KB reading whose longest prefix (or suffix) has one, the rest being ordinary
   words (frequent in Arabic text, not names): جون كيري هاتفيا -> جون كيري;
3. **alias apposition** (``X المعروف بـ Y``، ``X المعروف باسم Y``، ``X أو ما يعرف بـ Y``): X and Y are one
   entity. A mention covering the whole phrase is cut to X; Y becomes a mention of its own, and the pair is
   returned so the linker puts both in one entity (تنظيم الدولة المعروف بداعش -> ISIS).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from khabar.document import Document, Mention
from khabar.link.kb import MEMO_SIZE, PLACE_TYPES, KnowledgeBase
from khabar.link.keys import (
    INSTITUTION_HEADS,
    ORG_DESCRIPTORS,
    PERSON_TITLES,
    PLACE_DESCRIPTORS,
    PRAYER_TIMES,
    PRAYER_WORDS,
    clitic_forms,
    clitic_words,
    name_key,
)
from khabar.link.resolve import cached_candidates
from khabar.link.scan import Word, _skip_letters

NAME_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "MISC"})
ADMIN_FEATURES = frozenset({"ADM1", "ADM2"})
EXTEND_WINDOW = 3           # words a KB name may add on either side of a mention
TRIM_MAX_WORDS = 2          # words a trim may drop
# First words of an office written right after a person's name (ولي العهد، النائب الثاني، وزير الدفاع، أمير
# منطقة تبوك). Source: Saudi and Arab news usage.
OFFICE_WORDS = frozenset(name_key(w) for w in (
    "ولي", "نائب", "النائب", "وزير", "رئيس", "أمير", "مستشار", "سفير", "الأمين", "المتحدث", "الناطق",
    "محافظ", "عضو", "المبعوث", "قائد", "مدير",
))
COMMON_WORD_ZIPF = 3.0
FUNCTION_WORD_ZIPF = 5.5    # from here a word is a function word or verb (في، التي، قال) that ends an alias      # wordfreq Zipf from which a word is an ordinary Arabic word, not a rare name
# Which KB entry types may absorb a mention of each NER type when extending it (a place inside an
# organization's name: السعودية in وزارة الداخلية السعودية).
EXTEND_TYPES: dict[str, frozenset[str]] = {
    "PER": frozenset({"PER"}), "ORG": frozenset({"ORG"}),
    "GPE": PLACE_TYPES | {"ORG"}, "LOC": PLACE_TYPES | {"ORG"}, "MISC": frozenset({"PER", "ORG"}) | PLACE_TYPES,
}
# Alias cues: "X المعروف بـ Y" and variants (source: Arabic news usage). Matched on folded words; a cue's
# last word may carry the ب of the alias (المعروف بداعش) or be followed by باسم / بـ.
ALIAS_CUES: tuple[tuple[str, ...], ...] = tuple(tuple(name_key(w).split()) for w in (
    "المعروف", "المعروفة", "والمعروف", "والمعروفة", "المعروفين", "المسمى", "المسماة", "الملقب", "الملقبة",
    "المعروف اختصارا", "المعروفة اختصارا", "المعروف إعلاميا", "المعروفة إعلاميا",
    "أو ما يعرف", "او ما يعرف", "أو ما يسمى", "او ما يسمى", "الذي يعرف", "التي تعرف", "الذي يسمى", "التي تسمى",
    "ما يعرف", "ما يسمى", "أو ما بات يعرف", "المعروف محليا", "المعروفة محليا",
))
ALIAS_NAME_WORDS = frozenset(name_key(w) for w in ("باسم", "بإسم", "ب", "بـ", "بلقب", "باختصار"))
# Set phrases whose words look like place names (باليمن والبركات "with blessings", في المائة "percent").
# Source: Arabic news usage (Eid greetings, percentages).
IDIOMS: tuple[tuple[str, ...], ...] = tuple(tuple(name_key(w).split()) for w in (
    "باليمن والبركات", "باليمن والخير والبركات", "في المائة", "في المئة", "بالمائة", "بالمئة",
    # audit of unseen news (issue 4): "the seat of power", "the guardian jurist", "white ants"
    "سدة الحكم", "سدة الرئاسة", "لسدة الحكم", "لسدة الرئاسة", "الولي الفقيه", "ولاية الفقيه", "النمل الأبيض",
    # "within the framework of" (Atar), "the last five years" (Khoms), glaucoma and cataract (Zarqa)
    "في إطار", "في اطار", "ضمن إطار", "السنوات الخمس", "الأعوام الخمس", "السنوات الخمسة", "المياه الزرقاء",
    "المياه البيضاء",
))
IDIOM_WORDS = frozenset(word for phrase in IDIOMS for word in phrase)
PUNCTUATION = frozenset("،,.:؛;!?؟()[]«»\"“”\n")
_CUES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _cue in ALIAS_CUES:
    _CUES_BY_FIRST.setdefault(_cue[0], []).append(_cue)


@dataclass
class Repaired:
    mentions: list[Mention]
    aliases: list[tuple[Mention, Mention]] = field(default_factory=list)  # (name, alias): one entity
    changed: int = 0


@lru_cache(maxsize=50_000)
def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # optional: without it no trim is made
        return 0.0
    return float(zipf_frequency(word, "ar"))


_NAME_WORDS: dict[int, tuple[KnowledgeBase, frozenset[str]]] = {}


def _name_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every word of a curated person/organization name (الحسين، بن): never an ordinary word to trim."""
    cached = _NAME_WORDS.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    found = frozenset(word for entry in kb.entries if entry.source != "places"
                      for name in entry.names() for word in name_key(name).split())
    _NAME_WORDS[id(kb)] = (kb, found)
    return found


def _descriptive(key: str, kb: KnowledgeBase) -> bool:
    return any(v in PLACE_DESCRIPTORS or v in ORG_DESCRIPTORS or v in PERSON_TITLES or v in kb.nationalities
               for v, _ in clitic_forms(key))


def _clean_gap(text: str, left: Word, right: Word) -> bool:
    return PUNCTUATION.isdisjoint(text[left.end:right.start])


def _multiword_heads(kb: KnowledgeBase) -> frozenset[str]:
    """The first word of every KB key of two or more words."""
    return frozenset(key.partition(" ")[0] for key in kb.index if " " in key)


def _new_head_memo(_kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    return {}


class _Repairer:
    def __init__(self, doc: Document, kb: KnowledgeBase, tokens: list[Word]) -> None:
        self.doc, self.kb, self.tokens = doc, kb, tokens
        self.name_words = _name_words(kb)
        self.heads = kb.derived("multiword_heads", _multiword_heads)
        self.head_memo: dict[str, tuple[str, ...]] = kb.derived("multiword_head_variants", _new_head_memo)
        self.starts = [t.start for t in tokens]
        self.ends = [t.end for t in tokens]
        text, clean = doc.text, PUNCTUATION.isdisjoint
        self.clean = [clean(text[end:start]) for end, start in zip(self.ends[:-1], self.starts[1:], strict=True)]

    def covered(self, mention: Mention) -> tuple[int, int] | None:
        """Indices of the first and last token the mention overlaps."""
        first = bisect_right(self.ends, mention.start)      # first token ending after the mention starts
        last = bisect_left(self.starts, mention.end) - 1    # last token starting before the mention ends
        return (first, last) if first <= last else None

    def mention(self, start: int, end: int, kind: str, like: Mention) -> Mention:
        return Mention(start, end, self.doc.text[start:end], kind, like.source, like.confidence)

    # -- 1. extend
    def extend(self, mention: Mention, taken: list[Mention]) -> Mention | None:
        span = self.covered(mention)
        if span is None or mention.type not in EXTEND_TYPES:
            return None
        first, last = span
        # only a word with a variant starting some KB name of 2+ words can start one (see ``_kb_name``):
        # most mentions have no such word at or just before their start, and nothing else is tried for them
        heads = {a: self._head_variants(self.tokens[a].key) for a in range(max(0, first - EXTEND_WINDOW), first)}
        first_head = name_key(self.doc.text[mention.start:self.tokens[first].end])
        heads[first] = self._head_variants(first_head)
        if not any(heads.values()):
            return None
        types = EXTEND_TYPES[mention.type]
        best: tuple[int, int, int, str] | None = None  # (words, start offset, last token, type)
        for a in range(max(0, first - EXTEND_WINDOW), first + 1):
            variants = list(heads[a])
            if not variants or not all(self.clean[a:first]):
                continue
            # a title or descriptor is not part of the name (الأمير، تنظيم، مدينة), except in the official name of
            # an administrative area (منطقة عسير، منطقة الحدود الشمالية: the KB's ADM1/ADM2 names)
            admin_only = a < first and all(_descriptive(t.key, self.kb) for t in self.tokens[a:first])
            if admin_only and mention.type not in PLACE_TYPES:
                continue
            head = first_head if a == first else self.tokens[a].key
            for b in range(min(len(self.tokens) - 1, last + EXTEND_WINDOW), last - 1, -1):
                if (a, b) == (first, last) or (best is not None and b - a + 1 <= best[0]):
                    continue
                if not all(self.clean[last:b]):
                    continue
                found = self._kb_name(a, b, first, mention, types, head, variants, admin_only)
                if found is not None:
                    best = (b - a + 1, found[0], b, found[1])
        if best is None:
            return None
        _, start, b, kind = best
        end = self.tokens[b].end if b > last else mention.end
        if any(o is not mention and o.start < end and start < o.end and not (start <= o.start and o.end <= end)
               for o in taken):
            return None  # it would cut another mention in two
        return self.mention(start, end, kind, mention)

    def _head_variants(self, key: str) -> tuple[str, ...]:
        """The clitic variants of ``key`` whose first word starts a KB name of 2+ words (memoized per key)."""
        memo = self.head_memo
        found = memo.get(key)
        if found is None:
            if len(memo) > MEMO_SIZE:
                memo.clear()
            found = memo[key] = tuple(v for v, _ in clitic_forms(key) if v.partition(" ")[0] in self.heads) \
                if key else ()
        return found

    def _kb_name(self, a: int, b: int, first: int, mention: Mention, types: frozenset[str], head: str,
                 variants: list[str], admin_only: bool = False) -> tuple[int, str] | None:
        """(start offset, type) when tokens a..b (a == first: from the mention's start) are a KB name.

        ``head`` is the first word's key, ``variants`` its clitic variants that begin a KB name of 2+ words
        (no other variant can give a key found below).
        """
        rest = " ".join(t.key for t in self.tokens[a + 1:b + 1])
        for variant in variants:
            key = f"{variant} {rest}".strip()
            entries = [e for e in self.kb.lookup(key, with_article_variants=False) if e.type in types
                       and (not admin_only or (e.feature in ADMIN_FEATURES and name_key(e.name_ar) == key))]
            if not entries or len(key.split()) < 2:
                continue
            if a == first:
                start = mention.start if variant == head else _skip_letters(
                    self.doc.text, mention.start, len(head) - len(variant))
            else:
                start = _skip_letters(self.doc.text, self.tokens[a].start, len(self.tokens[a].key) - len(variant))
            kind = mention.type if entries[0].type in PLACE_TYPES and mention.type in PLACE_TYPES else (
                "GPE" if entries[0].type in PLACE_TYPES else entries[0].type)
            return start, kind
        return None

    # -- institutions named after a place; prayer times
    def institution(self, mention: Mention) -> Mention | None:
        """أمانة الرياض، جوازات منطقة مكة المكرمة: the place is part of an (unlinked) organization's name."""
        span = self.covered(mention)
        if span is None or mention.type not in PLACE_TYPES:
            return None
        head = span[0] - 1
        if head >= 0 and self.tokens[head].key in PLACE_DESCRIPTORS:
            head -= 1
        if head < 0 or self.tokens[head].key not in INSTITUTION_HEADS or any(
                not _clean_gap(self.doc.text, self.tokens[k], self.tokens[k + 1]) for k in range(head, span[0])):
            return None
        key = self.tokens[head].key
        bare = min((v for v, _ in clitic_forms(key) if v in INSTITUTION_HEADS), key=len, default=key)
        start = _skip_letters(self.doc.text, self.tokens[head].start, len(key) - len(bare))
        return self.mention(start, mention.end, "ORG", mention)

    def prayer_time(self, mention: Mention) -> bool:
        """صلاة المغرب: a prayer, not Morocco."""
        span = self.covered(mention)
        return (span is not None and span[0] > 0 and name_key(mention.text) in PRAYER_TIMES
                and self.tokens[span[0] - 1].key in PRAYER_WORDS)

    def idiom(self, mention: Mention) -> bool:
        """The mention lies inside a set phrase (باليمن والبركات): not a name."""
        span = self.covered(mention)
        return span is not None and in_idiom(self.tokens, span[0], span[1])

    # -- 2. trim
    def title_tail(self, mention: Mention) -> Mention | None:
        """A person's name run into the office that follows it (محمد بن سلمان ولي ولي العهد، ... وزير الدفاع):
        cut before the first office word after two or more name words, when the name has a KB reading."""
        span = self.covered(mention)
        if span is None or mention.type != "PER" or span[1] - span[0] < 2:
            return None
        first, last = span
        for index in range(first + 2, last + 1):
            if not OFFICE_WORDS.isdisjoint(clitic_words(self.tokens[index].key)):
                kept = name_key(self.doc.text[mention.start:self.tokens[index - 1].end])
                if cached_candidates(self.kb, kept, "PER"):
                    return self.mention(mention.start, self.tokens[index - 1].end, mention.type, mention)
                return None
        return None

    def trim(self, mention: Mention) -> Mention | None:
        span = self.covered(mention)
        key = name_key(mention.text)
        if span is None or len(key.split()) < 2 or cached_candidates(self.kb, key, mention.type):
            return None
        first, last = span
        for drop in range(1, min(TRIM_MAX_WORDS, last - first) + 1):
            kept_last = last - drop
            prefix = name_key(self.doc.text[mention.start:self.tokens[kept_last].end])
            if self._ordinary(range(kept_last + 1, last + 1)) and self._sure(prefix, mention.type):
                return self.mention(mention.start, self.tokens[kept_last].end, mention.type, mention)
            kept_first = first + drop
            suffix = name_key(self.doc.text[self.tokens[kept_first].start:mention.end])
            if mention.type == "PER" and self._ordinary(range(first, kept_first)) and self._sure(suffix, "PER"):
                return self.mention(self.tokens[kept_first].start, mention.end, mention.type, mention)
        return None

    def _sure(self, key: str, mention_type: str) -> bool:
        """A kept part worth trimming to: a KB name of 2+ words, or a curated person/organization.

        A single word matching only a GeoNames place (عين of عين دار) is too weak to cut a name for.
        """
        found = cached_candidates(self.kb, key, mention_type)
        return bool(found) and (len(key.split()) > 1 or any(c.entry.source != "places" for c in found))

    def _ordinary(self, indices: range) -> bool:
        """Every word is a frequent Arabic word that names nothing in the KB (هاتفيا، أمس، وقال)."""
        for index in indices:
            token = self.tokens[index]
            if any(v in self.kb.index or v in self.kb.nationalities or v in self.name_words
                   for v, _ in clitic_forms(token.key)):
                return False
            if _zipf(self.doc.text[token.start:token.end]) < COMMON_WORD_ZIPF:
                return False
        return True

    # -- 3. alias apposition
    def alias_cue(self, index: int) -> tuple[int, int] | None:
        """(first, last) token of an alias cue starting at ``index``, the ب/باسم word included."""
        if index >= len(self.tokens):
            return None
        for cue in _CUES_BY_FIRST.get(self.tokens[index].key, ()):
            end = index + len(cue)
            if end > len(self.tokens):
                continue
            words_ = [t.key for t in self.tokens[index:end]]
            if words_ != list(cue):
                continue
            if end < len(self.tokens) and self.tokens[end].key in ALIAS_NAME_WORDS:
                return index, end
            return index, end - 1
        return None

    def alias_after(self, mention: Mention, span: tuple[int, int]) -> tuple[int, int, int] | None:
        """(cue token, alias start offset, alias last token) when the mention's words are followed by a cue."""
        cue_at = span[1] + 1
        if cue_at >= len(self.tokens) or not _clean_gap(self.doc.text, self.tokens[span[1]], self.tokens[cue_at]):
            return None
        cue = self.alias_cue(cue_at)
        if cue is None:
            return None
        alias_first = cue[1] + 1
        if alias_first >= len(self.tokens):
            return None
        token = self.tokens[alias_first]
        # the alias word may carry the ب itself: المعروف بداعش
        start = token.start
        if self.tokens[cue[1]].key not in ALIAS_NAME_WORDS and token.key.startswith("ب") and len(token.key) > 3:
            start = _skip_letters(self.doc.text, token.start, 1)
        head = name_key(self.doc.text[start:token.end])
        for b in range(min(len(self.tokens) - 1, alias_first + EXTEND_WINDOW), alias_first - 1, -1):
            rest = " ".join(t.key for t in self.tokens[alias_first + 1:b + 1])
            if self.kb.lookup(f"{head} {rest}".strip(), with_article_variants=False):
                return cue_at, start, b
        # not in the KB: the alias runs to punctuation or a function word (at most EXTEND_WINDOW words)
        last = alias_first
        while (last + 1 < len(self.tokens) and last + 1 <= alias_first + EXTEND_WINDOW - 1
               and _clean_gap(self.doc.text, self.tokens[last], self.tokens[last + 1])
               and _zipf(self.doc.text[self.tokens[last + 1].start:self.tokens[last + 1].end]) < FUNCTION_WORD_ZIPF):
            last += 1
        return cue_at, start, last


def in_idiom(tokens: list[Word], first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` lie inside one of the ``IDIOMS`` (باليمن والبركات، في المائة)."""
    if all(tokens[k].key not in IDIOM_WORDS for k in range(first, last + 1)):
        return False
    for phrase in IDIOMS:
        for start in range(max(0, last - len(phrase) + 1), first + 1):
            if start + len(phrase) > len(tokens) or start + len(phrase) - 1 < last:
                continue
            if all(tokens[start + k].key == word for k, word in enumerate(phrase)):
                return True
    return False


def repair_mentions(doc: Document, kb: KnowledgeBase, tokens: list[Word]) -> Repaired:
    """Repaired copies of ``doc.mentions`` (see the module doc); NORP and non-name mentions are kept as they are."""
    repairer = _Repairer(doc, kb, tokens)
    result = Repaired([])
    pending = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
    dropped: set[int] = set()
    for mention in pending:
        if id(mention) in dropped:
            continue
        if mention.type not in NAME_TYPES or not name_key(mention.text):
            result.mentions.append(mention)
            continue
        if repairer.prayer_time(mention) or repairer.idiom(mention):
            result.changed += 1
            continue
        fixed = _apposition(repairer, mention, pending, result)
        fixed = repairer.title_tail(fixed) or repairer.trim(fixed) or fixed
        extended = repairer.extend(fixed, pending)
        extended = repairer.institution(extended or fixed) or extended
        if extended is not None:
            for other in pending:
                if other is not mention and extended.start <= other.start and other.end <= extended.end \
                        and other.type != "NORP":
                    dropped.add(id(other))
            fixed = extended
        if (fixed.start, fixed.end) != (mention.start, mention.end):
            result.changed += 1
            for index, (name, alias) in enumerate(result.aliases):
                if name is mention:
                    result.aliases[index] = (fixed, alias)
        result.mentions.append(fixed)
    kept = [m for m in result.mentions if id(m) not in dropped]
    result.aliases = [(n, a) for n, a in result.aliases if id(n) not in dropped and id(a) not in dropped]
    result.mentions = sorted(kept, key=lambda m: (m.start, m.end))
    return result


def _apposition(repairer: _Repairer, mention: Mention, pending: list[Mention], result: Repaired) -> Mention:
    """Cut ``X المعروف بـ Y`` to X and pair X with Y (an existing mention of Y, else a new one)."""
    span = repairer.covered(mention)
    if span is None:
        return mention
    tokens = repairer.tokens
    for index in range(span[0] + 1, span[1] + 1):  # the cue inside the mention
        if repairer.alias_cue(index) is not None:
            name = repairer.mention(mention.start, tokens[index - 1].end, mention.type, mention)
            found = repairer.alias_after(name, (span[0], index - 1))
            if found is None:
                return name
            _, start, last = found
            alias = repairer.mention(start, tokens[last].end, mention.type, mention)
            result.mentions.append(alias)
            result.aliases.append((name, alias))
            result.changed += 1
            return name
    found = repairer.alias_after(mention, span)
    if found is not None:
        _, start, last = found
        end = tokens[last].end
        existing = next((m for m in pending if m.start < end and start < m.end and m is not mention
                         and m.type in NAME_TYPES), None)
        if existing is None:
            existing = repairer.mention(start, end, mention.type, mention)
            result.mentions.append(existing)
            result.changed += 1
        result.aliases.append((mention, existing))
    return mention
