"""Relative publication times ("2 hours ago") resolved against the capture time."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

import dateparser

__all__ = ["RELATIVE_TIME", "parse_relative_time", "relative_delta", "split_glued_time"]

_UNITS = r"(?:second|sec|minute|min|hour|hr|day|week|month|year)s?"
_AMOUNT = r"(?:an?|one|\d{1,3})"
_REL = rf"(?:{_AMOUNT}\s+{_UNITS}\s+ago|yesterday|just now)"
# A relative time alone on a line, optionally after a glued UI label ("time19 minutes ago").
RELATIVE_TIME = re.compile(rf"^(?:time\s*)?(?P<rel>{_REL})$", re.IGNORECASE)
# A short name glued to a relative time: "Hindustan Times2 hours ago", "Mint · an hour ago".
_GLUED = re.compile(
    rf"^(?P<name>\S.{{0,60}}?)\s*[•·|–-]?\s*(?:time\s*)?(?P<rel>{_REL})$", re.IGNORECASE
)
# Every relative time ends in one of these: a line that does not is rejected before the
# pattern above tries each of its name lengths (the pattern is anchored at the end too).
_REL_ENDINGS = ("ago", "yesterday", "just now")
_MAX_NAME_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?,;:\"”']$")


def parse_relative_time(line: str) -> str | None:
    """The relative-time expression if the whole line is one, else None."""
    match = RELATIVE_TIME.match(line.strip())
    return match.group("rel").lower() if match else None


def split_glued_time(line: str) -> tuple[str, str] | None:
    """(name, relative time) for a short name glued to a relative time, else None."""
    line = line.strip()
    if not line[-len("yesterday") :].lower().endswith(_REL_ENDINGS):
        return None
    match = _GLUED.match(line)
    if not match:
        return None
    name = match.group("name").strip()
    if len(name.split()) > _MAX_NAME_WORDS or _SENTENCE_END.search(name):
        return None
    return name, match.group("rel").lower()


def relative_delta(expression: str) -> timedelta | None:
    """How long before the capture time an expression like 'an hour ago' points."""
    return _delta_cached(expression.strip().lower())


@lru_cache(maxsize=1024)
def _delta_cached(expression: str) -> timedelta | None:
    # dateparser resolves the wording (units, "an", "yesterday", other languages); a fixed
    # base turns its answer into an offset that is then applied to each page's capture time.
    base = datetime(2000, 6, 15, 12, 0, 0)
    parsed = dateparser.parse(
        expression, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    return None if parsed is None else base - parsed
