"""The ingest flow: discover → extract → check → load → refresh views → record the run.

Each stage is one Prefect task per batch of files (never per article): a task run costs
tens of milliseconds of engine time, so batching keeps a 20,000-file backfill fast.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.discover import Candidate, Discovery, discover_files
from flows.quality import DQ_RESULTS, QualityGate
from flows.sources import Skipped, read_and_extract
from newsdesk.config import Settings
from newsdesk.warehouse import apply_schema, connect, load_frames, query, run_sql
from transforms.actor_rows import actor_frame, derive_actor_rows
from transforms.actors import load_actor_registry
from transforms.frames import QUARANTINE, batch_frames, outlet_frame
from transforms.ledger import decide_batch
from transforms.near_duplicates import Candidate as NearCandidate
from transforms.near_duplicates import cluster_stories, link_near_duplicates, signature
from transforms.outlets import load_outlets
from transforms.records import SourceFile

__all__ = ["RunSummary", "ingest_flow"]


# Articles per derivation transaction: bounded memory when a registry edit re-derives all.
DERIVE_CHUNK_ARTICLES = 2000

COUNTERS = (
    "files_seen",
    "files_new",
    "files_skipped",
    "files_superseded",
    "files_duplicate",
    "files_quarantined",
    "articles_loaded",
    "paragraphs_loaded",
    "articles_linked",
)


@dataclass(slots=True)
class RunSummary:
    run_id: str
    status: str = "completed"
    counts: Counter[str] = field(default_factory=Counter)
    outlets_seen: set[str] = field(default_factory=set)
    dq: list[pl.DataFrame] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        counts = {name: self.counts[name] for name in COUNTERS}
        return {"run_id": self.run_id, "status": self.status, **counts}


class _LazyGate:
    """Great Expectations takes seconds to import: only runs with new rows pay for it."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self.gate: QualityGate | None = None

    def get(self) -> QualityGate:
        if self.gate is None:
            self.gate = QualityGate(self.docs_dir)
        return self.gate


@dataclass(slots=True)
class ExtractedBatch:
    files: list[SourceFile]
    known: list[tuple[Candidate, str]]  # unchanged bytes at a new path or mtime


@task(name="prepare warehouse", cache_policy=NO_CACHE)
def prepare_warehouse(con: duckdb.DuckDBPyConnection) -> None:
    apply_schema(con)


@task(name="discover new files", cache_policy=NO_CACHE)
def discover(settings: Settings, con: duckdb.DuckDBPyConnection) -> Discovery:
    known = query(con, "queries/known_paths")
    sizes = {
        row["path"]: (row["size_bytes"], row["mtime_ns"]) for row in known.iter_rows(named=True)
    }
    found = discover_files(settings.seeds_dir, sizes)
    for link in found.skipped_links:
        get_run_logger().warning("not following %s: it leads outside the seeds folder", link)
    for path in found.skipped_hard_links:
        get_run_logger().warning(
            "not reading %s: it has other hard links, which may lie outside the seeds folder",
            path,
        )
    return found


@task(name="extract articles", cache_policy=NO_CACHE)
def extract(
    batch: Sequence[Candidate], known_file_ids: frozenset[str], max_bytes: int
) -> ExtractedBatch:
    extracted = ExtractedBatch([], [])
    logger = get_run_logger()
    seen: set[str] = set()
    for candidate in batch:
        outcome = read_and_extract(candidate, known_file_ids, max_bytes)
        if isinstance(outcome, SourceFile) and outcome.file_id in seen:
            extracted.known.append((candidate, outcome.file_id))  # same bytes, second name
        elif isinstance(outcome, SourceFile):
            seen.add(outcome.file_id)
            extracted.files.append(outcome)
            for note in outcome.notes:
                logger.warning("%s: %s (ignored)", outcome.path, note)
        elif isinstance(outcome, Skipped):
            logger.warning("%s: %s; left for the next run", outcome.path, outcome.reason)
        else:
            extracted.known.append((candidate, outcome))
    return extracted


