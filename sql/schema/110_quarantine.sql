-- one row per rejected file or article
CREATE TABLE IF NOT EXISTS quarantine (
    run_id       VARCHAR NOT NULL,
    file_id      VARCHAR,
    article_id   VARCHAR,            -- set when one article of a file was rejected
    path         VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,   -- empty / not_text / no_article / too_large / unreadable / bad_gzip / ...
    detail       VARCHAR,
    recorded_at  TIMESTAMPTZ NOT NULL
);
