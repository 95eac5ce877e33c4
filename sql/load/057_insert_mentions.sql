-- mentions derived beside extraction, for the articles this batch loads
INSERT INTO mentions BY NAME
SELECT * FROM incoming_mentions
WHERE article_id IN (SELECT article_id FROM incoming_articles);
