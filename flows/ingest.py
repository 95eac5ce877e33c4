"""The ingest flow: discover → extract → check → load → link actors → refresh views.

Each stage is one Prefect task per batch of files (never per article): a task run costs
tens of milliseconds of engine time, so batching keeps a 20,000-file backfill fast.
Extraction may run on several workers (threads by default, processes with a Dask task
runner); checking and loading stay in the flow's process, the warehouse's single writer.
"""

from __future__ import annotations

import sys
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import duckdb
import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from flows.discover import Candidate, Discovery, discover_files
from flows.parcel import Parcel
from flows.quality import QualityGate
from flows.runs import RunSummary, count_batch, record_run
from flows.shaping import ExtractedBatch, LazyGate, ShapedBatch, shape_batch
from flows.sources import Skipped, read_and_extract
from newsdesk.config import Settings
from newsdesk.progress import BatchProgress
from newsdesk.warehouse import apply_schema, connect, load_frames, query
from transforms.actor_rows import actor_frame, derive_actor_rows
from transforms.actors import load_actor_registry
from transforms.derived import derive_for_files
from transforms.records import SourceFile

__all__ = ["ingest_flow"]

# Articles per derivation transaction: bounded memory when a registry edit re-derives all.
DERIVE_CHUNK_ARTICLES = 2000
# Batches extracted ahead of the one being loaded, per worker: enough to keep workers busy
# while the writer loads, few enough that memory stays flat.
BATCHES_AHEAD_PER_WORKER = 2
# Below this a batch's fixed costs (a task run, a transaction, a GX validation) dominate.
MIN_PARALLEL_BATCH_FILES = 100


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
    logger = get_run_logger()
    for link in found.skipped_links:
        logger.warning("not following %s: it leads outside the seeds folder", link)
    for path in found.skipped_hard_links:
        logger.warning("not reading %s: it has other hard links, maybe outside the folder", path)
    return found


@task(name="extract articles", cache_policy=NO_CACHE)
def extract(
    batch_parcel: Parcel[Sequence[Candidate]],
    known_parcel: Parcel[frozenset[str]],
    max_bytes: int,
    registry_yaml: bytes | None,
) -> Parcel[ExtractedBatch]:
    batch, known_file_ids = batch_parcel.value, known_parcel.value
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
    # Signatures and actor rows are pure per-article work: done here, on the workers.
    extracted.derived = derive_for_files(extracted.files, load_actor_registry(registry_yaml))
    return Parcel(extracted)


@task(name="check and shape batch", cache_policy=NO_CACHE)
def check(
    con: duckdb.DuckDBPyConnection, batch: Parcel[ExtractedBatch], gate: LazyGate, run_id: str
) -> ShapedBatch:
    return shape_batch(con, batch.value, gate, run_id, datetime.now(UTC))


@task(name="load batch", cache_policy=NO_CACHE)
def load(con: duckdb.DuckDBPyConnection, frames: Parcel[dict[str, pl.DataFrame]]) -> None:
    load_frames(con, frames.value, "load", {"now": datetime.now(UTC)})


@task(name="link actors and quotes", cache_policy=NO_CACHE)
def link_actors(con: duckdb.DuckDBPyConnection, registry_yaml: bytes | None) -> int:
    """Derive mentions, quotes and unresolved names for every article not yet derived with
    the current registry (a registry edit re-derives all of them from stored paragraphs)."""
    registry = load_actor_registry(registry_yaml)
    load_frames(
        con,
        {"incoming_actors": actor_frame(registry)},
        "derive_reset",
        {"version": registry.version},
    )
    pending = query(con, "queries/articles_to_derive")["article_id"]
    now = datetime.now(UTC)
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
    get_run_logger().info("data docs: %s", gate.build_docs())


@task(name="refresh views", cache_policy=NO_CACHE)
def refresh_views(con: duckdb.DuckDBPyConnection) -> None:
    apply_schema(con)


@flow(name="ingest", log_prints=False)
def ingest_flow(
    seeds_dir: str | None = None, warehouse: str | None = None, workers: int = 1
) -> dict[str, Any]:
    """Pick up new or changed files under the seeds folder and load them into the warehouse."""
    settings = Settings.from_env(seeds_dir, warehouse)
    summary = RunSummary(run_id=uuid.uuid4().hex)
    started_at = datetime.now(UTC)
    gate = LazyGate(settings.data_docs_dir)
    # Read once: every batch and the final linking derive with the same registry version.
    registry_yaml = settings.actor_registry_yaml()
    with connect(settings.warehouse, timeout_s=settings.lock_timeout_s) as con:
        prepare_warehouse(con)
        try:
            found = discover(settings, con)
            summary.counts.update(files_seen=found.n_seen, files_skipped=found.n_unchanged)
            known_ids = frozenset(query(con, "queries/known_file_ids")["file_id"].to_list())
            size = _batch_size(len(found.candidates), settings.batch_files, workers)
            batches = list(_chunks(found.candidates, size))
            with BatchProgress(len(found.candidates), enabled=sys.stderr.isatty()) as progress:
                for extracted in _extracted_in_order(
                    batches, known_ids, settings, registry_yaml, workers
                ):
                    shaped = check(con, Parcel(extracted), gate, summary.run_id)
                    load(con, Parcel(shaped.frames))
                    count_batch(summary, shaped.n_known, shaped.frames, shaped.dq)
                    progress.advance(
                        len(extracted.files) + len(extracted.known),
                        shaped.frames["incoming_articles"].height,
                    )
            summary.counts["articles_linked"] = link_actors(con, registry_yaml)
            refresh_views(con)
            if gate.gate is not None:
                build_data_docs(gate.gate)
        except Exception as exc:
            summary.status, summary.error = "failed", f"{type(exc).__name__}: {exc}"
            raise
        finally:
            record_run(con, summary, started_at)
    get_run_logger().info("run %s: %s", summary.run_id, dict(summary.counts))
    return summary.as_dict()


def _extracted_in_order(
    batches: list[Sequence[Candidate]],
    known_ids: frozenset[str],
    settings: Settings,
    registry_yaml: bytes | None,
    workers: int,
) -> Iterator[ExtractedBatch]:
    """Extract batches on the flow's task runner, a bounded number ahead, in file order.

    With one worker, extraction runs in the flow's own thread: a second thread would only
    contend for the interpreter lock with checking and loading.
    """
    if workers <= 1:
        for batch in batches:
            yield extract(
                Parcel(batch),
                Parcel(known_ids),
                settings.max_file_bytes,
                registry_yaml,
            ).value
        return
    pending: deque[PrefectFuture[Parcel[ExtractedBatch]]] = deque()
    queue = iter(batches)
    window = max(1, workers) * BATCHES_AHEAD_PER_WORKER

    def submit_next() -> None:
        batch = next(queue, None)
        if batch is not None:
            pending.append(
                extract.submit(
                    Parcel(batch),
                    Parcel(known_ids),
                    settings.max_file_bytes,
                    registry_yaml,
                )
            )

    for _ in range(window):
        submit_next()
    while pending:
        extracted = pending.popleft().result()
        submit_next()
        yield extracted.value


def _batch_size(n_files: int, configured: int, workers: int) -> int:
    """Several batches per worker, so that workers and the writer overlap, never tiny."""
    if workers <= 1:
        return configured
    per_batch = -(-n_files // (workers * BATCHES_AHEAD_PER_WORKER * 2))
    return min(configured, max(MIN_PARALLEL_BATCH_FILES, per_batch))


def _chunks(items: Sequence[Candidate], size: int) -> Iterator[Sequence[Candidate]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
