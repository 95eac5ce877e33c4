"""A terminal progress bar for long runs (files and articles), silent when not a TTY."""

from __future__ import annotations

from types import TracebackType

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

__all__ = ["BatchProgress"]


class BatchProgress:
    def __init__(self, total_files: int, enabled: bool) -> None:
        self._progress = (
            Progress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files"),
                TextColumn("{task.fields[articles]:,} articles"),
                TimeElapsedColumn(),
                transient=True,
            )
            if enabled and total_files
            else None
        )
        self._task: TaskID | None = None
        self._articles = 0
        self._total = total_files

    def __enter__(self) -> BatchProgress:
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("files", total=self._total, articles=0)
        return self

    def advance(self, files: int, articles: int) -> None:
        self._articles += articles
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, advance=files, articles=self._articles)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
