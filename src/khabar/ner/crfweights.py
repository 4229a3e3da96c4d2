"""Read the weights of a CRFsuite (CRF1d) model file into numpy arrays, without a text dump.

The binary layout is CRFsuite's own (``lib/crf/src/crf1d_model.c`` and ``lib/cqdb``): a header with
the offsets of the feature chunk (``FEAT``: type, source, destination as uint32 and the weight as a
float64, 20 bytes each; type 0 = state feature attribute -> label, 1 = transition label -> label)
and of two CQDB string databases (labels, attributes) whose backward arrays map each id to its
string. ``Tagger.info()`` gives the same data, but its weights are rounded to six decimals.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sI8I")
_CHUNK = struct.Struct("<4sII")
_CQDB = struct.Struct("<4sIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
STATE, TRANSITION = 0, 1


@dataclass(frozen=True)
class CrfWeights:
    labels: list[str]
    attributes: list[str]  # attribute id -> name
    state: np.ndarray  # (attributes, labels) float64: the weight of attribute a for label y
    transitions: np.ndarray  # (labels, labels) float64: the weight of label y -> label y'


def _strings(buffer: bytes, offset: int) -> list[str]:
    """Every string of the CQDB database at ``offset``, by id."""
    magic, _size, _flag, _order, count, backward = _CQDB.unpack_from(buffer, offset)
    if magic != b"CQDB":
        raise ValueError("not a CRFsuite model: bad string database")
    out = [""] * count
    positions = struct.unpack_from(f"<{count}I", buffer, offset + backward)
    for position in positions:
        if position:
            ident, size = struct.unpack_from("<II", buffer, offset + position)
            start = offset + position + 8
            out[ident] = buffer[start:start + size - 1].decode("utf-8")  # size counts the final NUL
    return out


def read_weights(path: Path) -> CrfWeights:
    """The labels, attributes and exact weights of the CRFsuite model at ``path``."""
    buffer = path.read_bytes()
    magic, _size, kind, _version, _n_features, _n_labels, _n_attrs, off_features, off_labels, off_attrs, \
        _off_labelrefs, _off_attrrefs = _HEADER.unpack_from(buffer, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"not a CRFsuite CRF1d model: {path}")
    chunk, _chunk_size, count = _CHUNK.unpack_from(buffer, off_features)
    if chunk != b"FEAT":
        raise ValueError(f"not a CRFsuite model (no feature chunk): {path}")
    features = np.frombuffer(buffer, dtype=_FEATURE, count=count, offset=off_features + _CHUNK.size)
    labels = _strings(buffer, off_labels)
    attributes = _strings(buffer, off_attrs)
    state = np.zeros((len(attributes), len(labels)), dtype=np.float64)
    transitions = np.zeros((len(labels), len(labels)), dtype=np.float64)
    is_state = features["type"] == STATE
    np.add.at(state, (features["src"][is_state], features["dst"][is_state]), features["weight"][is_state])
    is_transition = features["type"] == TRANSITION
    np.add.at(transitions, (features["src"][is_transition], features["dst"][is_transition]),
              features["weight"][is_transition])
    return CrfWeights(labels, attributes, state, transitions)
