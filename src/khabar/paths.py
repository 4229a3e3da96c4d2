"""Where Khabar finds its shipped data and the (never shipped) shared training data."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE_DATA = PACKAGE_DIR / "data"


def shared_data_dir(required: bool = True) -> Path | None:
    """The directory of training/evaluation corpora (``shared/data``).

    Looked up in ``$KHABAR_DATA``, then ``../shared/data`` from the current directory and from the
    repository root. Training data is never shipped in the package; it lives beside the project.
    """
    candidates: list[Path] = []
    if os.environ.get("KHABAR_DATA"):
        candidates.append(Path(os.environ["KHABAR_DATA"]))
    candidates.append(Path.cwd().parent / "shared" / "data")
    candidates.append(PACKAGE_DIR.parents[2] / "shared" / "data")  # repo/../shared/data via src/khabar
    candidates.append(PACKAGE_DIR.parents[1].parent / "shared" / "data")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    if required:
        raise FileNotFoundError(
            "shared training data not found: set KHABAR_DATA to the folder holding anercorp-camellab/ etc."
        )
    return None


def shared_seeds_dir() -> Path | None:
    data = shared_data_dir(required=False)
    if data is None:
        return None
    seeds = data.parent / "seeds"
    return seeds if seeds.is_dir() else None