@task(name="check and shape batch", cache_policy=NO_CACHE)
def check(
    con: duckdb.DuckDBPyConnection,
    batch: ExtractedBatch,
    gate: _LazyGate,
    run_id: str,
    now: datetime,
) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    path_owner = dict(query(con, "queries/path_owners").iter_rows())
    loaded_text = dict(query(con, "queries/loaded_texts").iter_rows())
    decision = decide_batch(batch.files, path_owner, loaded_text)
    known_status = dict(query(con, "queries/known_file_ids").iter_rows())
    reinstated = []
    for candidate, file_id in batch.known:
        previous = path_owner.get(candidate.relative)
        if previous is not None and previous != file_id:
            decision.superseded.add(previous)
        if known_status.get(file_id) == "superseded":
            reinstated.append(file_id)
    decision.superseded -= set(reinstated)

    signatures, links, stories = _near_duplicates(con, batch.files, decision.status)
    frames = batch_frames(batch.files, decision, links, signatures, run_id, now)
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
    frames["incoming_reinstated"] = pl.DataFrame(
        {"file_id": reinstated}, schema={"file_id": pl.String}
    )

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
        outcome = gate.get().validate(
            frames["incoming_articles"], frames["incoming_paragraphs"], run_id, labels
        )
        results = outcome.results
        if outcome.rejected_articles:
            frames = _quarantine_articles(frames, outcome.rejected_articles, run_id, now)
    frames["incoming_outlets"] = outlet_frame(
        load_outlets(), frames["incoming_articles"]["outlet"].drop_nulls().unique().to_list()
    )
    return frames, results


@task(name="load batch", cache_policy=NO_CACHE)
def load(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame], now: datetime) -> None:
    load_frames(con, frames, "load", {"now": now})


@task(name="link actors and quotes", cache_policy=NO_CACHE)
def link_actors(con: duckdb.DuckDBPyConnection, settings: Settings, now: datetime) -> int:
    """Derive mentions, quotes and unresolved names for every article not yet derived with
    the current registry (a registry edit re-derives all of them from stored paragraphs)."""
    registry = load_actor_registry(settings.actor_registry_yaml())
    load_frames(
        con,
        {"incoming_actors": actor_frame(registry)},
        "derive_reset",
        {"version": registry.version},
    )
    pending = query(con, "queries/articles_to_derive")["article_id"]
    for start in range(0, pending.len(), DERIVE_CHUNK_ARTICLES):
        chunk = pl.DataFrame({"article_id": pending.slice(start, DERIVE_CHUNK_ARTICLES)})
        paragraphs = query(con, "queries/paragraphs_of_articles", frames={"chunk_articles": chunk})
        frames = derive_actor_rows(paragraphs, registry)
        frames["incoming_derived"] = chunk.with_columns(
            registry_version=pl.lit(registry.version), derived_at=pl.lit(now)
        )
        load_frames(con, frames, "derive")
    return pending.len()


@task(name="build data docs", cache_policy=NO_CACHE)
def build_data_docs(gate: QualityGate) -> None:
    index = gate.build_docs()
    get_run_logger().info("data docs: %s", index)


@task(name="refresh views", cache_policy=NO_CACHE)
def refresh_views(con: duckdb.DuckDBPyConnection) -> None:
    apply_schema(con)


@flow(name="ingest", log_prints=False)
def ingest_flow(seeds_dir: str | None = None, warehouse: str | None = None) -> dict[str, Any]:
    """Pick up new or changed files under the seeds folder and load them into the warehouse."""
    settings = Settings.from_env(seeds_dir, warehouse)
    logger = get_run_logger()
    summary = RunSummary(run_id=uuid.uuid4().hex)
    started_at = datetime.now(UTC)
    gate = _LazyGate(settings.data_docs_dir)
    with connect(settings.warehouse, timeout_s=settings.lock_timeout_s) as con:
        prepare_warehouse(con)
        try:
            found = discover(settings, con)
            summary.counts.update(files_seen=found.n_seen, files_skipped=found.n_unchanged)
            known_ids = frozenset(query(con, "queries/known_file_ids")["file_id"].to_list())
            for batch in _chunks(found.candidates, settings.batch_files):
                extracted = extract(batch, known_ids, settings.max_file_bytes)
                now = datetime.now(UTC)
                frames, dq = check(con, extracted, gate, summary.run_id, now)
                load(con, frames, now)
                known_ids |= {f.file_id for f in extracted.files}
                _count(summary, extracted, frames, dq)
            summary.counts["articles_linked"] = link_actors(con, settings, datetime.now(UTC))
            refresh_views(con)
            if gate.gate is not None:
                build_data_docs(gate.gate)
        except Exception as exc:
            summary.status, summary.error = "failed", f"{type(exc).__name__}: {exc}"
            raise
        finally:
            _record_run(con, summary, started_at)
    logger.info("run %s: %s", summary.run_id, dict(summary.counts))
    return summary.as_dict()


