"""One bound for every per-word memo table (lru_cache and hand-made dicts) across the stages.

News vocabulary is Zipfian: the most recent 50,000 distinct words cover nearly every token of
the next article, while the long tail of names and typos would grow each table without end on a
million-article run. Every such table in the stages shares this bound, so a worker's memory stops
growing once the tables are full (measured with ``khabar bench --scaling``).
"""

WORD_CACHE_SIZE = 50_000
