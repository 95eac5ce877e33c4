-- articles of this batch's loaded files
INSERT INTO articles BY NAME
SELECT i.*
FROM incoming_articles AS i
ANTI JOIN articles AS t USING (article_id);
