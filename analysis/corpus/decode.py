"""Bytes to text: UTF-8 (with or without BOM) first, then charset detection for legacy encodings.

The decoded text is what ``open(path, encoding=ENC)`` gives in Python: universal newlines
(``\\r\\n`` and ``\\r`` become ``\\n``) and, for UTF-8 with a BOM, the BOM kept as ``\\ufeff`` at
offset 0 — so offsets in our tables index the text any Python reader of the file sees.
Detection uses charset-normalizer (cp1251 Russian, latin-1/cp1252 Western, …).
"""
from __future__ import annotations

import codecs

__all__ = ["DecodeError", "decode_bytes", "looks_binary"]

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
_MAGIC_PREFIXES = tuple(_MAGIC)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can establish; ``code`` says which problem."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code


def looks_binary(data: bytes) -> str | None:
    """A short description when ``data`` is a binary format rather than text, else None."""
    if data.startswith(_MAGIC_PREFIXES):  # one C call rules out every format for a text file
        for magic, what in _MAGIC.items():
            if data.startswith(magic):
                return what
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if data.find(b"\x00", 0, 4096) != -1:  # a NUL in the first 4 KB (searched in place, not in a copy)
        return "binary data (NUL bytes)"
    return None


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)`` or raise :class:`DecodeError`.

    >>> decode_bytes("Министерство обороны России сообщило о совместных учениях с Китаем.".encode("cp1251"))
    ('Министерство обороны России сообщило о совместных учениях с Китаем.', 'cp1251')
    >>> decode_bytes(b"\\xef\\xbb\\xbfhi")
    ('\\ufeffhi', 'utf-8-sig')
    """
    if not data or data.isspace():
        raise DecodeError("empty", "the file is empty" if not data else "the file holds only white space")
    binary = looks_binary(data)
    if binary:
        raise DecodeError("binary", f"not text: looks like {binary}")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _universal_newlines(data.decode("utf-8")), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DecodeError("undecodable", f"has a UTF-8 BOM but invalid UTF-8 at byte {exc.start}") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _universal_newlines(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError as exc:  # an odd number of bytes (cut short), a lone surrogate
            raise DecodeError("undecodable", f"has a UTF-16 BOM but invalid UTF-16 at byte {exc.start}: "
                                             f"{exc.reason}") from exc
    try:
        return _universal_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: only legacy encodings need it

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable", "not UTF-8 and no text encoding fits (tried charset detection)")
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise DecodeError("undecodable", f"decodes as {best.encoding} only with replacement characters")
    return _universal_newlines(text), best.encoding
