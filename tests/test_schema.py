"""The schema and views apply idempotently and expose the contract's columns."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.settings import Settings
from flows.warehouse import apply_schema, connect
from tests.conftest import ROOT

CONTRACT_COLUMNS = {
    "source_files": "file_id path size_bytes format captured_at first_seen_at run_id status",
    "articles": (
        "article_id file_id position kind title subtitle outlet wire authors dateline "
        "published_at published_at_source captured_at coverage_date coverage_date_source body "
        "n_paragraphs n_words near_duplicate_of is_current"
    ),
    "paragraphs": "paragraph_id article_id position kind text n_words",
    "outlets": "outlet_id name aliases",
    "actors": "actor_id name type aliases",
    "mentions": "article_id paragraph_id actor_id surface start end",
    "quotes": "quote_id article_id paragraph_id speaker_actor_id speaker_surface text",
    "ingest_runs": (
        "run_id flow_run_id started_at finished_at status n_files_seen n_files_new "
        "n_files_skipped n_files_quarantined n_articles_loaded"
    ),
    "dq_results": "run_id check_name table_name severity passed n_failed details",
    "quarantine": "run_id file_id path reason detail",
    "coverage_by_outlet": "outlet n_articles n_paragraphs n_words first_date last_date",
    "coverage_by_actor": "n_articles n_paragraphs n_mentions n_outlets",
    "coverage_by_date": "coverage_date n_articles n_outlets",
    "coverage_daily": "coverage_date outlet n_articles n_mentions share_of_outlet_articles",
}


def test_schema_applies_twice_with_the_contract_columns(fresh_warehouse: Path) -> None:
    fresh_warehouse.parent.mkdir(parents=True)
    with duckdb.connect(str(fresh_warehouse)) as con:
        apply_schema(con)
        apply_schema(con)
        for table, columns in CONTRACT_COLUMNS.items():
            present = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
            assert set(columns.split()) <= present, (table, set(columns.split()) - present)


def test_the_writer_connection_caps_duckdb_memory_and_threads(
    fresh_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The ingest's connection holds DuckDB to the configured memory, so the writer's
    # memory does not grow with the warehouse; readers keep DuckDB's default.
    monkeypatch.setenv("NEWSDESK_DUCKDB_MEMORY", "200MB")
    settings = Settings.from_env(warehouse=fresh_warehouse)
    with connect(settings.warehouse, memory_limit=settings.duckdb_memory, threads=1) as con:
        limit = con.sql("SELECT current_setting('memory_limit')").fetchone()
        assert con.sql("SELECT current_setting('threads')").fetchone() == (1,)
        # DuckDB's allocator hands freed pages back without waiting for its next allocation.
        purge = con.sql("SELECT current_setting('allocator_background_threads')").fetchone()
        assert purge == (True,)
        # Several batches per checkpoint, not one each (DuckDB's 16 MB default).
        checkpoint_wal = con.sql("SELECT current_setting('checkpoint_threshold')").fetchone()
        assert checkpoint_wal == ("61.0 MiB",)
    with connect(settings.warehouse, read_only=True) as reader:
        default = reader.sql("SELECT current_setting('memory_limit')").fetchone()
    assert limit is not None and default is not None
    assert limit == ("190.7 MiB",)  # 200 MB, shown in MiB
    assert limit != default


class _StoppedAfterFirstStatement:
    """A connection that a stop signal interrupts right after its first statement."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.calls = con, 0

    def execute(self, *args: object) -> duckdb.DuckDBPyConnection:
        self.calls += 1
        result = self.con.execute(*args)  # type: ignore[arg-type]
        if self.calls == 1:
            raise KeyboardInterrupt
        return result


@pytest.mark.parametrize("memory_limit", ["200MB", None])
def test_a_stop_while_the_cache_is_dropped_leaves_the_writer_its_memory(
    memory_limit: str | None,
) -> None:
    # The run records itself on this connection after a stop: left at the cache floor, that
    # record failed for want of memory and the stop looked like a crash.
    from flows.warehouse import drop_cached_blocks

    with duckdb.connect(config={"memory_limit": memory_limit or "200MB"}) as con:
        if memory_limit is None:
            con.execute("RESET memory_limit")
        before = con.sql("SELECT current_setting('memory_limit')").fetchone()
        with pytest.raises(KeyboardInterrupt):
            drop_cached_blocks(_StoppedAfterFirstStatement(con), memory_limit)  # type: ignore[arg-type]
        assert con.sql("SELECT current_setting('memory_limit')").fetchone() == before


def test_the_tables_polars_schemas_are_what_the_ddl_gives() -> None:
    from flows.table_schemas import GENERATED, generated_module

    assert GENERATED.read_text("utf-8") == generated_module(), "run `make schemas`"


def test_every_frame_a_statement_reads_is_declared_and_every_declared_one_is_read() -> None:
    from flows.warehouse import STEPS, step_statements
    from transforms.incoming import INCOMING

    read = set().union(*(step_statements(step)[1] for step in STEPS))
    assert read == set(INCOMING)
    # No write statement hides outside a step, nor a read of a frame under queries/.
    stepped = {folder for folders in STEPS.values() for folder in folders}
    folders = {p.name for p in (ROOT / "sql").iterdir() if p.is_dir()}
    assert folders - stepped == {"schema", "views", "queries", "export", "app", "settings"}
    read_only = ("queries", "app", "settings")
    for path in [p for folder in read_only for p in (ROOT / "sql" / folder).glob("*.sql")]:
        text = path.read_text("utf-8").upper()
        assert not any(w in text for w in ("INSERT ", "DELETE ", "UPDATE ")), path.name


def test_a_load_refuses_frames_its_statements_do_not_read_or_that_lack_columns() -> None:
    import polars as pl

    from flows.warehouse import load_frames
    from transforms.incoming import INCOMING

    run = pl.DataFrame(schema=INCOMING["incoming_run"])
    dq = pl.DataFrame(schema=INCOMING["incoming_dq_results"])
    with duckdb.connect() as con:
        apply_schema(con)
        load_frames(con, {"incoming_run": run, "incoming_dq_results": dq}, "record_run")
        with pytest.raises(ValueError, match="read incoming_dq_results, not given"):
            load_frames(con, {"incoming_run": run}, "record_run")
        extra = {"incoming_run": run, "incoming_dq_results": dq, "incoming_quotes": dq}
        with pytest.raises(ValueError, match="no statement reads incoming_quotes"):
            load_frames(con, extra, "record_run")
        short = {"incoming_run": run.drop("error"), "incoming_dq_results": dq}
        with pytest.raises(ValueError, match="incoming_run has columns"):
            load_frames(con, short, "record_run")
