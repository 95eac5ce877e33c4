"""What the pipeline benchmarks share: an ingest in its own process, and the floor."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from transforms.decode import decode_bytes
from transforms.records import Rejected

__all__ = ["ROOT", "floor_seconds", "ingest_in_child"]

ROOT = Path(__file__).resolve().parent.parent


def ingest_in_child(seeds: Path, warehouse: Path, workers: int = 2) -> dict[str, Any]:
    """One ingest in a fresh process (bench/child.py), as a scheduled run would be: its
    seconds, peak RSS, time in data-quality checks, summary and warehouse size."""
    # One Prefect home per benchmark folder, made by its first run: a new Prefect database
    # costs 10-20 s that no scheduled run pays.
    env = {**os.environ, "PREFECT_HOME": str(warehouse.parent.parent / "prefect")}
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "bench.child", str(seeds), str(warehouse), str(workers)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"ingest failed: {done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def floor_seconds(files: list[Path]) -> float:
    """Read + sha256 + decode of every file: what any ingest of them must at least do."""
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        with contextlib.suppress(Rejected):
            decode_bytes(data)
    return time.perf_counter() - start
