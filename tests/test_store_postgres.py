"""The PostgreSQL store: the SQLite store and search behaviours, run against a real server.

The server comes from ``KHABAR_TEST_PG`` (a postgresql:// URL; CI sets it with
``eval "$(bash scripts/ci_postgres.sh)"``); without it the fixture starts a throwaway local
server with that script when PostgreSQL's binaries are installed, and otherwise the tests skip,
naming the reason. Each test gets its own schema (dropped afterwards), so runs never see
each other's rows.

The shared behaviour tests are imported from ``test_store``/``test_search`` and collected here
too: their ``store`` fixture is overridden below with a PostgreSQL store (for the search tests,
loaded with the same four documents).
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from khabar.document import Document, Meta
from khabar.store import Filters, StoreError, open_store
from khabar.store.schema import LATEST
from tests import test_search
from tests.test_search import (  # noqa: F401  (collected here against PostgreSQL)
    test_all_words_required_and_phrases_in_order,
    test_clitic_forms_find_each_other,
    test_filters,
    test_limit_offset_and_odd_queries,
    test_ranking_prefers_more_and_title_matches,
    test_snippet_highlights_the_original_words,
)
from tests.test_store import (  # noqa: F401  (collected here against PostgreSQL)
    NAYNAYA,
    kerry_doc,
    naynaya_doc,
    test_acled_skips_events_that_did_not_happen,
    test_add_is_idempotent_by_content_hash,
    test_corpus_entities_merge_by_kb_id_across_documents,
    test_events_with_arguments_and_place,
    test_export_formats,
    test_failed_batch_stores_nothing,
    test_get_round_trips_the_document,
    test_stats,
)


def _psycopg():
    return pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'khabar[postgres]')")

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "ci_postgres.sh"


def _start_local_server() -> tuple[str | None, str]:
    """(URL, '') from scripts/ci_postgres.sh without installing anything, or (None, reason)."""
    if not SCRIPT.is_file():
        return None, f"{SCRIPT.name} is missing"
    env = {**os.environ, "KHABAR_PG_NO_INSTALL": "1"}
    try:
        done = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=120, env=env)
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, f"{SCRIPT.name} failed: {error}"
    values = {}
    for line in done.stdout.splitlines():
        if line.startswith("export ") and "=" in line:
            name, _, value = line[len("export "):].partition("=")
            values[name] = value.strip("'")
    if values.get("KHABAR_TEST_PG"):
        return values["KHABAR_TEST_PG"], ""
    return None, values.get("KHABAR_TEST_PG_UNAVAILABLE") or done.stderr.strip()[-300:] or "unknown reason"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The URL of a reachable PostgreSQL database, or skip with the reason."""
    psycopg = _psycopg()
    url = os.environ.get("KHABAR_TEST_PG")
    if not url:
        reason = os.environ.get("KHABAR_TEST_PG_UNAVAILABLE")
        if reason:
            pytest.skip(f"PostgreSQL tests skipped: {reason}")
        url, reason = _start_local_server()
        if url is None:
            pytest.skip(f"PostgreSQL tests skipped: set KHABAR_TEST_PG=postgresql://... ({reason})")
    try:
        psycopg.connect(url, connect_timeout=5, autocommit=True).close()
    except psycopg.Error as error:
        pytest.skip(f"PostgreSQL tests skipped: cannot connect to {url}: {str(error).strip().splitlines()[0]}")
    return url


def _with_schema(url: str, schema: str) -> str:
    option = quote(f"-csearch_path={schema}", safe="")
    return f"{url}{'&' if '?' in url else '?'}options={option}"


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A postgresql:// URL whose tables live in a fresh schema, dropped after the test."""
    psycopg = _psycopg()
    schema = f"khabar_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_schema(pg_server, schema)
    finally:
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture
def store(pg_url: str, request: pytest.FixtureRequest):
    with open_store(pg_url) as opened:
        if request.function.__module__ == test_search.__name__:
            opened.add_many([naynaya_doc(), kerry_doc(),
                             Document(test_search.ALEPPO, Meta(source="عنب بلدي", published="2016-10-20",
                                                               title="حلب")),
                             Document(test_search.REFUGEES, Meta(published="2016-10-27"))])
        yield opened


# ---- PostgreSQL-specific behaviour -------------------------------------------------------------

def test_schema_version_reopen_and_newer_schema(pg_url: str) -> None:
    with open_store(pg_url) as store:
        assert store.dialect == "postgresql" and store.schema_version() == LATEST
        assert store.add(naynaya_doc()) is True
    with open_store(pg_url) as again:  # reopening migrates nothing and keeps the rows
        assert again.count() == 1 and again.schema_version() == LATEST
        assert again.add(naynaya_doc()) is False
        with again.transaction() as cursor:
            cursor.execute("INSERT INTO schema_version (version) VALUES (%s)", [LATEST + 1])
    with pytest.raises(StoreError, match="newer"):
        open_store(pg_url)


def test_migration_from_version_1_adds_corpus_event_tables(pg_url: str) -> None:
    from khabar.store.schema import MIGRATIONS

    psycopg = _psycopg()
    with psycopg.connect(pg_url, autocommit=True) as raw:
        raw.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for statement in MIGRATIONS[0]("postgresql"):
            raw.execute(statement)
        raw.execute("INSERT INTO schema_version VALUES (1)")
        raw.execute("INSERT INTO documents (id, text, doc_json, added_at, published) VALUES "
                    "('0123456789abcdef', 'نص', '{}', '2016-10-25T00:00:00', '2016-10-25T10:00')")
    with open_store(pg_url) as store:
        assert store.schema_version() == LATEST and store.count() == 1
        assert store.corpus_events() == []
        # Dates compare as byte strings whatever the database collation: the whole day is included.
        assert len(store.search("", Filters(until="2016-10-25"))) == 1


def test_search_ranks_title_matches_and_ignores_tsquery_syntax(store) -> None:
    store.add_many([naynaya_doc(), kerry_doc()])
    hits = store.search("الموصل")
    assert [h.doc_id for h in hits] == [naynaya_doc().id, kerry_doc().id]  # title + two body mentions first
    assert hits[0].score > hits[1].score > 0
    for odd in ["'", "\\", "a:*", "!", "&|", "<->", "الموصل'"]:
        assert isinstance(store.search(odd), list)


def test_nul_characters_are_stored_without_error(store) -> None:
    text = "انفجار\x00 في الموصل"
    assert store.add(Document(text, Meta(published="2016-10-25")))
    assert [h.doc_id for h in store.search("بالموصل")] == [Document(text).id]


def test_unreachable_server_is_one_line_error() -> None:
    _psycopg()
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    message = str(caught.value)
    assert "cannot connect" in message and "secret" not in message and "\n" not in message


def test_cli_ingest_into_postgres(pg_url: str, tmp_path: Path, capsys) -> None:
    from khabar.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "naynaya.txt").write_text(NAYNAYA, encoding="utf-8")
    assert main(["ingest", str(folder), "--db", pg_url, "--quiet", "--published", "2016-10-25"]) == 0
    assert "ingested 1" in capsys.readouterr().out
    assert main(["ingest", str(folder), "--db", pg_url, "--quiet"]) == 0
    assert "ingested 0, skipped 1" in capsys.readouterr().out
    assert main(["search", "والموصل", "--db", pg_url, "--json"]) == 0
    assert Document(NAYNAYA).id in capsys.readouterr().out
    assert main(["stats", "--db", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("khabar: error: cannot connect") and err.count("\n") == 1
