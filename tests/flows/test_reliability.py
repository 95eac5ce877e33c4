"""Nothing lost, nothing doubled, no input can break a run."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from flows.discover import Candidate
from flows.sources import ReadSource, Skipped, extract_source, read_source
from tests.conftest import KNOWLEDGE, ROOT, run_ingest, table_checksums, warehouse_rows


def newsdesk_ingest(
    seeds: Path, warehouse: Path, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "ingest", "--seeds-dir", str(seeds),
         "--warehouse", str(warehouse)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        # The task runs' INFO lines on the terminal say when to kill.
        env={**os.environ, "PREFECT_LOGGING_LEVEL": "INFO",
             "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "INFO", **(env or {})},
    )  # fmt: skip


def test_names_with_spaces_unicode_and_shell_characters(
    seeds_dir: Path, fresh_warehouse: Path, prefect_api: None
) -> None:
    odd = seeds_dir / "Zürich – “news” $(echo pwned); rm -rf x & 'quoted'.txt"
    odd.write_bytes((seeds_dir / "003_c00b228c42aec0fc.txt").read_bytes() + b" Extra line.")
    summary = run_ingest(seeds_dir, fresh_warehouse)
    assert summary["files_new"] == 6
    paths = [p for (p,) in warehouse_rows(fresh_warehouse, "SELECT path FROM source_files")]
    assert odd.name in paths


def test_links_leading_outside_are_not_followed(
    seeds_dir: Path, fresh_warehouse: Path, tmp_path: Path, prefect_api: None
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes((seeds_dir / "001_f54b83f48e2dd52d.txt").read_bytes() + b"\nSecret.")
    (seeds_dir / "symlink-out.txt").symlink_to(outside)
    (seeds_dir / "symlink-in.txt").symlink_to(seeds_dir / "003_c00b228c42aec0fc.txt")
    os.link(outside, seeds_dir / "hardlink-out.txt")
    summary = run_ingest(seeds_dir, fresh_warehouse)
    paths = [
        p for (p,) in warehouse_rows(fresh_warehouse, "SELECT path FROM file_paths ORDER BY 1")
    ]
    assert "symlink-out.txt" not in paths and "hardlink-out.txt" not in paths
    assert "symlink-in.txt" in paths  # a link within the folder is just another name
    assert summary["files_new"] == 5
    assert warehouse_rows(
        fresh_warehouse, "SELECT count(*) FROM articles WHERE body LIKE '%Secret.%'"
    ) == [(0,)]


def test_files_over_the_size_cap_are_quarantined(
    seeds_dir: Path, fresh_warehouse: Path, prefect_api: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_MAX_FILE_BYTES", "10000")
    summary = run_ingest(seeds_dir, fresh_warehouse)
    assert (summary["files_new"], summary["files_quarantined"]) == (3, 2)
    rows = warehouse_rows(fresh_warehouse, "SELECT path, reason FROM quarantine ORDER BY path")
    assert rows == [
        ("000_eb01c3e6e5101ef2.txt", "too_large"),
        ("004_ff7a71e922133832.txt", "too_large"),
    ]


def test_a_file_that_vanishes_or_changes_while_read_is_left_for_the_next_run(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Title\nA body paragraph that is long enough to be text.", "utf-8")
    info = page.stat()
    stale = Candidate(tmp_path, "page.txt", info.st_size, info.st_mtime_ns)
    page.write_text("Title\nThe crawler is still writing this page and it grows", "utf-8")
    assert read_source(stale, set(), 10**6) == Skipped(
        "page.txt", "changed while it was being read"
    )
    page.unlink()
    assert read_source(stale, set(), 10**6) == Skipped(
        "page.txt", "vanished before it could be read"
    )


def test_html_entities_are_never_expanded_from_outside(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from transforms.html import extract_html_file
    from transforms.records import Rejected

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", "utf-8")
    page = f"""<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>
    <html><head><title>Entity test</title></head><body><article><h1>Entity test</h1>
    <p>{"Words of a real paragraph go here. " * 12} &xxe;</p></article></body></html>"""
    try:
        extraction = extract_html_file(page.encode(), datetime.now(UTC), None, None, KNOWLEDGE)
    except Rejected as rejection:  # refusing the page is safe too, if it says nothing of it
        assert "TOP-SECRET" not in rejection.detail
        return
    body = extraction.articles[0].body
    assert "Words of a real paragraph go here." in body
    assert "TOP-SECRET-CONTENT" not in body


def test_kill_minus_nine_at_any_point_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 240, seed=11)
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    env = {"NEWSDESK_BATCH_FILES": "40"}
    done = newsdesk_ingest(corpus, clean, env)
    assert done.wait(timeout=600) == 0, done.stdout.read() if done.stdout else ""

    # Kill after the 1st and after the 4th committed batch, and once while actors are linked.
    for kill_after in ("load batch", "load batch#4", "link actors and quotes"):
        name, _, nth = kill_after.partition("#")
        run = newsdesk_ingest(corpus, crashed, env)
        seen, children = 0, []
        assert run.stdout is not None
        for line in run.stdout:
            if f"Task run '{name}" in line and "Finished in state Completed" in line:
                seen += 1
                if seen >= int(nth or 1):
                    # Listed before the kill: once the flow is gone they are re-parented.
                    children = _children(run.pid)
                    run.send_signal(signal.SIGKILL)
                    break
        workers = [pid for pid in children if b"multiprocessing" in _command_line(pid)]
        if name == "load batch":
            assert workers  # the batches of this corpus are extracted by worker processes
        run.wait(timeout=60)
        _assert_gone(workers)  # extraction workers do not outlive a killed flow
        # Prefect's ephemeral API server does outlive it (Prefect's own); not left running.
        for pid in set(children) - set(workers):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        time.sleep(0.2)
    final = newsdesk_ingest(corpus, crashed, env)
    assert final.wait(timeout=600) == 0
    assert table_checksums(crashed) == table_checksums(clean)


def _children(pid: int) -> list[int]:
    """The process's children: extraction workers, their resource tracker (both started by
    multiprocessing) and Prefect's ephemeral API server."""
    return [int(stat.parent.name) for stat in Path("/proc").glob("[0-9]*/stat")
            if _stat_fields(int(stat.parent.name))[1:2] == [str(pid)]]  # fmt: skip


