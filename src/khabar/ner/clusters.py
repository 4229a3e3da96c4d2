"""Word clusters learned from raw Arabic text (training time only; needs numpy and scikit-learn).

Distributional vectors: directional co-occurrence counts (±2 words) with the most frequent context
words, PPMI-weighted, reduced by truncated SVD; then k-means at three granularities. A word's cluster
is ``"a.b.c"`` (coarse to fine). Words are in ``arabic.stem_key`` form. Raw text: the unannotated
SaudiNewsNet sample (CC BY-NC-SA 4.0) plus the token text of the training corpora (never ANERcorp test).
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.ner.arabic import stem_key

_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u0671\w]+|[^\w\s]")
LEVELS = (64, 256, 1024)


def raw_sentences(data: Path, training: Iterable[list[str]] = ()) -> Iterator[list[str]]:
    yield from training
    for path in sorted((data / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for article in json.loads(archive.read(name)):
                    for line in str(article.get("content") or "").splitlines():
                        words = _WORD.findall(line)
                        if words:
                            yield words


def learn_clusters(sentences: Iterable[list[str]], vocab_size: int = 60_000, contexts: int = 2000,
                   dims: int = 100, min_count: int = 3, seed: int = 13) -> dict[str, str]:
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD

    corpus = [[stem_key(w) for w in s] for s in sentences]
    counts = Counter(w for s in corpus for w in s)
    vocab = [w for w, c in counts.most_common(vocab_size) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    context_index = {w: i for i, w in enumerate(vocab[:contexts])}
    rows: list[int] = []
    cols: list[int] = []
    for sentence in corpus:
        ids = [index.get(w, -1) for w in sentence]
        ctx = [context_index.get(w, -1) for w in sentence]
        for i, row in enumerate(ids):
            if row < 0:
                continue
            for offset, slot in ((-2, 0), (-1, 1), (1, 2), (2, 3)):
                j = i + offset
                if 0 <= j < len(ids) and ctx[j] >= 0:
                    rows.append(row)
                    cols.append(slot * contexts + ctx[j])
    matrix = sparse.coo_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                               shape=(len(vocab), 4 * contexts)).tocsr()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel() + 1e-9
    col_sums = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    col_sums = col_sums / col_sums.sum() * total + 1e-9
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sums[coo.row] * col_sums[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    vectors = TruncatedSVD(n_components=dims, random_state=seed).fit_transform(ppmi)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    labels = [MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=4096).fit_predict(vectors)
              for k in LEVELS]
    return {w: ".".join(str(level[i]) for level in labels) for i, w in enumerate(vocab)}
