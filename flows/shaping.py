"""An extracted batch to the frames one load transaction writes.

Reads what the warehouse holds of the batch (its ledger rows, the earlier copies its
articles may have) and runs the data-quality gate; every decision about the rows is made
by the pure functions of transforms/ledger.py and transforms/batch.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import duckdb
import numpy as np
import polars as pl

from flows.extraction import ExtractedBatch
from flows.quality import DQ_RESULTS, QualityGate
from flows.warehouse import query
from transforms.batch import (
    STORED_MEMBERS,
    NearDuplicates,
    after_checks,
    cluster_renames,
    load_frames_for,
    loading_edges,
    new_candidates,
    relabelled,
    reset_articles,
    signed,
)
from transforms.ledger import BatchDecision, LedgerRows, decide_batch
from transforms.near_duplicates import Candidate as NearCandidate
from transforms.near_duplicates import Edge, similar_pairs
from transforms.outlets import OutletRegistry
from transforms.records import KnownFile, SourceFile

__all__ = ["ShapedBatch", "shape_batch"]

# Candidate copies compared per new article. Clusters still join up transitively, and a
# story syndicated in hundreds of places costs linear, not quadratic, work.
CANDIDATES_PER_ARTICLE = 20
# Articles taken from one LSH bucket: a bucket shared by hundreds of copies of one story
# adds nothing past the first few (they are all in one cluster already).
CANDIDATES_PER_BUCKET = 20


@dataclass(frozen=True, slots=True)
class ShapedBatch:
    frames: dict[str, pl.DataFrame]  # incoming_* frames for sql/load/
    dq: pl.DataFrame  # this batch's dq_results rows
    n_known: int  # files whose bytes the ledger already held
    n_copies: int = 0  # of those, the ones at a path that did not hold them before


def shape_batch(
    con: duckdb.DuckDBPyConnection,
    batch: ExtractedBatch,
    gate: QualityGate,
    outlets: OutletRegistry,
    run_id: str,
    now: datetime,
) -> ShapedBatch:
    # The ledger rows this batch touches only: per-batch cost stays flat as the corpus grows.
    keys = _ledger_keys(batch)
    known_status = dict(query(con, "queries/file_statuses", frames=keys).iter_rows())
    retried = set(query(con, "queries/retried_file_ids", frames=keys)["file_id"].to_list())
    batch = _without_loaded_since(batch, known_status, retried)
    ledger = LedgerRows(
        status=known_status,
        path_owner=dict(query(con, "queries/path_owners", frames=keys).iter_rows()),
        loaded_text=dict(query(con, "queries/loaded_texts", frames=keys).iter_rows()),
    )
    decision = decide_batch(batch.files, batch.known, ledger)
    new = new_candidates(batch.files, decision.status, batch.derived.signatures)
    near = _paired(con, new, signed(new))
    frames = load_frames_for(
        batch.files, batch.known, decision, near, batch.derived, batch.site_lines, run_id, now
    )
    if frames["incoming_articles"].is_empty():
        # Nothing new to check (only unchanged or rejected files): no dq rows for this batch.
        results, rejected = pl.DataFrame(schema=DQ_RESULTS), {}
    else:
        outcome = gate.validate(
            frames["incoming_articles"],
            frames["incoming_paragraphs"],
            run_id,
            _labels(frames),
            frames["incoming_dropped_blocks"],
        )
        results, rejected = outcome.results, outcome.rejected_articles
    frames = after_checks(frames, rejected, outlets, run_id, now)
    frames = _labelled(con, frames, near, decision)
    return ShapedBatch(frames, results, len(batch.known), decision.copies)


def _labels(frames: dict[str, pl.DataFrame]) -> dict[str, str]:
    """How dq_results names an article: its file's path and its place in the file."""
    paths = dict(frames["incoming_source_files"].select("file_id", "path").iter_rows())
    return {
        aid: f"{paths.get(fid, fid)}#{pos}"
        for aid, fid, pos in frames["incoming_articles"]
        .select("article_id", "file_id", "position")
        .iter_rows()
    }


def _ledger_keys(batch: ExtractedBatch) -> dict[str, pl.DataFrame]:
    texts = {f.extraction.text_sha256 for f in batch.files if f.extraction is not None}
    seen: list[SourceFile | KnownFile] = [*batch.files, *batch.known]
    return {
        "batch_file_ids": pl.DataFrame(
            {"file_id": sorted({f.file_id for f in seen})},
            schema={"file_id": pl.String},
        ),
        "batch_paths": pl.DataFrame(
            {"path": sorted({f.path for f in seen})},
            schema={"path": pl.String},
        ),
        "batch_texts": pl.DataFrame(
            {"text_sha256": sorted(texts)}, schema={"text_sha256": pl.String}
        ),
    }


