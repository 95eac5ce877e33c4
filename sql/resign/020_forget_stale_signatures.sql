-- the old signatures of re-signed articles
DELETE FROM article_signatures
WHERE article_id IN (SELECT article_id FROM incoming_signatures);
