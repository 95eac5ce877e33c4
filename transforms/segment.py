"""A page's text to the articles it holds: the main article and any related-article blocks.

An aggregator prints each related article under a header block:

    Outlet                      Outlet2 hours ago         Title (printed once or twice)
    an hour ago          or     ...                  or   Outlet
    - Outlet                                              time19 minutes ago
    Title                                                   • Outlet
    body ...                                              Title
                                                          body ...

Outlets are recognised by this structure (a name-like line next to a relative time), never
by a list of known outlets, so an outlet seen for the first time is still parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transforms.boilerplate import Boilerplate
from transforms.dates import parse_relative_time, split_glued_time

__all__ = ["RawArticle", "segment_page"]

# A header block must start within the first lines of the page to belong to the main article.
MAIN_HEADER_MAX_LINE = 6
# Titles and outlet names are short; body paragraphs are not.
TITLE_MAX_WORDS = 30
NAME_MAX_WORDS = 6
# A standfirst directly under the title is a full clause, not a label.
STANDFIRST_MIN_WORDS = 8

_REPEAT_MARK = re.compile(r"^[-–—•·*▪]\s*(?P<name>.+)$")
_SENTENCE_END = re.compile(r"[.!;:,\"”]$")
_TRUNCATED_QUOTE = re.compile(r"(…|\.\.\.)['’\"”]$")


@dataclass(slots=True)
class RawArticle:
    kind: str  # main / related
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None  # as printed in the header block
    relative_time: str | None = None
    body: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # index in the page's lines
    text: str  # stripped


@dataclass(frozen=True, slots=True)
class _Header:
    start: int  # index into the kept lines where the block begins
    body_start: int
    outlet: str
    relative_time: str
    title: str | None
    has_repeat: bool


def segment_page(text: str, rules: Boilerplate) -> list[RawArticle]:
    """Split a page into its main article (always first) and its related articles."""
    page = text.split("\n")
    kept = [
        _Line(n, line.strip())
        for n, line in enumerate(page)
        if line.strip() and not _is_dropped_chrome(line.strip(), rules)
    ]
    marker = next((i for i, line in enumerate(kept) if rules.is_related_marker(line.text)), None)
    headers = _find_headers(kept)
    main_header = next(
        (
            h
            for h in headers
            if h.start <= MAIN_HEADER_MAX_LINE and (marker is None or h.start < marker)
        ),
        None,
    )
    if marker is not None:
        related = [h for h in headers if h.start > marker]
    else:
        related = [h for h in headers if h is not main_header and h.has_repeat]
    main_end = marker if marker is not None else (related[0].start if related else len(kept))

    articles = [_main_article(page, kept, main_header, main_end)]
    for k, header in enumerate(related):
        end = related[k + 1].start if k + 1 < len(related) else len(kept)
        articles.append(
            RawArticle(
                kind="related",
                title=_tidy_title(header.title),
                outlet=header.outlet,
                relative_time=header.relative_time,
                body=_raw_lines(page, kept, header.body_start, end),
            )
        )
    return articles


def _main_article(
    page: list[str], kept: list[_Line], header: _Header | None, end: int
) -> RawArticle:
    article = RawArticle(kind="main")
    if header is not None:
        article.title = _tidy_title(header.title)
        article.outlet = header.outlet
        article.relative_time = header.relative_time
        article.body = _raw_lines(page, kept, header.body_start, end)
        return article
    start = 0
    if kept and end > 0 and _is_title_like(kept[0].text):
        article.title = _tidy_title(kept[0].text)
        start = 1
        while start < end and kept[start].text == kept[0].text:
            start += 1
        if (
            start < end
            and kept[start].number == kept[start - 1].number + 1
            and _is_title_like(kept[start].text)
            and len(kept[start].text.split()) >= STANDFIRST_MIN_WORDS
        ):
            article.subtitle = kept[start].text
            start += 1
    article.body = _raw_lines(page, kept, start, end)
    return article


def _find_headers(kept: list[_Line]) -> list[_Header]:
    headers: list[_Header] = []
    for k, line in enumerate(kept):
        relative = parse_relative_time(line.text)
        if relative and k > 0 and _is_name_like(kept[k - 1].text):
            outlet, start = kept[k - 1].text, k - 1
        elif not relative and (glued := split_glued_time(line.text)):
            (outlet, relative), start = glued, k
        else:
            continue
        if headers and start < headers[-1].body_start:
            continue  # inside the previous header
        j = k + 1
        has_repeat = j < len(kept) and _is_repeat(kept[j].text, outlet)
        if has_repeat:
            j += 1
        before = kept[start - 1].text if start > 0 else None
        title: str | None = None
        if has_repeat and j < len(kept) and _is_title_like(kept[j].text):
            title = kept[j].text
            j += 1
        elif before is not None and _is_title_like(before):
            title = before
        while j < len(kept) and kept[j].text == title:
            j += 1  # the title printed again after the header
        while start > 0 and title is not None and kept[start - 1].text == title:
            start -= 1  # the title printed before the outlet line
        headers.append(_Header(start, j, outlet, relative, title, has_repeat))
    return headers


def _raw_lines(page: list[str], kept: list[_Line], start: int, end: int) -> list[str]:
    """The page's original lines (blank lines included) covering kept[start:end]."""
    if start >= end or start >= len(kept):
        return []
    first = kept[start].number
    last = kept[end - 1].number if end - 1 < len(kept) else len(page) - 1
    return page[first : last + 1]


def _is_dropped_chrome(line: str, rules: Boilerplate) -> bool:
    rule = rules.line_rule(line)
    return rule is not None and rule.action == "drop"


def _is_repeat(line: str, outlet: str) -> bool:
    match = _REPEAT_MARK.match(line)
    return match is not None and match.group("name").strip().casefold() == outlet.casefold()


def _is_name_like(line: str) -> bool:
    return len(line.split()) <= NAME_MAX_WORDS and not _SENTENCE_END.search(line)


def _is_title_like(line: str) -> bool:
    return len(line.split()) <= TITLE_MAX_WORDS and not re.search(r"[.;:,]$", line)


def _tidy_title(title: str | None) -> str | None:
    if title is None:
        return None
    # A title cut short by the page ("‘You can singlehandedly…'") keeps its ellipsis but not
    # the quote mark printed after it: the quotation it closed was cut away.
    if _TRUNCATED_QUOTE.search(title):
        title = title[:-1]
    return title.strip() or None
