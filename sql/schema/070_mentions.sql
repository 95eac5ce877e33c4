-- one row per actor mention in a paragraph (start/end index the paragraph text)
CREATE TABLE IF NOT EXISTS mentions (
    article_id    VARCHAR NOT NULL,
    paragraph_id  VARCHAR NOT NULL,
    actor_id      VARCHAR NOT NULL,
    surface       VARCHAR NOT NULL,
    "start"       INTEGER NOT NULL,
    "end"         INTEGER NOT NULL
);
