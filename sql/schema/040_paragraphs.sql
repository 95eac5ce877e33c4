-- one row per paragraph of an article
CREATE TABLE IF NOT EXISTS paragraphs (
    paragraph_id  VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    position      INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,   -- text / heading / bullet
    text          VARCHAR NOT NULL,
    n_words       INTEGER NOT NULL
);
