-- one row per article that coverage counts: current (its file not superseded), and one copy
-- per same-outlet near-duplicate cluster (the first captured); two outlets running the same
-- story each count, since each chose to run it. Which articles those are is kept with each
-- load (articles.is_counted, sql/schema/030_articles.sql), not ranked again per query.
-- Every column but the body: counting reads metadata, and the bodies (about 5 kB an
-- article) would make fetching the view whole cost a copy of all the text; join `articles`
-- on article_id for them.
CREATE OR REPLACE VIEW counted_articles AS
SELECT * EXCLUDE (is_counted, body), coalesce(outlet, 'unknown') AS outlet_label
FROM articles
WHERE is_counted;
