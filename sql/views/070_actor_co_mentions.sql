-- one row per pair of actors named in the same paragraph of a counted article
-- (actor_a's name sorts before actor_b's; each pair once)
CREATE OR REPLACE VIEW actor_co_mentions AS
WITH paragraph_actors AS (
    SELECT DISTINCT m.paragraph_id, m.article_id, m.actor_id, actors.name, a.outlet_label
    FROM mentions AS m
    JOIN counted_articles AS a USING (article_id)
    JOIN actors USING (actor_id)
)
SELECT
    left_side.actor_id AS actor_a_id,
    left_side.name AS actor_a,
    right_side.actor_id AS actor_b_id,
    right_side.name AS actor_b,
    count(*) AS n_paragraphs,
    count(DISTINCT left_side.article_id) AS n_articles,
    count(DISTINCT left_side.outlet_label) AS n_outlets
FROM paragraph_actors AS left_side
JOIN paragraph_actors AS right_side
    ON left_side.paragraph_id = right_side.paragraph_id
   AND (left_side.name, left_side.actor_id) < (right_side.name, right_side.actor_id)
GROUP BY ALL;
