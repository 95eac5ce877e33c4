"""`newsdesk doctor`: each fault it reports, found in a deliberately broken set-up."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.settings import Settings
from flows.warehouse import apply_schema
from newsdesk import doctor
from newsdesk.doctor import diagnose
from tests.conftest import ROOT, SEEDS
from tests.test_cli import newsdesk


def _levels(findings: list[doctor.Finding]) -> dict[str, list[str]]:
    by_check: dict[str, list[str]] = {}
    for f in findings:
        by_check.setdefault(f.check, []).append(f.level)
    return by_check


@pytest.fixture()
def healthy(tmp_path: Path) -> Settings:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for page in SEEDS.glob("*"):
        (seeds / page.name).write_bytes(page.read_bytes())
    warehouse = tmp_path / "warehouse" / "newsdesk.duckdb"
    warehouse.parent.mkdir()
    with duckdb.connect(str(warehouse)) as con:
        apply_schema(con)
    return Settings(seeds_dir=seeds, warehouse=warehouse)


def test_a_healthy_set_up_is_all_ok(healthy: Settings) -> None:
    findings = diagnose(healthy, ROOT / "requirements.lock")
    assert {f.level for f in findings} == {"ok"}, [f.line() for f in findings]


def test_packages_that_differ_from_the_lock_fail(healthy: Settings, tmp_path: Path) -> None:
    lock = tmp_path / "requirements.lock"
    lock.write_text("duckdb==0.0.1\nno-such-package-here==1.0\n", "utf-8")
    (finding,) = [f for f in diagnose(healthy, lock) if f.check == "packages"]
    assert finding.level == "FAIL"
    assert "duckdb" in finding.detail and "no-such-package-here missing" in finding.detail


def test_a_warehouse_that_does_not_open_or_lacks_tables_or_columns_fails(healthy: Settings) -> None:
    with duckdb.connect(str(healthy.warehouse)) as con:
        con.execute("DROP TABLE site_lines")
    (older,) = [f for f in diagnose(healthy, None) if f.check == "warehouse"]
    assert older.level == "FAIL" and "site_lines" in older.detail
    with duckdb.connect(str(healthy.warehouse)) as con:
        con.execute("ALTER TABLE article_actors DROP COLUMN actor_no")
    (older,) = [f for f in diagnose(healthy, None) if f.check == "warehouse"]
    assert "article_actors.actor_no" in older.detail
    healthy.warehouse.unlink()
    healthy.warehouse.write_bytes(b"not a database at all" * 100)
    (broken,) = [f for f in diagnose(healthy, None) if f.check == "warehouse"]
    assert broken.level == "FAIL" and "does not open" in broken.detail


def test_seeds_with_broken_sidecars_oversized_or_undated_files_are_reported(
    healthy: Settings,
) -> None:
    seeds = healthy.seeds_dir
    (seeds / "bad.txt").write_text("Title\nSome body text.", "utf-8")
    (seeds / "bad.txt.meta.json").write_text("{not json", "utf-8")
    (seeds / "undated.txt").write_text("Title\nSome body text.", "utf-8")
    cap = max(p.stat().st_size for p in seeds.iterdir()) + 1
    (seeds / "huge.txt").write_bytes(b"x" * (cap + 1))
    small_cap = Settings(seeds_dir=seeds, warehouse=healthy.warehouse, max_file_bytes=cap)
    seen = {f.detail.split(" ", 2)[1]: f for f in diagnose(small_cap, None) if f.check == "seeds"}
    assert _levels(diagnose(small_cap, None))["seeds"] == ["FAIL", "FAIL", "warn"]
    assert "bad.txt.meta.json (sidecar is not valid JSON" in seen["sidecars"].detail
    assert seen["files"].detail.startswith("1 files over") and "huge.txt" in seen["files"].detail
    assert seen["of"].level == "warn" and "undated.txt" in seen["of"].detail
    missing = Settings(seeds_dir=seeds / "nowhere", warehouse=healthy.warehouse)
    assert _levels(diagnose(missing, None))["seeds"] == ["FAIL"]


def test_prefect_home_that_is_no_folder_and_a_full_disk_fail(
    healthy: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", "utf-8")
    monkeypatch.setenv("PREFECT_HOME", str(not_a_folder))
    monkeypatch.setattr(doctor, "MIN_FREE_DISK_BYTES", 10**18)
    levels = _levels(diagnose(healthy, None))
    assert levels["prefect"] == ["FAIL"] and levels["disk"] == ["FAIL"]


def test_the_command_exits_non_zero_on_a_fault(healthy: Settings) -> None:
    ok = newsdesk(
        "doctor", "--seeds-dir", str(healthy.seeds_dir), "--warehouse", str(healthy.warehouse)
    )
    assert ok.returncode == 0, ok.stdout
    (healthy.seeds_dir / "x.txt.meta.json").write_text("[]", "utf-8")
    (healthy.seeds_dir / "x.txt").write_text("Title\nBody.", "utf-8")
    bad = newsdesk(
        "doctor", "--seeds-dir", str(healthy.seeds_dir), "--warehouse", str(healthy.warehouse)
    )
    assert bad.returncode == 1 and "FAIL seeds: 1 sidecars do not parse" in bad.stdout
