-- one row per earlier article named in candidate_ids: what linking needs of it
SELECT a.article_id, a.outlet, a.near_duplicate_group AS "group", a.story_group AS story, s.minhash
FROM articles AS a
JOIN article_signatures AS s USING (article_id)
JOIN candidate_ids USING (article_id);
