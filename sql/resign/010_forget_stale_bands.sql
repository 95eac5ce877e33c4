-- the LSH band keys of re-signed articles, made from their old signatures
DELETE FROM article_bands
WHERE article_id IN (SELECT article_id FROM incoming_signatures);
