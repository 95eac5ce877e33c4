"""actor_co_mentions reads totals the runs keep up to date (sql/co_mentions/): after every
kind of change — new files, a file replaced, a near-duplicate, a registry edit that
re-derives every article, a run killed before its end — they equal the counts taken
afresh from the mentions themselves."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from bench.stories import write_story_corpus
from tests.conftest import ROOT, warehouse_rows

pytestmark = pytest.mark.usefixtures("prefect_api")

# The view's meaning, counted the slow way: every pair of actors named in one paragraph of
# a counted article.
FROM_MENTIONS = """
WITH paragraph_actors AS (
    SELECT DISTINCT m.paragraph_id, m.article_id, m.actor_id, actors.name, a.outlet_label
    FROM mentions AS m
    JOIN counted_articles AS a USING (article_id)
    JOIN actors USING (actor_id)
)
SELECT l.actor_id, l.name, r.actor_id, r.name, count(*), count(DISTINCT l.article_id),
       count(DISTINCT l.outlet_label)
FROM paragraph_actors AS l
JOIN paragraph_actors AS r
  ON l.paragraph_id = r.paragraph_id AND (l.name, l.actor_id) < (r.name, r.actor_id)
GROUP BY ALL ORDER BY ALL
"""
FROM_VIEW = "SELECT * FROM actor_co_mentions ORDER BY ALL"


def assert_totals_match(warehouse: Path) -> int:
    kept = warehouse_rows(warehouse, FROM_VIEW)
    assert kept == warehouse_rows(warehouse, FROM_MENTIONS)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT min(n_articles) FROM co_mention_totals").fetchone() > (0,)
    return len(kept)


def test_the_kept_totals_equal_a_count_from_mentions_after_every_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.ingest import ingest_flow

    corpus, seeds, warehouse = tmp_path / "corpus", tmp_path / "seeds", tmp_path / "w.duckdb"
    corpus.mkdir()
    files = write_story_corpus(corpus, 16, seed=3, cast=4)
    registry = tmp_path / "actors.yaml"
    registry.write_text((ROOT / "transforms/data/actors.yaml").read_text("utf-8"), "utf-8")
    monkeypatch.setenv("NEWSDESK_ACTORS_FILE", str(registry))

    def ingest() -> int:
        """Articles (re-)linked to actors by the run; the totals checked after it."""
        summary = ingest_flow(str(seeds), str(warehouse), workers=1)
        assert assert_totals_match(warehouse) > 0
        return int(summary["articles_linked"])

    def add(page: Path) -> None:
        for source in (page, page.with_name(page.name + ".meta.json")):
            shutil.copy2(source, seeds / source.name)

    seeds.mkdir()
    first, rest = files[: len(files) // 2], files[len(files) // 2 :]
    for file in first:
        add(file.path)
    ingest()

    # More files: among them copies of stories already loaded (near-duplicates, which
    # counted_articles counts once per outlet).
    for file in rest:
        add(file.path)
    ingest()
    ((copies,),) = warehouse_rows(warehouse, "SELECT count(near_duplicate_of) FROM articles")
    assert copies > 0

    # A file replaced by another story's text: its old article is no longer counted.
    replaced, stranger = files[0].path.name, next(f for f in files if f.story != files[0].story)
    (seeds / replaced).write_bytes(stranger.path.read_bytes() + b"\nFiled again.\n")
    before = warehouse_rows(warehouse, FROM_VIEW)
    ingest()
    assert warehouse_rows(warehouse, FROM_VIEW) != before

    # A registry edit: every article is derived again, its old pairs withdrawn first.
    registry.write_text(registry.read_text("utf-8") + "\n# edited\n", "utf-8")
    ((articles,),) = warehouse_rows(warehouse, "SELECT count(*) FROM articles")
    assert ingest() == articles

    # A warehouse from before the totals were kept: the next run counts them from the
    # articles it holds.
    with duckdb.connect(str(warehouse)) as con:
        con.execute("DELETE FROM co_mention_totals")
        con.execute("DELETE FROM co_mention_sources")
    assert ingest() == 0
