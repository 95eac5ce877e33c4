-- one row per current article: its story cluster and near-duplicate signature
SELECT a.article_id, a.outlet, a.story_group AS "group", s.minhash
FROM articles AS a
JOIN article_signatures AS s USING (article_id)
WHERE a.is_current;
