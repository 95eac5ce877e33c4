-- near-duplicate signatures of this batch's articles
INSERT INTO article_signatures BY NAME
SELECT * FROM incoming_signatures
WHERE article_id NOT IN (SELECT article_id FROM article_signatures);
