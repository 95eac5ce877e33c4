"""Read the warehouse from a notebook: every table and view as a polars DataFrame.

    from newsdesk import api as nd

    nd.tables()                              # names of tables and views
    nd.table("coverage_by_outlet")           # a whole table or view
    nd.sql("SELECT * FROM articles WHERE outlet = $outlet", outlet="Mint")

Each call opens the warehouse read-only and closes it before returning, so a notebook
never holds the file while an ingest wants to write. The warehouse is
$NEWSDESK_WAREHOUSE, else warehouse/newsdesk.duckdb; pass `warehouse=` to choose another.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from flows.settings import Settings
from flows.warehouse import connect

__all__ = ["sql", "table", "tables"]


# The warehouse's own bookkeeping, no analysis reads: near-duplicate signatures and band
# keys, the site-chrome line counts, which articles were derived under which rules, the
# name candidates behind `unresolved_names`, the files to retry, the running totals behind
# `actor_co_mentions`, `coverage_daily` and `coverage_by_actor`, the articles the search
# index does not cover yet. Readable all the same.
INTERNAL = frozenset({
    "article_bands", "article_signatures", "site_lines", "actor_derivations",
    "name_candidates", "retried_files", "article_actor_pairs", "co_mention_totals",
    "co_mention_sources", "actor_day_totals", "actor_day_sources", "word_index_backlog",
})  # fmt: skip


def tables(warehouse: str | Path | None = None, *, internal: bool = False) -> list[str]:
    """The tables and views an analyst reads (with internal=True, the bookkeeping too)."""
    frame = sql(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'main' ORDER BY table_name",
        warehouse=warehouse,
    )
    names = [str(name) for name in frame["table_name"]]
    return names if internal else [n for n in names if n not in INTERNAL]


def table(name: str, warehouse: str | Path | None = None) -> pl.DataFrame:
    """One table or view, whole, its rows ordered by their columns left to right (each
    table's key columns come first), so two calls on the same warehouse agree row for row."""
    known = tables(warehouse, internal=True)
    if name not in known:
        raise KeyError(f"no table or view {name!r}; there are: {', '.join(known)}")
    quoted = '"' + name.replace('"', '""') + '"'
    return sql(f"SELECT * FROM {quoted} ORDER BY ALL", warehouse=warehouse)


def sql(query: str, warehouse: str | Path | None = None, **params: Any) -> pl.DataFrame:
    """Run one read-only query; `$name` placeholders take keyword arguments."""
    path = Settings.from_env(warehouse=warehouse).warehouse
    with connect(path, analyst=True) as con:
        return con.execute(query, params or None).pl()
