"""Read a discovered file and its sidecar, then hand the bytes to the pure extractors."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from flows.discover import SIDECAR_SUFFIX, Candidate
from transforms.extract import PageContext, extract_file
from transforms.records import Rejected, SourceFile
from transforms.sidecar import Sidecar, parse_sidecar

__all__ = ["Skipped", "read_and_extract"]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file left for a later run: it vanished, or changed while it was read."""

    path: str
    reason: str


# Sidecars are a few hundred bytes; anything larger is not one.
_MAX_SIDECAR_BYTES = 64 * 1024


def read_and_extract(
    candidate: Candidate, known_file_ids: Collection[str], max_bytes: int
) -> SourceFile | str | Skipped:
    """The file's record; its file_id alone when those exact bytes are in the ledger; or
    Skipped when it vanished or changed while being read (the next run takes it)."""
    sidecar, notes = _read_sidecar(candidate.path)
    if sidecar.captured_at is not None:
        captured_at, captured_source = sidecar.captured_at, "sidecar"
    else:
        captured_at = datetime.fromtimestamp(candidate.mtime_ns / 1e9, tz=UTC)
        captured_source = "mtime"

    def record(file_id: str, **outcome: object) -> SourceFile:
        return SourceFile(
            path=candidate.relative,
            file_id=file_id,
            size_bytes=candidate.size_bytes,
            mtime_ns=candidate.mtime_ns,
            captured_at=captured_at,
            captured_at_source=captured_source,
            url=sidecar.url,
            notes=tuple(notes),
            **outcome,  # type: ignore[arg-type]
        )

    if candidate.size_bytes > max_bytes:
        # Hash without holding the file in memory, so the ledger still knows this content.
        file_id = _sha256_streamed(candidate.path)
        if file_id in known_file_ids:
            return file_id
        detail = f"{candidate.size_bytes} bytes, over the {max_bytes}-byte cap"
        return record(file_id, rejection=Rejected("too_large", detail))
    try:
        data = candidate.path.read_bytes()
        after = candidate.path.stat()
    except FileNotFoundError:
        return Skipped(candidate.relative, "vanished before it could be read")
    except OSError as exc:
        file_id = _sha256_of_path(candidate)
        if file_id in known_file_ids:
            return file_id
        return record(file_id, rejection=Rejected("unreadable", str(exc)))
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
    try:
        extraction = extract_file(data, PageContext(captured_at, sidecar), candidate.path.name)
    except Rejected as rejection:
        return record(file_id, rejection=rejection)
    except Exception as exc:  # a bug met on one page must not stop the other files
        detail = f"{type(exc).__name__}: {exc}"
        return record(file_id, rejection=Rejected("extract_error", detail))
    return record(file_id, extraction=extraction)


def _read_sidecar(path: Path) -> tuple[Sidecar, list[str]]:
    for sidecar in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)):
        try:
            if sidecar.is_file() and sidecar.stat().st_size <= _MAX_SIDECAR_BYTES:
                return parse_sidecar(sidecar.read_bytes())
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
