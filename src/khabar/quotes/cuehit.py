"""The record of one speech cue: where the cue is, the speaker phrase, addressee and channel read
around it, and how its content is introduced (filled in by the cue analysis, read by the builder)."""

from __future__ import annotations

from dataclasses import dataclass, field

from khabar.document import Quotation
from khabar.quotes.lexicon import CueForm


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
    has_object: bool = False  # a noun object follows the cue (أكد أهمية ...)
    fragment: bool = False  # the quoted content is a noun object (أكد "أهمية ...")
    pronoun: bool = False  # the complementizer carries a pronoun (أنه): the clause has no named subject
    consumed: bool = False
    embedded: bool = False  # the verb of another cue's reported clause (قال إن القيادة دعت …)
    notes: list[str] = field(default_factory=list)
