"""Relative times against the capture time; sidecars that may be broken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from transforms.dates import parse_relative_time, relative_delta, split_glued_time
from transforms.sidecar import parse_sidecar


@pytest.mark.parametrize(
    ("line", "delta"),
    [
        ("an hour ago", timedelta(hours=1)),
        ("2 hours ago", timedelta(hours=2)),
        ("time19 minutes ago", timedelta(minutes=19)),
        ("3 days ago", timedelta(days=3)),
        ("yesterday", timedelta(days=1)),
        ("just now", timedelta(0)),
    ],
)
def test_relative_times(line: str, delta: timedelta) -> None:
    expression = parse_relative_time(line)
    assert expression is not None
    assert relative_delta(expression) == delta


def test_glued_outlet_and_time() -> None:
    assert split_glued_time("Hindustan Times2 hours ago") == ("Hindustan Times", "2 hours ago")
    assert split_glued_time("Al Jazeeraan hour ago") == ("Al Jazeera", "an hour ago")
    assert split_glued_time("It happened, officials said, 2 hours ago") is None


NOW_FOR_SIDECARS = datetime(2025, 8, 16, 12, tzinfo=UTC)


def test_sidecar_fields_and_problems() -> None:
    sidecar, problems = parse_sidecar(
        b'{"captured_at": "2025-08-16T12:00:00Z", "url": "https://x.test/a", "outlet": "X"}',
        NOW_FOR_SIDECARS,
    )
    assert sidecar.captured_at == datetime(2025, 8, 16, 12, tzinfo=UTC)
    assert (sidecar.url, sidecar.outlet, problems) == ("https://x.test/a", "X", [])
    broken, problems = parse_sidecar(b"{not json", NOW_FOR_SIDECARS)
    assert broken.captured_at is None and "not valid JSON" in problems[0]
    bad_date, problems = parse_sidecar(b'{"captured_at": "last Tuesday"}', NOW_FOR_SIDECARS)
    assert bad_date.captured_at is None and "ISO 8601" in problems[0]
    for absurd in ("3000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1989-12-31T23:00:00Z"):
        refused, problems = parse_sidecar(
            f'{{"captured_at": "{absurd}"}}'.encode(), NOW_FOR_SIDECARS
        )
        assert refused.captured_at is None and "not a plausible capture time" in problems[0]
    tomorrow, problems = parse_sidecar(b'{"captured_at": "2025-08-17T06:00:00Z"}', NOW_FOR_SIDECARS)
    assert tomorrow.captured_at is not None and problems == []  # within a day: clocks differ


def test_a_relative_time_keeps_the_precision_it_has() -> None:
    from datetime import timedelta

    from transforms.dates import before_capture

    captured = datetime(2025, 8, 16, 2, 17, 43, 918_311, tzinfo=UTC)
    assert before_capture(captured, timedelta(minutes=19)) == datetime(
        2025, 8, 16, 1, 58, tzinfo=UTC
    )
    assert before_capture(captured, timedelta(hours=2)) == datetime(2025, 8, 16, 0, tzinfo=UTC)
    assert before_capture(captured, timedelta(days=1)) == datetime(2025, 8, 15, 2, tzinfo=UTC)
    assert before_capture(captured, timedelta(seconds=30)).microsecond == 0
