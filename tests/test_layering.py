"""transforms/ stays pure: importing all of it pulls in no orchestration or storage library."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

FORBIDDEN = ("prefect", "duckdb", "great_expectations")


def test_transforms_import_no_prefect_duckdb_or_great_expectations() -> None:
    modules = sorted(p.stem for p in (ROOT / "transforms").glob("*.py") if p.stem != "__init__")
    assert len(modules) >= 8
    script = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module('transforms.' + m)\n"
        f"print(sorted(n for n in sys.modules if n.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_the_suite_keeps_prefect_state_out_of_the_project() -> None:
    import os
    import tempfile

    home = os.environ["PREFECT_HOME"]
    assert os.path.isabs(home) and home.startswith(tempfile.gettempdir())
    assert not (ROOT / "prefect.db").exists()


# Each layer may import only the layers below it: the shell (newsdesk: cli, api, report,
# export, curation) → flows (Prefect and all I/O) → transforms (pure). bench/ and tests/ sit
# beside the shell.
LAYER_BELOW = {"newsdesk": {"flows", "transforms"}, "flows": {"transforms"}, "transforms": set()}


def _imported_packages(path: Path) -> set[str]:
    """Every top-level project package a module imports, function-local imports included."""
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & set(LAYER_BELOW)


def test_every_import_points_down_a_layer() -> None:
    upward = [
        f"{path.relative_to(ROOT)} imports {package}"
        for layer, allowed in LAYER_BELOW.items()
        for path in sorted((ROOT / layer).rglob("*.py"))
        for package in sorted(_imported_packages(path) - allowed - {layer})
    ]
    assert upward == []


def test_the_direction_check_sees_local_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from newsdesk.cli import main\n    import flows.ingest\n")
    assert _imported_packages(module) == {"newsdesk", "flows"}
