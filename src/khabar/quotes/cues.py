"""Pass 1: analyse each speech cue: read the syntax around it (speaker phrase, object, source
phrase) and how its content is introduced (the opener itself is found in ``intro``)."""

from __future__ import annotations

from bisect import bisect_left

from khabar.document import Quotation
from khabar.quotes.context import Context
from khabar.quotes.cuehit import CueHit
from khabar.quotes.intro import after_prep, comp_content_start, find_intro, is_noun_object
from khabar.quotes.phrases import (
    collect_np,
    is_comp,
    parse_source,
    skip_time,
)
from khabar.quotes.words import (
    BACK_CUES,
    CLAUSE_PUNCT,
    CONNECTORS,
    FRAGMENT_PREPOSITIONS,
    OBJECT_NOUNS,
    QUOTE_MARKS,
    SENTENCE_END,
    SOURCE_HEADS,
    SUBJUNCTIVE,
    Tok,
    strip_conj,
)
from khabar.text.normalize import normalize_key

__all__ = ["CueHit", "after_prep", "analyse_cue", "comp_content_start", "find_intro", "is_noun_object"]


def _no_object(ctx: Context, hit: CueHit, k: int) -> bool:
    """No object follows the subject ending before token ``k`` (…، كما أعلنت المحكمة.), unlike
    كما أعربت شركة X عن عدم رضاها: the verb's own preposition opens an object."""
    toks = ctx.toks
    sid = ctx.sent[k - 1]
    for j in range(k, min(len(toks), k + 8)):
        tok = toks[j]
        if ctx.sent[j] != sid or tok.text in CLAUSE_PUNCT or tok.text in SENTENCE_END:
            return True
        if tok.norm in FRAGMENT_PREPOSITIONS or tok.norm == hit.form.prep or (
                hit.form.prep in ("ب", "ل") and tok.norm.startswith(hit.form.prep) and len(tok.norm) > 3):
            return False  # كما أوصت الدراسة بفتح فرع …: the verb's own preposition opens its object
    return True


def _subjunctive(toks: list[Tok], hit: CueHit) -> bool:
    """The cue after أن/لن is an imperfect (يمكن أن نقول), or تحدث read as تَحدُث (أن تحدث في):
    not a past verb (سبق له أن أكد، بعد أن قال), which reports a statement."""
    norm, lemma = toks[hit.tok].norm, normalize_key(hit.form.lemma)
    if hit.tok > 1 and toks[hit.tok - 2].norm in ("بعد", "قبل", "منذ"):
        return False  # قبل أن يشدد أن …: a narrative verb
    if norm[:1] in "يتنا" and norm[:1] != lemma[:1]:
        return True
    return norm == lemma and norm[:1] == "ت"


def _named_outlet(ctx: Context, q: Quotation) -> bool:
    """A short quotation right after a source noun (موقع "يمن برس"، صحيفة «الحياة»): a name, no statement."""
    if len(q.content.text.split()) > 3:
        return False
    k = bisect_left(ctx.starts, q.start) - 1
    return k >= 0 and strip_conj(ctx.toks[k].norm) in SOURCE_HEADS


def analyse_cue(ctx: Context, hit: CueHit, inside_quote: bool) -> None:
    toks = ctx.toks
    form = hit.form
    if form.type == "verb" and not hit.conj and hit.tok > 0 and toks[hit.tok - 1].norm in SUBJUNCTIVE \
            and _subjunctive(toks, hit):
        return  # كان مقررا لها أن تحدث في: …، يمكن أن نقول: a verb in the subjunctive reports nothing
    if form.type == "source":
        parse_source(ctx, hit)
        if hit.subject is None:
            return
        nxt = hit.subject[1]
        if hit.via_verb:  # وطبقا لما أعلنته قيادة عمليات دجلة فإن …: the subject runs to فإن
            for k in range(nxt, min(len(toks), nxt + 5)):
                if not toks[k].is_word or ctx.sent[k] != ctx.sent[hit.tok]:
                    break
                if toks[k].norm.startswith("فان"):
                    hit.subject, nxt = (hit.subject[0], k), k
                    break
        if nxt < len(toks) and toks[nxt].text in (":", "\uff1a"):
            find_intro(ctx, hit, nxt)  # وحسب مموزيني: «أعدم التنظيم …»: the source's own words
            return
        # Sentence-initial source phrase: وبحسب المصدر، فإن ... / وفقا للبيان، ...
        before = [toks[k] for k in range(max(0, hit.tok - 2), hit.tok) if ctx.sent[k] == ctx.sent[hit.tok]]
        initial = hit.conj == "و" or (all(not t.is_word or t.norm in CONNECTORS for t in before) and not (
            hit.tok > 0 and toks[hit.tok - 1].text in ("،", ",") and hit.tok - 1 > 0
            and ctx.sent[hit.tok - 2] == ctx.sent[hit.tok]))
        if initial:
            j = nxt
            for k in range(nxt, min(len(toks) - 1, nxt + 5)):  # بحسب بعض العارفين بالملف، فإن …
                if toks[k].text in SENTENCE_END or toks[k].text in (":", "\uff1a"):
                    break
                if toks[k].text in CLAUSE_PUNCT:
                    if k > nxt and (hit.via_verb or (is_comp(toks[k + 1]) and toks[k + 1].norm.startswith("ف"))):
                        hit.subject, j = (hit.subject[0], k), k  # ووفقا لما ذكرته وكالة أنباء "X" أمس، فقد …
                    break
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
        j = skip_time(ctx, j)
        np = collect_np(ctx, j)
        if np is not None:
            first_person = inside_quote and any(f.person == 1 for f in hit.forms)
            if first_person and form.takes_object:
                hit.object_np = np
            elif strip_conj(toks[np[0]].norm) in OBJECT_NOUNS:
                hit.has_object = True  # أكد أهمية الحل …: the noun phrase is the object
            elif not (first_person and not any(f.person == 3 for f in hit.forms)):
                hit.subject = np
            after = np[1]
        else:
            after = j
    find_intro(ctx, hit, after)
    if hit.intro is None and hit.subject is not None and form.type == "verb" and hit.tok >= 2 \
            and toks[hit.tok - 1].norm == "كما" and toks[hit.tok - 2].text in CLAUSE_PUNCT \
            and _no_object(ctx, hit, hit.subject[1]):
        hit.intro = "source_back"  # أرجئت المحاكمة …، كما أعلنت المحكمة: the clause before is the statement
        return
    if hit.intro is None and form.type != "participle":
        # «...»، قال فلان: a quotation right before the cue (never before a participle: «…»، مضيفا).
        k = hit.tok - 1
        while k >= 0 and toks[k].text in CLAUSE_PUNCT:
            k -= 1
        glued = k == hit.tok - 1 and form.lemma not in BACK_CUES  # "…" وطالبت الوزارة: a new clause
        if k >= 0 and toks[k].end in ctx.close_at and toks[k].text in QUOTE_MARKS and not glued \
                and not _named_outlet(ctx, ctx.close_at[toks[k].end]):
            hit.intro, hit.quotation = "back", ctx.close_at[toks[k].end]
            hit.content_start = hit.quotation.content.start
