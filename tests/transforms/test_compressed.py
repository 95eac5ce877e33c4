"""Gzip-compressed pages: read through, and refused with a reason when they are not."""

from __future__ import annotations

import gzip

import pytest

from transforms.compressed import decompressed, page_name
from transforms.records import Rejected

PAGE = b"<html><body><h1>A title</h1><p>Some text of the page.</p></body></html>"


def test_a_gzip_page_is_its_decompressed_bytes_under_its_own_name() -> None:
    assert decompressed(gzip.compress(PAGE), max_bytes=10_000) == PAGE
    assert page_name("story.HTML.GZ") == "story.HTML"
    assert page_name("story.txt") == "story.txt"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (PAGE, "bad_gzip"),  # named .gz, not gzip
        (gzip.compress(PAGE)[:30], "bad_gzip"),  # cut short
        (gzip.compress(PAGE)[:12] + b"\x00" * 40, "bad_gzip"),  # corrupt
        (gzip.compress(b"a" * 5_000_000), "too_large"),  # 5 MB from a few kB: over the cap
    ],
)
def test_gzip_that_is_not_a_page_is_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(Rejected) as rejected:
        decompressed(data, max_bytes=1_000_000)
    assert rejected.value.reason == reason
