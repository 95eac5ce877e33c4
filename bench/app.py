"""`newsdesk app` on a large warehouse: search latency and time to first render.

- search: `explore.Warehouse.select` (everything the app draws for one state of its
  filters) with a word, two words and a phrase typed in the search box, and with none;
  median of 5 each. Target: ≤ 1 s.
- first render: the app served as `newsdesk app` serves it, opened in headless Chromium;
  from navigation until the match count, the charts and the article table are drawn.
  Cold (a new browser profile: the frontend's files fetched) and warm (the same profile,
  the page opened again: a returning analyst); median of 3 each. Target: ≤ 3 s.

    python -m bench.app [--warehouse FILE]   # default: a backfill of BENCH_LARGE files
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.browser import DEEP, Page, chromium_page, wait_until_serving
from bench.corpus import write_corpus
from bench.report import machine_line, write_section
from bench.runs import ROOT, ingest_in_child
from flows.warehouse import connect
from newsdesk.explore import Filters, Warehouse, forget_answers
from newsdesk.local_server import free_port

SEARCHES = {"no search": "", "a word": "minister", "two words": "council budget",
            "a phrase": '"the prime minister"'}  # fmt: skip
SEARCH_TARGET_S, RENDER_TARGET_S = 1.0, 3.0
# Self-contained (deep() defined on each poll): the page polled may be the one navigated to
# or still the one before it.
_DRAWN = (
    f"(() => {{ {DEEP} ; return deep('svg.marks, marimo-table').length >= 5 "
    "&& /[\\d,]+ of [\\d,]+ articles/.test(document.body.innerText); })()"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warehouse", type=Path, help="default: a fresh backfill")
    parser.add_argument("--files", type=int, default=int(os.environ.get("BENCH_LARGE", 20000)))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-app-") as tmp:
        warehouse = args.warehouse or _backfill(Path(tmp), args.files)
        figures = {"search": _search_latency(warehouse), **_first_render(warehouse, Path(tmp))}
        figures["articles"] = Warehouse(warehouse).extent().n_articles
        with connect(warehouse, analyst=True) as con:
            files = con.sql("SELECT count(*) FROM source_files").fetchone()
    body = _render(figures, f"a backfill of {files[0] if files else 0:,} files of bench/corpus.py")
    write_section("app", body)
    print(body)


def _backfill(work: Path, files: int) -> Path:
    seeds, warehouse = work / "seeds", work / "backfill" / "w.duckdb"
    write_corpus(seeds, files, seed=6)
    ingest_in_child(seeds, warehouse)
    return warehouse


def _search_latency(warehouse: Path) -> dict[str, float]:
    app = Warehouse(warehouse)
    extent = app.extent()
    latency = {}
    for label, text in SEARCHES.items():
        filters = Filters(extent.first_date, extent.last_date, search=text)
        times = []
        for _ in range(5):
            forget_answers()  # the queries timed, not the app's kept answers
            started = time.perf_counter()
            app.select(filters, per="actor", period="week")
            times.append(time.perf_counter() - started)
        latency[label] = statistics.median(times)
    return latency


def _first_render(warehouse: Path, work: Path) -> dict[str, Any]:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise RuntimeError("chromium is not installed: `make browser` installs it")
    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "app", "--warehouse", str(warehouse),
         "--port", str(port)],
        cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(url, server, timeout_s=120)
        server_s = time.perf_counter() - started
        cold, warm = [], []
        for i in range(3):
            with chromium_page(chromium, "about:blank", work / f"profile{i}") as page:
                cold.append(_render_time(page, url))
                warm.append(_render_time(page, url))
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
    return {"server_s": server_s, "cold": cold, "warm": warm}


def _render_time(page: Page, url: str) -> float:
    page.evaluate("1")  # the previous page settled
    started = time.perf_counter()
    page.send("Page.navigate", {"url": url})
    page.wait_for(_DRAWN, 120, "the app drawn")
    return time.perf_counter() - started


def _render(f: dict[str, Any], warehouse: str) -> str:
    search = ", ".join(f"{label} {s:.2f} s" for label, s in f["search"].items())
    worst = max(f["search"].values())
    cold, warm = statistics.median(f["cold"]), statistics.median(f["warm"])

    def runs(values: list[float]) -> str:
        return ", ".join(f"{v:.1f}" for v in values)

    return (
        "\n".join(
            [
                "## App — `newsdesk app` on a large warehouse",
                "",
                f"Machine: {machine_line()}. Command: `make bench` (`python -m bench.app`). "
                f"Warehouse: {warehouse}, {f['articles']:,} counted articles.",
                "",
                f"- Everything the app draws for one state of its filters, median of 5: {search} "
                f"(target ≤ {SEARCH_TARGET_S:.0f} s; slowest {worst:.2f} s).",
                f"- Time to first render in headless Chromium, median of 3: warm {warm:.1f} s "
                f"({runs(f['warm'])}), cold {cold:.1f} s ({runs(f['cold'])}) "
                f"(target ≤ {RENDER_TARGET_S:.0f} s). Cold fetches the frontend's ~250 files from "
                "the app; warm is the page opened again in the same browser.",
                f"- The app's server answers {f['server_s']:.1f} s after `newsdesk app` starts.",
            ]
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
