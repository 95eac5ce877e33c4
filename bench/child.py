"""One ingest in a fresh process, for the pipeline benchmark: prints its figures as JSON.

Run as `python -m bench.child SEEDS WAREHOUSE [WORKERS]`. Wall time covers the whole flow
(Prefect start, extraction, Great Expectations, load); time inside the data-quality gate is
summed apart; peak RSS is this process's (and its worker processes', when there are some).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any


def main() -> None:
    seeds, warehouse = sys.argv[1], sys.argv[2]
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
    started = time.perf_counter()
    from flows.settings import configure_prefect_home

    configure_prefect_home()  # the CLI's Prefect defaults; PREFECT_HOME comes from the caller
    from flows import quality
    from flows.ingest import ingest_flow

    dq_seconds = 0.0
    original_validate, original_docs = quality.QualityGate.validate, quality.QualityGate.build_docs

    def timed(method: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            nonlocal dq_seconds
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                dq_seconds += time.perf_counter() - start

        return wrapper

    quality.QualityGate.validate = timed(original_validate)  # type: ignore[method-assign]
    quality.QualityGate.build_docs = timed(original_docs)  # type: ignore[method-assign]
    summary = ingest_flow(seeds, warehouse, workers=workers)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "dq_seconds": dq_seconds,
                "peak_rss_mb": peak_kib / 1024,
                "children_peak_rss_mb": children_kib / 1024,
                "summary": summary,
                "warehouse_mb": Path(warehouse).stat().st_size / 1e6,
            }
        )
    )


if __name__ == "__main__":
    main()
