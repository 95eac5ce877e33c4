"""Person-like names that match no registry alias: candidates for curators to add."""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

from transforms.actors import Mention
from transforms.quotes import Quote

__all__ = ["unresolved_names"]

# Two to four capitalised words: a full name, not a lone surname or a sentence opener.
_FULL_NAME = r"[A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*){1,3}"
# Where a name is announced: 'said Jane Roe', 'analyst Jane Roe' (a lead word, then the
# name) or 'Jane Roe, a senior fellow' (the name, then a role clause).
_LEAD_WORDS = (
    "said", "told", "according to", "wrote", "added", "analyst", "adviser", "spokesman",
    "spokeswoman", "spokesperson", "envoy", "ambassador", "professor", "senator", "lawmaker",
    "governor", "mayor", "host",
)  # fmt: skip
# The lead words are found in one automaton pass, then a name is matched where one ends: a
# pattern opening with their alternation was tried at every position of every paragraph.
_LEADS = ahocorasick.Automaton()
for _lead in _LEAD_WORDS:
    _LEADS.add_word(_lead, len(_lead))
_LEADS.make_automaton()
del _lead
_NAME_AFTER_LEAD = re.compile(rf"\s+(?P<name>{_FULL_NAME})")
_ROLE_CLAUSE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,4}"
    r"(?:analyst|adviser|advisor|spokesman|spokeswoman|spokesperson|director|"
    r"minister|official|envoy|chief|fellow|professor|expert|founder|head|"
    r"ambassador|researcher|economist|general|commander|editor|correspondent|"
    r"senator|lawmaker|governor|mayor)\b"
)
# The name just before a role clause: found backwards from the comma, because a pattern
# that starts with a name is tried at every capital letter of the paragraph (slow).
_NAME_AT_END = re.compile(rf"(?P<name>{_FULL_NAME})\Z")
# A full name is at most four words: this many characters before the comma hold it.
_NAME_WINDOW = 160
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
    found = _names_after_leads(paragraph)
    for clause in _ROLE_CLAUSE.finditer(paragraph):
        window_start = max(0, clause.start() - _NAME_WINDOW)
        if name := _NAME_AT_END.search(paragraph, window_start, clause.start()):
            found.append((*name.span("name"), name.group("name")))
    names = [
        name
        for start, end, name in found
        if not any(m.start < end and start < m.end for m in mentions)
    ]
    for quote in quotes:
        surface = quote.speaker_surface
        if quote.speaker_actor_id is None and surface and re.fullmatch(_FULL_NAME, surface):
            names.append(surface)
    return [name for name in dict.fromkeys(names) if not _NOT_PEOPLE.search(name)]


def _names_after_leads(paragraph: str) -> list[tuple[int, int, str]]:
    """'said Jane Roe': a lead word starting a word, whitespace, then a full name. Matches
    do not overlap: a lead word inside an earlier match's name is not a new one."""
    found: list[tuple[int, int, str]] = []
    resume = 0
    for last, length in sorted(_LEADS.iter(paragraph), key=lambda hit: hit[0] - hit[1]):
        start = last - length + 1
        if start < resume or _inside_word(paragraph, start):
            continue
        if match := _NAME_AFTER_LEAD.match(paragraph, last + 1):
            found.append((*match.span("name"), match.group("name")))
            resume = match.end()
    return found


def _inside_word(text: str, start: int) -> bool:
    """Whether a word character (re's \\w) stands just before `start`."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")
