"""The result of the number finder: ``Found`` (a number with its span, value, unit, counted noun
and qualifier) and ``tidy``, which writes a value as an int when it is whole."""

from __future__ import annotations

__all__ = ["Found", "tidy"]


class Found:
    """A number found in normalized offsets (mapped to the original by the caller)."""

    __slots__ = ("about", "end", "qualifier", "start", "unit", "value")

    def __init__(self, start: int, end: int, value: float | list[float], unit: str | None = None,
                 about: str | None = None, qualifier: str | None = None) -> None:
        self.start, self.end, self.value = start, end, value
        self.unit, self.about, self.qualifier = unit, about, qualifier


def tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() and abs(value) < 1e18 else round(value, 6)
