"""Speaker rules shared by the quote builder: the subject of a clause, of a participle, of a
continuation introduced by حيث, and references back to an earlier source (ذات المصدر)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from khabar.document import Document, Entity, Quote, Span
from khabar.quotes.context import Context
from khabar.quotes.cues import CueHit
from khabar.quotes.phrases import collect_np
from khabar.quotes.words import (
    AUX_VERBS,
    CLAUSE_PUNCT,
    COMPLEMENTIZERS,
    CONNECTORS,
    FUNCTION_WORDS,
    INNER_LINKS,
    OUTLET_WORDS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SAME_SOURCE,
    TOPIC_OPENERS,
    TOPIC_VERBS,
    Tok,
    strip_conj,
)
from khabar.text.normalize import normalize_key

_SUBJECT_TYPES = ("PER", "ORG", "NORP", "GPE")
_NOUN_CUES = tuple(normalize_key(w) for w in ("قول", "تأكيد", "تصريح"))  # قولهم، تأكيده، تصريحاته
_PLURAL_RELATIVES = frozenset(normalize_key(w) for w in "الذين اللذين اللتين اللواتي اللاتي".split())
# Prepositions spelled like a past verb (عبّر، بيّن، ضمّن): no sure sign of a prepositional phrase.
_VERB_PREPS = frozenset(normalize_key(w) for w in "عبر بين ضمن".split())
_SIDE_WORDS = frozenset(normalize_key(w) for w in "جهته جهتها جانبه جانبها ناحيته ناحيتها".split())


@dataclass
class Speaker:
    entity: str | None
    span: Span | None


class SpeakerRules:
    """Mixin for the builder: needs ``ctx``, ``doc``, ``quotes``, ``hit_of``, ``silent`` and the
    ``speaker_from_np``/``entity_for`` helpers."""

    ctx: Context
    doc: Document
    quotes: list[Quote]
    hit_of: dict[str, CueHit]
    silent: list[CueHit]

    def speaker_from_np(self, np: tuple[int, int]) -> Speaker:  # pragma: no cover - overridden
        raise NotImplementedError

    def entity_for(self, np: tuple[int, int], skip_l: bool = False) -> Entity | None:  # pragma: no cover
        raise NotImplementedError

    def clause_subject(self, hit: CueHit) -> Speaker | None:
        """For a circumstantial participle (معتبرا، مضيفا): the subject of its clause."""
        sid = self.ctx.sent[hit.tok]
        for quote in reversed(self.quotes):
            qh = self.hit_of[quote.id]
            if qh.form.type == "source" and self.ctx.sent[qh.tok] == sid:
                continue  # وحسب موقع X، تابع فلان … قائلا: the outlet relays, فلان speaks
            if self.ctx.sent[qh.tok] == sid and quote.speaker_text is not None and qh.tok < hit.tok:
                return Speaker(quote.speaker, quote.speaker_text)
            if self.ctx.sent[qh.tok] != sid:
                break
        for other in reversed(self.silent):
            if self.ctx.sent[other.tok] == sid and other.tok < hit.tok and other.subject is not None:
                return self.speaker_from_np(other.subject)
        toks = self.ctx.toks
        start = bisect_left(self.ctx.sent, sid, 0, hit.tok + 1)  # first token of the sentence
        first = self.skip_dateline(start, hit.tok)
        if first + 2 < hit.tok and toks[first].norm == "من" and toks[first + 1].norm in _SIDE_WORDS:
            first += 2  # من جهته، / من جانبه،
            while first < hit.tok and not toks[first].is_word:
                first += 1
        if first < hit.tok and self._opens_phrase(first, sid):
            verb = self.verb_after_phrase(first, hit.tok)  # وعن الفريق، قال: / وفي ذات السياق استمر X
            if verb is None:
                return None
            first = verb
        if not self.doc.entities:
            return self.known_speaker_at(first) or self.initial_verb_subject(first, hit.tok, anchored=first != start)
        window_end = toks[min(first + 2, len(toks) - 1)].end
        cue_start = toks[hit.tok].start
        mentions = self.ctx.mentions_starting_in(toks[first].start, window_end)
        for m_start, m_end, entity in sorted(mentions, key=lambda m: m[0]):
            if entity.type in _SUBJECT_TYPES and m_end <= cue_start:
                return Speaker(entity.id, self.doc.span(m_start, m_end))
        return self.initial_verb_subject(first, hit.tok, anchored=first != start)

    def topic_lead(self, hit: CueHit) -> bool:
        """The cue's sentence opens with a topic phrase (وعن …، وفيما يخص …) and the verb has no subject."""
        if hit.subject is not None or hit.form.type != "verb" or hit.conj:
            return False
        toks, sent = self.ctx.toks, self.ctx.sent
        k = hit.tok
        while k > 0 and sent[k - 1] == sent[hit.tok] and hit.tok - k < 14:
            k -= 1
        if sent[k] != sent[hit.tok] or (k > 0 and sent[k - 1] == sent[hit.tok]):
            return False  # the sentence starts too far back
        while k < hit.tok and not toks[k].is_word:
            k += 1
        norm = toks[k].norm
        if norm in TOPIC_OPENERS:
            return True
        return strip_conj(norm) in ("فيما", "في") and k + 1 < hit.tok and (
            toks[k + 1].norm in TOPIC_VERBS or (k + 2 < hit.tok and toks[k + 2].norm in TOPIC_VERBS))

    def names_speaker(self, speaker: Speaker) -> bool:
        """The phrase names a person or body: a PER/ORG mention or a role noun heads it."""
        span = speaker.span
        if span is None:
            return False
        if any(e.type in ("PER", "ORG") and any(span.start <= m.start < span.end for m in e.mentions)
               for e in self.doc.entities):
            return True
        words = span.text.split()
        return bool(words) and strip_conj(normalize_key(words[0])) in ROLE_NOUNS

    def embedded_speaker(self, hit: CueHit) -> Speaker:
        """The words between the enclosing complementizer and the embedded cue verb."""
        toks = self.ctx.toks
        k = hit.tok - 1
        while k > 0 and toks[k - 1].norm not in COMPLEMENTIZERS and hit.tok - k < 8:
            k -= 1
        words = [i for i in range(k, hit.tok) if toks[i].is_word]
        if not words:
            return Speaker(None, None)
        np = (words[0], words[-1] + 1)
        return Speaker(getattr(self.entity_for(np), "id", None), self.span_of(np))

    def skip_dateline(self, first: int, stop: int) -> int:
        """Skip a dateline (عيسى الحربي- سبق- الرياض:) at the start of a sentence."""
        toks = self.ctx.toks
        dash = False
        for k in range(first, min(stop, first + 10)):
            if toks[k].text in ("-", "–", "/"):
                dash = True
            elif toks[k].text in (":", "："):
                if not dash:
                    return first
                k += 1
                while k < stop and not toks[k].is_word:
                    k += 1
                return k
            elif self.ctx.is_speech_verb(toks[k]):
                return first
        return first

    def initial_verb_subject(self, first: int, stop: int, anchored: bool = False) -> Speaker | None:
        """Without entities: the subject right after a sentence-initial verb (وختم الدكتور فلان قائلا،
        حمّل سمير جعجع ... موضحا، وشنت تركيا ... مشيرة)."""
        toks = self.ctx.toks
        tok = toks[first]
        if tok.is_word and strip_conj(tok.norm) in PREPOSITIONS:
            first = self.verb_after_phrase(first, stop)  # وفي ذات السياق استمر "خلفان" …، وعن الفريق، قال
            if first is None:
                return None
            tok, anchored = toks[first], True
        if not tok.is_word or tok.norm.startswith("ال") or tok.norm in FUNCTION_WORDS or tok.norm in CONNECTORS \
                or first + 1 >= stop or _prep_word(toks[first + 1].norm):
            return None
        if not (anchored or tok.norm[0] in "وف" or first == 0 or self.ctx.sent[first - 1] != self.ctx.sent[first]):
            return None
        np = self.quoted_name_at(first + 1, stop) or collect_np(self.ctx, first + 1, limit=4)
        if np is None or np[1] > stop or not toks[np[0]].norm[:1].isalpha():
            return None
        if not self.ctx.mention_in(toks[np[0]].start, toks[np[0]].end) and _possessed(toks[np[0]].text):
            return None  # واختتم حديثه قائلا: the verb's object, not its subject
        return self.speaker_from_np(np)

    def quoted_name_at(self, k: int, stop: int) -> tuple[int, int] | None:
        """The words of a short quoted name opening at token ``k`` (وخاطب "العمري" الوزير بقوله)."""
        toks, ctx = self.ctx.toks, self.ctx
        q = ctx.open_at.get(toks[k].start) if k < stop else None
        if q is None or not q.closed or not 0 < len(q.content.text.split()) <= 3:
            return None
        words = [i for i in range(k + 1, stop) if toks[i].start < q.content.end and toks[i].is_word]
        return (words[0], words[-1] + 1) if words else None

    def verb_after_phrase(self, first: int, stop: int) -> int | None:
        """After a sentence-initial prepositional phrase (وفي ذات السياق، على صعيد آخر), the verb that
        follows it within a few words, or None when punctuation or the cue comes first."""
        toks, ctx = self.ctx.toks, self.ctx
        for k in range(first + 2, min(stop - 1, first + 5)):
            tok, prev, nxt = toks[k], toks[k - 1], toks[k + 1]
            if not tok.is_word or tok.norm in FUNCTION_WORDS:
                return None
            if tok.norm.startswith(("ال", "لل")) or not _past_verb_shape(tok.norm) or prev.norm in PREPOSITIONS \
                    or ctx.mention_in(tok.start, tok.end):
                continue
            # the verb is followed by its subject: a quoted name or a named entity (استمر "خلفان")
            if nxt.start in ctx.open_at or ctx.mention_starting_in(nxt.start, nxt.start + 1):
                return k
        return None

    def known_speaker_at(self, k: int) -> Speaker | None:
        """Without entities: a sentence-initial word that names an earlier speaker (لافروف أبدى ...)."""
        tok = self.ctx.toks[k]
        if not tok.is_word or tok.norm in FUNCTION_WORDS or len(tok.norm) < 3:
            return None
        for quote in reversed(self.quotes):
            if quote.speaker_text is not None and tok.norm in quote.speaker_text.text and tok.norm in {
                    w for w in _norm_words(quote.speaker_text.text)}:
                return Speaker(quote.speaker, self.doc.span(tok.start, tok.end))
        return None

    def preverbal_subject(self, hit: CueHit) -> Speaker | None:
        """Subject-verb order: الأمم المتحدة تقول إن / الوزير قال إن."""
        if hit.conj:
            return None
        toks = self.ctx.toks
        k = hit.tok - 1
        sid = self.ctx.sent[hit.tok]
        end = hit.tok
        if k >= 0 and toks[k].norm == "قد":
            k, end = k - 1, k
        limit = 5
        while k >= 0 and end - k <= limit:
            tok = toks[k]
            if self._opens_phrase(k, sid) and k < hit.tok - 1:
                return None  # على خلفية أحداث النهائي قال: a prepositional phrase, not a subject
            if tok.norm == "في" and k > 0 and self.ctx.sent[k - 1] == sid and toks[k - 1].is_word:
                head = toks[k - 1].norm
                if (head.startswith("ال") or head in ROLE_NOUNS) and head not in FUNCTION_WORDS:
                    limit, k = 9, k - 1  # المدير التنفيذي في فريق كرة القدم قد أكد: one phrase
                    continue
                if k < hit.tok - 1 and _possessed(toks[k - 1].text):
                    return None  # وعن عدم مشاركته في المباراة قال: a complement, not a subject
            if not tok.is_word or self.ctx.sent[k] != sid or tok.norm in FUNCTION_WORDS or tok.norm in CONNECTORS \
                    or tok.norm in COMPLEMENTIZERS or tok.norm in ("لكن", "ولكن"):
                break
            if self.ctx.cue_forms(tok)[0]:
                break
            if (tok.norm in PREPOSITIONS or (tok.norm[:1] in "وف" and tok.norm[1:] in PREPOSITIONS)) \
                    and not self.ctx.mention_in(tok.start, tok.end):  # علي خامنئي: a name, not على
                if k < hit.tok - 1:
                    return None  # وفي معرض وصفه: a prepositional phrase, not a subject
                break
            if strip_conj(tok.norm) in AUX_VERBS:
                return None  # ومضى يقول: the running speaker goes on
            k -= 1
        if k >= 0 and end - k > limit and self._opens_phrase(k, sid):
            return None
        start = k + 1
        if start >= end:
            return None
        np = (start, end)
        span = self.span_of(np)
        entity = self.ctx.entity_at(span.start, span.end) if self.doc.entities else None
        return Speaker(entity.id if entity else None, span)

    def _opens_phrase(self, k: int, sid: int) -> bool:
        """Token ``k`` is a preposition (not في/باسم of a title, not a name such as علي) of sentence ``sid``."""
        tok = self.ctx.toks[k]
        norm = tok.norm[1:] if tok.norm[:1] in ("و", "ف") and tok.norm[1:] in PREPOSITIONS else tok.norm
        return tok.is_word and self.ctx.sent[k] == sid and norm in PREPOSITIONS and norm not in _VERB_PREPS \
            and tok.norm not in INNER_LINKS and not self.ctx.mention_in(tok.start, tok.end)

    def relative_antecedent(self, hit: CueHit) -> Speaker | None:
        """الأطباء العاملين في المستشفى الذين أكدوا أنهم …: a plural relative pronoun right before a
        plural cue verb refers to the noun phrase before it."""
        toks = self.ctx.toks
        k = hit.tok - 1
        if hit.conj or k < 1 or toks[k].norm not in _PLURAL_RELATIVES or not toks[hit.tok].norm.endswith("وا"):
            return None
        sid = self.ctx.sent[hit.tok]
        end = k
        j = k - 1
        while j >= 0 and end - j <= 6 and self.ctx.sent[j] == sid and toks[j].is_word:
            norm = toks[j].norm
            if j >= 1 and toks[j - 1].norm in PREPOSITIONS and j - 1 > 0 and toks[j - 2].is_word:
                j -= 2  # في المستشفى: a prepositional complement of the noun before it
                continue
            if norm in PREPOSITIONS or norm in FUNCTION_WORDS or norm in COMPLEMENTIZERS or self.ctx.cue_forms(toks[j])[0]:
                break
            j -= 1
        start = j + 1
        if start >= end:
            return None
        while start < end and toks[start].norm in PREPOSITIONS:
            start += 1
        return self.speaker_from_np((start, end)) if start < end else None

    def previous_sentence_subject(self, hit: CueHit) -> Speaker | None:
        """A dropped subject with no earlier speaker: the subject of the verb that opens the
        previous sentence (قدمت الحكومة الفلسطينية طلبا … . وأعلنت في بيان: …)."""
        sent = self.ctx.sent
        k = hit.tok
        while k > 0 and sent[k - 1] == sent[hit.tok]:
            k -= 1
        if k == 0:
            return None
        first = k - 1
        while first > 0 and sent[first - 1] == sent[k - 1]:
            first -= 1
        return self.initial_verb_subject(first, k, anchored=True)

    def clause_initial(self, k: int) -> bool:
        """The cue opens its clause: first word of the sentence, or after a conjunction or comma."""
        toks = self.ctx.toks
        if k == 0 or self.ctx.sent[k - 1] != self.ctx.sent[k] or toks[k].norm[:1] in ("و", "ف"):
            return True
        if any(q.content.start <= toks[k].start < q.content.end for q in self.ctx.quotations):
            return False
        return toks[k - 1].text in CLAUSE_PUNCT or toks[k - 1].norm in CONNECTORS

    def embedded_subject(self, hit: CueHit) -> Speaker | None:
        """حيث قال أن ...: after ``وقال لافروف أن كيري ...`` the cue introduced by حيث continues the
        reported clause, so its speaker is that clause's subject (كيري), not the reporter."""
        toks = self.ctx.toks
        if hit.tok == 0 or strip_conj(toks[hit.tok - 1].norm) != "حيث" or hit.conj or hit.intro != "comp":
            return None
        sid = self.ctx.sent[hit.tok]
        prev = self.quotes[-1] if self.quotes else None
        if prev is None or prev.kind == "direct" or not prev.content.start <= toks[hit.tok].start:
            return None
        gap = [t for t in toks[first_tok_at(toks, prev.content.end):hit.tok] if t.start >= prev.content.end]
        if any(t.is_word and strip_conj(t.norm) != "حيث" for t in gap):
            return None
        k = first_tok_at(toks, prev.content.start)
        prev_hit = self.hit_of.get(prev.id)
        if k >= len(toks) or toks[k].start != prev.content.start or self.ctx.sent[k] != sid or (
                prev_hit is not None and prev_hit.pronoun):
            return None  # the clause opens with an attached pronoun (أنه): the reporter goes on
        np = collect_np(self.ctx, k, limit=4)
        if np is None or np[1] > hit.tok or toks[k].norm.startswith("ال"):
            return None  # only a named subject (كيري), not a common noun phrase
        return self.speaker_from_np(np)

    def quoted_via(self, hit: CueHit) -> tuple[int, int] | None:
        """نقلت وكالة X عن Y قولهم/تأكيده إن ...: the phrase Y between عن and the noun cue."""
        if hit.form.lemma != "نقل" or hit.subject is None or hit.intro_tok < 0:
            return None
        toks = self.ctx.toks
        for k in range(hit.subject[1], hit.intro_tok):
            if toks[k].norm == "عن":
                np = collect_np(self.ctx, k + 1, limit=6)
                if np is None or np[1] > hit.intro_tok:
                    return None
                end = next((j for j in range(np[0] + 1, np[1]) if toks[j].norm.startswith(_NOUN_CUES)), np[1])
                return (np[0], end)
        return None

    def same_source(self, np: tuple[int, int]) -> bool:
        words = {self.ctx.toks[k].norm for k in range(*np)}
        return bool(words & SAME_SOURCE) or "نفسه" in words

    def source_reference(self, np: tuple[int, int]) -> str | None:
        toks = self.ctx.toks
        words = {toks[k].norm for k in range(*np)}
        entity = self.entity_for(np)
        for quote in reversed(self.quotes):
            if entity is not None and quote.speaker == entity.id:
                return quote.id
            if words & SAME_SOURCE or "نفسه" in words:
                spk = normalize_key(quote.speaker_text.text) if quote.speaker_text else ""
                ent = self.doc.entity(quote.speaker)
                if any(w in spk for w in OUTLET_WORDS) or (ent is not None and ent.type == "ORG"):
                    return quote.id
        if words & SAME_SOURCE or "نفسه" in words:
            for quote in reversed(self.quotes):
                hit = self.hit_of.get(quote.id)
                if hit is not None and hit.subject is not None and hit.form.type != "source":
                    return quote.id
        return None


def _possessed(surface: str) -> bool:
    """A noun with an attached possessive pronoun (حديثه، كلمتها; not إدارة): an object, not a speaker."""
    word = surface.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return len(word) > 4 and word.endswith(("ه", "ها", "هم")) and not word.startswith("ال") and not word.endswith("الله")


def _past_verb_shape(norm: str) -> bool:
    """A short undefined word that may be a past verb (استمر، تابع، عاد): 3 to 6 letters."""
    return 3 <= len(norm) <= 6


def _prep_word(norm: str) -> bool:
    return norm.startswith(("ل", "ب")) and not norm.startswith("ال")


def _norm_words(text: str) -> list[str]:
    return normalize_key(text).split()


def first_tok_at(toks: list[Tok], offset: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo
