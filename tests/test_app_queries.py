"""The app's actor ranking and its search answer what their SQL comments promise, on many
random warehouses: what a direct reading of the rows gives.

The queries are written for speed (semi joins, counts taken once, patterns as bits); this
is what keeps them honest about the 'other' row, the excluded actors, the co-mention
condition, and every word of a long search.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date

import duckdb
import polars as pl
import pytest

from flows.warehouse import apply_schema, query
from newsdesk.explore import SEARCH_TERMS_MAX, search_keys, search_patterns, search_texts

TOP = 3
ACTORS = [f"actor-{n:02d}" for n in range(12)]
ARTICLES = [f"article-{n:03d}" for n in range(60)]


@pytest.fixture(scope="module")
def warehouse() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(":memory:")
    apply_schema(con)
    con.executemany(
        "INSERT INTO actors (actor_id, name, type, aliases) VALUES (?, ?, 'person', [])",
        [[actor_id, actor_id.replace("-", " ").title()] for actor_id in ACTORS],
    )
    # numbered against the ids' order, so that a tie ranked by number rather than by id shows
    con.executemany(
        "INSERT INTO actor_keys VALUES (?, ?)",
        [[actor_id, len(ACTORS) - n] for n, actor_id in enumerate(ACTORS)],
    )
    yield con
    con.close()


def _mentions(rng: random.Random) -> dict[str, set[str]]:
    """Each article's actors; skewed, so some actors tie and some articles name none."""
    weights = [1 / (rank + 1) for rank in range(len(ACTORS))]
    return {article: set(rng.choices(ACTORS, weights, k=rng.randint(0, 5))) for article in ARTICLES}


def _store_mentions(warehouse: duckdb.DuckDBPyConnection, mentions: dict[str, set[str]]) -> None:
    """article_actors for these mentions, keyed as the loads key them (article_no, actor_no)."""
    warehouse.execute("DELETE FROM article_actors")
    rows = [
        (a, ARTICLES.index(a), actor, len(ACTORS) - ACTORS.index(actor))
        for a, actors in mentions.items()
        for actor in actors
    ]
    if rows:
        warehouse.executemany(
            "INSERT INTO article_actors "
            "(article_id, article_no, actor_id, actor_no, n_paragraphs, n_mentions) "
            "VALUES (?, ?, ?, ?, 1, 1)",
            [list(row) for row in rows],
        )


def _stored_mentions(
    warehouse: duckdb.DuckDBPyConnection, seed: int
) -> tuple[random.Random, dict[str, set[str]], list[str]]:
    """A random warehouse's mentions, stored, and a random subset of its articles (the
    matched or base articles a query is asked about), with the generator for the rest."""
    rng = random.Random(seed)
    mentions = _mentions(rng)
    _store_mentions(warehouse, mentions)
    return rng, mentions, sorted(rng.sample(ARTICLES, rng.randint(0, len(ARTICLES))))


def _frame(articles: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {"article_id": articles, "article_no": [ARTICLES.index(a) for a in articles]},
        schema={"article_id": pl.String, "article_no": pl.Int32},
    ).with_columns(coverage_date=pl.lit(date(2025, 1, 1)), outlet=pl.lit("Gazette"))


def _expected(
    mentions: dict[str, set[str]], matched: list[str], exclude: list[str], with_: list[str]
) -> list[tuple[str, int, int, int, str | None]]:
    scope = [a for a in matched if not with_ or mentions[a] & set(with_)]
    counts = Counter(actor for a in scope for actor in mentions[a] - set(exclude))
    ranked = sorted(counts, key=lambda actor: (-counts[actor], actor))
    top, rest = ranked[:TOP], set(ranked[TOP:])
    rows = [(actor.replace("-", " ").title(), counts[actor], 1, rank + 1, actor)
            for rank, actor in enumerate(top)]  # fmt: skip
    if rest:
        other_articles = sum(1 for a in scope if mentions[a] & rest)
        rows.append(("other", other_articles, len(rest), TOP + 1, None))
    return rows


