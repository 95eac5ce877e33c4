-- one row per actor: how many counted articles, paragraphs and outlets mention it
CREATE OR REPLACE VIEW coverage_by_actor AS
WITH counted_mentions AS (
    SELECT m.actor_id, m.article_id, m.paragraph_id, a.outlet_label
    FROM mentions AS m
    JOIN counted_articles AS a USING (article_id)
)
SELECT
    actors.actor_id,
    actors.name,
    actors.type,
    count(DISTINCT counted_mentions.article_id) AS n_articles,
    count(DISTINCT counted_mentions.paragraph_id) AS n_paragraphs,
    count(counted_mentions.actor_id) AS n_mentions,
    count(DISTINCT counted_mentions.outlet_label) AS n_outlets
FROM actors
LEFT JOIN counted_mentions USING (actor_id)
GROUP BY actors.actor_id, actors.name, actors.type;
