"""Who each recognised span is within its article.

A surname or a first name alone is the person the article names in full ("Quint" is
Halvard Quint); a shorter full name inside a longer one is the longer one; two
capitalised words with no first name are a person when the article names them by the last
word alone too, or when the first is no English word, else an organisation; a capitalised
word naming no one else in the article is a person before a verb of speech, a place after
"in" or "near", an organisation when it is rare or the article repeats it, else nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from transforms.gazetteer import zipf
from transforms.name_spans import Found, Span

__all__ = ["resolve"]

# A word alone that names no one else in the article is an organisation when it is rarer
# than this as a word (a rare brand or movement; "Street" 5.3 is a word)...
LONE_WORD_MAX_ZIPF = 4.0
# ...or when the article capitalises it this often mid-sentence and never writes it in
# lower case, and it is no commoner than this (a platform named like a word).
LONE_WORD_REPEATS = 2
REPEATED_WORD_MAX_ZIPF = 5.0
# Two capitalised words with no first name known are a person's names when the first is
# this rare as an English word ("Zorvan Pelikhov"), else a company's ("Silver Anchor").
PAIR_FIRST_WORD_MAX_ZIPF = 3.3
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’\-]+\b")
_WORD_AFTER = re.compile(r"^\s+([a-z]+)\b")


def resolve(
    spans: list[Span],
    paragraphs: Sequence[str],
    speech_verbs: frozenset[str],
    place_prepositions: frozenset[str],
) -> list[Found]:
    """Each span's actor within the article (see the module's docstring)."""
    people = {s.name for s in spans if s.type == "person" and s.name and " " in s.name}
    # A shorter full name inside a longer one ("Halvard Quint" in "Halvard B. Quint")
    # is the same person: the longest form names them.
    fullest = {person: person for person in people}
    for person in people:
        for other in people:
            if len(other) > len(fullest[person]) and same_person(other, person):
                fullest[person] = other
    by_part: dict[str, set[str]] = {}
    for person in people:
        parts = person.split()
        for part in {parts[0], parts[-1]}:
            by_part.setdefault(part, set()).add(fullest[person])
    lone = Counter(s.name for s in spans if s.type in ("single", "place") and not s.sentence_start)
    # A surname alone anywhere, a sentence's first word too ("Quint has worked …").
    alone = {s.words[-1] for s in spans if len(s.words) == 1}
    lowered: set[str] | None = None  # the article's lower-case words, when first asked for
    found: list[Found] = []
    for span in spans:
        if span.type is None or span.name is None:
            continue
        kind: str = span.type
        name: str = span.name
        if kind == "single" and name.endswith("s") and name[:-1] in by_part:
            continue  # "the Bidens": a family, not an actor
        if " " not in name and kind in ("single", "person", "place"):
            owners = by_part.get(name, set())
            if len(owners) == 1:
                kind, name = "person", next(iter(owners))
            elif kind == "single":
                if span.in_heading:
                    continue  # capitals say nothing in a title-case heading
                if lowered is None:
                    lowered = {w for text in paragraphs for w in _LOWER_WORD.findall(text)}
                in_lower_case = name.lower() in lowered
                kind = lone_word_type(
                    span, lone[name], in_lower_case, speech_verbs, place_prepositions
                )
        elif kind == "person":
            name = fullest.get(name, name)
        elif kind == "pair" and span.in_heading:
            continue
        elif kind == "pair":
            first, last = name.split()[0], name.split()[-1]
            # Two words that are no English words are a person's names ("Zorvan Pelikhov");
            # words of the language name a company or a title ("Silver Anchor").
            rare = zipf(first) < PAIR_FIRST_WORD_MAX_ZIPF or "-" in first
            kind = "person" if last in alone or rare else "organization"
        if not kind:
            continue
        start = span.title_start if span.title_start is not None else span.start
        surface = paragraphs[span.paragraph][start : span.end]
        found.append(Found(span.paragraph, start, span.end, surface, name, kind))
    return found


def lone_word_type(
    span: Span,
    repeats: int,
    in_lower_case: bool,
    speech_verbs: frozenset[str],
    place_prepositions: frozenset[str],
) -> str:
    """What a capitalised word naming no one else in the article is, or "" for nothing."""
    word = span.words[0]
    if (verb := _WORD_AFTER.match(span.after)) and verb.group(1) in speech_verbs:
        return "person"  # "Okonkwo said", "Quint asked"
    if span.sentence_start:
        return ""
    after_preposition = span.before.rstrip().rsplit(" ", 1)[-1] in place_prepositions
    if after_preposition and zipf(word) < LONE_WORD_MAX_ZIPF:
        return "place"  # "in Tarvo", "near Lagos"
    if zipf(word) < LONE_WORD_MAX_ZIPF and repeats >= LONE_WORD_REPEATS:
        return "organization"
    if repeats >= LONE_WORD_REPEATS and not in_lower_case and zipf(word) < REPEATED_WORD_MAX_ZIPF:
        return "organization"
    return ""


def same_person(longer: str, shorter: str) -> bool:
    long_words, short_words = longer.split(), shorter.split()
    same_ends = short_words[0] == long_words[0] and short_words[-1] == long_words[-1]
    return same_ends or f" {shorter} " in f" {longer} "