@pytest.mark.parametrize("seed", range(40))
def test_top_actors_counts_the_articles_each_actor_and_the_rest_appear_in(
    warehouse: duckdb.DuckDBPyConnection, seed: int
) -> None:
    rng, mentions, matched = _stored_mentions(warehouse, seed)
    focus = rng.sample(ACTORS, rng.choice([0, 0, 1, 2]))
    frame = _frame(matched)
    answer = query(
        warehouse,
        "app/top_actors",
        {"top": TOP, "exclude": focus, "with": focus},
        {"base": frame, "matched": frame},
    )
    got = [
        (row["actor"], row["n_articles"], row["n_actors"], row["rank"], row["actor_id"])
        for row in answer.iter_rows(named=True)
    ]
    assert got == _expected(mentions, matched, focus, focus)


@pytest.mark.parametrize("seed", range(20))
def test_choosing_actors_keeps_the_base_articles_mentioning_any_of_them(
    warehouse: duckdb.DuckDBPyConnection, seed: int
) -> None:
    rng, mentions, base = _stored_mentions(warehouse, seed)
    chosen = rng.sample(ACTORS, rng.choice([1, 2, 3]))
    answer = query(
        warehouse,
        "app/matched_articles",
        {"actors": chosen, "patterns": [], "keys": [], "terms": []},
        {"base": _frame(base)},
    )
    assert answer["article_id"].to_list() == [a for a in base if mentions[a] & set(chosen)]


# Words that overlap (Iran / Iranian / Iran's), differ in case, carry punctuation (U.S.) or
# letters past ASCII (Zürich), or are no word at all (#).
_WORDS = ["Iran", "iranian", "IRAN", "Iran's", "minister", "prime", "said", "U.S.", "talks",
          "oil", "the", "Zürich", "#"]  # fmt: skip


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 8)))


def _search(rng: random.Random) -> str:
    terms = []
    for _ in range(rng.choice([1, 2, 3, 9, 10])):  # past eight, the patterns' slow path
        words = rng.sample(_WORDS, rng.choice([1, 1, 2]))
        terms.append(f'"{" ".join(words)}"' if len(words) > 1 else words[0])
    return " ".join(terms)


def _index_words(warehouse: duckdb.DuckDBPyConnection, numbers: pl.DataFrame) -> None:
    """The search index of the stored paragraphs, the articles numbered as in `numbers`
    (this warehouse holds no articles rows that sql/load/049 would number them by)."""
    warehouse.execute("DELETE FROM article_words")
    warehouse.register("numbers", numbers.select("article_id", "article_no").to_arrow())
    warehouse.execute(
        "INSERT INTO article_words "
        "SELECT DISTINCT unnest(words_of(text)), article_no FROM paragraphs JOIN numbers "
        "USING (article_id)"
    )
    warehouse.unregister("numbers")


@pytest.mark.parametrize("seed", range(40))
def test_a_search_matches_the_articles_holding_every_word_and_phrase(
    warehouse: duckdb.DuckDBPyConnection, seed: int
) -> None:
    rng = random.Random(seed)
    paragraphs = {article: [_text(rng) for _ in range(rng.randint(1, 4))] for article in ARTICLES}
    warehouse.execute("DELETE FROM paragraphs")
    warehouse.executemany(
        "INSERT INTO paragraphs VALUES (?, ?, ?, 'text', ?, 1)",
        [[f"{article}:{n}", article, n, text]
         for article, texts in paragraphs.items() for n, text in enumerate(texts)],
    )  # fmt: skip
    base = _frame(ARTICLES)
    _index_words(warehouse, base)
    search = _search(rng)
    patterns = search_patterns(search)
    answer = query(
        warehouse,
        "app/matched_articles",
        {"actors": [], "patterns": patterns, "keys": search_keys(search),
         "terms": search_texts(search)},
        {"base": base},
    )  # fmt: skip
    expected = [
        article
        for article, texts in paragraphs.items()
        if all(any(re.search(f"(?i){p}", text) for text in texts) for p in patterns)
    ]
    assert answer["article_id"].to_list() == expected, search


def test_a_search_longer_than_the_patterns_kept_is_refused_with_a_reason() -> None:
    assert len(search_patterns(" ".join(["oil"] * SEARCH_TERMS_MAX))) == SEARCH_TERMS_MAX
    with pytest.raises(ValueError, match="at most 63 words or quoted phrases; this one has 64"):
        search_patterns(" ".join(["oil"] * (SEARCH_TERMS_MAX + 1)))
