"""An article's outlet, authors and publication date from the lines around it and its URL.

Read from the cluster of lines around the headline (bylines and printed dates), the page's
own name for itself, and the sidecar's URL: its host (through the outlet registry) and the
date in its path.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, time, timedelta

from transforms.bylines import parse_header_byline
from transforms.dates import (
    PrintedDate,
    find_labelled_relative,
    find_printed_date,
    is_plausible_time,
    relative_delta,
    with_capture_year,
)
from transforms.text_shape import words
from transforms.urls import host_of, url_date

__all__ = ["header_authors", "host_name", "printed_date", "printed_site_name"]

# A site's name is printed in a line of at most this many words (a masthead, a menu
# entry, "Contact CT Post", a copyright line).
SITE_NAME_LINE_MAX_WORDS = 20
SITE_NAME_MAX_WORDS = 5

_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or"}


def header_authors(lines: list[str]) -> tuple[str, ...]:
    """Names from the first byline among the lines between headline and body."""
    for line in lines:
        if (names := parse_header_byline(line)) is not None:
            return names
    return ()


def printed_date(
    lines: list[str], body_dates: list[PrintedDate], url: str | None, captured_at: datetime
) -> tuple[datetime | None, str | None]:
    """(published_at, source): a date printed in the lines around the headline or on a
    date line of the body, confirmed or supplied by the URL's date."""
    near = [d for d in map(find_printed_date, lines) if d]
    found = [
        dated
        for d in (*near, *body_dates)
        if _plausible(dated := with_capture_year(d, captured_at), captured_at)
    ]
    in_url = url_date(url)
    published = [d for d in found if not d.is_updated] or found
    if in_url is not None:
        # The publication date the URL confirms, else an update on the URL's day.
        agreeing = [d for d in published if d.at.date() == in_url] or [
            d for d in found if d.at.date() == in_url
        ]
        if agreeing:
            return _best(agreeing).at, "explicit"
        # The URL's date stands for the day; no time is invented for it.
        return datetime.combine(in_url, time(), tzinfo=UTC), "url"
    if published:
        return _best(published).at, "explicit"
    return None, None


def labelled_delta(lines: list[str]) -> timedelta | None:
    """How long before capture a 'Published 1 day ago' line near the headline points (a
    publication time before an update time, as for printed dates)."""
    found = [f for line in lines if (f := find_labelled_relative(line))]
    published = [rel for rel, is_update in found if not is_update] or [rel for rel, _ in found]
    return relative_delta(published[0]) if published else None


def host_name(url: str | None) -> str | None:
    """The registrable part of the URL's host ("ctpost.com" for www.ctpost.com)."""
    host = host_of(url)
    if not host:
        return None
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def printed_site_name(lines: list[str], url: str | None) -> str | None:
    """The name the page prints for its own site: a span whose letters spell the host's
    name ("CT Post" for ctpost.com, "The Hill" for thehill.com), the most printed form."""
    host = host_name(url)
    if not host:
        return None
    target = host.split(".")[0].replace("-", "")
    forms: Counter[str] = Counter()
    for line in lines:
        tokens = words(line)
        if not tokens or len(tokens) > SITE_NAME_LINE_MAX_WORDS:
            continue
        for i in range(len(tokens)):
            for j in range(i + 1, min(i + SITE_NAME_MAX_WORDS, len(tokens)) + 1):
                span = tokens[i:j]
                key = "".join(span).lower()
                if len(key) > len(target) + 3:
                    break
                if key in (target, "the" + target) and span[0][:1].isupper():
                    forms[_printed_span(line, span)] += 1
    if not forms:
        return None
    # A name as written in running text (mixed case) before a logo's or menu's capitals,
    # then the most printed form.
    return max(forms, key=lambda form: (_is_mixed_case(form), forms[form], len(form)))


def _is_mixed_case(text: str) -> bool:
    return text != text.upper() and text != text.lower()


def _printed_span(line: str, span: list[str]) -> str:
    """The span as printed in the line (with its own spacing and punctuation)."""
    pattern = r"\W*".join(re.escape(w) for w in span)
    match = re.search(pattern, line)
    return match.group(0) if match else " ".join(span)


def _plausible(date: PrintedDate, captured_at: datetime) -> bool:
    return is_plausible_time(date.at, captured_at)


def _best(dates: list[PrintedDate]) -> PrintedDate:
    """The first printed date that carries a time, else the first."""
    return next((d for d in dates if d.has_time), dates[0])
