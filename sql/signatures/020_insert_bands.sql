-- LSH band keys of the incoming signatures' articles. A bucket keeps the first $per_bucket
-- articles that land in it, no more: the candidate query reads no more than that many from
-- a bucket, and a story copied thousands of times would otherwise make every later batch
-- read all of its copies (and the table grow with them). A load never deletes here; a
-- re-signing has deleted the stale keys first.
INSERT INTO article_bands BY NAME
WITH filled AS (
    SELECT band, band_key, count(*) AS n_stored
    FROM article_bands
    WHERE (band, band_key) IN (SELECT band, band_key FROM incoming_bands)
    GROUP BY band, band_key
)
SELECT i.article_id, i.band, i.band_key
FROM incoming_bands AS i
LEFT JOIN filled AS f USING (band, band_key)
QUALIFY row_number() OVER (PARTITION BY i.band, i.band_key ORDER BY i.article_id)
    + coalesce(f.n_stored, 0) <= $per_bucket;
