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
from collections.abc import Container
from dataclasses import dataclass, field

from transforms.boilerplate import Boilerplate
from transforms.bylines import is_byline
from transforms.dates import has_absolute_date, parse_relative_time, split_glued_time
from transforms.headline import choose_headline
from transforms.locate import best_stretch, reads_as_prose, shape_lines
from transforms.records import DroppedBlock
from transforms.text_shape import is_name_like, is_prose_block, is_title_like, load_stopwords

__all__ = ["RawArticle", "segment_page"]

# A header block must start within the first lines of the page to belong to the main article.
MAIN_HEADER_MAX_LINE = 6
# The first article header follows an aggregator's "Related Articles" within these lines.
RELATED_HEADER_GAP_LINES = 3
# Dates and bylines are printed this close above a headline, when not below it.
ABOVE_HEADLINE_LINES = 6
# At most this many heading lines open a body above its first paragraph.
OPENING_HEADING_LINES = 1
# A standfirst directly under the title is a full clause, not a label.
STANDFIRST_MIN_WORDS = 8

_REPEAT_MARK = re.compile(r"^[-–—•·*▪]\s*(?P<name>.+)$")
_TRUNCATED_QUOTE = re.compile(r"(…|\.\.\.)['’\"”]$")


@dataclass(slots=True)
class RawArticle:
    kind: str  # main / related
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None  # as printed in the header block
    relative_time: str | None = None
    body: list[str] = field(default_factory=list)
    body_line: int = 0  # the page's line number of body[0]
    # Lines between the headline and the body (byline, dates, captions) and after the body
    # (footers): read for metadata, never stored as body.
    above: list[str] = field(default_factory=list)  # a few lines over the headline
    head: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    # Prose-like lines of the page left out of every article, with why.
    dropped: list[DroppedBlock] = field(default_factory=list)


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


def segment_page(
    text: str,
    rules: Boilerplate,
    url: str | None = None,
    site_chrome: Container[str] = frozenset(),
) -> list[RawArticle]:
    """Split a page into its main article (always first) and its related articles."""
    page = text.split("\n")
    chrome: list[DroppedBlock] = []
    kept: list[_Line] = []
    for n, line in enumerate(page):
        if not (text := line.strip()):
            continue
        if (rule := rules.line_rule(text)) is not None and rule.action == "drop":
            if is_prose_block(text):
                chrome.append(DroppedBlock(n, rule.name, text))
        else:
            kept.append(_Line(n, text))
    headers = _find_headers(kept)
    # A "Related Articles" line opens an aggregator's list only when an article header
    # follows it; elsewhere (a menu, a share bar, links inside an article) it ends nothing.
    marker = next(
        (
            i
            for i, line in enumerate(kept)
            if rules.is_related_marker(line.text)
            and any(i < h.start <= i + RELATED_HEADER_GAP_LINES for h in headers)
        ),
        None,
    )
    first_prose = next((i for i, line in enumerate(kept) if reads_as_prose(line.text)), len(kept))
    # The main article's header opens the page, above its first paragraph (a commenter's
    # name over "2 days ago" below the story is not one).
    main_header = next(
        (
            h
            for h in headers
            if h.start <= MAIN_HEADER_MAX_LINE
            and h.start < first_prose
            and (marker is None or h.start < marker)
        ),
        None,
    )
    if marker is not None:
        related = [h for h in headers if h.start > marker]
    else:
        related = [h for h in headers if h is not main_header and h.has_repeat]
    main_end = marker if marker is not None else (related[0].start if related else len(kept))

    articles = [_main_article(page, kept, main_header, main_end, url, rules, site_chrome)]
    for k, header in enumerate(related):
        end = related[k + 1].start if k + 1 < len(related) else len(kept)
        articles.append(
            RawArticle(
                kind="related",
                title=_tidy_title(header.title),
                outlet=header.outlet,
                relative_time=header.relative_time,
                body=_raw_lines(page, kept, header.body_start, end),
                body_line=_first_line(kept, header.body_start),
            )
        )
    articles[0].dropped += _unaccounted(articles, kept, chrome)
    return articles


def _unaccounted(
    articles: list[RawArticle], kept: list[_Line], chrome: list[DroppedBlock]
) -> list[DroppedBlock]:
    """Prose no article's body covers and no reason names yet: chrome lines outside the
    bodies (inside one, the body's own parse records them) and any other line left over
    (between an aggregator's main article and its related ones, above a header)."""
    spans = [(a.body_line, a.body_line + len(a.body)) for a in articles if a.body]

    def inside(line: int) -> bool:
        return any(start <= line < end for start, end in spans)

    recorded = {d.line for a in articles for d in a.dropped}
    left = [d for d in chrome if not inside(d.line)]
    left += [
        DroppedBlock(line.number, "outside_article", line.text)
        for line in kept
        if not inside(line.number) and line.number not in recorded and is_prose_block(line.text)
    ]
    return left


