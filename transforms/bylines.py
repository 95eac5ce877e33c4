"""Datelines, wire credits and author bylines at the edges of an article body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.outlets import OutletRegistry

__all__ = [
    "Dateline",
    "is_byline",
    "parse_author_line",
    "parse_header_byline",
    "split_dateline",
    "split_trailing_agency",
    "wire_credit",
]

# "WASHINGTON —", "ANCHORAGE, Alaska—", "JOINT BASE ELMENDORF-RICHARDSON, Alaska (AP) —",
# "KYIV, Ukraine (Reuters) -": a place in capitals, an optional region, an optional
# agency in parentheses, then a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,4}"
    r"(?:,\s+[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,2})?)"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&\-]{0,30})\)\s*)?"
    r"(?:[—–]|--|-(?=\s))\s*(?=[A-Z0-9“\"‘'])"  # the story opens with a capital
)
# "... words. | BGNES" — an agency or outlet signing off at the end of wire copy.
_TRAILING_AGENCY = re.compile(r"\s+\|\s*(?P<agency>[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3})\s*$")
_BY_LINE = re.compile(r"^by\s+(?P<names>[A-Z].{1,150})$", re.IGNORECASE)
_WRITE_TO = re.compile(r"^write to\s+(?P<rest>.+)$", re.IGNORECASE)
_NAME = r"[A-Z][\w'’.\-]+(?: (?:[A-Z][\w'’.\-]+|de|van|von|da|di|la|le|bin|al))*"
_NAME_AT_EMAIL = re.compile(rf"(?P<name>{_NAME})\s+at\s+\S+@\S+")
_NAME_LIST_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    agency: str | None
    rest: str  # the paragraph text after the dateline


def split_dateline(paragraph: str) -> Dateline | None:
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip().rstrip(",")
    # A place needs at least one capitalised word of three letters: "A —" is not a dateline.
    if not re.search(r"[A-Z]{3,}", place):
        return None
    return Dateline(place, match.group("agency"), paragraph[match.end() :])


def split_trailing_agency(paragraph: str) -> tuple[str, str] | None:
    """(text, agency) when a paragraph signs off with '| AGENCY'."""
    # The pattern opens with whitespace, so it is tried at every space: a paragraph
    # without a pipe is not searched.
    match = _TRAILING_AGENCY.search(paragraph) if "|" in paragraph else None
    if not match:
        return None
    return paragraph[: match.start()].rstrip(), match.group("agency")


def wire_credit(text: str, registry: OutletRegistry) -> str | None:
    """The agency a lead paragraph credits: 'AFP reported', '(Reuters)', 'told AP'."""
    match = _credit_pattern(registry).search(text)
    if not match:
        return None
    return registry.canonical_wire(match.group("credited") or match.group("parenthesised"))


def parse_author_line(line: str) -> tuple[str, ...] | None:
    """Author names from a byline ('By A and B') or a sign-off ('Write to A at a@x.com')."""
    if match := _WRITE_TO.match(line):
        names = tuple(m.group("name") for m in _NAME_AT_EMAIL.finditer(match.group("rest")))
        return names or None
    if match := _BY_LINE.match(line):
        parts = [p.strip() for p in _NAME_LIST_SPLIT.split(match.group("names"))]
        names = tuple(p for p in parts if re.fullmatch(_NAME, p) and len(p.split()) <= 4)
        return names if names and len(names) == len([p for p in parts if p]) else None
    return None


# Job titles a byline prints after the name: "Tom Krisher, AP Auto Writer",
# "Jane Roe | Staff Writer", "John Doe, Senior Correspondent".
_ROLE = (
    r"(?:writer|reporter|editor|correspondent|contributor|columnist|journalist|producer"
    r"|staff|analyst|critic|photographer|bureau chief|news desk)s?"
)
_NAME_THEN_ROLE = re.compile(
    rf"^(?:(?:written |posted |reported )?by\s+)?(?P<name>{_NAME})\s*(?:,|\||—|–|-)\s*"
    rf"(?:[\w.&'’]+\s+){{0,4}}{_ROLE}\b.{{0,40}}$",
    re.IGNORECASE,
)
_BY_PREFIX = re.compile(
    r"^(?:written |posted |reported |words )?by[:\s]\s*(?P<names>\S.{0,150})$", re.I
)
# "By Jane Roe, Reuters" / "By Jane Roe and John Doe | Bloomberg": names, then a source.
_BYLINE_SOURCE = re.compile(r"\s*(?:,|\||—|–)\s*[^,|]{1,40}$")
BYLINE_MAX_WORDS = 16


def parse_header_byline(line: str) -> tuple[str, ...] | None:
    """Author names from a byline near the headline, in the shapes sites print."""
    if len(line.split()) > BYLINE_MAX_WORDS:
        return None
    if (names := parse_author_line(line)) is not None:
        # A single word after the names is the source ("By Jane Roe, Reuters").
        people = tuple(n for n in names if len(n.split()) >= 2)
        return people or None
    if match := _NAME_THEN_ROLE.match(line):
        name = match.group("name")
        return (name,) if 2 <= len(name.split()) <= 4 else None
    if match := _BY_PREFIX.match(line):
        rest = match.group("names")
        # The source after the names ("..., Reuters") is not a name.
        trimmed = _BYLINE_SOURCE.sub("", rest) if _BYLINE_SOURCE.search(rest) else rest
        for candidate in (rest, trimmed):
            parts = [p.strip() for p in _NAME_LIST_SPLIT.split(candidate) if p.strip()]
            if parts and all(re.fullmatch(_NAME, p) and len(p.split()) <= 4 for p in parts):
                return tuple(parts)
    return None


def is_byline(line: str) -> bool:
    return parse_header_byline(line) is not None


@cache
def _credit_pattern(registry: OutletRegistry) -> re.Pattern[str]:
    # Case-sensitive: agency names are proper nouns ("AP"), and "ap" or "Ria" are not.
    agencies = "|".join(re.escape(name) for name in registry.wire_names())
    return re.compile(
        rf"\b(?P<credited>{agencies})\s+(?:reported|reports|wrote|writes)\b"
        rf"|\((?P<parenthesised>{agencies})\)"
    )
