-- one row per person-like name in a paragraph that matched no registry alias
CREATE TABLE IF NOT EXISTS name_candidates (
    article_id    VARCHAR NOT NULL,
    paragraph_id  VARCHAR NOT NULL,
    surface       VARCHAR NOT NULL
);
