"""Shared fixtures: the seed article and the shared data folder (present in CI beside the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.paths import shared_data_dir, shared_seeds_dir

SEED_NAME = "000_62c9bd50daaa3a18.txt"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    seeds = shared_seeds_dir()
    if seeds is None or not (seeds / SEED_NAME).exists():
        pytest.fail("the seed article ../shared/seeds/000_62c9bd50daaa3a18.txt is missing")
    return seeds / SEED_NAME


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = shared_data_dir(required=False)
    if path is None:
        pytest.fail("../shared/data is missing")
    return path


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")
