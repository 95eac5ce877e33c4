"""Relative publication times ("2 hours ago") resolved against the capture time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import dateparser

__all__ = [
    "RELATIVE_TIME",
    "PrintedDate",
    "before_capture",
    "find_labelled_relative",
    "find_printed_date",
    "has_absolute_date",
    "is_plausible_time",
    "parse_relative_time",
    "relative_delta",
    "split_date_line",
    "split_glued_time",
    "with_capture_year",
]

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


# "Published 1 day ago", "Updated: 22 hours ago", "Posted yesterday": a label, then a
# relative time, as a line of its own.
_LABELLED_RELATIVE = re.compile(
    rf"^(?:(?P<label>(?:last )?updated|published|posted|first published)\s*:?\s*)?"
    rf"(?P<rel>{_REL})\.?$",
    re.IGNORECASE,
)


def find_labelled_relative(line: str) -> tuple[str, bool] | None:
    """(relative time, is an update) for a line such as 'Published 1 day ago'."""
    match = _LABELLED_RELATIVE.match(line.strip())
    if not match:
        return None
    label = (match.group("label") or "").lower()
    return match.group("rel").lower(), "updated" in label


def relative_delta(expression: str) -> timedelta | None:
    """How long before the capture time an expression like 'an hour ago' points."""
    return _delta_cached(expression.strip().lower())


# A time later than the capture by more than this is none a news page was published or
# captured at (a future event's date, a wrong year, a clock gone wrong); earlier than this
# year, not a news page's either.
FUTURE_SLACK = timedelta(days=1)
EARLIEST_YEAR = 1990


def is_plausible_time(at: datetime, now: datetime) -> bool:
    return at.year >= EARLIEST_YEAR and at <= now + FUTURE_SLACK


def before_capture(captured_at: datetime, delta: timedelta) -> datetime:
    """The time an expression like '19 minutes ago' names, kept at the precision it has:
    to the minute for minutes, to the hour for hours and days (never the capture clock's
    seconds and microseconds, which the page never gave)."""
    at = captured_at - delta
    if delta % timedelta(hours=1) == timedelta(0):
        return at.replace(minute=0, second=0, microsecond=0)
    if delta % timedelta(minutes=1) == timedelta(0):
        return at.replace(second=0, microsecond=0)
    return at.replace(microsecond=0)


@lru_cache(maxsize=1024)
def _delta_cached(expression: str) -> timedelta | None:
    # dateparser resolves the wording (units, "an", "yesterday", other languages); a fixed
    # base turns its answer into an offset that is then applied to each page's capture time.
    base = datetime(2000, 6, 15, 12, 0, 0)
    parsed = dateparser.parse(
        expression, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    return None if parsed is None else base - parsed


# Absolute dates as news sites print them near a headline: "November 20, 2019",
# "Nov. 19, 2019 at 5:03 p.m. ET", "Wednesday 20 November 2019 10:00 GMT", "2019-11-20",
# "20.11.2019", "1:39 am EST, Wednesday, November 20, 2019". English month names; numeric
# forms for every language. The matched span is parsed by dateparser.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?,?\s+)?"
)
_TIME = (
    r"\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?-i:(?:GMT|UTC)[+-]\d{1,2}(?::?\d\d)?|[A-Z]{2,4}\b))?"
)
_YEAR = r"(?:19|20)\d\d"
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")
_ABSOLUTE_DATE = re.compile(
    rf"(?:(?P<lead_time>{_TIME}),?\s+)?"
    rf"(?P<date>{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_YEAR}-\d\d-\d\d|\d{{1,2}}\.\d{{1,2}}\.{_YEAR}|{_YEAR}/\d\d/\d\d"
    rf"|\d{{1,2}}/\d{{1,2}}/{_YEAR}"
    rf"|{_MONTH}\s+\d{{1,2}}(?=,?\s+\d{{1,2}}[:.]\d\d)"
    # Month names of other languages ("25. September 2018", "24 сентября 2018"): a word
    # of letters between a day and a year, checked by dateparser, which knows them.
    rf"|\d{{1,2}}\.?\s+[^\W\d_]{{3,12}}\.?\s+{_YEAR}))"
    rf"(?:(?:,|\s+at|\s*[|·•-])?\s+(?P<time>{_TIME}))?",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    r"^(?:(?:last )?updated|published|posted|first published|modified|date)\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"\b(?:updated|modified|edited|last updated)\b", re.IGNORECASE)
# Longer than any date line: a date inside a paragraph is the story's, not the page's.
DATE_LINE_MAX_WORDS = 20
DATE_LINE_MAX_CHARS = 160


@dataclass(frozen=True, slots=True)
class PrintedDate:
    at: datetime  # UTC when the page gave a zone, else as printed (marked naive -> UTC)
    is_updated: bool  # printed as an update time, not the publication time
    has_time: bool
    has_year: bool = True


# A date line's words besides the date: a label, a byline, a source ("Updated", "By Jane
# Roe", "Associated Press"); more is a sentence that mentions a date.
DATE_LINE_MAX_OTHER_WORDS = 6


def split_date_line(line: str) -> tuple[PrintedDate, str] | None:
    """(date, the rest of the line) for a line that is a printed date with at most a label,
    a byline or a source beside it; None for any other line."""
    if (found := _match_printed_date(line)) is None:
        return None
    match, date = found
    rest = (line[: match.start()] + " " + line[match.end() :]).strip(" \t-–—|·•,;:")
    rest = _DATE_LABEL.sub("", rest).strip(" \t-–—|·•,;:")
    n_other = len(rest.split())
    # "The show opens November 20, 2019." is a sentence that mentions a date.
    if n_other > DATE_LINE_MAX_OTHER_WORDS or (n_other > 2 and line.rstrip().endswith(".")):
        return None
    return date, rest


def has_absolute_date(line: str) -> bool:
    return _ABSOLUTE_DATE.search(line) is not None


def find_printed_date(line: str) -> PrintedDate | None:
    """The first absolute date in a short line, parsed; None when there is none."""
    found = _match_printed_date(line)
    return None if found is None else found[1]


def _match_printed_date(line: str) -> tuple[re.Match[str], PrintedDate] | None:
    if len(line) > DATE_LINE_MAX_CHARS or len(line.split()) > DATE_LINE_MAX_WORDS:
        return None
    if not any(c.isdigit() for c in line):
        return None
    match = _ABSOLUTE_DATE.search(line)
    if not match:
        return None
    time = match.group("time") or match.group("lead_time")
    text = match.group("date") + (f" {time}" if time else "")
    parsed = _parse_absolute(text.replace(" at ", " "))
    if parsed is None:
        return None
    is_updated = bool(_UPDATED.search(line[: match.start()]))
    # "Updated Nov 19, 6:55 AM" has no year: the capture's, or the one before when that day
    # is still to come (with_capture_year, by the caller who knows the capture).
    has_year = bool(_HAS_YEAR.search(match.group("date")))
    return match, PrintedDate(parsed, is_updated, time is not None, has_year)


def with_capture_year(date: PrintedDate, captured_at: datetime) -> PrintedDate:
    """A date printed without its year, in the capture's year or the year before."""
    if date.has_year:
        return date
    at = date.at.replace(year=captured_at.year)
    if at > captured_at + timedelta(days=1):
        at = at.replace(year=captured_at.year - 1)
    return PrintedDate(at, date.is_updated, date.has_time, True)


_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": True, "TO_TIMEZONE": "UTC"}


@lru_cache(maxsize=4096)
def _parse_absolute(text: str) -> datetime | None:
    # English first (the month pattern's own names); other languages only for the
    # letter-word form, whose month name dateparser must recognise.
    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    parsed = parsed or dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    return None if parsed is None else parsed.astimezone(UTC)
