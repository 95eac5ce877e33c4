"""What the words around a capitalised name say it is, when its own words do not.

A name news copy has not introduced ("Kestrel", "Silver Anchor") is often typed by the
words beside it, the way the context features of statistical taggers read them:

- a word after it that belongs to an organisation: its people, its shares, its posts
  ("Kestrel founder", "a Kestrel analyst", "a Kestrel post", "Kestrel reported");
- a phrase before it that places someone in an organisation or quotes an outlet
  ("an analyst at Kestrel", "posted on Kestrel", "according to Kestrel");
- a lower-case place word after or before it ("the Tarvo refugee camp", "the area of
  Tarvo"), or an event, a craft or a law it names ("the Kestrel conference", "787-9 Kestrel
  jets"): then it is no actor;
- an apposition ("Kestrel, a Lisbon-based lender", "Tarvo, a town in …", "Ada Kell, 24,");
- a verb of speech after it or before it ("Okonkwo said", "said Okonkwo"): a person.

Also here: acronyms spelt out in brackets beside their names ("the Harbour Transit
Authority (HTA)"), so the acronym is that organisation, or nothing when the long form is
no actor. The word lists are in data/recognition.yaml (`context_cues`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["NOT_AN_ACTOR", "SPEAKER", "Cues", "acronym_expansions", "parse_cues"]

# The type a cue gives a name that is no actor (an event, a craft, a law).
NOT_AN_ACTOR = "none"
# What a verb of speech beside a name says: someone spoke, a person or an organisation
# ("Okonkwo said", "Kestrel said"); the resolver weighs it below the other cues.
SPEAKER = "speaker"
# An apposition's noun is looked for this many words after its article at most
# ("Kestrel, the Lisbon-based geopolitical intelligence firm").
APPOSITION_MAX_WORDS = 5
# The characters before a name its cues are read in: three words and "the".
BEFORE_CHARS = 40
# The two words after a name: a place word may stand one word on ("the Tarvo refugee camp").
_WORDS_AFTER = re.compile(r"^['’]?s?\s+([a-z][a-z\-]*)(?:\s+([a-z][a-z\-]*))?")
_APPOSITION = re.compile(
    rf"^,\s+(?:a|an|the)\s+((?:[\w'’\-]+\s+){{0,{APPOSITION_MAX_WORDS}}}?)([a-z][a-z\-]*)\b"
)
_AGE = re.compile(r"^,\s+\d{1,3},")
_BEFORE_WORDS = re.compile(r"([A-Za-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2})\s+(?:the\s+)?$")
# A model number: digits with letters or a hyphen ("787-9", "A350"), not a quantity ("30").
_MODEL_NUMBER_BEFORE = re.compile(r"(?:^|\s)(?=[\w\-]*\d)(?=[\w\-]*[A-Za-z\-])[\w\-]+\s+$")
# "Long Name (LN)" and "LN (Long Name)"; the acronym's letters, dots and a plural s.
_BRACKETED_ACRONYM = re.compile(r"\(((?:[A-Z]\.?){2,8}s?)\)")
_ACRONYM_THEN_BRACKET = re.compile(r"\b((?:[A-Z]\.?){2,8}s?)\s+\(([^()]{3,120})\)")
_VENUE_BEFORE = re.compile(r"\b(?:in|at|inside|outside)\s+$")
_CAPITALISED = re.compile(r"[A-Z][\w'’\-]*|[a-z]+")


@dataclass(frozen=True, slots=True)
class Cues:
    """The word lists of data/recognition.yaml's `context_cues`, plus the speech verbs and
    place prepositions the resolver already read."""

    speech_verbs: frozenset[str]
    place_prepositions: frozenset[str]
    organisation_words_after: frozenset[str]
    organisation_phrases_before: frozenset[str]
    place_words: frozenset[str]  # after the name, or before it with "of"
    not_actor_words_after: frozenset[str]
    apposition_nouns: Mapping[str, str]  # lower-case noun -> type
    name_connectors: frozenset[str]  # lower-case words inside a long form ("of", "and")
    venue_heads: frozenset[str]
    name_suffixes: frozenset[str]  # "Jr.", "III": a person's last word, not their surname

    def type_of(self, before: str, after: str) -> str | None:
        """The type the words around a name give it: person, organization, place,
        NOT_AN_ACTOR, SPEAKER (a verb of speech), or None when they say nothing."""
        before = before[-BEFORE_CHARS:]  # the patterns end there: a short tail is faster
        if following := _WORDS_AFTER.match(after):
            first, second = following.group(1), following.group(2)
            if first in self.not_actor_words_after:
                return NOT_AN_ACTOR
            if first in self.speech_verbs:
                return SPEAKER
            if first in self.organisation_words_after:
                return "organization"
            if first in self.place_words or second in self.place_words:
                return "place"
        if _AGE.match(after):
            return "person"  # "Ada Kell, 24, said"
        if apposition := self._apposition(after):
            return apposition
        if _MODEL_NUMBER_BEFORE.search(before):
            return NOT_AN_ACTOR  # "a 787-9 Kestrel", "the A350 Kestrel": a model's name
        if phrase := _BEFORE_WORDS.search(before):
            words: list[str] = phrase.group(1).split()
            for n in range(len(words)):
                tail = " ".join(words[n:])
                if tail in self.organisation_phrases_before:
                    return "organization"
            if len(words) >= 2 and words[-1] == "of" and words[-2] in self.place_words:
                return "place"  # "the area of Tarvo"
            if words[-1] in self.speech_verbs and not before.rstrip().endswith(" the"):
                return SPEAKER  # "said Okonkwo", not "said the Okonkwo …"
        return None

    def is_venue(self, words: Sequence[str], before: str, after_place: bool) -> bool:
        """A name ending in a venue's word after "in" or "at" with no article, or after a
        place's possessive: an arena or a hall ("in Kestrel Center", "Lisbon's Harbour
        Centre"), not an organisation ("at Acme's Kestrel Center" is Acme's)."""
        if len(words) < 2 or words[-1] not in self.venue_heads:
            return False
        return after_place or bool(_VENUE_BEFORE.search(before[-BEFORE_CHARS:]))

    def _apposition(self, after: str) -> str | None:
        match = _APPOSITION.match(after)
        if not match:
            return None
        for word in [*match.group(1).split(), match.group(2)]:
            # Lower-case words only: "a Harbour Space Agency fellow" is a person.
            if word.islower() and (kind := self.apposition_nouns.get(word)):
                return kind
        return None


def parse_cues(lists: Mapping[str, Any]) -> Cues:
    """The cues of a parsed recognition.yaml: its `context_cues` section, the verbs of
    speech, the place prepositions and the name suffixes."""
    raw = lists["context_cues"]
    nouns = {
        noun.lower(): kind for kind, listed in raw["apposition_nouns"].items() for noun in listed
    }
    return Cues(
        speech_verbs=frozenset(lists["speech_verbs"]),
        place_prepositions=frozenset(lists["place_prepositions"]),
        organisation_words_after=frozenset(raw["organisation_words_after"]),
        organisation_phrases_before=frozenset(raw["organisation_phrases_before"]),
        place_words=frozenset(raw["place_words"]),
        not_actor_words_after=frozenset(raw["not_actor_words_after"]),
        apposition_nouns=nouns,
        name_connectors=frozenset(raw["name_connectors"]),
        venue_heads=frozenset(raw["venue_heads"]),
        name_suffixes=frozenset(lists["name_suffixes"]),
    )


def acronym_expansions(paragraphs: Sequence[str], connectors: frozenset[str]) -> dict[str, str]:
    """Acronyms the article spells out beside their long forms: acronym -> long form
    ("Harbour Transit Authority (HTA)", "HTA (Harbour Transit Authority)")."""
    found: dict[str, str] = {}
    for text in paragraphs:
        for match in _BRACKETED_ACRONYM.finditer(text):
            acronym = match.group(1)
            words = _CAPITALISED.findall(text[: match.start()])
            if long_form := _long_form_ending(words, _letters(acronym), connectors):
                found.setdefault(acronym, long_form)
        for match in _ACRONYM_THEN_BRACKET.finditer(text):
            acronym, inside = match.group(1), match.group(2)
            words = _CAPITALISED.findall(inside)
            long_form = _long_form_ending(words, _letters(acronym), connectors)
            if long_form and inside.strip().endswith(long_form):
                found.setdefault(acronym, long_form)
    return found


def _letters(acronym: str) -> str:
    letters = acronym.replace(".", "")
    return letters[:-1] if letters.endswith("s") else letters


def _long_form_ending(words: list[str], letters: str, connectors: frozenset[str]) -> str | None:
    """The capitalised words at the end of `words` whose initials spell `letters`, with
    the connectors between them ("Union of Harbour and Dock Workers" for UHDW)."""
    taken: list[str] = []
    needed = len(letters)
    for word in reversed(words):
        if needed == 0:
            break
        if word[0].isupper():
            if word[0] != letters[needed - 1]:
                return None
            taken.append(word)
            needed -= 1
        elif word in connectors and taken:
            taken.append(word)
        else:
            return None
    if needed or not taken:
        return None
    while taken[-1][0].islower():
        taken.pop()
    return " ".join(reversed(taken))
