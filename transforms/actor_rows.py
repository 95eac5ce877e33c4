"""Mentions, quotes and unresolved names of stored paragraphs, as warehouse-shaped frames.

Derived from paragraph text alone, so a registry change re-derives them from the warehouse
without reading any page again.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from transforms.actors import Actor, ActorRegistry
from transforms.incoming import table_schema
from transforms.mentions import ArticleActor, article_mentions
from transforms.name_spans import NameFinder
from transforms.names import unresolved_names
from transforms.quotes import find_quotes

__all__ = ["ACTORS", "actor_frame", "derive_actor_rows"]

MENTIONS = table_schema("mentions")
QUOTES = table_schema("quotes")
NAME_CANDIDATES = table_schema("name_candidates")
ACTORS = table_schema("actors")


def derive_actor_rows(
    paragraphs: pl.DataFrame, registry: ActorRegistry, recogniser: NameFinder | None
) -> dict[str, pl.DataFrame]:
    """paragraphs: article_id, paragraph_id, text, language — ordered by article, then
    position. Mentions of registry and recognised actors, quotes, unresolved names, and the
    actors discovered (recognised, not in the registry). Recognition reads only articles in
    a language it knows (or of no language told); the registry matches in every one."""
    mentions: list[tuple[str, str, str, str, int, int]] = []
    quotes: list[tuple[str, str, str, str | None, str | None, str]] = []
    names: list[tuple[str, str, str]] = []
    discovered: dict[str, ArticleActor] = {}
    registry_actors = registry.by_id()
    for article_id, language, paragraph_ids, texts in _articles(paragraphs):
        reads = recogniser is not None and (language is None or recogniser.reads(language))
        found = article_mentions(texts, registry, recogniser if reads else None, article_id)
        actors: dict[str, Actor] = dict(registry_actors)
        for actor in found.actors.values():
            if actor.source == "discovered":
                actors[actor.actor_id] = Actor(actor.actor_id, actor.name, actor.type, ())
                _merge(discovered, actor)
        last_speaker = None
        for paragraph_id, text, in_paragraph in zip(
            paragraph_ids, texts, found.paragraphs, strict=True
        ):
            mentions.extend(
                (article_id, paragraph_id, m.actor_id, m.surface, m.start, m.end)
                for m in in_paragraph
            )
            paragraph_quotes = find_quotes(text, in_paragraph, actors, last_speaker)
            for number, quote in enumerate(paragraph_quotes):
                quotes.append((
                    f"{paragraph_id}:q{number}", article_id, paragraph_id,
                    quote.speaker_actor_id, quote.speaker_surface, quote.text,
                ))  # fmt: skip
                last_speaker = quote.speaker_actor_id or last_speaker
            names.extend(
                (article_id, paragraph_id, name)
                for name in unresolved_names(text, in_paragraph, paragraph_quotes)
            )
    return {
        "incoming_mentions": pl.DataFrame(mentions, schema=MENTIONS, orient="row"),
        "incoming_quotes": pl.DataFrame(quotes, schema=QUOTES, orient="row"),
        "incoming_name_candidates": pl.DataFrame(names, schema=NAME_CANDIDATES, orient="row"),
        "incoming_discovered_actors": pl.DataFrame(
            [
                (a.actor_id, a.name, a.type, sorted(set(a.aliases)), None, None, "discovered")
                for a in discovered.values()
            ],
            schema=ACTORS,
            orient="row",
        ),
    }


def _articles(
    paragraphs: pl.DataFrame,
) -> Iterator[tuple[str, str | None, list[str], list[str]]]:
    """(article_id, its language, its paragraph ids, their texts) for each article."""
    current: str | None = None
    language: str | None = None
    ids: list[str] = []
    texts: list[str] = []
    if "language" not in paragraphs.columns:
        paragraphs = paragraphs.with_columns(language=pl.lit(None, pl.String))
    for article_id, paragraph_id, text, paragraph_language in paragraphs.select(
        "article_id", "paragraph_id", "text", "language"
    ).iter_rows():
        if article_id != current:
            if current is not None:
                yield current, language, ids, texts
            current, language, ids, texts = article_id, paragraph_language, [], []
        ids.append(paragraph_id)
        texts.append(text)
    if current is not None:
        yield current, language, ids, texts


def _merge(discovered: dict[str, ArticleActor], actor: ArticleActor) -> None:
    """One row per discovered actor of the batch: the first name seen, every spelling."""
    known = discovered.get(actor.actor_id)
    if known is None:
        discovered[actor.actor_id] = ArticleActor(
            actor.actor_id, actor.name, actor.type, actor.source, list(actor.aliases)
        )
        return
    spellings = [actor.name, *actor.aliases]
    known.aliases.extend(s for s in spellings if s != known.name and s not in known.aliases)


def actor_frame(registry: ActorRegistry) -> pl.DataFrame:
    return pl.DataFrame(
        [
            (a.actor_id, a.name, a.type, list(a.aliases), a.country, a.role, "registry")
            for a in registry.actors
        ],
        schema=ACTORS,
        orient="row",
    )
