-- one row per (article, actor) with mentions: the per-article totals the coverage views
-- add up, kept beside `mentions` so that a view reads thousands of rows, not millions
CREATE TABLE IF NOT EXISTS article_actors (
    article_id    VARCHAR NOT NULL,
    actor_id      VARCHAR NOT NULL,
    n_paragraphs  INTEGER NOT NULL,
    n_mentions    INTEGER NOT NULL
);

-- added for large warehouses: the first paragraph (lowest id) naming the actor, so that
-- unresolved_names finds an example without reading every mention
ALTER TABLE article_actors ADD COLUMN IF NOT EXISTS first_paragraph_id VARCHAR;

-- added for large warehouses: the article's and the actor's numbers (articles.article_no,
-- actor_keys), which the app's actor rankings join and group by
ALTER TABLE article_actors ADD COLUMN IF NOT EXISTS article_no INTEGER;
ALTER TABLE article_actors ADD COLUMN IF NOT EXISTS actor_no INTEGER;

-- the rows of article_actors a mentions table makes for the articles of articles_table (the
-- numbers of its actors first added to actor_keys, sql/load/057 and sql/derive/010); an id
-- with no number fails the write rather than losing its row to the rankings
CREATE OR REPLACE MACRO actor_totals(mentions_table, articles_table) AS TABLE
SELECT
    totals.*,
    coalesce(articles.article_no, error('no article_no for article ' || totals.article_id))
        AS article_no,
    coalesce(actor_keys.actor_no, error('no actor_no for actor ' || totals.actor_id))
        AS actor_no
FROM (
    SELECT
        article_id,
        actor_id,
        count(DISTINCT paragraph_id)::INTEGER AS n_paragraphs,
        count(*)::INTEGER AS n_mentions,
        min(paragraph_id) AS first_paragraph_id
    FROM query_table(mentions_table)
    WHERE article_id IN (SELECT article_id FROM query_table(articles_table))
    GROUP BY article_id, actor_id
) AS totals
-- the numbers of the table's articles and actors alone: joined whole, a batch's write would
-- hash every stored article (tests/test_batch_plans.py)
LEFT JOIN (
    SELECT article_id, article_no
    FROM articles
    SEMI JOIN query_table(mentions_table) AS named USING (article_id)
) AS articles USING (article_id)
LEFT JOIN (
    SELECT actor_id, actor_no
    FROM actor_keys
    SEMI JOIN query_table(mentions_table) AS named USING (actor_id)
) AS actor_keys USING (actor_id);

-- a warehouse made before this table existed gets its totals once, from its mentions
CREATE OR REPLACE TEMP TABLE untotalled_mentions AS
SELECT * FROM mentions WHERE NOT EXISTS (SELECT 1 FROM article_actors);

INSERT INTO actor_keys SELECT * FROM new_actor_keys('untotalled_mentions');

INSERT INTO article_actors BY NAME SELECT * FROM actor_totals('untotalled_mentions', 'articles');

DROP TABLE untotalled_mentions;

-- and one made before first_paragraph_id, those (once: later opens find no row without)
CREATE OR REPLACE TEMP TABLE articles_without_first_paragraph AS
SELECT DISTINCT article_id FROM article_actors WHERE first_paragraph_id IS NULL;

UPDATE article_actors
SET first_paragraph_id = firsts.paragraph_id
FROM (
    SELECT article_id, actor_id, min(paragraph_id) AS paragraph_id
    FROM mentions
    SEMI JOIN articles_without_first_paragraph USING (article_id)
    GROUP BY ALL
) AS firsts
WHERE article_actors.article_id = firsts.article_id
  AND article_actors.actor_id = firsts.actor_id;

DROP TABLE articles_without_first_paragraph;

-- and one made before the numbers, those (once, as above)
CREATE OR REPLACE TEMP TABLE unnumbered_actors AS
SELECT DISTINCT actor_id FROM article_actors WHERE actor_no IS NULL;

INSERT INTO actor_keys SELECT * FROM new_actor_keys('unnumbered_actors');

DROP TABLE unnumbered_actors;

UPDATE article_actors
SET article_no = articles.article_no, actor_no = actor_keys.actor_no
FROM articles, actor_keys
WHERE article_actors.actor_no IS NULL
  AND articles.article_id = article_actors.article_id
  AND actor_keys.actor_id = article_actors.actor_id;
