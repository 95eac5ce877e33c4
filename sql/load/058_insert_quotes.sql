-- quotes derived beside extraction, for the articles this batch loads
INSERT INTO quotes BY NAME
SELECT * FROM incoming_quotes
WHERE article_id IN (SELECT article_id FROM incoming_articles);
