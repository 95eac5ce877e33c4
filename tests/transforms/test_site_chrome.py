"""Chrome learnt across a site's files: a line printed on two pages of a site is furniture."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from tests.conftest import KNOWLEDGE
from transforms.extract import PageContext, read_text_page
from transforms.sidecar import Sidecar
from transforms.site_chrome import (
    MIN_FILES,
    KnownSiteLines,
    SiteChrome,
    chrome_for_pages,
    learn_site_chrome,
    line_key,
    page_lines,
)

CAPTURED = datetime(2024, 5, 2, tzinfo=UTC)
PROMO = (
    "The Valley Courier has reported on the towns and farms of the three valleys, and on the"
    " people who live there, since it was founded in 1921."
)

STORIES = [
    [
        "The river rose by two metres overnight and the town council opened three shelters.",
        "Residents on the lower streets were told to leave before the water reached them.",
        "The mayor said the barriers built after the last flood had held along the quay.",
    ],
    [
        "The council voted on Tuesday to close the old library and move its books to the school.",
        "Supporters of the library said the building had served readers for ninety years.",
        "A final decision on the building itself will be taken after a survey in the spring.",
    ],
    [
        "A new bus route will link the hospital to the station from the first week of June.",
        "The operator said the buses would run every twenty minutes through the day.",
        "Patients and staff had asked for the link since the hospital moved out of town.",
    ],
]


def _page(headline: str, story: list[str]) -> str:
    lines = ["Home", "News", "Sport", headline, "By Ann Lee", *story[:2], PROMO, story[2]]
    return "\n".join([*lines, "About us", "Contact"])


def _read(text: str, url: str, chrome: SiteChrome | None) -> tuple[list[str], list[str]]:
    context = PageContext(CAPTURED, Sidecar(CAPTURED, url), site_chrome=chrome)
    articles, dropped = read_text_page(text, context, KNOWLEDGE)
    body = [p.text for p in articles[0].paragraphs]
    return body, [f"{d.reason}: {d.text}" for d in dropped]


def test_a_promo_on_two_pages_of_a_site_leaves_both_bodies_with_a_recorded_reason() -> None:
    pages = [
        ("example.org", _page("Floods close the lower town", STORIES[0])),
        ("example.org", _page("Library to close after vote", STORIES[1])),
    ]
    chrome, _ = chrome_for_pages(pages, KnownSiteLines())
    for (_, text), site_chrome, story in zip(pages, chrome, STORIES, strict=False):
        alone, _ = _read(text, "https://example.org/news/a", None)
        assert PROMO in alone  # one page alone cannot tell it from the article
        body, dropped = _read(text, "https://example.org/news/a", site_chrome)
        assert body == story
        assert f"site_chrome: {PROMO}" in dropped


def test_lines_of_other_sites_and_single_pages_are_not_chrome() -> None:
    pages = [
        ("example.org", _page("Floods close the lower town", STORIES[0])),
        ("example.net", _page("Library to close after vote", STORIES[1])),
    ]
    learnt = learn_site_chrome([page_lines(site, text) for site, text in pages], KnownSiteLines())
    assert line_key("example.org", PROMO) not in learnt["example.org"]
    assert line_key("example.net", PROMO) not in learnt["example.net"]


def test_counts_from_earlier_runs_make_a_line_of_this_batch_chrome() -> None:
    earlier = page_lines("example.org", _page("Floods close the lower town", STORIES[0]))
    known = KnownSiteLines.of(list(earlier.lines), [1] * len(earlier.lines))
    text = _page("A bus to the hospital", STORIES[2])
    [chrome], _ = chrome_for_pages([("example.org", text)], known)
    assert chrome is not None and PROMO in chrome and "Home" in chrome
    assert not any(line in chrome for line in STORIES[2])
    body, _ = _read(text, "https://example.org/news/c", chrome)
    assert body == STORIES[2]


def test_a_second_capture_of_the_same_article_keeps_its_body() -> None:
    text = _page("Floods close the lower town", STORIES[0])
    pages = [("example.org", text), ("example.org", text + "\nUpdated at noon")]
    chrome, _ = chrome_for_pages(pages, KnownSiteLines())
    for site_chrome in chrome:
        body, dropped = _read(text, "https://example.org/news/a", site_chrome)
        assert body[:2] == STORIES[0][:2] and STORIES[0][2] in body
        assert not any(d.startswith("site_chrome") for d in dropped)


@pytest.mark.parametrize(
    ("line", "other"),
    [("Sign up  for our NEWSLETTER", "sign up for our newsletter"), ("Home", " home ")],
)
def test_keys_fold_case_and_spacing(line: str, other: str) -> None:
    assert line_key("example.org", line) == line_key("example.org", other)
    assert line_key("example.org", line) != line_key("example.net", line)


def test_stored_counts_are_looked_up_by_key() -> None:
    known = KnownSiteLines.of([30, 10, 20], [MIN_FILES, 1, 5])

    assert known.counts(np.array([10, 15, 20, 30, 40])).tolist() == [1, 0, 5, MIN_FILES, 0]
    assert KnownSiteLines().counts(np.array([1, 2])).tolist() == [0, 0]