def _without_loaded_since(
    batch: ExtractedBatch, known: dict[str, str], retried: set[str]
) -> ExtractedBatch:
    """Extraction may run ahead of loading (parallel workers): bytes that another batch has
    recorded since are one more name for known content, not a new file. (Bytes quarantined
    for a cause outside them are read again on purpose.)"""
    loaded = [f for f in batch.files if f.file_id in known and f.file_id not in retried]
    if not loaded:
        return batch
    ids = {f.file_id for f in loaded}
    return ExtractedBatch(
        derived=batch.derived,
        site_lines={f: lines for f, lines in batch.site_lines.items() if f not in ids},
        files=[f for f in batch.files if f.file_id not in ids],
        known=[
            *batch.known,
            *(KnownFile(f.path, f.file_id, f.size_bytes, f.mtime_ns) for f in loaded),
        ],
    )


def _paired(
    con: duckdb.DuckDBPyConnection, new: list[NearCandidate], near: NearDuplicates
) -> NearDuplicates:
    """The pairs of alike articles among the new ones and between new and stored ones."""
    if not new:
        return near
    pairs = query(
        con,
        "queries/near_duplicate_candidates",
        {"per_article": CANDIDATES_PER_ARTICLE, "per_bucket": CANDIDATES_PER_BUCKET},
        frames={"incoming_bands": near.bands},
    ).rows()
    new_ids = {c.article_id for c in new}
    earlier = pl.DataFrame(
        {"article_id": sorted({other for _, other in pairs if other not in new_ids})},
        schema={"article_id": pl.String},
    )
    stored = [
        NearCandidate(article_id, np.asarray(minhash, dtype=np.uint64))
        for article_id, minhash in query(
            con, "queries/candidate_signatures", frames={"candidate_ids": earlier}
        ).iter_rows()
    ]
    return replace(near, edges=similar_pairs([*new, *stored], pairs))


def _labelled(
    con: duckdb.DuckDBPyConnection,
    frames: dict[str, pl.DataFrame],
    near: NearDuplicates,
    decision: BatchDecision,
) -> dict[str, pl.DataFrame]:
    """Labels for the loading articles and for the stored ones whose clusters they change.

    A batch that supersedes or reinstates no file is labelled from the stored articles its
    pairs touch, the first articles their clusters are named after and the copies they point
    at: a cluster it renames (joins to another, or gives an older first article) is written
    as a rename that every other article of the cluster follows in SQL, so a story of
    thousands of articles is never read. One that supersedes or reinstates files works out
    again every story those touch, from all its articles.
    """
    edges = loading_edges(frames, near)
    new = set(near.signatures["article_id"].to_list())
    touched_articles = {a for e in edges for a in (e.article_id, e.other_id)} - new
    touched_files = decision.superseded | set(decision.reinstated)
    if not (touched_articles or touched_files):
        stored = pl.DataFrame(schema=STORED_MEMBERS)
        return relabelled(frames, stored, decision, edges, set(), [])
    touched = {
        "touched_articles": _ids("article_id", touched_articles),
        "touched_files": _ids("file_id", touched_files),
    }
    if not touched_files:
        heads = query(con, "queries/near_duplicate_members", {"whole_stories": False}, touched)
        labelled = relabelled(dict(frames), heads, decision, edges, set(), [])
        relabelled_rows = labelled["incoming_near_labels"]
        labelled["incoming_cluster_renames"] = cluster_renames(heads, relabelled_rows)
        # Only an article a new pair touches can have a nearer copy now; the others read
        # (first articles, the copies they point at) keep theirs, and follow their
        # clusters' renames with every article not read.
        labelled["incoming_near_labels"] = relabelled_rows.filter(
            pl.col("article_id").is_in(sorted(touched_articles))
        )
        return labelled
    stored = query(con, "queries/near_duplicate_members", {"whole_stories": True}, touched)
    reset = reset_articles(stored, decision)
    reset_edges: list[Edge] = []
    if reset:
        pairs = query(
            con,
            "queries/near_duplicate_pairs_of",
            frames={"reset_articles": _ids("article_id", reset)},
        )
        reset_edges = [Edge(*row) for row in pairs.iter_rows()]
    return relabelled(frames, stored, decision, edges, reset, reset_edges)


def _ids(column: str, ids: set[str]) -> pl.DataFrame:
    return pl.DataFrame({column: sorted(ids)}, schema={column: pl.String})
