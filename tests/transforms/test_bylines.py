"""Datelines, wire credits and authors."""

from __future__ import annotations

import pytest

from tests.conftest import KNOWLEDGE
from transforms.bylines import parse_author_line, split_dateline, wire_credit


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("WASHINGTON — President spoke.", "WASHINGTON", None, "President spoke."),
        ("ANCHORAGE, Alaska—President spoke.", "ANCHORAGE, Alaska", None, "President spoke."),
        (
            "JOINT BASE ELMENDORF-RICHARDSON, Alaska (AP) — The two met.",
            "JOINT BASE ELMENDORF-RICHARDSON, Alaska",
            "AP",
            "The two met.",
        ),
        ("KYIV, Ukraine (Reuters) - Drones hit.", "KYIV, Ukraine", "Reuters", "Drones hit."),
    ],
)
def test_datelines(paragraph: str, place: str, agency: str | None, rest: str) -> None:
    dateline = split_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency, dateline.rest) == (place, agency, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "A — B",
        "NATO — the alliance — met.",
        "President Trump — who spoke — left.",
        "US—Russia talks resumed.",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert split_dateline(paragraph) is None


def test_wire_credit_in_lead_paragraph() -> None:
    registry = KNOWLEDGE.outlets
    assert wire_credit("Leaders met on Monday, AFP reported.", registry) == "AFP"
    assert wire_credit("Leaders met (Reuters) on Monday.", registry) == "Reuters"
    assert wire_credit("He told the Associated Press reported nothing.", registry) == "AP"
    assert wire_credit("Leaders met on Monday, officials said.", registry) is None


def test_authors_from_bylines_and_sign_offs() -> None:
    assert parse_author_line("By Jane Doe and John Roe") == ("Jane Doe", "John Roe")
    assert parse_author_line(
        "Write to Lara Seligman at lara@x.com, Meridith McGraw at M@x.com and Tom Grove at t@x.com"
    ) == ("Lara Seligman", "Meridith McGraw", "Tom Grove")
    assert parse_author_line("By the end of the day, talks had failed.") is None
