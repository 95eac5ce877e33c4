"""Structures built from what data packages ship: built once per process, or kept by a store.

The gazetteer, the stoplists and the language identifier each take a few tenths of a second
to build from their packages' files (JSON, word lists, an xz-compressed model), which a run
with a handful of new files would otherwise pay every time. A run hands in a store (the
flows layer keeps them on disk beside the warehouse) that gives back what an earlier process
built from the same package versions and the same building code.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, cast

__all__ = ["Packaged", "Store", "built", "keep_in"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Packaged(Generic[T]):
    """One structure: what it is called, what it is built from, and how."""

    name: str
    distributions: tuple[str, ...]  # the packages whose data it reads (their versions key it)
    module: str  # the module whose code builds it (its source keys it too)
    build: Callable[[], T]


class Store(Protocol):
    def load(self, item: Packaged[Any]) -> object | None:
        """The structure as built before from the same inputs, or None."""

    def save(self, item: Packaged[Any], value: object) -> None: ...


_lock = threading.RLock()
_built: dict[str, object] = {}
_store: Store | None = None


def keep_in(store: Store | None) -> None:
    """Where structures built from now on are looked up first and kept (None: nowhere)."""
    global _store
    _store = store


def built(item: Packaged[T]) -> T:
    """The structure, built (or loaded from the store) on first use in this process."""
    with _lock:
        if item.name not in _built:
            value = _store.load(item) if _store is not None else None
            if value is None:
                value = item.build()
                if _store is not None:
                    _store.save(item, value)
            _built[item.name] = value
        return cast(T, _built[item.name])
