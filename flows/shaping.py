"""An extracted batch to the frames one load transaction writes.

Decides each file's fate against the ledger, links near-duplicates and story clusters,
runs the data-quality gate and moves rejected articles to quarantine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

from flows.discover import Candidate
from flows.extraction import ExtractedBatch
from flows.quality import DQ_RESULTS, QualityGate
from flows.warehouse import query
from transforms.derived import with_actor_frames
from transforms.frames import (
    QUARANTINE,
    article_id,
    batch_frames,
    outlet_frame,
    signature_frames,
    site_lines_frame,
)
from transforms.incoming import EARLIER_COPIES, FILE_IDS
from transforms.ledger import decide_batch
from transforms.near_duplicates import Candidate as NearCandidate
from transforms.near_duplicates import Link, cluster, signature
from transforms.outlets import OutletRegistry
from transforms.records import SourceFile

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
    batch = _without_loaded_since(batch, known_status)
    path_owner = dict(query(con, "queries/path_owners", frames=keys).iter_rows())
    loaded_text = dict(query(con, "queries/loaded_texts", frames=keys).iter_rows())
    decision = decide_batch(batch.files, path_owner, loaded_text)
    reinstated = []
    for candidate, file_id in batch.known:
        previous = path_owner.get(candidate.relative)
        if previous is not None and previous != file_id:
            decision.superseded.add(previous)
        if known_status.get(file_id) == "superseded":
            reinstated.append(file_id)
    decision.superseded -= set(reinstated)

    signatures, bands, links, stories = _near_duplicates(
        con, batch.files, decision.status, batch.derived.signatures
    )
    frames = batch_frames(batch.files, decision, links, signatures, run_id, now)
    frames["incoming_bands"] = bands
    # A page's lines count towards its site's chrome once it loads (not a duplicate's).
    counted = [p for f, p in batch.site_lines.items() if decision.status.get(f) == "loaded"]
    frames["incoming_site_lines"] = site_lines_frame(counted, now)
    frames = with_actor_frames(frames, batch.derived)
    frames["incoming_derived"] = frames["incoming_derived"].with_columns(
        derived_at=pl.lit(now, dtype=pl.Datetime("us", "UTC"))
    )
    frames["incoming_articles"] = frames["incoming_articles"].with_columns(
        story_group=pl.col("article_id").replace_strict(
            stories, default=None, return_dtype=pl.String
        )
    )
    frames["incoming_file_paths"] = pl.concat(
        [
            frames["incoming_file_paths"],
            pl.DataFrame(
                [
                    {
                        "path": c.relative,
                        "file_id": f,
                        "size_bytes": c.size_bytes,
                        "mtime_ns": c.mtime_ns,
                        "seen_at": now,
                    }
                    for c, f in batch.known
                ],
                schema=frames["incoming_file_paths"].schema,
            ),
        ]
    )
    frames["incoming_reinstated"] = pl.DataFrame({"file_id": reinstated}, schema=FILE_IDS)

    if frames["incoming_articles"].is_empty():
        # Nothing new to check (only unchanged or rejected files): no dq rows for this batch.
        results = pl.DataFrame(schema=DQ_RESULTS)
    else:
        paths = dict(frames["incoming_source_files"].select("file_id", "path").iter_rows())
        labels = {
            aid: f"{paths.get(fid, fid)}#{pos}"
            for aid, fid, pos in frames["incoming_articles"]
            .select("article_id", "file_id", "position")
            .iter_rows()
        }
        outcome = gate.validate(
            frames["incoming_articles"],
            frames["incoming_paragraphs"],
            run_id,
            labels,
            frames["incoming_dropped_blocks"],
        )
        results = outcome.results
        if outcome.rejected_articles:
            frames = _quarantine_articles(frames, outcome.rejected_articles, run_id, now)
    # Band keys of the articles that load only (the gate may have rejected some).
    loading = frames["incoming_articles"]["article_id"].implode()
    frames["incoming_bands"] = frames["incoming_bands"].filter(pl.col("article_id").is_in(loading))
    frames["incoming_outlets"] = outlet_frame(
        outlets, frames["incoming_articles"]["outlet"].drop_nulls().unique().to_list()
    )
    frames["incoming_earlier_copies"] = _earlier_copies(
        links, stories, frames["incoming_articles"]["article_id"]
    )
    return ShapedBatch(frames, results, len(batch.known))


def _earlier_copies(
    links: dict[str, Link], stories: dict[str, str], loaded: pl.Series
) -> pl.DataFrame:
    """Labels for already-loaded articles that this batch brought their first copies of.
    Their copies are always new articles: a link to one the gate rejected is dropped."""
    new = set(loaded.to_list())
    rows = []
    for aid in sorted((links.keys() | stories.keys()) - new):
        link = links.get(aid)
        if link is not None and link.near_duplicate_of not in new:
            link = None
        rows.append((aid, link and link.near_duplicate_of, link and link.group, stories.get(aid)))
    return pl.DataFrame(rows, schema=EARLIER_COPIES, orient="row")


def _ledger_keys(batch: ExtractedBatch) -> dict[str, pl.DataFrame]:
    texts = {f.extraction.text_sha256 for f in batch.files if f.extraction is not None}
    return {
        "batch_file_ids": pl.DataFrame(
            {"file_id": sorted({f.file_id for f in batch.files} | {f for _, f in batch.known})},
            schema={"file_id": pl.String},
        ),
        "batch_paths": pl.DataFrame(
            {"path": sorted({f.path for f in batch.files} | {c.relative for c, _ in batch.known})},
            schema={"path": pl.String},
        ),
        "batch_texts": pl.DataFrame(
            {"text_sha256": sorted(texts)}, schema={"text_sha256": pl.String}
        ),
    }


def _without_loaded_since(batch: ExtractedBatch, known: dict[str, str]) -> ExtractedBatch:
    """Extraction may run ahead of loading (parallel workers): bytes that another batch has
    loaded since are one more name for known content, not a new file."""
    loaded = [f for f in batch.files if f.file_id in known]
    if not loaded:
        return batch
    return ExtractedBatch(
        derived=batch.derived,
        site_lines={f: lines for f, lines in batch.site_lines.items() if f not in known},
        files=[f for f in batch.files if f.file_id not in known],
        known=[
            *batch.known,
            *(
                (Candidate(Path(f.path), f.path, f.size_bytes, f.mtime_ns), f.file_id)
                for f in loaded
            ),
        ],
    )


def _near_duplicates(
    con: duckdb.DuckDBPyConnection,
    files: list[SourceFile],
    status: dict[str, str],
    computed: dict[str, list[int]],
) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, Link], dict[str, str]]:
    """Signatures and LSH bands of the batch's articles, and their links to copies."""
    new: list[NearCandidate] = []
    for source in files:
        if status[source.file_id] != "loaded" or source.extraction is None:
            continue
        for article in source.extraction.articles:
            aid = article_id(source.file_id, article.position)
            # Workers computed most signatures beside extraction; the rest are made here.
            minhash = (
                np.asarray(computed[aid], dtype=np.uint64)
                if aid in computed
                else signature(article.body)
            )
            new.append(NearCandidate(aid, article.outlet, minhash))
    signatures, bands = signature_frames([c.article_id for c in new], [c.minhash for c in new])
    if not new:
        return signatures, bands, {}, {}
    pairs = query(
        con,
        "queries/near_duplicate_candidates",
        {"per_article": CANDIDATES_PER_ARTICLE, "per_bucket": CANDIDATES_PER_BUCKET},
        frames={"incoming_bands": bands},
    ).rows()
    new_ids = {c.article_id for c in new}
    earlier = pl.DataFrame(
        {"article_id": sorted({other for _, other in pairs if other not in new_ids})},
        schema={"article_id": pl.String},
    )
    existing = [
        NearCandidate(
            row["article_id"],
            row["outlet"],
            np.asarray(row["minhash"], dtype=np.uint64),
            row["group"],
            row["story"],
        )
        for row in query(
            con, "queries/candidate_signatures", frames={"candidate_ids": earlier}
        ).iter_rows(named=True)
    ]
    links, stories = cluster(new, existing, pairs)
    return signatures, bands, links, stories


def _quarantine_articles(
    frames: dict[str, pl.DataFrame], rejected: dict[str, str], run_id: str, now: datetime
) -> dict[str, pl.DataFrame]:
    ids = pl.Series(list(rejected))
    articles = frames["incoming_articles"]
    bad = articles.filter(pl.col("article_id").is_in(ids.implode()))
    paths = dict(frames["incoming_source_files"].select("file_id", "path").iter_rows())
    rows = [
        {
            "run_id": run_id,
            "file_id": r["file_id"],
            "article_id": r["article_id"],
            "path": paths.get(r["file_id"], ""),
            "reason": rejected[r["article_id"]],
            "detail": "failed an error-severity data-quality check",
            "recorded_at": now,
        }
        for r in bad.iter_rows(named=True)
    ]
    keep = ~pl.col("article_id").is_in(ids.implode())
    return {
        **frames,
        "incoming_articles": articles.filter(keep),
        "incoming_paragraphs": frames["incoming_paragraphs"].filter(keep),
        "incoming_signatures": frames["incoming_signatures"].filter(keep),
        "incoming_quarantine": pl.concat(
            [frames["incoming_quarantine"], pl.DataFrame(rows, schema=QUARANTINE)]
        ),
    }
