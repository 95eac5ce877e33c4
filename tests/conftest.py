"""Shared fixtures: the seeds, their expectations, and isolated Prefect/warehouse state."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECTED = ROOT / "tests" / "golden" / "seeds_expected.json"


def pytest_configure(config: pytest.Config) -> None:
    # Prefect state for the whole test session lives in a temporary folder, never in $HOME.
    home = Path(os.environ.get("NEWSDESK_TEST_PREFECT_HOME", "")) or None
    if home is None:
        import tempfile

        home = Path(tempfile.mkdtemp(prefix="newsdesk-prefect-"))
    os.environ["PREFECT_HOME"] = str(home)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED"] = "false"
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.pop("PREFECT_API_URL", None)


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
