-- the stored pairs of alike articles that name any of reset_articles
SELECT p.article_id, p.other_id, p.similarity
FROM near_duplicate_pairs AS p
WHERE p.article_id IN (SELECT article_id FROM reset_articles)
    OR p.other_id IN (SELECT article_id FROM reset_articles)
ORDER BY p.article_id, p.other_id;
