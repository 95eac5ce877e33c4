-- one row per pair of actors named in the same paragraph of a counted article
-- (actor_a sorts before actor_b; each pair once)
CREATE OR REPLACE VIEW actor_co_mentions AS
WITH paragraph_actors AS (
    SELECT DISTINCT m.paragraph_id, m.article_id, m.actor_id, a.outlet_label
    FROM mentions AS m
    JOIN counted_articles AS a USING (article_id)
)
SELECT
    left_side.actor_id AS actor_a_id,
    actor_a.name AS actor_a,
    right_side.actor_id AS actor_b_id,
    actor_b.name AS actor_b,
    count(*) AS n_paragraphs,
    count(DISTINCT left_side.article_id) AS n_articles,
    count(DISTINCT left_side.outlet_label) AS n_outlets
FROM paragraph_actors AS left_side
JOIN paragraph_actors AS right_side
    ON left_side.paragraph_id = right_side.paragraph_id
   AND left_side.actor_id < right_side.actor_id
JOIN actors AS actor_a ON actor_a.actor_id = left_side.actor_id
JOIN actors AS actor_b ON actor_b.actor_id = right_side.actor_id
GROUP BY ALL;
