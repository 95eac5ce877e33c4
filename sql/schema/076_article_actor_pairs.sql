-- the pairs of actors each paragraph of a mentions table names together: one row per
-- article and pair (actor_a_id < actor_b_id) with how many of its paragraphs name both
CREATE OR REPLACE MACRO paragraph_actor_pairs(mentions_table) AS TABLE
WITH paragraph_actors AS (
    SELECT DISTINCT article_id, paragraph_id, actor_id FROM query_table(mentions_table)
)
SELECT
    left_side.article_id,
    left_side.actor_id AS actor_a_id,
    right_side.actor_id AS actor_b_id,
    count(*)::INTEGER AS n_paragraphs
FROM paragraph_actors AS left_side
JOIN paragraph_actors AS right_side
    ON left_side.paragraph_id = right_side.paragraph_id
   AND left_side.actor_id < right_side.actor_id
GROUP BY ALL;

-- kept beside `mentions` (as article_actors is) so that actor_co_mentions adds up pairs
-- already found instead of joining millions of mentions to themselves (a warehouse made
-- before this table existed derives its articles again: transforms/knowledge.py DERIVED_ROWS)
CREATE TABLE IF NOT EXISTS article_actor_pairs (
    article_id    VARCHAR NOT NULL,
    actor_a_id    VARCHAR NOT NULL,
    actor_b_id    VARCHAR NOT NULL,
    n_paragraphs  INTEGER NOT NULL
);
