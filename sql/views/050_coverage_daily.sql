-- one row per (coverage_date, outlet, actor): articles mentioning the actor and their share
-- of everything that outlet published that day
CREATE OR REPLACE VIEW coverage_daily AS
WITH outlet_days AS (
    SELECT coverage_date, outlet_label, count(*) AS n_outlet_articles
    FROM counted_articles
    GROUP BY coverage_date, outlet_label
),
actor_days AS (
    -- article_actors holds one row per article and actor, with its mention count
    SELECT
        a.coverage_date,
        a.outlet_label,
        aa.actor_id,
        count(*) AS n_articles,
        sum(aa.n_mentions)::BIGINT AS n_mentions
    FROM article_actors AS aa
    JOIN counted_articles AS a USING (article_id)
    GROUP BY a.coverage_date, a.outlet_label, aa.actor_id
)
SELECT
    actor_days.coverage_date,
    actor_days.outlet_label AS outlet,
    actor_days.actor_id,
    actors.name AS actor,
    actor_days.n_articles,
    actor_days.n_mentions,
    actor_days.n_articles / outlet_days.n_outlet_articles AS share_of_outlet_articles
FROM actor_days
JOIN outlet_days USING (coverage_date, outlet_label)
JOIN actors USING (actor_id);
