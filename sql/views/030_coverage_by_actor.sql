-- one row per actor: how many counted articles, paragraphs and outlets mention it
-- (from the per-article totals in article_actors: one row per article and actor)
CREATE OR REPLACE VIEW coverage_by_actor AS
WITH counted AS (
    SELECT aa.actor_id, aa.article_id, aa.n_paragraphs, aa.n_mentions, a.outlet_label
    FROM article_actors AS aa
    JOIN counted_articles AS a USING (article_id)
)
SELECT
    actors.actor_id,
    actors.name,
    actors.type,
    count(counted.article_id) AS n_articles,
    coalesce(sum(counted.n_paragraphs), 0)::BIGINT AS n_paragraphs,
    coalesce(sum(counted.n_mentions), 0)::BIGINT AS n_mentions,
    count(DISTINCT counted.outlet_label) AS n_outlets,
    actors.source  -- registry / discovered
FROM actors
LEFT JOIN counted USING (actor_id)
GROUP BY actors.actor_id, actors.name, actors.type, actors.source;
