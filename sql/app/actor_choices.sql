-- the actors a filter can pick, most covered first (capped: a list of tens of thousands
-- is no choice)
SELECT actor_id, name, type, n_articles
FROM coverage_by_actor
WHERE n_articles > 0
ORDER BY n_articles DESC, name, actor_id
LIMIT $limit
