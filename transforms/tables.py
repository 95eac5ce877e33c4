"""Every warehouse table's columns as a polars schema.

Generated from sql/schema/ by `make schemas` (flows/table_schemas.py): do not edit; change
the DDL and regenerate.
"""

from __future__ import annotations

from collections.abc import Collection

import polars as pl

__all__ = ["TABLES", "table_schema"]


def table_schema(table: str, *, without: Collection[str] = ()) -> pl.Schema:
    """A table's columns in its order, some left out (those a later step fills)."""
    return pl.Schema({c: t for c, t in TABLES[table].items() if c not in without})


TABLES: dict[str, pl.Schema] = {
    "actor_derivations": pl.Schema({
        "article_id": pl.String(),
        "registry_version": pl.String(),
        "derived_at": pl.Datetime("us", "UTC"),
    }),
    "actors": pl.Schema({
        "actor_id": pl.String(),
        "name": pl.String(),
        "type": pl.String(),
        "aliases": pl.List(pl.String()),
        "country": pl.String(),
        "role": pl.String(),
        "source": pl.String(),
    }),
    "article_actors": pl.Schema({
        "article_id": pl.String(),
        "actor_id": pl.String(),
        "n_paragraphs": pl.Int32(),
        "n_mentions": pl.Int32(),
    }),
    "article_bands": pl.Schema({
        "article_id": pl.String(),
        "band": pl.UInt8(),
        "band_key": pl.UInt64(),
    }),
    "article_signatures": pl.Schema({
        "article_id": pl.String(),
        "minhash": pl.List(pl.UInt64()),
        "scheme": pl.String(),
    }),
    "articles": pl.Schema({
        "article_id": pl.String(),
        "file_id": pl.String(),
        "position": pl.Int32(),
        "kind": pl.String(),
        "title": pl.String(),
        "subtitle": pl.String(),
        "outlet": pl.String(),
        "outlet_source": pl.String(),
        "wire": pl.String(),
        "authors": pl.List(pl.String()),
        "dateline": pl.String(),
        "relative_time": pl.String(),
        "published_at": pl.Datetime("us", "UTC"),
        "published_at_source": pl.String(),
        "captured_at": pl.Datetime("us", "UTC"),
        "coverage_date": pl.Date(),
        "coverage_date_source": pl.String(),
        "body": pl.String(),
        "n_paragraphs": pl.Int32(),
        "n_words": pl.Int32(),
        "near_duplicate_of": pl.String(),
        "near_duplicate_group": pl.String(),
        "is_current": pl.Boolean(),
        "run_id": pl.String(),
        "story_group": pl.String(),
        "language": pl.String(),
    }),
    "dq_results": pl.Schema({
        "run_id": pl.String(),
        "check_name": pl.String(),
        "table_name": pl.String(),
        "severity": pl.String(),
        "passed": pl.Boolean(),
        "n_failed": pl.Int32(),
        "details": pl.String(),
    }),
    "dropped_blocks": pl.Schema({
        "file_id": pl.String(),
        "run_id": pl.String(),
        "line": pl.Int32(),
        "reason": pl.String(),
        "n_words": pl.Int32(),
        "text": pl.String(),
    }),
    "file_paths": pl.Schema({
        "path": pl.String(),
        "file_id": pl.String(),
        "size_bytes": pl.Int64(),
        "mtime_ns": pl.Int64(),
        "seen_at": pl.Datetime("us", "UTC"),
    }),
    "ingest_runs": pl.Schema({
        "run_id": pl.String(),
        "flow_run_id": pl.String(),
        "started_at": pl.Datetime("us", "UTC"),
        "finished_at": pl.Datetime("us", "UTC"),
        "status": pl.String(),
        "n_files_seen": pl.Int32(),
        "n_files_new": pl.Int32(),
        "n_files_skipped": pl.Int32(),
        "n_files_quarantined": pl.Int32(),
        "n_files_superseded": pl.Int32(),
        "n_files_duplicate": pl.Int32(),
        "n_articles_loaded": pl.Int32(),
        "n_paragraphs_loaded": pl.Int32(),
        "error": pl.String(),
    }),
    "mentions": pl.Schema({
        "article_id": pl.String(),
        "paragraph_id": pl.String(),
        "actor_id": pl.String(),
        "surface": pl.String(),
        "start": pl.Int32(),
        "end": pl.Int32(),
    }),
    "name_candidates": pl.Schema({
        "article_id": pl.String(),
        "paragraph_id": pl.String(),
        "surface": pl.String(),
    }),
    "outlets": pl.Schema({
        "outlet_id": pl.String(),
        "name": pl.String(),
        "aliases": pl.List(pl.String()),
        "is_curated": pl.Boolean(),
    }),
    "paragraphs": pl.Schema({
        "paragraph_id": pl.String(),
        "article_id": pl.String(),
        "position": pl.Int32(),
        "kind": pl.String(),
        "text": pl.String(),
        "n_words": pl.Int32(),
    }),
    "quarantine": pl.Schema({
        "run_id": pl.String(),
        "file_id": pl.String(),
        "article_id": pl.String(),
        "path": pl.String(),
        "reason": pl.String(),
        "detail": pl.String(),
        "recorded_at": pl.Datetime("us", "UTC"),
    }),
    "quotes": pl.Schema({
        "quote_id": pl.String(),
        "article_id": pl.String(),
        "paragraph_id": pl.String(),
        "speaker_actor_id": pl.String(),
        "speaker_surface": pl.String(),
        "text": pl.String(),
    }),
    "site_lines": pl.Schema({
        "line_key": pl.Int64(),
        "site": pl.String(),
        "line": pl.String(),
        "files": pl.Int32(),
        "last_seen_at": pl.Datetime("us", "UTC"),
    }),
    "source_files": pl.Schema({
        "file_id": pl.String(),
        "path": pl.String(),
        "size_bytes": pl.Int64(),
        "format": pl.String(),
        "encoding": pl.String(),
        "text_sha256": pl.String(),
        "url": pl.String(),
        "captured_at": pl.Datetime("us", "UTC"),
        "captured_at_source": pl.String(),
        "first_seen_at": pl.Datetime("us", "UTC"),
        "run_id": pl.String(),
        "status": pl.String(),
        "duplicate_of": pl.String(),
        "superseded_at": pl.Datetime("us", "UTC"),
    }),
}  # fmt: skip
