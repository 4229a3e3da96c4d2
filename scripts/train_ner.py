"""Dev-set experiments for the NER CRF (all tuning on a dev split carved from ANERcorp train).

Usage: python scripts/train_ner.py NAME [key=value ...]   e.g. c1=0.1 extra=aqmar,wojood rarity=1
Prints one JSON line with the dev scores; the ANERcorp test split is never read here.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from khabar.ner import corpora
from khabar.ner.evaluate import evaluate
from khabar.ner.features import FeatureConfig
from khabar.ner.lexicon import Lexicon, build_lexicon
from khabar.ner.model import NerTagger, load_clusters
from khabar.ner.train import TrainSettings, train_model


def main(argv: list[str]) -> int:
    name, options = argv[0], dict(a.split("=", 1) for a in argv[1:])
    features = FeatureConfig(lexicon=options.get("lexicon", "1") == "1", rarity=options.get("rarity", "0") == "1",
                             clusters="clusters" in options, window=int(options.get("window", "2")),
                             affixes=options.get("affixes", "1") == "1",
                             document=options.get("document", "0") == "1",
                             left_pair=options.get("pair", "1") == "1",
                             right_pair=options.get("rpair", "0") == "1")
    settings = TrainSettings(c1=float(options.get("c1", "0.01")), c2=float(options.get("c2", "0.01")),
                             max_iterations=int(options.get("iter", "200")),
                             minfreq=float(options.get("minfreq", "0")),
                             extra=[e for e in options.get("extra", "").split(",") if e],
                             extra_weight_cap=int(options["cap"]) if "cap" in options else None,
                             features=features)
    lexicon_cache = Path(options.get("lexfile") or Path(tempfile.gettempdir()) / "khabar_ner_lexicon_v2.tsv.gz")
    if not lexicon_cache.exists():
        build_lexicon(corpora.data_dir()).save(lexicon_cache)
    lexicon = Lexicon.load(lexicon_cache)
    clusters = load_clusters(Path(options["clusters"])) if "clusters" in options else None
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = options.get("keep", tmp_dir)
        train_model(Path(tmp), settings, lexicon=lexicon, clusters=clusters)
        _train, dev = corpora.train_dev_split(corpora.anercorp("train"))
        tagger = NerTagger.load(tmp)
        result = evaluate(tagger.tag_document, dev, model=name, propagation=False)
        result["with_propagation"] = evaluate(tagger.tag_document, dev, model=name)["overall"]
    result["train_seconds"] = round(time.perf_counter() - began)
    result["options"] = options
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
