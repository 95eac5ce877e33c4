"""Which signal asked this process to stop, remembered past the exception it raised.

Ctrl-C raises KeyboardInterrupt where the main thread happens to be. Inside a DuckDB
query that is not where it ends: DuckDB checks for signals while it works, cancels the
query and raises its own `RuntimeError('Query interrupted')` (or `InterruptException`), an
ordinary exception that would make a stopped run look like a failed one. The shell installs
these handlers; the flow asks `stop_requested()` to tell the two apart.
"""

from __future__ import annotations

import signal
from types import FrameType

__all__ = ["install_stop_handlers", "stop_requested"]

_requested: list[str] = []


def _ask_to_stop(signum: int, frame: FrameType | None) -> None:
    _requested.append(signal.Signals(signum).name)
    raise KeyboardInterrupt  # unwinds as Ctrl-C does: what was committed stays


def install_stop_handlers() -> None:
    """SIGINT and SIGTERM both stop the run as an interruption (exit status 130)."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _ask_to_stop)


def stop_requested() -> str | None:
    """The first stop signal this process received (`SIGINT`, `SIGTERM`), if any."""
    return _requested[0] if _requested else None
