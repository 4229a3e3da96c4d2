"""The shipped CRF tagger: ``NerTagger.load(path=None).tag(tokens) -> IOB2 tags``."""

from __future__ import annotations

import gzip
import io
import json
import threading
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import pycrfsuite

from khabar.ner.features import FeatureConfig, Featurizer
from khabar.ner.lexicon import Lexicon
from khabar.paths import PACKAGE_DATA

if TYPE_CHECKING:
    from khabar.ner.scoring import EmissionScorer, LabelBasis

DEFAULT_MODEL_DIR = PACKAGE_DATA / "ner"
MODEL_FILE = "model.crfsuite"
LEXICON_FILE = "lexicon.tsv.gz"
CLUSTERS_FILE = "clusters.tsv.gz"
CONFIG_FILE = "config.json"
LEGACY_FEATURES = {"document": False, "left_pair": False, "right_pair": False}
MAX_SENTENCE = 400  # longer token lists are tagged in windows of this size

_CACHE: dict[Path, NerTagger] = {}
_LOCK = threading.Lock()


def load_clusters(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t", 1) for line in handle if "\t" in line)


def save_clusters(clusters: dict[str, str], path: Path) -> None:
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as packed, \
                io.TextIOWrapper(packed, encoding="utf-8") as handle:  # mtime=0: byte-identical rebuilds
        for word in sorted(clusters):
            handle.write(f"{word}\t{clusters[word]}\n")


class NerTagger:
    def __init__(self, path: Path, featurizer: Featurizer, tagger: pycrfsuite.Tagger, fast: bool = True) -> None:
        self.path = path
        self.featurizer = featurizer
        self._tagger = tagger
        self._lock = threading.Lock()
        self._scorer: EmissionScorer | None = None
        self._basis: LabelBasis | None = None
        if fast:
            try:  # numpy computes the emission scores; without it CRFsuite gets the feature strings
                from khabar.ner.crfweights import read_weights
                from khabar.ner.scoring import EmissionScorer, LabelBasis
            except ImportError:  # pragma: no cover - numpy is a declared dependency
                return
            weights = read_weights(path / MODEL_FILE)
            self._basis = LabelBasis.of(weights)
            if self._basis is not None:
                self._scorer = EmissionScorer(featurizer, weights)

    @property
    def lexicon(self) -> Lexicon:
        return self.featurizer.lexicon

    @classmethod
    def load(cls, path: Path | str | None = None) -> NerTagger:
        """Load (once per directory, cached) the model in ``path`` (default: the shipped model)."""
        directory = Path(path) if path else DEFAULT_MODEL_DIR
        directory = directory.resolve()
        with _LOCK:
            if directory not in _CACHE:
                _CACHE[directory] = cls._read(directory)
            return _CACHE[directory]

    @classmethod
    def _read(cls, directory: Path) -> NerTagger:
        model = directory / MODEL_FILE
        if not model.is_file():
            raise FileNotFoundError(f"no NER model in {directory}: run `khabar train ner`")
        config_data = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
        # features added after a model was trained are off for it
        config = FeatureConfig(**{**LEGACY_FEATURES, **config_data.get("features", {})})
        featurizer = Featurizer(Lexicon.load(directory / LEXICON_FILE),
                                load_clusters(directory / CLUSTERS_FILE), config)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        return cls(directory, featurizer, tagger)

    def tag(self, tokens: list[str]) -> list[str]:
        """IOB2 tags (``B-PER``, ``I-LOC``, ``O`` ...) for one sentence of tokens."""
        return self.tag_document([tokens])[0]

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags for every sentence of one document (the document matters when the model uses
        document-level features)."""
        return [tags for tags, _ in self.tag_document_marginals(sentences, marginals=False)]

    def tag_marginals(self, tokens: list[str]) -> tuple[list[str], list[float]]:
        """Tags plus the marginal probability of each chosen name tag (a confidence; 1.0 for O)."""
        return self.tag_document_marginals([tokens])[0]

    def tag_document_marginals(self, sentences: list[list[str]], marginals: bool = True
                               ) -> list[tuple[list[str], list[float]]]:
        """Per sentence: tags and (with ``marginals``) each name tag's marginal probability."""
        return self._run(sentences, marginals, fast=True)

    def reference_tags(self, sentences: list[list[str]]) -> list[tuple[list[str], list[float]]]:
        """Tags and name-tag marginals tagged from the feature strings: the direct, slower CRFsuite
        path that the fast path reproduces (for regression checks)."""
        return self._run(sentences, True, fast=False)

    def _run(self, sentences: list[list[str]], marginals: bool, fast: bool) -> list[tuple[list[str], list[float]]]:
        chunks: list[list[str]] = []
        owners: list[int] = []
        for index, tokens in enumerate(sentences):
            tokens = [t if t.strip() else "_" for t in tokens]
            for start in range(0, len(tokens), MAX_SENTENCE):
                chunks.append(tokens[start:start + MAX_SENTENCE])
                owners.append(index)
        out: list[tuple[list[str], list[float]]] = [([], []) for _ in sentences]
        tagger = self._tagger
        with self._lock:
            for owner, items in zip(owners, self._items(chunks, fast), strict=True):
                if not items:
                    continue
                tags = tagger.tag(items)
                out[owner][0].extend(tags)
                if marginals:
                    marginal = tagger.marginal
                    out[owner][1].extend([marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)])
        return out

    def _items(self, chunks: list[list[str]], fast: bool) -> list[list[dict[bytes, float]]] | list[list[list[str]]]:
        """What CRFsuite tags for each chunk: basis-attribute items carrying the emission scores,
        or (not ``fast``, or without a basis) the feature strings themselves."""
        if not fast or self._scorer is None or self._basis is None:
            return self.featurizer.document(chunks)
        return [self._basis.items(scores) for scores in self._scorer.document(chunks)]


def write_config(directory: Path, config: FeatureConfig, extra: dict[str, object]) -> None:
    data = {"features": asdict(config), **extra}
    (directory / CONFIG_FILE).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
