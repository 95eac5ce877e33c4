"""The newsdesk command as a user runs it: a real process, real exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.warehouse import apply_schema
from tests.conftest import ROOT


def newsdesk(
    *args: str, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=300,
    )


def test_sql_is_read_only_and_prints_results(fresh_warehouse: Path) -> None:
    fresh_warehouse.parent.mkdir(parents=True)
    with duckdb.connect(str(fresh_warehouse)) as con:
        apply_schema(con)
    shown = newsdesk("sql", "SELECT 40 + 2 AS answer", "--warehouse", str(fresh_warehouse))
    assert shown.returncode == 0 and "42" in shown.stdout
    refused = newsdesk("sql", "DROP TABLE articles", "--warehouse", str(fresh_warehouse))
    assert refused.returncode == 1
    assert "read-only" in refused.stderr.lower() and len(refused.stderr.splitlines()) == 1


def test_sql_prints_whole_values_in_the_format_asked(fresh_warehouse: Path) -> None:
    import csv
    import io
    import json

    fresh_warehouse.parent.mkdir(parents=True)
    with duckdb.connect(str(fresh_warehouse)) as con:
        apply_schema(con)
    long = "word " * 40
    query = f"SELECT 7 AS n, '{long}' AS text, ['a', 'b|c'] AS names FROM range(3)"

    def sql(*options: str) -> str:
        shown = newsdesk("sql", query, "--warehouse", str(fresh_warehouse), *options)
        assert shown.returncode == 0, shown.stderr
        return shown.stdout

    piped = sql()  # not a terminal: plain, and no value cut
    assert long.strip() in piped and not set("┌│┆╞═") & set(piped)
    rows = list(csv.DictReader(io.StringIO(sql("--format", "csv"))))
    assert (
        len(rows) == 3 and rows[0]["text"] == long and json.loads(rows[0]["names"]) == ["a", "b|c"]
    )
    assert json.loads(sql("--format", "json"))[0] == {"n": 7, "text": long, "names": ["a", "b|c"]}
    markdown = sql("--format", "markdown", "--max-rows", "2").splitlines()
    assert markdown[0] == "| n | text | names |" and len(markdown) == 4
    assert "b\\|c" in markdown[2]  # a pipe in a cell does not end it
    assert newsdesk("--version").stdout.startswith("newsdesk ")


def test_commands_fail_with_one_line_reasons(tmp_path: Path) -> None:
    missing = newsdesk("status", "--warehouse", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 1
    assert "run `newsdesk ingest` first" in missing.stderr
    no_seeds = newsdesk(
        "ingest", "--seeds-dir", str(tmp_path / "nowhere"), "--warehouse", str(tmp_path / "w.db")
    )
    assert no_seeds.returncode == 1
    assert no_seeds.stderr.strip().endswith(f"seeds folder not found: {tmp_path / 'nowhere'}")
    # Said before Prefect starts: no server, no Prefect import.
    home = tmp_path / "prefect-home"
    started = time.monotonic()
    no_workers = newsdesk(
        "ingest", "--seeds-dir", str(ROOT / "seeds"), "--workers", "0",
        env={"PREFECT_HOME": str(home)},
    )  # fmt: skip
    assert no_workers.returncode == 1 and "--workers 0: at least 1" in no_workers.stderr
    assert time.monotonic() - started < 20 and not (home / "newsdesk-server.json").exists()


def test_environment_sets_the_default_warehouse(fresh_warehouse: Path, tmp_path: Path) -> None:
    fresh_warehouse.parent.mkdir(parents=True)
    with duckdb.connect(str(fresh_warehouse)) as con:
        apply_schema(con)
    elsewhere = tmp_path / "elsewhere"  # no warehouse/ here: only the variable names one
    elsewhere.mkdir()
    asked = ("sql", "SELECT count(*) AS n FROM articles")
    shown = newsdesk(*asked, env={"NEWSDESK_WAREHOUSE": str(fresh_warehouse)}, cwd=elsewhere)
    assert shown.returncode == 0, shown.stderr
    unset = {k: v for k, v in os.environ.items() if k != "NEWSDESK_WAREHOUSE"}
    without = subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", *asked],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={**unset, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert without.returncode == 1
    assert "run `newsdesk ingest` first" in without.stderr


def test_an_analyst_query_can_reach_nothing_but_the_warehouse(
    fresh_warehouse: Path, tmp_path: Path
) -> None:
    from newsdesk import api as nd

    fresh_warehouse.parent.mkdir(parents=True)
    with duckdb.connect(str(fresh_warehouse)) as con:
        apply_schema(con)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", "utf-8")
    leak = tmp_path / "leak.csv"
    attempts = {
        f"COPY articles TO '{leak}'": "disabled by configuration",
        f"SELECT * FROM read_text('{secret}')": "disabled by configuration",
        f"ATTACH '{tmp_path / 'other.duckdb'}' AS other": "disabled by configuration",
        "SET enable_external_access = true": "configuration has been locked",
    }
    for query, reason in attempts.items():
        shown = newsdesk("sql", query, "--warehouse", str(fresh_warehouse))
        assert shown.returncode == 1 and reason in shown.stderr, (query, shown.stderr)
        with pytest.raises(duckdb.Error, match=reason):
            nd.sql(query, warehouse=fresh_warehouse)
    assert not leak.exists() and not (tmp_path / "other.duckdb").exists()
    assert nd.sql("SELECT count(*) AS n FROM articles", warehouse=fresh_warehouse)["n"][0] == 0
