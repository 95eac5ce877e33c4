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
