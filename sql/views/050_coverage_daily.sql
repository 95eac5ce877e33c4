-- one row per (coverage_date, outlet, actor): articles mentioning the actor and their share
-- of everything that outlet published that day (the actors' counts from the totals each run
-- keeps: sql/schema/125_actor_day_totals.sql)
CREATE OR REPLACE VIEW coverage_daily AS
WITH outlet_days AS (
    SELECT coverage_date, outlet_label, count(*) AS n_outlet_articles
    FROM counted_articles
    GROUP BY coverage_date, outlet_label
)
SELECT
    totals.coverage_date,
    totals.outlet_label AS outlet,
    totals.actor_id,
    actors.name AS actor,
    totals.n_articles,
    totals.n_mentions,
    totals.n_articles / outlet_days.n_outlet_articles AS share_of_outlet_articles
FROM actor_day_totals AS totals
JOIN outlet_days USING (coverage_date, outlet_label)
JOIN actors USING (actor_id);
