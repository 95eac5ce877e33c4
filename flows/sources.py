"""Read a discovered file and its sidecar, then hand the bytes to the pure extractors."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from flows.discover import SIDECAR_SUFFIX, Candidate
from transforms.compressed import decompressed, page_name
from transforms.decode import DecodedText, decode_text_page
from transforms.extract import PageContext, extract_file, looks_like_html
from transforms.knowledge import Knowledge
from transforms.records import Rejected, SourceFile
from transforms.sidecar import Sidecar, parse_sidecar
from transforms.site_chrome import SiteChrome
from transforms.urls import host_of

__all__ = ["ReadSource", "Skipped", "extract_source", "read_source"]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file left for a later run: it vanished, or changed while it was read."""

    path: str
    reason: str


# Sidecars are a few hundred bytes; anything larger is not one.
_MAX_SIDECAR_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class ReadSource:
    """A file's bytes and what is known about it, read and waiting to be extracted."""

    candidate: Candidate
    file_id: str
    data: bytes
    context: PageContext
    notes: tuple[str, ...]

    @property
    def site(self) -> str | None:
        """The site whose chrome the page may share: its URL's host."""
        return host_of(self.context.sidecar.url)

    def text(self) -> DecodedText | None:
        """The decoded text of a text page; None for HTML or text that cannot be decoded
        (extraction then records why)."""
        if looks_like_html(self.data, page_name(self.candidate.path.name)):
            return None
        try:
            return decode_text_page(self.data)
        except Rejected:
            return None

    def record(self, **outcome: object) -> SourceFile:
        return _record(self.candidate, self.file_id, self.context, self.notes, **outcome)


def read_source(
    candidate: Candidate, known_file_ids: Collection[str], max_bytes: int
) -> ReadSource | SourceFile | str | Skipped:
    """The file read (its bytes, sidecar and capture time); or its final record when it
    cannot be read (too large, unreadable); its file_id when those bytes are known; or
    Skipped when it vanished or changed while being read."""
    sidecar, notes = _read_sidecar(candidate.path)
    if sidecar.captured_at is not None:
        context = PageContext(sidecar.captured_at, sidecar, captured_at_source="sidecar")
    else:
        captured_at = datetime.fromtimestamp(candidate.mtime_ns / 1e9, tz=UTC)
        context = PageContext(captured_at, sidecar, captured_at_source="mtime")

    if candidate.size_bytes > max_bytes:
        # Hash without holding the file in memory, so the ledger still knows this content.
        file_id = _sha256_streamed(candidate.path)
        if file_id in known_file_ids:
            return file_id
        detail = f"{candidate.size_bytes} bytes, over the {max_bytes}-byte cap"
        return _record(candidate, file_id, context, notes, rejection=Rejected("too_large", detail))
    try:
        data = candidate.path.read_bytes()
        after = candidate.path.stat()
    except FileNotFoundError:
        return Skipped(candidate.relative, "vanished before it could be read")
    except OSError as exc:
        file_id = _sha256_of_path(candidate)
        if file_id in known_file_ids:
            return file_id
        return _record(
            candidate, file_id, context, notes, rejection=Rejected("unreadable", str(exc))
        )
    if (len(data), after.st_size, after.st_mtime_ns) != (
        candidate.size_bytes,
        candidate.size_bytes,
        candidate.mtime_ns,
    ):
        # A crawler is still writing it: loading half a page would be worse than waiting.
        return Skipped(candidate.relative, "changed while it was being read")
    file_id = hashlib.sha256(data).hexdigest()
    if file_id in known_file_ids:
        return file_id
    if page_name(candidate.path.name) != candidate.path.name:
        try:
            data = decompressed(data, max_bytes)
        except Rejected as rejection:
            return _record(candidate, file_id, context, notes, rejection=rejection)
    return ReadSource(candidate, file_id, data, context, tuple(notes))


def extract_source(
    read: ReadSource,
    knowledge: Knowledge,
    site_chrome: SiteChrome | None = None,
    text: DecodedText | None = None,
) -> SourceFile:
    """The read file's record with its extraction, or with why it was rejected; text is
    the page already decoded, when it was."""
    context = replace(read.context, site_chrome=site_chrome)
    try:
        name = page_name(read.candidate.path.name)
        extraction = extract_file(read.data, context, name, knowledge, text)
    except Rejected as rejection:
        return read.record(rejection=rejection)
    except Exception as exc:  # a bug met on one page must not stop the other files
        detail = f"{type(exc).__name__}: {exc}"
        return read.record(rejection=Rejected("extract_error", detail))
    return read.record(extraction=extraction)


def _record(
    candidate: Candidate,
    file_id: str,
    context: PageContext,
    notes: Sequence[str],
    **outcome: object,
) -> SourceFile:
    return SourceFile(
        path=candidate.relative,
        file_id=file_id,
        size_bytes=candidate.size_bytes,
        mtime_ns=candidate.mtime_ns,
        captured_at=context.captured_at,
        captured_at_source=context.captured_at_source,
        url=context.sidecar.url,
        notes=tuple(notes),
        **outcome,  # type: ignore[arg-type]
    )


def _read_sidecar(path: Path) -> tuple[Sidecar, list[str]]:
    for sidecar in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        try:
            if sidecar.is_file() and sidecar.stat().st_size <= _MAX_SIDECAR_BYTES:
                return parse_sidecar(sidecar.read_bytes(), datetime.now(UTC))
        except OSError as exc:
            return Sidecar(), [f"sidecar unreadable: {exc}"]
    return Sidecar(), []


def _sha256_streamed(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        digest.update(str(path).encode())
    return digest.hexdigest()


def _sha256_of_path(candidate: Candidate) -> str:
    # An unreadable file has no content hash; its path and stat stand in, so a later
    # readable version is still treated as new.
    key = f"unreadable:{candidate.relative}:{candidate.size_bytes}:{candidate.mtime_ns}"
    return hashlib.sha256(key.encode()).hexdigest()
