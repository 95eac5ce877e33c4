-- one article's actor mentions, with the actor each stands for
SELECT m.paragraph_id, m.start, m."end", actors.name AS actor, actors.type
FROM mentions AS m
JOIN actors USING (actor_id)
WHERE m.article_id = $article_id
ORDER BY m.paragraph_id, m.start
