"""The polars schema of every warehouse table, generated from the DDL in sql/schema/.

The DDL is the one source of the tables' columns and types. `make schemas` (this module
run as a script) applies it to an empty in-memory database and writes each table's columns
as polars types into transforms/tables.py, which the pure layer builds its frames from; a
test fails when that file is not what the DDL gives.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from flows.sqlfiles import sql_files

__all__ = ["GENERATED", "generated_module"]

GENERATED = Path(__file__).resolve().parent.parent / "transforms" / "tables.py"

# DuckDB's type names (information_schema) and the polars type a frame carries for each.
_POLARS_TYPES = {
    "VARCHAR": "pl.String()",
    "BOOLEAN": "pl.Boolean()",
    "DATE": "pl.Date()",
    "INTEGER": "pl.Int32()",
    "BIGINT": "pl.Int64()",
    "UBIGINT": "pl.UInt64()",
    "UTINYINT": "pl.UInt8()",
    "DOUBLE": "pl.Float64()",
    "TIMESTAMP WITH TIME ZONE": 'pl.Datetime("us", "UTC")',
}

_HEADER = '''"""Every warehouse table's columns as a polars schema, generated from sql/schema/ by
`make schemas` (flows/table_schemas.py): do not edit; change the DDL and regenerate."""

import polars as pl

TABLES: dict[str, pl.Schema] = {
'''


def _polars_type(duckdb_type: str) -> str:
    if duckdb_type.endswith("[]"):
        return f"pl.List({_polars_type(duckdb_type[:-2])})"
    if duckdb_type not in _POLARS_TYPES:
        raise ValueError(f"no polars type for the DuckDB type {duckdb_type}: add it here")
    return _POLARS_TYPES[duckdb_type]


def generated_module() -> str:
    """The text of transforms/tables.py for the DDL as it stands."""
    con = duckdb.connect()
    try:
        for path in sql_files("schema"):
            con.execute(path.read_text("utf-8"))
        rows = con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall()
    finally:
        con.close()
    tables: dict[str, list[tuple[str, str]]] = {}
    for table, column, duckdb_type in rows:
        tables.setdefault(table, []).append((column, _polars_type(duckdb_type)))
    lines = [_HEADER]
    for table, columns in tables.items():
        lines.append(f'    "{table}": pl.Schema({{\n')
        lines.extend(f'        "{column}": {kind},\n' for column, kind in columns)
        lines.append("    }),\n")
    lines.append("}  # fmt: skip\n")
    return "".join(lines)


if __name__ == "__main__":
    GENERATED.write_text(generated_module(), "utf-8")
    print(f"wrote {GENERATED}", file=sys.stderr)
