-- near-duplicate signatures of this batch's (or this re-signing's) articles; a re-signing
-- has deleted the stale ones first
INSERT INTO article_signatures BY NAME
SELECT i.*
FROM incoming_signatures AS i
ANTI JOIN article_signatures AS t USING (article_id);
