-- coverage_daily's and coverage_by_actor's counts, kept up to date as articles come, go and
-- are re-derived (as co_mention_totals are: sql/co_mentions/, and sql/derive_reset/ for the
-- articles whose derivation is reset): one row per day, outlet and actor, so that those
-- views add up thousands of rows instead of joining millions of article_actors rows to the
-- counted articles on every query
CREATE TABLE IF NOT EXISTS actor_day_totals (
    coverage_date  DATE NOT NULL,
    outlet_label   VARCHAR NOT NULL,
    actor_id       VARCHAR NOT NULL,
    n_articles     BIGINT NOT NULL,  -- counted articles mentioning the actor
    n_paragraphs   BIGINT NOT NULL,  -- their paragraphs mentioning it
    n_mentions     BIGINT NOT NULL   -- its mentions in them
);

-- the articles (under their outlet label) whose actors the totals hold
CREATE TABLE IF NOT EXISTS actor_day_sources (
    article_id    VARCHAR NOT NULL,
    outlet_label  VARCHAR NOT NULL
);

-- what a set of articles (article_id, outlet_label, sign: +1 to add an article, -1 to take
-- it out) changes in each (day, outlet, actor) total
CREATE OR REPLACE MACRO actor_day_counts(article_set) AS TABLE
SELECT
    a.coverage_date,
    chosen.outlet_label,
    aa.actor_id,
    sum(chosen.sign) AS n_articles,
    sum(chosen.sign * aa.n_paragraphs)::BIGINT AS n_paragraphs,
    sum(chosen.sign * aa.n_mentions)::BIGINT AS n_mentions
FROM query_table(article_set) AS chosen
JOIN articles AS a USING (article_id)
JOIN article_actors AS aa USING (article_id)
GROUP BY ALL;

-- the articles the kept totals (these and co_mention_totals) should hold: the counted ones
-- derived with the current registry, under their outlet label
CREATE OR REPLACE MACRO contributing_articles() AS TABLE
SELECT article_id, coalesce(outlet, 'unknown') AS outlet_label
FROM articles
SEMI JOIN actor_derivations USING (article_id)
WHERE is_counted;

-- what a kept totals' sources table (article_id, outlet_label: the articles it holds) must
-- change to hold the contributing articles: +1 for each to add, -1 for each to take out
-- (an article whose outlet label changed is both)
CREATE OR REPLACE MACRO source_changes(sources) AS TABLE
WITH contributing AS (
    SELECT * FROM contributing_articles()
)
SELECT article_id, outlet_label, 1 AS sign
FROM contributing
ANTI JOIN query_table(sources) AS held USING (article_id, outlet_label)
UNION ALL
SELECT article_id, outlet_label, -1 AS sign
FROM query_table(sources) AS held
ANTI JOIN contributing USING (article_id, outlet_label);

-- a warehouse made before these tables: its contributing articles, once (apply_schema runs
-- in one transaction; a warehouse whose sources are filled has nothing to fill)
CREATE OR REPLACE TEMP TABLE unsourced_articles AS
SELECT *, 1 AS sign
FROM contributing_articles()
WHERE NOT EXISTS (SELECT 1 FROM actor_day_sources);

INSERT INTO actor_day_totals SELECT * FROM actor_day_counts(unsourced_articles);

INSERT INTO actor_day_sources SELECT article_id, outlet_label FROM unsourced_articles;

DROP TABLE unsourced_articles;
