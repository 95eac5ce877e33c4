"""A stop signal is remembered even when DuckDB turns it into an ordinary error."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest

from tests.conftest import ROOT

# Run in a process of its own: after DuckDB has cancelled one query on a signal, that
# process's later queries no longer notice signals, and pytest's must.
_STOPPED_MID_QUERY = """
import json, os, sys, threading
import duckdb
from flows.interrupts import install_stop_handlers, stop_requested

install_stop_handlers()
threading.Timer(0.3, os.kill, args=(os.getpid(), int(sys.argv[1]))).start()
try:
    duckdb.connect().sql("SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3").fetchall()
except BaseException as exc:
    print(json.dumps({"raised": type(exc).__name__, "stop": stop_requested()}))
"""

# As inside a flow: the shell's handlers installed, then Prefect's SIGTERM handler put in
# their place for the flow's body (it raises its own exception, which DuckDB swallows).
_STOPPED_MID_QUERY_IN_A_FLOW = """
import json, os, signal, threading
import duckdb
from flows.interrupts import install_stop_handlers, stop_requested, stop_signals_remembered

class TerminationSignal(BaseException):
    pass

def engine_handler(signum, frame):
    raise TerminationSignal

install_stop_handlers()
signal.signal(signal.SIGTERM, engine_handler)
with stop_signals_remembered():
    threading.Timer(0.3, os.kill, args=(os.getpid(), signal.SIGTERM)).start()
    try:
        duckdb.connect().sql("SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3").fetchall()
    except BaseException as exc:
        raised = type(exc).__name__
print(json.dumps({
    "raised": raised,
    "stop": stop_requested(),
    "handler_after": signal.getsignal(signal.SIGTERM) is engine_handler,
}))
"""

_STOPPED_BETWEEN_QUERIES = """
import json, os, threading
from flows.interrupts import install_stop_handlers, stop_requested

install_stop_handlers()
threading.Timer(0.3, os.kill, args=(os.getpid(), 2)).start()
try:
    threading.Event().wait(10)
except BaseException as exc:
    print(json.dumps({"raised": type(exc).__name__, "stop": stop_requested()}))
"""


def _outcome(script: str, *args: str) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    outcome: dict[str, str] = json.loads(done.stdout)
    return outcome


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_inside_a_duckdb_query_is_remembered_as_a_stop(signum: signal.Signals) -> None:
    outcome = _outcome(_STOPPED_MID_QUERY, str(int(signum)))
    # DuckDB cancels the query and raises its own error, not KeyboardInterrupt: without the
    # remembered signal the run would be recorded as failed.
    assert outcome["raised"] != "KeyboardInterrupt"
    assert outcome["stop"] == signum.name


def test_a_sigterm_the_flow_engine_handles_inside_a_duckdb_query_is_remembered() -> None:
    outcome = _outcome(_STOPPED_MID_QUERY_IN_A_FLOW)
    # The engine's exception is lost inside the query, as the shell's would be; the signal
    # is still known, and the engine's handler is back in place after the block.
    assert outcome["raised"] not in {"TerminationSignal", "KeyboardInterrupt"}
    assert outcome == {"raised": outcome["raised"], "stop": "SIGTERM", "handler_after": True}


def test_a_signal_between_queries_raises_keyboard_interrupt() -> None:
    assert _outcome(_STOPPED_BETWEEN_QUERIES) == {"raised": "KeyboardInterrupt", "stop": "SIGINT"}
