"""Pages saved gzip-compressed (`page.html.gz`, `story.txt.gz`): crawlers and archives
store them so. The page is the decompressed bytes; the ledger keeps the file's own bytes.
"""

from __future__ import annotations

import zlib

from transforms.records import Rejected

__all__ = ["GZIP_SUFFIX", "decompressed", "page_name"]

GZIP_SUFFIX = ".gz"
_GZIP_MAGIC = b"\x1f\x8b"
# Read in slices so a small file that unpacks to gigabytes stops at the cap, not in memory.
_SLICE = 1 << 20


def page_name(name: str) -> str:
    """The page's own name: `a.html.gz` → `a.html` (what routes it to a reader)."""
    return name[: -len(GZIP_SUFFIX)] if name.lower().endswith(GZIP_SUFFIX) else name


def decompressed(data: bytes, max_bytes: int) -> bytes:
    """The page inside gzip bytes; raises Rejected('bad_gzip' | 'too_large')."""
    if not data.startswith(_GZIP_MAGIC):
        raise Rejected("bad_gzip", "named .gz but not gzip data")
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip header and trailer
    out = bytearray()
    try:
        pending = data
        while pending:
            out += inflater.decompress(pending, _SLICE)
            if len(out) > max_bytes:
                raise Rejected("too_large", f"unpacks to over the {max_bytes}-byte cap")
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        out += inflater.flush()
    except zlib.error as exc:
        raise Rejected("bad_gzip", f"corrupt gzip data: {exc}") from None
    if not inflater.eof:
        raise Rejected("bad_gzip", "the gzip data is cut short")
    if len(out) > max_bytes:
        raise Rejected("too_large", f"unpacks to over the {max_bytes}-byte cap")
    return bytes(out)
