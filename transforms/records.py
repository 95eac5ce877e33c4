"""The typed records passed between stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

__all__ = [
    "OUTSIDE_ARTICLE_REASONS",
    "Article",
    "DroppedBlock",
    "FileExtraction",
    "Paragraph",
    "Rejected",
    "SourceFile",
]

# Why the article finder left a prose line outside every article (rules that end a body
# record their own names instead).
OUTSIDE_ARTICLE_REASONS = ("before_article", "article_header", "after_article", "outside_article")


class Paragraph(NamedTuple):
    """A named tuple, not a dataclass: a batch holds ~100,000 of them, and tuples cross from
    worker processes (pickle) several times faster."""

    kind: str  # text / heading / bullet
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    position: int
    kind: str  # main / related
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    subtitle: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None  # which signal named the outlet (header, footer, ...)
    wire: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    relative_time: str | None = None
    published_at: datetime | None = None
    published_at_source: str | None = None  # relative / explicit / metadata
    language: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


class DroppedBlock(NamedTuple):
    """A prose-like line of a page that no article kept, and why."""

    line: int  # 0-based line number in the decoded page
    reason: str  # before_article / article_header / after_article / a rule's name
    text: str


@dataclass(frozen=True, slots=True)
class FileExtraction:
    """Everything one source file yields."""

    format: str  # text / html
    text_sha256: str  # hash of the normalised text: same page, other bytes
    encoding: str
    articles: tuple[Article, ...] = field(default_factory=tuple)
    dropped: tuple[DroppedBlock, ...] = ()


class Rejected(Exception):
    """A file (or article) that cannot be loaded, with a short reason code."""

    def __init__(self, reason: str, detail: str) -> None:
        # Both in args: an exception is rebuilt from its args when it crosses a process
        # boundary (a Dask worker's result), so they must be exactly the constructor's.
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rejected) and other.args == self.args

    def __hash__(self) -> int:
        return hash(self.args)


@dataclass(frozen=True, slots=True)
class KnownFile:
    """Bytes the ledger holds, seen again at a path (a copy, a rename, a touched file)."""

    path: str  # relative to the seeds folder
    file_id: str
    size_bytes: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file looked at by a run, with what became of it."""

    path: str  # relative to the seeds folder
    file_id: str  # sha256 of the bytes
    size_bytes: int
    mtime_ns: int
    captured_at: datetime
    captured_at_source: str  # sidecar / mtime
    url: str | None = None
    extraction: FileExtraction | None = None
    rejection: Rejected | None = None
    notes: tuple[str, ...] = ()  # problems that did not stop the file (a bad sidecar)
