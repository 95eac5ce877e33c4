"""The notebook API: polars frames, read-only, and the connection released after each call."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.warehouse import apply_schema
from newsdesk import api as nd


@pytest.fixture()
def warehouse(fresh_warehouse: Path) -> Path:
    fresh_warehouse.parent.mkdir(parents=True)
    with duckdb.connect(str(fresh_warehouse)) as con:
        apply_schema(con)
        con.execute(
            "INSERT INTO actors (actor_id, name, type, aliases)"
            " VALUES ('nato', 'NATO', 'organization', ['OTAN'])"
        )
    return fresh_warehouse


def test_tables_views_and_sql_come_back_as_polars(warehouse: Path) -> None:
    names = nd.tables(warehouse)
    assert {"articles", "coverage_by_outlet", "coverage_daily", "syndication"} <= set(names)
    actors = nd.table("actors", warehouse)
    assert isinstance(actors, pl.DataFrame) and actors["name"].to_list() == ["NATO"]
    found = nd.sql("SELECT name FROM actors WHERE actor_id = $id", warehouse, id="nato")
    assert found.item() == "NATO"


def test_tables_lists_what_the_readme_documents_and_leaves_bookkeeping_out(
    warehouse: Path,
) -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    listed = nd.tables(warehouse)
    assert [name for name in listed if f"`{name}`" not in readme] == []
    everything = nd.tables(warehouse, internal=True)
    assert set(everything) - set(listed) == nd.INTERNAL
    assert nd.table("article_bands", warehouse).is_empty()  # still readable by name


def test_a_table_comes_back_in_its_documented_order(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "INSERT INTO actors (actor_id, name, type, aliases) VALUES"
            " ('un', 'United Nations', 'organization', []),"
            " ('eu', 'European Union', 'organization', ['EU'])"
        )
    actors = nd.table("actors", warehouse)
    assert actors["actor_id"].to_list() == ["eu", "nato", "un"]  # by its columns, in order


def test_unknown_names_and_writes_are_refused(warehouse: Path) -> None:
    with pytest.raises(KeyError, match="no table or view 'articles; DROP'"):
        nd.table("articles; DROP", warehouse)
    with pytest.raises(duckdb.Error, match="read-only"):
        nd.sql("DELETE FROM actors", warehouse)


def test_the_file_is_free_for_a_writer_between_calls(warehouse: Path) -> None:
    nd.table("actors", warehouse)
    with duckdb.connect(str(warehouse)) as writer:  # would fail if the API still held it
        writer.execute("DELETE FROM actors")
    assert nd.table("actors", warehouse).is_empty()
