"""The scale series: how cost grows from 5,000 to 100,000 files.

Run by `make bench`. For each size (BENCH_SCALE, default 5000,20000, then BENCH_XL, default
100000), one backfill of bench/corpus.py into a fresh warehouse with 2 workers, then on that
warehouse:

- files/s and its ratio to the floor (read + sha256 + decode of the same files), and files/s
  past a run's fixed cost (the backfill's time less that of a run with no new files);
- peak RSS of the flow's process and of its largest worker; warehouse MB per article;
- a run that finds no new files and one that finds 10 new files (medians of 3);
- the latency of every view (`SELECT *`, fetched whole into Arrow) and of every query the
  report and the app run (the app's for five states of its filters: everything, a word
  searched, two words searched (one of them "said", in most paragraphs of news), one actor,
  by outlet; each query at the slowest of them), median of 5.

The series goes into BENCHMARKS.md as a table and a chart (docs/benchmarks/scale.png).

    python -m bench.scale [--sizes 5000,20000,100000]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import altair as alt
import duckdb
import polars as pl
import vl_convert

import newsdesk.explore as explore
import newsdesk.report as report
from bench.corpus import write_corpus
from bench.report import machine_line, write_section
from bench.runs import ROOT, floor_seconds, ingest_in_child
from flows.warehouse import connect
from newsdesk.api import INTERNAL
from newsdesk.app_views import default_period

CHART = ROOT / "docs" / "benchmarks" / "scale.png"
TARGET_MS = 250
REPEAT = 3
TIMED = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default = (
        os.environ.get("BENCH_SCALE", "5000,20000") + "," + os.environ.get("BENCH_XL", "100000")
    )
    parser.add_argument("--sizes", default=default, help="comma-separated file counts")
    args = parser.parse_args()
    sizes = sorted({int(size) for size in args.sizes.split(",") if size.strip()})
    series = []
    for size in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"newsdesk-scale-{size}-"))
        try:
            series.append(measure(work, size))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(f"{size:,} files measured", flush=True)
    write_chart(series)
    body = render(series)
    write_section("scale", body)
    print(body)


def measure(work: Path, size: int) -> dict[str, Any]:
    seeds = work / "seeds"
    files = write_corpus(seeds, size, seed=6)
    floor = statistics.median(floor_seconds(files) for _ in range(REPEAT))
    warehouse = work / "run" / "w.duckdb"
    # The benchmark folder's Prefect database, made once (a scheduled run finds it made).
    (work / "empty").mkdir()
    ingest_in_child(work / "empty", work / "warm-up" / "w.duckdb")
    backfill = ingest_in_child(seeds, warehouse)
    no_new = [ingest_in_child(seeds, warehouse)["seconds"] for _ in range(REPEAT)]
    ten_new = []
    for i in range(REPEAT):
        write_corpus(seeds / f"new{i}", 10, seed=100 + i)
        ten_new.append(ingest_in_child(seeds, warehouse)["seconds"])
    with duckdb.connect(str(warehouse), read_only=True) as con:
        (articles,) = con.execute("SELECT count(*) FROM articles").fetchone() or (0,)
    no_new_s = statistics.median(no_new)
    return {
        "files": size,
        "floor_files_s": size / floor,
        "files_s": size / backfill["seconds"],
        # Past what every run pays whatever it finds (Prefect, the data packages, the
        # warehouse's checks): the per-file cost whose growth the series is about.
        "marginal_files_s": size / max(backfill["seconds"] - no_new_s, 1e-9),
        "seconds": backfill["seconds"],
        "peak_rss_mb": backfill["peak_rss_mb"],
        "worker_rss_mb": backfill["children_peak_rss_mb"],
        "articles": articles,
        "mb_per_article": Path(warehouse).stat().st_size / 1e6 / max(articles, 1),
        "no_new_s": no_new_s,
        "ten_new_s": statistics.median(ten_new),
        "latency_ms": query_latency(warehouse),
    }


def query_latency(warehouse: Path) -> dict[str, float]:
    """Median milliseconds of every view and of every report and app query."""
    times: dict[str, list[float]] = defaultdict(list)
    with connect(warehouse, analyst=True) as con:
        views = [
            name
            for (name,) in con.execute(
                "SELECT view_name FROM duckdb_views() "
                "WHERE NOT internal AND schema_name = 'main' ORDER BY view_name"
            ).fetchall()
            if name not in INTERNAL
        ]
        for view in views:
            for _ in range(TIMED):
                started = time.perf_counter()
                con.execute(f"SELECT * FROM {view}").to_arrow_table()
                times[f"view {view}"].append(time.perf_counter() - started)
    app = explore.Warehouse(warehouse)
    extent = app.extent()
    period = default_period(extent.first_date, extent.last_date)
    everything = explore.Filters(extent.first_date, extent.last_date)
    top_actor = app.choices().actors
    states: dict[str, Callable[[], object]] = {
        "everything": lambda: app.select(everything, per="actor", period=period),
        "a word": lambda: app.select(
            explore.Filters(extent.first_date, extent.last_date, search="minister"),
            per="actor",
            period=period,
        ),
        "two words": lambda: app.select(
            explore.Filters(extent.first_date, extent.last_date, search="minister said"),
            per="actor",
            period=period,
        ),
        "one actor": lambda: app.select(
            explore.Filters(
                extent.first_date, extent.last_date, actors=tuple(list(top_actor.values())[:1])
            ),
            per="actor",
            period=period,
        ),
        "by outlet": lambda: app.select(everything, per="outlet", period=period),
        "filter choices": app.choices,
    }
    for state, run in states.items():
        for _ in range(TIMED):
            explore.forget_answers()  # the queries timed, not the app's kept answers
            with _timed_queries(explore, f"app ({state})", times):
                run()
    for _ in range(TIMED):
        with _timed_queries(report, "report", times), connect(warehouse, analyst=True) as con:
            started = time.perf_counter()
            report._frames(con)
            times["report coverage_by_outlet + queries"].append(time.perf_counter() - started)
    medians = {name: 1000 * statistics.median(values) for name, values in times.items()}
    # Each app query at the slowest of the states it was timed in.
    latency: dict[str, float] = {}
    for name, ms in medians.items():
        key = re.sub(r"^app \([^)]*\) ", "app ", name)
        latency[key] = max(latency.get(key, 0.0), ms)
    return latency


@contextmanager
def _timed_queries(module: Any, where: str, times: dict[str, list[float]]) -> Iterator[None]:
    """Time each named query the module runs; a query run twice in one go counts as its
    slowest run."""
    original = module.query
    slowest: dict[str, float] = {}

    def timed(con: Any, name: str, *args: Any, **kwargs: Any) -> pl.DataFrame:
        started = time.perf_counter()
        try:
            result: pl.DataFrame = original(con, name, *args, **kwargs)
            return result
        finally:
            key = f"{where} {name.split('/')[-1]}"
            slowest[key] = max(slowest.get(key, 0.0), time.perf_counter() - started)

    module.query = timed
    try:
        yield
    finally:
        module.query = original
        for key, seconds in slowest.items():
            times[key].append(seconds)


def write_chart(series: list[dict[str, Any]]) -> None:
    rows = []
    for point in series:
        slowest = max(point["latency_ms"].values())
        rows += [
            {"files": point["files"], "measure": "files/s ÷ floor × 1000",
             "value": 1000 * point["files_s"] / point["floor_files_s"]},
            {"files": point["files"], "measure": "slowest query, ms", "value": slowest},
            {"files": point["files"], "measure": "flow peak RSS, MB",
             "value": point["peak_rss_mb"]},
            {"files": point["files"], "measure": "10 new files ÷ no new files × 100",
             "value": 100 * point["ten_new_s"] / point["no_new_s"]},
        ]  # fmt: skip
    chart = (
        alt.Chart(pl.DataFrame(rows))
        .mark_line(point=True)
        .encode(
            x=alt.X("files:Q", title="files in the warehouse", scale=alt.Scale(type="log")),
            y=alt.Y("value:Q", title=None),
            facet=alt.Facet("measure:N", columns=2, title=None),
        )
        .properties(width=300, height=160, title="newsdesk at scale (flat lines: linear cost)")
        .resolve_scale(y="independent")
    )
    CHART.parent.mkdir(parents=True, exist_ok=True)
    CHART.write_bytes(vl_convert.vegalite_to_png(chart.to_json(), scale=2))


def render(series: list[dict[str, Any]]) -> str:
    header = "| | " + " | ".join(f"{p['files']:,} files" for p in series) + " |"
    rule = "|---" * (len(series) + 1) + "|"

    def row(label: str, cell: Callable[[dict[str, Any]], str]) -> str:
        return f"| {label} | " + " | ".join(cell(p) for p in series) + " |"

    names = sorted({name for p in series for name in p["latency_ms"]})
    largest = series[-1]
    over = [n for n in names if largest["latency_ms"].get(n, 0) > TARGET_MS]
    base = next((p for p in series if p["files"] == 20000), series[0])
    lines = [
        f"## Scale — the same pipeline from {series[0]['files']:,} to {largest['files']:,} files",
        "",
        f"Machine: {machine_line()}. Command: `make bench` (`python -m bench.scale`). "
        "Each size: one backfill of `bench/corpus.py` with 2 workers into a fresh warehouse, "
        f"then runs with no and with 10 new files (medians of {REPEAT}) and every view and "
        f"report/app query (median of {TIMED}, fetched whole).",
        "",
        f"![scale series](docs/benchmarks/{CHART.name})",
        "",
        header,
        rule,
        row("articles", lambda p: f"{p['articles']:,}"),
        row("backfill seconds", lambda p: f"{p['seconds']:.0f}"),
        row("files/s", lambda p: f"{p['files_s']:.0f}"),
        row("× floor", lambda p: f"{p['files_s'] / p['floor_files_s']:.3f}"),
        row("files/s past a run's fixed cost", lambda p: f"{p['marginal_files_s']:.0f}"),
        row(
            "peak RSS MB, flow / largest worker",
            lambda p: f"{p['peak_rss_mb']:.0f} / {p['worker_rss_mb']:.0f}",
        ),
        row("warehouse MB per article", lambda p: f"{p['mb_per_article']:.4f}"),
        row("run with no new files, s", lambda p: f"{p['no_new_s']:.1f}"),
        row("run with 10 new files, s", lambda p: f"{p['ten_new_s']:.1f}"),
        row("10 new ÷ no new", lambda p: f"{p['ten_new_s'] / p['no_new_s']:.2f}"),
        *(row(f"`{name}` ms", _latency_of(name)) for name in names),
        "",
        f"- Largest warehouse ({largest['files']:,} files): files/s "
        f"{largest['files_s'] / base['files_s']:.2f}× ("
        f"{largest['marginal_files_s'] / base['marginal_files_s']:.2f}× past a run's fixed "
        "cost, the time of a run with no new files) and flow peak RSS "
        f"{largest['peak_rss_mb'] / base['peak_rss_mb']:.2f}× the {base['files']:,}-file "
        f"figures (targets within 10 % at 100,000 files); peak RSS "
        f"{largest['peak_rss_mb']:.0f} MB (target ≤ 1.5 GB); 10 new files "
        f"{largest['ten_new_s'] / largest['no_new_s']:.2f}× the no-new-files run "
        "(target ≤ 1.5×).",
        f"- Queries over {TARGET_MS} ms there: "
        + (", ".join(f"`{n}` {largest['latency_ms'][n]:.0f} ms" for n in over) or "none")
        + f" (target: every one ≤ {TARGET_MS} ms).",
    ]
    return "\n".join(lines) + "\n"


def _latency_of(name: str) -> Callable[[dict[str, Any]], str]:
    def cell(point: dict[str, Any]) -> str:
        value = point["latency_ms"].get(name)
        return "–" if value is None else f"{value:.0f}"

    return cell


if __name__ == "__main__":
    main()
