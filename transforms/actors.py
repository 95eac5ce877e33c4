"""Actor mentions in paragraph text, matched against the curated registry (data/actors.yaml).

One Aho-Corasick automaton (pyahocorasick) holds every alias; a paragraph is scanned once,
matches are kept whole-word, the longest wins where they overlap, and a title standing
before a name joins the mention.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

import ahocorasick
import yaml

from transforms.gazetteer import fold

__all__ = ["Actor", "ActorRegistry", "Mention", "parse_actor_registry"]

ACTOR_TYPES = ("person", "organization", "place")
# Titles are matched only this far before a name.
_TITLE_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Actor:
    actor_id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    actor_id: str
    surface: str
    start: int
    end: int


# eq=False: hashed by identity (it holds an automaton), one instance per registry file.
@dataclass(frozen=True, slots=True, eq=False)
class ActorRegistry:
    actors: tuple[Actor, ...]
    version: str  # sha256 of the registry file: a change re-derives every mention
    automaton: ahocorasick.Automaton
    titles: tuple[str, ...]  # longest first
    blocked: frozenset[str] = frozenset()  # folded names never an actor (curators' `blocked:`)

    def by_id(self) -> dict[str, Actor]:
        return {actor.actor_id: actor for actor in self.actors}

    def folded_aliases(self) -> dict[str, str]:
        """Every name and alias, case and accents folded, to its actor: for text whose
        case says nothing (an all-caps dateline, a recognised name in other case)."""
        return _folded_aliases(self)

    def find(self, text: str) -> list[Mention]:
        """Mentions in one paragraph, in order, with character offsets into it."""
        candidates: list[tuple[int, int, str | None, bool]] = []
        for last, (length, actor_id, is_person) in self.automaton.iter(text):
            start, end = last - length + 1, last + 1
            if _is_word_boundary(text, start, end):
                candidates.append((start, end, actor_id, is_person))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        mentions: list[Mention] = []
        taken_until = -1
        for start, end, actor_id, is_person in candidates:
            if start < taken_until:
                continue  # inside a longer match: "Trump" in "Melania Trump"
            taken_until = end
            if actor_id is None:
                continue  # a listed non-mention phrase ("Trump administration")
            title = self._title_before(text, start) if is_person else None
            if title is not None and (not mentions or mentions[-1].end <= title):
                start = title
            mentions.append(Mention(actor_id, text[start:end], start, end))
        return mentions

    def _title_before(self, text: str, start: int) -> int | None:
        """Where a title ("US President") standing just before a name starts: the longest
        one that ends where the whitespace before the name begins and starts a word.
        String tests, not a pattern: a pattern ending in '$' is tried at every position."""
        window_start = max(0, start - _TITLE_WINDOW)
        before = text[window_start:start]
        stripped = before.rstrip()
        if len(stripped) == len(before) or not stripped.endswith(self.titles):
            return None
        for title in self.titles:
            if stripped.endswith(title):
                title_start = window_start + len(stripped) - len(title)
                previous = text[title_start - 1] if title_start > 0 else " "
                if not (previous.isalnum() or previous in "_."):
                    return title_start
        return None


@cache
def _folded_aliases(registry: ActorRegistry) -> dict[str, str]:
    return {
        fold(spelling): actor.actor_id
        for actor in registry.actors
        for spelling in (actor.name, *actor.aliases)
    }


def _is_word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not (after.isalnum() or after == "_")


def actor_id_for(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())


@cache
def parse_actor_registry(raw_bytes: bytes) -> ActorRegistry:
    """The registry of an actors.yaml (its automaton built once per content)."""
    raw = yaml.safe_load(raw_bytes)
    actors = tuple(
        Actor(
            actor_id=actor_id_for(entry["name"]),
            name=entry["name"],
            type=entry["type"],
            aliases=tuple(entry.get("aliases") or ()),
            country=entry.get("country"),
            role=entry.get("role"),
        )
        for entry in raw["actors"]
    )
    automaton = ahocorasick.Automaton()
    for actor in actors:
        if actor.type not in ACTOR_TYPES:
            raise ValueError(f"actors.yaml: {actor.name} has unknown type {actor.type!r}")
        for spelling in (actor.name, *actor.aliases):
            automaton.add_word(spelling, (len(spelling), actor.actor_id, actor.type == "person"))
    for phrase in raw.get("not_mentions") or ():
        automaton.add_word(phrase, (len(phrase), None, False))
    automaton.make_automaton()
    titles = tuple(sorted(raw.get("titles") or (), key=len, reverse=True))
    return ActorRegistry(
        actors=actors,
        version=hashlib.sha256(raw_bytes).hexdigest()[:16],
        automaton=automaton,
        titles=titles,
        blocked=frozenset(fold(name) for name in raw.get("blocked") or ()),
    )
