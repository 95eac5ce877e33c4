-- the $n actors mentioned in most matched articles (ties by id)
SELECT aa.actor_id
FROM matched
JOIN article_actors AS aa USING (article_id)
GROUP BY aa.actor_id
ORDER BY count(*) DESC, aa.actor_id
LIMIT $n
