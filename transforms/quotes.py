"""Direct quotations in a paragraph and who said them.

Quote marks in scraped pages are a mix: straight, curly, and broken pairs such as "…'
where the closing mark was converted differently from the opening one. A closing mark is
recognised by position (after text, before a space or punctuation), so apostrophes inside
words (don't, Ukraine's) never close a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.actors import Actor, Mention

__all__ = ["Quote", "find_quotes"]

# A quotation shorter than this is a scare quote or a single term ("pariah"), not speech.
MIN_QUOTE_WORDS = 3
# How far after a quotation its attribution may stand ("…," Trump told reporters).
_ATTRIBUTION_WINDOW = 120

# Which marks may close a quotation opened by each mark (broken pairs included).
_CLOSERS = {'"': "\"'”’", "“": "”\"'’", "'": "'’\"”", "‘": "’'\"”"}
_MARKS = re.compile("[\"“”'‘’]")
_OPEN_AFTER = " \t\n([{—–-:;,"
_CLOSE_BEFORE = " \t\n)]}—–-:;,.!?…"
_VERBS = (
    r"(?:said|says|added|adds|told\s+[\w ]{1,40}?|wrote(?:\s+on\s+\w+(?:\s+\w+)?)?|writes|stated|"
    r"asked|noted|warned|cautioned|stressed|insisted|argued|declared|explained|replied|"
    r"posted|tweeted|recalled|continued|acknowledged|admitted|claimed|suggested)"
)
_NOT_A_NAME = r"(?!(?:He|She|They|It|We|I|The|This|That|But|And)\b)"
_NAME = (
    rf"(?P<name>{_NOT_A_NAME}[A-Z][\w'’.\-]+"
    r"(?:\s+(?:[A-Z][\w'’.\-]+|of|de|von|van|der|bin|al))*)"
)
_PRONOUN = r"(?P<pronoun>he|she|He|She)"
# Attribution after the closing mark: ', said X' / ', X said' / ', he said'.
_AFTER = (
    re.compile(rf"^[\s,]*{_VERBS}\s+(?:the\s+)?{_NAME}"),
    re.compile(rf"^[\s,]*{_NAME}\s+{_VERBS}\b"),
    re.compile(rf"^[\s,]*{_PRONOUN}\s+{_VERBS}\b"),
    re.compile(rf"^[\s,]*according to\s+{_NAME}"),
)
# Attribution before the opening mark: 'X said:' / 'he stressed that' / 'according to X,'.
_BEFORE = (
    re.compile(rf"{_NAME}\s+(?:also\s+|then\s+|later\s+)?{_VERBS}\s*(?:that\s*)?[:,]?\s*$"),
    re.compile(rf"\b{_PRONOUN}\s+(?:also\s+|then\s+|later\s+)?{_VERBS}\s*(?:that\s*)?[:,]?\s*$"),
    re.compile(rf"\baccording to\s+{_NAME}\s*[:,]?\s*$"),
)
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’]?\s+)(?=[A-Z\"“‘'])")


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int  # offsets of the quoted text (inside the marks) in the paragraph
    end: int
    speaker_surface: str | None
    speaker_actor_id: str | None


def find_quotes(
    paragraph: str,
    mentions: Sequence[Mention],
    actors: dict[str, Actor],
    previous_speaker: str | None = None,
) -> list[Quote]:
    """Quotations in a paragraph; a pronoun refers back to the last person named."""
    quotes: list[Quote] = []
    for start, end in _quotation_spans(paragraph):
        text = paragraph[start:end].strip(" ,")
        if len(text.split()) < MIN_QUOTE_WORDS:
            continue
        surface, actor_id = _speaker(paragraph, start, end, mentions, actors, previous_speaker)
        if actor_id is not None:
            previous_speaker = actor_id
        quotes.append(Quote(text, start, end, surface, actor_id))
    return quotes


def _quotation_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    resume = 0
    # Only quote marks can open a quotation: visit them, not every character.
    for mark in _MARKS.finditer(text):
        i = mark.start()
        opens = (
            i >= resume
            and text[i] in _CLOSERS  # a closing-only mark (” ’) never opens
            and (i == 0 or text[i - 1] in _OPEN_AFTER)
            and i + 1 < len(text)
            and not text[i + 1].isspace()
        )
        if opens and (close := _find_closer(text, i + 1, _CLOSERS[text[i]])) is not None:
            spans.append((i + 1, close))
            resume = close + 1
    return spans


def _find_closer(text: str, begin: int, closers: str) -> int | None:
    for match in _MARKS.finditer(text, begin + 1):
        j = match.start()
        if text[j] in closers and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < len(text) else " "
            if after in _CLOSE_BEFORE:
                return j
    return None


def _speaker(
    paragraph: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    actors: dict[str, Actor],
    previous_speaker: str | None,
) -> tuple[str | None, str | None]:
    after_offset = end + 1
    after = paragraph[after_offset : after_offset + _ATTRIBUTION_WINDOW]
    before_offset = max(0, start - 1 - _ATTRIBUTION_WINDOW)
    before = paragraph[before_offset : start - 1]
    for pattern, offset, text in (
        *((p, after_offset, after) for p in _AFTER),
        *((p, before_offset, before) for p in _BEFORE),
    ):
        match = pattern.search(text)
        if match is None:
            continue
        if match.groupdict().get("pronoun"):
            return _last_person(mentions, start, actors, previous_speaker)
        name_start, name_end = match.span("name")
        return _resolve(match.group("name"), offset + name_start, offset + name_end, mentions)
    if before.rstrip().endswith(":"):
        # "Merz ... making a blunt comparison: “…”" — the sentence's subject speaks.
        return _sentence_subject(paragraph, start, mentions, actors)
    return None, None


def _resolve(
    name: str, start: int, end: int, mentions: Sequence[Mention]
) -> tuple[str | None, str | None]:
    for mention in mentions:
        if mention.start < end and start < mention.end:
            return mention.surface, mention.actor_id
    return name, None


def _last_person(
    mentions: Sequence[Mention], before: int, actors: dict[str, Actor], previous: str | None
) -> tuple[str | None, str | None]:
    people = [m for m in mentions if m.end <= before and actors[m.actor_id].type == "person"]
    if people:
        return people[-1].surface, people[-1].actor_id
    if previous is not None and previous in actors:
        return actors[previous].name, previous
    return None, None


def _sentence_subject(
    paragraph: str, quote_start: int, mentions: Sequence[Mention], actors: dict[str, Actor]
) -> tuple[str | None, str | None]:
    starts = [m.end() for m in _SENTENCE_START.finditer(paragraph, 0, quote_start)]
    sentence_start = starts[-1] if starts else 0
    for mention in mentions:
        if (
            sentence_start <= mention.start < quote_start
            and actors[mention.actor_id].type == "person"
        ):
            return mention.surface, mention.actor_id
    return None, None
