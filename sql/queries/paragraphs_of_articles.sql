-- one row per paragraph of the articles in chunk_articles, in reading order
SELECT p.article_id, p.paragraph_id, p.text
FROM paragraphs AS p
JOIN chunk_articles USING (article_id)
ORDER BY p.article_id, p.position;
