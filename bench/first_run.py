"""The first ten minutes, timed: a fresh clone's set-up, its first run, and the fixed cost
of a run that finds nothing new (`newsdesk ingest` from the shell, end to end).

The clone is made from this checkout's committed tree into a temporary folder; its set-up
is `make setup` (a venv, uv, the lock); its runs use the Prefect server the command line
starts on the first run and reuses (stopped at the end). Targets: set-up ≤ 60 s, a no-op
run ≤ 5 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.report import machine_line, write_section
from newsdesk.local_server import free_port

ROOT = Path(__file__).resolve().parent.parent
NO_OP_RUNS = 5
SETUP_TARGET_S, NO_OP_TARGET_S = 60.0, 5.0


def _timed(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="newsdesk-first-run-") as tmp:
        clone = Path(tmp) / "newsdesk"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        env = {
            k: v for k, v in os.environ.items()
            if not k.startswith(("NEWSDESK_", "PREFECT_", "VIRTUAL_ENV"))
        } | {"NEWSDESK_PREFECT_PORT": str(free_port())}  # fmt: skip
        setup_s = _timed(["make", "setup"], clone, env)
        newsdesk = str(clone / ".venv" / "bin" / "newsdesk")
        try:
            first_s = _timed([newsdesk, "ingest"], clone, env)
            no_op = [_timed([newsdesk, "ingest"], clone, env) for _ in range(NO_OP_RUNS)]
        finally:
            subprocess.run([newsdesk, "server", "stop"], cwd=clone, env=env, capture_output=True)
    body = render(setup_s, first_s, no_op)
    write_section("first_run", body)
    print(body)


def render(setup_s: float, first_s: float, no_op: list[float]) -> str:
    median = statistics.median(no_op)
    spread = f"median; min {min(no_op):.1f}, max {max(no_op):.1f}"
    return f"""## First ten minutes — set-up and the fixed cost of a run

{machine_line()} Command: `make bench` (`python -m bench.first_run`).
A fresh clone of the committed tree: `make setup` (a venv, uv, the locked packages; uv's
download cache as this machine has it), then `newsdesk ingest` of the five sample pages
(it starts the Prefect server later runs reuse), then {len(no_op)} runs that find nothing
new, each timed from the shell.

| step | seconds | target |
|---|---|---|
| `make setup` on a fresh clone | {setup_s:.1f} | ≤ {SETUP_TARGET_S:.0f} |
| first `newsdesk ingest` (starts the server, loads 5 pages) | {first_s:.1f} | |
| a run with nothing new ({spread}) | {median:.1f} | ≤ {NO_OP_TARGET_S:.0f} |
"""


if __name__ == "__main__":
    main()
