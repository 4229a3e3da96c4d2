"""Arabic named-entity recognition: a CRF tagger (python-crfsuite) with gazetteer features.

Public entry points: :class:`khabar.ner.model.NerTagger` (``load()``, ``tag(tokens)``) and the
pipeline stage :func:`khabar.ner.stage.recognize_entities`.
"""
