"""Every path accounted for: each path under the seeds folder appears once in path_outcomes
with what became of it, and a run's counts add up to the paths it saw."""

from __future__ import annotations

import os
from pathlib import Path

from bench.corpus import write_corpus
from tests.conftest import run_ingest, warehouse_rows
from tests.test_cli import newsdesk

PARTS = ("files_new", "files_duplicate", "files_quarantined", "files_skipped", "files_copies",
         "files_not_read")  # fmt: skip


def test_every_path_appears_once_with_its_outcome(tmp_path: Path, prefect_api: None) -> None:
    corpus, warehouse = tmp_path / "corpus", tmp_path / "w.duckdb"
    pages = write_corpus(corpus, 160, seed=3)
    original = next(p for p in pages if p.stat().st_size)
    (corpus / "copy-of-first.txt").write_bytes(original.read_bytes())
    (corpus / "style.css").write_text("body { color: black }", "utf-8")
    os.mkfifo(corpus / "pipe.txt")
    paths = {p.relative_to(corpus).as_posix() for p in pages} | {
        "copy-of-first.txt", "style.css", "pipe.txt"
    }  # fmt: skip

    first = run_ingest(corpus, warehouse)
    assert first["files_skipped"] == 0  # a first run has seen nothing before
    assert first["files_seen"] == sum(first[p] for p in PARTS) == len(paths)
    rows = warehouse_rows(warehouse, "SELECT path, outcome, reason, same_as FROM path_outcomes")
    assert sorted(r[0] for r in rows) == sorted(paths)  # each once
    outcome = {path: (kind, reason, same_as) for path, kind, reason, same_as in rows}
    assert outcome["style.css"] == ("skipped", "not a page by its name", None)
    assert outcome["pipe.txt"][0] == "skipped"
    # Found first by name, the copy is the one read; the original names it.
    assert outcome["copy-of-first.txt"][0] == "loaded"
    kind, reason, same_as = outcome[original.relative_to(corpus).as_posix()]
    assert (kind, reason) == ("copy", "same bytes as copy-of-first.txt") and same_as
    empty = [p.relative_to(corpus).as_posix() for p in pages if p.stat().st_size == 0]
    assert len(empty) > 1  # the same empty bytes under several names: each path says so
    assert {outcome[p][:2] for p in empty} == {("quarantined", "empty")}
    kinds = {kind for kind, _, _ in outcome.values()}
    assert {"loaded", "copy", "quarantined", "skipped"} <= kinds

    again = run_ingest(corpus, warehouse)
    assert again["files_seen"] == sum(again[p] for p in PARTS) == len(paths)
    assert again["files_new"] == 0
    assert warehouse_rows(warehouse, "SELECT count(*) FROM path_outcomes") == [(len(paths),)]
    (corpus / "style.css").unlink()
    run_ingest(corpus, warehouse)
    assert ("style.css",) not in warehouse_rows(warehouse, "SELECT path FROM path_outcomes")

    shown = newsdesk("status", "--warehouse", str(warehouse))
    assert shown.returncode == 0, shown.stderr
    assert "Paths under the seeds folder, by outcome" in shown.stdout
    assert "pipe.txt" in shown.stdout and "quarantined" in shown.stdout


def test_gzip_compressed_pages_load_as_their_pages(tmp_path: Path, prefect_api: None) -> None:
    import gzip

    from tests.conftest import SEEDS

    plain, packed = tmp_path / "plain", tmp_path / "packed"
    plain.mkdir()
    packed.mkdir()
    html = (Path(__file__).parent.parent / "fixtures" / "html" / "article.html").read_bytes()
    text = next(SEEDS.glob("*.txt"))
    for folder, suffix, pack in ((plain, "", bytes), (packed, ".gz", gzip.compress)):
        (folder / f"article.html{suffix}").write_bytes(pack(html))
        (folder / f"{text.name}{suffix}").write_bytes(pack(text.read_bytes()))
        (folder / f"{text.name}{suffix}.meta.json").write_bytes(
            text.with_name(text.name + ".meta.json").read_bytes()
        )
    (packed / "bundle.tar.gz").write_bytes(gzip.compress(b"not pages"))
    (packed / "broken.html.gz").write_bytes(gzip.compress(html)[:100])
    run_ingest(plain, tmp_path / "plain.duckdb")
    run_ingest(packed, tmp_path / "packed.duckdb")
    articles = "SELECT title, outlet, coverage_date, body FROM articles ORDER BY ALL"
    loaded = warehouse_rows(tmp_path / "packed.duckdb", articles)
    assert len(loaded) >= 2 and loaded == warehouse_rows(tmp_path / "plain.duckdb", articles)
    outcome = dict(warehouse_rows(
        tmp_path / "packed.duckdb", "SELECT path, outcome || ' ' || coalesce(reason, '') FROM path_outcomes"
    ))  # fmt: skip
    assert outcome["bundle.tar.gz"] == "skipped not a page by its name"
    assert outcome["broken.html.gz"] == "quarantined bad_gzip"
