"""Bytes to normalised text: encodings detected, line ends and odd spaces unified."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from transforms.dump_layout import as_running_text
from transforms.records import Rejected

__all__ = ["DecodedText", "decode_bytes", "decode_raw", "decode_text_page", "normalise_text"]

# source_files.encoding of a UTF-8 file whose last character was cut short.
TRUNCATED_UTF8 = "utf-8 (cut short: last character replaced)"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Spaces that render like a space but split words for regexes and tokenisers.
_SPACE_LIKE = re.compile("[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
# Characters that render as nothing and break word matching (zero-width, soft hyphen, BOM).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# C0 control characters other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A page with more than this share of control characters is binary that happened to
# decode; real pages have none (measured: 0 in the seeds and in the HTML benchmark).
MAX_CONTROL_SHARE = 0.001
# charset-normalizer needs only a prefix to decide; reading all of a large file is waste.
_DETECTION_PREFIX = 64 * 1024
_LEGACY_DEFAULT = "cp1252"
# Chaos scores closer than this are a tie: the detector cannot tell the code pages apart.
_CHAOS_TIE = 0.001


class DecodedText(str):
    """The normalised text, remembering which encoding it came from."""

    encoding: str

    def __new__(cls, text: str, encoding: str) -> DecodedText:
        obj = super().__new__(cls, text)
        obj.encoding = encoding
        return obj


def decode_text_page(data: bytes) -> DecodedText:
    """A text page's bytes decoded, its paragraphs one line each as the article finder
    reads them (a hard-wrapped or Markdown dump laid out as running text)."""
    text = decode_bytes(data)
    return DecodedText(as_running_text(text), text.encoding)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a page's bytes and normalise the text, or raise Rejected('empty' | 'not_text')."""
    raw = decode_raw(data)
    normalised = normalise_text(raw)
    if not normalised.strip():
        raise Rejected("empty", "no visible text after decoding")
    return DecodedText(normalised, raw.encoding)


def decode_raw(data: bytes) -> DecodedText:
    """Decode a page's bytes as they are (a markup parser's input: what it extracts is
    normalised afterwards), or raise Rejected('empty' | 'not_text')."""
    if not data.strip():
        raise Rejected("empty", "the file has no content" if not data else "only whitespace")
    if _cut_in_a_character(data):
        # A file cut short (a crawler stopped, a copy filled the disk) inside its last
        # UTF-8 character is UTF-8 still: the broken tail is replaced, and the encoding
        # says so, instead of guessing a legacy code page for the whole page.
        text, encoding = data.decode("utf-8", errors="replace"), TRUNCATED_UTF8
    else:
        encoding = _sniff_encoding(data)
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise Rejected("not_text", f"cannot decode as {encoding}: {exc}") from None
    controls = len(_CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise Rejected("not_text", f"{controls} control characters in {len(text)}: binary data")
    return DecodedText(text, encoding.removesuffix("-sig"))


def _cut_in_a_character(data: bytes) -> bool:
    """Valid UTF-8 but for an unfinished character in its last three bytes, with UTF-8's
    own multi-byte characters before it (one high byte after plain ASCII may as well be a
    legacy code page's letter: "café" in windows-1252)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        cut = exc.reason == "unexpected end of data" and exc.start >= len(data) - 3
        return cut and not data[: exc.start].isascii()
    return False


def normalise_text(text: str) -> str:
    """Unify line ends, spaces and composed characters so later rules see one form."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACE_LIKE.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def _sniff_encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if b"\x00" in data[:_DETECTION_PREFIX]:
        # UTF-16 without a BOM is vanishingly rare for saved pages; NUL bytes mean binary.
        raise Rejected("not_text", "NUL bytes: binary data or UTF-16 without a byte-order mark")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data[:_DETECTION_PREFIX])
    best = matches.best()
    if best is None:
        raise Rejected("not_text", "no text encoding fits these bytes")
    # Mostly-ASCII English fits many single-byte code pages equally well (cp775, cp850 and
    # cp1252 all score zero chaos); the web's legacy default, windows-1252 (WHATWG), wins a tie.
    tied = {str(m.encoding) for m in matches if m.chaos <= best.chaos + _CHAOS_TIE}
    return _LEGACY_DEFAULT if _LEGACY_DEFAULT in tied else str(best.encoding)
