"""Same files, same warehouse: every table and view is a function of the files alone, not of
how many workers read them, how the batches were cut, in what order or in how many runs the
files arrived."""

from __future__ import annotations

import json
import random
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench.stories import StoryFile, write_story_corpus
from tests.conftest import table_checksums, warehouse_rows

STORIES = 24
# Revisions in the chain of one story's copies (tests below).
CHAIN = 9


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[StoryFile]]:
    out = tmp_path_factory.mktemp("stories")
    return out, write_story_corpus(out, STORIES, seed=5, cast=4)


def ingest_in_rounds(
    files: list[StoryFile], into: Path, warehouse: Path, rounds: list[list[StoryFile]],
    workers: int,
) -> None:  # fmt: skip
    """Copy each round's files (times kept) into the seeds folder, then ingest."""
    from flows.ingest import ingest_flow

    into.mkdir()
    for batch in rounds:
        for file in batch:
            for source in (file.path, file.path.with_name(file.path.name + ".meta.json")):
                shutil.copy2(source, into / source.name)
        ingest_flow(str(into), str(warehouse), workers=workers)


def test_the_corpus_has_clusters_of_several_kinds(corpus: tuple[Path, list[StoryFile]]) -> None:
    _, files = corpus
    sizes = [sum(f.story == s for f in files) for s in range(STORIES)]
    outlets = [len({f.outlet for f in files if f.story == s}) for s in range(STORIES)]
    assert 1 in sizes and max(sizes) >= 3  # lone stories and clusters
    assert max(outlets) >= 2  # stories run at more than one outlet


@pytest.mark.parametrize(
    ("workers", "batch_files", "rounds", "seed"),
    [
        (2, 7, 1, None),  # two extraction workers, many small batches
        (1, 5, 1, None),  # one worker, batches of five
        (1, 4, 3, 1),  # three runs, the files in shuffled order
        (1, 1000, 2, 2),  # two runs of one batch each, shuffled
    ],
    ids=["workers-2-batch-7", "batch-5", "three-runs-shuffled", "two-runs-shuffled"],
)
def test_tables_and_views_equal_a_single_run_of_the_same_files(
    corpus: tuple[Path, list[StoryFile]],
    tmp_path: Path,
    prefect_api: None,
    monkeypatch: pytest.MonkeyPatch,
    workers: int,
    batch_files: int,
    rounds: int,
    seed: int | None,
) -> None:
    _, files = corpus
    ingest_in_rounds(files, tmp_path / "one", tmp_path / "one.duckdb", [files], workers=1)
    monkeypatch.setenv("NEWSDESK_BATCH_FILES", str(batch_files))
    order = list(files)
    if seed is not None:
        random.Random(seed).shuffle(order)
    cut = [order[i::rounds] for i in range(rounds)]
    ingest_in_rounds(files, tmp_path / "cut", tmp_path / "cut.duckdb", cut, workers=workers)

    one, cut_sums = (
        table_checksums(tmp_path / "one.duckdb"),
        table_checksums(tmp_path / "cut.duckdb"),
    )
    assert {t for t in one if one[t] != cut_sums[t]} == set()
    # The numbers differ with the order of arrival; every copy of one still names one row.
    ((wrong_articles, wrong_actors, numbered),) = warehouse_rows(
        tmp_path / "cut.duckdb",
        "SELECT count(*) FILTER (aa.article_no IS DISTINCT FROM a.article_no),"
        " count(*) FILTER (aa.actor_no IS DISTINCT FROM k.actor_no), count(*)"
        " FROM article_actors AS aa JOIN articles AS a USING (article_id)"
        " JOIN actor_keys AS k USING (actor_id)",
    )
    assert (wrong_articles, wrong_actors) == (0, 0) and numbered > 0
    ((repeated,),) = warehouse_rows(
        tmp_path / "cut.duckdb",
        "SELECT (SELECT count(*) - count(DISTINCT article_no) FROM articles)"
        " + (SELECT count(*) - count(DISTINCT actor_no) FROM actor_keys)"
        " + (SELECT count(*) - count(DISTINCT actor_id) FROM actor_keys)",
    )
    assert repeated == 0
    # Not vacuous: the corpus's copies are labelled, across outlets too.
    ((copies, stories),) = warehouse_rows(
        tmp_path / "cut.duckdb",
        "SELECT count(near_duplicate_of), count(DISTINCT story_group) FROM articles",
    )
    assert copies > 0 and stories > 0


