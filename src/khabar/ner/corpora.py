"""Loaders for the shared NER corpora, mapped to the ANERcorp tag set (PER, LOC, ORG, MISC).

Training data is read from ``khabar.paths.shared_data_dir()`` and never shipped. NewsFANE is never
loaded: it reuses the ANERcorp test text.
"""

from __future__ import annotations

import random
from pathlib import Path

from khabar.ner.conll import Sentence, clean_token, normalize_tag, read_conll
from khabar.paths import shared_data_dir

ANERCORP_DIR = "anercorp-camellab"
ANERCORP_TRAIN = "ANERCorp_CamelLab_train.txt"
ANERCORP_TEST = "ANERCorp_CamelLab_test.txt"

# WikiFANE fine types -> coarse ANERcorp types (ANERcorp tags countries/cities as LOC; FAC, VEH,
# WEA are not ANERcorp entities; products and religious/ethnic groups are not tagged there either).
WIKIFANE_MAP: dict[str, str] = {
    **dict.fromkeys(["Politician", "Athlete", "Artist", "Scientist", "Religious_PER", "Businessperson",
                     "Lawyer", "Engineer", "Other_PER"], "PER"),
    **dict.fromkeys(["Government", "Non-Governmental", "Commercial", "Media", "Educational", "Sports",
                     "Religious_ORG", "Medical-Science", "Entertainment", "Police"], "ORG"),
    **dict.fromkeys(["Nation", "Population-Center", "State-or-Province", "County-or-District", "Continent",
                     "GPE-Cluster", "Water-Body", "Land-Region-Natural", "Celestial"], "LOC"),
}
WOJOOD_MAP: dict[str, str] = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def data_dir() -> Path:
    path = shared_data_dir(required=True)
    assert path is not None
    return path


def anercorp(split: str) -> list[Sentence]:
    name = ANERCORP_TRAIN if split == "train" else ANERCORP_TEST
    return [[(tok, normalize_tag(tag)) for tok, tag in sent] for sent in read_conll(data_dir() / ANERCORP_DIR / name)]


def train_dev_split(sentences: list[Sentence], dev_share: float = 0.1, block: int = 40,
                    seed: int = 13) -> tuple[list[Sentence], list[Sentence]]:
    """Hold out whole blocks of consecutive sentences (articles run over consecutive sentences)."""
    blocks = [sentences[i:i + block] for i in range(0, len(sentences), block)]
    order = list(range(len(blocks)))
    random.Random(seed).shuffle(order)
    dev_blocks = set(order[: max(1, round(len(blocks) * dev_share))])
    train = [s for i, b in enumerate(blocks) if i not in dev_blocks for s in b]
    dev = [s for i, b in enumerate(blocks) if i in dev_blocks for s in b]
    return train, dev


def _mapped(tag: str, mapping: dict[str, str] | None) -> str:
    tag = tag.strip().strip("`")
    if len(tag) < 3 or tag[0] not in "BI" or tag[1] != "-":
        return "O"
    kind = tag[2:].strip("-")
    if mapping is None:
        if kind.startswith("MIS"):
            kind = "MISC"
        kind = {"PERS": "PER"}.get(kind, kind)
        return f"{tag[0]}-{kind}" if kind in ("PER", "LOC", "ORG", "MISC") else "O"
    target = mapping.get(kind)
    return f"{tag[0]}-{target}" if target else "O"


def _repair(sentence: Sentence) -> Sentence:
    """Turn an I- that follows O or another type into B- (mapping can break chunks)."""
    fixed: Sentence = []
    previous = "O"
    for token, tag in sentence:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append((token, tag))
        previous = tag
    return fixed


def aqmar(keep_misc: bool = False) -> list[Sentence]:
    out: list[Sentence] = []
    for path in sorted((data_dir() / "aqmar-wikipedia-ner").glob("*.txt")):
        for sent in read_conll(path):
            tags = [_mapped(tag, None) for _, tag in sent]
            if not keep_misc:
                tags = ["O" if t.endswith("MISC") else t for t in tags]
            out.append(_repair([(tok, t) for (tok, _), t in zip(sent, tags, strict=True)]))
    return out


def wikifane() -> list[Sentence]:
    path = data_dir() / "wikifane-newsfane-gold" / "WikiFANE_Gold_2014_500K.txt"
    return [_repair([(tok, _mapped(tag, WIKIFANE_MAP)) for tok, tag in sent]) for sent in read_conll(path, "\t")]


def wojood() -> list[Sentence]:
    out: list[Sentence] = []
    for name in ("train.txt", "val.txt", "test.txt"):
        for sent in read_conll(data_dir() / "wojood-sample" / name):
            kept = [(clean_token(tok), _mapped(tag, WOJOOD_MAP)) for tok, tag in sent if tok != "$#$"]
            if kept:
                out.append(_repair(kept))
    return out


EXTRA_CORPORA = {"aqmar": aqmar, "wikifane": wikifane, "wojood": wojood}
