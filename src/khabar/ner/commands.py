"""``khabar train ner`` and ``khabar eval ner``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from khabar.cli_groups import CommandGroups


def _train(args: argparse.Namespace) -> int:
    from khabar.ner import corpora
    from khabar.ner.evaluate import evaluate, format_report
    from khabar.ner.model import CLUSTERS_FILE, DEFAULT_MODEL_DIR, NerTagger, load_clusters
    from khabar.ner.train import TrainSettings, learn_training_clusters, train_model

    output = Path(args.output) if args.output else DEFAULT_MODEL_DIR
    settings = TrainSettings(c1=args.c1, c2=args.c2, max_iterations=args.iterations, minfreq=args.minfreq,
                             extra=[e for e in args.extra.split(",") if e], hold_out_dev=args.hold_out_dev,
                             subset=args.subset)
    unknown = [e for e in settings.extra if e not in corpora.EXTRA_CORPORA]
    if unknown:
        print(f"khabar: error: unknown extra corpus {unknown}; choose from {sorted(corpora.EXTRA_CORPORA)}",
              file=sys.stderr)
        return 2
    began = time.perf_counter()
    try:
        clusters: dict[str, str] = {}
        if args.learn_clusters:
            print("learning word clusters from raw text (a few minutes)...", flush=True)
            clusters = learn_training_clusters()
        elif not args.no_clusters:
            source = Path(args.clusters_from) if args.clusters_from else DEFAULT_MODEL_DIR / CLUSTERS_FILE
            clusters = load_clusters(source)
            if not clusters:
                print(f"khabar: error: no clusters in {source} (use --learn-clusters or --no-clusters)",
                      file=sys.stderr)
                return 2
        summary = train_model(output, settings, clusters=clusters)
    except (FileNotFoundError, RuntimeError) as error:
        print(f"khabar: error: {error}", file=sys.stderr)
        return 2
    print(f"trained NER on {summary['sentences']} sentences ({summary['tokens']} tokens) into {output} "
          f"in {time.perf_counter() - began:.1f} s")
    if args.hold_out_dev:
        _train_part, dev = corpora.train_dev_split(corpora.anercorp("train"))
        result = evaluate(NerTagger.load(output).tag_document, dev, model=str(output))
        print("dev split:\n" + format_report(result))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from khabar.ner.conll import normalize_tag, read_conll
    from khabar.ner.evaluate import evaluate, format_report
    from khabar.ner.model import NerTagger
    from khabar.ner.rules import apply_known_names

    path = Path(args.data)
    if not path.is_file():
        print(f"khabar: error: no such file: {path}", file=sys.stderr)
        return 2
    sentences = [[(tok, normalize_tag(tag)) for tok, tag in s] for s in read_conll(path)]
    if not sentences:
        print(f"khabar: error: no CoNLL sentences in {path}", file=sys.stderr)
        return 2
    try:
        tagger = NerTagger.load(args.model)
    except FileNotFoundError as error:
        print(f"khabar: error: {error}", file=sys.stderr)
        return 2
    def known(tokens: list[str], tags: list[str]) -> list[str]:
        return apply_known_names(tokens, tags, tagger.lexicon)

    result = evaluate(tagger.tag_document, sentences, model=str(tagger.path), doc_window=args.doc_window,
                      propagation=not args.no_propagation, known=known if args.known_names else None)
    if args.json:
        keys = ("overall", "per_type", "tokens_per_second", "model", "tokens", "sentences")
        print(json.dumps({k: result[k] for k in keys}, ensure_ascii=False))
    else:
        print(format_report(result))
    return 0


def register(groups: CommandGroups) -> None:
    train = groups.train.add_parser("ner", help="rebuild the NER model from the shared corpora")
    train.add_argument("--output", help="model folder (default: the shipped one in khabar/data/ner)")
    train.add_argument("--subset", type=int, help="train on the first N sentences only (quick check)")
    train.add_argument("--c1", type=float, default=0.01)
    train.add_argument("--c2", type=float, default=0.01)
    train.add_argument("--iterations", type=int, default=200)
    train.add_argument("--extra", default="", help="extra corpora, comma separated: aqmar,wikifane,wojood")
    train.add_argument("--minfreq", type=float, default=0, help="drop features seen fewer times in training")
    train.add_argument("--clusters-from", help="word-cluster file to use (default: the shipped clusters.tsv.gz)")
    train.add_argument("--learn-clusters", action="store_true",
                       help="learn the word clusters again from raw text (needs the `train` extra: numpy, "
                            "scipy, scikit-learn; a few minutes)")
    train.add_argument("--no-clusters", action="store_true", help="train without word-cluster features")
    train.add_argument("--hold-out-dev", action="store_true",
                       help="leave the dev split out of training and report dev scores")
    train.set_defaults(handler=_train)
    evaluate = groups.eval.add_parser("ner", help="entity-level P/R/F1 on a CoNLL file")
    evaluate.add_argument("--data", required=True, help="CoNLL file: token TAG per line (IOB2)")
    evaluate.add_argument("--model", help="model folder (default: the shipped model)")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.add_argument("--doc-window", type=int, default=40,
                          help="treat runs of N consecutive sentences as one document (0: single sentences)")
    evaluate.add_argument("--no-propagation", action="store_true",
                          help="score the CRF alone, without propagating names within a document")
    evaluate.add_argument("--known-names", action="store_true",
                          help="also apply the well-known-name rule layer the pipeline stage uses")
    evaluate.set_defaults(handler=_eval)
