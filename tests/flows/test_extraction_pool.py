"""Extraction on local worker processes: same results as in the flow's process, and a
worker that dies costs time, never files."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from flows.discover import discover_files
from flows.extraction import (
    WORKER_NICENESS,
    ExtractedBatch,
    ExtractionInputs,
    ExtractionPool,
    InlineJob,
)
from tests.conftest import KNOWLEDGE

MAX_BYTES = 10 * 1024 * 1024


def _summary(batch: ExtractedBatch) -> list[tuple[str, list[str | None], int]]:
    return [
        (
            f.file_id,
            [a.title for a in f.extraction.articles] if f.extraction else [],
            batch.derived.actor_frames["incoming_mentions"].height,
        )
        for f in batch.files
    ]


def test_pool_extracts_what_the_flow_process_extracts(seeds_dir: Path) -> None:
    batch = discover_files(seeds_dir, {}).candidates
    inline = InlineJob(batch, ExtractionInputs(frozenset(), MAX_BYTES, KNOWLEDGE.texts)).result()
    with ExtractionPool(2, ExtractionInputs(frozenset(), MAX_BYTES, KNOWLEDGE.texts)) as pool:
        jobs = [pool.submit(batch[:2]), pool.submit(batch[2:])]
        pooled = [job.result() for job in jobs]
    assert len(inline.files) == 5
    assert [f.file_id for b in pooled for f in b.files] == [f.file_id for f in inline.files]
    assert sorted(inline.derived.signatures) == sorted(
        aid for b in pooled for aid in b.derived.signatures
    )
    assert inline.derived.signatures == {
        aid: sig for b in pooled for aid, sig in b.derived.signatures.items()
    }


def test_a_killed_worker_costs_time_not_files(seeds_dir: Path) -> None:
    batch = discover_files(seeds_dir, {}).candidates
    expected = _summary(
        InlineJob(batch, ExtractionInputs(frozenset(), MAX_BYTES, KNOWLEDGE.texts)).result()
    )
    with ExtractionPool(1, ExtractionInputs(frozenset(), MAX_BYTES, KNOWLEDGE.texts)) as pool:
        assert _summary(pool.submit(batch).result()) == expected  # the worker is up
        workers = multiprocessing.active_children()
        assert workers
        for worker in workers:
            worker.kill()
            worker.join()
        # The pool is broken now: the batch is extracted in this process instead.
        assert _summary(pool.submit(batch).result()) == expected


def test_workers_yield_the_cpu_to_the_flow_process(seeds_dir: Path) -> None:
    # The flow's process is the single writer every batch waits for: it gets a core first.
    batch = discover_files(seeds_dir, {}).candidates
    with ExtractionPool(1, ExtractionInputs(frozenset(), MAX_BYTES, KNOWLEDGE.texts)) as pool:
        pool.submit(batch).result()  # the one worker is up and has run its initializer
        workers = multiprocessing.active_children()
        assert workers
        niceness = {os.getpriority(os.PRIO_PROCESS, worker.pid or 0) for worker in workers}
    assert niceness == {os.nice(0) + WORKER_NICENESS}
