"""The ingest flow: discover → extract → check → load → link actors → refresh views.

Each stage is one Prefect task per batch of files (never per article): a task run costs
tens of milliseconds of engine time, so batching keeps a 20,000-file backfill fast.
Extraction runs on local worker processes (one per core by default) or on a Dask cluster;
checking and loading stay in the flow's process, the warehouse's single writer.
"""

from __future__ import annotations

import gc
import itertools
import sys
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.exceptions import TerminationSignal
from prefect.runtime import deployment as prefect_deployment
from prefect.task_runners import ThreadPoolTaskRunner

from flows.discover import Candidate, Discovery, discover_files
from flows.extraction import (
    ExtractedBatch,
    ExtractionInputs,
    ExtractionJob,
    ExtractionPool,
    InlineJob,
)
from flows.heap import return_free_heap
from flows.interrupts import stop_requested, stop_signals_remembered
from flows.packaged_store import DiskStore
from flows.parcel import Parcel
from flows.progress import BatchProgress
from flows.quality import QualityGate, parse_policy
from flows.runs import COUNTER_LABELS, RunSummary, count_batch, record_run, run_markdown
from flows.settings import Settings
from flows.shaping import CANDIDATES_PER_BUCKET, ShapedBatch, shape_batch
from flows.warehouse import (
    apply_schema,
    connect,
    drop_cached_blocks,
    load_frames,
    memory_limit_within,
    query,
    set_memory_limit,
    unindexed_articles,
)
from transforms.actor_rows import actor_frame, derive_actor_rows
from transforms.curated import CuratedTexts
from transforms.frames import signature_frames
from transforms.incoming import INCOMING
from transforms.knowledge import Knowledge, knowledge_from
from transforms.near_duplicates import SIGNATURE_SCHEME, signature
from transforms.packaged import keep_in
from transforms.site_chrome import SITE_LINES_KEPT, KnownSiteLines

__all__ = ["ingest_flow"]

T = TypeVar("T")

# Articles per derivation (or re-signing) transaction: bounded memory when a registry edit
# re-derives all.
DERIVE_CHUNK_ARTICLES = 2000
# Articles indexed per transaction when an earlier warehouse gets its search index: ~3 s
# and ~250 MB of DuckDB's memory each (the writer's limit); larger chunks keep a word's
# rows in fewer row groups.
INDEX_CHUNK_ARTICLES = 10_000
# Batches extracted ahead of the one being loaded, per worker: enough to keep workers busy
# while the writer loads, few enough that memory stays flat.
BATCHES_AHEAD_PER_WORKER = 2
# Below this a batch's fixed costs (two task runs, a transaction, a GX validation of
# ~0.2 s) dominate.
MIN_PARALLEL_BATCH_FILES = 250


@task(name="prepare warehouse", cache_policy=NO_CACHE)
def prepare_warehouse(con: duckdb.DuckDBPyConnection) -> None:
    apply_schema(con)
    if resigned := resign_stale_signatures(con):
        get_run_logger().info("re-signed %d articles under %s", resigned, SIGNATURE_SCHEME)
    if indexed := index_word_backlog(con):
        get_run_logger().info("added %d earlier articles to the search index", indexed)


def index_word_backlog(con: duckdb.DuckDBPyConnection) -> int:
    """Articles loaded before the search index existed (sql/schema/045_article_words.sql)
    are indexed from their stored paragraphs, a chunk per transaction (a crash keeps the
    rest; the next run goes on from there)."""
    backlog = unindexed_articles(con)
    for _ in range(0, backlog, INDEX_CHUNK_ARTICLES):
        load_frames(con, {}, "index_words", {"chunk": INDEX_CHUNK_ARTICLES})
    return backlog


def resign_stale_signatures(con: duckdb.DuckDBPyConnection) -> int:
    """Signatures made under an older scheme are not comparable with new ones: they are
    made again from the stored bodies, a chunk per transaction (a crash keeps the rest)."""
    stale = query(con, "queries/stale_signatures", {"scheme": SIGNATURE_SCHEME})["article_id"]
    for start in range(0, stale.len(), DERIVE_CHUNK_ARTICLES):
        chunk = pl.DataFrame({"article_id": stale.slice(start, DERIVE_CHUNK_ARTICLES)})
        bodies = query(con, "queries/article_bodies", frames={"chunk_articles": chunk})
        signatures, bands = signature_frames(
            bodies["article_id"].to_list(), [signature(body) for body in bodies["body"]]
        )
        frames = {"incoming_signatures": signatures, "incoming_bands": bands}
        load_frames(con, frames, "resign", {"per_bucket": CANDIDATES_PER_BUCKET})
    return stale.len()