def _near_duplicates(
    con: duckdb.DuckDBPyConnection, files: list[SourceFile], status: dict[str, str]
) -> tuple[dict[str, list[int]], dict[str, Any], dict[str, str]]:
    from transforms.frames import article_id

    signatures: dict[str, list[int]] = {}
    new: list[NearCandidate] = []
    for source in files:
        if status[source.file_id] != "loaded" or source.extraction is None:
            continue
        for article in source.extraction.articles:
            aid = article_id(source.file_id, article.position)
            minhash = signature(article.body)
            signatures[aid] = minhash.tolist()
            new.append(NearCandidate(aid, article.outlet, minhash))
    outlets = sorted({c.outlet for c in new if c.outlet})
    existing = [
        NearCandidate(row["article_id"], row["outlet"], _as_array(row["minhash"]), row["group"])
        for row in query(con, "queries/outlet_signatures", {"outlets": outlets}).iter_rows(
            named=True
        )
    ]
    links = link_near_duplicates(new, existing)
    stories_existing = [
        NearCandidate(row["article_id"], row["outlet"], _as_array(row["minhash"]), row["group"])
        for row in query(con, "queries/story_signatures").iter_rows(named=True)
    ]
    stories = cluster_stories(new, stories_existing)
    return signatures, links, stories


def _as_array(values: list[int]) -> Any:
    import numpy as np

    return np.asarray(values, dtype=np.uint64)


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


def _count(
    summary: RunSummary, batch: ExtractedBatch, frames: dict[str, pl.DataFrame], dq: pl.DataFrame
) -> None:
    status = Counter(frames["incoming_source_files"]["status"].to_list())
    summary.counts.update(
        files_new=status["loaded"],
        files_quarantined=status["quarantined"],
        files_duplicate=status["duplicate"],
        files_skipped=len(batch.known),
        files_superseded=frames["incoming_superseded"].height,
        articles_loaded=frames["incoming_articles"].height,
        paragraphs_loaded=frames["incoming_paragraphs"].height,
    )
    summary.dq.append(dq)


def _record_run(con: duckdb.DuckDBPyConnection, summary: RunSummary, started_at: datetime) -> None:
    counts = summary.counts
    run = pl.DataFrame(
        [
            {
                "run_id": summary.run_id,
                "flow_run_id": str(flow_run.get_id() or ""),
                "started_at": started_at,
                "finished_at": datetime.now(UTC),
                "status": summary.status,
                "n_files_seen": counts["files_seen"],
                "n_files_new": counts["files_new"],
                "n_files_skipped": counts["files_skipped"],
                "n_files_quarantined": counts["files_quarantined"],
                "n_files_superseded": counts["files_superseded"],
                "n_files_duplicate": counts["files_duplicate"],
                "n_articles_loaded": counts["articles_loaded"],
                "n_paragraphs_loaded": counts["paragraphs_loaded"],
                "error": summary.error,
            }
        ]
    )
    run_sql(con, "queries/insert_run", {"incoming_run": run})
    if summary.dq:
        dq = _merge_checks(pl.concat(summary.dq))
        run_sql(con, "queries/insert_dq_results", {"incoming_dq_results": dq})


def _merge_checks(dq: pl.DataFrame) -> pl.DataFrame:
    """One row per check for the run, however many batches it ran on."""
    return (
        dq.group_by("run_id", "check_name", "table_name", "severity", maintain_order=True)
        .agg(
            pl.col("passed").all(),
            pl.col("n_failed").sum().cast(pl.Int32),
            pl.col("details").drop_nulls().first(),
        )
        .select(list(DQ_RESULTS))
    )


def _chunks(items: Sequence[Candidate], size: int) -> Iterator[Sequence[Candidate]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
