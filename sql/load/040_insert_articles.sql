-- articles of this batch's loaded files
INSERT INTO articles BY NAME
SELECT * FROM incoming_articles
WHERE article_id NOT IN (SELECT article_id FROM articles);
