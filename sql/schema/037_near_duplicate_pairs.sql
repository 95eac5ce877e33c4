-- one row per pair of articles found alike (estimated Jaccard similarity of their 5-word
-- shingles at or above the threshold), article_id < other_id: the edges of the copy and
-- story clusters, kept so a cluster that loses or regains an article is worked out again
-- without comparing its articles anew
CREATE TABLE IF NOT EXISTS near_duplicate_pairs (
    article_id  VARCHAR NOT NULL,
    other_id    VARCHAR NOT NULL,
    similarity  DOUBLE NOT NULL
);
