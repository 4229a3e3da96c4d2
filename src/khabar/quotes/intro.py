"""Finding a cue's content opener: scan after the speaker phrase for the colon, quotation mark or
complementizer that introduces the content, noting addressee and channel on the way."""

from __future__ import annotations

from bisect import bisect_left

from khabar.document import Quotation
from khabar.quotes.context import Context
from khabar.quotes.cuehit import CueHit
from khabar.quotes.phrases import (
    MASDAR_RE,
    collect_np,
    comp_at,
    looks_like_verb,
    match_channel,
    parse_source,
    short_quoted_name,
)
from khabar.quotes.words import (
    ADDRESSEE_PRONOUNS,
    CLAUSE_PUNCT,
    COMPLEMENTIZERS,
    CONNECTORS,
    FRAGMENT_PREPOSITIONS,
    MONTH_WORDS,
    NO_COLON_LEMMAS,
    OBJECT_NOUNS,
    OUTLET_WORDS,
    QUOTE_MARKS,
    ROLE_NOUNS,
    SAY_LEMMAS,
    SENTENCE_END,
    TIME_WORDS,
    Tok,
    strip_conj,
)
from khabar.text.normalize import normalize_key


def comp_content_start(tok: Tok) -> int:
    """Offset where the content starts after a complementizer: right after the particle, or after
    the whole word when a pronoun is attached (أنه شرح ...: the content starts at شرح)."""
    for particle in ("فان", "بان", "ان"):
        if tok.norm.startswith(particle):
            if len(tok.norm) > len(particle):
                return tok.end
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


_STATEMENT_WORDS = 15  # a quotation this long, with clauses, that ends the sentence is a statement


def _whole_statement(ctx: Context, q: Quotation) -> bool:
    """وأوضح "تقديم وتنفيذ باقة الإصلاحات الواسعة، أراها أمرا …".: a long quotation of several
    clauses that closes the sentence is the speaker's statement, even when it opens with a verbal noun."""
    words = q.content.text.split()
    if len(words) < _STATEMENT_WORDS or "،" not in q.content.text or not q.closed:
        return False
    if not MASDAR_RE.match(normalize_key(words[0])):
        return False  # أكدت "التزامها بالقانون …": a possessed verbal noun is the verb's object
    after = ctx.text[q.end:q.end + 3].lstrip(" \t\u00a0")
    return not after or after[0] in ".\n!؟?"


_APPOSITION_MAX = 20  # tokens of a title in apposition between two commas


def _apposition_end(ctx: Context, j: int) -> int | None:
    """The comma closing a title in apposition opened by the comma at token ``j`` (، عضو البرلمان …،),
    or None: the phrase must open with a role noun and hold no complementizer, colon or full stop."""
    toks = ctx.toks
    if j + 1 >= len(toks) or strip_conj(toks[j + 1].norm) not in ROLE_NOUNS:
        return None
    for k in range(j + 2, min(len(toks), j + _APPOSITION_MAX)):
        tok = toks[k]
        if tok.text in CLAUSE_PUNCT:
            return k
        if tok.text in SENTENCE_END or tok.text in (":", "\uff1a") or (tok.norm in COMPLEMENTIZERS and comp_at(ctx, k)) \
                or ctx.newline_between(k - 1, k):
            return None
    return None


def _paren_close(ctx: Context, j: int) -> int | None:
    """The index of the ``)`` closing a short aside opened at token ``j`` on the same line."""
    toks = ctx.toks
    for k in range(j + 1, min(len(toks), j + 8)):
        if toks[k].text == ")":
            return k
        if toks[k].text in SENTENCE_END or toks[k].text in QUOTE_MARKS or ctx.newline_between(k - 1, k):
            return None
    return None


def _quoted_comp(q: Quotation) -> bool:
    """The quotation holds a complementizer among its first words (وصفه «الاتفاق بأنه …»)."""
    return any(normalize_key(w).startswith(("بان", "انه", "انها")) for w in q.content.text.split()[1:4])


def _is_mark(ch: str) -> bool:
    return "\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640"


