"""The capitalised spans of a paragraph as the recogniser reads them, and what it found.

A span is a run of capitalised words with where it stands (its paragraph and offsets, the
few characters around it, whether a sentence opens with it); classifying one sets its
type and name, and may split it into parts (see transforms.recognise).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "MONTHS_AND_DAYS",
    "Found",
    "NameFinder",
    "Reading",
    "Span",
    "copy_span",
    "is_date_word",
    "is_dateline",
    "is_title_case",
    "part_of",
    "split_at",
    "split_span",
    "typed",
]

# A line of at least this many words, this share of them capitalised, is a title-case
# heading: only names known otherwise (gazetteer, titles, first names, the article's
# people) are read in it.
TITLE_CASE_MIN_WORDS = 3
TITLE_CASE_MAX_CHARS = 200
TITLE_CASE_SHARE = 0.6
MONTHS_AND_DAYS = frozenset(
    [
        *calendar.month_name[1:],
        *calendar.month_abbr[1:],
        *calendar.day_name,
        *calendar.day_abbr,
        *("Sept", "Tues", "Thurs"),
    ]
)


@dataclass(frozen=True, slots=True)
class Found:
    """One mention: where it is, how it is written, and the name and type it resolves to."""

    paragraph: int
    start: int
    end: int
    surface: str
    name: str  # the fullest form in the article
    type: str  # person / organization / place


class NameFinder(Protocol):
    """What finds the names of an article besides the registry: the rules of recognise.py,
    or a statistical model (spacy_names.py)."""

    def article(self, paragraphs: Sequence[str]) -> list[Found]: ...

    def reads(self, language: str) -> bool:
        """Whether it knows the language (ISO 639-1) well enough to read names in it."""
        ...


@dataclass(slots=True)
class Span:
    paragraph: int
    start: int
    end: int
    words: list[str]
    sentence_start: bool
    before: str = ""  # the paragraph's text before the span, and after it
    after: str = ""
    title_start: int | None = None  # where a person's title before the name starts
    in_heading: bool = False  # in a line of capitalised words, where capitals say little
    the_start: int | None = None  # where a "The" the name may own starts
    type: str | None = None  # person / organization / place, or single / pair (resolved later)
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """A classified part of a span, at offsets relative to the span's start."""

    start: int
    end: int
    words: tuple[str, ...]
    sentence_start: bool
    type: str | None
    name: str | None
    title_start: int | None

    @classmethod
    def of(cls, part: Span, base: int) -> Reading:
        title = None if part.title_start is None else part.title_start - base
        return cls(
            part.start - base,
            part.end - base,
            tuple(part.words),
            part.sentence_start,
            part.type,
            part.name,
            title,
        )

    def on(self, span: Span) -> Span:
        start = span.start + self.start
        return Span(
            span.paragraph,
            start,
            span.start + self.end,
            list(self.words),
            self.sentence_start,
            before=span.before + " " * (start - span.start) if self.start else span.before,
            after=span.after,
            title_start=None if self.title_start is None else span.start + self.title_start,
            in_heading=span.in_heading,
            type=self.type,
            name=self.name,
        )


def copy_span(span: Span) -> Span:
    return Span(
        span.paragraph,
        span.start,
        span.end,
        list(span.words),
        span.sentence_start,
        span.before,
        span.after,
        in_heading=span.in_heading,
    )


def typed(span: Span, kind: str, name: str) -> Span:
    # "Acme Inc." is named "Acme Inc"; a person's "Jr." and a place's "D.C." keep theirs.
    span.type, span.name = kind, name.removesuffix(".") if kind == "organization" else name
    if kind == "organization" and span.the_start is not None:
        span.start, span.name = span.the_start, f"The {name}"  # "The Clarion"
    return span


def is_title_case(text: str) -> bool:
    """A headline or heading in title case ("Moscow's Global Maneuvers"): most words are
    capitalised, so a capital does not mark a name."""
    if len(text) > TITLE_CASE_MAX_CHARS:
        return False  # a paragraph, not a heading
    words = [w for w in text.split() if w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in words)
    return len(words) >= TITLE_CASE_MIN_WORDS and capitalised >= TITLE_CASE_SHARE * len(words)


def is_date_word(word: str) -> bool:
    return word.rstrip(".") in MONTHS_AND_DAYS


def is_dateline(span: Span) -> bool:
    """An all-caps place opening a paragraph ("WASHINGTON (AP) —")."""
    return span.start == 0 and all(w.isupper() for w in span.words)


def split_span(span: Span, is_separator: Callable[[str], bool]) -> list[Span]:
    """The parts of a span between its separating words, each a span of its own."""
    parts: list[Span] = []
    offset, words = span.start, list[str]()
    position = span.start
    for word in span.words:
        if is_separator(word):
            if words:
                parts.append(part_of(span, offset, words))
            words = []
            position += len(word) + 1
            offset = position
        else:
            words.append(word)
            position += len(word) + 1
    if words:
        parts.append(part_of(span, offset, words))
    return parts


def split_at(span: Span, at: int) -> tuple[Span, Span]:
    head_words, tail_words = span.words[:at], span.words[at:]
    tail_start = span.start + len(" ".join(head_words)) + 1
    return part_of(span, span.start, head_words), part_of(span, tail_start, tail_words)


def part_of(span: Span, start: int, words: list[str]) -> Span:
    while len(words) > 1 and words[0].islower():
        start += len(words[0]) + 1  # "of Acme Inc." after a split: the name starts later
        words = words[1:]
    while len(words) > 1 and words[-1].islower():
        words = words[:-1]
    end = start + len(" ".join(words))
    first = start == span.start
    shift_before = span.before + " " * (start - span.start)
    return Span(
        span.paragraph,
        start,
        end,
        words,
        span.sentence_start and first,
        shift_before,
        in_heading=span.in_heading,
    )
