-- name_candidates derived beside extraction, for the articles this batch loads
INSERT INTO name_candidates BY NAME
SELECT * FROM incoming_name_candidates
WHERE article_id IN (SELECT article_id FROM incoming_articles);
