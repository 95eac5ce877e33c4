"""Keeps what transforms build from data packages on disk, so a run builds each once.

A file per structure, named by a key over the versions of the packages it is read from and
the source of the module that builds it: upgrading a package or editing the building code
makes a new key, and the old file is removed when the new one is written. A file that
cannot be read (cut short, from another Python) is built again; a folder that cannot be
written leaves each process building its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import pickle
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from transforms.packaged import Packaged

__all__ = ["DiskStore"]

# What an unreadable or stale file raises while unpickling.
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError)


class DiskStore:
    """Structures pickled in one folder (the warehouse's own: only newsdesk writes it)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self, item: Packaged[Any]) -> object | None:
        try:
            with self._path(item).open("rb") as file:  # streamed: no second copy in memory
                value: object = pickle.load(file)  # our own files, as below
            return value
        except _UNREADABLE:
            return None

    def save(self, item: Packaged[Any], value: object) -> None:
        path = self._path(item)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with partial.open("wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, path)  # whole or not at all, whoever writes at once
            for old in self.folder.glob(f"{item.name}-*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)

    def _path(self, item: Packaged[Any]) -> Path:
        return self.folder / f"{item.name}-{_key(item)}.pickle"


@cache
def _key(item: Packaged[Any]) -> str:
    digest = hashlib.sha256()
    for distribution in item.distributions:
        try:
            digest.update(f"{distribution}={version(distribution)};".encode())
        except PackageNotFoundError:
            digest.update(f"{distribution}=?;".encode())
    spec = importlib.util.find_spec(item.module)
    if spec is not None and spec.origin is not None:
        digest.update(Path(spec.origin).read_bytes())
    return digest.hexdigest()[:16]
