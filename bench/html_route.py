"""The HTML route on the article-extraction benchmark: body F1 and speed.

Run by `make bench`. Pages: ../shared/bench/aeb-dev (or --pages DIR), 88 news and blog
pages with their ground truth. Every speed figure is a median of --repeat runs, measured in
one process run next to its floors:

- floor: read + decode + lxml.html parse of the same files;
- bare trafilatura: bare_extraction(html, url, fast=True, with_metadata=True);
- route: newsdesk's HTML route (read, decode, extract, clean) on one core, then on a
  2-process pool;
- pipeline: a whole `ingest` flow run over the pages (discovery, extraction, Great
  Expectations checks, DuckDB load, actor linking), its fixed start measured apart; timed
  from the run's first step to its record in ingest_runs (Prefect's engine rounds a run's
  wall time up to a whole second); on the 88 pages, and on 6 copies of each (528 files,
  where the flow sizes its batches for 2 workers as it does for a backfill).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura

from bench.aeb_score import corpus_f1, page_score
from bench.report import machine_line, packaged_knowledge, write_section
from transforms.decode import decode_bytes
from transforms.extract import PageContext, extract_file
from transforms.html import _host_stem, _norm
from transforms.records import FileExtraction, Rejected
from transforms.sidecar import Sidecar

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "aeb-dev"
NOW = datetime(2019, 11, 21, tzinfo=UTC)
# Copies of each page in the run that measures 2 workers at the flow's own batch sizes:
# enough files (528 of the 88 pages) for it to give each worker a batch of its minimum size.
PIPELINE_VARIANTS = 6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-pipeline", action="store_true", help="skip the flow run")
    args = parser.parse_args()
    truth = json.loads((args.pages / "ground-truth.json").read_text("utf-8"))
    work = Path(tempfile.mkdtemp(prefix="newsdesk-aeb-"))
    try:
        files = _unpack(args.pages, work / "pages", truth)
        n_bytes = sum(f.stat().st_size for f in files)
        results = _measure(files, truth, args.repeat, run_pipeline=not args.no_pipeline, work=work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    body = _render(results, len(files), n_bytes)
    write_section("html", body)
    print(body)


def _unpack(source: Path, target: Path, truth: dict[str, dict[str, str]]) -> list[Path]:
    target.mkdir(parents=True)
    files = []
    for packed in sorted((source / "html").glob("*.html.gz")):
        page_id = packed.name.split(".")[0]
        page = target / f"{page_id}.html"
        page.write_bytes(gzip.decompress(packed.read_bytes()))
        sidecar = {"url": truth[page_id]["url"], "captured_at": NOW.isoformat()}
        (target / f"{page_id}.html.meta.json").write_text(json.dumps(sidecar), "utf-8")
        files.append(page)
    return files


def _floor(path: Path) -> None:
    lxml.html.fromstring(str(decode_bytes(path.read_bytes())))


def _bare(path: Path, url: str) -> str:
    document = trafilatura.bare_extraction(
        path.read_bytes(), url=url, fast=True, with_metadata=True
    )
    return getattr(document, "text", "") or ""


def _route(path: Path, url: str) -> FileExtraction | None:
    context = PageContext(NOW, Sidecar(captured_at=NOW, url=url))
    try:
        return extract_file(path.read_bytes(), context, path.name, packaged_knowledge())
    except Rejected:
        return None


def _route_chunk(chunk: list[tuple[Path, str]]) -> int:
    return sum(_route(path, url) is not None for path, url in chunk)


def _timed(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _measure(
    files: list[Path], truth: dict[str, dict[str, str]], repeat: int, run_pipeline: bool, work: Path
) -> dict[str, object]:
    urls = {f: truth[f.stem]["url"] for f in files}
    results: dict[str, object] = {}
    results["floor_s"] = _timed(lambda: [_floor(f) for f in files], repeat)
    bare_texts = {f: _bare(f, urls[f]) for f in files}
    results["bare_s"] = _timed(lambda: [_bare(f, urls[f]) for f in files], repeat)
    extractions = {f: _route(f, urls[f]) for f in files}
    results["route_s"] = _timed(lambda: [_route(f, urls[f]) for f in files], repeat)
    pairs = [(f, urls[f]) for f in files]
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_route_chunk, [pairs[:2], pairs[2:4]]))  # start the workers
        # Small chunks: page costs vary tenfold, so big chunks leave one core idle at the end.
        chunks = [pairs[i : i + 2] for i in range(0, len(pairs), 2)]
        results["route2_s"] = _timed(lambda: sum(pool.map(_route_chunk, chunks)), repeat)
    results["bare_f1"] = corpus_f1(
        page_score(truth[f.stem]["articleBody"], bare_texts[f]) for f in files
    )
    results["route_f1"] = corpus_f1(
        page_score(truth[f.stem]["articleBody"], _article_text(extractions[f])) for f in files
    )
    results["articles"] = sum(e is not None for e in extractions.values())
    results["titles_clean"] = _titles_without_site_suffix(extractions)
    if run_pipeline:
        results.update(_pipeline(files, work))
    return results


def _article_text(extraction: FileExtraction | None) -> str:
    """Everything the route extracted as article text: the dateline field, then the body."""
    if extraction is None:
        return ""
    article = extraction.articles[0]
    return "\n".join(t for t in (article.dateline, article.body) if t)


def _titles_without_site_suffix(extractions: dict[Path, FileExtraction | None]) -> float:
    clean = total = 0
    for path, extraction in extractions.items():
        if extraction is None or not extraction.articles[0].title:
            continue
        total += 1
        article = extraction.articles[0]
        title = _norm(article.title or "")
        names = {_norm(article.outlet or ""), _norm(_host_stem(path.stem))} - {""}
        clean += not any(title.endswith(" " + n) or title.startswith(n + " ") for n in names)
    return clean / total if total else 0.0


def _pipeline(files: list[Path], work: Path) -> dict[str, float]:
    import os

    from flows.settings import configure_prefect_home

    os.environ["PREFECT_HOME"] = str(work / "prefect")  # a private home: nothing shared
    configure_prefect_home()
    from flows.ingest import ingest_flow

    one = work / "one"
    one.mkdir()
    for path in (files[0], files[0].with_name(files[0].name + ".meta.json")):
        shutil.copy(path, one / path.name)
    start = time.perf_counter()
    # The first flow in a process pays the one-off costs: Prefect's API and engine start,
    # and the import of Great Expectations when there are rows to check.
    ingest_flow(str(one), str(work / "warm.duckdb"), workers=1)
    first_flow_s = time.perf_counter() - start
    two = work / "two"
    two.mkdir()
    for path in files[:2]:
        for copied in (path, path.with_name(path.name + ".meta.json")):
            shutil.copy(copied, two / copied.name)
    runs: dict[str, list[float]] = {
        key: [] for key in ("fixed", "pipeline", "fixed2", "pipeline2", "many", "many2")
    }
    summary: dict[str, Any] = {}

    def timed_run(key: str, seeds: Path, workers: int, batch_files: int | None = None) -> None:
        nonlocal summary
        if batch_files:
            os.environ["NEWSDESK_BATCH_FILES"] = str(batch_files)
        warehouse = work / f"{key}{len(runs[key])}.duckdb"
        summary = ingest_flow(str(seeds), str(warehouse), workers=workers)
        runs[key].append(_run_seconds(warehouse))
        os.environ.pop("NEWSDESK_BATCH_FILES", None)

    many = _variants(files, work / "many", PIPELINE_VARIANTS)
    # A few seconds each: medians of three, each into a fresh warehouse.
    for _ in range(3):
        # What a run costs however few pages it has (checking, loading and documenting a
        # batch): a run of 1 page measures it, as 2 pages in 2 batches do for 2 workers.
        timed_run("fixed", one, workers=1)
        # Two worker processes: batches of a quarter of the pages, so that several are in
        # flight (a run this small is otherwise one batch, extracted in the flow's process).
        # Its fixed start includes starting the workers: 2 pages in 2 batches measure it.
        timed_run("fixed2", two, workers=2, batch_files=1)
        timed_run("pipeline2", files[0].parent, workers=2, batch_files=-(-len(files) // 4))
        timed_run("pipeline", files[0].parent, workers=1)
        # The same pages several times over: a run large enough for the flow to size its own
        # batches for its workers, as it does for a backfill.
        timed_run("many", work / "many", workers=1)
        timed_run("many2", work / "many", workers=2)
    fixed_s, pipeline_s, fixed2_s, pipeline2_s, many_s, many2_s = (
        statistics.median(runs[key])
        for key in ("fixed", "pipeline", "fixed2", "pipeline2", "many", "many2")
    )
    import duckdb

    with duckdb.connect(str(work / "pipeline0.duckdb"), read_only=True) as con:
        for reason, count in con.execute(
            "SELECT reason, count(*) FROM quarantine GROUP BY ALL ORDER BY 2 DESC"
        ).fetchall():
            print(f"pipeline quarantine: {count} × {reason}")
    return {
        "first_flow_s": first_flow_s,
        "fixed_s": fixed_s,
        "pipeline_s": pipeline_s,
        "pipeline2_s": pipeline2_s,
        "fixed2_s": fixed2_s,
        "many_s": many_s,
        "many2_s": many2_s,
        "many_pages": float(len(many)),
        "pipeline_articles": float(summary["articles_loaded"]),
    }


def _variants(files: list[Path], target: Path, copies: int) -> list[Path]:
    """Each page `copies` times, each copy its own bytes (a comment after the markup) with
    its sidecar: files the flow reads, extracts and loads as new, every one."""
    target.mkdir()
    written = []
    for path in files:
        page, sidecar = path.read_bytes(), path.with_name(path.name + ".meta.json")
        for copy in range(copies):
            variant = target / f"{path.stem}-{copy}.html"
            variant.write_bytes(page + f"\n<!-- copy {copy} -->\n".encode())
            shutil.copy(sidecar, variant.with_name(variant.name + ".meta.json"))
            written.append(variant)
    return written


def _run_seconds(warehouse: Path) -> float:
    """The flow's own time, from its first step to its record of the run (ingest_runs).

    Not the wall time around the call: Prefect's engine ends a flow run when its heartbeat
    thread wakes, which it does once a second, so every run's wall time is rounded up to a
    whole second after the heartbeats start, up to 1 s on runs of 1-3 s.
    """
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute(
            "SELECT epoch(finished_at) - epoch(started_at) FROM ingest_runs"
        ).fetchone()
    return float(row[0]) if row else float("nan")


def _render(r: dict[str, object], n_docs: int, n_bytes: int) -> str:
    def rate(key: str) -> tuple[float, float]:
        seconds = float(r[key])  # type: ignore[arg-type]
        return n_docs / seconds, n_bytes / seconds / 1e6

    floor_docs, floor_mb = rate("floor_s")
    lines = [
        "## HTML route — article-extraction benchmark",
        "",
        f"Machine: {machine_line()}. Command: `make bench` (`python -m bench.html_route`).",
        f"{n_docs} pages, {n_bytes / 1e6:.1f} MB; speed figures are medians of repeated runs.",
        "",
        "| | body F1 | precision | recall | docs/s | MB/s | × floor |",
        "|---|---|---|---|---|---|---|",
        f"| floor: read + decode + lxml parse | – | – | – | {floor_docs:.0f} "
        f"| {floor_mb:.1f} | 1.00 |",
    ]
    bare_p, bare_r, bare_f = r["bare_f1"]  # type: ignore[misc]
    route_p, route_r, route_f = r["route_f1"]  # type: ignore[misc]
    for label, key, scores in (
        ("bare trafilatura (fast, with metadata)", "bare_s", (bare_p, bare_r, bare_f)),
        ("newsdesk HTML route, 1 process", "route_s", (route_p, route_r, route_f)),
        ("newsdesk HTML route, 2 processes", "route2_s", (route_p, route_r, route_f)),
    ):
        docs, mb = rate(key)
        p, rc, f = scores
        lines.append(
            f"| {label} | {f:.4f} | {p:.4f} | {rc:.4f} | {docs:.1f} | {mb:.2f} | "
            f"{docs / floor_docs:.3f} |"
        )
    bare_docs, _ = rate("bare_s")
    route_docs, _ = rate("route_s")
    route2_docs, _ = rate("route2_s")
    lines += [
        "",
        f"- Route vs bare trafilatura: **{route_docs / bare_docs:.2f}×** its docs/s (1 process); "
        f"2 processes: **{route2_docs / route_docs:.2f}×** the 1-process figure.",
        f"- Every page an article or a quarantine row: {r['articles']} articles, "
        f"{n_docs - int(r['articles'])} `no_article` (of {n_docs}).",  # type: ignore[call-overload]
        f"- Titles free of a site-name suffix or prefix: {100 * float(r['titles_clean']):.1f}%.",  # type: ignore[arg-type]
        "- F1 is the benchmark's method (`bench/aeb_score.py`): 4-word shingles, per-page "
        "shares averaged. The route's text is what it stores: the `dateline` field, then the body.",
    ]
    if "pipeline_s" in r:
        fixed_s, fixed2_s = float(r["fixed_s"]), float(r["fixed2_s"])  # type: ignore[arg-type]
        pipeline_s, per_doc, pipeline2_s, per_doc2 = _pipeline_pair(r, "pipeline", n_docs)
        lines += [
            f"- Whole pipeline (`ingest` flow, 1 worker, timed from its first step to its record "
            f"of the run): {pipeline_s:.2f} s for {n_docs} pages "
            f"including a fixed start of {fixed_s:.2f} s (a run of 1 page; the very first flow in "
            f"a process: "
            f"{float(r['first_flow_s']):.1f} s). Past the fixed start: {per_doc:.1f} docs/s = "  # type: ignore[arg-type]
            f"{per_doc / bare_docs:.2f}× bare trafilatura (about 2 s past the start: one run's "
            "noise on this machine moves it by ±10 %; the 528-page runs below are steadier).",
            f"- Whole pipeline with 2 worker processes, in 4 batches of 22 pages: "
            f"{pipeline2_s:.2f} s, with a fixed start of {fixed2_s:.2f} s (the flow's, plus "
            f"starting the workers: a run of 2 pages in 2 batches). Past it: "
            f"{per_doc2:.1f} docs/s = {per_doc2 / per_doc:.2f}× the 1-worker pipeline "
            "(batches far smaller than the flow makes: each one's checks and load cost the "
            "flow's process ~0.3 s whatever its size).",
        ]
    if "many_s" in r:
        n_many = int(float(r["many_pages"]))  # type: ignore[arg-type]
        many_s, many_docs, many2_s, many2_docs = _pipeline_pair(r, "many", n_many)
        lines += [
            f"- Whole pipeline on {n_many} pages ({PIPELINE_VARIANTS} copies of each page, each "
            f"its own bytes, so every one is read, extracted, checked and loaded; their "
            f"near-duplicate labels are work the 88 pages do not have), batches sized by the "
            f"flow, the same fixed starts: 1 worker {many_s:.2f} s = {many_docs:.1f} docs/s "
            f"past its start = **{many_docs / bare_docs:.2f}×** bare trafilatura; 2 workers "
            f"{many2_s:.2f} s = {many2_docs:.1f} docs/s = **{many2_docs / many_docs:.2f}×** the "
            "1-worker pipeline (targets: ≥ 0.9× bare trafilatura on 1 worker, ≥ 1.6× that "
            "on 2).",
        ]
    return "\n".join(lines) + "\n"


def _pipeline_pair(r: dict[str, object], key: str, n_pages: int) -> tuple[float, ...]:
    """Seconds of the 1-worker and the 2-worker runs of a set of pages, each with its pages
    a second past its fixed start (the pages beyond those of the run that measured the
    start, 1 page on 1 worker and 2 on 2, over the seconds beyond it)."""
    figures: list[float] = []
    for run, fixed, n_fixed in ((f"{key}_s", "fixed_s", 1), (f"{key}2_s", "fixed2_s", 2)):
        seconds = float(r[run])  # type: ignore[arg-type]
        past = seconds - float(r[fixed])  # type: ignore[arg-type]
        figures += [seconds, (n_pages - n_fixed) / max(past, 1e-9)]
    return tuple(figures)


if __name__ == "__main__":
    main()
