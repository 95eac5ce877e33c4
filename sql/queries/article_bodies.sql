-- the body of each article in chunk_articles
SELECT a.article_id, a.body
FROM articles AS a
JOIN chunk_articles USING (article_id)
ORDER BY a.article_id;
