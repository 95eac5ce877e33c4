-- LSH band keys of this batch's articles
INSERT INTO article_bands BY NAME
SELECT * FROM incoming_bands
WHERE article_id IN (SELECT article_id FROM incoming_articles);
