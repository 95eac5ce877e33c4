"""The DuckDB warehouse: connections with a bounded wait, schema, and batch loads.

DuckDB allows one writing process or many reading ones. A writer that finds the file
held waits with backoff up to a bound, then fails with 'warehouse busy: ...'.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from flows.sqlfiles import sql_files, statement
from transforms.incoming import INCOMING
from transforms.tables import TABLES

__all__ = [
    "DiskFull",
    "WarehouseBusy",
    "WarehouseMissing",
    "WarehouseOutdated",
    "apply_schema",
    "connect",
    "drop_cached_blocks",
    "load_frames",
    "memory_limit_within",
    "missing_parts",
    "query",
    "set_memory_limit",
    "unindexed_articles",
]

_log = logging.getLogger("flows.warehouse")
_FIRST_BACKOFF_S = 0.1
_MAX_BACKOFF_S = 2.0


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse file longer than we are willing to wait."""


class WarehouseMissing(FileNotFoundError):
    """A read was asked of a warehouse that no ingest has created yet."""


class WarehouseOutdated(RuntimeError):
    """A reader needs columns that the warehouse, made by an earlier version, lacks."""


# A commit checkpoints once the write-ahead log passes this size. A 625-file batch logs
# ~24 MB, so DuckDB's 16 MB checkpointed after every batch, re-compressing the tables' open
# row groups each time; every third batch cost 26 % less in all (measured on a 20,000-file
# warehouse), for at most three batches held uncheckpointed.
WRITER_CHECKPOINT_WAL = "64MB"
# DuckDB's memory limit for a moment between batches: what it may keep of the last batch.
_CACHE_FLOOR = "16MB"


