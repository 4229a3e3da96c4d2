"""Pass 2: resolve speakers, addressees and contents, and build the Quote records (clause limits
in ``clauses``, addressee and channel in ``addressees``, speaker rules in ``speakers``)."""

from __future__ import annotations

from bisect import bisect_right

from khabar.document import Document, Entity, Quotation, Quote, Span
from khabar.quotes.addressees import AddresseeRules
from khabar.quotes.clauses import ClauseRules, trim_span
from khabar.quotes.context import Context
from khabar.quotes.cues import CueHit
from khabar.quotes.speakers import Speaker, SpeakerRules, first_tok_at
from khabar.quotes.words import (
    CLAUSE_PUNCT,
    GENERIC_RELATIVES,
    IMPERSONAL_CUES,
    MEDIA_WORDS,
    NOTE_CUES,
    strip_conj,
)

_BLOCKING_LINKS = ("في", "باسم", "لدي")
UNCUED_MIN_WORDS = 6


class Builder(SpeakerRules, ClauseRules, AddresseeRules):
    """Turns the analysed cue hits of one document into its Quote records, in text order."""

    def __init__(self, ctx: Context, hits: list[CueHit]):
        self.ctx, self.hits = ctx, hits
        self.doc: Document = ctx.doc
        self.quotes: list[Quote] = []
        self.hit_of: dict[str, CueHit] = {}
        self.by_quotation: dict[int, Quote] = {}
        self.last_speaker: Speaker | None = None
        self.last_addressee: Speaker | None = None
        self.last_in: dict[str, Quote] = {}  # last quote inside each outer quote
        self.silent: list[CueHit] = []  # cues with a speaker but no content
        self.boundaries = sorted(self._boundary(h) for h in hits
                                 if h.intro is not None and not h.consumed and not h.embedded)

    # ----- helpers
    def outlet(self, np: tuple[int, int]) -> bool:
        """A news outlet (موقع، وكالة، صحيفة ...) heads the phrase."""
        return strip_conj(self.ctx.toks[np[0]].norm) in MEDIA_WORDS and not self.same_source(np)

    def impersonal(self, hit: CueHit) -> bool:
        """ويرجح أن …، ويعتقد أن …: a clause-initial imperfect with no subject, right before its
        complementizer, reads as the agentless passive (يُرجَّح): left unattributed, not guessed."""
        toks = self.ctx.toks
        return strip_conj(toks[hit.tok].norm) in IMPERSONAL_CUES and hit.subject is None \
            and hit.intro == "comp" and hit.intro_tok == hit.tok + 1 and self.clause_initial(hit.tok)

    def person(self, entity_id: str) -> bool:
        entity = self.doc.entity(entity_id)
        return entity is not None and entity.type == "PER"

    def running_speaker(self, hit: CueHit) -> Speaker | None:
        """The last speaker, at its latest mention before the cue (وكان داود أوغلو حمل … ووعد)."""
        speaker = self.last_speaker
        if speaker is None or speaker.entity is None or speaker.span is None:
            return speaker
        entity = self.doc.entity(speaker.entity)
        cue_start = self.ctx.toks[hit.tok].start
        later = [m for m in entity.mentions if speaker.span.end <= m.start and m.end <= cue_start] if entity else []
        if not later:
            return speaker
        last = max(later, key=lambda m: m.start)
        return Speaker(speaker.entity, self.doc.span(last.start, last.end))

    def speaker_like(self, np: tuple[int, int]) -> bool:
        """The phrase may name a speaker: not a possessed noun that is no name (ونقل تحياته ...)."""
        toks = self.ctx.toks
        head = toks[np[0]].norm
        if self.ctx.mention_in(toks[np[0]].start, toks[np[1] - 1].end):
            return True
        surface = toks[np[0]].text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        return not (len(head) > 4 and surface.endswith(("ه", "ها", "هم", "هما")) and not head.endswith("الله"))

    def span_of(self, np: tuple[int, int]) -> Span:
        toks = self.ctx.toks
        return self.doc.span(toks[np[0]].start, toks[np[1] - 1].end)

    def entity_for(self, np: tuple[int, int], skip_l: bool = False) -> Entity | None:
        if not self.doc.entities:
            return None
        toks = self.ctx.toks
        limit = toks[np[1] - 1].end
        for k in range(np[0] + 1, np[1]):
            if toks[k].norm in _BLOCKING_LINKS:
                limit = toks[k].start
                break
        start = toks[np[0]].start + (1 if skip_l else 0)
        entity = self.ctx.entity_at(start, limit)
        return entity

    def speaker_from_np(self, np: tuple[int, int]) -> Speaker:
        entity = self.entity_for(np)
        return Speaker(entity.id if entity else None, self.span_of(np))

    def enclosing(self, offset: int) -> Quote | None:
        """The quote of the innermost attributed quotation holding ``offset``."""
        quotations = self.ctx.quotations
        best: Quote | None = None
        for k in range(bisect_right(self.ctx.quote_starts, offset) - 1, -1, -1):
            quotation = quotations[k]
            quote = self.by_quotation.get(id(quotation))
            if quote and quotation.content.start <= offset < quotation.content.end and (
                    best is None or quotation.content.start >= best.content.start):
                best = quote
        return best

    # ----- main
    def run(self) -> list[Quote]:
        for hit in self.hits:
            if hit.intro is None and hit.subject is not None and hit.form.type == "verb" and not hit.consumed \
                    and self.clause_initial(hit.tok):
                # أكد فلان تطهير ... / أعرب فلان عن ...: no content, but the sentence names a speaker
                # for the participles and bare verbs that follow.
                if self.speaker_like(hit.subject):
                    self.last_speaker = self.speaker_from_np(hit.subject)
                    self.silent.append(hit)
                continue
            if hit.intro is None or hit.consumed:
                continue
            self.build(hit)
        self.uncued_quotations()
        return self.quotes

    def build(self, hit: CueHit) -> None:
        ctx, toks, doc = self.ctx, self.ctx.toks, self.doc
        cue_tok = toks[hit.tok]
        if cue_tok.norm in NOTE_CUES and hit.subject is None and hit.intro == "comp" and hit.intro_tok == hit.tok + 1:
            return  # يذكر أن …: the reporter's own note
        if hit.intro in ("comp", "source_front") and not hit.embedded and any(
                q.kind != "direct" and q.content.start <= cue_tok.start < q.content.end for q in self.quotes):
            return
        if hit.tok > 0 and toks[hit.tok - 1].norm in GENERIC_RELATIVES:
            return  # لست ممن يرى أن …: a generic clause, nobody speaks
        if hit.embedded and hit.intro != "comp":
            return  # إن القيادة دعت النصرة «للمرابضة …»: an object inside the reported clause
        outer = self.enclosing(cue_tok.start)
        prev_in = self.last_in.get(outer.id) if outer else None
        form = hit.form
        confidence = 0.8
        speaker: Speaker | None
        first_person = outer is not None and hit.subject is None and any(f.person == 1 for f in hit.forms)
        reply = outer is not None and prev_in is not None and hit.subject is None and not first_person and (
            hit.conj.startswith("ف") or form.reply)
        if hit.embedded:
            speaker = self.embedded_speaker(hit)
            if not self.names_speaker(speaker):
                return  # إن "الدلائل الأولية تشير إلى أن …": evidence, not a speaker
        elif hit.subject is not None:
            speaker = self.speaker_from_np(hit.subject)
            confidence = 0.9
            if form.comp_only and not hit.conj:  # نتنياهو وصف الاتفاق بأنه ...: the subject comes first
                speaker = self.preverbal_subject(hit) or speaker
            via = self.quoted_via(hit)
            if via is not None:  # نقلت وكالة X عن Y قولهم إن ...: Y speaks
                speaker = self.speaker_from_np(via)
        elif form.person == 1 and outer is None:
            speaker, confidence = Speaker(None, None), 0.5
        elif first_person and outer is not None:
            speaker, confidence = Speaker(outer.speaker, outer.speaker_text), 0.85
        elif cue_tok.norm == "قيل" or form.type == "source" or self.impersonal(hit):
            speaker, confidence = Speaker(None, None), 0.5
        elif reply and prev_in is not None:
            speaker = Speaker(prev_in.addressee, prev_in.addressee_text)
            confidence = 0.75
        elif form.type == "participle":
            speaker = self.clause_subject(hit) or self.running_speaker(hit)
            confidence = 0.75
        elif self.topic_lead(hit):  # وعن رؤيته للبطولة قال: … / وفيما يخص المطالبة قال: …
            speaker = (Speaker(prev_in.speaker, prev_in.speaker_text) if prev_in else None) or self.running_speaker(hit)
            confidence = 0.7
        else:
            speaker = self.preverbal_subject(hit) or self.embedded_subject(hit) or self.relative_antecedent(hit)
            if speaker is None:
                speaker = (Speaker(prev_in.speaker, prev_in.speaker_text) if prev_in else None) or (
                    self.clause_subject(hit) if outer is None else None) or self.running_speaker(hit)
                confidence = 0.7
            if speaker is None and outer is None and hit.conj:
                speaker = self.previous_sentence_subject(hit)  # قدمت الحكومة … . وأعلنت في بيان: …
                confidence = 0.6
        speaker = speaker or Speaker(None, None)
        # Addressee.
        addressee: Speaker | None = None
        if hit.object_np is not None:
            addressee = self.speaker_from_np(hit.object_np)
        elif hit.addressee_np is not None:
            addressee = self.speaker_from_np(hit.addressee_np)
        elif hit.addressee_tok is not None:
            addressee = self.addressee_token(hit.addressee_tok, hit, prev_in if reply or form.reply else None)
        channel = hit.channel or form.channel or self.channel_before(hit)
        if reply and prev_in is not None:
            channel = channel or prev_in.channel
            if addressee is None:
                addressee = Speaker(prev_in.speaker, prev_in.speaker_text)
        elif form.reply and prev_in is not None and addressee is None:
            addressee = Speaker(prev_in.speaker, prev_in.speaker_text)
            channel = channel or prev_in.channel
        if form.reply and prev_in is not None:
            channel = channel or prev_in.channel
        # Content.
        limit = outer.content.end if outer else len(doc.text)
        kind = "indirect"
        reported_by = outer.id if outer else None
        if hit.intro in ("quote", "back") and hit.quotation is not None:
            if hit.intro == "back" and id(hit.quotation) in self.by_quotation:
                return  # the quotation already belongs to an earlier statement
            content = hit.quotation.content
            kind = "mixed" if hit.fragment else "direct"
            if hit.fragment and hit.intro == "quote":  # أشار إلى "…" القوات التي "…": the whole object
                end = self.clause_end(hit.quotation.end, limit)
                if end > hit.quotation.end:
                    content = doc.span(hit.quotation.start, end)
            confidence += 0.05
        elif hit.intro == "colon":
            end = self.clause_end(hit.content_start, limit, paragraph=True)
            content = doc.span(hit.content_start, end)
            kind = "direct"
        elif hit.intro in ("comp", "source_front"):
            if hit.intro == "source_front" and self.ctx.is_speech_verb(toks[first_tok_at(toks, hit.content_start)]):
                return  # وحسب موقع "سي إن إن"، قال الحريري ...: the verb's own quote follows
            end = self.clause_end(hit.content_start, limit)
            opening = ctx.open_at.get(hit.content_start)
            if opening is not None and opening.closed and opening.end < end and \
                    doc.text[opening.end:opening.end + 2].strip()[:1] in CLAUSE_PUNCT:
                end = opening.end  # إن «نحن مستمرون …»، خلال شرحه …: the quotation is the statement
            content = doc.span(hit.content_start, end)
        elif hit.intro == "source_back":
            prev = self.quotes[-1] if self.quotes else None
            cue_start = cue_tok.start
            if prev is not None and prev.kind != "direct" and 0 <= cue_start - prev.content.end <= 3:
                if hit.subject is not None and self.outlet(hit.subject):
                    return  # …، حسب موقع بي بي سي: the outlet relays the quote, no new statement
                content = prev.content
                reported_by = prev.id
            else:
                start = self.sentence_start(hit.tok)
                end = self.clause_end(start, cue_start, sentence_only=True)
                content = doc.span(start, end)
            speaker = self.speaker_from_np(hit.subject) if hit.subject else speaker
            confidence = 0.7
        else:
            return
        content = trim_span(doc, content)
        if not content.text:
            return
        if hit.intro in ("comp", "source_front"):
            inner = [q for q in ctx.quotations if content.start <= q.start and q.end <= content.end + 1]
            if inner:
                kind = "mixed"
                for q in inner:
                    self.by_quotation.setdefault(id(q), _placeholder(q))
            if addressee is None or channel is None:
                addressee, channel = self.scan_content_start(content, hit, addressee, channel)
        if hit.source_ref is not None:
            reported_by = self.source_reference(hit.source_ref) or reported_by
        if form.type == "source" and hit.subject is not None and self.same_source(hit.subject):
            ref = self.source_reference(hit.subject)
            earlier = next((q for q in self.quotes if q.id == ref), None)
            if earlier is not None and earlier.speaker_text is not None:
                speaker = Speaker(earlier.speaker, earlier.speaker_text)
        if speaker.entity is not None:
            confidence += 0.05
        cue_end = toks[hit.last].end if form.type == "source" and hit.via_verb else cue_tok.end
        quote = Quote(
            id=f"Q{len(self.quotes) + 1}", kind=kind, content=content,
            cue=doc.span(cue_tok.start, cue_end), speaker=speaker.entity, speaker_text=speaker.span,
            addressee=addressee.entity if addressee else None,
            addressee_text=addressee.span if addressee else None, channel=channel,
            confidence=min(confidence, 0.99), reported_by=reported_by,
        )
        self.quotes.append(quote)
        self.hit_of[quote.id] = hit
        if hit.quotation is not None:
            self.by_quotation[id(hit.quotation)] = quote
        if outer is not None:
            self.last_in[outer.id] = quote
        elif hit.embedded:
            pass  # a speaker inside a reported clause does not take over the discourse
        elif speaker.span is not None and form.type != "source":
            self.last_speaker = speaker
        elif speaker.span is not None and hit.intro == "source_front" and not (
                hit.subject is not None and self.outlet(hit.subject)):
            self.last_speaker = speaker
        elif speaker.entity is not None and hit.intro == "source_back" and self.person(speaker.entity):
            self.last_speaker = speaker  # …، وفقا للمخرج سام منديز. وأضاف: …: the person speaks on
        if addressee is not None and addressee.span is not None:
            self.last_addressee = addressee

    def uncued_quotations(self) -> None:
        for q in self.ctx.quotations:
            if id(q) in self.by_quotation or q.depth > 0:
                continue
            if any(x.content.start <= q.start < x.content.end for x in self.quotes):
                continue
            if len(q.content.text.split()) < UNCUED_MIN_WORDS:
                continue
            before = self.doc.text[:q.start].rstrip(" \t")
            if before and before[-1] not in ":\n.؟?!":
                continue
            earlier = [x for x in self.quotes if x.speaker_text is not None and x.cue is not None
                       and x.cue.start < q.start and x.reported_by is None]
            last = max(earlier, key=lambda x: x.cue.start if x.cue else 0) if earlier else None
            speaker = Speaker(last.speaker, last.speaker_text) if last else Speaker(None, None)
            quote = Quote(id=f"Q{len(self.quotes) + 1}", kind="direct", content=q.content, cue=None,
                          speaker=speaker.entity, speaker_text=speaker.span, confidence=0.45)
            self.quotes.append(quote)
            self.by_quotation[id(q)] = quote


def _placeholder(q: Quotation) -> Quote:
    return Quote(id="", kind="direct", content=q.content)
