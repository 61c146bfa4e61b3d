"""Turn the bytes of an input into text without ever failing on bad bytes."""

from __future__ import annotations

import codecs
import logging
import os

logger = logging.getLogger(__name__)

# Bytes that do not occur in text files: C0 controls other than tab, newline,
# carriage return, form feed and escape.
_CONTROL_BYTES = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_SNIFF_SIZE = 8192


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control characters.

    UTF-16 text is full of NUL bytes, so data with a UTF-16 BOM counts as text.
    """
    sample = data[:_SNIFF_SIZE]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL_BYTES)
    return controls / len(sample) > 0.10


def decode_bytes(data: bytes) -> str:
    """Decode data: BOMs first, then strict UTF-8, then detection; never raises."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _detect(data)
    logger.debug("decoding as %s", encoding)
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")


def _detect(data: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return "cp1252"
    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding in ("ascii", "utf_8"):
        # Not valid UTF-8 (checked already) and nothing better: Western web pages
        # are overwhelmingly CP1252, which maps every byte but five.
        return "cp1252"
    # charset_normalizer likes exotic single-byte codecs for short Latin text;
    # CP1252 decodes such text the same or better.
    if best.encoding in ("latin_1", "iso8859_15") or _is_plausible_cp1252(data, best.encoding):
        return "cp1252"
    return best.encoding


def _is_plausible_cp1252(data: bytes, detected: str) -> bool:
    """CP1252 decodes the sample to mostly letters and common punctuation."""
    if detected.startswith(("utf", "gb", "big5", "euc", "shift_jis", "cp932", "cp949", "iso2022")):
        return False
    try:
        text = data[:65536].decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = [c for c in text if ord(c) > 0x7F]
    if not high:
        return True
    good = sum(1 for c in high if c.isalpha() or c in "–—‘’“”…€•·«»°£©®™§ ")
    return good / len(high) >= 0.9 and len(high) / max(len(text), 1) < 0.3


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a file and decode it (see decode_bytes). OSError propagates."""
    with open(path, "rb") as handle:
        data = handle.read()
    return decode_bytes(data)


def sniff_encoding(sample: bytes) -> str:
    """A codec name for streaming a file whose first bytes are ``sample``.

    Used for corpora too large to decode in one piece; pair it with
    ``errors="replace"``.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        # final=False: the sample may end inside a multi-byte character.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return _detect(sample)
