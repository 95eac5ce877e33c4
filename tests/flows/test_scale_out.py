"""Extraction on worker processes or a Dask cluster, and Parquet export for engines beyond one machine."""

from __future__ import annotations

import gc
from pathlib import Path

import duckdb
import pytest

from bench.corpus import write_corpus
from flows.ingest import ingest_flow
from flows.runners import dask_runner
from newsdesk.export import export_parquet
from tests.conftest import table_checksums

pytestmark = pytest.mark.usefixtures("prefect_api")


def test_worker_processes_and_a_dask_cluster_give_the_one_worker_warehouse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 600, seed=3)
    # Equal batches on every path (near-duplicate clusters are linked batch by batch):
    # 600 files on 2 workers are batches of 250, so the one-worker run uses 250 too.
    monkeypatch.setenv("NEWSDESK_BATCH_FILES", "250")
    one, pool, dask = (tmp_path / f"{name}.duckdb" for name in ("one", "pool", "dask"))
    ingest_flow(str(corpus), str(one), workers=1)
    freezes = []
    freeze = gc.freeze

    def counted_freeze() -> None:
        freezes.append(1)
        freeze()

    monkeypatch.setattr(gc, "freeze", counted_freeze)
    summary = ingest_flow(str(corpus), str(pool), workers=2)  # several batches in flight
    assert summary["files_new"] > 500
    # Long-lived objects leave the collector's view for the batches only: a serving
    # process does not keep one run's objects out of it for good.
    assert freezes and gc.get_freeze_count() == 0
    assert table_checksums(pool) == table_checksums(one)

    ingest_flow.with_options(task_runner=dask_runner(2))(str(corpus), str(dask), workers=2)
    assert table_checksums(dask) == table_checksums(one)


def test_parquet_export_partitions_by_coverage_date(seeds_warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    counts = export_parquet(seeds_warehouse, out)
    assert counts["articles"] == 11 and counts["paragraphs"] == 139
    assert (out / "articles" / "coverage_date=2025-08-16").is_dir()
    again = export_parquet(seeds_warehouse, out)  # re-export replaces, never appends
    assert again == counts
    rows = duckdb.sql(
        f"SELECT coverage_date::VARCHAR, count(*) FROM read_parquet('{out}/articles/**/*.parquet', "
        "hive_partitioning = true) GROUP BY 1"
    ).fetchall()
    assert rows == [("2025-08-16", 11)]
