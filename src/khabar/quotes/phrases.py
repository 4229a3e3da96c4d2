"""Phrase-level readers for the cue rules: speaker noun phrases, channel phrases, quoted names in a
lead-in and source phrases (بحسب/حسب/وفقا لـ/نقلا عن X)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from khabar.document import Quotation
from khabar.quotes.lexicon import CHANNEL_STRIPS
from khabar.quotes.words import (
    ADDRESSEE_PRONOUNS,
    COMPLEMENTIZERS,
    FUNCTION_WORDS,
    INNER_LINKS,
    NAME_NOT_COMP,
    PREP_PRONOUNS,
    PREPOSITIONS,
    QUOTE_MARKS,
    ROLE_NOUNS,
    SOURCE_HEADS,
    SOURCE_LINK_ADJECTIVES,
    SOURCE_QUANTIFIERS,
    TIME_WORDS,
    VERB_LIKE_NAMES,
    Tok,
    strip_conj,
)
from khabar.text.normalize import normalize_key

if TYPE_CHECKING:
    from khabar.quotes.context import Context
    from khabar.quotes.cues import CueHit

# Derived-form verbal nouns: II تفعيل، IV إفعال، VII انفعال، VIII افتعال، X استفعال (folded spelling).
MASDAR_RE = re.compile(r"^(?:ت..ي.|ا..ا.|ان..ا.|ا.ت.ا.|است..ا.)$")
_SOURCE_VERBS = ("افاد", "افادت", "ذكر", "ذكرت", "اعلن", "اعلنت", "اورد", "اوردت", "نقل", "نقلت", "قال", "قالت",
                 "اكد", "اكدت", "اوضح", "اوضحت", "اشار", "اشارت", "جاء", "افادت")


def is_comp(tok: Tok) -> bool:
    return tok.norm in COMPLEMENTIZERS


def comp_at(ctx: Context, j: int) -> bool:
    """Token ``j`` is a complementizer, not the first word of a name (بان كي مون)."""
    toks = ctx.toks
    return is_comp(toks[j]) and not (j + 1 < len(toks) and (toks[j].norm, toks[j + 1].norm) in NAME_NOT_COMP)


def looks_like_verb(ctx: Context, tok: Tok) -> bool:
    """An imperfect third-person verb (يشتبه، يخطط): such a word cannot sit inside a speaker phrase or lead-in."""
    norm = tok.norm
    return (len(norm) >= 4 and norm[0] == "ي" and norm not in VERB_LIKE_NAMES and norm not in TIME_WORDS
            and not ctx.mention_in(tok.start, tok.end))


def looks_like_masdar(ctx: Context, tok: Tok) -> bool:
    """An indefinite verbal noun of the derived forms (تفكيك، اعتقال، استهداف، إعلان)."""
    norm = tok.norm
    if norm.startswith("ال") or ctx.mention_in(tok.start, tok.end):
        return False
    return bool(MASDAR_RE.match(norm))


def short_quoted_name(ctx: Context, q: Quotation, right_after_cue: bool) -> bool:
    """A quoted name in the lead-in (وقال "كارتر" للصحفيين:، لـ«الشرق الأوسط»:): up to three words,
    followed in the same sentence by more of the lead-in rather than by the end of the sentence."""
    if len(q.content.text.split()) > 3 or not q.closed:
        return False
    rest = ctx.text[q.end:q.end + 80]
    stripped = rest.lstrip(" \t\u00a0")
    if not stripped or stripped[0] in ".!?؟\n":
        return False
    if stripped[0].isalpha():
        return True  # more lead-in words follow: أجرته معه «الشرق الأوسط» غداة لقائه ...
    before = ctx.text[max(0, q.start - 3):q.start].rstrip()
    if before.endswith(("ل", "لـ")) and not before.endswith("بـ"):
        return True  # قالت مصادر لـ«الشرق الأوسط»، إن ...: the outlet addressed
    if right_after_cue or before.endswith("ـ"):
        return stripped[0] not in "،,؛;"
    return any(ch in stripped.split("\n")[0][:90] for ch in ":\uff1a") or any(
        ch in QUOTE_MARKS for ch in stripped[:40]) or _comp_ahead(stripped[:40])


def _comp_ahead(text: str) -> bool:
    from khabar.text.normalize import normalize_key
    return any(normalize_key(w) in COMPLEMENTIZERS for w in text.split()[:5])


_DAY_BEFORE = (normalize_key("أول"), "من", normalize_key("أمس"))


_DEICTICS = frozenset(normalize_key(w) for w in ("ذلك", "هذا", "ذاك"))


def skip_time(ctx: Context, j: int) -> int:
    """Skip time words and adverbs (أمس، اليوم، بوضوح، أول من أمس) starting at token ``j``."""
    toks = ctx.toks
    while j < len(toks) and toks[j].is_word:
        if toks[j].norm in TIME_WORDS:
            j += 1
        elif tuple(t.norm for t in toks[j:j + 3]) == _DAY_BEFORE:
            j += 3
        elif j + 1 < len(toks) and toks[j].norm in ("بعد", "قبل") and toks[j + 1].norm in _DEICTICS:
            j += 2  # تحدث بعد ذلك جيمس هوغان فقال …
        else:
            break
    return j


def collect_np(ctx: Context, i: int, limit: int = 8) -> tuple[int, int] | None:
    """A speaker phrase starting at token ``i`` (after the cue), or None."""
    toks = ctx.toks
    n = len(toks)
    start = i
    j = i
    while j < n and j - i < limit:
        tok = toks[j]
        if not tok.is_word or (j > start and ctx.newline_between(j - 1, j)):
            break
        norm = tok.norm
        if (norm in COMPLEMENTIZERS and comp_at(ctx, j)) or norm in FUNCTION_WORDS or (j == start and (
                norm in TIME_WORDS or norm in PREPOSITIONS or norm in PREP_PRONOUNS or len(norm) < 2)):
            break  # بـ«…»، فيها: a preposition (with its pronoun) opens no subject
        if norm in ("ل", "لـ") or (j > start and looks_like_verb(ctx, tok)):
            break
        if j > start and toks[j - 1].norm.startswith("ال") and looks_like_masdar(ctx, tok):
            break  # أعلنت السلطات اعتقال ...: the verbal noun opens the object
        if ctx.cue_forms(tok)[0] and j > start:
            break
        if j > start and norm in TIME_WORDS:
            break
        if j > start and tok.text.endswith("\u064b"):
            break  # طلباً: an accusative (tanwin fath) noun is an object, not part of the subject
        if j > start and (norm in INNER_LINKS):
            head = strip_conj(toks[j - 1].norm)
            if norm in ("في", "لدي") and head not in ROLE_NOUNS and toks[j - 1].norm not in ROLE_NOUNS:
                break
            j += 1
            continue
        if j > start and norm in ("من", "علي") and toks[j - 1].norm in SOURCE_LINK_ADJECTIVES:
            j += 1  # مصدر مقرب من رئيس الحكومة: one speaker phrase
            continue
        if j > start and norm in PREPOSITIONS:
            break
        if j > start and norm[0] in "وف" and len(norm) > 3 and norm not in _WAW_NOUNS:
            if not norm[1:].startswith("ال"):
                break
        if j == start and _name_in_b(ctx, j):
            j += 1  # أعلن بلاتيني أنه …: a name spelled with ب, right before the complementizer
            continue
        if is_prep_l(ctx, tok):
            break  # لكيري، للصحفيين، بالأمس: addressee or adjunct, not the speaker
        if j > start and match_channel(ctx, j):
            break
        j += 1
    if j == start:
        return None
    while j > start and toks[j - 1].norm in INNER_LINKS:
        j -= 1
    return (start, j) if j > start else None


def _name_in_b(ctx: Context, j: int) -> bool:
    """Token ``j`` starts with ب but is a name: a complementizer follows it directly, so it cannot be
    a prepositional phrase between a cue and its content (أعلن بلاتيني أنه، أكد بوتين أن)."""
    toks = ctx.toks
    norm = toks[j].norm
    return norm[:1] == "ب" and not norm.startswith("بال") and len(norm) > 3 and j + 1 < len(toks) \
        and toks[j + 1].norm in COMPLEMENTIZERS and comp_at(ctx, j + 1)


def is_prep_l(ctx: Context, tok: Tok) -> bool:
    """A word carrying the preposition ل or ب (لكيري، للصحفيين، له، بالأمس), not a name in ل/ب."""
    norm = tok.norm
    if norm in ADDRESSEE_PRONOUNS:
        return True
    if norm[:1] not in ("ل", "ب") or norm.startswith("ال") or len(norm) < 3:
        return False
    if ctx.mention_starting_in(tok.start, tok.start + 1):
        return False
    if norm.startswith(("لل", "بال")) or norm[1:] in SOURCE_HEADS or norm[1:] in TIME_WORDS:
        return True
    return ctx.mention_starting_in(tok.start + 1, tok.start + 2)


def match_channel(ctx: Context, i: int) -> tuple[str, int] | None:
    """The channel phrase starting at token ``i`` (proclitics و ف ب ل stripped), with its length."""
    lex = ctx.lex
    if i >= len(ctx.toks) or ctx.toks[i].norm not in lex.channel_first:
        return None
    for length in range(lex.channel_max_len, 0, -1):
        seq = ctx.toks[i:i + length]
        if len(seq) < length or not all(t.is_word for t in seq):
            continue
        words = [t.norm for t in seq]
        first = words[0]
        for strip in CHANNEL_STRIPS:
            if first.startswith(strip):
                key = (first[len(strip):], *words[1:])
                if key in lex.channels:
                    return lex.channels[key], length
    return None


def parse_source(ctx: Context, hit: CueHit) -> None:
    """بحسب/حسب/وفقا لـ/نقلا عن X: the speaker phrase X (validated) after the phrase."""
    toks = ctx.toks
    j = hit.tok + 1
    n = len(toks)
    bare = hit.form.form
    if j < n and toks[j].norm in ("ما",):
        j += 1
    if bare in ("حسبما", "بحسبما") or (j > hit.tok + 1):
        if j < n and strip_conj(toks[j].norm) in _SOURCE_VERBS:
            hit.via_verb = True
            j += 1
    if bare in ("وفقا", "طبقا", "وفق") and j < n and toks[j].norm in ("ل", "لـ"):
        j += 1
    elif bare in ("وفقا", "طبقا", "وفق") and j + 1 < n and toks[j].norm == "لما" and (
            _source_verb(toks[j + 1].norm)):
        hit.via_verb = True  # وطبقا لما أعلنته قيادة العمليات فإن …
        j += 2
    if bare == "نقلا" and j < n and toks[j].norm == "عن":
        j += 1
    elif bare == "نقلا":
        return
    skip_l = bare in ("وفقا", "طبقا") and j < n and toks[j].norm.startswith("ل") and not toks[j].norm.startswith("ال")
    np = collect_np(ctx, j) if not skip_l else _np_after_l(ctx, j)
    if np is None:
        return
    k = np[0] + 1
    while k < np[1] and (toks[k].norm.startswith(("ال", "لل")) or toks[k].norm in ("نفسه", "نفسها")
                         or ctx.mention_in(toks[k].start, toks[k].end) or _nisba(toks[k].norm)
                         or toks[k].norm in SOURCE_HEADS  # مراسل وكالة الصحافة الفرنسية
                         or (toks[k].norm[:1] == "ل" and k + 1 < np[1] and toks[k + 1].norm.startswith("ال"))):
        k += 1
    np = (np[0], k)
    head = toks[np[0]].norm
    if skip_l:
        head = head[1:]
    if head in SOURCE_QUANTIFIERS and np[0] + 1 < n and _plural_source(toks[np[0] + 1].norm):
        np = (np[0], max(np[1], np[0] + 2))  # بحسب بعض العارفين بكواليس "فيفا"
        head = toks[np[0] + 1].norm
        hit.via_verb = True
    ok = hit.via_verb or head in SOURCE_HEADS or strip_conj(head) in SOURCE_HEADS or ctx.mention_in(
        toks[np[0]].start, toks[np[1] - 1].end)
    if ok:
        end = np[1]
        if end < n and toks[end].start in ctx.open_at:  # وحسب موقع "يمن برس"، …: the quoted name is the outlet's
            q = ctx.open_at[toks[end].start]
            if q.closed and 0 < len(q.content.text.split()) <= 3:
                while end < n and toks[end].start < q.end:
                    end += 1
        hit.subject = (np[0], end)
        hit.last = end - 1


def _source_verb(norm: str) -> bool:
    """A source verb, possibly with its object pronoun (أعلنته، ذكرته، أوردته)."""
    for suffix in ("", "ه", "ها"):
        if norm.endswith(suffix) and norm[: len(norm) - len(suffix)] in _SOURCE_VERBS:
            return True
    return False


def _plural_source(norm: str) -> bool:
    """A source noun after a quantifier: المصادر، العارفين، المراقبين (a definite human plural)."""
    return norm in SOURCE_HEADS or (norm.startswith("ال") and norm.endswith(("ين", "ون")) and len(norm) > 6)


# Nouns whose first letter و is no conjunction (مراسل وكالة …، نائب وزير …، ولي العهد).
_WAW_NOUNS = frozenset(normalize_key(w) for w in "وكالة وزير وزيرة وزارة وزراء والي ولي وفد".split())


def _nisba(norm: str) -> bool:
    """A relative adjective (طبية، عسكرية، وعسكرية، محليين): مصادر طبية وعسكرية."""
    norm = norm[1:] if norm[:1] == "و" and len(norm) > 4 else norm
    return len(norm) > 3 and norm.endswith(("يه", "يين", "يون")) and not norm.startswith("ال")


def _np_after_l(ctx: Context, j: int) -> tuple[int, int] | None:
    rest = collect_np(ctx, j + 1)
    end = rest[1] if rest else j + 1
    return (j, end)
