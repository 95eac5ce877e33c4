"""A real Prefect server on a loopback port, the deployment served on a cron schedule, and
two runs triggered back to back: both complete, never overlap, and load the seeds once."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT, SEEDS, warehouse_rows

pytestmark = pytest.mark.integration
DEPLOYMENT = "ingest/newsdesk-ingest"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for(check: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if result := check():
                return result
        except httpx.HTTPError:
            pass
        time.sleep(1)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def _completion_logs(api: str, run_id: str) -> list[str]:
    """The run's INFO-or-higher log messages on the server, once the one with its counts is
    among them (empty until then)."""
    logs = httpx.post(
        f"{api}/logs/filter",
        json={"logs": {"flow_run_id": {"any_": [run_id]}, "level": {"ge_": 20}}},
        timeout=10,
    ).json()
    messages = [entry["message"] for entry in logs]
    counted = any(" completed: " in m and "new files loaded" in m for m in messages)
    return messages if counted else []


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


@pytest.fixture()
def prefect_server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
        "PREFECT_LOGGING_LEVEL": "INFO",
    }
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("prefect")), "server", "start",
         "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        _wait_for(lambda: httpx.get(f"{api}/health", timeout=5).status_code == 200, 180, "server")
        yield api, env
    finally:
        _stop(server)
        log.close()
    assert server.poll() is not None, "the server process is still running"


def _trigger(api: str, deployment_id: str) -> str:
    """One manual run; a server busy writing its SQLite database may answer 503 for a moment."""

    def create() -> str | None:
        reply = httpx.post(
            f"{api}/deployments/{deployment_id}/create_flow_run", json={}, timeout=10
        )
        if reply.status_code == 503:
            return None
        run_id: str = reply.raise_for_status().json()["id"]
        return run_id

    result: str = _wait_for(create, 60, "the server to accept a manual run")
    return result


def _runs(api: str, deployment_id: str) -> list[dict[str, Any]]:
    reply = httpx.post(
        f"{api}/flow_runs/filter",
        json={"flow_runs": {"deployment_id": {"any_": [deployment_id]}}},
        timeout=10,
    )
    reply.raise_for_status()
    runs: list[dict[str, Any]] = reply.json()
    return runs


def test_served_deployment_schedules_and_runs_one_at_a_time(
    prefect_server: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    api, env = prefect_server
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    warehouse = tmp_path / "warehouse" / "newsdesk.duckdb"
    log = (tmp_path / "serve.log").open("wb")
    serving = subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "serve", "--cron", "0 3 * * *",
         "--seeds-dir", str(seeds), "--warehouse", str(warehouse)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        deployment = _wait_for(
            lambda: httpx.get(f"{api}/deployments/name/{DEPLOYMENT}", timeout=5).json().get("id"),
            180,
            "the deployment",
        )
        # The scheduler service itself must create the cron runs (a broken SQLAlchemy never does).
        _wait_for(
            lambda: [r for r in _runs(api, deployment) if r["auto_scheduled"]],
            120,
            "scheduled runs created by the server's scheduler",
        )
        triggered = [_trigger(api, deployment) for _ in range(2)]

        def both_finished() -> list[dict[str, Any]] | None:
            done = [r for r in _runs(api, deployment) if r["id"] in triggered]
            final = {"COMPLETED", "FAILED", "CRASHED"}
            return done if len(done) == 2 and all(r["state_type"] in final for r in done) else None

        finished = _wait_for(both_finished, 300, "both triggered runs to finish")
        # A run's logs reach the server in batches as its process ends; stopping `serve` at
        # once would stop that process before it sent them.
        for run in finished:
            _wait_for(lambda run=run: _completion_logs(api, run["id"]), 60, "the run's logs")
    finally:
        _stop(serving)
        log.close()
    assert serving.poll() is not None
    assert [r["state_type"] for r in finished] == ["COMPLETED", "COMPLETED"], (
        tmp_path / "serve.log"
    ).read_text()[-3000:]
    first, second = sorted(finished, key=lambda r: r["start_time"])
    end_of_first = datetime.fromisoformat(first["end_time"])
    assert end_of_first <= datetime.fromisoformat(second["start_time"]), "the runs overlapped"
    assert warehouse_rows(warehouse, "SELECT count(*) FROM articles") == [(11,)]
    assert warehouse_rows(warehouse, "SELECT count(*) FROM source_files") == [(5,)]
    assert warehouse_rows(
        warehouse, "SELECT status, n_files_new FROM ingest_runs ORDER BY started_at"
    ) == [("completed", 5), ("completed", 0)]
    # What a user of the Prefect UI sees of each run: its INFO log with the counts, and its
    # Markdown artifact; `serve` printed one line per run.
    for run in (first, second):
        assert _completion_logs(api, run["id"]), "no INFO log with the run's counts"
        artifacts = httpx.post(
            f"{api}/artifacts/filter",
            json={"artifacts": {"flow_run_id": {"any_": [run["id"]]}}},
            timeout=10,
        ).json()
        assert [a["key"] for a in artifacts] == ["ingest-run"]
        assert "| new files loaded |" in artifacts[0]["data"]
    new_files = [5, 0]
    served = (tmp_path / "serve.log").read_text()
    for n in new_files:
        assert f"completed: {n} new files" in served, served[-2000:]


def test_ingest_starts_a_prefect_server_once_and_later_runs_reuse_it(tmp_path: Path) -> None:
    from tests.test_cli import newsdesk

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    env = {
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "NEWSDESK_PREFECT_SERVER": "on",
        "NEWSDESK_PREFECT_PORT": str(_free_port()),
        "NEWSDESK_SEEDS_DIR": str(seeds),
        "NEWSDESK_WAREHOUSE": str(tmp_path / "warehouse" / "newsdesk.duckdb"),
    }
    (tmp_path / "prefect-home").mkdir()
    state = tmp_path / "prefect-home" / "newsdesk-server.json"
    try:
        first = newsdesk("ingest", env=env)
        assert first.returncode == 0, first.stderr
        assert "starting a Prefect server" in first.stderr
        started = state.read_text("utf-8")
        started_at = time.monotonic()
        again = newsdesk("ingest", env=env)
        no_op_s = time.monotonic() - started_at
        assert again.returncode == 0, again.stderr
        assert "starting a Prefect server" not in again.stderr
        assert state.read_text("utf-8") == started  # the same server, reused
        assert "unchanged files skipped" in again.stdout and no_op_s < 30
        assert newsdesk("server", "status", env=env).stdout.startswith("running: ")
        runs = warehouse_rows(Path(env["NEWSDESK_WAREHOUSE"]), "SELECT count(*) FROM ingest_runs")
        assert runs == [(2,)]
    finally:
        stopped = newsdesk("server", "stop", env=env)
    assert stopped.returncode == 0 and not state.exists()
    assert newsdesk("server", "status", env=env).stdout.strip() == "not running"
