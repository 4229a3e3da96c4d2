"""Fast CRF emission scores: the same numbers CRFsuite computes from the feature strings, summed
from cached per-word score vectors instead.

CRFsuite scores token ``i`` for label ``y`` as the sum of ``weight(attribute, y)`` over the
attributes of the token, and those attributes are (see ``features.Featurizer``): the word's own
features, its neighbours' context features prefixed ``d:`` (``-2:`` ... ``2:``, or ``d:pad`` past the
sentence edge), the multi-word gazetteer label of the token and of its ±1 neighbours, and a few
word-pair features. So each distinct word gets, once, a ``(2 * window + 1, labels)`` block: the
token at ``i`` receives row ``window + d`` of the block of the word at ``i + d`` (row ``window``: the
word's own features). A document's emission matrix is then a handful of numpy gathers; only the
pair features need a dictionary lookup per token. The sums are the same as CRFsuite's up to
floating-point rounding (about 1e-15), which leaves tags identical.

Attributes unknown to the model weigh nothing, so only the model's own attributes are indexed
(by base feature, with one slot per offset prefix).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from khabar.caches import WORD_CACHE_SIZE
from khabar.ner.crfweights import CrfWeights
from khabar.ner.features import Featurizer

_PREFIX = re.compile(r"(-?\d+):")
_PREFIX_START = frozenset("-0123456789")
_GROW = 4096
_PAIR_KINDS = {"bg-=": 0, "bg+=": 1, "lp=": 2, "rp=": 3}


class _Rows(dict[str, int]):
    """A memo of ``lookup(key)``."""

    def __init__(self, lookup: Callable[[str], int]) -> None:
        super().__init__()
        self._lookup = lookup

    def __missing__(self, key: str) -> int:
        row = self[key] = self._lookup(key)
        return row


class EmissionScorer:
    """Emission scores (tokens x labels) of one CRF model for the chunks of a document."""

    def __init__(self, featurizer: Featurizer, weights: CrfWeights) -> None:
        self.featurizer = featurizer
        self.window = window = featurizer.config.window
        self.slots = slots = 2 * window + 1
        self.labels = len(weights.labels)
        base_rows: dict[str, int] = {}
        rows: list[int] = []
        slot_of: list[int] = []
        for name in weights.attributes:
            match = _PREFIX.match(name) if name[:1] in _PREFIX_START else None
            offset, base = (int(match.group(1)), name[match.end():]) if match else (0, name)
            if abs(offset) > window:
                rows.append(-1)
                slot_of.append(0)
                continue
            rows.append(base_rows.setdefault(base, len(base_rows)))
            slot_of.append(offset + window)
        self.zero_row = len(base_rows)  # the row of features the model does not know
        table = np.zeros((len(base_rows) + 1, slots, self.labels), dtype=np.float64)
        keep = np.array(rows) >= 0
        table[np.array(rows)[keep], np.array(slot_of)[keep]] = weights.state[keep]
        self._table = table
        self._base_rows = base_rows
        self._gaz_rows = _Rows(lambda label: base_rows.get("g=" + label, self.zero_row))
        self._pairs = self._pair_index(base_rows)
        pad = table[base_rows["pad"]] if "pad" in base_rows else np.zeros((slots, self.labels))
        self._pad = pad.copy()
        self._reset(_GROW)

    @staticmethod
    def _pair_index(base_rows: dict[str, int]) -> dict[str, dict[str, list[int]]]:
        """Word-pair attributes (``bg-=a|b``, ``bg+=``, ``lp=``, ``rp=``) as ``a -> b -> rows`` (one
        row per kind, -1 when absent), so that a sentence's pairs are found without building strings.
        A pair string with several ``|`` is indexed under every split: CRFsuite matches the string."""
        pairs: dict[str, dict[str, list[int]]] = {}
        for name, row in base_rows.items():
            if name[:1] not in "blr":  # bg-= bg+= lp= rp=
                continue
            kind = _PAIR_KINDS.get(name[:name.find("=") + 1])
            if kind is None:
                continue
            text = name[name.find("=") + 1:]
            bar = text.find("|")
            while bar >= 0:
                rows = pairs.setdefault(text[:bar], {}).setdefault(text[bar + 1:], [-1, -1, -1, -1])
                rows[kind] = row
                bar = text.find("|", bar + 1)
        return pairs

    def _pair_features(self, stems: list[str], start: int, positions: list[int], rows: list[int]) -> None:
        """Append (position, row) of every known pair feature of one sentence."""
        config = self.featurizer.config
        left, right = config.left_pair, config.right_pair
        pairs = self._pairs
        n = len(stems)
        for k in range(n - 1):
            following = pairs.get(stems[k])
            if following is None:
                continue
            found = following.get(stems[k + 1])
            if found is None:
                continue
            before, after, left_row, right_row = found
            if before >= 0:  # bg-: at the pair's second word
                positions.append(start + k + 1)
                rows.append(before)
            if after >= 0:  # bg+: at its first word
                positions.append(start + k)
                rows.append(after)
            if left and left_row >= 0 and k + 2 < n:  # lp: the two words before a token
                positions.append(start + k + 2)
                rows.append(left_row)
            if right and right_row >= 0 and k >= 1:  # rp: the two words after a token
                positions.append(start + k - 1)
                rows.append(right_row)

    def _reset(self, capacity: int) -> None:
        """Forget every word (row 0 stays the padding beyond the sentence edges)."""
        self._words = np.zeros((capacity, self.slots, self.labels), dtype=np.float64)
        self._words[0] = self._pad
        self._word_rows: dict[str, int] = {}
        self._stems: list[str] = [""]
        self._pending: list[tuple[int, list[int]]] = []

    def _fill(self) -> None:
        """Compute the blocks of the words first seen in this document (one numpy reduction)."""
        if not self._pending:
            return
        rows = np.array([row for row, _ in self._pending], dtype=np.intp)
        sizes = np.array([len(found) for _, found in self._pending], dtype=np.intp)
        features = np.fromiter((r for _, found in self._pending for r in found), dtype=np.intp, count=int(sizes.sum()))
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        self._words[rows] = np.add.reduceat(self._table[features], starts, axis=0)
        self._pending = []

    def _word_row(self, token: str) -> int:
        row = self._word_rows.get(token)
        if row is not None:
            return row
        row = len(self._stems)
        if row >= len(self._words):
            grown = np.zeros((2 * len(self._words), self.slots, self.labels), dtype=np.float64)
            grown[: len(self._words)] = self._words
            self._words = grown
        own, ctx, stem, _trigger, _arabic = self.featurizer.word(token)
        get = self._base_rows.get
        found = [r for r in (get("bias"), *map(get, own), *map(get, ctx)) if r is not None]
        if found:
            # Own features have no prefixed attributes in the model except the shape at ±1, and
            # context features have them at every offset: the row sum is exactly the word's block.
            # Summed for all new words of a document at once (``_fill``).
            self._pending.append((row, found))
        self._word_rows[token] = row
        self._stems.append(stem)
        return row

    def document(self, chunks: list[list[str]]) -> list[np.ndarray]:
        """The emission matrix ``(len(chunk), labels)`` of every chunk (sentence) of a document."""
        if len(self._word_rows) >= WORD_CACHE_SIZE:
            self._reset(len(self._words))  # between documents only: rows stay valid within one
        window = self.window
        word_ids: list[int] = [0] * window
        gaz_ids: list[int] = [self.zero_row] * window
        positions: list[int] = []
        pair_positions: list[int] = []
        pair_rows: list[int] = []
        featurizer = self.featurizer
        config = featurizer.config
        get = self._base_rows.get
        known, gaz_row = self._word_rows, self._gaz_rows.__getitem__
        extra = None
        if config.document:
            extra = featurizer._document_features([[featurizer._base(t) for t in c] for c in chunks])
        for chunk in chunks:
            start = len(word_ids)
            ids = list(map(known.get, chunk))
            if None in ids:
                ids = [self._word_row(t) if r is None else r for r, t in zip(ids, chunk, strict=True)]
            stems = list(map(self._stems.__getitem__, ids))
            word_ids += ids
            gaz_ids += map(gaz_row, featurizer.gazetteer(stems))
            positions += range(start, start + len(ids))
            word_ids += [0] * window
            gaz_ids += [self.zero_row] * window
            self._pair_features(stems, start, pair_positions, pair_rows)
            if extra:
                for i, stem in enumerate(stems):
                    for feature in extra.get(stem, ()):
                        row = get(feature)
                        if row is not None:
                            pair_positions.append(start + i)
                            pair_rows.append(row)
        self._fill()
        where = np.array(positions, dtype=np.intp)
        words = np.array(word_ids, dtype=np.intp)
        gaz = np.array(gaz_ids, dtype=np.intp)
        scores = np.zeros((len(word_ids), self.labels), dtype=np.float64)
        if len(where):
            emission = np.zeros((len(where), self.labels), dtype=np.float64)
            for slot in range(self.slots):
                neighbour = where + (slot - window)
                emission += self._words[words[neighbour], slot]
                emission += self._table[gaz[neighbour], slot]
            scores[where] = emission
        if pair_rows:
            np.add.at(scores, np.array(pair_positions, dtype=np.intp), self._table[np.array(pair_rows), window])
        out: list[np.ndarray] = []
        start = window
        for chunk in chunks:
            out.append(scores[start:start + len(chunk)])
            start += len(chunk) + window
        return out


@dataclass(frozen=True)
class LabelBasis:
    """Per label but one (``reference``, usually O), a model attribute that weighs on that label
    only (``names``) and its weight (``weights``).

    CRFsuite scores label ``y`` of an item as the sum of ``weight(attribute, y) * value``. The item
    ``{names[k]: (scores[y_k] - scores[reference]) / weights[k]}`` therefore scores every label as
    ``scores`` (to the last bit or so) minus the same constant, which changes neither the Viterbi
    path nor the marginals: the tagger decodes emission scores computed elsewhere from eight
    attributes per token instead of about forty. ASCII names are preferred (cheaper to hand over).
    """

    reference: int
    labels: np.ndarray  # the other labels' indexes
    names: list[str]
    weights: np.ndarray

    @classmethod
    def of(cls, weights: CrfWeights) -> LabelBasis | None:
        """The basis of a model; None when some label has no single-label attribute."""
        state = weights.state
        reference = weights.labels.index("O") if "O" in weights.labels else 0
        single = np.count_nonzero(state, axis=1) == 1
        ascii_names = np.array([name.isascii() for name in weights.attributes])
        labels: list[int] = []
        names: list[str] = []
        values: list[float] = []
        for label in range(state.shape[1]):
            if label == reference:
                continue
            size = np.where(single & (state[:, label] != 0), np.abs(state[:, label]), 0.0)
            if not size.any():
                return None
            preferred = np.where(ascii_names, size, 0.0)
            best = int(np.argmax(preferred if preferred.max() > 0.1 else size))
            labels.append(label)
            names.append(weights.attributes[best])
            values.append(float(state[best, label]))
        return cls(reference, np.array(labels, dtype=np.intp), names, np.array(values))

    def items(self, scores: np.ndarray) -> list[dict[bytes, float]]:
        """CRFsuite items for an emission matrix ``(tokens, labels)`` (names as UTF-8 bytes, which
        python-crfsuite takes without encoding them again for every token)."""
        values = (scores[:, self.labels] - scores[:, self.reference, None]) / self.weights
        names = [name.encode("utf-8") for name in self.names]
        return [dict(zip(names, row, strict=True)) for row in values.tolist()]
