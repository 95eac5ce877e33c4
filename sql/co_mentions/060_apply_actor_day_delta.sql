-- the changes go into the day/outlet/actor totals (a reset's, sql/derive_reset/012, and
-- 050's); a total no counted article holds any more leaves them
MERGE INTO actor_day_totals AS totals
USING (
    SELECT
        coverage_date,
        outlet_label,
        actor_id,
        sum(n_articles) AS n_articles,
        sum(n_paragraphs) AS n_paragraphs,
        sum(n_mentions) AS n_mentions
    FROM actor_day_delta
    GROUP BY ALL
) AS delta
ON totals.coverage_date = delta.coverage_date
   AND totals.outlet_label = delta.outlet_label
   AND totals.actor_id = delta.actor_id
WHEN MATCHED THEN UPDATE SET
    n_articles = totals.n_articles + delta.n_articles,
    n_paragraphs = totals.n_paragraphs + delta.n_paragraphs,
    n_mentions = totals.n_mentions + delta.n_mentions
WHEN NOT MATCHED THEN INSERT VALUES (
    delta.coverage_date,
    delta.outlet_label,
    delta.actor_id,
    delta.n_articles,
    delta.n_paragraphs,
    delta.n_mentions
);

DELETE FROM actor_day_totals WHERE n_articles = 0;

DROP TABLE actor_day_delta;