@task(name="discover new files", cache_policy=NO_CACHE)
def discover(settings: Settings, con: duckdb.DuckDBPyConnection) -> Discovery:
    known = query(con, "queries/known_paths")
    sizes = {
        row["path"]: (row["size_bytes"], row["mtime_ns"]) for row in known.iter_rows(named=True)
    }
    found = discover_files(settings.seeds_dir, sizes, leave_out=settings.state_dirs())
    logger = get_run_logger()
    for path, why in found.skipped:
        logger.warning("not reading %s: %s", path, why)
    skipped = pl.DataFrame(
        [(path, why, datetime.now(UTC)) for path, why in found.skipped],
        schema=INCOMING["incoming_skipped_paths"],
        orient="row",
    )
    load_frames(con, {"incoming_skipped_paths": skipped}, "skipped")
    return found


@task(name="extract articles", cache_policy=NO_CACHE)
def extract(job: Parcel[ExtractionJob]) -> Parcel[ExtractedBatch]:
    """Extract a batch here, or collect it from the worker process that extracted it."""
    extracted = job.value.result()
    logger = get_run_logger()
    for warning in extracted.warnings:
        logger.warning("%s", warning)
    return Parcel(extracted)


@task(name="check and shape batch", cache_policy=NO_CACHE)
def check(
    con: duckdb.DuckDBPyConnection,
    batch: Parcel[ExtractedBatch],
    gate: QualityGate,
    knowledge: Knowledge,
    run_id: str,
) -> ShapedBatch:
    return shape_batch(con, batch.value, gate, knowledge.outlets, run_id, datetime.now(UTC))


@task(name="load batch", cache_policy=NO_CACHE)
def load(con: duckdb.DuckDBPyConnection, frames: Parcel[dict[str, pl.DataFrame]]) -> None:
    params = {
        "now": datetime.now(UTC),
        "per_bucket": CANDIDATES_PER_BUCKET,
        "site_lines_kept": SITE_LINES_KEPT,
    }
    load_frames(con, frames.value, "load", params)
    loaded = frames.value
    get_run_logger().info(
        "loaded %d new files: %d articles, %d quarantined rows",
        loaded["incoming_source_files"].height,
        loaded["incoming_articles"].height,
        loaded["incoming_quarantine"].height,
    )


@task(name="link actors and quotes", cache_policy=NO_CACHE)
def link_actors(con: duckdb.DuckDBPyConnection, knowledge: Knowledge) -> int:
    """Derive mentions, quotes and unresolved names for every article not yet derived with
    the current registry and recognition rules (an edit to either re-derives all of them
    from stored paragraphs)."""
    registry, version = knowledge.actors, knowledge.derivation_version
    load_frames(
        con,
        {"incoming_actors": actor_frame(registry)},
        "derive_reset",
        {"version": version},
    )
    pending = query(con, "queries/articles_to_derive")["article_id"]
    # The gazetteer loads (~1.5 s) only when there is something to derive.
    recogniser = knowledge.recogniser if pending.len() else None
    now = datetime.now(UTC)
    for start in range(0, pending.len(), DERIVE_CHUNK_ARTICLES):
        chunk = pl.DataFrame({"article_id": pending.slice(start, DERIVE_CHUNK_ARTICLES)})
        paragraphs = query(con, "queries/paragraphs_of_articles", frames={"chunk_articles": chunk})
        frames = derive_actor_rows(paragraphs, registry, recogniser)
        frames["incoming_derived"] = chunk.with_columns(
            registry_version=pl.lit(version), derived_at=pl.lit(now)
        )
        load_frames(con, frames, "derive")
    if pending.len():
        load_frames(con, {}, "co_mentions")
    return pending.len()


@task(name="build data docs", cache_policy=NO_CACHE)
def build_data_docs(gate: QualityGate) -> Path | None:
    if index := gate.build_docs():
        get_run_logger().info("data docs: %s", index)
    return index


@task(name="refresh views", cache_policy=NO_CACHE)
def refresh_views(con: duckdb.DuckDBPyConnection) -> None:
    apply_schema(con)


