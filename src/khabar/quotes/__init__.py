"""Quotation attribution: who said what, to whom (direct, reported and mixed speech)."""

from khabar.quotes.stage import extract_quotes

__all__ = ["extract_quotes"]
