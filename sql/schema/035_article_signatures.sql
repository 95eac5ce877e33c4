-- one row per loaded article: its MinHash signature, so later batches find its copies
CREATE TABLE IF NOT EXISTS article_signatures (
    article_id  VARCHAR PRIMARY KEY,
    minhash     UBIGINT[] NOT NULL
);
