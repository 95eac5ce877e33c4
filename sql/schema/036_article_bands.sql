-- one row per (article, LSH band): articles sharing a band key are near-duplicate
-- candidates, found for a new batch with one join however large the warehouse
CREATE TABLE IF NOT EXISTS article_bands (
    article_id  VARCHAR NOT NULL,
    band        UTINYINT NOT NULL,
    band_key    UBIGINT NOT NULL
);
