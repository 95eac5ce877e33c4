-- one row per (new article, other article) sharing LSH bands, at most $per_article per new
-- article, those sharing the most bands first: the likeliest copies. Articles no longer
-- current count too: a pair with one is kept for the day its file comes back. Each band bucket
-- contributes at most $per_bucket earlier articles (loads store no more than that; in a
-- warehouse from before that cap, the newest), so a story run in hundreds of places costs
-- bounded work.
WITH wanted_buckets AS (
    SELECT DISTINCT band, band_key FROM incoming_bands
),
earlier AS (
    SELECT b.article_id, b.band, b.band_key
    FROM article_bands AS b
    JOIN wanted_buckets USING (band, band_key)
    QUALIFY row_number() OVER (PARTITION BY b.band, b.band_key ORDER BY b.article_id DESC)
        <= $per_bucket
),
shared AS (
    SELECT n.article_id, o.article_id AS other_id
    FROM incoming_bands AS n
    JOIN earlier AS o USING (band, band_key)
    UNION ALL
    SELECT n.article_id, m.article_id AS other_id
    FROM incoming_bands AS n
    JOIN (
        SELECT * FROM incoming_bands
        QUALIFY row_number() OVER (PARTITION BY band, band_key ORDER BY article_id)
            <= $per_bucket
    ) AS m USING (band, band_key)
    WHERE n.article_id <> m.article_id
)
SELECT article_id, other_id
FROM shared
GROUP BY article_id, other_id
QUALIFY row_number() OVER (
    PARTITION BY article_id ORDER BY count(*) DESC, other_id
) <= $per_article;