def _main_article(
    page: list[str],
    kept: list[_Line],
    header: _Header | None,
    end: int,
    url: str | None,
    rules: Boilerplate,
    chrome: Container[str],
) -> RawArticle:
    article = RawArticle(kind="main")
    if header is not None:
        article.title = _tidy_title(header.title)
        article.outlet = header.outlet
        article.relative_time = header.relative_time
        article.body = _raw_lines(page, kept, header.body_start, end)
        article.body_line = _first_line(kept, header.body_start)
        return article
    region = [line.text for line in kept[:end]]
    # The main article's region is shaped on its own: a line repeated in a related article
    # (an agency's caption) is not furniture here. The site's chrome is no headline guide:
    # an article's headline is printed as a teaser on the site's other pages.
    shape = shape_lines(region, load_stopwords(), rules, chrome)
    stretch = best_stretch(shape)
    if stretch is None:
        article.body = _raw_lines(page, kept, 0, end)
        article.body_line = _first_line(kept, 0)
        return article
    body_start, body_end = stretch
    title_at = choose_headline(region, body_start, url, rules)
    head_start = 0
    if title_at is not None:
        article.title = _tidy_title(region[title_at])
        article.above = region[max(0, title_at - ABOVE_HEADLINE_LINES) : title_at]
        head_start = title_at + 1
        body_start = max(body_start, head_start)
        while head_start < body_start and region[head_start] == region[title_at]:
            head_start += 1
        subtitle = head_start if head_start < len(region) else None
        if (
            subtitle is not None
            and kept[subtitle].number == kept[subtitle - 1].number + 1
            and is_title_like(region[subtitle])
            and len(region[subtitle].split()) >= STANDFIRST_MIN_WORDS
            and not is_byline(region[subtitle])
            and not has_absolute_date(region[subtitle])
        ):
            article.subtitle = region[subtitle]
            head_start = subtitle + 1
            body_start = max(body_start, head_start)
    if _opens_body(region[head_start:body_start]):
        body_start = head_start  # a section heading right under the headline
    article.head = region[head_start:body_start]
    article.body = _raw_lines(page, kept, body_start, body_end)
    article.body_line = _first_line(kept, body_start)
    article.tail = region[body_end:end]
    article.dropped = _dropped_prose(kept, 0, head_start, "before_article", chrome)
    article.dropped += _dropped_prose(kept, head_start, body_start, "article_header", chrome)
    article.dropped += _dropped_prose(kept, body_end, end, "after_article", chrome)
    return article


def _opens_body(between: list[str]) -> bool:
    """Whether the few lines between headline and prose are the body's own first heading,
    not a byline, date, credit or gallery control."""
    return 0 < len(between) <= OPENING_HEADING_LINES and all(
        _is_opening_heading(line) for line in between
    )


def _is_opening_heading(line: str) -> bool:
    return (
        is_title_like(line)
        and not is_byline(line)
        and not has_absolute_date(line)
        and len(line.split()) >= 2
        and line[:1].isupper()
    )


def _dropped_prose(
    kept: list[_Line], start: int, end: int, reason: str, chrome: Container[str]
) -> list[DroppedBlock]:
    """The prose among kept[start:end], left out for reason (or as the site's chrome)."""
    return [
        DroppedBlock(kept[i].number, "site_chrome" if line in chrome else reason, line)
        for i in range(start, end)
        if is_prose_block(line := kept[i].text)
    ]


def _find_headers(kept: list[_Line]) -> list[_Header]:
    headers: list[_Header] = []
    for k, line in enumerate(kept):
        relative = parse_relative_time(line.text)
        if relative and k > 0 and is_name_like(kept[k - 1].text):
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
        if has_repeat and j < len(kept) and is_title_like(kept[j].text):
            title = kept[j].text
            j += 1
        elif before is not None and is_title_like(before):
            title = before
        while j < len(kept) and kept[j].text == title:
            j += 1  # the title printed again after the header
        while start > 0 and title is not None and kept[start - 1].text == title:
            start -= 1  # the title printed before the outlet line
        headers.append(_Header(start, j, outlet, relative, title, has_repeat))
    return headers


def _first_line(kept: list[_Line], start: int) -> int:
    return kept[start].number if start < len(kept) else 0


def _raw_lines(page: list[str], kept: list[_Line], start: int, end: int) -> list[str]:
    """The page's original lines (blank lines included) covering kept[start:end]."""
    if start >= end or start >= len(kept):
        return []
    first = kept[start].number
    last = kept[end - 1].number if end - 1 < len(kept) else len(page) - 1
    return page[first : last + 1]


def _is_repeat(line: str, outlet: str) -> bool:
    match = _REPEAT_MARK.match(line)
    return match is not None and match.group("name").strip().casefold() == outlet.casefold()


def _tidy_title(title: str | None) -> str | None:
    if title is None:
        return None
    # A title cut short by the page ("‘You can singlehandedly…'") keeps its ellipsis but not
    # the quote mark printed after it: the quotation it closed was cut away.
    if _TRUNCATED_QUOTE.search(title):
        title = title[:-1]
    return title.strip() or None
