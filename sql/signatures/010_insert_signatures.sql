-- near-duplicate signatures of this batch's (or this re-signing's) articles; a re-signing
-- has deleted the stale ones first
INSERT INTO article_signatures BY NAME
SELECT * FROM incoming_signatures
WHERE article_id NOT IN (SELECT article_id FROM article_signatures);
