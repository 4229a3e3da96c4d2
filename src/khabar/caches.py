"""One bound for every per-word memo table (lru_cache and hand-made dicts) across the stages.

News vocabulary is Zipfian: the most recent 50,000 distinct words cover nearly every token of
the next article, while the long tail of names and typos would grow each table without end on a
million-article run. Fifteen tables share this bound, which keeps a worker process well under
1 GB after any number of articles.
"""

WORD_CACHE_SIZE = 50_000