def find_intro(ctx: Context, hit: CueHit, start: int) -> None:
    """Scan after the speaker phrase for the content opener; note addressee and channel on the way."""
    toks = ctx.toks
    n = len(toks)
    limit = 3 if hit.form.adjacent else (5 if hit.form.strict else 20)
    j = start
    words = 0
    addressed = False  # an addressee (لـ«الاقتصادية»، للصحفيين) was just read: a subject may follow
    while j < n and words < limit:
        tok = toks[j]
        if j > start and ctx.newline_between(j - 1, j):
            return
        if tok.text in (":", "\uff1a"):
            if hit.form.lemma in NO_COLON_LEMMAS:
                return  # رأوا فيما فعل الآتي: …: "saw", not "held"
            hit.intro, hit.intro_tok = "colon", j
            q = _quotation_after(ctx, tok.end)
            if q is not None:
                hit.intro, hit.quotation = "quote", q
                hit.content_start = q.content.start
            else:
                hit.content_start = tok.end
            return
        if tok.text in QUOTE_MARKS and tok.end in ctx.close_at and tok.start not in ctx.open_at \
                and ctx.close_at[tok.end].content.start <= toks[hit.tok].start:
            return  # «… وتطالب بتغييره»، فضلا عن «…»: a cue quoted inside a quotation ends with it
        if tok.text in QUOTE_MARKS and tok.start in ctx.open_at:
            q = ctx.open_at[tok.start]
            if short_quoted_name(ctx, q, j == start and hit.subject is None):
                k = _tok_after(ctx, q.end)
                prev = toks[j - 1] if j > 0 else None
                named_after_l = prev is not None and prev.norm in ("ل", "لـ", "عن")
                if hit.subject is None and hit.form.type == "verb" and j == start and not named_after_l:
                    lo = bisect_left(ctx.starts, q.content.start)
                    inner = [i for i in range(lo, bisect_left(ctx.starts, q.content.end, lo)) if toks[i].is_word]
                    if inner:
                        hit.subject = (inner[0], inner[-1] + 1)
                if k is None:
                    return
                addressed = named_after_l and prev is not None and prev.norm != "عن"
                j = k  # a quoted name in the lead-in: وأوضحت "الجوازات" أن، وقال "كارتر" للصحفيين:
                continue
            if hit.form.comp_only:
                if _quoted_comp(q):  # واصفا «اللقاءات بأنها عالية المستوى …»: a quoted statement
                    hit.intro, hit.intro_tok, hit.quotation, hit.fragment = "quote", j, q, True
                    hit.content_start = q.content.start
                return  # وصفتها بـ"...": a label, not speech
            own_prep = j > start and after_prep(ctx, hit, start, j)  # لافتا إلى «وجود خلاف …»
            if hit.form.strict and hit.form.lemma not in ("قال", "أضاف", "كتب") and (
                    (j > start and not own_prep) or len(q.content.text.split()) <= 3):
                return  # تعلن السلطات تفكيك "خلايا إرهابية": a quoted object, not speech
            first_word = normalize_key(q.content.text.split()[0]) if q.content.text.split() else ""
            if hit.has_object or first_word in FRAGMENT_PREPOSITIONS:
                return  # أكد أهمية دور مصر "كدولة …"، مشيرا "الى التقدم …": a quoted object, not speech
            # أكد "أهمية استعادة …"، أشار إلى "انهيار …": a quoted noun object, or a quotation after
            # the cue's preposition, is part of a reported statement (mixed), not a direct quote.
            hit.fragment = first_word in OBJECT_NOUNS or after_prep(ctx, hit, start, j) or (
                hit.form.lemma not in SAY_LEMMAS and is_noun_object(first_word) and not _whole_statement(ctx, q))
            hit.intro, hit.intro_tok, hit.quotation = "quote", j, ctx.open_at[tok.start]
            hit.content_start = hit.quotation.content.start
            return
        if tok.text in SENTENCE_END:
            return
        if tok.text == "(":
            close = _paren_close(ctx, j)
            if close is not None:
                j = close + 1  # النيابة العامة في نانتير (الضاحية الباريسية) أمس: an aside
                continue
        if tok.norm in COMPLEMENTIZERS and comp_at(ctx, j):
            if j > start and toks[j - 1].norm in ("حيث", "بحيث"):
                return  # ترى هناك حاجة … حيث إن …: حيث إن is "since", not the cue's complementizer
            hit.intro, hit.intro_tok, hit.content_start = "comp", j, comp_content_start(tok)
            hit.pronoun = tok.norm not in ("ان", "بان", "فان")
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
            if tok.norm in TIME_WORDS:
                j += 1  # وقال المحاميان يومها «…»: a time word does not lengthen the lead-in
                words -= 1
                continue
            if tok.norm in MONTH_WORDS and j > start and toks[j - 1].norm in ("في", "منذ"):
                while j < n and (toks[j].norm in MONTH_WORDS or toks[j].text in "()"):
                    j += 1  # أصدرته في مايو (أيار) الماضي أن …
                words -= 2  # في مايو: one date
                continue
            if tok.norm == "ما" and not (j + 1 < n and toks[j + 1].norm in ("نصه", "يلي")):
                return  # ونفت المصادر ما تم تداوله عن أن …: a relative clause is the object
            if looks_like_verb(ctx, tok) and not (j == start and hit.subject is not None
                                                  and not toks[hit.subject[1] - 1].norm.startswith("ال")):
                return  # أعلنت السلطات اعتقال ثمانية أشخاص يشتبه في أنهم: the clause belongs to another verb
            # (أكد أعضاء برلمان ينتمون إلى المحافظة أن …: a relative clause of an indefinite subject goes on)
            if addressed and hit.subject is None and hit.form.type == "verb" and not hit.form.adjacent:
                np = collect_np(ctx, j)
                if np is not None:  # وأكد لـ"الاقتصادية" مصدر خاص أن …: the subject after the addressee
                    hit.subject, addressed = np, False
                    j = np[1]
                    continue
            addressed = False
            channel = match_channel(ctx, j)
            if channel:
                hit.channel = hit.channel or channel[0]
                j += channel[1]
                words -= 1  # في بيان، على صفحته بفيسبوك: a channel phrase does not lengthen the lead-in
                if j < n and toks[j].norm == "مع" and hit.addressee_np is None:
                    hit.addressee_np = collect_np(ctx, j + 1)
                elif j < n and toks[j].norm == "الي" and hit.addressee_np is None:
                    hit.addressee_np = collect_np(ctx, j + 1)  # في حديث إلى وكالة الأنباء الإيرانية
                    if hit.addressee_np is not None:
                        j = hit.addressee_np[1]
                continue
            outlet = tok.norm[:1] == "ل" and tok.norm[1:] in OUTLET_WORDS  # لوكالة الصحافة الفرنسية
            if tok.norm in ADDRESSEE_PRONOUNS or outlet or (
                    tok.norm.startswith("ل") and not tok.norm.startswith("ال") and len(tok.norm) > 3 and (
                    tok.norm.startswith("لل") or ctx.mention_starting_in(tok.start + 1, tok.end))):
                if hit.addressee_tok is None and hit.addressee_np is None:
                    hit.addressee_tok = j
                    addressed = not outlet
                    j += 1
                    while outlet and j < n and toks[j].is_word and toks[j].norm.startswith("ال") \
                            and j - hit.addressee_tok <= 3:
                        j += 1  # the outlet's name does not lengthen the lead-in
                    continue
        elif tok.text in CLAUSE_PUNCT and j + 1 < n and toks[j + 1].norm in CONNECTORS:
            return
        elif tok.text in CLAUSE_PUNCT and hit.subject is not None and j == hit.subject[1]:
            close = _apposition_end(ctx, j)
            if close is not None:
                j = close + 1  # أكد رعد الدهلكي، عضو البرلمان عن كتلة «…»، في تصريح … إن: a title in apposition
                continue
        j += 1


def after_prep(ctx: Context, hit: CueHit, start: int, j: int) -> bool:
    """The quotation at token ``j`` follows a preposition of the lead-in (أشار إلى "…")."""
    k = j - 1
    while k >= start and not ctx.toks[k].is_word:
        k -= 1
    return k >= start and ctx.toks[k].norm in FRAGMENT_PREPOSITIONS | ({hit.form.prep} if hit.form.prep else set())


def is_noun_object(word: str) -> bool:
    """A verbal noun (with or without an attached pronoun) opening a quotation: استمرار، التزامها."""
    for suffix in ("", "ها", "ه", "هم", "هما", "نا"):
        if suffix and not word.endswith(suffix):
            continue
        stem = word[: len(word) - len(suffix)] if suffix else word
        if len(stem) >= 4 and MASDAR_RE.match(stem):
            return True
    return False


def _tok_after(ctx: Context, offset: int) -> int | None:
    k = bisect_left(ctx.starts, offset)
    return k if k < len(ctx.toks) else None


def _quotation_after(ctx: Context, offset: int) -> Quotation | None:
    pos = offset
    while pos < len(ctx.text) and ctx.text[pos] in " \t\u00a0":
        pos += 1
    return ctx.open_at.get(pos)
