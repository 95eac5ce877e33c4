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

-- a warehouse made before this table existed gets its totals once, from its mentions
INSERT INTO article_actors
SELECT article_id, actor_id, count(DISTINCT paragraph_id), count(*), min(paragraph_id)
FROM mentions
WHERE NOT EXISTS (SELECT 1 FROM article_actors)
GROUP BY article_id, actor_id;

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
