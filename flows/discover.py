"""Find the files under the seeds folder that the warehouse has not seen as they are now."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Candidate", "Discovery", "discover_files"]

SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True, slots=True)
class Candidate:
    path: Path  # absolute
    relative: str  # relative to the seeds folder, '/'-separated
    size_bytes: int
    mtime_ns: int


@dataclass(slots=True)
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    n_seen: int = 0
    n_unchanged: int = 0
    skipped_links: list[str] = field(default_factory=list)  # links leading outside
    skipped_hard_links: list[str] = field(default_factory=list)


def discover_files(seeds_dir: Path, known: Mapping[str, tuple[int, int]]) -> Discovery:
    """Every regular file under seeds_dir, recursively, minus hidden files and sidecars.

    known: relative path -> (size, mtime_ns) as last loaded; a file that matches both is
    unchanged and is not read again (the cheap check before any hashing).
    """
    root = seeds_dir.resolve()
    found = Discovery()
    for directory, subdirs, names in os.walk(root, followlinks=False):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                continue
            path = Path(directory) / name
            try:
                info = path.stat()  # follows a symlink: the target decides
            except OSError:
                continue  # vanished, or a dangling link
            if not stat.S_ISREG(info.st_mode):
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                found.skipped_links.append(str(path.relative_to(root)))
                continue
            if not path.is_symlink() and info.st_nlink > 1:
                # A second name for the same bytes may live anywhere on the file system.
                found.skipped_hard_links.append(str(path.relative_to(root)))
                continue
            relative = path.relative_to(root).as_posix()
            found.n_seen += 1
            if known.get(relative) == (info.st_size, info.st_mtime_ns):
                found.n_unchanged += 1
                continue
            found.candidates.append(Candidate(path, relative, info.st_size, info.st_mtime_ns))
    return found
