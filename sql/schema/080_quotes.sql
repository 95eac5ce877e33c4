-- one row per quotation
CREATE TABLE IF NOT EXISTS quotes (
    quote_id          VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    paragraph_id      VARCHAR NOT NULL,
    speaker_actor_id  VARCHAR,
    speaker_surface   VARCHAR,
    text              VARCHAR NOT NULL
);
