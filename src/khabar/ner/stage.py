"""Pipeline stage: tag ``doc.tokens`` sentence by sentence and add NER mentions to ``doc.mentions``."""

from __future__ import annotations

import re
from itertools import groupby
from operator import attrgetter

from khabar.document import Document, Mention, Token
from khabar.ner.arabic import split_proclitics
from khabar.ner.conll import spans
from khabar.ner.model import NerTagger
from khabar.ner.rules import apply_known_names, is_gpe, nisba_spans, propagate, stem_keys
from khabar.text.normalize import normalize, normalize_key

_FALLBACK_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
NORP_CONFIDENCE = 0.8


def _fallback_tokens(text: str) -> list[Token]:
    """Words/punctuation split used only when no text-core tokens are available; sentences at line
    breaks and full stops."""
    tokens: list[Token] = []
    sentence = 0
    for match in _FALLBACK_TOKEN.finditer(text):
        if tokens and ("\n" in text[tokens[-1].end:match.start()] or tokens[-1].text in ".!?؟"):
            sentence += 1
        tokens.append(Token(match.start(), match.end(), match.group(), normalize_key(match.group()),
                            sentence=sentence))
    return tokens


def _tokens(doc: Document) -> list[Token]:
    if doc.tokens:
        return doc.tokens
    try:
        from khabar.text.tokenize import tokenize
    except ImportError:
        return _fallback_tokens(doc.text)
    return tokenize(doc.text)


def mention_start(token: Token) -> int:
    """Where a name starts inside its first token: after the proclitics و/ف/ب/ك/ل but at the article
    (بالموصل -> الموصل, للأمم -> لأمم, ولبنان -> لبنان). Uses the text core's clitic segments when
    present, else a conservative article-based rule."""
    proclitics = [s for s in token.segments if s.role == "proclitic"]
    if proclitics:
        previous = ""
        for segment in proclitics:
            key = normalize_key(segment.text)
            if key == "ال" or (key == "ل" and previous == "ل"):
                return segment.start
            previous = key
        stem = next((s for s in token.segments if s.role == "stem"), None)
        return stem.start if stem is not None else token.start
    norm = normalize(token.text)
    prefix, _rest = split_proclitics(norm.text)
    if prefix.endswith("ال"):
        drop = len(prefix) - 2
    elif prefix.endswith("لل"):
        drop = len(prefix) - 1
    else:
        drop = 0
    return token.start + norm.to_original(drop) if drop else token.start


def _sentences(tokens: list[Token]) -> list[list[Token]]:
    """Runs of tokens with the same sentence index."""
    return [list(group) for _, group in groupby(tokens, key=attrgetter("sentence"))]


def recognize_entities(doc: Document, tagger: NerTagger | None = None) -> Document:
    """Append ``Mention(source="ner")`` for every PER/ORG/LOC/GPE/MISC/NORP name found."""
    if not doc.text.strip():
        return doc
    tagger = tagger or NerTagger.load()
    sentences = _sentences(_tokens(doc))
    words = [[t.text for t in sentence] for sentence in sentences]
    tagged = tagger.tag_document_marginals(words)
    keys = [stem_keys(sentence_words) for sentence_words in words]
    all_tags = propagate(words, [tags for tags, _ in tagged], keys=keys)
    for sentence, sentence_words, sentence_keys, tags, (_crf_tags, probs) in zip(
            sentences, words, keys, all_tags, tagged, strict=True):
        tags = apply_known_names(sentence_words, tags, tagger.lexicon, sentence_keys)
        for kind, start, end in spans(tags):
            begin = mention_start(sentence[start])
            finish = sentence[end - 1].end
            head = [doc.text[begin:sentence[start].end], *sentence_words[start + 1:end]]
            if kind == "LOC" and is_gpe(head, tagger.lexicon):
                kind = "GPE"
            confidence = sum(probs[start:end]) / (end - start)
            doc.mentions.append(Mention(begin, finish, doc.text[begin:finish], kind, "ner", round(confidence, 4)))
        for start, _end in nisba_spans(sentence_words, tags, tagger.lexicon):
            token = sentence[start]
            begin = mention_start(token)
            doc.mentions.append(Mention(begin, token.end, doc.text[begin:token.end], "NORP", "ner", NORP_CONFIDENCE))
    doc.mentions.sort(key=lambda m: (m.start, m.end))
    return doc
