"""Absolute dates as sites print them, the URL's date, and how the two are reconciled."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from transforms.dates import find_labelled_relative, find_printed_date, split_date_line
from transforms.page_meta import printed_date
from transforms.urls import url_date

CAPTURED = datetime(2020, 1, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "expected", "is_updated"),
    [
        ("November 20, 2019", datetime(2019, 11, 20, tzinfo=UTC), False),
        ("Nov. 19, 2019 8:03 am ET", datetime(2019, 11, 19, 13, 3, tzinfo=UTC), False),
        ("August 16, 2025 10:00 AM GMT+1", datetime(2025, 8, 16, 9, 0, tzinfo=UTC), False),
        ("Published 14 Aug 2025", datetime(2025, 8, 14, tzinfo=UTC), False),
        ("16.08.2025", datetime(2025, 8, 16, tzinfo=UTC), False),
        ("27/09/2018", datetime(2018, 9, 27, tzinfo=UTC), False),
        ("2019-11-20", datetime(2019, 11, 20, tzinfo=UTC), False),
        ("20 Nov 2019 08:00 GMT", datetime(2019, 11, 20, 8, 0, tzinfo=UTC), False),
        (
            "Updated 1:39 am EST, Wednesday, November 20, 2019",
            datetime(2019, 11, 20, 6, 39, tzinfo=UTC),
            True,
        ),
        (
            "Von Moritz Bachmann publiziert am 25. September 2018",
            datetime(2018, 9, 25, tzinfo=UTC),
            False,
        ),
        ("Текст: Венера Ерофеева·24 сентября 2018", datetime(2018, 9, 24, tzinfo=UTC), False),
    ],
)
def test_printed_date_formats(line: str, expected: datetime, is_updated: bool) -> None:
    found = find_printed_date(line)
    assert found is not None
    assert (found.at, found.is_updated) == (expected, is_updated)


@pytest.mark.parametrize(
    "line",
    [
        "The council met for 3 hours in 2019 and again later",
        "Won 3 games 2019",
        "Sentencing is scheduled for Feb. 14.",
        "Prices rose 12.5% in the year to 2019 as rents climbed in every district of the city center",
    ],
)
def test_lines_that_are_not_dates(line: str) -> None:
    assert find_printed_date(line) is None or split_date_line(line) is None


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Nov. 19, 2019 8:03 am ET", ""),
        ("By Joseph Tsidulko November 19, 2019, 07:47 PM EST", "By Joseph Tsidulko"),
        ("Associated Press November 19, 2019, 9:02 AM", "Associated Press"),
        ("Updated: November 19, 2019", ""),
    ],
)
def test_date_lines_split_from_their_byline_or_source(line: str, rest: str) -> None:
    dated = split_date_line(line)
    assert dated is not None and dated[1] == rest


def test_a_sentence_mentioning_a_date_is_not_a_date_line() -> None:
    assert split_date_line("The show opens to the public on November 22, 2019.") is None


def test_yearless_dates_take_the_capture_year() -> None:
    at, source = printed_date(["Updated Nov 19, 6:55 AM"], [], None, CAPTURED)
    assert (at, source) == (datetime(2019, 11, 19, 6, 55, tzinfo=UTC), "explicit")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.nytimes.com/2019/11/19/opinion/x.html", date(2019, 11, 19)),
        ("https://www.theguardian.com/commentisfree/2019/nov/18/x", date(2019, 11, 18)),
        ("https://www.latimes.com/story/2019-11-19/disney-plus", date(2019, 11, 19)),
        ("https://example.test/news/20191119/story", date(2019, 11, 19)),
        ("https://www.linknaija.com/2018/10/nollywood.html", None),  # month only
        ("https://www.wsj.com/articles/is-football-violence-a-crime-11574121884", None),
        (None, None),
    ],
)
def test_dates_in_url_paths(url: str | None, expected: date | None) -> None:
    assert url_date(url) == expected


def test_the_url_date_confirms_a_printed_date_or_supplies_the_day() -> None:
    url = "https://example.test/2019/11/18/story"
    lines = ["November 17, 2019 9:00 PM", "Updated November 18, 2019 10:00 AM"]
    assert printed_date(lines, [], url, CAPTURED) == (
        datetime(2019, 11, 18, 10, tzinfo=UTC),
        "explicit",
    )
    assert printed_date(["March 3, 2015"], [], url, CAPTURED) == (
        datetime(2019, 11, 18, tzinfo=UTC),
        "url",
    )


def test_a_printed_date_after_the_capture_is_refused() -> None:
    assert printed_date(["March 3, 2031"], [], None, CAPTURED) == (None, None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published 1 day ago", ("1 day ago", False)),
        ("Updated: 22 hours ago", ("22 hours ago", True)),
        ("Posted yesterday", ("yesterday", False)),
        ("The fire started 2 hours ago near the depot", None),
    ],
)
def test_labelled_relative_times(line: str, expected: tuple[str, bool] | None) -> None:
    assert find_labelled_relative(line) == expected
