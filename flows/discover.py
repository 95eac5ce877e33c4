"""Find the files under the seeds folder that the warehouse has not seen as they are now."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transforms.compressed import GZIP_SUFFIX, page_name

__all__ = ["Candidate", "Discovery", "discover_files"]

SIDECAR_SUFFIX = ".meta.json"


def _not_a_page(name: str) -> bool:
    # A gzip-compressed page (`a.html.gz`, `a.txt.gz`, `a.gz`) is read through; other
    # compressed files (`a.tar.gz`, `a.csv.gz`) are what their inner name says.
    lowered = name.lower()
    if lowered.endswith(GZIP_SUFFIX) and not lowered.endswith(".tar" + GZIP_SUFFIX):
        lowered = page_name(lowered)
    return lowered.endswith(NOT_PAGES)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file to read. A backfill holds one per file for the whole run: a shared root and
    a name, not a Path (~490 bytes a file as a Path and its shown form, ~200 now)."""

    root: Path  # the seeds folder, resolved: one object for all of a run's candidates
    name: str  # relative to root, '/'-separated, as the file system spells it

    size_bytes: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        return self.root / self.name

    @property
    def relative(self) -> str:
        """The path relative to the seeds folder as the warehouse stores it (shown)."""
        return shown(self.name)


@dataclass(slots=True)
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    n_seen: int = 0
    n_unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why), not read


# Files no page is saved as: a crawl's stylesheets, scripts, images, fonts, data and
# archives, and a warehouse's own files. Skipped by name, with the reason in the run log
# (`.gz` only when what it compresses is one of these: see _not_a_page).
NOT_PAGES = (
    ".css", ".js", ".mjs", ".json", ".csv", ".tsv", ".svg", ".png", ".jpg", ".jpeg", ".gif",
    ".webp", ".avif", ".ico", ".bmp", ".tif", ".tiff", ".pdf", ".woff", ".woff2", ".ttf",
    ".otf", ".eot", ".mp3", ".mp4", ".m4a", ".webm", ".mov", ".avi", ".zip", ".gz", ".tgz",
    ".bz2", ".xz", ".7z", ".tar", ".rar", ".parquet", ".duckdb", ".wal", ".db", ".sqlite",
    ".pyc", ".exe", ".so", ".dll",
)  # fmt: skip


def shown(relative: str) -> str:
    """A path as text: bytes of a name that are not UTF-8 kept, shown escaped (\\xff)."""
    return relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def discover_files(
    seeds_dir: Path, known: Mapping[str, tuple[int, int]], leave_out: Sequence[Path] = ()
) -> Discovery:
    """Every regular file under seeds_dir, recursively, minus hidden files, sidecars, files
    no page is saved as, and the folders of leave_out (the warehouse, Prefect's state).

    known: relative path -> (size, mtime_ns) as last loaded; a file that matches both is
    unchanged and is not read again (the cheap check before any hashing).
    """
    root = seeds_dir.resolve()
    excluded = {p.resolve() for p in leave_out}
    found = Discovery()

    def unreadable(error: OSError) -> None:
        where = Path(error.filename or root)
        found.skipped.append(
            (shown(where.relative_to(root).as_posix()), f"unreadable: {error.strerror}")
        )

    for directory, subdirs, names in os.walk(root, followlinks=False, onerror=unreadable):
        here = Path(directory)
        subdirs[:] = sorted(
            d for d in subdirs if not d.startswith(".") and (here / d).resolve() not in excluded
        )
        for name in sorted(names):
            if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                continue
            path = here / name
            raw = path.relative_to(root).as_posix()
            relative = shown(raw)
            if _not_a_page(name):
                found.skipped.append((relative, "not a page by its name"))
                continue
            try:
                info = path.stat()  # follows a symlink: the target decides
            except OSError:
                continue  # vanished, or a dangling link
            if not stat.S_ISREG(info.st_mode):
                found.skipped.append((relative, "not a regular file (a pipe, socket or device)"))
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                found.skipped.append((relative, "a link leading outside the seeds folder"))
                continue
            if not path.is_symlink() and info.st_nlink > 1:
                # A second name for the same bytes may live anywhere on the file system.
                found.skipped.append((relative, "other hard links, maybe outside the folder"))
                continue
            found.n_seen += 1
            if known.get(relative) == (info.st_size, info.st_mtime_ns):
                found.n_unchanged += 1
                continue
            found.candidates.append(Candidate(root, raw, info.st_size, info.st_mtime_ns))
    return found
