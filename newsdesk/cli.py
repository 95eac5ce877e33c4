"""The `newsdesk` command: ingest, status and sql (see CONTRACT in the README)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from flows.interrupts import install_stop_handlers, stop_requested
from flows.settings import Settings, configure_prefect_home
from newsdesk.tables import FORMATS, render, stdout_table

if TYPE_CHECKING:
    import duckdb

__all__ = ["main"]

DEFAULT_CRON = "*/15 * * * *"
DEPLOYMENT_NAME = "newsdesk-ingest"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    install_stop_handlers()
    try:
        result: int = args.handler(args)
        return result
    except KeyboardInterrupt:
        print(f"newsdesk {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # one line for the user; the flow log has the detail
        if stop_requested():  # the signal surfaced as another error (a DuckDB query's)
            print(f"newsdesk {args.command}: interrupted", file=sys.stderr)
            return 130
        print(f"newsdesk {args.command}: {_one_line(exc)}", file=sys.stderr)
        return 1
    except BaseException as exc:
        if type(exc).__name__ != "TerminationSignal":  # Prefect's name for a SIGTERM in a run
            raise
        print(f"newsdesk {args.command}: interrupted (SIGTERM)", file=sys.stderr)
        return 130


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsdesk")
    except PackageNotFoundError:
        return "(not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk", description="Scraped news pages into a DuckDB analytics warehouse."
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="one flow run: load new or changed files")
    ingest.add_argument(
        "--seeds-dir", help="folder to ingest (default: $NEWSDESK_SEEDS_DIR or seeds/)"
    )
    _warehouse_option(ingest)
    _worker_options(ingest)
    ingest.add_argument(
        "--traceback",
        action="store_true",
        help="print the tracebacks of failed task runs on the terminal too (the Prefect UI "
        "always has them)",
    )
    ingest.set_defaults(handler=_ingest)

    serve = commands.add_parser(
        "serve", help="serve the ingest flow as a deployment on a cron schedule"
    )
    serve.add_argument(
        "--cron",
        default=DEFAULT_CRON,
        help=f"cron schedule (default {DEFAULT_CRON!r}: every 15 min)",
    )
    serve.add_argument(
        "--seeds-dir", help="folder to ingest (default: $NEWSDESK_SEEDS_DIR or seeds/)"
    )
    _warehouse_option(serve)
    serve.set_defaults(handler=_serve)

    status = commands.add_parser("status", help="last runs, failed checks, quarantined files")
    _warehouse_option(status)
    status.set_defaults(handler=_status)

    sql = commands.add_parser("sql", help="run one read-only query and print the result")
    sql.add_argument("query", help='e.g. "SELECT * FROM coverage_by_outlet"')
    sql.add_argument(
        "--max-rows", type=int, default=100, help="rows of a table to print (default 100)"
    )
    sql.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default), csv or json (every row, whole values) or markdown",
    )
    sql.add_argument(
        "--wide",
        action="store_true",
        help="whole values in a table, never cut (the default when output is not a terminal)",
    )
    _warehouse_option(sql)
    sql.set_defaults(handler=_sql)

    export = commands.add_parser("export", help="write the tables as Parquet")
    export.add_argument("--parquet", required=True, metavar="DIR", help="output folder")
    _warehouse_option(export)
    export.set_defaults(handler=_export)

    report = commands.add_parser("report", help="write a static HTML coverage report")
    report.add_argument("--out", default="reports", help="folder for index.html (default reports/)")
    _warehouse_option(report)
    report.set_defaults(handler=_report)

    app = commands.add_parser(
        "app",
        help="browse, search and chart coverage in a local web app (read-only)",
        description="A web app on 127.0.0.1 over the warehouse: filters, attention over "
        "time, top outlets and actors, article text with mentions and quotes marked, CSV and "
        "Parquet downloads. Example: newsdesk app --port 2718",
    )
    app.add_argument("--port", type=int, default=2718, help="port on 127.0.0.1 (default 2718)")
    _warehouse_option(app)
    app.add_argument(
        "--seeds-dir", help="where the source files are (default: $NEWSDESK_SEEDS_DIR or seeds/)"
    )
    app.set_defaults(handler=_app)

    notebook = commands.add_parser(
        "notebook", help="run the example notebook and export it as a page needing no network"
    )
    notebook.add_argument(
        "--out", default="reports/notebook", help="folder (default reports/notebook)"
    )
    notebook.add_argument(
        "--serve", type=int, metavar="PORT", help="then serve the folder on 127.0.0.1:PORT"
    )
    _warehouse_option(notebook)
    notebook.set_defaults(handler=_notebook)

    doctor = commands.add_parser(
        "doctor", help="check the packages, warehouse, Prefect home, seeds folder and disk"
    )
    doctor.add_argument(
        "--seeds-dir", help="folder to check (default: $NEWSDESK_SEEDS_DIR or seeds/)"
    )
    _warehouse_option(doctor)
    doctor.set_defaults(handler=_doctor)

    server = commands.add_parser(
        "server", help="the background Prefect server `ingest` starts and reuses"
    )
    server.add_argument("action", choices=("status", "stop"))
    server.set_defaults(handler=_server)

    from newsdesk.curate import add_parser as add_actors_parser

    add_actors_parser(commands, _warehouse_option)
    return parser


def _worker_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers", type=int,
        help="extract on N local processes (default: $NEWSDESK_WORKERS, else one per core); "
        "loading stays single-writer",
    )  # fmt: skip
    parser.add_argument(
        "--dask-address", help="extract on an existing Dask scheduler (tcp://host:8786)"
    )


def _warehouse_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--warehouse",
        help="DuckDB file (default: $NEWSDESK_WAREHOUSE or warehouse/newsdesk.duckdb)",
    )


def _ingest(args: argparse.Namespace) -> int:
    # Everything that can be wrong with the arguments is said before Prefect starts.
    settings = Settings.from_env(args.seeds_dir, args.warehouse)
    if not settings.seeds_dir.is_dir():
        raise FileNotFoundError(f"seeds folder not found: {settings.seeds_dir}")
    if args.workers is not None and args.workers < 1:
        raise ValueError(f"--workers {args.workers}: at least 1")
    configure_prefect_home()
    from newsdesk.local_server import ensure_api, private_api

    own_server = os.environ.get("NEWSDESK_PREFECT_SERVER") == "off"
    server: contextlib.AbstractContextManager[str | None] = (
        private_api()
        if own_server and not os.environ.get("PREFECT_API_URL")
        else contextlib.nullcontext(ensure_api(say=lambda line: print(line, file=sys.stderr)))
    )
    with server as api:
        where = f"Prefect at {api.removesuffix('/api')}" if api else "a temporary Prefect API"
        print(f"ingesting {settings.seeds_dir} (flow runs on {where})…", file=sys.stderr)
        # prefect is imported only by commands that run flows
        from flows.ingest import ingest_flow

        if not args.traceback:
            _terminal_without_tracebacks()
        run = ingest_flow
        if args.dask_address:
            from flows.runners import dask_runner

            run = ingest_flow.with_options(task_runner=dask_runner(address=args.dask_address))
        summary = run(str(settings.seeds_dir), str(settings.warehouse), workers=args.workers)
    print(f"ingest run {summary['run_id'][:12]} {summary['status']} → {settings.warehouse}")
    from flows.runs import COUNTER_LABELS

    for key, label in COUNTER_LABELS.items():
        if key != "files_dated_by_mtime":
            print(f"  {label:<30} {summary.get(key, 0):>8,}")
    if n_mtime := summary.get("files_dated_by_mtime", 0):
        print(
            f"  {n_mtime:,} files had no capture time (a sidecar <file>.meta.json with "
            "captured_at): dated by their modification time, and their relative times too"
        )
    return 0


def _app(args: argparse.Namespace) -> int:
    from newsdesk.app_server import serve_app

    settings = Settings.from_env(seeds_dir=args.seeds_dir, warehouse=args.warehouse)
    if not settings.warehouse.exists():
        raise FileNotFoundError(
            f"no warehouse at {settings.warehouse}: run `newsdesk ingest` first"
        )
    serve_app(settings.warehouse, settings.seeds_dir, args.port)
    return 0


def _notebook(args: argparse.Namespace) -> int:
    from newsdesk.notebook import export_notebook, serve_folder

    settings = Settings.from_env(warehouse=args.warehouse)
    if not settings.warehouse.exists():
        raise FileNotFoundError(
            f"no warehouse at {settings.warehouse}: run `newsdesk ingest` first"
        )
    notebook = Path(__file__).resolve().parent.parent / "notebooks" / "coverage.py"
    if not notebook.is_file():
        raise FileNotFoundError(f"the example notebook ships with a checkout: {notebook}")
    page = export_notebook(notebook, Path(args.out).resolve(), settings.warehouse)
    print(f"notebook written: {page}")
    if args.serve:
        serve_folder(page.parent, args.serve)
    return 0


def _doctor(args: argparse.Namespace) -> int:
    configure_prefect_home()
    from newsdesk.doctor import diagnose

    settings = Settings.from_env(args.seeds_dir, args.warehouse)
    lock = Path.cwd() / "requirements.lock"
    findings = diagnose(settings, lock if lock.is_file() else None)
    for finding in findings:
        print(finding.line())
    return 1 if any(f.level == "FAIL" for f in findings) else 0


def _server(args: argparse.Namespace) -> int:
    configure_prefect_home()
    from newsdesk.local_server import server_status, stop_server

    print(server_status() if args.action == "status" else stop_server())
    return 0


def _serve(args: argparse.Namespace) -> int:
    configure_prefect_home()
    from newsdesk.local_server import ensure_api

    if not ensure_api(say=lambda line: print(line, file=sys.stderr)):
        raise RuntimeError(
            "newsdesk serve needs a Prefect server (NEWSDESK_PREFECT_SERVER=off forbids "
            "starting one): run `make server` and set PREFECT_API_URL=http://127.0.0.1:4200/api"
        )
    from flows.ingest import ingest_flow

    settings = Settings.from_env(args.seeds_dir, args.warehouse)
    print(f"serving deployment ingest/{DEPLOYMENT_NAME} on {args.cron!r}; Ctrl-C stops")
    ingest_flow.serve(
        name=DEPLOYMENT_NAME,
        cron=args.cron,
        parameters={"seeds_dir": str(settings.seeds_dir), "warehouse": str(settings.warehouse)},
        limit=1,  # this runner executes one run at a time...
        global_limit=1,  # ...and the deployment never has two runs going, whoever starts them
        pause_on_shutdown=False,
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    from flows.warehouse import connect, query

    settings = Settings.from_env(warehouse=args.warehouse)
    with connect(settings.warehouse, analyst=True) as con:
        sections = (
            ("Last runs", "queries/recent_runs"),
            ("Failed data-quality checks (last completed run)", "queries/failed_checks"),
            ("Quarantined files and articles (newest first)", "queries/recent_quarantine"),
            ("Names not in the actor registry (most mentioned)", "queries/top_unresolved_names"),
        )
        for title, name in sections:
            frame = query(con, name)
            print(f"\n{title}:")
            print(stdout_table(frame) if frame.height else "  none")
        _print_paths(con)
    index = settings.data_docs_dir / "index.html"
    print(
        f"\nData Docs: {index if index.exists() else 'none yet (built by a run that checks rows)'}"
    )
    return 0


# Paths listed by `status`; the rest are a query away (the hint says which).
PATHS_SHOWN = 20


def _print_paths(con: duckdb.DuckDBPyConnection) -> None:
    from flows.warehouse import query

    counts = query(con, "queries/path_outcome_counts")
    print("\nPaths under the seeds folder, by outcome:")
    print(stdout_table(counts) if counts.height else "  none")
    not_loaded = query(con, "queries/paths_not_loaded", {"limit": PATHS_SHOWN + 1})
    print("\nPaths not loaded (newest first):")
    print(stdout_table(not_loaded.head(PATHS_SHOWN)) if not_loaded.height else "  none")
    if not_loaded.height > PATHS_SHOWN:
        every = "SELECT * FROM path_outcomes WHERE outcome <> 'loaded'"
        print(f'  … all of them: newsdesk sql "{every}"')


def _sql(args: argparse.Namespace) -> int:
    from flows.warehouse import connect

    settings = Settings.from_env(warehouse=args.warehouse)
    with connect(settings.warehouse, analyst=True) as con:
        frame = con.execute(args.query).pl()
    terminal = sys.stdout.isatty()
    sys.stdout.write(
        render(frame, args.format, max_rows=args.max_rows, wide=args.wide or not terminal,
               plain=not terminal)
    )  # fmt: skip
    if args.format in ("table", "markdown") and frame.height > args.max_rows:
        # On stderr: what is piped on is the rows alone.
        print(
            f"({frame.height} rows, first {args.max_rows} shown; --max-rows to see more, "
            "--format csv or json for all)",
            file=sys.stderr,
        )
    return 0


def _export(args: argparse.Namespace) -> int:
    from newsdesk.export import export_parquet

    settings = Settings.from_env(warehouse=args.warehouse)
    counts = export_parquet(settings.warehouse, Path(args.parquet).resolve())
    for table, rows in counts.items():
        print(f"  {table:<14} {rows:>10,} rows")
    print(f"exported to {Path(args.parquet).resolve()}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from newsdesk.report import write_report

    settings = Settings.from_env(warehouse=args.warehouse)
    page = write_report(settings.warehouse, Path(args.out).resolve())
    print(f"report written: {page}")
    return 0


class _WithoutTraceback(logging.Formatter):
    """A formatter that leaves out a record's traceback, for the terminal only: the record
    keeps it for the other handlers (Prefect's API log)."""

    def __init__(self, inner: logging.Formatter) -> None:
        super().__init__()
        self._inner = inner

    def format(self, record: logging.LogRecord) -> str:
        kept = record.exc_info, record.exc_text
        record.exc_info, record.exc_text = None, None
        try:
            return self._inner.format(record)
        finally:
            record.exc_info, record.exc_text = kept


def _terminal_without_tracebacks() -> None:
    """A failed run ends with its one-line reason; Prefect's console lines would first print
    each failed task run's traceback (a user asks for them with --traceback)."""
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger(), *map(logging.getLogger, logging.root.manager.loggerDict)]
    for logger in loggers:
        for handler in logger.handlers:
            if isinstance(handler, PrefectConsoleHandler):
                handler.setFormatter(_WithoutTraceback(handler.formatter or logging.Formatter()))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) < 400 else text[:397] + "..."


if __name__ == "__main__":
    sys.exit(main())
