-- one row per earlier article named in candidate_ids: its signature, to score the pairs
SELECT s.article_id, s.minhash
FROM article_signatures AS s
JOIN candidate_ids USING (article_id);
