"""`newsdesk app`: the coverage app (newsdesk/coverage_app.py) served on 127.0.0.1.

marimo serves the app and its frontend from the installed package (no network); each
browser tab gets its own run of the app's cells in a thread of this process, so what they
import is imported once, here, and the first view they all open is answered here, before
the first visitor waits for either.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["APP_FILE", "serve_app"]

APP_FILE = Path(__file__).resolve().parent / "coverage_app.py"


def serve_app(warehouse: Path, seeds_dir: Path, port: int) -> None:
    """Serve the app until interrupted."""
    import marimo
    import uvicorn

    # What the app's cells import, imported once for every tab to come.
    from newsdesk.app_views import default_period
    from newsdesk.explore import Filters, Warehouse

    # The app's cells read their settings from the environment, as every newsdesk entry does.
    os.environ["NEWSDESK_WAREHOUSE"] = str(warehouse)
    os.environ["NEWSDESK_SEEDS_DIR"] = str(seeds_dir)
    # What every new tab shows first (all articles, no filter: the cells' defaults), answered
    # before the first visitor asks; answers stay kept until the warehouse changes.
    first = Warehouse(warehouse)
    choices = first.choices()
    first.select(
        Filters(choices.first_date, choices.last_date),
        per="actor",
        period=default_period(choices.first_date, choices.last_date),
    )
    server = marimo.create_asgi_app(quiet=True).with_app(path="", root=str(APP_FILE)).build()
    print(f"newsdesk app on http://127.0.0.1:{port}/ (Ctrl-C stops)", flush=True)
    # Open tabs keep websockets: Ctrl-C closes them after a moment instead of waiting for
    # every tab to go.
    uvicorn.run(
        server, host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=2
    )
    # The server has stopped; each tab's kernel is a thread marimo does not make a daemon,
    # and they would keep the process alive. They hold nothing to save (the app only reads).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
