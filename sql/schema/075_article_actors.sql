-- one row per (article, actor) with mentions: the per-article totals the coverage views
-- add up, kept beside `mentions` so that a view reads thousands of rows, not millions
CREATE TABLE IF NOT EXISTS article_actors (
    article_id    VARCHAR NOT NULL,
    actor_id      VARCHAR NOT NULL,
    n_paragraphs  INTEGER NOT NULL,
    n_mentions    INTEGER NOT NULL
);

-- a warehouse made before this table existed gets its totals once, from its mentions
INSERT INTO article_actors
SELECT article_id, actor_id, count(DISTINCT paragraph_id), count(*)
FROM mentions
WHERE NOT EXISTS (SELECT 1 FROM article_actors)
GROUP BY article_id, actor_id;
