"""Bytes to text: UTF-8 first, then charset detection (cp1256, ISO-8859-6, UTF-16 ...), binary refusal."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can detect; the message says why (one line)."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters other than tab/newline/carriage return/form feed: many of them mean binary.
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes, probe: int = 8192) -> bool:
    """True for bytes with NULs or many control characters (and no UTF-16/32 byte-order mark)."""
    if _bom_encoding(data) in ("utf-16", "utf-32"):
        return False
    head = data[:probe]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to ``(text, encoding)``.

    Order: byte-order mark, the declared encoding (e.g. an HTTP/XML charset), strict UTF-8, then
    ``charset-normalizer`` detection. Raises ``DecodeError`` for binary or undetectable bytes.
    """
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom), bom
        except UnicodeDecodeError as error:
            raise DecodeError(f"binary file or broken {bom} text ({error.reason})") from None
    if looks_binary(data):
        raise DecodeError("binary file (contains NUL or control bytes): not a text article")
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:262_144]).best()
    if best is None or best.encoding is None:
        raise DecodeError("undetectable text encoding: not UTF-8 and no known encoding fits "
                          "(convert the file to UTF-8)")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise DecodeError(f"undetectable text encoding: looks like {best.encoding} but does not decode "
                          "(convert the file to UTF-8)") from None
