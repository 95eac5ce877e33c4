"""A built wheel is the whole program: installed into a fresh venv, it ingests the seeds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, SEEDS


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"{args}: {done.stderr[-2000:]}"
    return done.stdout


@pytest.mark.integration
def test_a_built_wheel_installs_into_a_fresh_venv_and_ingests_the_seeds(tmp_path: Path) -> None:
    # Built from the project's files alone, in a copy (a build leaves its build/ behind).
    source = tmp_path / "source"
    listed = _run("git", "ls-files", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in listed.splitlines():
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    _run(
        sys.executable, "-m", "pip", "wheel", source, "--no-deps", "--no-build-isolation",
        "--quiet", "-w", wheels, cwd=tmp_path,
    )  # fmt: skip
    (wheel,) = wheels.glob("newsdesk-*.whl")
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    # The locked dependencies are this suite's own (a plain path line: the checkout's
    # editable install, which this venv's site-packages also lists, is not loaded).
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                     cwd=tmp_path).strip())  # fmt: skip
    (site / "locked-deps.pth").write_text(sysconfig.get_path("purelib") + "\n", "utf-8")

    elsewhere = tmp_path / "work"
    shutil.copytree(SEEDS, elsewhere / "seeds")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NEWSDESK_"))} | {
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "NEWSDESK_PREFECT_SERVER": "off",  # the temporary API: no server left behind
    }
    where = _run(
        python, "-c", "import flows.sqlfiles, transforms; print(flows.sqlfiles.SQL_DIR)",
        cwd=elsewhere, env=env,
    ).strip()  # fmt: skip
    assert where.startswith(str(site)), where  # the statements come from the wheel
    _run(venv / "bin" / "newsdesk", "ingest", cwd=elsewhere, env=env)
    with duckdb.connect(str(elsewhere / "warehouse" / "newsdesk.duckdb"), read_only=True) as con:
        n_articles, n_outlets = con.execute(
            "SELECT count(*), count(DISTINCT outlet) FROM articles"
        ).fetchone() or (0, 0)
        n_checks = con.execute("SELECT count(*) FROM dq_results").fetchone()
    assert n_articles >= len(list(SEEDS.glob("*.txt"))) and n_outlets >= 3
    assert n_checks and n_checks[0] > 0  # the quality policy shipped too