@contextmanager
def connect(
    path: Path,
    *,
    read_only: bool = False,
    analyst: bool = False,
    timeout_s: float = 30.0,
    memory_limit: str | None = None,
    threads: int | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse, waiting with backoff while another process holds it.

    memory_limit: DuckDB's own memory (e.g. "256MB"); threads: its worker threads. None
    leaves DuckDB's default (80 % of the RAM, one thread per core). analyst: a read-only
    connection for queries people type (CLI, notebook, report, app) that can reach nothing
    but the warehouse: no file read or written, nothing attached or installed, and the
    setting locked so a query cannot turn it back on.
    """
    read_only = read_only or analyst
    if read_only and not path.exists():
        raise WarehouseMissing(f"no warehouse at {path}: run `newsdesk ingest` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_s
    delay = _FIRST_BACKOFF_S
    config: dict[str, str | bool | int | float | list[str]] = {}
    if memory_limit:
        config["memory_limit"] = memory_limit
    if threads:
        config["threads"] = threads
    if not read_only:
        config["checkpoint_threshold"] = WRITER_CHECKPOINT_WAL
        # DuckDB's allocator (jemalloc) otherwise returns freed pages to the system only
        # when DuckDB allocates again, so a writer's memory creeps up through a long run.
        config["allocator_background_threads"] = True
    if analyst:
        config["enable_external_access"] = False
        config["lock_configuration"] = True
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config=config)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() + delay > deadline:
                raise WarehouseBusy(
                    f"warehouse busy: {path} is held by another process "
                    f"(waited {timeout_s:.0f} s): {exc}"
                ) from None
            _log.warning("warehouse busy (%s); retrying in %.1f s", path, delay)
            time.sleep(delay)
            delay = min(delay * 2, _MAX_BACKOFF_S)
    try:
        yield con
    finally:
        con.close()


def missing_parts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables and `table.column`s this newsdesk's schema has and the open warehouse lacks,
    and the articles its search index does not cover yet: a warehouse made by an earlier
    version, which its next write brings up to date (apply_schema, then the ingest's
    index_word_backlog). A read-only reader (the app) cannot migrate it, so it says so
    rather than failing on the first query that names a new column, or searching part of
    the articles."""
    stored = set(query(con, "queries/stored_columns").iter_rows())
    tables = {table for table, _ in stored}
    missing = []
    for table, schema in TABLES.items():
        if table not in tables:
            missing.append(table)  # the whole table, not each of its columns
        else:
            missing += [f"{table}.{column}" for column in schema if (table, column) not in stored]
    if "word_index_backlog" in tables and (backlog := unindexed_articles(con)):
        missing.append(f"article_words of {backlog:,} articles")
    return missing


def unindexed_articles(con: duckdb.DuckDBPyConnection) -> int:
    """How many articles the search index does not cover yet (word_index_backlog)."""
    return int(query(con, "queries/word_index_backlog")["n_articles"][0])


def drop_cached_blocks(con: duckdb.DuckDBPyConnection, memory_limit: str | None) -> None:
    """Evict the table blocks DuckDB cached for the last batch, then give it its limit back.

    A batch's statements read the tables it joins against, and DuckDB keeps those blocks
    up to its memory limit; the next batch reads mostly other blocks (the newest rows), so
    the cache served it little, and its memory (DuckDB's allocator keeps what it freed)
    grew through a long run. Dropped, the writer held ~200 MB less between the batches of
    a 100,000-file backfill and peaked ~90 MB lower at the same batches.
    memory_limit: the connection's own (None: DuckDB's default).
    """
    try:
        with suppress(duckdb.OutOfMemoryException):  # what was pinned stays; the rest went
            set_memory_limit(con, _CACHE_FLOOR)
    finally:
        # Also when a stop signal lands here: the run still records itself on this
        # connection, which at the floor could not even hold that statement.
        set_memory_limit(con, memory_limit)


@contextmanager
def memory_limit_within(
    con: duckdb.DuckDBPyConnection, memory_limit: str, afterwards: str | None
) -> Iterator[None]:
    """DuckDB's memory limit set to memory_limit for the block, then to afterwards (None:
    DuckDB's default), also when the block fails."""
    set_memory_limit(con, memory_limit)
    try:
        yield
    finally:
        set_memory_limit(con, afterwards)


def set_memory_limit(con: duckdb.DuckDBPyConnection, memory_limit: str | None) -> None:
    """Set the connection's memory limit (None: DuckDB's default)."""
    if memory_limit is None:
        con.execute(statement("settings/default_memory_limit"))
    else:
        con.execute(statement("settings/memory_limit"), {"limit": memory_limit})


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create tables, then views, in their numbered order; safe to run any number of times.

    One transaction: a migration that fills a new table from old ones (schema/125, say)
    lands whole or not at all.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        for folder in ("schema", "views"):
            for path in sql_files(folder):
                con.execute(path.read_text("utf-8"))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


# Each write step: the folders of sql/ whose statements it runs, in this order, in one
# transaction. A batch's signatures are written as a re-signing writes them. The co-mention
# totals catch up with the articles when a run resets derivations (every run does) and
# after it re-derives articles.
STEPS: dict[str, tuple[str, ...]] = {
    "load": ("load", "signatures"),
    "resign": ("resign", "signatures"),
    "index_words": ("index_words",),
    "derive_reset": ("derive_reset", "co_mentions"),
    "derive": ("derive",),
    "co_mentions": ("co_mentions",),
    "record_run": ("record_run",),
    "skipped": ("skipped",),
}
_INCOMING_NAME = re.compile(r"\bincoming_[a-z_]+\b")


@cache
def step_statements(step: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A step's statements, and the incoming_* frames they read."""
    statements = tuple(
        path.read_text("utf-8") for folder in STEPS[step] for path in sql_files(folder)
    )
    reads = frozenset(name for sql in statements for name in _INCOMING_NAME.findall(sql))
    return statements, reads


def load_frames(
    con: duckdb.DuckDBPyConnection,
    frames: Mapping[str, pl.DataFrame],
    step: str,
    params: Mapping[str, Any] | None = None,
) -> None:
    """Run one step's statements (STEPS) in one transaction, frames bound as views.

    Either every statement commits or none does: a batch and its ledger rows land together.
    The frames must be exactly those the statements read, each with its declared columns
    (transforms/incoming.py).
    """
    statements, reads = step_statements(step)
    _check_frames(step, frames, reads)
    con.execute("BEGIN TRANSACTION")
    try:
        for name, frame in frames.items():
            con.register(name, frame.to_arrow())
        for sql in statements:
            used = {k: v for k, v in (params or {}).items() if f"${k}" in sql}
            con.execute(sql, used or None)
        con.execute("COMMIT")
    except BaseException as exc:
        _roll_back(con, exc)
        if isinstance(exc, duckdb.Error) and _NO_SPACE in str(exc):
            raise DiskFull(_disk_full_reason(str(exc))) from exc
        raise
    finally:
        for name in frames:
            con.unregister(name)


class DiskFull(OSError):
    """The warehouse's disk filled during a write: the transaction was undone."""


# What the operating system says (ENOSPC) inside DuckDB's message of a write that failed.
_NO_SPACE = "No space left on device"
_WRITTEN_FILE = re.compile(r'Could not write file "([^"]+)"')


def _disk_full_reason(message: str) -> str:
    where = _WRITTEN_FILE.search(message)
    file = f" ({where.group(1)})" if where else ""
    return (
        f"the disk holding the warehouse is full{file}: this batch was not written and the "
        "batches before it are kept; free some space and run again to finish"
    )


def _check_frames(step: str, frames: Mapping[str, pl.DataFrame], reads: frozenset[str]) -> None:
    if missing := sorted(reads - set(frames)):
        raise ValueError(f"step {step}: its statements read {', '.join(missing)}, not given")
    if unread := sorted(set(frames) - reads):
        raise ValueError(f"step {step}: no statement reads {', '.join(unread)}")
    for name, frame in frames.items():
        if dict(frame.schema) != dict(INCOMING[name]):
            raise ValueError(
                f"step {step}: {name} has columns {dict(frame.schema)}, "
                f"declared {dict(INCOMING[name])}"
            )


def _roll_back(con: duckdb.DuckDBPyConnection, cause: BaseException) -> None:
    """Undo the open transaction. DuckDB may have ended it already (a write that failed
    because the disk is full aborts it): the cause is what the user must see."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error as exc:
        if "no transaction is active" not in str(exc):
            raise exc from cause


def query(
    con: duckdb.DuckDBPyConnection,
    name: str,
    params: Mapping[str, Any] | None = None,
    frames: Mapping[str, pl.DataFrame] | None = None,
) -> pl.DataFrame:
    """A named query from sql/ as a polars DataFrame, with frames bound as tables."""
    for frame_name, frame in (frames or {}).items():
        con.register(frame_name, frame.to_arrow())
    try:
        return con.execute(statement(name), dict(params) if params else None).pl()
    finally:
        for frame_name in frames or {}:
            con.unregister(frame_name)