def test_an_older_copy_alike_only_the_latest_renames_the_whole_story_as_one_run_would(
    tmp_path: Path, prefect_api: None
) -> None:
    from bench.stories import _revised, _story

    # A chain of revisions, each alike the one before: the last is no longer alike the first.
    rng = random.Random(11)
    title, paragraphs = _story(rng)
    versions = [paragraphs]
    for _ in range(CHAIN):
        versions.append(_revised(versions[-1], rng))
    start = datetime(2025, 8, 1, tzinfo=UTC)
    files = []
    # The chain's last revision comes last and was captured first: the story and its copy
    # group are named after it, while its pairs touch only the latest versions.
    for hour, body in [*((i + 1, v) for i, v in enumerate(versions[:-1])), (0, versions[-1])]:
        path = tmp_path / "corpus" / f"v{len(files):02d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(title + "\n\n" + "\n\n".join(body) + "\n", "utf-8")
        captured = start + timedelta(hours=hour)
        sidecar = {"captured_at": captured.isoformat(), "outlet": "The Valley Herald"}
        path.with_name(path.name + ".meta.json").write_text(json.dumps(sidecar), "utf-8")
        files.append(StoryFile(path, 0, "The Valley Herald", captured))
    *earlier, last = files

    ingest_in_rounds(files, tmp_path / "one", tmp_path / "one.duckdb", [files], workers=1)
    ingest_in_rounds(files, tmp_path / "two", tmp_path / "two.duckdb", [earlier, [last]], workers=1)

    one, two = table_checksums(tmp_path / "one.duckdb"), table_checksums(tmp_path / "two.duckdb")
    assert {t for t in one if one[t] != two[t]} == set()
    # Not vacuous: one story named after the last copy, which is alike only some of it.
    ((members, named_after_last, alike),) = warehouse_rows(
        tmp_path / "two.duckdb",
        "WITH last AS (SELECT a.article_id, a.story_group FROM articles AS a "
        f"JOIN file_paths AS p USING (file_id) WHERE p.path = '{last.path.name}') "
        "SELECT count(*), bool_and(a.story_group = last.article_id), ("
        "  SELECT count(*) FROM near_duplicate_pairs AS n, last"
        "  WHERE last.article_id IN (n.article_id, n.other_id)) "
        "FROM articles AS a JOIN last USING (story_group)",
    )
    assert members == len(files) and named_after_last
    assert 0 < alike < len(earlier)


def test_a_file_replaced_and_brought_back_leaves_what_a_fresh_run_would(
    corpus: tuple[Path, list[StoryFile]], tmp_path: Path, prefect_api: None
) -> None:
    from flows.ingest import ingest_flow

    _, files = corpus
    seeds, warehouse = tmp_path / "seeds", tmp_path / "w.duckdb"
    ingest_in_rounds(files, seeds, warehouse, [files], workers=1)
    before = table_checksums(warehouse)
    # Every file of the largest story replaced in turn by another story's text: its story
    # loses an article (perhaps the one joining the rest) and the other story gains one,
    # then the file comes back.
    largest = max(range(STORIES), key=lambda s: sum(f.story == s for f in files))
    stranger = next(f for f in files if f.story != largest)
    for member in [f for f in files if f.story == largest]:
        kept = (seeds / member.path.name).read_bytes()
        copy = stranger.path.read_bytes() + f"\nFiled again as {member.path.name}.\n".encode()
        (seeds / member.path.name).write_bytes(copy)
        ingest_flow(str(seeds), str(warehouse), workers=1)
        fresh = tmp_path / f"fresh-{member.path.name}"
        shutil.copytree(seeds, fresh, copy_function=shutil.copy2)
        ingest_flow(str(fresh), str(tmp_path / f"{member.path.name}.duckdb"), workers=1)
        assert _views(table_checksums(warehouse)) == _views(
            table_checksums(tmp_path / f"{member.path.name}.duckdb")
        )
        (seeds / member.path.name).write_bytes(kept)
        ingest_flow(str(seeds), str(warehouse), workers=1)
        assert _views(table_checksums(warehouse)) == _views(before)


def _views(sums: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """What analysis reads: the views (the tables keep superseded files' history)."""
    views = {"counted_articles", "coverage_by_outlet", "coverage_by_actor", "coverage_by_date",
             "coverage_daily", "actor_co_mentions", "quote_share", "syndication"}  # fmt: skip
    return {name: sums[name] for name in views}
