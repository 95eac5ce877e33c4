"""Which signal asked this process to stop, remembered past the exception it raised.

Ctrl-C raises KeyboardInterrupt where the main thread happens to be. Inside a DuckDB
query that is not where it ends: DuckDB checks for signals while it works, cancels the
query and raises its own `RuntimeError('Query interrupted')` (or `InterruptException`), an
ordinary exception that would make a stopped run look like a failed one. The shell installs
these handlers; the flow asks `stop_requested()` to tell the two apart.

While a flow runs, Prefect puts a SIGTERM handler of its own in place of the shell's (it
raises `TerminationSignal`). Inside a DuckDB query that exception is lost the same way, so
the flow wraps Prefect's handler for its body (`stop_signals_remembered`): the signal is
remembered, then handled as Prefect handles it.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

__all__ = ["install_stop_handlers", "stop_requested", "stop_signals_remembered"]

_requested: list[str] = []
_Handler = Callable[[int, FrameType | None], Any]


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


@contextmanager
def stop_signals_remembered() -> Iterator[None]:
    """For the block, the SIGINT and SIGTERM handlers in place (Prefect's, in a flow) first
    remember the signal for `stop_requested()`, then do what they did. Off the main thread,
    where handlers cannot be set, and for a signal left to the system's default, nothing
    changes."""
    replaced: dict[signal.Signals, _Handler] = {}
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous = signal.getsignal(signum)
            if callable(previous) and previous is not _ask_to_stop:
                signal.signal(signum, _remembering(previous))
                replaced[signum] = previous
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for signum, previous in replaced.items():
            signal.signal(signum, previous)


def _remembering(handler: _Handler) -> _Handler:
    def remember_then_handle(signum: int, frame: FrameType | None) -> Any:
        _requested.append(signal.Signals(signum).name)
        return handler(signum, frame)

    return remember_then_handle
