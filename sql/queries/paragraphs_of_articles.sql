-- one row per paragraph of the articles in chunk_articles, in reading order, with the
-- article's language (recognition reads the languages its rules or model know)
SELECT p.article_id, p.paragraph_id, p.text, a.language
FROM paragraphs AS p
JOIN chunk_articles USING (article_id)
JOIN articles AS a USING (article_id)
ORDER BY p.article_id, p.position;
