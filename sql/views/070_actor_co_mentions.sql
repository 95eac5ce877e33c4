-- one row per pair of actors named in the same paragraph of a counted article
-- (actor_a's name sorts before actor_b's; each pair once), from the totals the runs keep
-- (sql/co_mentions/)
CREATE OR REPLACE VIEW actor_co_mentions AS
WITH pairs AS (
    SELECT
        actor_a_id,
        actor_b_id,
        sum(n_paragraphs)::BIGINT AS n_paragraphs,
        sum(n_articles)::BIGINT AS n_articles,
        count(*) AS n_outlets
    FROM co_mention_totals
    GROUP BY actor_a_id, actor_b_id
),
named AS (
    SELECT
        pairs.*,
        first_actor.name AS first_name,
        second_actor.name AS second_name,
        (first_actor.name, pairs.actor_a_id) < (second_actor.name, pairs.actor_b_id) AS in_order
    FROM pairs
    JOIN actors AS first_actor ON first_actor.actor_id = pairs.actor_a_id
    JOIN actors AS second_actor ON second_actor.actor_id = pairs.actor_b_id
)
SELECT
    CASE WHEN in_order THEN actor_a_id ELSE actor_b_id END AS actor_a_id,
    CASE WHEN in_order THEN first_name ELSE second_name END AS actor_a,
    CASE WHEN in_order THEN actor_b_id ELSE actor_a_id END AS actor_b_id,
    CASE WHEN in_order THEN second_name ELSE first_name END AS actor_b,
    n_paragraphs,
    n_articles,
    n_outlets
FROM named;
