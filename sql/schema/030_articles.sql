-- one row per article found in a file
-- no PRIMARY KEY: its index made every checkpoint of a growing warehouse slower; the load's
-- anti-join keeps article_id unique, and the quality gate rejects a batch's repeated ids
CREATE TABLE IF NOT EXISTS articles (
    article_id            VARCHAR NOT NULL,
    file_id               VARCHAR NOT NULL,
    position              INTEGER NOT NULL,   -- 0 = first in the file
    kind                  VARCHAR NOT NULL,   -- main / related
    title                 VARCHAR,
    subtitle              VARCHAR,
    outlet                VARCHAR,            -- canonical name, NULL when unknown
    outlet_source         VARCHAR,            -- header / footer / promo / sign_off / sidecar / url
    wire                  VARCHAR,
    authors               VARCHAR[] NOT NULL,
    dateline              VARCHAR,
    relative_time         VARCHAR,
    published_at          TIMESTAMPTZ,
    published_at_source   VARCHAR,            -- relative / explicit / metadata
    captured_at           TIMESTAMPTZ NOT NULL,
    coverage_date         DATE NOT NULL,
    coverage_date_source  VARCHAR NOT NULL,   -- published_at / captured_at
    body                  VARCHAR NOT NULL,
    n_paragraphs          INTEGER NOT NULL,
    n_words               INTEGER NOT NULL,
    near_duplicate_of     VARCHAR,            -- the most similar copy from the same outlet
    near_duplicate_group  VARCHAR,            -- first capture of its same-outlet copy cluster
    is_current            BOOLEAN NOT NULL,
    run_id                VARCHAR NOT NULL
);

-- added after the first release: the cross-outlet story cluster (syndication)
ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_group VARCHAR;

-- added with the text route's article finder: the article's language (ISO 639-1, NULL
-- when too little text to tell)
ALTER TABLE articles ADD COLUMN IF NOT EXISTS language VARCHAR;

-- dropped: a flag for titles made up from other text, which no route ever made
ALTER TABLE articles DROP COLUMN IF EXISTS title_is_derived;

-- added for large warehouses: whether coverage counts the article (counted_articles), kept by
-- every load (sql/load/048_mark_counted_articles.sql) so that no view ranks every copy group
-- again; NULL only in a warehouse made before it, filled once below
ALTER TABLE articles ADD COLUMN IF NOT EXISTS is_counted BOOLEAN;

-- an article counts when it is current and the first capture of the current members of its
-- same-outlet copy group; the flags of the articles in the groups keyed in `group_keys`
-- (one column, group_key: a near_duplicate_group, or the article's own id)
CREATE OR REPLACE MACRO counted_flags(group_keys) AS TABLE
SELECT
    article_id,
    is_current AND row_number() OVER (
        PARTITION BY is_current, coalesce(near_duplicate_group, article_id)
        ORDER BY captured_at, article_id
    ) = 1 AS counted
FROM articles
WHERE coalesce(near_duplicate_group, article_id) IN (SELECT group_key FROM query_table(group_keys));

-- a warehouse made before the flag: every group once (nothing to do on later opens)
CREATE OR REPLACE TEMP TABLE unflagged_groups AS
SELECT DISTINCT coalesce(near_duplicate_group, article_id) AS group_key
FROM articles
WHERE is_counted IS NULL;

UPDATE articles
SET is_counted = flags.counted
FROM counted_flags(unflagged_groups) AS flags
WHERE articles.article_id = flags.article_id;

DROP TABLE unflagged_groups;

-- added for large warehouses: a compact number per article, the key the app's actor rankings
-- join article_actors on (a join on an integer costs about half that on the 18-character
-- article_id). Given as rows arrive (sql/load/040_insert_articles.sql), and once below to
-- the rows of a warehouse made before it. Not a DEFAULT nextval(): DuckDB 1.5 cannot replay
-- such a column's addition from its write-ahead log after a crash
ALTER TABLE articles ADD COLUMN IF NOT EXISTS article_no INTEGER;

UPDATE articles
SET article_no = numbered.article_no
FROM (
    SELECT
        article_id,
        (SELECT coalesce(max(article_no), 0) FROM articles)
            + row_number() OVER (ORDER BY captured_at, article_id) AS article_no
    FROM articles
    WHERE article_no IS NULL
) AS numbered
WHERE articles.article_id = numbered.article_id;
