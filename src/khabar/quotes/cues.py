"""Pass 1: find speech cues and read the syntax around each one (speaker phrase, addressee,
channel, and how the content is introduced: colon, quotation mark, complementizer)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khabar.document import Document, Quotation
from khabar.quotes.lexicon import CueForm, Lexicon
from khabar.quotes.words import (
    ADDRESSEE_PRONOUNS,
    CLAUSE_PUNCT,
    COMPLEMENTIZERS,
    CONNECTORS,
    FUNCTION_WORDS,
    INNER_LINKS,
    OBJECT_PRONOUN_SUFFIXES,
    PREPOSITIONS,
    QUOTE_MARKS,
    ROLE_NOUNS,
    SENTENCE_END,
    SOURCE_HEADS,
    TIME_WORDS,
    VERB_LIKE_NAMES,
    Tok,
    strip_conj,
)

# Derived-form verbal nouns: II تفعيل، IV إفعال، VII انفعال، VIII افتعال، X استفعال (folded spelling).
_MASDAR_RE = re.compile(r"^(?:ت..ي.|ا..ا.|ان..ا.|ا.ت.ا.|است..ا.)$")
_CUE_PREFIXES = ("", "و", "ف", "ل", "ول", "فل")
_SOURCE_VERBS = ("افاد", "افادت", "ذكر", "ذكرت", "اعلن", "اعلنت", "اورد", "اوردت", "نقل", "نقلت", "قال", "قالت",
                 "اكد", "اكدت", "اوضح", "اوضحت", "اشار", "اشارت", "جاء", "افادت")


@dataclass
class CueHit:
    tok: int  # index of the cue token
    last: int  # last token of the cue phrase
    form: CueForm
    forms: tuple[CueForm, ...]
    conj: str  # proclitic before the cue ('', 'و', 'ف', 'ل', ...)
    object_suffix: str = ""
    subject: tuple[int, int] | None = None  # token range [a, b) of the speaker phrase
    object_np: tuple[int, int] | None = None
    intro: str | None = None  # colon | quote | comp | back | source_front | source_back
    intro_tok: int = -1
    content_start: int = -1
    quotation: Quotation | None = None
    addressee_tok: int | None = None
    addressee_np: tuple[int, int] | None = None
    channel: str | None = None
    source_ref: tuple[int, int] | None = None  # embedded بحسب X phrase: token range of X
    via_verb: bool = False  # source phrase of the form حسب ما أفاد X
    consumed: bool = False
    notes: list[str] = field(default_factory=list)


class Context:
    """The tokens, sentences and quotations of one document with the lookups the rules need."""

    def __init__(self, doc: Document, toks: list[Tok], quotations: list[Quotation], lexicon: Lexicon):
        self.doc, self.toks, self.quotations, self.lex = doc, toks, quotations, lexicon
        self.text = doc.text
        self.sent: list[int] = []
        sid = 0
        for i, tok in enumerate(toks):
            if i and ("\n" in self.text[toks[i - 1].end:tok.start] or toks[i - 1].text in SENTENCE_END):
                sid += 1
            self.sent.append(sid)
        self.open_at = {q.start: q for q in quotations}
        self.close_at = {q.end: q for q in quotations if q.closed}

    def newline_between(self, a: int, b: int) -> bool:
        return "\n" in self.text[self.toks[a].end:self.toks[b].start]

    def mention_in(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for e in self.doc.entities for m in e.mentions)

    def mention_starting_in(self, start: int, end: int) -> bool:
        return any(start <= m.start < end for e in self.doc.entities for m in e.mentions)

    def cue_forms(self, tok: Tok) -> tuple[tuple[CueForm, ...], str, str]:
        if not tok.is_word:
            return (), "", ""
        for prefix in _CUE_PREFIXES:
            if not tok.norm.startswith(prefix):
                continue
            rest = tok.norm[len(prefix):]
            forms = self.lex.lookup(rest)
            if prefix.endswith("ل"):
                forms = tuple(f for f in forms if f.person == 1 or f.reply)
            if forms:
                return forms, prefix, ""
            for suffix in OBJECT_PRONOUN_SUFFIXES:
                if rest.endswith(suffix) and len(rest) > len(suffix) + 2:
                    forms = tuple(f for f in self.lex.lookup(rest[: -len(suffix)]) if f.takes_object)
                    if forms:
                        return forms, prefix, suffix
        return (), "", ""


def is_comp(tok: Tok) -> bool:
    return tok.is_word and tok.norm in COMPLEMENTIZERS


def comp_content_start(tok: Tok) -> int:
    """Offset right after the complementizer letters (an attached pronoun stays in the content)."""
    for particle in ("فان", "بان", "ان"):
        if tok.norm.startswith(particle):
            count, pos = 0, tok.start
            from khabar.text.normalize import fold_char
            while pos < tok.end and count < len(particle):
                if fold_char(tok.text[pos - tok.start]):
                    count += 1
                pos += 1
            while pos < tok.end and _is_mark(tok.text[pos - tok.start]):
                pos += 1  # a shadda or vowel on the particle (أنّه) belongs to it
            return pos
    return tok.end


def _is_mark(ch: str) -> bool:
    return "\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640"


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
    return bool(_MASDAR_RE.match(norm))


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
    if right_after_cue or before.endswith(("ل", "لـ", "ـ")):
        return stripped[0] not in "،,؛;"
    return any(ch in stripped.split("\n")[0][:90] for ch in ":\uff1a") or any(
        ch in QUOTE_MARKS for ch in stripped[:40]) or _comp_ahead(stripped[:40])


def _comp_ahead(text: str) -> bool:
    from khabar.text.normalize import normalize_key
    return any(normalize_key(w) in COMPLEMENTIZERS for w in text.split()[:5])


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
        if is_comp(tok) or norm in FUNCTION_WORDS or (j == start and (norm in TIME_WORDS or norm in PREPOSITIONS)):
            break
        if norm in ("ل", "لـ") or (j > start and looks_like_verb(ctx, tok)):
            break
        if j > start and toks[j - 1].norm.startswith("ال") and looks_like_masdar(ctx, tok):
            break  # أعلنت السلطات اعتقال ...: the verbal noun opens the object
        if ctx.cue_forms(tok)[0] and j > start:
            break
        if j > start and norm in TIME_WORDS:
            break
        if j > start and (norm in INNER_LINKS):
            head = toks[j - 1].bare
            if norm in ("في", "لدي") and head not in ROLE_NOUNS and toks[j - 1].norm not in ROLE_NOUNS:
                break
            j += 1
            continue
        if j > start and norm in PREPOSITIONS:
            break
        if j > start and norm[0] in "وف" and len(norm) > 3:
            if not norm[1:].startswith("ال"):
                break
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
    for length in range(lex.channel_max_len, 0, -1):
        seq = ctx.toks[i:i + length]
        if len(seq) < length or not all(t.is_word for t in seq):
            continue
        words = [t.norm for t in seq]
        first = words[0]
        for strip in ("", "و", "ب", "ل", "وب", "ف", "وف", "فب"):
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
    if bare == "حسبما" or (j > hit.tok + 1):
        if j < n and strip_conj(toks[j].norm) in _SOURCE_VERBS:
            hit.via_verb = True
            j += 1
    if bare in ("وفقا", "طبقا", "وفق") and j < n and toks[j].norm in ("ل", "لـ"):
        j += 1
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
                         or ctx.mention_in(toks[k].start, toks[k].end)):
        k += 1
    np = (np[0], k)
    head = toks[np[0]].norm
    if skip_l:
        head = head[1:]
    ok = hit.via_verb or head in SOURCE_HEADS or strip_conj(head) in SOURCE_HEADS or ctx.mention_in(
        toks[np[0]].start, toks[np[1] - 1].end)
    if ok:
        hit.subject = np
        hit.last = np[1] - 1


def _np_after_l(ctx: Context, j: int) -> tuple[int, int] | None:
    rest = collect_np(ctx, j + 1)
    end = rest[1] if rest else j + 1
    return (j, end)


def find_intro(ctx: Context, hit: CueHit, start: int) -> None:
    """Scan after the speaker phrase for the content opener; note addressee and channel on the way."""
    toks = ctx.toks
    n = len(toks)
    limit = 3 if hit.form.adjacent else (5 if hit.form.strict else 20)
    j = start
    words = 0
    while j < n and words < limit:
        tok = toks[j]
        if j > start and ctx.newline_between(j - 1, j):
            return
        if tok.text in (":", "\uff1a"):
            hit.intro, hit.intro_tok = "colon", j
            q = _quotation_after(ctx, tok.end)
            if q is not None:
                hit.intro, hit.quotation = "quote", q
                hit.content_start = q.content.start
            else:
                hit.content_start = tok.end
            return
        if tok.text in QUOTE_MARKS and tok.start in ctx.open_at:
            q = ctx.open_at[tok.start]
            if short_quoted_name(ctx, q, j == start and hit.subject is None):
                k = _tok_after(ctx, q.end)
                prev = toks[j - 1] if j > 0 else None
                named_after_l = prev is not None and prev.norm in ("ل", "لـ", "عن")
                if hit.subject is None and hit.form.type == "verb" and j == start and not named_after_l:
                    inner = [t.index for t in toks if q.content.start <= t.start < q.content.end and t.is_word]
                    if inner:
                        hit.subject = (inner[0], inner[-1] + 1)
                if k is None:
                    return
                j = k  # a quoted name in the lead-in: وأوضحت "الجوازات" أن، وقال "كارتر" للصحفيين:
                continue
            if hit.form.comp_only:
                return  # وصفتها بـ"...": a label, not speech
            if hit.form.strict and hit.form.lemma not in ("قال", "أضاف") and (
                    j > start or len(q.content.text.split()) <= 3):
                return  # تعلن السلطات تفكيك "خلايا إرهابية": a quoted object, not speech
            hit.intro, hit.intro_tok, hit.quotation = "quote", j, ctx.open_at[tok.start]
            hit.content_start = hit.quotation.content.start
            return
        if tok.text in SENTENCE_END:
            return
        if is_comp(tok):
            hit.intro, hit.intro_tok, hit.content_start = "comp", j, comp_content_start(tok)
            return
        if hit.form.adjacent and j > start:
            return
        if tok.is_word:
            words += 1
            forms, _, _ = ctx.cue_forms(tok)
            if forms and forms[0].type == "source" and hit.source_ref is None:
                sub = CueHit(j, j, forms[0], forms, "")
                parse_source(ctx, sub)
                if sub.subject:
                    hit.source_ref = sub.subject
                    j = sub.subject[1]
                    continue
            elif forms and forms[0].type == "participle" and forms[0].lemma == "قال" and j == start:
                j += 1  # وتابع قائلا: the participle only repeats the verb
                continue
            elif forms and j > start:
                return
            if looks_like_verb(ctx, tok):
                return  # أعلنت السلطات اعتقال ثمانية أشخاص يشتبه في أنهم: the clause belongs to another verb
            channel = match_channel(ctx, j)
            if channel:
                hit.channel = hit.channel or channel[0]
                j += channel[1]
                if j < n and toks[j].norm == "مع" and hit.addressee_np is None:
                    hit.addressee_np = collect_np(ctx, j + 1)
                continue
            if tok.norm in ADDRESSEE_PRONOUNS or (
                    tok.norm.startswith("ل") and not tok.norm.startswith("ال") and len(tok.norm) > 3 and (
                    tok.norm.startswith("لل") or ctx.mention_starting_in(tok.start + 1, tok.end))):
                if hit.addressee_tok is None and hit.addressee_np is None:
                    hit.addressee_tok = j
        elif tok.text in CLAUSE_PUNCT and j + 1 < n and toks[j + 1].norm in CONNECTORS:
            return
        j += 1


def _tok_after(ctx: Context, offset: int) -> int | None:
    for tok in ctx.toks:
        if tok.start >= offset:
            return tok.index
    return None


def _quotation_after(ctx: Context, offset: int) -> Quotation | None:
    pos = offset
    while pos < len(ctx.text) and ctx.text[pos] in " \t\u00a0":
        pos += 1
    return ctx.open_at.get(pos)


def analyse_cue(ctx: Context, hit: CueHit, inside_quote: bool) -> None:
    toks = ctx.toks
    form = hit.form
    if form.type == "source":
        parse_source(ctx, hit)
        if hit.subject is None:
            return
        nxt = hit.subject[1]
        # Sentence-initial source phrase: وبحسب المصدر، فإن ... / وفقا للبيان، ...
        before = [t for t in toks[max(0, hit.tok - 2):hit.tok] if ctx.sent[t.index] == ctx.sent[hit.tok]]
        initial = hit.conj == "و" or (all(not t.is_word or t.norm in CONNECTORS for t in before) and not (
            hit.tok > 0 and toks[hit.tok - 1].text in ("،", ",") and hit.tok - 1 > 0
            and ctx.sent[hit.tok - 2] == ctx.sent[hit.tok]))
        if initial:
            j = nxt
            while j < len(toks) and toks[j].text in CLAUSE_PUNCT:
                j += 1
            if j < len(toks) and ctx.sent[j] == ctx.sent[hit.tok]:
                hit.intro, hit.intro_tok = "source_front", j
                hit.content_start = comp_content_start(toks[j]) if is_comp(toks[j]) else toks[j].start
        else:
            hit.intro = "source_back"
        return
    # Verbs and participles.
    if form.takes_object and hit.object_suffix:
        hit.addressee_tok = hit.tok
    after = hit.tok + 1
    if form.type == "verb" and not form.adjacent:
        j = after
        while j < len(toks) and toks[j].is_word and toks[j].norm in TIME_WORDS:
            j += 1
        np = collect_np(ctx, j)
        if np is not None:
            first_person = inside_quote and any(f.person == 1 for f in hit.forms)
            if first_person and form.takes_object:
                hit.object_np = np
            elif not (first_person and not any(f.person == 3 for f in hit.forms)):
                hit.subject = np
            after = np[1]
        else:
            after = j
    find_intro(ctx, hit, after)
    if hit.intro is None:
        # «...»، قال فلان: a quotation right before the cue.
        k = hit.tok - 1
        while k >= 0 and toks[k].text in CLAUSE_PUNCT:
            k -= 1
        if k >= 0 and toks[k].end in ctx.close_at and toks[k].text in QUOTE_MARKS:
            hit.intro, hit.quotation = "back", ctx.close_at[toks[k].end]
            hit.content_start = hit.quotation.content.start
