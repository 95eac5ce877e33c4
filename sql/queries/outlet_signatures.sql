-- one row per current article of the given outlets, with its near-duplicate signature
SELECT a.article_id, a.outlet, a.near_duplicate_group AS "group", s.minhash
FROM articles AS a
JOIN article_signatures AS s USING (article_id)
WHERE a.is_current AND list_contains($outlets, a.outlet);