def _stat_fields(pid: int) -> list[str]:
    """/proc/PID/stat after the command name: state, parent pid, ... ([] once it is gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def _command_line(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return b""


def _assert_gone(pids: list[int], within_s: float = 30.0) -> None:
    deadline = time.monotonic() + within_s
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        # A zombie ("Z") has exited; only its parent's reaping is left.
        alive = [pid for pid in alive if _stat_fields(pid)[:1] not in ([], ["Z"])]
    assert not alive, f"still running after {within_s} s: {alive}"


def test_two_ingests_at_once_never_duplicate(seeds_dir: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "shared.duckdb"
    first, second = newsdesk_ingest(seeds_dir, warehouse), newsdesk_ingest(seeds_dir, warehouse)
    outcomes = [(p.wait(timeout=600), p.stdout.read() if p.stdout else "") for p in (first, second)]
    for code, output in outcomes:
        assert code == 0 or "warehouse busy" in output, output[-2000:]
    assert any(code == 0 for code, _ in outcomes)
    assert warehouse_rows(
        warehouse, "SELECT count(*), count(DISTINCT article_id) FROM articles"
    ) == [(11, 11)]
    assert warehouse_rows(warehouse, "SELECT count(*) FROM source_files") == [(5,)]


def test_a_reader_holding_the_file_makes_the_loader_fail_clearly(
    seeds_dir: Path, tmp_path: Path
) -> None:
    import duckdb

    from flows.warehouse import apply_schema

    warehouse = tmp_path / "held.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        apply_schema(con)
    reader = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({str(warehouse)!r}, read_only=True); "
         "print('holding', flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "holding"
        started = time.monotonic()
        blocked = newsdesk_ingest(seeds_dir, warehouse, {"NEWSDESK_LOCK_TIMEOUT_S": "3"})
        output = blocked.stdout.read() if blocked.stdout else ""
        assert blocked.wait(timeout=300) == 1
        reasons = [line for line in output.splitlines() if line.startswith("newsdesk ingest:")]
        assert len(reasons) == 1 and "warehouse busy" in reasons[0], output[-3000:]
        assert time.monotonic() - started < 120
    finally:
        reader.kill()
        reader.wait()
    assert warehouse_rows(warehouse, "SELECT count(*) FROM articles") == [(0,)]
    assert warehouse_rows(warehouse, "SELECT count(*) FROM source_files") == [(0,)]


def test_a_bug_met_on_one_page_quarantines_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.sources

    def broken(*_: object) -> None:
        raise KeyError("’")

    page = tmp_path / "page.txt"
    page.write_text("Title\nA body paragraph that is long enough to be text.", "utf-8")
    info = page.stat()
    monkeypatch.setattr(flows.sources, "extract_file", broken)
    read = read_source(
        Candidate(tmp_path, "page.txt", info.st_size, info.st_mtime_ns), set(), 10**6
    )
    assert isinstance(read, ReadSource)
    outcome = extract_source(read, KNOWLEDGE)
    assert not isinstance(outcome, (str, Skipped))
    assert outcome.rejection is not None
    assert (outcome.rejection.reason, outcome.rejection.detail) == (
        "extract_error",
        "KeyError: '’'",
    )


def test_inputs_that_are_no_pages_never_stop_a_run(
    seeds_dir: Path, tmp_path: Path, prefect_api: None
) -> None:
    good = seeds_dir / "001_f54b83f48e2dd52d.txt"
    odd = seeds_dir / "odd"
    odd.mkdir()
    # A name whose bytes are not UTF-8: read, stored under its escaped name.
    raw_name = os.fsencode(odd) + b"/caf\xe9-page.txt"
    with open(raw_name, "wb") as handle:
        handle.write(good.read_bytes())
    os.mkfifo(odd / "pipe.txt")  # would block a reader forever
    (odd / "style.css").write_text("body { color: red; }\n" * 50, "utf-8")
    (odd / "data.csv").write_text("a,b\n1,2\n" * 50, "utf-8")
    (odd / "lines.txt").write_text("x\n" * 100_000, "utf-8")  # no sentences
    # A warehouse kept inside the seeds folder is never read as input.
    warehouse = seeds_dir / "warehouse" / "newsdesk.duckdb"
    summary = run_ingest(seeds_dir, warehouse)
    assert summary["status"] == "completed"
    paths = dict(warehouse_rows(warehouse, "SELECT path, status FROM source_files"))
    # Same bytes as a seed: one more path of that content.
    named = dict(warehouse_rows(warehouse, "SELECT path, file_id FROM file_paths"))
    assert named["odd/caf\\xe9-page.txt"] == named[good.name]
    assert "odd/pipe.txt" not in paths and "odd/style.css" not in paths
    assert "odd/data.csv" not in paths
    assert not any(p.startswith("warehouse/") for p in paths)
    reasons = dict(warehouse_rows(warehouse, "SELECT path, reason FROM quarantine"))
    assert reasons.get("odd/lines.txt") == "no_article"
    again = run_ingest(seeds_dir, warehouse)  # the warehouse's own files stay out
    assert again["files_new"] == 0 and again["files_quarantined"] == 0


def test_sigterm_stops_a_run_within_seconds_recorded_as_interrupted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 240, seed=5)
    warehouse = tmp_path / "w.duckdb"
    run = newsdesk_ingest(corpus, warehouse, {"NEWSDESK_BATCH_FILES": "40"})
    assert run.stdout is not None
    children: list[int] = []
    for line in run.stdout:
        if "Task run 'load batch" in line and "Finished in state Completed" in line:
            children = _children(run.pid)
            run.send_signal(signal.SIGTERM)
            break
    started = time.monotonic()
    rest, _ = run.communicate(timeout=60)
    assert run.returncode == 130, rest[-4000:]
    # Every process the run started (workers, its Prefect server) is gone within seconds.
    _assert_gone([run.pid, *children], within_s=10 - (time.monotonic() - started))
    ((status, error, loaded),) = warehouse_rows(
        warehouse,
        "SELECT status, error, n_articles_loaded FROM ingest_runs ORDER BY started_at DESC LIMIT 1",
    )
    assert (status, error) == ("interrupted", "SIGTERM")
    stored = warehouse_rows(warehouse, "SELECT count(*) FROM articles")[0][0]
    assert 0 < stored == loaded  # what was committed stays, and the run counts it


def test_files_quarantined_for_a_cause_outside_them_load_once_it_has_gone(
    seeds_dir: Path, fresh_warehouse: Path, prefect_api: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path as PathType

    monkeypatch.setenv("NEWSDESK_WORKERS", "1")  # read in this process, where the fault is
    monkeypatch.setenv("NEWSDESK_MAX_FILE_BYTES", "10000")
    locked = seeds_dir / "002_4a31ad2e6b7b95ce.txt"
    assert locked.exists()
    read_bytes = PathType.read_bytes

    def denied(path: PathType) -> bytes:
        if path.name == locked.name:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(PathType, "read_bytes", denied)
    first = run_ingest(seeds_dir, fresh_warehouse)
    assert (first["files_new"], first["files_quarantined"]) == (2, 3)
    outcomes = (
        "SELECT path, outcome, reason FROM path_outcomes WHERE outcome <> 'loaded' ORDER BY 1"
    )
    assert warehouse_rows(fresh_warehouse, outcomes) == [
        ("000_eb01c3e6e5101ef2.txt", "quarantined", "too_large"),
        (locked.name, "quarantined", "unreadable"),
        ("004_ff7a71e922133832.txt", "quarantined", "too_large"),
    ]
    # Nothing changed: looked at again, still quarantined, no second row for the same cause.
    again = run_ingest(seeds_dir, fresh_warehouse)
    assert (again["files_new"], again["files_quarantined"]) == (0, 3)
    assert warehouse_rows(fresh_warehouse, "SELECT count(*) FROM quarantine") == [(3,)]
    # The permission fixed and the cap raised: all five load, nothing left quarantined.
    monkeypatch.setattr(PathType, "read_bytes", read_bytes)
    monkeypatch.setenv("NEWSDESK_MAX_FILE_BYTES", str(20 * 2**20))
    fixed = run_ingest(seeds_dir, fresh_warehouse)
    assert (fixed["files_new"], fixed["files_quarantined"]) == (3, 0)
    assert warehouse_rows(fresh_warehouse, outcomes) == []
    assert warehouse_rows(
        fresh_warehouse, "SELECT count(DISTINCT file_id) FROM articles WHERE is_current"
    ) == [(5,)]
    assert run_ingest(seeds_dir, fresh_warehouse)["files_new"] == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 6 MB file system of its own (tmpfs), where a warehouse fills the disk."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_disk_that_fills_is_reported_as_full_and_the_warehouse_stays_whole(
    tmp_path: Path, small_disk: Path
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 800, seed=2)
    env = {"NEWSDESK_BATCH_FILES": "100"}
    full = newsdesk_ingest(corpus, small_disk / "w.duckdb", env)
    output = full.communicate(timeout=600)[0]
    assert full.returncode == 1
    said = [line for line in output.splitlines() if line.startswith("newsdesk ingest:")]
    assert said == [said[0]] and said[0].startswith(
        "newsdesk ingest: the disk holding the warehouse is full"
    )
    assert "Traceback" not in output  # the one line, not Prefect's tracebacks
    # Space freed (the warehouse moved to a larger disk): the next run finishes the job.
    moved = tmp_path / "moved"
    shutil.copytree(small_disk, moved)
    finished = newsdesk_ingest(corpus, moved / "w.duckdb", env)
    assert finished.wait(timeout=600) == 0
    clean = newsdesk_ingest(corpus, tmp_path / "clean.duckdb", env)
    assert clean.wait(timeout=600) == 0
    assert table_checksums(moved / "w.duckdb") == table_checksums(tmp_path / "clean.duckdb")


def test_ctrl_c_stops_the_whole_process_group_within_seconds(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 240, seed=5)
    warehouse = tmp_path / "w.duckdb"
    run = subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "ingest", "--seeds-dir", str(corpus),
         "--warehouse", str(warehouse)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        env={**os.environ, "NEWSDESK_BATCH_FILES": "40", "PREFECT_LOGGING_LEVEL": "INFO",
             "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "INFO"},
    )  # fmt: skip
    assert run.stdout is not None
    group: list[int] = []
    for line in run.stdout:
        if "Task run 'load batch" in line and "Finished in state Completed" in line:
            group = [run.pid, *_children(run.pid)]
            os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C sends
            break
    started = time.monotonic()
    assert run.wait(timeout=30) == 130, run.stdout.read()[-4000:]
    _assert_gone(group, within_s=10 - (time.monotonic() - started))
    ((status, error, loaded),) = warehouse_rows(
        warehouse,
        "SELECT status, error, n_articles_loaded FROM ingest_runs ORDER BY started_at DESC",
    )
    assert (status, error) == ("interrupted", "SIGINT")
    assert 0 < warehouse_rows(warehouse, "SELECT count(*) FROM articles")[0][0] == loaded
