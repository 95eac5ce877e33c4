"""One typed settings object, built at the edge (CLI, flow parameters, environment)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Settings", "configure_prefect_home"]

DEFAULT_SEEDS_DIR = Path("seeds")
DEFAULT_WAREHOUSE = Path("warehouse/newsdesk.duckdb")
# Real pages are well under 5 MB; 20 MB leaves room for inline images and still keeps one
# hostile file from exhausting memory.
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# Files per batch: each batch is one extract task, one check task and one load transaction.
# Large enough that Prefect's per-task cost (tens of ms) disappears, small enough that
# memory stays flat however large the backfill.
DEFAULT_BATCH_FILES = 1000
# Extraction processes: one per core, while the flow's process checks and loads.
DEFAULT_WORKERS = os.cpu_count() or 1
# How long a writer waits for another process holding the warehouse before giving up.
DEFAULT_LOCK_TIMEOUT_S = 30.0


@dataclass(frozen=True, slots=True)
class Settings:
    seeds_dir: Path
    warehouse: Path
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    batch_files: int = DEFAULT_BATCH_FILES
    lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S
    workers: int = DEFAULT_WORKERS
    actors_file: Path | None = None  # None: the curated transforms/data/actors.yaml

    @property
    def data_docs_dir(self) -> Path:
        """Great Expectations' Data Docs, rebuilt after each run, beside the warehouse."""
        return self.warehouse.parent / "data_docs"

    def actor_registry_yaml(self) -> bytes | None:
        return self.actors_file.read_bytes() if self.actors_file else None

    @classmethod
    def from_env(
        cls, seeds_dir: str | Path | None = None, warehouse: str | Path | None = None
    ) -> Settings:
        seeds = seeds_dir or os.environ.get("NEWSDESK_SEEDS_DIR") or DEFAULT_SEEDS_DIR
        store = warehouse or os.environ.get("NEWSDESK_WAREHOUSE") or DEFAULT_WAREHOUSE
        max_bytes = int(os.environ.get("NEWSDESK_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))
        actors = os.environ.get("NEWSDESK_ACTORS_FILE")
        return cls(
            seeds_dir=Path(seeds).resolve(),
            warehouse=Path(store).resolve(),
            max_file_bytes=max_bytes,
            batch_files=int(os.environ.get("NEWSDESK_BATCH_FILES", DEFAULT_BATCH_FILES)),
            lock_timeout_s=float(os.environ.get("NEWSDESK_LOCK_TIMEOUT_S", DEFAULT_LOCK_TIMEOUT_S)),
            workers=max(1, int(os.environ.get("NEWSDESK_WORKERS", DEFAULT_WORKERS))),
            actors_file=Path(actors).resolve() if actors else None,
        )


def configure_prefect_home(project_root: Path | None = None) -> None:
    """Keep Prefect's state in the project's ignored .state folder unless told otherwise.

    Must run before prefect is imported: Prefect reads its settings at import time.
    """
    if "PREFECT_HOME" not in os.environ:
        root = project_root or Path.cwd()
        os.environ["PREFECT_HOME"] = str((root / ".state" / "prefect").resolve())
    # Prefect creates only the last level of its home; a fresh clone has no .state/ yet.
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
