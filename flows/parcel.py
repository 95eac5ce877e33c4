"""An opaque wrapper for large task arguments.

Prefect walks every task argument (lists, dicts, dataclasses, recursively) to find
futures; a batch holds hundreds of thousands of nested objects, and that walk cost more
than extracting them. A Parcel is neither a collection nor a dataclass, so it is passed
through as it is — also to Dask workers, where prefect's own quote() arrives unwrapped.
"""

from __future__ import annotations

from typing import Generic, TypeVar

__all__ = ["Parcel"]

T = TypeVar("T")


class Parcel(Generic[T]):
    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value
