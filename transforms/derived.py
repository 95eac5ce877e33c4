"""Per-article work done beside extraction, where it runs in parallel: near-duplicate
signatures and actor mentions, quotes and name candidates of every paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from transforms.actor_rows import ACTORS, MENTIONS, NAME_CANDIDATES, QUOTES, derive_actor_rows
from transforms.frames import article_id, paragraph_id
from transforms.incoming import table_schema
from transforms.knowledge import Knowledge
from transforms.near_duplicates import signature
from transforms.records import SourceFile

__all__ = ["Derived", "derive_for_files", "with_actor_frames"]

DERIVED = table_schema("actor_derivations", without={"derived_at"})  # set when it loads


@dataclass(slots=True)
class Derived:
    signatures: dict[str, list[int]] = field(default_factory=dict)  # article_id -> minhash
    actor_frames: dict[str, pl.DataFrame] = field(default_factory=dict)  # incoming_* frames
    registry_version: str = ""


def derive_for_files(files: list[SourceFile], knowledge: Knowledge) -> Derived:
    """Signatures and actor rows of the files' articles."""
    version = knowledge.derivation_version
    derived = Derived(registry_version=version)
    ids: list[str] = []
    paragraph_ids: list[str] = []
    texts: list[str] = []
    languages: list[str | None] = []
    for source in files:
        if source.extraction is None:
            continue
        for article in source.extraction.articles:
            aid = article_id(source.file_id, article.position)
            derived.signatures[aid] = signature(article.body).tolist()
            for position, paragraph in enumerate(article.paragraphs):
                ids.append(aid)
                paragraph_ids.append(paragraph_id(aid, position))
                texts.append(paragraph.text)
                languages.append(article.language)
    paragraphs = pl.DataFrame(
        {"article_id": ids, "paragraph_id": paragraph_ids, "text": texts, "language": languages},
        schema={
            "article_id": pl.String,
            "paragraph_id": pl.String,
            "text": pl.String,
            "language": pl.String,
        },
    )
    # The gazetteer loads (~1.5 s) only when there is something to read.
    recogniser = knowledge.recogniser if texts else None
    derived.actor_frames = derive_actor_rows(paragraphs, knowledge.actors, recogniser)
    derived.actor_frames["incoming_derived"] = pl.DataFrame(
        {"article_id": list(derived.signatures)}, schema={"article_id": pl.String}
    ).with_columns(registry_version=pl.lit(version))
    return derived


def with_actor_frames(frames: dict[str, pl.DataFrame], derived: Derived) -> dict[str, pl.DataFrame]:
    """The load frames plus the batch's actor frames (empty ones when none were derived)."""
    empty = {
        "incoming_mentions": pl.DataFrame(schema=MENTIONS),
        "incoming_quotes": pl.DataFrame(schema=QUOTES),
        "incoming_name_candidates": pl.DataFrame(schema=NAME_CANDIDATES),
        "incoming_discovered_actors": pl.DataFrame(schema=ACTORS),
        "incoming_derived": pl.DataFrame(schema=DERIVED),
    }
    return {**frames, **empty, **derived.actor_frames}
