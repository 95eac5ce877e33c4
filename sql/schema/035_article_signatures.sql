-- one row per loaded article: its MinHash signature, so later batches find its copies
-- no PRIMARY KEY: its index made every checkpoint of a growing warehouse slower; the load's
-- anti-join keeps one signature per article
CREATE TABLE IF NOT EXISTS article_signatures (
    article_id  VARCHAR NOT NULL,
    minhash     UBIGINT[] NOT NULL
);

-- added after the first release: the scheme that made the signature (NULL: the first one,
-- crc32 shingle hashes); a warehouse signed under another scheme is re-signed on open
ALTER TABLE article_signatures ADD COLUMN IF NOT EXISTS scheme VARCHAR;
