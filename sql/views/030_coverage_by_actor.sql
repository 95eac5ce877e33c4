-- one row per actor: how many counted articles, paragraphs and outlets mention it
-- (from the per-day, per-outlet totals each run keeps: sql/schema/125_actor_day_totals.sql)
CREATE OR REPLACE VIEW coverage_by_actor AS
WITH per_outlet AS (
    SELECT
        actor_id,
        outlet_label,
        sum(n_articles) AS n_articles,
        sum(n_paragraphs) AS n_paragraphs,
        sum(n_mentions) AS n_mentions
    FROM actor_day_totals
    GROUP BY actor_id, outlet_label
),
per_actor AS (
    SELECT
        actor_id,
        sum(n_articles)::BIGINT AS n_articles,
        sum(n_paragraphs)::BIGINT AS n_paragraphs,
        sum(n_mentions)::BIGINT AS n_mentions,
        count(*) AS n_outlets
    FROM per_outlet
    GROUP BY actor_id
)
SELECT
    actors.actor_id,
    actors.name,
    actors.type,
    coalesce(per_actor.n_articles, 0) AS n_articles,
    coalesce(per_actor.n_paragraphs, 0) AS n_paragraphs,
    coalesce(per_actor.n_mentions, 0) AS n_mentions,
    coalesce(per_actor.n_outlets, 0) AS n_outlets,
    actors.source  -- registry / discovered
FROM actors
LEFT JOIN per_actor USING (actor_id);
