"""Mentions, quotes and unresolved names of stored paragraphs, as warehouse-shaped frames.

Derived from paragraph text alone, so a registry change re-derives them from the warehouse
without reading any page again.
"""

from __future__ import annotations

import polars as pl

from transforms.actors import ActorRegistry
from transforms.names import unresolved_names
from transforms.quotes import find_quotes

__all__ = ["ACTORS", "actor_frame", "derive_actor_rows"]

MENTIONS = pl.Schema({
    "article_id": pl.String(), "paragraph_id": pl.String(), "actor_id": pl.String(),
    "surface": pl.String(), "start": pl.Int32(), "end": pl.Int32(),
})  # fmt: skip
QUOTES = pl.Schema({
    "quote_id": pl.String(), "article_id": pl.String(), "paragraph_id": pl.String(),
    "speaker_actor_id": pl.String(), "speaker_surface": pl.String(), "text": pl.String(),
})  # fmt: skip
NAME_CANDIDATES = pl.Schema({
    "article_id": pl.String(), "paragraph_id": pl.String(), "surface": pl.String(),
})  # fmt: skip
ACTORS = pl.Schema({
    "actor_id": pl.String(), "name": pl.String(), "type": pl.String(),
    "aliases": pl.List(pl.String()), "country": pl.String(), "role": pl.String(),
})  # fmt: skip


def derive_actor_rows(paragraphs: pl.DataFrame, registry: ActorRegistry) -> dict[str, pl.DataFrame]:
    """paragraphs: article_id, paragraph_id, text — ordered by article, then position."""
    actors = registry.by_id()
    mentions: list[tuple[str, str, str, str, int, int]] = []
    quotes: list[tuple[str, str, str, str | None, str | None, str]] = []
    names: list[tuple[str, str, str]] = []
    current_article, last_speaker = None, None
    for article_id, paragraph_id, text in paragraphs.select(
        "article_id", "paragraph_id", "text"
    ).iter_rows():
        if article_id != current_article:
            current_article, last_speaker = article_id, None
        found = registry.find(text)
        mentions.extend(
            (article_id, paragraph_id, m.actor_id, m.surface, m.start, m.end) for m in found
        )
        paragraph_quotes = find_quotes(text, found, actors, last_speaker)
        for number, quote in enumerate(paragraph_quotes):
            quotes.append((
                f"{paragraph_id}:q{number}", article_id, paragraph_id,
                quote.speaker_actor_id, quote.speaker_surface, quote.text,
            ))  # fmt: skip
            last_speaker = quote.speaker_actor_id or last_speaker
        names.extend(
            (article_id, paragraph_id, name)
            for name in unresolved_names(text, found, paragraph_quotes)
        )
    return {
        "incoming_mentions": pl.DataFrame(mentions, schema=MENTIONS, orient="row"),
        "incoming_quotes": pl.DataFrame(quotes, schema=QUOTES, orient="row"),
        "incoming_name_candidates": pl.DataFrame(names, schema=NAME_CANDIDATES, orient="row"),
    }


def actor_frame(registry: ActorRegistry) -> pl.DataFrame:
    return pl.DataFrame(
        [(a.actor_id, a.name, a.type, list(a.aliases), a.country, a.role) for a in registry.actors],
        schema=ACTORS,
        orient="row",
    )
