"""A run's counts, and its rows in ingest_runs and dq_results."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
from prefect.runtime import flow_run

from flows.quality import DQ_RESULTS
from flows.warehouse import load_frames, query
from transforms.incoming import INCOMING

__all__ = ["COUNTERS", "COUNTER_LABELS", "RunSummary", "count_batch", "record_run", "run_markdown"]


# A run's counters, with how the summary, the log and the run's artifact name them.
COUNTER_LABELS = {
    "files_seen": "files seen",
    "files_new": "new files loaded",
    "files_skipped": "unchanged files skipped",
    "files_copies": "copies of content already read",
    "files_superseded": "earlier versions superseded",
    "files_duplicate": "duplicates of loaded pages",
    "files_quarantined": "files quarantined",
    "files_not_read": "paths not read (not pages)",
    "files_dated_by_mtime": "files dated by modification time",
    "articles_loaded": "articles loaded",
    "paragraphs_loaded": "paragraphs loaded",
    "articles_linked": "articles re-linked to actors",
}
COUNTERS = tuple(COUNTER_LABELS)


@dataclass(slots=True)
class RunSummary:
    run_id: str
    status: str = "completed"
    counts: Counter[str] = field(default_factory=Counter)
    dq: list[pl.DataFrame] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        counts = {name: self.counts[name] for name in COUNTERS}
        return {"run_id": self.run_id, "status": self.status, **counts}


def count_batch(
    summary: RunSummary,
    n_known: int,
    frames: dict[str, pl.DataFrame],
    dq: pl.DataFrame,
    n_copies: int = 0,
) -> None:
    """Add a loaded batch to the run's counts. Unchanged files are those seen before at
    their path (touched, or found unchanged by size and time); copies are known bytes under
    another name, so a first run reports no unchanged files."""
    files = frames["incoming_source_files"]
    status = Counter(files["status"].to_list())
    summary.counts.update(
        files_dated_by_mtime=files.filter(pl.col("captured_at_source") == "mtime").height,
        files_new=status["loaded"],
        files_quarantined=status["quarantined"],
        files_duplicate=status["duplicate"],
        files_skipped=n_known - n_copies,
        files_copies=n_copies,
        files_superseded=frames["incoming_superseded"].height,
        articles_loaded=frames["incoming_articles"].height,
        paragraphs_loaded=frames["incoming_paragraphs"].height,
    )
    summary.dq.append(dq)


def record_run(con: duckdb.DuckDBPyConnection, summary: RunSummary, started_at: datetime) -> None:
    counts = summary.counts
    if summary.status != "completed":
        # Stopped anywhere, even between a load and its count: what is in the warehouse.
        loaded = query(con, "queries/run_loaded", {"run_id": summary.run_id}).row(0, named=True)
        for name, n in loaded.items():
            counts[name] = max(counts[name], n)  # (Counter.update would add them)
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
                "n_files_copies": counts["files_copies"],
                "n_files_quarantined": counts["files_quarantined"],
                "n_files_superseded": counts["files_superseded"],
                "n_files_duplicate": counts["files_duplicate"],
                "n_articles_loaded": counts["articles_loaded"],
                "n_paragraphs_loaded": counts["paragraphs_loaded"],
                "n_files_dated_by_mtime": counts["files_dated_by_mtime"],
                "n_files_not_read": counts["files_not_read"],
                "error": summary.error,
            }
        ],
        schema=INCOMING["incoming_run"],
    )
    dq = merge_checks(pl.concat(summary.dq)) if summary.dq else pl.DataFrame(schema=DQ_RESULTS)
    load_frames(con, {"incoming_run": run, "incoming_dq_results": dq}, "record_run")


def merge_checks(dq: pl.DataFrame) -> pl.DataFrame:
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


def run_markdown(summary: RunSummary, docs_index: Path | None) -> str:
    """The run's Prefect artifact: its counts, the checks that failed, where Data Docs are."""
    lines = [
        f"# Ingest run {summary.run_id[:12]}: {summary.status}",
        "",
        "| | |",
        "|---|---:|",
        *(f"| {label} | {summary.counts[name]:,} |" for name, label in COUNTER_LABELS.items()),
    ]
    if summary.error:
        lines += ["", f"**Error**: `{summary.error}`"]
    failed = (
        merge_checks(pl.concat(summary.dq)).filter(~pl.col("passed"))
        if summary.dq
        else pl.DataFrame(schema=DQ_RESULTS)
    )
    lines += ["", "## Failed data-quality checks", ""]
    if failed.is_empty():
        lines.append("none")
    else:
        lines += ["| check | severity | rows | e.g. |", "|---|---|---:|---|"]
        lines += [
            f"| {r['check_name']} | {r['severity']} | {r['n_failed']:,} | {r['details'] or ''} |"
            for r in failed.iter_rows(named=True)
        ]
    if docs_index is not None:
        lines += ["", f"Data Docs: [{docs_index}]({docs_index.as_uri()})"]
    return "\n".join(lines) + "\n"
