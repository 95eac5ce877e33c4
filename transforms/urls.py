"""What a page's address says about it: its host, the date in its path, its slug's words."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote, urlsplit

__all__ = ["host_of", "slug_words", "url_date"]

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
# Dates as sites put them in article paths: /2019/11/19/, /2019/nov/18/, /2019-11-19-,
# /20191119/ (eight digits between separators, never inside a longer number).
_PATH_DATES = (
    re.compile(r"(?<![\d])((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?=/|$|[-_.])"),
    re.compile(r"(?<![\d])((?:19|20)\d\d)/([a-z]{3})/(\d{1,2})(?=/|$)", re.I),
    re.compile(r"(?<![\d])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d])"),
    re.compile(r"(?<=/)((?:19|20)\d\d)(\d\d)(\d\d)(?=/|$)"),
)
_WORD = re.compile(r"[^\W_]+")
# Slug tokens that are ids or file types, not words of the headline.
_NOT_WORDS = re.compile(r"^(?:\d+|html?|php|aspx?|story|article|id\w*\d\w*)$", re.I)


def host_of(url: str | None) -> str | None:
    """The URL's host without `www.` and the port, lower-cased; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def url_date(url: str | None) -> date | None:
    """The publication date a URL's path spells out (year, month and day), else None."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for pattern in _PATH_DATES:
        if match := pattern.search(path):
            year, month, day = match.groups()
            month_number = _MONTHS.get(month.lower()[:3]) if month.isalpha() else int(month)
            try:
                return date(int(year), month_number or 0, int(day))
            except ValueError:
                continue
    return None


def slug_words(url: str | None) -> list[str]:
    """The lower-cased words of the URL path's longest segment (where headlines live)."""
    if not url:
        return []
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return []
    segments = [s for s in path.split("/") if s]
    if not segments:
        return []
    slug = max(segments, key=lambda s: len(_WORD.findall(s)))
    return [w.lower() for w in _WORD.findall(slug) if not _NOT_WORDS.match(w)]
