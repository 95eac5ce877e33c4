"""Task runners for extraction on more than one core or machine."""

from __future__ import annotations

from typing import Any

from prefect.task_runners import TaskRunner
from prefect_dask.task_runners import DaskTaskRunner

__all__ = ["dask_runner"]


def dask_runner(workers: int = 1, address: str | None = None) -> TaskRunner[Any]:
    """A Dask task runner: an existing scheduler's cluster, or a local one of processes.

    One thread per worker process: extraction is CPU-bound Python, so threads would share
    one interpreter lock; processes use every core.
    """
    runner: TaskRunner[Any]
    if address:
        runner = DaskTaskRunner(address=address)
        return runner
    runner = DaskTaskRunner(
        cluster_kwargs={
            "n_workers": max(1, workers),
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,  # nothing served beyond the scheduler's loopback port
        }
    )
    return runner
