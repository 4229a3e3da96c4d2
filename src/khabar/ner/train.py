"""Training the CRF from the shared corpora (reproducible: fixed split seed, deterministic L-BFGS)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from khabar.ner import corpora
from khabar.ner.conll import Sentence
from khabar.ner.features import FeatureConfig, Featurizer
from khabar.ner.lexicon import Lexicon, build_lexicon
from khabar.ner.model import CLUSTERS_FILE, LEXICON_FILE, MODEL_FILE, save_clusters, write_config


@dataclass
class TrainSettings:
    c1: float = 0.01
    c2: float = 0.01
    max_iterations: int = 200
    minfreq: float = 0  # drop features seen fewer times than this in training
    extra: list[str] = field(default_factory=list)  # names in corpora.EXTRA_CORPORA
    extra_weight_cap: int | None = None  # at most this many sentences from each extra corpus
    hold_out_dev: bool = True  # False: train on train+dev (the shipped model)
    subset: int | None = None
    features: FeatureConfig = field(default_factory=FeatureConfig)


def training_sentences(settings: TrainSettings) -> tuple[list[Sentence], list[Sentence]]:
    train, dev = corpora.train_dev_split(corpora.anercorp("train"))
    if not settings.hold_out_dev:
        train = train + dev
    for name in settings.extra:
        extra = corpora.EXTRA_CORPORA[name]()
        if settings.extra_weight_cap:
            extra = extra[: settings.extra_weight_cap]
        train = train + extra
    if settings.subset:
        train = train[: settings.subset]
    return train, dev


DOC_WINDOW = 40  # ANERcorp has no article boundaries: runs of 40 sentences stand in for documents


def fit(sentences: list[Sentence], featurizer: Featurizer, settings: TrainSettings, model_path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for start in range(0, len(sentences), DOC_WINDOW):
        block = sentences[start:start + DOC_WINDOW]
        features = featurizer.document([[t for t, _ in s] for s in block])
        for sentence, items in zip(block, features, strict=True):
            trainer.append(items, [tag for _, tag in sentence])
    trainer.set_params({"c1": settings.c1, "c2": settings.c2, "max_iterations": settings.max_iterations,
                        "feature.possible_transitions": True, "feature.minfreq": settings.minfreq})
    trainer.train(str(model_path))


def learn_training_clusters() -> dict[str, str]:
    """Word clusters from the raw text of SaudiNewsNet and the training corpora (the token text of
    ANERcorp train without the dev split, WikiFANE, AQMAR, Wojood; never ANERcorp test)."""
    from khabar.ner.clusters import learn_clusters, raw_sentences

    train, _dev = corpora.train_dev_split(corpora.anercorp("train"))
    texts = [[w for w, _ in s] for s in train]
    for name in ("wikifane", "aqmar", "wojood"):
        texts += [[w for w, _ in s] for s in corpora.EXTRA_CORPORA[name]()]
    try:
        return learn_clusters(raw_sentences(corpora.data_dir(), texts))
    except ImportError as error:  # training-only dependencies
        raise RuntimeError("learning word clusters needs numpy, scipy and scikit-learn (pip install "
                           "'khabar[train]'); without --learn-clusters the shipped clusters are reused") from error


def train_model(output: Path, settings: TrainSettings, lexicon: Lexicon | None = None,
                clusters: dict[str, str] | None = None) -> dict[str, object]:
    """Build lexicon (unless given) and CRF into ``output``; returns a summary."""
    began = time.perf_counter()
    output.mkdir(parents=True, exist_ok=True)
    if lexicon is None:
        lexicon = build_lexicon(corpora.data_dir())
    settings.features.clusters = bool(clusters)
    featurizer = Featurizer(lexicon, clusters or {}, settings.features)
    train, _dev = training_sentences(settings)
    fit(train, featurizer, settings, output / MODEL_FILE)
    lexicon.save(output / LEXICON_FILE)
    if clusters:
        save_clusters(clusters, output / CLUSTERS_FILE)
    summary = {"sentences": len(train), "tokens": sum(map(len, train)), "c1": settings.c1, "c2": settings.c2,
               "max_iterations": settings.max_iterations, "minfreq": settings.minfreq, "extra": settings.extra,
               "hold_out_dev": settings.hold_out_dev, "seconds": round(time.perf_counter() - began, 1)}
    write_config(output, settings.features, {"training": summary})
    return summary