@flow(name="ingest", log_prints=False)
def ingest_flow(
    seeds_dir: str | None = None, warehouse: str | None = None, workers: int | None = None
) -> dict[str, Any]:
    """Pick up new or changed files under the seeds folder and load them into the warehouse.

    workers: extraction processes (default: $NEWSDESK_WORKERS, else one per core).
    """
    settings = Settings.from_env(seeds_dir, warehouse)
    workers = workers or settings.workers
    summary = RunSummary(run_id=uuid.uuid4().hex)
    started_at = datetime.now(UTC)
    keep_in(DiskStore(settings.packaged_dir))  # for this process's recognition
    # Read once: every batch and the final linking read with the same curated files.
    curated = settings.curated_texts()
    knowledge = knowledge_from(curated)
    gate = QualityGate(
        settings.data_docs_dir,
        parse_policy(settings.curated.quality_policy.read_bytes(), knowledge.boilerplate),
    )
    docs: Path | None = None
    with (
        # A stop signal that lands inside a DuckDB query comes back as DuckDB's own error;
        # remembered, the run below still records itself as interrupted, not failed.
        stop_signals_remembered(),
        connect(
            settings.warehouse,
            timeout_s=settings.lock_timeout_s,
            memory_limit=settings.duckdb_memory,
            # With extraction workers on every core, a second DuckDB thread only contends
            # with them: one thread cut the writer's CPU by ~18 % on a 20,000-file backfill.
            threads=1 if workers > 1 else None,
        ) as con,
    ):
        prepare_warehouse(con)
        try:
            found = discover(settings, con)
            summary.counts.update(
                files_seen=found.n_seen + len(found.skipped),
                files_skipped=found.n_unchanged,
                files_not_read=len(found.skipped),
            )
            # Every loaded content's id, so a renamed copy is not extracted again; a run with
            # nothing to read does not need them.
            inputs = _extraction_inputs(con, settings, curated, bool(found.candidates))
            n_candidates = len(found.candidates)
            size = _batch_size(n_candidates, settings.batch_files, workers)
            batches = deque(_chunks(found.candidates, size))
            # Each batch's candidates (~200 bytes a file) go once it is handed on, not all
            # at the run's end: in a backfill their memory serves the later batches.
            found.candidates.clear()
            # What is alive now (Prefect, the registry) lives through the run: out of the
            # collector's view, as _settle does once the quality gate is built too. One full
            # collection walking it took 0.27 s in an 88-page run.
            gc.freeze()
            with (
                BatchProgress(n_candidates, enabled=sys.stderr.isatty()) as progress,
                memory_limit_within(con, settings.batch_duckdb_memory, settings.duckdb_memory),
            ):
                for extracted in _extracted_in_order(
                    batches, inputs, workers, lambda: _settle(gate)
                ):
                    shaped = check(con, Parcel(extracted), gate, knowledge, summary.run_id)
                    load(con, Parcel(shaped.frames))
                    count_batch(summary, shaped.n_known, shaped.frames, shaped.dq, shaped.n_copies)
                    progress.advance(
                        len(extracted.files) + len(extracted.known),
                        shaped.frames["incoming_articles"].height,
                    )
                    # The batch is let go and its memory handed back before the next one:
                    # what the writer keeps otherwise grows through a long backfill.
                    del extracted, shaped
                    drop_cached_blocks(con, settings.batch_duckdb_memory)
                    return_free_heap()
            summary.counts["articles_linked"] = link_actors(con, knowledge)
            refresh_views(con)
            docs = build_data_docs(gate)
        except (KeyboardInterrupt, SystemExit, TerminationSignal) as exc:
            # Ctrl-C or SIGTERM (Prefect's engine turns it into TerminationSignal): what
            # was committed stays, and the run says it was stopped.
            summary.status = "interrupted"
            summary.error = stop_requested() or (
                "SIGTERM" if isinstance(exc, TerminationSignal) else type(exc).__name__
            )
            raise
        except Exception as exc:
            if signal_name := stop_requested():
                # A signal that landed inside a DuckDB query comes back as DuckDB's own
                # error: the run was still stopped, not broken.
                summary.status, summary.error = "interrupted", signal_name
                raise KeyboardInterrupt from exc
            summary.status, summary.error = "failed", f"{type(exc).__name__}: {exc}"
            raise
        finally:
            gc.unfreeze()
            # A stop signal that lands in drop_cached_blocks after it lowered the limit,
            # before its own restore ran, would leave the record below at the floor.
            set_memory_limit(con, settings.duckdb_memory)
            record_run(con, summary, started_at)
    _report(summary, docs)
    return summary.as_dict()


