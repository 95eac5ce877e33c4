"""actor_co_mentions, coverage_daily and coverage_by_actor read totals the runs keep up to
date (sql/co_mentions/), and counted_articles a flag each load keeps (articles.is_counted):
after every kind of change — new files, a file replaced, a near-duplicate, a registry edit
that re-derives every article, a warehouse from before they were kept — they equal the
counts taken afresh from the articles and mentions themselves."""

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

# counted_articles' meaning, ranked afresh: current, first capture of its copy group.
COUNTED_AFRESH = """
SELECT article_id, coverage_date, coalesce(outlet, 'unknown') AS outlet_label
FROM articles
WHERE is_current
QUALIFY row_number() OVER (
    PARTITION BY coalesce(near_duplicate_group, article_id) ORDER BY captured_at, article_id
) = 1
"""
DAILY_FROM_MENTIONS = f"""
WITH counted AS ({COUNTED_AFRESH}),
per_article AS (
    SELECT article_id, actor_id, count(DISTINCT paragraph_id) AS n_paragraphs,
           count(*) AS n_mentions
    FROM mentions
    GROUP BY ALL
)
SELECT c.coverage_date, c.outlet_label, p.actor_id, count(*), sum(p.n_mentions),
       sum(p.n_paragraphs)
FROM per_article AS p
JOIN counted AS c USING (article_id)
GROUP BY ALL ORDER BY ALL
"""
DAILY_FROM_VIEWS = """
SELECT d.coverage_date, d.outlet, d.actor_id, d.n_articles, d.n_mentions, t.n_paragraphs
FROM coverage_daily AS d
JOIN actor_day_totals AS t
  ON t.coverage_date = d.coverage_date AND t.outlet_label = d.outlet AND t.actor_id = d.actor_id
ORDER BY ALL
"""
BY_ACTOR_FROM_DAILY = """
SELECT actor_id, sum(n_articles), sum(n_mentions), count(DISTINCT outlet)
FROM coverage_daily GROUP BY ALL HAVING sum(n_articles) > 0 ORDER BY ALL
"""
BY_ACTOR_FROM_VIEW = """
SELECT actor_id, n_articles, n_mentions, n_outlets FROM coverage_by_actor
WHERE n_articles > 0 ORDER BY ALL
"""


def assert_totals_match(warehouse: Path) -> int:
    kept = warehouse_rows(warehouse, FROM_VIEW)
    assert kept == warehouse_rows(warehouse, FROM_MENTIONS)
    counted = warehouse_rows(warehouse, f"SELECT article_id FROM ({COUNTED_AFRESH}) ORDER BY 1")
    assert counted == warehouse_rows(
        warehouse, "SELECT article_id FROM counted_articles ORDER BY 1"
    )
    daily = warehouse_rows(warehouse, DAILY_FROM_VIEWS)
    assert daily and daily == warehouse_rows(warehouse, DAILY_FROM_MENTIONS)
    by_actor = warehouse_rows(warehouse, BY_ACTOR_FROM_VIEW)
    assert by_actor == warehouse_rows(warehouse, BY_ACTOR_FROM_DAILY)
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
        for table in ("co_mention_totals", "co_mention_sources", "actor_day_totals",
                      "actor_day_sources"):  # fmt: skip
            con.execute(f"DELETE FROM {table}")
        con.execute("UPDATE articles SET is_counted = NULL")
    assert ingest() == 0
