"""One typed settings object, built at the edge (CLI, flow parameters, environment)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from transforms.curated import CuratedTexts, check_recognition_mode

if TYPE_CHECKING:
    from transforms.knowledge import Knowledge

__all__ = ["CuratedFiles", "Settings", "configure_prefect_home", "packaged_knowledge"]

DEFAULT_SEEDS_DIR = Path("seeds")
DEFAULT_WAREHOUSE = Path("warehouse/newsdesk.duckdb")
# What is built from data packages (gazetteer, stoplists, language model: ~75 MB), kept so
# that each is built once, not once per run; one copy serves every warehouse.
DEFAULT_PACKAGED_DIR = Path(".state/packaged")
# Real pages are well under 5 MB; 20 MB leaves room for inline images and still keeps one
# hostile file from exhausting memory.
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# Files per batch: each batch is one extract task, one check task and one load transaction.
# Large enough that Prefect's per-task cost (tens of ms) and each commit's checkpoint
# disappear; the batches in flight are what memory holds. Measured on a 20,000-file
# backfill with 2 workers: 625 files peak at 1.05 GB, 1,000 at 1.23 GB and ~6 % faster.
DEFAULT_BATCH_FILES = 625
# DuckDB's own memory for the steps over the whole warehouse (migrations, the search index's
# backlog, re-deriving actors after a registry edit): past it, it evicts cached blocks and
# spills large joins to disk. Forgetting the mentions of 200,000 articles after a registry
# edit pins ~200 MB of deleted-row versions: at 128 MB it stopped with an out-of-memory
# error, at 256 MB it took 8.5 s.
DEFAULT_DUCKDB_MEMORY = "256MB"
# DuckDB's memory while loading batches. Each batch's statements read blocks of the grown
# tables, and DuckDB caches what it reads up to its limit: a batch loaded into a
# 100,000-file warehouse filled 230-246 MB of a 256 MB limit where a 20,000-file one
# filled 110-147 MB, and the writer's peak grew by the difference (937 vs 834 MB, the
# same 2,000 files). At 128 MB both fill it: 830 vs 802 MB, and no slower.
DEFAULT_BATCH_DUCKDB_MEMORY = "128MB"


def default_workers() -> int:
    """Extraction processes: one per core, while the flow's process checks and loads
    (asked when settings are built, not when this module is imported)."""
    return os.cpu_count() or 1


# How long a writer waits for another process holding the warehouse before giving up.
DEFAULT_LOCK_TIMEOUT_S = 30.0


def _packaged(name: str) -> Path:
    """A curated file shipped with the package (transforms/data/)."""
    return Path(str(resources.files("transforms").joinpath("data", name)))


@dataclass(frozen=True, slots=True)
class CuratedFiles:
    """The reviewed data files a run reads pages with; each can be swapped by path
    (`NEWSDESK_<NAME>_FILE`, e.g. NEWSDESK_OUTLETS_FILE=my-outlets.csv)."""

    boilerplate: Path = field(default_factory=lambda: _packaged("boilerplate.yaml"))
    outlets: Path = field(default_factory=lambda: _packaged("outlets.csv"))
    wires: Path = field(default_factory=lambda: _packaged("wires.csv"))
    actors: Path = field(default_factory=lambda: _packaged("actors.yaml"))
    recognition: Path = field(default_factory=lambda: _packaged("recognition.yaml"))
    quality_policy: Path = field(
        default_factory=lambda: Path(__file__).with_name("quality_policy.yaml")
    )

    @classmethod
    def from_env(cls) -> CuratedFiles:
        given = {
            f.name: Path(value).resolve()
            for f in fields(cls)
            if (value := os.environ.get(f"NEWSDESK_{f.name.upper()}_FILE"))
        }
        return cls(**given)

    def read(self, recognition_mode: str) -> CuratedTexts:
        """Every file's bytes, read once at a run's start (so its batches agree)."""
        return CuratedTexts(
            boilerplate=self.boilerplate.read_bytes(),
            outlets=self.outlets.read_bytes(),
            wires=self.wires.read_bytes(),
            actors=self.actors.read_bytes(),
            recognition=self.recognition.read_bytes(),
            recognition_mode=recognition_mode,
        )


@dataclass(frozen=True, slots=True)
class Settings:
    seeds_dir: Path
    warehouse: Path
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    batch_files: int = DEFAULT_BATCH_FILES
    lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S
    workers: int = field(default_factory=default_workers)
    duckdb_memory: str = DEFAULT_DUCKDB_MEMORY
    batch_duckdb_memory: str = DEFAULT_BATCH_DUCKDB_MEMORY
    curated: CuratedFiles = field(default_factory=CuratedFiles)
    recognition: str = "rules"  # names found besides the registry: rules / off
    packaged_dir: Path = field(default_factory=lambda: DEFAULT_PACKAGED_DIR.resolve())

    def __post_init__(self) -> None:
        check_recognition_mode(self.recognition)

    def state_dirs(self) -> list[Path]:
        """Folders newsdesk writes that are never input, even inside the seeds folder: the
        warehouse's (with its Data Docs), Prefect's home and the packaged structures'."""
        home = os.environ.get("PREFECT_HOME")
        return [self.warehouse.parent, self.packaged_dir, *([Path(home)] if home else [])]

    @property
    def data_docs_dir(self) -> Path:
        """Great Expectations' Data Docs, rebuilt after each run, beside the warehouse."""
        return self.warehouse.parent / "data_docs"

    def curated_texts(self) -> CuratedTexts:
        return self.curated.read(self.recognition)

    @classmethod
    def from_env(
        cls, seeds_dir: str | Path | None = None, warehouse: str | Path | None = None
    ) -> Settings:
        seeds = seeds_dir or os.environ.get("NEWSDESK_SEEDS_DIR") or DEFAULT_SEEDS_DIR
        store = warehouse or os.environ.get("NEWSDESK_WAREHOUSE") or DEFAULT_WAREHOUSE
        max_bytes = int(os.environ.get("NEWSDESK_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))
        return cls(
            seeds_dir=Path(seeds).resolve(),
            warehouse=Path(store).resolve(),
            max_file_bytes=max_bytes,
            batch_files=int(os.environ.get("NEWSDESK_BATCH_FILES", DEFAULT_BATCH_FILES)),
            lock_timeout_s=float(os.environ.get("NEWSDESK_LOCK_TIMEOUT_S", DEFAULT_LOCK_TIMEOUT_S)),
            workers=max(1, int(os.environ.get("NEWSDESK_WORKERS") or default_workers())),
            duckdb_memory=os.environ.get("NEWSDESK_DUCKDB_MEMORY", DEFAULT_DUCKDB_MEMORY),
            batch_duckdb_memory=os.environ.get(
                "NEWSDESK_BATCH_DUCKDB_MEMORY", DEFAULT_BATCH_DUCKDB_MEMORY
            ),
            curated=CuratedFiles.from_env(),
            recognition=os.environ.get("NEWSDESK_NER", "rules"),
            packaged_dir=Path(
                os.environ.get("NEWSDESK_PACKAGED_DIR") or DEFAULT_PACKAGED_DIR
            ).resolve(),
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
    # Run logs at INFO reach the Prefect API (the UI shows each run's counts); the terminal
    # shows warnings only, the command's own summary says the rest.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    # A new Prefect database on a busy machine can take longer than Prefect's 20 s to start
    # its ephemeral API server; a run should wait for it rather than fail.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")


def packaged_knowledge() -> Knowledge:
    """The curated files the package ships, parsed as a run parses them (for benchmarks and
    tests; a run reads the files its settings name)."""
    from transforms.knowledge import knowledge_from  # the parsers load only when asked

    return knowledge_from(CuratedFiles().read("rules"))
