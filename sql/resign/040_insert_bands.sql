-- the re-signed articles' LSH band keys, at most $per_bucket articles per bucket as a
-- load keeps them (see load/056_insert_bands.sql)
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
