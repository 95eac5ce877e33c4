-- one row per (new article, other article) sharing LSH bands, at most $per_article per new
-- article, those sharing the most bands first: the likeliest copies, and a bound on the
-- work when one story runs in hundreds of places
WITH shared AS (
    SELECT n.article_id, o.article_id AS other_id
    FROM incoming_bands AS n
    JOIN article_bands AS o USING (band, band_key)
    JOIN articles AS a ON a.article_id = o.article_id AND a.is_current
    UNION ALL
    SELECT n.article_id, m.article_id AS other_id
    FROM incoming_bands AS n
    JOIN incoming_bands AS m USING (band, band_key)
    WHERE n.article_id <> m.article_id
)
SELECT article_id, other_id
FROM shared
GROUP BY article_id, other_id
QUALIFY row_number() OVER (
    PARTITION BY article_id ORDER BY count(*) DESC, other_id
) <= $per_article;
