"""The pipeline benchmark: a synthetic corpus through whole ingest runs.

Run by `make bench`. In one run, on this machine:

- floor: read + sha256 + decode of the same files (median of --repeat runs);
- backfills of --small and --large files into fresh warehouses with 2 worker processes (the
  default on this 2-core machine), each the median of --repeat runs, and of the small corpus
  with 1 worker (one run): files/s, peak RSS (the highest of the runs), time inside
  data-quality checks;
- the fixed start of a flow (a run over an empty folder, in a fresh process);
- a run that finds no new files, and one that finds 10 new files, on the large warehouse
  (medians of --repeat runs);
- every coverage view's latency on the large warehouse (median of 5).

Each ingest runs in its own process (bench/child.py), as a scheduled run would.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

from bench.corpus import write_corpus
from bench.report import machine_line, write_section
from bench.runs import floor_seconds, ingest_in_child

VIEWS = ("coverage_by_outlet", "coverage_by_actor", "coverage_by_date", "coverage_daily")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=int(os.environ.get("BENCH_SMALL", 5000)))
    parser.add_argument("--large", type=int, default=int(os.environ.get("BENCH_LARGE", 20000)))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    try:
        figures = _measure(work, args.small, args.large, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    body = _render(figures, args)
    write_section("pipeline", body)
    print(body)


def _backfill(seeds: Path, folder: Path, workers: int, repeat: int) -> dict[str, Any]:
    """`repeat` backfills into fresh warehouses: the median run's time and data-quality
    share, the highest peak RSS of them all; the median run's warehouse is kept."""
    runs = []
    for i in range(repeat):
        warehouse = folder / f"run{i}" / "w.duckdb"
        runs.append({**ingest_in_child(seeds, warehouse, workers), "warehouse": str(warehouse)})
    runs.sort(key=lambda run: run["seconds"])
    median = runs[len(runs) // 2]
    for run in runs:
        if run is not median:
            shutil.rmtree(Path(run["warehouse"]).parent)
    return {
        **median,
        "all_seconds": [run["seconds"] for run in runs],
        "peak_rss_mb": max(run["peak_rss_mb"] for run in runs),
        "children_peak_rss_mb": max(run["children_peak_rss_mb"] for run in runs),
    }


def _measure(work: Path, small: int, large: int, repeat: int) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    small_dir, large_dir = work / "small", work / "large"
    start = time.perf_counter()
    small_files = [p for p in write_corpus(small_dir, small, seed=5)]
    large_files = [p for p in write_corpus(large_dir, large, seed=6)]
    figures["corpus_s"] = time.perf_counter() - start
    figures["large_mb"] = sum(p.stat().st_size for p in large_files) / 1e6
    figures["floor_small_s"] = statistics.median(floor_seconds(small_files) for _ in range(repeat))
    figures["floor_large_s"] = statistics.median(floor_seconds(large_files) for _ in range(repeat))

    empty = work / "empty"
    empty.mkdir()
    ingest_in_child(empty, work / "warm-up" / "w.duckdb")
    figures["fixed"] = statistics.median(
        ingest_in_child(empty, work / f"fixed{i}" / "w.duckdb")["seconds"] for i in range(repeat)
    )
    # One run: the 1-worker figure is for comparison only, and three would add ~100 s.
    figures["small_1w"] = _backfill(small_dir, work / "s1", 1, 1)
    figures["small_2w"] = _backfill(small_dir, work / "s2", 2, repeat)
    figures["large_2w"] = _backfill(large_dir, work / "l2", 2, repeat)
    large_warehouse = Path(figures["large_2w"]["warehouse"])
    figures["no_new"] = statistics.median(
        ingest_in_child(large_dir, large_warehouse)["seconds"] for _ in range(repeat)
    )
    ten_new = []
    for i in range(repeat):
        batch = work / "large" / f"new{i}"
        write_corpus(batch, 10, seed=100 + i)
        ten_new.append(ingest_in_child(large_dir, large_warehouse)["seconds"])
    figures["ten_new"] = statistics.median(ten_new)
    figures["views_ms"] = _view_latency(large_warehouse)
    return figures


def _view_latency(warehouse: Path) -> dict[str, float]:
    latency = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for view in VIEWS:
            times = []
            for _ in range(5):
                start = time.perf_counter()
                con.execute(f"SELECT * FROM {view}").fetchall()
                times.append(time.perf_counter() - start)
            latency[view] = 1000 * statistics.median(times)
    return latency


def _render(f: dict[str, Any], args: argparse.Namespace) -> str:
    def rate(files: int, seconds: float) -> float:
        return files / seconds

    small_floor = rate(args.small, f["floor_small_s"])
    large_floor = rate(args.large, f["floor_large_s"])
    rows = []
    for label, key, files, floor in (
        (f"backfill {args.small:,} files, 1 worker", "small_1w", args.small, small_floor),
        (f"backfill {args.small:,} files, 2 workers", "small_2w", args.small, small_floor),
        (f"backfill {args.large:,} files, 2 workers", "large_2w", args.large, large_floor),
    ):
        run = f[key]
        speed = rate(files, run["seconds"])
        rows.append(
            f"| {label} | {run['seconds']:.1f} "
            f"({', '.join(f'{seconds:.1f}' for seconds in run['all_seconds'])}) "
            f"| {speed:.0f} | {speed / floor:.3f} | "
            f"{run['peak_rss_mb']:.0f} / {run['children_peak_rss_mb']:.0f} | "
            f"{100 * run['dq_seconds'] / run['seconds']:.1f}% |"
        )
    large, small = f["large_2w"], f["small_2w"]
    rss_growth = large["peak_rss_mb"] / small["peak_rss_mb"] - 1
    views = ", ".join(f"`{v}` {ms:.0f} ms" for v, ms in f["views_ms"].items())
    lines = [
        "## Pipeline — synthetic corpus in the seed formats",
        "",
        f"Machine: {machine_line()}. Command: `make bench` (`python -m bench.pipeline`).",
        f"Corpus: `bench/corpus.py` ({args.large:,} files, {f['large_mb']:.0f} MB for the large "
        "run): seed pages with other outlets, times, block orders, paragraph subsets, "
        "encodings and line ends; 1% bad files, 5% near-duplicates, 30% with sidecars.",
        "",
        f"Floor (read + sha256 + decode, median of {args.repeat}): {small_floor:.0f} files/s "
        f"({args.small:,} files), {large_floor:.0f} files/s ({args.large:,} files).",
        "",
        f"Backfills with 2 workers are medians of {args.repeat} runs into fresh warehouses "
        "(all runs' seconds in brackets; the 1-worker one is a single run); peak RSS is the "
        "highest of those runs.",
        "",
        "| run | seconds | files/s | × floor | peak RSS MB (flow / largest worker) "
        "| in data-quality checks |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        f"- {args.large:,}-file backfill, 2 workers: {rate(args.large, large['seconds']):.0f} "
        f"files/s = {rate(args.large, large['seconds']) / large_floor:.3f}× the floor "
        "(target: ≥ 250 files/s on this machine); data-quality checks "
        f"{100 * large['dq_seconds'] / large['seconds']:.1f}% of it (target ≤ 15%).",
        f"- Fixed start of a flow (empty folder, fresh process, median): {f['fixed']:.1f} s.",
        "- Files/s are end to end: the run's process starts, Prefect, extraction, "
        "Great Expectations, load, actor linking and Data Docs.",
        f"- No new files over the {args.large:,}-file warehouse: {f['no_new']:.1f} s "
        f"= fixed start {f['no_new'] - f['fixed']:+.1f} s (target: ≤ +2 s).",
        f"- 10 new files: {f['ten_new']:.1f} s = {f['ten_new'] / f['no_new']:.2f}× the "
        "no-new-files run (target ≤ 1.5×).",
        f"- Peak RSS of the flow's process, 2 workers: {large['peak_rss_mb']:.0f} MB for "
        f"{args.large:,} files vs {small['peak_rss_mb']:.0f} MB for {args.small:,}: "
        f"{100 * rss_growth:+.0f}% (target: within 20%, ≤ 1.5 GB). Each worker process peaks "
        f"at {large['children_peak_rss_mb']:.0f} MB.",
        f"- Coverage views on the {args.large:,}-file warehouse (median of 5): {views} "
        "(target ≤ 250 ms each).",
        f"- Warehouse size: {large['warehouse_mb']:.0f} MB.",
        "- Absolute seconds and files/s are this machine's; the × floor column carries across.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
