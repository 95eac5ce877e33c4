"""`newsdesk export --parquet DIR`: the tables as Parquet, for engines beyond one machine.

Large tables are partitioned by coverage_date (Hive style: coverage_date=2025-08-16/), so
DuckDB over object storage, Spark or Trino read only the days a query asks for. Rows are
streamed in Arrow record batches, never held whole in memory.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.dataset as ds

from flows.sqlfiles import sql_files
from flows.warehouse import connect

__all__ = ["PARTITIONED", "export_parquet"]

PARTITIONED = frozenset({"articles", "paragraphs", "mentions", "quotes"})
_BATCH_ROWS = 100_000


def export_parquet(warehouse: Path, out_dir: Path) -> dict[str, int]:
    """Write one folder per table under out_dir (replacing an earlier export)."""
    counts: dict[str, int] = {}
    with connect(warehouse, read_only=True) as con:
        for path in sql_files("export"):
            table = path.stem
            target = out_dir / table
            if target.exists():
                shutil.rmtree(target)
            reader = con.execute(path.read_text("utf-8")).fetch_record_batch(_BATCH_ROWS)
            ds.write_dataset(
                reader,
                target,
                format="parquet",
                partitioning=["coverage_date"] if table in PARTITIONED else None,
                partitioning_flavor="hive" if table in PARTITIONED else None,
                existing_data_behavior="overwrite_or_ignore",
                max_rows_per_file=1_000_000,
                max_rows_per_group=_BATCH_ROWS,
            )
            # An empty table writes no file at all.
            counts[table] = ds.dataset(target).count_rows() if target.exists() else 0
    return counts
