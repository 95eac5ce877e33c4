"""Every frame the warehouse's write statements read, by the name they read it as.

The statements under sql/ read a batch as views named incoming_*; this is the one list of
those names and of each frame's columns when it is written (the tables' columns come from
the DDL through transforms/tables.py). Loading checks the frames it is given against it,
and a test checks it against the statements.
"""

from __future__ import annotations

from collections.abc import Collection

import polars as pl

from transforms.tables import TABLES

__all__ = ["CLUSTER_RENAMES", "FILE_IDS", "INCOMING", "NEAR_LABELS", "table_schema"]


def table_schema(table: str, *, without: Collection[str] = ()) -> pl.Schema:
    """A table's columns in its order, some left out (those a later step fills)."""
    return pl.Schema({c: t for c, t in TABLES[table].items() if c not in without})


FILE_IDS = pl.Schema({"file_id": pl.String()})
# A copy group's or story's new name, which every stored article of it takes (a batch that
# joins two clusters, or brings one an older first article).
CLUSTER_RENAMES = pl.Schema(
    {"kind": pl.String(), "old_label": pl.String(), "new_label": pl.String()}
)
# Labels set again on articles already stored, when a batch changes their clusters.
NEAR_LABELS = pl.Schema({
    name: table_schema("articles")[name]
    for name in ("article_id", "near_duplicate_of", "near_duplicate_group", "story_group")
})  # fmt: skip

INCOMING: dict[str, pl.Schema] = {
    # a batch's load (sql/load/, sql/signatures/)
    "incoming_source_files": table_schema("source_files", without={"superseded_at"}),
    "incoming_file_paths": table_schema("file_paths"),
    "incoming_superseded": FILE_IDS,  # files a batch replaces at their paths
    "incoming_reinstated": FILE_IDS,  # superseded files whose bytes came back
    # article_no: numbered by the warehouse as the rows arrive (sql/schema/030_articles.sql)
    "incoming_articles": table_schema("articles", without={"article_no"}),
    "incoming_near_labels": NEAR_LABELS,
    "incoming_cluster_renames": CLUSTER_RENAMES,
    "incoming_near_duplicate_pairs": table_schema("near_duplicate_pairs"),
    "incoming_paragraphs": table_schema("paragraphs"),
    "incoming_signatures": table_schema("article_signatures"),
    "incoming_bands": table_schema("article_bands"),
    "incoming_quarantine": table_schema("quarantine"),
    "incoming_dropped_blocks": table_schema("dropped_blocks"),
    "incoming_site_lines": table_schema("site_lines"),
    "incoming_outlets": table_schema("outlets"),
    # actors, mentions and quotes (sql/load/, sql/derive_reset/, sql/derive/)
    "incoming_actors": table_schema("actors"),
    "incoming_discovered_actors": table_schema("actors"),
    "incoming_mentions": table_schema("mentions"),
    "incoming_quotes": table_schema("quotes"),
    "incoming_name_candidates": table_schema("name_candidates"),
    "incoming_derived": table_schema("actor_derivations"),
    # the run's own rows (sql/record_run/)
    "incoming_run": table_schema("ingest_runs"),
    # the paths a run's discovery passed over (sql/skipped/)
    "incoming_skipped_paths": table_schema("skipped_paths"),
    "incoming_dq_results": table_schema("dq_results"),
}
