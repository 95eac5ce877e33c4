"""Person-like names that match no registry alias: candidates for curators to add."""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.actors import Mention
from transforms.quotes import Quote

__all__ = ["unresolved_names"]

# Two to four capitalised words: a full name, not a lone surname or a sentence opener.
_FULL_NAME = r"[A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*){1,3}"
# Where a name is announced: 'said Jane Roe,', 'Jane Roe, a senior fellow', 'analyst Jane Roe'.
_ANNOUNCED = (
    re.compile(rf"\b(?:said|told|according to|wrote|added)\s+(?P<name>{_FULL_NAME})"),
    re.compile(
        rf"(?P<name>{_FULL_NAME}),\s+(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){{0,4}}"
        r"(?:analyst|adviser|advisor|spokesman|spokeswoman|spokesperson|director|"
        r"minister|official|envoy|chief|fellow|professor|expert|founder|head|"
        r"ambassador|researcher|economist|general|commander|editor|correspondent|"
        r"senator|lawmaker|governor|mayor)\b"
    ),
    re.compile(
        r"\b(?:analyst|adviser|spokesman|spokeswoman|spokesperson|envoy|ambassador|"
        rf"professor|senator|lawmaker|governor|mayor|host)\s+(?P<name>{_FULL_NAME})"
    ),
)
# Every announcing pattern contains one of these words.
_TRIGGER = re.compile(
    r"\b(?:said|told|according|wrote|added|analyst|adviser|advisor|spokes\w+|director|"
    r"minister|official|envoy|chief|fellow|professor|expert|founder|head|ambassador|"
    r"researcher|economist|general|commander|editor|correspondent|senator|lawmaker|"
    r"governor|mayor|host)\b",
    re.IGNORECASE,
)
# Capitalised phrases that look like names but are not people.
_NOT_PEOPLE = re.compile(
    r"\b(?:House|Office|Force|Department|Ministry|Council|Institute|Corporation|University|"
    r"News|Times|Post|Journal|Agency|Union|Court|Commission|Party|Summit|Conference|Day|"
    r"Street|Square|Base|Republic|Kingdom|States|Nations|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b"
)


def unresolved_names(
    paragraph: str, mentions: Sequence[Mention], quotes: Sequence[Quote]
) -> list[str]:
    """Full names announced in the paragraph (or quoted as speakers) that no mention covers."""
    found: list[str] = []
    if not _TRIGGER.search(paragraph) and not any(q.speaker_actor_id is None for q in quotes):
        return []  # no word that announces a name: most paragraphs stop here
    for pattern in _ANNOUNCED:
        for match in pattern.finditer(paragraph):
            start, end = match.span("name")
            if not any(m.start < end and start < m.end for m in mentions):
                found.append(match.group("name"))
    for quote in quotes:
        surface = quote.speaker_surface
        if quote.speaker_actor_id is None and surface and re.fullmatch(_FULL_NAME, surface):
            found.append(surface)
    return [name for name in dict.fromkeys(found) if not _NOT_PEOPLE.search(name)]
