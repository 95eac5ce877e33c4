"""A batch's statements hash the batch's rows, never a whole stored table.

A hash join keeps its build side in memory. Built on a stored table, that cost grows with
the warehouse on every batch, e.g. `key NOT IN (SELECT key FROM paragraphs)`, which DuckDB
plans as a MARK join over every stored paragraph id. Each statement here runs under
EXPLAIN ANALYZE against stored tables far larger than the batch, and every hash join's
build side must stay the batch's size.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import duckdb
import polars as pl
import pytest

from flows.shaping import CANDIDATES_PER_BUCKET
from flows.sqlfiles import statement
from flows.warehouse import apply_schema, step_statements
from transforms.incoming import INCOMING
from transforms.site_chrome import SITE_LINES_KEPT

STORED_ROWS = 20_000
BATCH_ROWS = 50
# A build side this large holds stored rows, not the batch's (a batch row may fan out to a
# few stored ones, never to half of a table).
TOO_LARGE = STORED_ROWS // 2

# One value per column type, numbered by the row so keys stay distinct.
_STORED_VALUE = {
    "VARCHAR": "'stored-' || i",
    "BIGINT": "i",
    "INTEGER": "i",
    "UBIGINT": "i",
    "UTINYINT": "1",
    "DOUBLE": "0.5",
    "BOOLEAN": "true",
    "DATE": "DATE '2025-01-01'",
    "TIMESTAMP WITH TIME ZONE": "TIMESTAMPTZ '2025-01-01 00:00:00+00'",
    "VARCHAR[]": "['a']",
    "UBIGINT[]": "[i::UBIGINT]",
}


def _fill_every_table(con: duckdb.DuckDBPyConnection) -> None:
    tables = con.sql("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'")
    for (table,) in tables.fetchall():
        columns = con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() "
            "WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index",
            [table],
        ).fetchall()
        values = ", ".join(f'{_STORED_VALUE[kind]} AS "{name}"' for name, kind in columns)
        con.execute(f"INSERT INTO {table} SELECT {values} FROM range({STORED_ROWS}) AS r(i)")


def _batch_value(dtype: pl.DataType, row: int) -> object:
    if dtype == pl.String:
        return f"batch-{row}"
    if isinstance(dtype, pl.List):
        return ["a"] if dtype.inner == pl.String else [row]
    if dtype == pl.Boolean:
        return True
    if dtype == pl.Date:
        return date(2025, 1, 2)
    if isinstance(dtype, pl.Datetime):
        return datetime(2025, 1, 2, tzinfo=UTC)
    if dtype == pl.Float64:
        return 0.5
    return row % 200


def _batch_frame(name: str) -> pl.DataFrame:
    schema = INCOMING[name]
    rows = range(BATCH_ROWS)
    return pl.DataFrame({c: [_batch_value(t, i) for i in rows] for c, t in schema.items()}, schema)


def _large_builds(node: dict[str, Any]) -> Iterator[str]:
    children = node.get("children", [])
    if "JOIN" in node.get("operator_name", "") and len(children) == 2:
        build = children[1].get("operator_cardinality", 0)
        if build >= TOO_LARGE:
            join = node.get("extra_info", {}).get("Join Type", "")
            yield f"{node['operator_name'].strip()} {join} built on {build} rows"
    for child in children:
        yield from _large_builds(child)


def _analyzed(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> list[str]:
    used = {k: v for k, v in params.items() if f"${k}" in sql}
    plan = con.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, used or None).fetchall()
    return list(_large_builds(json.loads(plan[0][1])))


@pytest.fixture()
def large_warehouse() -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect(config={"threads": 1}) as con:
        apply_schema(con)
        _fill_every_table(con)
        yield con


def test_a_batch_load_hashes_the_batch_not_the_stored_tables(
    large_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    con = large_warehouse
    statements, reads = step_statements("load")
    for name in reads:
        con.register(name, _batch_frame(name).to_arrow())
    params = {
        "now": datetime.now(UTC),
        "per_bucket": CANDIDATES_PER_BUCKET,
        "site_lines_kept": SITE_LINES_KEPT,
    }
    # Run in order, as the load does: later statements read what earlier ones create.
    con.execute("BEGIN TRANSACTION")
    large = {
        " ".join(part.query.split())[:100]: builds
        for sql in statements
        for part in con.extract_statements(sql)
        if (builds := _analyzed(con, part.query, params))
    }
    con.execute("ROLLBACK")
    assert not large


@pytest.mark.parametrize("whole_stories", [False, True])
def test_labelling_a_batch_reads_the_articles_it_touches_not_every_stored_one(
    large_warehouse: duckdb.DuckDBPyConnection, whole_stories: bool
) -> None:
    con = large_warehouse
    touched = pl.DataFrame({"article_id": [f"stored-{i}" for i in range(BATCH_ROWS)]})
    con.register("touched_articles", touched.to_arrow())
    con.register("touched_files", pl.DataFrame({"file_id": ["stored-7"]}).to_arrow())
    sql = statement("queries/near_duplicate_members")
    assert not _analyzed(con, sql, {"whole_stories": whole_stories})
    # The answer is still the touched articles (each is its own story here).
    rows = con.execute(sql, {"whole_stories": whole_stories}).fetchall()
    assert len(rows) == BATCH_ROWS
