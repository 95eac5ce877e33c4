-- the articles whose pairs the co-mention totals should hold (counted, derived) against
-- those they hold: +1 for each to add, -1 for each to take out (an article whose outlet
-- label changed is both; one whose derivation was reset is taken out with the pairs it
-- had, which stay until it is derived again)
CREATE OR REPLACE TEMP TABLE co_mention_changed_articles AS
WITH contributing AS (
    SELECT * FROM contributing_articles()  -- sql/schema/125_actor_day_totals.sql
)
SELECT article_id, outlet_label, 1 AS sign
FROM contributing
ANTI JOIN co_mention_sources AS sources USING (article_id, outlet_label)
UNION ALL
SELECT article_id, outlet_label, -1 AS sign
FROM co_mention_sources AS sources
ANTI JOIN contributing USING (article_id, outlet_label);
