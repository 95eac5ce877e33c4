"""transforms/ stays pure: importing all of it pulls in no orchestration or storage library."""

from __future__ import annotations

import subprocess
import sys

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
