"""Every actor an article names: the registry's first, then those recognised in the text.

The curated registry wins wherever it matches. Recognised names become discovered actors
with an id made from the name itself, so the same person, organisation or place gets the
same id in every article and every run without a registry line: the id folds case and
accents and spells each word by its sound (jellyfish's Metaphone), so transliteration
variants ("Zelensky", "Zelenskyy", "Zelenskiy") are one actor. A person named only by one
word in an article keeps an id of that article alone: a bare surname is never merged
across articles on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import jellyfish

from transforms.actors import Actor, ActorRegistry, Mention
from transforms.gazetteer import fold
from transforms.name_spans import Found, NameFinder

__all__ = [
    "ArticleActor",
    "ArticleMentions",
    "article_actors",
    "article_mentions",
    "discovered_id",
]

# Prefixes of discovered actors' ids, by type: never a registry id (those are name slugs).
_ID_PREFIX = {"person": "p:", "organization": "o:", "place": "l:"}


@dataclass(slots=True)
class ArticleActor:
    actor_id: str
    name: str
    type: str
    source: str  # registry / discovered
    aliases: list[str] = field(default_factory=list)  # other spellings seen in the article


@dataclass(slots=True)
class ArticleMentions:
    paragraphs: list[list[Mention]]  # each paragraph's mentions, in order
    actors: dict[str, ArticleActor]  # by actor_id


def discovered_id(name: str, kind: str, article_id: str | None = None) -> str:
    """The id of a recognised actor: the same for every spelling variant of the name."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in fold(name)).split()]
    key = "-".join(jellyfish.metaphone(w) or w for w in words) or fold(name)
    if kind == "person" and len(words) == 1 and article_id is not None:
        return f"{_ID_PREFIX[kind]}{key}@{article_id}"
    return f"{_ID_PREFIX[kind]}{key}"


def article_mentions(
    paragraphs: Sequence[str],
    registry: ActorRegistry,
    recogniser: NameFinder | None,
    article_id: str | None = None,
) -> ArticleMentions:
    """The article's mentions, paragraph by paragraph, and the actors they name."""
    by_id = registry.by_id()
    folded_aliases = registry.folded_aliases()
    result = ArticleMentions([registry.find(text) for text in paragraphs], {})
    for mentions in result.paragraphs:
        for m in mentions:
            actor = by_id[m.actor_id]
            entry = ArticleActor(actor.actor_id, actor.name, actor.type, "registry")
            _add(result, entry, m.surface)
    if recogniser is None:
        return result
    for found in recogniser.article(paragraphs):
        if fold(found.name) in registry.blocked or fold(found.surface) in registry.blocked:
            continue  # a curator said this name is no actor
        taken = result.paragraphs[found.paragraph]
        overlapping = [m for m in taken if m.start < found.end and found.start < m.end]
        if overlapping and not _names_someone_else(found, overlapping, by_id, folded_aliases):
            continue  # the registry matched here
        for m in overlapping:
            taken.remove(m)  # "Ivanka Trump" is not the registry's "Trump"
        actor_id = folded_aliases.get(fold(found.name)) or folded_aliases.get(fold(found.surface))
        if actor_id is not None:
            actor = by_id[actor_id]
            entry = ArticleActor(actor_id, actor.name, actor.type, "registry")
        else:
            actor_id = discovered_id(found.name, found.type, article_id)
            entry = ArticleActor(actor_id, found.name, found.type, "discovered")
        taken.append(Mention(actor_id, found.surface, found.start, found.end))
        _add(result, entry, found.surface)
    for mentions in result.paragraphs:
        mentions.sort(key=lambda m: m.start)
    return result


def article_actors(
    paragraphs: Sequence[str], registry: ActorRegistry, recogniser: NameFinder | None
) -> list[ArticleActor]:
    return list(article_mentions(paragraphs, registry, recogniser).actors.values())


def _names_someone_else(
    found: Found, overlapping: list[Mention], by_id: dict[str, Actor], aliases: dict[str, str]
) -> bool:
    """A recognised name of several words around a shorter registry match, which the
    registry does not know: "Ivanka Trump" around "Trump", "UK Today" around "UK"."""
    return (
        " " in found.name
        and fold(found.name) not in aliases
        and all(
            m.start >= found.start
            and m.end <= found.end
            and (m.end - m.start) < (found.end - found.start)
            and (found.type != "person" or by_id[m.actor_id].type == "person")
            for m in overlapping
        )
    )


def _add(result: ArticleMentions, actor: ArticleActor, surface: str) -> None:
    entry = result.actors.setdefault(actor.actor_id, actor)
    if surface != entry.name and surface not in entry.aliases:
        entry.aliases.append(surface)
