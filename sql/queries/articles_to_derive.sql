-- one row per article whose mentions are not derived with the current registry
SELECT article_id FROM articles
WHERE article_id NOT IN (SELECT article_id FROM actor_derivations)
ORDER BY article_id;
