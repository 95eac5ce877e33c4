"""A Prefect API for the command line's runs: found, or started once and reused.

A flow run against Prefect's temporary in-process API pays for starting that API every
time (about 10 s here, most of a run that finds nothing new). So, unless PREFECT_API_URL
names a server, `newsdesk ingest` looks for a server on 127.0.0.1 (the one `make server`
starts, or one it started before, recorded under PREFECT_HOME) and, when none answers,
starts `prefect server start` in the background and leaves it running for the next runs;
`newsdesk server stop` ends it. NEWSDESK_PREFECT_PORT picks its port (default 4200);
NEWSDESK_PREFECT_SERVER=off gives the command a server of its own, stopped when it ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["ensure_api", "free_port", "private_api", "server_status", "stop_server"]

DEFAULT_PORT = 4200  # where `make server` and Prefect's own docs put the UI


def _port() -> int:
    return int(os.environ.get("NEWSDESK_PREFECT_PORT") or DEFAULT_PORT)


STATE_FILE = "newsdesk-server.json"
LOG_FILE = "newsdesk-server.log"
# A first start creates Prefect's database; on a busy 2-core machine that took 40 s.
START_TIMEOUT_S = 120.0


def _home() -> Path:
    return Path(os.environ["PREFECT_HOME"])


def _answers(api: str, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api}/health", timeout=timeout) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _recorded() -> dict[str, object] | None:
    try:
        state: dict[str, object] = json.loads((_home() / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return state


def _port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def ensure_api(say: Callable[[str], object] = print) -> str | None:
    """Point this process at a Prefect server (setting PREFECT_API_URL) and return its URL,
    or None when runs should use the temporary in-process API."""
    if os.environ.get("PREFECT_API_URL") or os.environ.get("NEWSDESK_PREFECT_SERVER") == "off":
        return os.environ.get("PREFECT_API_URL")
    state = _recorded()
    candidates = [str(state["api"])] if state else []
    candidates.append(f"http://127.0.0.1:{_port()}/api")
    for api in candidates:
        if _answers(api):
            os.environ["PREFECT_API_URL"] = api
            return api
    api = _start(say)
    os.environ["PREFECT_API_URL"] = api
    return api


@contextlib.contextmanager
def private_api() -> Iterator[str]:
    """A Prefect server for one command alone, stopped when it ends (PREFECT_API_URL set
    meanwhile). In a session of its own, unlike Prefect's temporary API: a Ctrl-C sent to
    the command's process group would stop that API under the flow, whose last calls to it
    would then hang; this one is stopped after the flow has recorded how it ended."""
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    process = _spawn(port, ui="false")
    try:
        _wait_until_answering(process, api)
        os.environ["PREFECT_API_URL"] = api
        yield api
    finally:
        _send_pending_logs()
        os.environ.pop("PREFECT_API_URL", None)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _send_pending_logs() -> None:
    """Prefect sends run logs and events from background workers, at exit at the latest:
    sent now, while their server still answers."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        worker.drain_all(timeout=10)


def _spawn(port: int, ui: str) -> subprocess.Popen[bytes]:
    with (_home() / LOG_FILE).open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
             "--port", str(port)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,  # a Ctrl-C meant for the command does not reach it
            env={**os.environ, "PREFECT_UI_ENABLED": ui},
        )  # fmt: skip


def _start(say: Callable[[str], object]) -> str:
    port = _port() if _port_is_free(_port()) else free_port()
    api = f"http://127.0.0.1:{port}/api"
    process = _spawn(port, ui=os.environ.get("PREFECT_UI_ENABLED", "true"))
    (_home() / STATE_FILE).write_text(json.dumps({"api": api, "pid": process.pid}), "utf-8")
    say(f"starting a Prefect server on 127.0.0.1:{port} (once: later runs reuse it; "
        "`newsdesk server stop` ends it)…")  # fmt: skip
    _wait_until_answering(process, api)
    return api


def _wait_until_answering(process: subprocess.Popen[bytes], api: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the Prefect server exited at start (code {process.returncode}); "
                f"see {_home() / LOG_FILE}"
            )
        if _answers(api):
            return
        time.sleep(0.25)
    raise RuntimeError(f"the Prefect server did not answer in {START_TIMEOUT_S:.0f} s")


def server_status() -> str:
    state = _recorded()
    if state and _answers(str(state["api"])):
        return f"running: {state['api']} (pid {state['pid']})"
    return "not running"


def stop_server() -> str:
    state = _recorded()
    if not state:
        return "no server was started by newsdesk"
    pid = int(str(state["pid"]))
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.killpg(pid, signal.SIGKILL)
    (_home() / STATE_FILE).unlink(missing_ok=True)
    return f"stopped the server at {state['api']}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A child of this process that exited is a zombie until reaped.
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done == 0
    return True
