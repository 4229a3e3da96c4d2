"""The store schema, shared by the SQLite and PostgreSQL backends, as ordered migrations.

``schema_version`` holds the number of the last migration applied; ``migrate`` applies the
missing ones in order, each in its own transaction. Add a migration by appending a function;
never edit one that has shipped. ``start``/``end`` are named ``start_pos``/``end_pos`` because
``end`` is reserved in PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable

Dialect = str  # "sqlite" | "postgresql"


def _v1(dialect: Dialect) -> list[str]:
    pk = "INTEGER PRIMARY KEY" if dialect == "sqlite" else "BIGSERIAL PRIMARY KEY"
    statements = [
        f"""CREATE TABLE documents (
            pk {pk}, id TEXT NOT NULL UNIQUE, source TEXT, url TEXT, published TEXT, title TEXT,
            language TEXT, origin TEXT, n_chars INTEGER, text TEXT NOT NULL, doc_json TEXT NOT NULL,
            added_at TEXT NOT NULL)""",
        "CREATE INDEX documents_published ON documents (published)",
        """CREATE TABLE entities (
            key TEXT PRIMARY KEY, type TEXT, name TEXT, name_norm TEXT, name_en TEXT, kb_id TEXT,
            lat DOUBLE PRECISION, lon DOUBLE PRECISION, geonames_id BIGINT, country_code TEXT, admin1 TEXT,
            feature TEXT, n_documents INTEGER NOT NULL DEFAULT 0, n_mentions INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX entities_name ON entities (name_norm)",
        """CREATE TABLE doc_entities (
            doc_id TEXT NOT NULL, local_id TEXT NOT NULL, entity_key TEXT NOT NULL, type TEXT, name TEXT,
            n_mentions INTEGER, PRIMARY KEY (doc_id, local_id))""",
        "CREATE INDEX doc_entities_key ON doc_entities (entity_key)",
        """CREATE TABLE mentions (
            doc_id TEXT NOT NULL, local_id TEXT, entity_key TEXT, start_pos INTEGER, end_pos INTEGER, text TEXT)""",
        "CREATE INDEX mentions_doc ON mentions (doc_id)",
        """CREATE TABLE quotes (
            doc_id TEXT NOT NULL, quote_id TEXT NOT NULL, kind TEXT, speaker_key TEXT, speaker_name TEXT,
            speaker_norm TEXT, speaker_text TEXT, cue TEXT, content TEXT, content_start INTEGER,
            content_end INTEGER, addressee_key TEXT, addressee_name TEXT, channel TEXT,
            confidence DOUBLE PRECISION, PRIMARY KEY (doc_id, quote_id))""",
        "CREATE INDEX quotes_speaker ON quotes (speaker_key)",
        "CREATE INDEX quotes_speaker_norm ON quotes (speaker_norm)",
        """CREATE TABLE events (
            doc_id TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT, mode TEXT, status TEXT,
            trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER, location_key TEXT,
            location_name TEXT, date_value TEXT, date_precision TEXT, date_text TEXT, day TEXT,
            fatalities INTEGER, reported_by_key TEXT, acled_event_type TEXT, acled_sub_event_type TEXT,
            confidence DOUBLE PRECISION, notes TEXT, PRIMARY KEY (doc_id, event_id))""",
        "CREATE INDEX events_type ON events (type)",
        "CREATE INDEX events_day ON events (day)",
        "CREATE INDEX events_location ON events (location_key)",
        """CREATE TABLE event_arguments (
            doc_id TEXT NOT NULL, event_id TEXT NOT NULL, role TEXT NOT NULL, position INTEGER,
            entity_key TEXT, name TEXT)""",
        "CREATE INDEX event_arguments_event ON event_arguments (doc_id, event_id)",
        "CREATE INDEX event_arguments_key ON event_arguments (entity_key)",
        """CREATE TABLE numbers (
            doc_id TEXT NOT NULL, start_pos INTEGER, end_pos INTEGER, text TEXT, value DOUBLE PRECISION,
            value_high DOUBLE PRECISION, unit TEXT, about TEXT)""",
        "CREATE INDEX numbers_doc ON numbers (doc_id)",
        """CREATE TABLE dates (
            doc_id TEXT NOT NULL, start_pos INTEGER, end_pos INTEGER, text TEXT, value TEXT, precision TEXT)""",
        "CREATE INDEX dates_doc ON dates (doc_id)",
    ]
    if dialect == "sqlite":
        # Contentless: the index holds the normalized, clitic-expanded words only; rowid = documents.pk.
        statements.append("CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='', "
                          "tokenize='unicode61 remove_diacritics 0')")
    else:
        statements += [
            "CREATE TABLE documents_fts (pk BIGINT PRIMARY KEY, fts TSVECTOR NOT NULL)",
            "CREATE INDEX documents_fts_gin ON documents_fts USING GIN (fts)",
        ]
    return statements


def _v2(dialect: Dialect) -> list[str]:
    """Corpus events: one row per real-world event, merged across articles (``store.merge``)."""
    statements = [
        """CREATE TABLE corpus_events (
            id TEXT PRIMARY KEY, type TEXT NOT NULL, status TEXT, day TEXT, first_day TEXT, last_day TEXT,
            location_key TEXT, location_name TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
            country_code TEXT, fatalities INTEGER, fatalities_reported TEXT, actors TEXT, actor_keys TEXT,
            targets TEXT, n_reports INTEGER NOT NULL, n_documents INTEGER NOT NULL, n_sources INTEGER NOT NULL,
            sources TEXT, acled_event_type TEXT, acled_sub_event_type TEXT, notes TEXT, merged_at TEXT NOT NULL)""",
        "CREATE INDEX corpus_events_day ON corpus_events (day)",
        "CREATE INDEX corpus_events_type ON corpus_events (type)",
        """CREATE TABLE corpus_event_members (
            corpus_event_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL,
            PRIMARY KEY (doc_id, event_id))""",
        "CREATE INDEX corpus_event_members_event ON corpus_event_members (corpus_event_id)",
    ]
    if dialect != "sqlite":
        # ISO dates compare as byte strings (as in SQLite), whatever the database's default collation.
        statements += [f'ALTER TABLE {table} ALTER COLUMN {column} TYPE TEXT COLLATE "C"'
                       for table, column in (("documents", "published"), ("events", "day"),
                                             ("corpus_events", "day"), ("corpus_events", "first_day"),
                                             ("corpus_events", "last_day"))]
    return statements


MIGRATIONS: list[Callable[[Dialect], list[str]]] = [_v1, _v2]
LATEST = len(MIGRATIONS)
