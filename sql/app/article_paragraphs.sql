-- one article's paragraphs in order
SELECT paragraph_id, position, kind, text
FROM paragraphs
WHERE article_id = $article_id
ORDER BY position
