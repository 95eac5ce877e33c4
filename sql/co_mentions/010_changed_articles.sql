-- the articles whose pairs the co-mention totals should hold (counted, derived) against
-- those they hold (an article whose derivation was reset is taken out with the pairs it
-- had, which stay until it is derived again)
CREATE OR REPLACE TEMP TABLE co_mention_changed_articles AS
SELECT * FROM source_changes(co_mention_sources);  -- sql/schema/125_actor_day_totals.sql
