"""Input readers (txt, HTML, JSON/JSONL, RSS/Atom, gz/zip archives, directories) and corpus ingest."""

from khabar.ingest.readers import Article, ReadFailure, read_path, read_stream

__all__ = ["Article", "ReadFailure", "read_path", "read_stream"]
