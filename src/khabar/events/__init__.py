"""Events: PLOVER event triggers, their arguments, factuality, merging and ACLED coding.

``khabar.events.stage.extract_events(doc)`` is the pipeline stage; ``khabar.events.acled.to_acled_rows(doc)``
gives ACLED export rows; ``khabar eval events`` measures it on the annotated set in ``tests/data/events``.
"""
