"""Property-based test of the API against its own OpenAPI spec (schemathesis): no input gives a 5xx.

Every operation of ``/openapi.json`` gets a few generated requests (valid and invalid bodies,
query strings, path values) against the app with the real pipeline and a real SQLite corpus
holding the annotated seed. Bounded: ``MAX_EXAMPLES`` per operation, no shrinking, well under 60 s.
Needs the ``schemathesis`` test extra; skipped without it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="the property-based API test needs schemathesis")
from hypothesis import HealthCheck, Phase, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from khabar.api import create_app  # noqa: E402
from khabar.paths import shared_seeds_dir  # noqa: E402
from khabar.store import open_store  # noqa: E402
from test_api_support import annotated_seed  # noqa: E402

MAX_EXAMPLES = 12


def _app():
    folder = Path(tempfile.mkdtemp(prefix="khabar-schemathesis-"))
    seeds = shared_seeds_dir()
    with open_store(str(folder / "corpus.db")) as store:
        if seeds is not None:
            for path in sorted(seeds.glob("*.txt"))[:1]:
                store.add(annotated_seed(path.read_text(encoding="utf-8")))
    return create_app(str(folder / "corpus.db"), analyze_timeout=20.0)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=list(HealthCheck))
def test_no_server_errors(case) -> None:
    case.call_and_validate(checks=[not_a_server_error])