def _report(summary: RunSummary, docs: Path | None) -> None:
    """The run's counts in its log and as a Markdown artifact (both in the Prefect UI); a
    deployment's run also prints one line, which `newsdesk serve` shows."""
    counts = ", ".join(
        f"{summary.counts[name]:,} {label}" for name, label in COUNTER_LABELS.items()
    )
    get_run_logger().info("run %s %s: %s", summary.run_id[:12], summary.status, counts)
    create_markdown_artifact(
        key="ingest-run",
        markdown=run_markdown(summary, docs),
        description=f"newsdesk ingest run {summary.run_id[:12]}",
    )
    if prefect_deployment.get_id():
        new, articles = summary.counts["files_new"], summary.counts["articles_loaded"]
        print(
            f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC run {summary.run_id[:12]} "
            f"{summary.status}: {new:,} new files, {articles:,} articles",
            flush=True,
        )


def _settle(gate: QualityGate) -> None:
    """Build the quality gate, then take what is alive (Prefect, Great Expectations, the
    registry: ~500,000 objects) out of the garbage collector's view until the run ends.
    Each batch leaves objects that trigger full collections, and every one walked them all
    again: the flow's process spent 6.0 s collecting on a 20,000-file backfill, 3.4 s now."""
    gate.prepare()
    gc.freeze()


def _extraction_inputs(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    curated: CuratedTexts,
    has_candidates: bool,
) -> ExtractionInputs:
    """What every batch is extracted with. Every loaded content's id, so a renamed copy is
    not extracted again, and the sites' short lines seen before; a run with nothing to
    read needs neither."""
    if not has_candidates:
        return ExtractionInputs(frozenset(), settings.max_file_bytes, curated)
    known_ids = frozenset(query(con, "queries/known_file_ids")["file_id"].to_list())
    lines = query(con, "queries/known_site_lines")
    site_lines = KnownSiteLines.of(lines["line_key"].to_numpy(), lines["files"].to_numpy())
    return ExtractionInputs(
        known_ids, settings.max_file_bytes, curated, site_lines, settings.packaged_dir
    )


def _extracted_in_order(
    batches: deque[Sequence[Candidate]],
    inputs: ExtractionInputs,
    workers: int,
    while_workers_start: Callable[[], object],
) -> Iterator[ExtractedBatch]:
    """Extracted batches in file order, a bounded number ahead of the one being loaded.

    On a distributed task runner (Dask) the extract tasks themselves run on its workers.
    Otherwise, with more than one worker, a pool of local processes extracts while this
    process checks and loads; with one, extraction runs in the flow's own thread (a second
    thread would only contend for the interpreter lock with checking and loading).
    """

    def inline(batch: Sequence[Candidate]) -> InlineJob:
        return InlineJob(batch, inputs)

    window = max(1, workers) * BATCHES_AHEAD_PER_WORKER
    if _tasks_run_elsewhere():
        submitted = (extract.submit(Parcel(inline(b))) for b in _taken(batches))
        yield from _windowed(submitted, window, lambda future: future.result())
    elif workers > 1 and len(batches) > 1:
        with ExtractionPool(workers, inputs) as pool:
            jobs = (pool.submit(b) for b in _taken(batches))
            # While the workers start and extract the first batches, this process would
            # only wait: it prepares the quality gate meanwhile.
            yield from _windowed(
                jobs, window, lambda job: extract(Parcel(job)), while_workers_start
            )
    else:
        for batch in _taken(batches):
            yield extract(Parcel(inline(batch))).value


def _taken(batches: deque[T]) -> Iterator[T]:
    """Each batch once, out of the queue as it is handed on."""
    while batches:
        yield batches.popleft()


def _windowed(
    started: Iterator[T],
    window: int,
    collect: Callable[[T], Parcel[ExtractedBatch]],
    before_first_wait: Callable[[], object] = lambda: None,
) -> Iterator[ExtractedBatch]:
    """Keep `window` extractions started ahead of the one collected; collect in order."""
    pending: deque[T] = deque(itertools.islice(started, window + 1))
    before_first_wait()
    while pending:
        yield collect(pending.popleft()).value
        pending.extend(itertools.islice(started, 1))


def _tasks_run_elsewhere() -> bool:
    context = FlowRunContext.get()
    return context is not None and not isinstance(context.task_runner, ThreadPoolTaskRunner)


def _batch_size(n_files: int, configured: int, workers: int) -> int:
    """Several batches per worker, so that workers and the writer overlap, never tiny, and
    never over the configured size (the batches in flight are what memory holds)."""
    if workers <= 1:
        return configured
    per_batch = -(-n_files // (workers * BATCHES_AHEAD_PER_WORKER * 2))
    return min(configured, max(MIN_PARALLEL_BATCH_FILES, per_batch))


def _chunks(items: Sequence[Candidate], size: int) -> Iterator[Sequence[Candidate]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
