"""Which line of a page dump is the article's headline.

The headline is the line that best matches the words of the URL's slug (sites build the
slug from the headline), else the nearest headline-shaped line above the body, past the
byline, date and caption lines that sit between them. Menu items, labels and UI phrases
("Back to Gallery", "Skip to main content") are too short or too far to win.
"""

from __future__ import annotations

import re

from transforms.boilerplate import Boilerplate
from transforms.bylines import is_byline
from transforms.dates import has_absolute_date
from transforms.text_shape import is_title_like, words
from transforms.urls import slug_words

__all__ = ["choose_headline"]

# How far above the body the headline may sit when no slug points at it (lines of a
# byline/date/gallery cluster; galleries print a dozen lines of captions and controls).
HEADLINE_WINDOW_LINES = 25
# Without a slug to confirm it, a headline has at least this many words of letters:
# shorter lines above a body are labels and controls.
HEADLINE_MIN_WORDS = 4
# A slug points at the line that holds at least this share of its words (slugs drop
# stopwords and punctuation, and some are cut short, so not all).
SLUG_MIN_AGREEMENT = 0.4
# A line shorter than a headline must hold most of the slug ("MacBook Pro" is a menu
# entry under the slug 13-inch-macbook-pro-scissor-keyboard-2020).
SHORT_LINE_SLUG_AGREEMENT = 0.8
# A standfirst is a full clause; a headline over it is shorter.
STANDFIRST_MIN_WORDS = 8
# A slug needs this many words to point at a line (ids and section names do not).
SLUG_MIN_WORDS = 3

_LETTERS = re.compile(r"[^\W\d_]")
# A line printed as an item of a list ("• Show more sharing options", "* Related story") is
# a menu's, a share bar's or a teaser list's, never the article's headline.
_LIST_ITEM = re.compile(r"^\s*[•◦▪●*+]\s")
# A line wholly in brackets is a credit or an aside: "(Reed Saxon / Associated Press)".
_BRACKETED = re.compile(r"^[(\[].*[)\]]$")
# A photographer and an agency or outlet: "Alex Wong | Getty Images", "Doug Mills/The New
# York Times".
_PHOTO_CREDIT = re.compile(
    r"^[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3}\s*[/|]\s*(?:[A-Z][\w.'’\-]*\s*){1,5}$"
)


def choose_headline(
    lines: list[str], body_start: int, url: str | None, rules: Boilerplate
) -> int | None:
    """The index of the headline among lines[:body_start + 1], or None when there is none.

    The body's first line can be the headline itself: a headline that asks a question
    reads like a sentence.
    """
    candidates = [
        i for i in range(min(body_start + 1, len(lines))) if _is_candidate(lines[i], rules)
    ]
    slug = set(slug_words(url))
    if len(slug) >= SLUG_MIN_WORDS and candidates:
        scored = [(_agreement(lines[i], slug), i) for i in candidates]
        (share, _), index = max(scored)
        short = _letter_words(lines[index]) < HEADLINE_MIN_WORDS
        if share >= (SHORT_LINE_SLUG_AGREEMENT if short else SLUG_MIN_AGREEMENT):
            return index
    above = [i for i in candidates if i < body_start]
    for i in reversed(above):
        if i < body_start - HEADLINE_WINDOW_LINES:
            break
        if _letter_words(lines[i]) >= HEADLINE_MIN_WORDS:
            # A standfirst sits directly under its shorter headline.
            if (
                i - 1 in above
                and len(lines[i].split()) >= STANDFIRST_MIN_WORDS
                and _letter_words(lines[i - 1]) < _letter_words(lines[i])
                # A short headline only at the page's top, where no menu sits above it.
                and _letter_words(lines[i - 1]) >= (2 if i - 1 == 0 else HEADLINE_MIN_WORDS)
            ):
                return i - 1
            return i
    # A short title line directly over the body (or opening it), at the page's top.
    if (
        candidates
        and candidates[0] <= min(body_start, 2)
        and _letter_words(lines[candidates[0]]) >= 2
    ):
        return candidates[0]
    return None


def _is_candidate(line: str, rules: Boilerplate) -> bool:
    return (
        is_title_like(line)
        and rules.line_rule(line) is None
        and not rules.photo_credit.search(line)
        and rules.footer_outlet(line) is None
        and not _BRACKETED.match(line)
        and not _LIST_ITEM.match(line)
        and not _PHOTO_CREDIT.match(line)
        and _letter_words(line) >= 2
        and not is_byline(line)
        and not has_absolute_date(line)
    )


def _letter_words(line: str) -> int:
    return sum(1 for w in words(line) if _LETTERS.search(w))


def _agreement(line: str, slug: set[str]) -> tuple[float, float]:
    """(share of the slug's words in the line, Dice coefficient of the two word sets)."""
    found = {w.lower() for w in words(line)}
    # Words of the line split the way a slug splits them ("Play…and" -> play, and).
    found |= {part for w in found for part in re.split(r"['’\-]", w) if part}
    common = len(found & slug)
    return common / len(slug), 2 * common / (len(found) + len(slug))
