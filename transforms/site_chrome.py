"""Lines a site prints on many of its pages: menus, footers, promos, section labels.

One page cannot tell its site's furniture from its article when the furniture looks like
prose ("Sign up for our newsletter to get the day's top stories."), but two pages of the
same site can: the line is on both. Trafilatura and Media Cloud de-duplicate segments per
site the same way. A line is keyed by its site (the sidecar URL's host) and its text, and
counted once per file; a line on at least `MIN_FILES` of a site's files is that site's
chrome. Counts come from the files of a batch together with those the warehouse has seen
in earlier runs, so what one run learns the next one uses.

A page whose prose is mostly "chrome" this way is a second capture of an article already
seen (an AMP copy, an update), not a page of furniture: its lines are left alone.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from transforms.boilerplate import CHROME_LINE_MAX_CHARS
from transforms.locate import reads_as_prose
from transforms.text_shape import rough_word_count

__all__ = [
    "MIN_FILES",
    "SITE_LINES_KEPT",
    "KnownSiteLines",
    "PageLines",
    "SiteChrome",
    "chrome_for_pages",
    "learn_site_chrome",
    "line_key",
    "page_lines",
]

# A line on this many files of one site is its furniture. Two is enough: an article's own
# sentences are not printed on another article's page, and a recapture of the same article
# is caught by MAX_CHROME_PROSE_SHARE instead.
MIN_FILES = 2
# Lines seen on one file only are kept for this many of each site's latest lines (a few
# dozen pages' worth: chrome is on nearly all of a site's pages, so it recurs among them).
SITE_LINES_KEPT = 5000
# A page whose prose words are more than this share known lines is a copy of a page seen
# before: nothing on it is treated as learnt chrome.
MAX_CHROME_PROSE_SHARE = 0.5


def line_key(site: str, line: str) -> int:
    """A 64-bit key for a line of a site, stable across runs and processes."""
    text = " ".join(line.split()).casefold()
    digest = hashlib.blake2b(f"{site}\x1f{text}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)  # DuckDB's BIGINT


@dataclass(frozen=True, slots=True)
class PageLines:
    """A page's distinct short lines, by key, with one spelling of each."""

    site: str
    lines: Mapping[int, str]


def page_lines(site: str, text: str) -> PageLines:
    lines: dict[int, str] = {}
    for raw in text.split("\n"):
        line = raw.strip()
        # Longer lines are paragraphs: furniture is menus, labels and blurbs.
        if line and len(line) <= CHROME_LINE_MAX_CHARS:
            lines.setdefault(line_key(site, line), line)
    return PageLines(site, lines)


@dataclass(frozen=True, slots=True)
class SiteChrome:
    """The lines learnt as one site's chrome."""

    site: str
    keys: frozenset[int] = frozenset()

    def __contains__(self, line: object) -> bool:
        return isinstance(line, str) and bool(self.keys) and line_key(self.site, line) in self.keys

    def for_page(self, lines: Sequence[str]) -> frozenset[str]:
        """The page's lines (stripped) that are this chrome — each line hashed once, so
        the readers after this look lines up in a plain set — or none when most of the
        page's prose is in it (a recapture)."""
        if not self.keys:
            return frozenset()
        learnt_lines = {line for raw in lines if (line := raw.strip()) and line in self}
        prose = learnt = 0
        for line in lines:
            if reads_as_prose(line):
                n = rough_word_count(line)
                prose += n
                learnt += n if line.strip() in learnt_lines else 0
        if prose and learnt > MAX_CHROME_PROSE_SHARE * prose:
            return frozenset()
        return frozenset(learnt_lines)


@dataclass(frozen=True, slots=True)
class KnownSiteLines:
    """How many earlier files each stored line key was on: sorted keys, their counts."""

    keys: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    files: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))

    @classmethod
    def of(
        cls, keys: Sequence[int] | np.ndarray, files: Sequence[int] | np.ndarray
    ) -> KnownSiteLines:
        key_array = np.asarray(keys, dtype=np.int64)
        file_array = np.asarray(files, dtype=np.int64)
        order = np.argsort(key_array, kind="stable")
        return cls(key_array[order], file_array[order])

    def counts(self, keys: np.ndarray) -> np.ndarray:
        """The stored file count of each key (0 for keys never seen)."""
        if not len(self.keys):
            return np.zeros(len(keys), dtype=np.int64)
        at = np.searchsorted(self.keys, keys).clip(max=len(self.keys) - 1)
        return np.where(self.keys[at] == keys, self.files[at], 0)


def learn_site_chrome(
    pages: Iterable[PageLines], known: KnownSiteLines
) -> dict[str, frozenset[int]]:
    """Each site's chrome: the keys on MIN_FILES files among these pages and earlier ones."""
    pages = list(pages)
    in_batch = Counter(key for page in pages for key in page.lines)
    if not in_batch:
        return {}
    keys = np.fromiter(in_batch, dtype=np.int64, count=len(in_batch))
    totals = known.counts(keys) + np.fromiter(in_batch.values(), dtype=np.int64)
    recurring = set(keys[totals >= MIN_FILES].tolist())
    chrome: dict[str, set[int]] = {}
    for page in pages:
        chrome.setdefault(page.site, set()).update(k for k in page.lines if k in recurring)
    return {site: frozenset(keys) for site, keys in chrome.items()}


def chrome_for_pages(
    pages: Sequence[tuple[str | None, str]], known: KnownSiteLines
) -> tuple[list[SiteChrome | None], list[PageLines | None]]:
    """For a batch of (site, text) pages: each page's learnt chrome and its lines (to
    count in the warehouse); None for pages of no known site."""
    lines = [page_lines(site, text) if site else None for site, text in pages]
    learnt = learn_site_chrome((p for p in lines if p is not None), known)
    chrome = [SiteChrome(p.site, learnt.get(p.site, frozenset())) if p else None for p in lines]
    return chrome, lines
