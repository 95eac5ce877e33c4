"""Shared fixtures: the seeds, their expectations, and isolated Prefect/warehouse state."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from flows.settings import configure_prefect_home, packaged_knowledge

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECTED = ROOT / "tests" / "golden" / "seeds_expected.json"
# The curated files the package ships, parsed as a run parses them.
KNOWLEDGE = packaged_knowledge()


def pytest_configure(config: pytest.Config) -> None:
    # Prefect state for the whole test session lives in a temporary folder, never in $HOME.
    import tempfile

    chosen = os.environ.get("NEWSDESK_TEST_PREFECT_HOME")
    home = Path(chosen) if chosen else Path(tempfile.mkdtemp(prefix="newsdesk-prefect-"))
    os.environ["PREFECT_HOME"] = str(home.resolve())
    configure_prefect_home()  # the CLI's own Prefect defaults, in that home
    os.environ["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED"] = "false"
    os.environ.pop("PREFECT_API_URL", None)
    # Commands the suite runs use the temporary API unless a test asks for the server the
    # command line starts and reuses (it would outlive the test).
    os.environ["NEWSDESK_PREFECT_SERVER"] = "off"


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXPECTED.read_text("utf-8"))
    return data


@pytest.fixture()
def seeds_dir(tmp_path: Path) -> Path:
    """A private copy of the seeds, safe to edit."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture()
def fresh_warehouse(tmp_path: Path) -> Path:
    return tmp_path / "warehouse" / "newsdesk.duckdb"


@pytest.fixture(scope="session")
def prefect_api() -> Any:
    """One temporary Prefect API for every flow test in the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def run_ingest(seeds: Path, warehouse: Path) -> dict[str, Any]:
    from flows.ingest import ingest_flow

    summary: dict[str, Any] = ingest_flow(str(seeds), str(warehouse))
    return summary


def warehouse_rows(warehouse: Path, sql: str) -> list[tuple[Any, ...]]:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows: list[tuple[Any, ...]] = con.execute(sql).fetchall()
    return rows


@pytest.fixture(scope="session")
def seeds_warehouse(prefect_api: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse built once from the seeds, captured at a fixed time (read-only use)."""
    root = tmp_path_factory.mktemp("seeds-warehouse")
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    for page in seeds.glob("*.txt"):
        sidecar = page.with_name(page.name + ".meta.json")
        sidecar.write_text('{"captured_at": "2025-08-16T12:00:00Z"}', "utf-8")
    warehouse = root / "warehouse" / "newsdesk.duckdb"
    run_ingest(seeds, warehouse)
    return warehouse


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's headless Chromium (`make setup` installs it)."""
    found = shutil.which("chromium")
    if found is None:
        pytest.fail("chromium is not installed: `make browser` installs it")
    return found


# What differs by run and nothing else: the data-quality results (one validation per batch,
# so as many as there were batches) and the runs themselves.
PER_RUN_TABLES = {"dq_results", "latest_dq_results", "ingest_runs"}
# Columns of times from the data, not from the clock.
DATA_TIMES = {"captured_at", "published_at"}
# Numbers the warehouse gives rows as they arrive (articles.article_no, actor_keys): they
# follow the order the files came in, so what they point to is compared instead
# (tests/flows/test_determinism.py checks that every copy of a number agrees).
ARRIVAL_NUMBERS = {"article_no", "actor_no"}


def table_checksums(warehouse: Path) -> dict[str, tuple[int, str]]:
    """Every table's and view's row count and a digest of its rows, without what differs by
    run (run ids, wall-clock times, numbers given in order of arrival): equal for any two
    warehouses of the same files."""
    import duckdb

    sums = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns: dict[str, list[str]] = {}
        for table, column in con.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " ORDER BY table_name, ordinal_position"
        ).fetchall():
            by_clock = column == "run_id" or (column.endswith("_at") and column not in DATA_TIMES)
            by_arrival = column in ARRIVAL_NUMBERS
            if table not in PER_RUN_TABLES and not by_clock and not by_arrival:
                columns.setdefault(table, []).append(f'"{column}"')
        for table, kept in columns.items():
            ((count, digest),) = con.execute(
                f"SELECT count(*), md5(coalesce(string_agg(row_text, '\n' ORDER BY row_text), ''))"
                f" FROM (SELECT ({', '.join(kept)})::VARCHAR AS row_text FROM {table})"
            ).fetchall()
            sums[table] = (count, digest)
    return sums
