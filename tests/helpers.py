"""Assertions shared by tests: every span in a document JSON indexes the original text."""

from __future__ import annotations

from typing import Any


def iter_spans(node: Any, path: str = "$"):
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys() and isinstance(node.get("start"), int):
            yield path, node
        for key, value in node.items():
            if key != "text":
                yield from iter_spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_spans(value, f"{path}[{index}]")


def assert_spans_match(payload: dict[str, Any]) -> int:
    text = payload["text"]
    count = 0
    for path, span in iter_spans({k: v for k, v in payload.items() if k != "text"}):
        assert 0 <= span["start"] <= span["end"] <= len(text), path
        assert text[span["start"]:span["end"]] == span["text"], path
        count += 1
    return count
