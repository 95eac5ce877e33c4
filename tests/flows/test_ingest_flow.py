"""The ingest flow end to end on the seeds, under a real (temporary) Prefect API."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.shaping import CANDIDATES_PER_BUCKET
from tests.conftest import run_ingest, warehouse_rows

pytestmark = pytest.mark.usefixtures("prefect_api")

TABLE_COUNTS = """
SELECT (SELECT count(*) FROM source_files), (SELECT count(*) FROM articles),
       (SELECT count(*) FROM paragraphs), (SELECT count(*) FROM quarantine),
       (SELECT count(*) FROM file_paths)
"""


def test_seeds_load_as_the_eleven_expected_articles(
    seeds_dir: Path, fresh_warehouse: Path, expected: dict[str, Any]
) -> None:
    summary = run_ingest(seeds_dir, fresh_warehouse)
    assert summary["status"] == "completed"
    assert summary["files_new"] == 5
    assert summary["articles_loaded"] == 11
    rows = warehouse_rows(
        fresh_warehouse,
        """SELECT s.path, a.position, a.kind, a.outlet, a.wire, a.title
           FROM articles a JOIN source_files s USING (file_id) ORDER BY s.path, a.position""",
    )
    wanted = [
        (c["file"], c["position"], c["kind"], c["outlet"], c["wire"], c["title"])
        for c in expected["articles"]
    ]
    assert rows == wanted


def test_rerun_touch_and_edit(seeds_dir: Path, fresh_warehouse: Path) -> None:
    run_ingest(seeds_dir, fresh_warehouse)
    before = warehouse_rows(fresh_warehouse, TABLE_COUNTS)

    again = run_ingest(seeds_dir, fresh_warehouse)
    assert (again["files_new"], again["files_skipped"], again["articles_loaded"]) == (0, 5, 0)
    assert warehouse_rows(fresh_warehouse, TABLE_COUNTS) == before

    page = seeds_dir / "001_f54b83f48e2dd52d.txt"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    touched = run_ingest(seeds_dir, fresh_warehouse)
    assert (touched["files_new"], touched["articles_loaded"]) == (0, 0)
    assert warehouse_rows(fresh_warehouse, TABLE_COUNTS) == before

    page.write_text(page.read_text("utf-8").replace("lengthy", "long"), "utf-8")
    edited = run_ingest(seeds_dir, fresh_warehouse)
    assert (edited["files_new"], edited["files_superseded"], edited["articles_loaded"]) == (1, 1, 1)
    versions = warehouse_rows(
        fresh_warehouse,
        """SELECT s.status, a.is_current, a.body LIKE '%long and highly productive%'
           FROM articles a JOIN source_files s USING (file_id)
           WHERE a.outlet = 'The Week' ORDER BY s.first_seen_at""",
    )
    assert versions == [("superseded", False, False), ("loaded", True, True)]
    assert warehouse_rows(
        fresh_warehouse, "SELECT n_articles FROM coverage_by_outlet WHERE outlet = 'The Week'"
    ) == [(1,)]


def test_bad_files_are_quarantined_and_the_run_goes_on(
    seeds_dir: Path, fresh_warehouse: Path
) -> None:
    (seeds_dir / "empty.txt").write_bytes(b"")
    (seeds_dir / "image.txt").write_bytes(bytes(range(256)) * 40)
    (seeds_dir / "nested").mkdir()
    (seeds_dir / "nested" / "only chrome & spaces.txt").write_text("Comments\nlogo\n", "utf-8")
    (seeds_dir / ".hidden.txt").write_text("not a seed", "utf-8")
    (seeds_dir / "003_c00b228c42aec0fc.txt.meta.json").write_text("{broken", "utf-8")
    summary = run_ingest(seeds_dir, fresh_warehouse)
    assert summary["status"] == "completed"
    assert summary["articles_loaded"] == 11
    assert summary["files_quarantined"] == 3
    reasons = warehouse_rows(fresh_warehouse, "SELECT path, reason FROM quarantine ORDER BY path")
    assert reasons == [
        ("empty.txt", "empty"),
        ("image.txt", "not_text"),
        ("nested/only chrome & spaces.txt", "no_article"),
    ]
    statuses = warehouse_rows(
        fresh_warehouse, "SELECT status, count(*) FROM source_files GROUP BY ALL ORDER BY 1"
    )
    assert statuses == [("loaded", 5), ("quarantined", 3)]
    # A second run does not quarantine the same files again.
    assert run_ingest(seeds_dir, fresh_warehouse)["files_quarantined"] == 0
    assert warehouse_rows(fresh_warehouse, "SELECT count(*) FROM quarantine") == [(3,)]


def test_same_page_in_other_bytes_is_a_duplicate(seeds_dir: Path, fresh_warehouse: Path) -> None:
    original = (seeds_dir / "003_c00b228c42aec0fc.txt").read_text("utf-8")
    (seeds_dir / "copy-crlf.txt").write_bytes(original.replace("\n", "\r\n").encode("utf-8-sig"))
    summary = run_ingest(seeds_dir, fresh_warehouse)
    assert (summary["files_new"], summary["files_duplicate"]) == (5, 1)
    assert warehouse_rows(fresh_warehouse, "SELECT count(*) FROM articles") == [(11,)]


def test_outlet_check_reports_the_unknown_outlet(seeds_dir: Path, fresh_warehouse: Path) -> None:
    run_ingest(seeds_dir, fresh_warehouse)
    failed = warehouse_rows(
        fresh_warehouse,
        "SELECT check_name, severity, n_failed FROM dq_results WHERE NOT passed ORDER BY 1",
    )
    assert ("articles_outlet_parsed", "warning", 1) in failed
    assert all(severity == "warning" for _, severity, _ in failed)


def test_registry_edit_rederives_mentions_without_reading_pages(
    seeds_dir: Path, fresh_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import ROOT

    registry = (ROOT / "transforms" / "data" / "actors.yaml").read_text("utf-8")
    without_charap = "\n".join(
        line for line in registry.splitlines() if "name: Samuel Charap" not in line
    )
    actors_file = tmp_path / "actors.yaml"
    actors_file.write_text(without_charap, "utf-8")
    monkeypatch.setenv("NEWSDESK_ACTORS_FILE", str(actors_file))

    run_ingest(seeds_dir, fresh_warehouse)
    # Not in the registry: recognised in the text, a discovered actor the curator sees.
    unresolved = warehouse_rows(fresh_warehouse, "SELECT surface, type FROM unresolved_names")
    assert ("Samuel Charap", "person") in unresolved
    speaker = (
        "SELECT a.name, a.source, q.speaker_surface FROM quotes q"
        " JOIN actors a ON a.actor_id = q.speaker_actor_id WHERE q.text LIKE 'The big question%'"
    )
    assert warehouse_rows(fresh_warehouse, speaker) == [
        ("Samuel Charap", "discovered", "Samuel Charap")
    ]

    actors_file.write_text(registry, "utf-8")
    rerun = run_ingest(seeds_dir, fresh_warehouse)
    assert (rerun["files_new"], rerun["files_skipped"], rerun["articles_linked"]) == (0, 5, 11)
    assert warehouse_rows(fresh_warehouse, speaker) == [
        ("Samuel Charap", "registry", "Samuel Charap")
    ]
    # The registry's entry wins, and the discovered row no article mentions any more goes.
    assert ("Samuel Charap", "person") not in warehouse_rows(
        fresh_warehouse, "SELECT surface, type FROM unresolved_names"
    )
    assert warehouse_rows(
        fresh_warehouse, "SELECT source FROM actors WHERE name = 'Samuel Charap'"
    ) == [("registry",)]
    counts = warehouse_rows(
        fresh_warehouse,
        "SELECT count(*), count(DISTINCT (paragraph_id, start)) FROM mentions",
    )
    assert counts[0][0] == counts[0][1]  # re-derivation replaced, never duplicated
    assert_article_actors_match_mentions(fresh_warehouse)

    unchanged = run_ingest(seeds_dir, fresh_warehouse)
    assert unchanged["articles_linked"] == 0


def assert_article_actors_match_mentions(warehouse: Path) -> None:
    """The per-article totals the actor queries read equal a recount of the mentions, and
    carry their article's and actor's numbers."""
    recount = """SELECT article_id, actor_id, count(DISTINCT paragraph_id), count(*),
                        min(paragraph_id), articles.article_no, actor_keys.actor_no
                 FROM mentions
                 JOIN articles USING (article_id)
                 JOIN actor_keys USING (actor_id)
                 GROUP BY ALL ORDER BY ALL"""
    stored = """SELECT article_id, actor_id, n_paragraphs, n_mentions, first_paragraph_id,
                       article_no, actor_no
                FROM article_actors ORDER BY ALL"""
    totals = warehouse_rows(warehouse, stored)
    assert totals and totals == warehouse_rows(warehouse, recount)


def test_a_warehouse_from_before_article_actors_gets_them_from_its_mentions(
    seeds_dir: Path, fresh_warehouse: Path
) -> None:
    run_ingest(seeds_dir, fresh_warehouse)
    views = "SELECT * FROM coverage_by_actor ORDER BY actor_id"
    before = warehouse_rows(fresh_warehouse, views)
    with duckdb.connect(str(fresh_warehouse)) as con:
        con.execute("DROP TABLE article_actors CASCADE")
    rerun = run_ingest(seeds_dir, fresh_warehouse)
    assert rerun["files_new"] == 0
    assert_article_actors_match_mentions(fresh_warehouse)
    assert warehouse_rows(fresh_warehouse, views) == before
    # One from before the totals kept each actor's first paragraph: filled on the next open.
    names = "SELECT * FROM unresolved_names ORDER BY ALL"
    listed = warehouse_rows(fresh_warehouse, names)
    with duckdb.connect(str(fresh_warehouse)) as con:
        con.execute("ALTER TABLE article_actors DROP COLUMN first_paragraph_id")
    run_ingest(seeds_dir, fresh_warehouse)
    assert_article_actors_match_mentions(fresh_warehouse)
    assert warehouse_rows(fresh_warehouse, names) == listed


def test_a_copy_in_a_later_run_links_both_ways_as_in_one_run(
    seeds_dir: Path, fresh_warehouse: Path
) -> None:
    run_ingest(seeds_dir, fresh_warehouse)
    wire = (seeds_dir / "003_c00b228c42aec0fc.txt").read_text("utf-8")
    revised = wire.replace("If realized, this would be", "Were it to happen, it would be")
    (seeds_dir / "revised.txt").write_text(revised, "utf-8")
    run_ingest(seeds_dir, fresh_warehouse)
    rows = warehouse_rows(
        fresh_warehouse,
        "SELECT s.path, a.article_id, a.near_duplicate_of, a.near_duplicate_group, a.story_group"
        " FROM articles a JOIN source_files s USING (file_id)"
        " WHERE s.path IN ('revised.txt', '003_c00b228c42aec0fc.txt') ORDER BY s.path",
    )
    (_, first, first_link, first_group, first_story), (_, copy, copy_link, copy_group, _) = rows
    assert (first_link, copy_link) == (copy, first)
    assert first_group == copy_group == first_story == first


def test_a_story_copied_more_often_than_a_bucket_holds_stays_one_story(
    seeds_dir: Path, fresh_warehouse: Path
) -> None:
    wire = (seeds_dir / "003_c00b228c42aec0fc.txt").read_text("utf-8")
    copies = CANDIDATES_PER_BUCKET + 5
    for number in range(copies):
        copy = wire.replace("| BGNES", f"| Outlet {number}") + f"\nCorrection number {number}.\n"
        (seeds_dir / f"copy_{number}.txt").write_text(copy, "utf-8")
    run_ingest(seeds_dir, fresh_warehouse)
    fullest = "SELECT max(n) FROM (SELECT count(*) AS n FROM article_bands GROUP BY band, band_key)"
    assert warehouse_rows(fresh_warehouse, fullest) == [(CANDIDATES_PER_BUCKET,)]
    # A copy arriving when every bucket of the story is full still joins the story.
    (seeds_dir / "late_copy.txt").write_text(wire.replace("| BGNES", "| Late Post"), "utf-8")
    run_ingest(seeds_dir, fresh_warehouse)
    story = warehouse_rows(fresh_warehouse, "SELECT n_articles FROM syndication")
    assert story == [(copies + 2,)]


def test_signatures_of_an_older_scheme_are_remade_before_new_copies_are_linked(
    seeds_dir: Path, fresh_warehouse: Path, tmp_path: Path
) -> None:
    run_ingest(seeds_dir, fresh_warehouse)
    # As a release with another signature scheme left them: no scheme recorded, and values
    # (so band keys) that no signature made now shares.
    with duckdb.connect(str(fresh_warehouse)) as con:
        con.execute(
            "UPDATE article_signatures SET scheme = NULL, minhash = list_transform(minhash, v -> v + 1)"
        )
        con.execute("UPDATE article_bands SET band_key = band_key + 1")
    wire = (seeds_dir / "003_c00b228c42aec0fc.txt").read_text("utf-8")
    (seeds_dir / "republished.txt").write_text(wire.replace("| BGNES", "| Sofia Daily"), "utf-8")
    run_ingest(seeds_dir, fresh_warehouse)
    clean = tmp_path / "clean.duckdb"
    run_ingest(seeds_dir, clean)
    for stored in (
        "SELECT article_id, minhash, scheme FROM article_signatures ORDER BY ALL",
        "SELECT * FROM article_bands ORDER BY ALL",
    ):
        assert warehouse_rows(fresh_warehouse, stored) == warehouse_rows(clean, stored)
    # The republished copy was linked to the re-signed original.
    assert warehouse_rows(fresh_warehouse, "SELECT n_outlets, outlets FROM syndication") == [
        (2, ["BGNES", "Sofia Daily"])
    ]


def test_actor_coverage_views_on_the_seeds(seeds_dir: Path, fresh_warehouse: Path) -> None:
    sidecar = seeds_dir / "004_ff7a71e922133832.txt.meta.json"
    sidecar.write_text('{"captured_at": "2025-08-16T12:00:00Z"}', "utf-8")
    run_ingest(seeds_dir, fresh_warehouse)
    dates = warehouse_rows(
        fresh_warehouse,
        """SELECT DISTINCT coverage_date::VARCHAR, coverage_date_source,
                  s.captured_at = TIMESTAMPTZ '2025-08-16 12:00:00+00', captured_at_source
           FROM articles JOIN source_files AS s USING (file_id)
           WHERE path LIKE '004%'""",
    )
    assert dates == [("2025-08-16", "published_at", True, "sidecar")]
    by_actor = dict(
        (name, (n_articles, n_outlets))
        for name, n_articles, n_outlets in warehouse_rows(
            fresh_warehouse, "SELECT name, n_articles, n_outlets FROM coverage_by_actor"
        )
    )
    # 11 articles, Mint's two versions of one story counted once.
    assert by_actor["Donald Trump"] == (10, 8)
    assert by_actor["Melania Trump"] == (1, 1)
    share = warehouse_rows(
        fresh_warehouse,
        """SELECT outlet, n_articles, share_of_outlet_articles FROM coverage_daily
           WHERE actor = 'Melania Trump'""",
    )
    assert share == [("Hindustan Times", 1, 0.5)]


def test_html_page_loads_beside_text_pages(seeds_dir: Path, fresh_warehouse: Path) -> None:
    from tests.conftest import ROOT

    fixtures = ROOT / "tests" / "fixtures" / "html"
    (seeds_dir / "html").mkdir()
    for name in ("article.html", "index.html"):
        (seeds_dir / "html" / name).write_bytes((fixtures / name).read_bytes())
    summary = run_ingest(seeds_dir, fresh_warehouse)
    assert (summary["files_new"], summary["files_quarantined"]) == (6, 1)
    rows = warehouse_rows(
        fresh_warehouse,
        """SELECT s.format, a.outlet, a.wire, a.published_at_source, a.coverage_date::VARCHAR
           FROM articles a JOIN source_files s USING (file_id) WHERE s.path = 'html/article.html'""",
    )
    assert rows == [("html", "The Harbour Gazette", "Reuters", "metadata", "2025-08-14")]
    assert warehouse_rows(fresh_warehouse, "SELECT path, reason FROM quarantine") == [
        ("html/index.html", "no_article")
    ]


SITE_BLURB = (
    "The Valley Courier has reported on the towns and farms of the three valleys, and on the"
    " people who live there, since it was founded in 1921."
)


def _site_page(folder: Path, name: str, headline: str, story: list[str]) -> None:
    lines = ["Home", "News", headline, "By Ann Lee", *story, SITE_BLURB, "About us"]
    (folder / f"{name}.txt").write_text("\n".join(lines), "utf-8")
    sidecar = {"url": f"https://valleycourier.example/news/{name}", "captured_at": "2024-05-02"}
    (folder / f"{name}.txt.meta.json").write_text(json.dumps(sidecar), "utf-8")


def test_a_sites_chrome_is_learnt_in_one_run_and_used_in_the_next(
    tmp_path: Path, fresh_warehouse: Path
) -> None:
    seeds = tmp_path / "site"
    seeds.mkdir()
    _site_page(seeds, "floods", "Floods close the lower town", FLOOD_STORY)
    run_ingest(seeds, fresh_warehouse)
    body_of = """SELECT a.body FROM articles a JOIN source_files s USING (file_id)
                 WHERE s.path = '{}.txt'"""
    # One page of a site cannot tell its blurb from its article.
    assert SITE_BLURB in warehouse_rows(fresh_warehouse, body_of.format("floods"))[0][0]

    _site_page(seeds, "library", "Library to close after vote", LIBRARY_STORY)
    run_ingest(seeds, fresh_warehouse)
    [(body,)] = warehouse_rows(fresh_warehouse, body_of.format("library"))
    assert SITE_BLURB not in body and LIBRARY_STORY[-1] in body
    assert warehouse_rows(
        fresh_warehouse,
        "SELECT s.path, d.reason FROM dropped_blocks d JOIN source_files s USING (file_id)",
    ) == [("library.txt", "site_chrome")]
    counts = "SELECT files FROM site_lines WHERE line = '{}'"
    assert warehouse_rows(fresh_warehouse, counts.format(SITE_BLURB)) == [(2,)]

    run_ingest(seeds, fresh_warehouse)  # nothing new: nothing counted twice
    assert warehouse_rows(fresh_warehouse, counts.format(SITE_BLURB)) == [(2,)]
    assert warehouse_rows(fresh_warehouse, counts.format("Floods close the lower town")) == [(1,)]


FLOOD_STORY = [
    "The river rose by two metres overnight and the town council opened three shelters.",
    "Residents on the lower streets were told to leave before the water reached them.",
    "The mayor said the barriers built after the last flood had held along the quay.",
]
LIBRARY_STORY = [
    "The council voted on Tuesday to close the old library and move its books to the school.",
    "Supporters of the library said the building had served readers for ninety years.",
    "A final decision on the building itself will be taken after a survey in the spring.",
]


def test_the_seeds_carry_their_capture_times_and_a_file_without_one_is_counted(
    seeds_dir: Path, fresh_warehouse: Path
) -> None:
    summary = run_ingest(seeds_dir, fresh_warehouse)
    assert summary["files_dated_by_mtime"] == 0  # every seed has its sidecar
    months = warehouse_rows(
        fresh_warehouse, "SELECT DISTINCT strftime(coverage_date, '%Y-%m') FROM articles ORDER BY 1"
    )
    assert months == [("2025-02",), ("2025-08",)]
    # Times from "19 minutes ago" are to the minute, never the capture clock's microseconds.
    assert warehouse_rows(
        fresh_warehouse,
        "SELECT count(*) FROM articles WHERE published_at_source = 'relative' "
        "AND (second(published_at) <> 0 OR microsecond(published_at) <> 0)",
    ) == [(0,)]
    (seeds_dir / "undated.txt").write_text(
        "A page with no sidecar\n" + "Its body is long enough to be read as prose here. " * 8,
        "utf-8",
    )
    summary = run_ingest(seeds_dir, fresh_warehouse)
    assert summary["files_dated_by_mtime"] == 1
    assert warehouse_rows(
        fresh_warehouse,
        "SELECT n_files_dated_by_mtime FROM ingest_runs ORDER BY started_at DESC LIMIT 1",
    ) == [(1,)]


def test_a_first_run_has_no_unchanged_files_and_its_counts_add_up(
    seeds_dir: Path, fresh_warehouse: Path
) -> None:
    seed = seeds_dir / "001_f54b83f48e2dd52d.txt"
    (seeds_dir / "copy-of-001.txt").write_bytes(seed.read_bytes())
    first = run_ingest(seeds_dir, fresh_warehouse)
    assert (first["files_skipped"], first["files_copies"]) == (0, 1)
    parts = ("files_new", "files_duplicate", "files_quarantined", "files_skipped", "files_copies")
    assert first["files_seen"] == sum(first[p] for p in parts) == 6
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))
    again = run_ingest(seeds_dir, fresh_warehouse)
    assert (again["files_skipped"], again["files_copies"], again["files_new"]) == (6, 0, 0)
    assert again["files_seen"] == sum(again[p] for p in parts)
