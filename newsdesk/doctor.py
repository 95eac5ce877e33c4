"""`newsdesk doctor`: is this installation, warehouse and seeds folder fit to run?

One line per check, `ok`, `warn` or `FAIL`; the command exits non-zero when any check
fails. Warnings are what a run copes with but a user should know (files dated by their
modification time); failures are what makes a run fail or lose data.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from flows.discover import SIDECAR_SUFFIX, discover_files
from flows.settings import Settings
from transforms.sidecar import parse_sidecar

__all__ = ["Finding", "diagnose"]

# Below this much free space a backfill's load can fill the disk mid-transaction.
MIN_FREE_DISK_BYTES = 1024**3
_PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;]+)")
_SHOWN = 3  # names listed per finding


@dataclass(frozen=True, slots=True)
class Finding:
    level: str  # ok / warn / FAIL
    check: str
    detail: str

    def line(self) -> str:
        return f"{self.level:<4} {self.check}: {self.detail}"


def diagnose(settings: Settings, lock: Path | None) -> list[Finding]:
    checks: list[Callable[[], Iterator[Finding]]] = [
        lambda: _packages(lock),
        lambda: _warehouse(settings.warehouse),
        _prefect_home,
        lambda: _seeds(settings),
        lambda: _disk(settings.warehouse),
    ]
    return [finding for check in checks for finding in check()]


def _packages(lock: Path | None) -> Iterator[Finding]:
    if lock is None or not lock.is_file():
        yield Finding("warn", "packages", "no requirements.lock here to compare against")
        return
    wrong: list[str] = []
    pins = [m.groups() for line in lock.read_text("utf-8").splitlines() if (m := _PIN.match(line))]
    for name, pinned in pins:
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong.append(f"{name} missing")
            continue
        if installed != pinned:
            wrong.append(f"{name} {installed} (lock: {pinned})")
    if wrong:
        yield Finding("FAIL", "packages", f"{len(wrong)} differ from the lock: {_some(wrong)}; "
                      "`make setup` reinstalls them")  # fmt: skip
    else:
        yield Finding("ok", "packages", f"{len(pins)} installed as requirements.lock pins them")


def _warehouse(path: Path) -> Iterator[Finding]:
    if not path.exists():
        yield Finding("warn", "warehouse", f"none yet at {path}: `newsdesk ingest` creates it")
        return
    import duckdb

    from flows.warehouse import missing_parts
    from transforms.tables import TABLES

    try:
        with duckdb.connect(str(path), read_only=True) as con:
            missing = missing_parts(con)
    except duckdb.Error as exc:
        yield Finding("FAIL", "warehouse", f"{path} does not open: {' '.join(str(exc).split())}")
        return
    size = f"{path.stat().st_size / 1e6:,.1f} MB"
    if missing:
        yield Finding("FAIL", "warehouse", f"{path} ({size}) lacks {_some(missing)}: "
                      "an older schema; the next `newsdesk ingest` adds them")  # fmt: skip
    else:
        yield Finding("ok", "warehouse", f"{path} ({size}, {len(TABLES)} tables)")


def _prefect_home() -> Iterator[Finding]:
    home = Path(os.environ.get("PREFECT_HOME", ""))
    if not home.is_dir() or not os.access(home, os.W_OK):
        yield Finding("FAIL", "prefect", f"PREFECT_HOME {home} is not a writable folder")
        return
    from newsdesk.local_server import server_status

    yield Finding("ok", "prefect", f"home {home}; background server {server_status()}")


def _seeds(settings: Settings) -> Iterator[Finding]:
    folder = settings.seeds_dir
    if not folder.is_dir():
        yield Finding("FAIL", "seeds", f"folder not found: {folder}")
        return
    found = discover_files(folder, {}, leave_out=settings.state_dirs())
    undated, too_large, bad = [], [], []
    for candidate in found.candidates:
        sidecar = candidate.path.with_name(candidate.path.name + SIDECAR_SUFFIX)
        if candidate.size_bytes > settings.max_file_bytes:
            too_large.append(candidate.relative)
        if not sidecar.is_file():
            undated.append(candidate.relative)
            continue
        fields, problems = parse_sidecar(sidecar.read_bytes(), datetime.now(UTC))
        if problems:
            bad.append(f"{candidate.relative}{SIDECAR_SUFFIX} ({problems[0]})")
        elif fields.captured_at is None:
            undated.append(candidate.relative)
    n = len(found.candidates)
    if bad:
        yield Finding("FAIL", "seeds", f"{len(bad)} sidecars do not parse: {_some(bad)}")
    if too_large:
        cap = f"{settings.max_file_bytes:,}-byte cap"
        yield Finding("FAIL", "seeds", f"{len(too_large)} files over the {cap} (they would be "
                      f"quarantined): {_some(too_large)}")  # fmt: skip
    if undated:
        what = f"{len(undated)} of {n} files have no capture time (no sidecar captured_at)"
        yield Finding("warn", "seeds", f"{what}, dated by modification time: {_some(undated)}")
    if not (bad or too_large):
        yield Finding("ok", "seeds", f"{folder}: {n} files to read")


def _disk(warehouse: Path) -> Iterator[Finding]:
    where = next((p for p in (warehouse.parent, *warehouse.parents) if p.exists()), Path("/"))
    free = shutil.disk_usage(where).free
    temp = shutil.disk_usage(tempfile.gettempdir()).free
    if free < MIN_FREE_DISK_BYTES:
        yield Finding("FAIL", "disk", f"{free / 1e9:.2f} GB free at {where}: a load may fill it")
    else:
        yield Finding("ok", "disk", f"{free / 1e9:,.1f} GB free at {where}, {temp / 1e9:,.1f} GB "
                      "in the temporary folder")  # fmt: skip


def _some(names: list[str]) -> str:
    more = f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
    return ", ".join(names[:_SHOWN]) + more
