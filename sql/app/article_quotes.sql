-- one article's quotations and their speakers
SELECT q.paragraph_id, q.text, coalesce(actors.name, q.speaker_surface) AS speaker
FROM quotes AS q
LEFT JOIN actors ON actors.actor_id = q.speaker_actor_id
WHERE q.article_id = $article_id
ORDER BY q.paragraph_id, q.quote_id
